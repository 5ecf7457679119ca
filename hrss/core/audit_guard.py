"""Database triggers that refuse UPDATE, DELETE (and on PostgreSQL TRUNCATE) on the append-only tables, so not
even code that bypasses the model (QuerySet.update(), raw SQL) can rewrite the audit trail or a review's decisions.
Core's initial migration installs a copy of these statements (ADR 0009); `uninstall` exists for the test harness,
whose live-server tests must empty every table between tests."""

# Tables that only ever grow: the audit trail and the review decision log.
APPEND_ONLY_TABLES = ("core_auditentry", "core_reviewdecision")


def _statements(vendor, table, installing):
    if vendor == "sqlite":
        if installing:
            return [f"""CREATE TRIGGER IF NOT EXISTS {table}_no_update BEFORE UPDATE ON {table}
                        BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END;""",
                    f"""CREATE TRIGGER IF NOT EXISTS {table}_no_delete BEFORE DELETE ON {table}
                        BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END;"""]
        return [f"DROP TRIGGER IF EXISTS {table}_no_update;", f"DROP TRIGGER IF EXISTS {table}_no_delete;"]
    if vendor == "postgresql":
        if installing:
            return [f"""CREATE OR REPLACE FUNCTION {table}_append_only() RETURNS trigger AS $$
                        BEGIN RAISE EXCEPTION '{table} is append-only'; END; $$ LANGUAGE plpgsql;""",
                    f"""CREATE OR REPLACE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table}
                        FOR EACH ROW EXECUTE FUNCTION {table}_append_only();""",
                    # TRUNCATE bypasses row triggers; refuse it with a statement trigger.
                    f"""CREATE OR REPLACE TRIGGER {table}_no_truncate BEFORE TRUNCATE ON {table}
                        FOR EACH STATEMENT EXECUTE FUNCTION {table}_append_only();"""]
        return [f"DROP TRIGGER IF EXISTS {table}_no_truncate ON {table};",
                f"DROP TRIGGER IF EXISTS {table}_append_only ON {table};",
                f"DROP FUNCTION IF EXISTS {table}_append_only();"]
    raise NotImplementedError(f"no append-only triggers for {vendor}")


def _run(connection, tables, installing):
    with connection.cursor() as cursor:
        for table in tables:
            for statement in _statements(connection.vendor, table, installing):
                cursor.execute(statement)


def install(connection, tables=APPEND_ONLY_TABLES):
    _run(connection, tables, installing=True)


def uninstall(connection, tables=APPEND_ONLY_TABLES):
    _run(connection, tables, installing=False)
