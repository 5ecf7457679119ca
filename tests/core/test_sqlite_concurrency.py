"""Regression test for the SQLite settings: 4 processes x 150 read-modify-write transactions through Django's
SQLite backend, configured by `hrss.settings.database_from_url`, lose nothing and never see "database is
locked". Measured on this kind of machine, Django's defaults failed 316/600 (`make bench` prints that comparison
with the same code). It uses its own SQLite file, so it runs in the PostgreSQL pass of the suite too."""

from bench.sqlite_writers import TRANSACTIONS, WORKERS, run_writers


def test_concurrent_writers_lose_nothing():
    failures, counter, _elapsed = run_writers(use_hrss_settings=True)
    assert failures == 0
    assert counter == WORKERS * TRANSACTIONS
