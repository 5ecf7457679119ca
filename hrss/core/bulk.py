"""Plain multi-row INSERTs through Django's connection, for the few paths that write hundreds of thousands of rows
(ledger imports, demo data). `QuerySet.bulk_create` compiles SQL per object and per field, which measured at
roughly 60% of a 20,000-row import; here the statement is built once and the rows go to `executemany` as tuples.
Values must already be what the database stores (codes, dates); no model `save()` logic runs."""

from django.db import connection


def column_names(model, fields):
    return [model._meta.get_field(name).column for name in fields]


def insert_rows(model, fields, rows, *, skip_conflicts_on=None):
    """INSERT `rows` (tuples in the order of `fields`) into `model`'s table. With `skip_conflicts_on` (a unique
    field), rows that would duplicate an existing value are skipped (SQLite 3.24+ and PostgreSQL syntax)."""
    rows = rows if isinstance(rows, list) else list(rows)
    if not rows:
        return 0
    quote = connection.ops.quote_name
    columns = ", ".join(quote(column) for column in column_names(model, fields))
    placeholders = ", ".join(["%s"] * len(fields))
    sql = f"INSERT INTO {quote(model._meta.db_table)} ({columns}) VALUES ({placeholders})"
    if skip_conflicts_on:
        sql += f" ON CONFLICT ({quote(model._meta.get_field(skip_conflicts_on).column)}) DO NOTHING"
    with connection.cursor() as cursor:
        cursor.executemany(sql, rows)
    return len(rows)


def stored_datetime(value):
    """A timezone-aware datetime as the backend stores it (SQLite keeps naive UTC text)."""
    return connection.ops.adapt_datetimefield_value(value)


def select_by_keys(model, key_field, fields, keys, *, chunk=900):
    """Rows (tuples of `fields`) whose `key_field` is one of `keys`. Django's `__in` lookup prepares each of
    thousands of parameters through the field (measured: a quarter of an import's database time); these keys are
    already plain strings. Chunks stay under SQLite's default limit on bound parameters."""
    keys = list(keys)
    if not keys:
        return []
    quote = connection.ops.quote_name
    columns = ", ".join(quote(column) for column in column_names(model, fields))
    key_column = quote(model._meta.get_field(key_field).column)
    table = quote(model._meta.db_table)
    found = []
    with connection.cursor() as cursor:
        for start in range(0, len(keys), chunk):
            part = keys[start:start + chunk]
            cursor.execute(f"SELECT {columns} FROM {table} WHERE {key_column} IN ({', '.join(['%s'] * len(part))})",
                           part)
            found.extend(cursor.fetchall())
    return found
