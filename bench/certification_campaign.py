"""Issue 13's certification benchmark: starting the city's 领取待遇资格认证 campaign for 300,000 pensioners against
30,000 (goal: at most 3x; the start writes no certification row, the village's list makes its own; the median of
five starts, four rolled back, after a WAL checkpoint of the bulk load), and the
village's 认证名单 page (/pensions/certification/people/?region=<village>) at each size (goal: at most 3x; its
first request gives the village's subjects their rows, the median is of five). Each size runs in a process of its own on a fresh SQLite database (migrated, Heyuan's
regions loaded); the people and their paying pensions are written with bulk inserts, spread over every village of
the city, so a village holds ten times as many at the larger size. The page time is the median of several requests
through Django's test client."""

import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable

MEASURE = r"""
import datetime, os, statistics, sys, time
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hrss.settings")
import django
django.setup()
from decimal import Decimal
from django.db import connection, transaction
from django.test import Client
from django.utils import timezone
from hrss.accounts import services as account_services
from hrss.core import scoping
from hrss.core.models import Level, Region
from hrss.core.permissions import Role
from hrss.pensions.certification import selectors, services
from hrss.pensions.models import Certification, Pension, PensionState
from hrss.residents.demo import id_number_for
from hrss.residents.models import Person

subjects = int(sys.argv[1])
CITY = "441600000000"
city = Region.objects.get(code=CITY)
user, _ = account_services.create_user(actor=None, username="city", region=city, roles=[Role.CITY_ADMIN],
                                       password="Bench@2026x", full_name="city", must_change=False)
villages = list(scoping.within_region(Region.objects.filter(level=Level.VILLAGE, is_active=True), city)
                .order_by("code").values_list("code", flat=True))
first_birth, batch = datetime.date(1940, 1, 1), 10_000
for start in range(0, subjects, batch):
    Person.objects.bulk_create([
        Person(id_number=id_number_for(scoping.county_code_of(villages[i % len(villages)]),
                                       first_birth + datetime.timedelta(days=i // 900), i % 900 + 1),
               name=f"老人{i}", sex="M" if (i % 900 + 1) % 2 else "F",
               birth_date=first_birth + datetime.timedelta(days=i // 900), region_code=villages[i % len(villages)])
        for i in range(start, min(subjects, start + batch))])
people = Person.objects.order_by("pk").values_list("pk", "region_code")
rows = []
for pk, code in people.iterator(chunk_size=batch):
    rows.append(Pension(person_id=pk, region_code=code, first_month=datetime.date(2015, 1, 1),
                        account_balance=Decimal("8340.00"), basic=Decimal("240.00"), account_part=Decimal("60.00"),
                        total=Decimal("300.00"), state=PensionState.PAYING, approved_on=datetime.date(2015, 1, 1),
                        created_by=user))
    if len(rows) == batch:
        Pension.objects.bulk_create(rows)
        rows = []
Pension.objects.bulk_create(rows)

# The bulk load's pages still in the WAL are copied back now, not charged to the start's commit (a checkpoint).
with connection.cursor() as cursor:
    cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
today = timezone.localdate()
times = []
for attempt in range(5):  # four starts rolled back, then the one kept: the median of the five
    started = time.perf_counter()
    with transaction.atomic():  # its commit (or rollback) timed too
        campaign = services.start_campaign(actor=user, region=city, year=today.year, opens_on=today,
                                           closes_on=today + datetime.timedelta(days=60), today=today)
        transaction.set_rollback(attempt < 4)
    times.append(time.perf_counter() - started)
result = {"start campaign": statistics.median(times)}
assert not Certification.objects.exists()

client = Client(HTTP_HOST="localhost")
client.force_login(user)
village = villages[len(villages) // 2]
for name, path in (("village certification page", f"/pensions/certification/people/?region={village}"),
                   ("village page searched by name", f"/pensions/certification/people/?region={village}&q=%E8%80%81"),
                   ("campaign page (city)", f"/pensions/certification/{campaign.pk}/")):
    times = []
    for _ in range(5):
        started = time.perf_counter()
        response = client.get(path)
        times.append(time.perf_counter() - started)
        assert response.status_code == 200, (path, response.status_code, response.get("Location"))
    result[name] = statistics.median(times)
assert selectors.subjects_seen(user, campaign) == subjects
print(repr(result))
"""


def database(directory, subjects):
    env = {**os.environ, "HRSS_DATABASE_URL": f"sqlite:///{directory}/certification-{subjects}.sqlite3",
           "HRSS_HTTPS": "0",
           "HRSS_SECRET_KEY": os.environ.get("HRSS_SECRET_KEY", "bench-secret-key-" + "x" * 40)}
    for command in (["migrate", "-v0"], ["load-regions"]):
        subprocess.run([PYTHON, "-m", "hrss", *command], env=env, check=True, capture_output=True, cwd=ROOT)
    return env


def measure(env, subjects):
    out = subprocess.run([PYTHON, "-c", MEASURE, str(subjects)], env=env, capture_output=True, cwd=ROOT, text=True)
    if out.returncode:
        raise RuntimeError(out.stderr[-3000:])
    return eval(out.stdout.strip().splitlines()[-1])  # noqa: S307 - our own child's repr of a dict of floats


def main(small=30_000, large=300_000):
    with tempfile.TemporaryDirectory() as directory:
        base = measure(database(directory, small), small)
        big = measure(database(directory, large), large)
    goals = {"start campaign": " (goal <= 3x)", "village certification page": " (goal <= 3x)"}
    for name in base:
        ratio = big[name] / base[name]
        print(f"certification  {name}: {big[name] * 1000:,.0f} ms at {large:,} pensioners, {base[name] * 1000:,.0f} ms "
              f"at {small:,}: {ratio:.1f}x{goals.get(name, '')}")
    return max(big[name] / base[name] for name in goals)


if __name__ == "__main__":
    main(*(int(arg) for arg in sys.argv[1:]))
