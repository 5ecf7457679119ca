"""`make bench`: every benchmark prints its figure beside a baseline measured in the same run, as a ratio."""

from bench import sqlite_writers

if __name__ == "__main__":
    sqlite_writers.main()
