"""Regression test for the SQLite settings: 4 processes x 150 read-modify-write transactions through Django's
SQLite backend, configured by `hrss.settings.database_from_url`, lose nothing and never see "database is
locked". Measured on this kind of machine, Django's defaults failed 316/600 (bench/sqlite_writers.py prints that
comparison). It uses its own SQLite file, so it runs in the PostgreSQL pass of the suite too."""

import multiprocessing
import sqlite3

WORKERS = 4
TRANSACTIONS = 150


def worker(path, count, queue):
    import django
    from django.conf import settings

    from hrss.settings import database_from_url

    settings.configure(DATABASES={"default": database_from_url(f"sqlite:///{path}")}, USE_TZ=True)
    django.setup()
    from django.db import OperationalError, connection, transaction

    failures = 0
    for _ in range(count):
        try:
            with transaction.atomic(), connection.cursor() as cursor:
                cursor.execute("SELECT value FROM counter WHERE id = 1")
                (value,) = cursor.fetchone()
                cursor.execute("UPDATE counter SET value = %s WHERE id = 1", [value + 1])
        except OperationalError:
            failures += 1
    queue.put(failures)


def test_concurrent_writers_lose_nothing(tmp_path):
    path = tmp_path / "concurrency.sqlite3"
    with sqlite3.connect(path) as setup:
        setup.execute("CREATE TABLE counter (id INTEGER PRIMARY KEY, value INTEGER NOT NULL)")
        setup.execute("INSERT INTO counter VALUES (1, 0)")
    context = multiprocessing.get_context("spawn")
    queue = context.Queue()
    processes = [context.Process(target=worker, args=(str(path), TRANSACTIONS, queue)) for _ in range(WORKERS)]
    for process in processes:
        process.start()
    failures = sum(queue.get(timeout=300) for _ in processes)
    for process in processes:
        process.join(timeout=60)
    with sqlite3.connect(path) as check:
        (value,) = check.execute("SELECT value FROM counter").fetchone()
        (journal,) = check.execute("PRAGMA journal_mode").fetchone()
    assert failures == 0
    assert value == WORKERS * TRANSACTIONS
    assert journal == "wal"
