"""Ledger import throughput, each figure beside a baseline measured in the same run.

1. Bare pipeline: read the file with python-calamine and sqlite3.executemany the rows, unvalidated, into a table
   with the same unique (公民身份号码) and region indexes, in one transaction.
2. `hrss import-ledger FILE` with all validation, on a fresh migrated SQLite database with Heyuan loaded.
3. django-import-export, set up as a Django user would for this model (公民身份号码 as the import id field,
   skip_unchanged), on 10,000 rows of the same ledger file, doing what hrss does with each row: the Chinese
   headers and labels mapped to the model, sex and birth date taken from the ID number, the household found or
   created, the first status event recorded. Also the lighter set-up of earlier runs: a file already converted to
   the model's fields and codes, people only (no household, no status event).

hrss runs with its statistics refresh queued for the background worker, as in production: with an immediate
task backend (HRSS_TASKS_IMMEDIATE=1, as `make bench` sets for the test settings) the import would also
recompute every region's figures before it returned.

Each runs in its own process; its peak memory is sampled over the process and its children.
"""

import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from bench.ledger_file import ledger_rows, ledger_xlsx

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable


def tree_rss_mb(pid):
    """Resident memory of a process and all its descendants, in MB (Linux /proc)."""
    total, pending = 0, [pid]
    while pending:
        current = pending.pop()
        try:
            with open(f"/proc/{current}/status") as status:
                total += next(int(line.split()[1]) for line in status if line.startswith("VmRSS:"))
            with open(f"/proc/{current}/task/{current}/children") as children:
                pending.extend(int(child) for child in children.read().split())
        except (FileNotFoundError, ProcessLookupError, StopIteration):
            continue
    return total / 1024


def run_measured(args, env=None):
    """Run a child process; return (seconds, peak memory in MB, stdout). The peak is the largest sum, sampled every
    20 ms, of the process's resident memory and its children's (an import reads in a second process)."""
    started = time.perf_counter()
    process = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, cwd=ROOT)
    peak, done = [0.0], threading.Event()

    def sample():
        while not done.wait(0.02):
            peak[0] = max(peak[0], tree_rss_mb(process.pid))

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out, err = process.communicate()
    done.set()
    sampler.join()
    elapsed = time.perf_counter() - started
    if process.returncode != 0:
        raise RuntimeError(f"{args} failed:\n{err.decode()[-3000:]}")
    return elapsed, peak[0], out.decode()


BARE = r"""
import sqlite3, sys, time
from python_calamine import CalamineWorkbook
path, db = sys.argv[1], sys.argv[2]
connection = sqlite3.connect(db)
connection.execute("PRAGMA journal_mode=WAL")
connection.execute('''CREATE TABLE person (id INTEGER PRIMARY KEY, id_number VARCHAR(18) NOT NULL UNIQUE,
  name VARCHAR(50), relation VARCHAR(16), head VARCHAR(18), hukou VARCHAR(20), education VARCHAR(2),
  status VARCHAR(16), phone VARCHAR(20), region_code VARCHAR(12) NOT NULL)''')
# The region indexes of hrss's people table (residents.Person.Meta.indexes), kept in step with it.
connection.execute("CREATE INDEX person_region_status ON person (region_code, status)")
connection.execute("CREATE INDEX person_region_name ON person (region_code, name)")
started = time.perf_counter()
rows = CalamineWorkbook.from_path(path).get_sheet_by_index(0).iter_rows()
next(rows)
with connection:
    connection.executemany("INSERT INTO person (id_number, name, relation, head, hukou, education, status, phone,"
                           " region_code) VALUES (?,?,?,?,?,?,?,?,?)", rows)
print(time.perf_counter() - started)
"""

IMPORT_EXPORT = r"""
import os, sys, time
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hrss.settings")
import django
django.setup()
import tablib
from import_export import resources
from hrss.residents.models import Person

class PersonResource(resources.ModelResource):
    class Meta:
        model = Person
        import_id_fields = ["id_number"]
        skip_unchanged = True
        fields = ["id_number", "name", "sex", "birth_date", "region_code", "relation_to_head", "hukou_type",
                  "education", "labour_status", "phone"]

with open(sys.argv[1], "rb") as handle:
    dataset = tablib.Dataset().load(handle.read(), format="xlsx")
started = time.perf_counter()
result = PersonResource().import_data(dataset, dry_run=False, use_transactions=True)
elapsed = time.perf_counter() - started
assert not result.has_errors() and not result.has_validation_errors(), result.invalid_rows[:3]
print(elapsed)
"""


