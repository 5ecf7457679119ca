"""Issue 13's contribution import benchmark, beside a baseline measured in the same run.

A fresh SQLite database (migrated, Heyuan loaded) is given people spread over Heyuan's villages, each with an
active enrolment, and a payment file (.csv) of `rows` rows for them: five years of 个人缴费 a person, each with
its own receipt number, amounts on the tiers. The database is then copied, so both runs start from the same state.

1. Bare pipeline: read the same CSV with the csv module and sqlite3.executemany into the same table
   (pensions_contribution, with its indexes and unique receipt index) the rows the import writes: each payment and
   the subsidy of its tier, the person and enrolment found in a dict loaded once, no validation, one transaction.
2. `hrss import-contributions FILE --source bank --as bench --json`: the tabular pipeline (a second process reads
   and validates), matching by ID number and name within the importer's scope, enrolment, duplicates, the tier's
   subsidy, the import's progress per batch, the unmatched rows.

Each runs in its own process; hrss's time is the whole command (start-up included), its peak memory that of the
process and its children, sampled as bench/import_ledger.py does.
"""

import csv
import random
import shutil
import subprocess
import tempfile
from pathlib import Path

from bench.import_ledger import PYTHON, ROOT, fresh_database, run_measured

YEARS = (2021, 2022, 2023, 2024, 2025)
AMOUNTS = ("180", "360", "600", "1200", "2400")

SETUP = r"""
import datetime, os, sys
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hrss.settings")
import django
django.setup()
from django.db import transaction
from hrss.accounts import services as account_services
from hrss.core.models import Level, Region
from hrss.core.permissions import Role
from hrss.core.id_numbers import check_character
from hrss.core.scoping import county_code_of
from hrss.pensions.models import Enrolment
from hrss.residents.models import Person

count = int(sys.argv[1])
user, _ = account_services.create_user(actor=None, username="bench", region=Region.objects.get(code="441600000000"),
                                       roles=[Role.CITY_ADMIN], password="Bench-password-2026!", full_name="bench")
villages = list(Region.objects.filter(level=Level.VILLAGE).values_list("code", flat=True).order_by("code"))
surnames, given = "黄李陈张刘叶罗钟曾邱温林何谢赖朱吴杨王廖", "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华"
people = []
for index in range(count):
    village = villages[index // 500 % len(villages)]
    birth = datetime.date(1970, 1, 1) + datetime.timedelta(days=index % 9000)
    first17 = f"{county_code_of(village)}{birth:%Y%m%d}{index % 1000:03d}"
    name = surnames[index % len(surnames)] + given[index // 20 % len(given)] + given[index // 500 % len(given)]
    people.append(Person(id_number=first17 + check_character(first17), name=name, sex="M", birth_date=birth,
                         region_code=village))
seen, unique = set(), []
for person in people:
    if person.id_number not in seen:
        seen.add(person.id_number)
        unique.append(person)
with transaction.atomic():
    Person.objects.bulk_create(unique, batch_size=5000)
    ids = Person.objects.values_list("pk", "region_code")
    Enrolment.objects.bulk_create([Enrolment(person_id=pk, region_code=code, scheme="crps", tier=600, state="active",
                                             received_on=datetime.date(2020, 3, 1), enrolled_on=datetime.date(2020, 3, 1),
                                             created_by=user) for pk, code in ids], batch_size=5000)
with open(sys.argv[2], "w", encoding="utf-8") as out:
    for person in unique:
        out.write(f"{person.id_number},{person.name}\n")
"""

