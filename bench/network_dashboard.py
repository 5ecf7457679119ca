"""Issue 15's dashboard benchmark: the city's 平台总览 and a county's compliance map page (its townships coloured
by the share of offices meeting every rule) at 2,000,000 people against 20,000 (goal: at most 3x), every
township and village with its office (1,544), each time the median of several requests through Django's test
client in a process of its own, on SQLite as `make run` uses it.

The databases are bench/ledger_pages.py's (migrate, load-regions, `hrss demo --people N`, which also computes the
targets' snapshots of twelve months); then every township and village gets its office and stored standing
(offices.services.refresh_standings), the activity table is brought up to date, and any month of the page's trend
the demo did not compute is computed, as the nightly tasks would. The page reads only those precomputed rows, so it
should not grow with the people."""

import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from bench.ledger_pages import PYTHON, ROOT, population_database

COUNTY = "441602000000"  # 源城区

SETUP = r"""
import os
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hrss.settings")
import django
django.setup()
from django.conf import settings
from django.utils import timezone
from hrss.core.models import Level, Region
from hrss.network.activity.refresh import refresh
from hrss.network.dashboard.selectors import months_up_to
from hrss.network.models import Office, TargetSnapshot
from hrss.network.offices.services import refresh_standings
from hrss.network.reports.selectors import parse_month
from hrss.network.targets.snapshots import compute_snapshots
today = timezone.localdate()
have = set(Office.objects.values_list("region_code", flat=True))
codes = Region.objects.filter(is_active=True, level__in=(Level.TOWNSHIP, Level.VILLAGE)).values_list("code", flat=True)
Office.objects.bulk_create([Office(region_code=code) for code in codes if code not in have], batch_size=500)
refresh_standings(today=today)
refresh()
computed = set(TargetSnapshot.objects.filter(region_code=settings.HRSS_ROOT_REGION_CODE).values_list("month", flat=True))
for month in months_up_to(parse_month("", today)):
    if month not in computed:
        compute_snapshots(month, today=today)
print(Office.objects.count())
"""

MEASURE = r"""
import os, statistics, sys, time
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hrss.settings")
import django
django.setup()
from django.test import Client
from hrss.accounts.models import User
client = Client(HTTP_HOST="localhost")
client.force_login(User.objects.get(username="city"))
result = {}
for name, path in (("city dashboard", "/network/dashboard/"),
                   ("county compliance map", "/network/dashboard/?region=COUNTY&metric=standards")):
    client.get(path)  # the first request of a process (templates, the activity refresh it may ask for)
    times = []
    for _ in range(5):
        started = time.perf_counter()
        response = client.get(path)
        times.append(time.perf_counter() - started)
        assert response.status_code == 200, (path, response.status_code)
    result[name] = statistics.median(times)
print(repr(result))
""".replace("COUNTY", COUNTY)


def _run(code, env):
    out = subprocess.run([PYTHON, "-c", code], env=env, capture_output=True, cwd=ROOT, text=True)
    if out.returncode:
        raise RuntimeError(out.stderr[-3000:])
    return out.stdout.strip().splitlines()[-1]


def network_database(directory, people):
    """bench/ledger_pages.py's database of `people` people (kept and reused when it is already in `directory`, as
    HRSS_BENCH_DIR allows), with every office and the precomputed figures. Returns (env, offices)."""
    path = Path(directory) / f"people-{people}.sqlite3"
    if path.exists():
        env = {**os.environ, "HRSS_DATABASE_URL": f"sqlite:///{path}", "HRSS_HTTPS": "0",
               "HRSS_SECRET_KEY": os.environ.get("HRSS_SECRET_KEY", "bench-secret-key-" + "x" * 40)}
        subprocess.run([PYTHON, "-m", "hrss", "migrate", "-v0"], env=env, check=True, capture_output=True, cwd=ROOT)
    else:
        env = population_database(directory, people)
    return env, int(_run(SETUP, env))


def measure(env):
    return eval(_run(MEASURE, env))  # noqa: S307 - our own child's repr of a dict of floats


def main(small=20_000, large=2_000_000):
    kept = os.environ.get("HRSS_BENCH_DIR")
    with tempfile.TemporaryDirectory() as scratch:
        directory = kept or scratch
        env, offices = network_database(directory, small)
        base = measure(env)
        env, offices_large = network_database(directory, large)
        big = measure(env)
    for name in base:
        ratio = big[name] / base[name]
        print(f"network dashboard  {name}: {big[name] * 1000:,.0f} ms at {large:,} people and {offices_large:,} "
              f"offices, {base[name] * 1000:,.0f} ms at {small:,} ({offices:,} offices): {ratio:.1f}x (goal <= 3x)")
    return statistics.mean(big[name] / base[name] for name in base)


if __name__ == "__main__":
    main(*(int(arg) for arg in sys.argv[1:]))