IMPORT_EXPORT_SAME_DATA = r"""
import os, sys, time
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hrss.settings")
import django
django.setup()
import tablib
from django.utils import timezone
from import_export import fields, resources, widgets
from hrss.core.id_numbers import parse
from hrss.residents.models import (Education, FlexibleForm, HukouType, Household, LabourStatus, LabourStatusEvent,
                                   MigrantDestination, Person, Relation)


class LabelWidget(widgets.Widget):
    # A choices field written as its Chinese label in the spreadsheet.
    def __init__(self, choices):
        self.values = {str(label): value for value, label in choices}

    def clean(self, value, row=None, **kwargs):
        if value in (None, ""):
            return ""
        try:
            return self.values[value]
        except KeyError:
            raise ValueError(f"“{value}”不是可选值")


STATUS = {str(label): value for value, label in LabourStatus.choices}
DETAILS = {str(label): value for value, label in [*MigrantDestination.choices, *FlexibleForm.choices]}


class PersonResource(resources.ModelResource):
    id_number = fields.Field(attribute="id_number", column_name="公民身份号码")
    name = fields.Field(attribute="name", column_name="姓名")
    relation_to_head = fields.Field(attribute="relation_to_head", column_name="与户主关系",
                                    widget=LabelWidget(Relation.choices))
    hukou_type = fields.Field(attribute="hukou_type", column_name="户籍性质", widget=LabelWidget(HukouType.choices))
    education = fields.Field(attribute="education", column_name="文化程度", widget=LabelWidget(Education.choices))
    phone = fields.Field(attribute="phone", column_name="联系电话")
    region_code = fields.Field(attribute="region_code", column_name="村(社区)代码")
    sex = fields.Field(attribute="sex", column_name="sex")
    birth_date = fields.Field(attribute="birth_date", column_name="birth_date", widget=widgets.DateWidget())
    labour_status = fields.Field(attribute="labour_status", column_name="labour_status")
    status_detail = fields.Field(attribute="status_detail", column_name="status_detail")

    class Meta:
        model = Person
        import_id_fields = ["id_number"]
        skip_unchanged = True
        fields = ["id_number", "name", "sex", "birth_date", "region_code", "relation_to_head", "hukou_type",
                  "education", "labour_status", "status_detail", "phone"]

    def before_import_row(self, row, **kwargs):
        parsed = parse(row["公民身份号码"])
        row["sex"], row["birth_date"] = parsed.sex, parsed.birth_date
        base, _, detail = row["就业状态"].replace("（", "(").replace("）", ")").partition("(")
        row["labour_status"], row["status_detail"] = STATUS[base], DETAILS.get(detail.rstrip(")"), "")

    def before_save_instance(self, instance, row, **kwargs):
        instance._is_new = instance.pk is None
        head = row["户主公民身份号码"] or instance.id_number
        instance.household, _ = Household.objects.get_or_create(head_id_number=head,
                                                                 defaults={"region_code": instance.region_code})

    def after_save_instance(self, instance, row, **kwargs):
        if instance._is_new:
            LabourStatusEvent.objects.create(person=instance, status=instance.labour_status,
                                             detail=instance.status_detail, effective_date=timezone.localdate(),
                                             region_code=instance.region_code, source=LabourStatusEvent.Source.IMPORT)


started = time.perf_counter()  # reading the file counts, as it does for hrss
with open(sys.argv[1], "rb") as handle:
    dataset = tablib.Dataset().load(handle.read(), format="xlsx")
result = PersonResource().import_data(dataset, dry_run=False, use_transactions=True)
elapsed = time.perf_counter() - started
assert not result.has_errors() and not result.has_validation_errors(), result.invalid_rows[:3]
assert Person.objects.count() == LabourStatusEvent.objects.count() == len(dataset) == int(sys.argv[2])
assert Household.objects.count() == Person.objects.filter(relation_to_head="head").count()
print(elapsed)
"""


# hrss timed the way django-import-export is above: the import call alone, in a process already set up.
HRSS_IN_PROCESS = r"""
import os, sys, time
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hrss.settings")
import django
django.setup()
from hrss.residents.imports import import_ledger
started = time.perf_counter()
result = import_ledger(sys.argv[1], actor=None)
elapsed = time.perf_counter() - started
assert result.created == int(sys.argv[2]) and not result.rejected, (result.created, result.rejected[:3])
print(elapsed)
"""


def fresh_database(directory, name):
    env = {**os.environ, "HRSS_DATABASE_URL": f"sqlite:///{directory}/{name}.sqlite3", "HRSS_DEBUG": "0",
           "HRSS_SECRET_KEY": os.environ.get("HRSS_SECRET_KEY", "bench-secret-key-" + "x" * 40),
           "HRSS_TASKS_IMMEDIATE": "0"}
    for command in (["migrate", "-v0"], ["load-regions"]):
        subprocess.run([PYTHON, "-m", "hrss", *command], env=env, check=True, capture_output=True, cwd=ROOT)
    return env