BARE = r"""
import csv, sqlite3, sys, time
from datetime import datetime, timezone
path, db = sys.argv[1], sys.argv[2]
connection = sqlite3.connect(db)
connection.execute("PRAGMA journal_mode=WAL")
subsidy = {"180": "30", "360": "30", "600": "60", "1200": "60", "2400": "60"}
started = time.perf_counter()
people = {id_number: (person, enrolment, region) for id_number, person, enrolment, region in connection.execute(
    "SELECT p.id_number, p.id, e.id, e.region_code FROM residents_person p JOIN pensions_enrolment e "
    "ON e.person_id = p.id WHERE e.state = 'active'")}
now = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M:%S")
sql = ("INSERT INTO pensions_contribution (person_id, enrolment_id, region_code, year, kind, amount, paid_on, source, "
       "source_ref, created_at) VALUES (?,?,?,?,?,?,?,?,?,?)")

def rows():
    with open(path, newline="", encoding="utf-8") as handle:
        reader = csv.reader(handle)
        next(reader)
        for id_number, _name, year, amount, paid_on, receipt, _kind in reader:
            person, enrolment, region = people[id_number]
            yield (person, enrolment, region, int(year), "personal", amount, paid_on, "bank", receipt, now)
            yield (person, enrolment, region, int(year), "subsidy", subsidy[amount], paid_on, "bank", receipt, now)

with connection:
    connection.executemany(sql, rows())
print(time.perf_counter() - started)
"""


def payment_file(path, people_file, rows):
    """The payment CSV: `rows` rows over the people written by SETUP, five years each."""
    rng = random.Random(2026)
    with open(people_file, encoding="utf-8") as handle:
        people = [line.rstrip("\n").split(",") for line in handle]
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["公民身份号码", "姓名", "缴费年度", "缴费金额", "到账日期", "票据号/流水号", "缴费类别"])
        for index in range(rows):
            id_number, name = people[index % len(people)]
            year = YEARS[index // len(people) % len(YEARS)]
            writer.writerow([id_number, name, year, AMOUNTS[rng.randrange(len(AMOUNTS))],
                             f"{year}-{rng.randint(3, 11):02d}-{rng.randint(1, 28):02d}", f"R{index:09d}", "个人缴费"])


def main(rows=1_000_000):
    people = max(rows // len(YEARS), 1)
    with tempfile.TemporaryDirectory() as directory:
        env = fresh_database(directory, "hrss")
        people_file, payments = Path(directory) / "people.txt", Path(directory) / "payments.csv"
        done = subprocess.run([PYTHON, "-c", SETUP, str(people), str(people_file)], env=env, cwd=ROOT,
                              capture_output=True)
        if done.returncode != 0:
            raise RuntimeError(f"setting up the people failed:\n{done.stderr.decode()[-3000:]}")
        payment_file(payments, people_file, rows)
        bare_db = Path(directory) / "bare.sqlite3"
        shutil.copy(Path(directory) / "hrss.sqlite3", bare_db)

        bare_time, bare_rss, out = run_measured([PYTHON, "-c", BARE, str(payments), str(bare_db)])
        bare_rate = rows / float(out.strip())
        ours_time, ours_rss, out = run_measured(
            [PYTHON, "-m", "hrss", "import-contributions", str(payments), "--source", "bank", "--as", "bench",
             "--json"], env={**env, "HRSS_IMPORT_MAX_ROWS": str(max(rows, 1_000_000))})
        result = __import__("json").loads(out)
        assert result["matched"] == rows and not result["unmatched"], result
        ours_rate = rows / ours_time
        print(f"contribution import  bare csv+executemany: {bare_rate:,.0f} rows/s ({bare_time:.1f} s, "
              f"peak {bare_rss:.0f} MB)")
        print(f"contribution import  hrss import-contributions: {ours_rate:,.0f} rows/s ({ours_time:.1f} s, "
              f"peak {ours_rss:.0f} MB)  [{rows:,} rows, {people:,} people]")
        print(f"contribution import  hrss / bare pipeline: {ours_rate / bare_rate:.2f}x  (goal >= 0.5x); "
              f"peak memory {ours_rss:.0f} MB (goal < 500 MB)")
        return {"bare_rate": bare_rate, "ours_rate": ours_rate, "ratio": ours_rate / bare_rate, "peak_mb": ours_rss}


if __name__ == "__main__":
    import sys

    main(*(int(arg) for arg in sys.argv[1:]))
