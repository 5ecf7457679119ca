"""Concurrent SQLite writers: Django's default SQLite settings against hrss's (WAL, synchronous=FULL,
BEGIN IMMEDIATE, 20 s busy timeout), 4 processes x 150 read-modify-write transactions each, in one run."""

import multiprocessing
import sqlite3
import tempfile
import time
from pathlib import Path

WORKERS = 4
TRANSACTIONS = 150


def _worker(path, use_hrss_settings, queue):
    import django
    from django.conf import settings

    from hrss.settings import database_from_url

    if use_hrss_settings:
        database = database_from_url(f"sqlite:///{path}")
    else:
        database = {"ENGINE": "django.db.backends.sqlite3", "NAME": path}
    settings.configure(DATABASES={"default": database}, USE_TZ=True)
    django.setup()
    from django.db import OperationalError, connection, transaction

    failures = 0
    for _ in range(TRANSACTIONS):
        try:
            with transaction.atomic(), connection.cursor() as cursor:
                cursor.execute("SELECT value FROM counter WHERE id = 1")
                (value,) = cursor.fetchone()
                cursor.execute("UPDATE counter SET value = %s WHERE id = 1", [value + 1])
        except OperationalError:
            failures += 1
    queue.put(failures)


def run_writers(use_hrss_settings):
    with tempfile.TemporaryDirectory() as directory:
        path = str(Path(directory) / "bench.sqlite3")
        with sqlite3.connect(path) as setup:
            setup.execute("CREATE TABLE counter (id INTEGER PRIMARY KEY, value INTEGER NOT NULL)")
            setup.execute("INSERT INTO counter VALUES (1, 0)")
        context = multiprocessing.get_context("spawn")
        queue = context.Queue()
        started = time.perf_counter()
        processes = [context.Process(target=_worker, args=(path, use_hrss_settings, queue)) for _ in range(WORKERS)]
        for process in processes:
            process.start()
        failures = sum(queue.get(timeout=600) for _ in processes)
        for process in processes:
            process.join()
        elapsed = time.perf_counter() - started
        with sqlite3.connect(path) as check:
            (value,) = check.execute("SELECT value FROM counter").fetchone()
            (journal,) = check.execute("PRAGMA journal_mode").fetchone()
        assert journal == ("wal" if use_hrss_settings else "delete"), journal
    return failures, value, elapsed


def main():
    total = WORKERS * TRANSACTIONS
    base_failures, base_value, base_time = run_writers(False)
    ours_failures, ours_value, ours_time = run_writers(True)
    print(f"sqlite writers  baseline (Django defaults): {base_failures}/{total} failed, counter {base_value}, "
          f"{total / base_time:.0f} tx/s")
    print(f"sqlite writers  hrss settings:              {ours_failures}/{total} failed, counter {ours_value}, "
          f"{total / ours_time:.0f} tx/s")
    committed_ratio = ours_value / base_value if base_value else float("inf")
    print(f"sqlite writers  committed transactions, hrss / baseline: {committed_ratio:.2f}x")


if __name__ == "__main__":
    main()