def hrss_import(path, env):
    elapsed, rss, out = run_measured([PYTHON, "-m", "hrss", "import-ledger", str(path), "--json"], env=env)
    result = json.loads(out)
    return elapsed, rss, result


def import_export_rows(count):
    """The same people as ledger_rows, with the model's field names and values as the model stores them."""
    from hrss.core.id_numbers import parse

    statuses = {"务农": "farming", "单位就业": "employed", "灵活就业": "flexible", "失业": "unemployed", "其他": "other"}
    for row in ledger_rows(count):
        parsed = parse(row[0])
        status = statuses.get(row[6], "other")
        yield [row[0], row[1], parsed.sex, parsed.birth_date.isoformat(), row[8], "head", "agricultural", "70",
               status, row[7]]


def main(rows=1_000_000, comparison_rows=10_000):
    with tempfile.TemporaryDirectory() as directory:
        big = ledger_xlsx(rows)
        small = ledger_xlsx(comparison_rows)
        bare_time, bare_rss, out = run_measured([PYTHON, "-c", BARE, str(big), f"{directory}/bare.sqlite3"])
        bare_rate = rows / float(out.strip())

        env = fresh_database(directory, "hrss")
        ours_time, ours_rss, result = hrss_import(big, env)
        assert result["created"] == rows and not result["rejected"], {k: result[k] for k in ("created", "updated")}
        ours_rate = rows / ours_time
        again_time, _rss, again = hrss_import(big, env)
        assert again["unchanged"] == rows and again["created"] == 0

        print(f"ledger import  bare calamine+executemany: {bare_rate:,.0f} rows/s ({bare_time:.1f} s, peak {bare_rss:.0f} MB)")
        print(f"ledger import  hrss import-ledger:        {ours_rate:,.0f} rows/s ({ours_time:.1f} s, peak {ours_rss:.0f} MB)"
              f"  [{rows:,} rows; re-import {rows / again_time:,.0f} rows/s, all unchanged]")
        print(f"ledger import  hrss / bare pipeline: {ours_rate / bare_rate:.2f}x  (goal >= 0.5x); "
              f"peak memory {ours_rss:.0f} MB (goal < 500 MB)")

        try:
            import import_export  # noqa: F401
        except ImportError:
            print("ledger import  django-import-export not installed: pip install -e '.[bench]'")
            return
        same_env = fresh_database(directory, "import_export_same")
        _t, _rss, out = run_measured([PYTHON, "-c", IMPORT_EXPORT_SAME_DATA, str(small), str(comparison_rows)],
                                     env=same_env)
        same_rate = comparison_rows / float(out.strip())
        columns = ["id_number", "name", "sex", "birth_date", "region_code", "relation_to_head", "hukou_type",
                   "education", "labour_status", "phone"]
        light_file = ledger_xlsx(comparison_rows, header=columns, rows=import_export_rows(comparison_rows),
                                 name=f"ledger-import-export-{comparison_rows}.xlsx")
        light_env = fresh_database(directory, "import_export")
        _t, _rss, out = run_measured([PYTHON, "-c", IMPORT_EXPORT, str(light_file)], env=light_env)
        light_rate = comparison_rows / float(out.strip())
        small_env = fresh_database(directory, "hrss_small")
        _t, _rss, out = run_measured([PYTHON, "-c", HRSS_IN_PROCESS, str(small), str(comparison_rows)], env=small_env)
        small_rate = comparison_rows / float(out.strip())
        print(f"ledger import  django-import-export, same file and outcome (household, first status event): "
              f"{same_rate:,.0f} rows/s on {comparison_rows:,} rows")
        print(f"ledger import  django-import-export, lighter set-up (converted file, people only): "
              f"{light_rate:,.0f} rows/s on {comparison_rows:,} rows")
        print(f"ledger import  hrss on the same {comparison_rows:,} rows: {small_rate:,.0f} rows/s "
              f"(all three: the import call alone, after set-up)")
        print(f"ledger import  hrss / django-import-export: {ours_rate / same_rate:.1f}x  (goal >= 50x: hrss at "
              f"{rows:,} rows against django-import-export at {comparison_rows:,}, same file and outcome); "
              f"on the same {comparison_rows:,} rows {small_rate / same_rate:.1f}x")
        print(f"ledger import  hrss / django-import-export's lighter set-up: {ours_rate / light_rate:.1f}x; "
              f"django-import-export's lighter set-up over the bare pipeline: {light_rate / bare_rate:.3f}x, so 50x "
              f"it would be {50 * light_rate / bare_rate:.2f}x the bare pipeline")


if __name__ == "__main__":
    main(*(int(arg) for arg in sys.argv[1:]))
