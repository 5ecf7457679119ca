"""Page times of the ledger as the population grows: a village's ledger page and the whole city's statistics,
at 2,000,000 people against 20,000 (goal: at most 3x), each the median of several requests through Django's
test client in a process of its own, on SQLite as `make run` uses it."""

import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable

MEASURE = r"""
import os, statistics, sys, time
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hrss.settings")
import django
django.setup()
from django.test import Client
from hrss.accounts.models import User
from hrss.residents.models import Person
client = Client(HTTP_HOST="localhost")
client.force_login(User.objects.get(username="city"))
village = Person.objects.order_by("id").values_list("region_code", flat=True).first()
result = {}
for name, path in (("village ledger", f"/residents/?region={village}"), ("city ledger", "/residents/"),
                   ("city statistics", "/residents/statistics/")):
    times = []
    for _ in range(5):
        started = time.perf_counter()
        response = client.get(path)
        times.append(time.perf_counter() - started)
        assert response.status_code == 200, (path, response.status_code)
    result[name] = statistics.median(times)
from hrss.residents.statistics import compute_snapshots
started = time.perf_counter()
compute_snapshots()
result["statistics refresh (background)"] = time.perf_counter() - started
print(repr(result))
"""


def population_database(directory, people):
    env = {**os.environ, "HRSS_DATABASE_URL": f"sqlite:///{directory}/people-{people}.sqlite3", "HRSS_HTTPS": "0",
           "HRSS_SECRET_KEY": os.environ.get("HRSS_SECRET_KEY", "bench-secret-key-" + "x" * 40)}
    for command in (["migrate", "-v0"], ["load-regions"], ["demo", "--people", str(people), "--seed", "2011"]):
        subprocess.run([PYTHON, "-m", "hrss", *command], env=env, check=True, capture_output=True, cwd=ROOT)
    return env


def measure(env):
    out = subprocess.run([PYTHON, "-c", MEASURE], env=env, capture_output=True, cwd=ROOT, text=True)
    if out.returncode:
        raise RuntimeError(out.stderr[-3000:])
    return eval(out.stdout.strip().splitlines()[-1])  # noqa: S307 - our own child's repr of a dict of floats


def main(small=20_000, large=2_000_000):
    with tempfile.TemporaryDirectory() as directory:
        base = measure(population_database(directory, small))
        big = measure(population_database(directory, large))
    goals = {"village ledger": " (goal <= 3x)", "city statistics": " (goal <= 3x)"}
    for name in base:
        ratio = big[name] / base[name]
        print(f"ledger pages  {name}: {big[name] * 1000:,.0f} ms at {large:,} people, {base[name] * 1000:,.0f} ms at "
              f"{small:,}: {ratio:.1f}x{goals.get(name, '')}")
    return statistics.mean(big[name] / base[name] for name in base)


if __name__ == "__main__":
    main(*(int(arg) for arg in sys.argv[1:]))
