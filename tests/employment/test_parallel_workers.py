"""Worker processes writing at the same time, on the database of this pass of the suite (a fresh SQLite file, or
a fresh PostgreSQL database): 200 certificates issued by 8 workers get 200 different numbers with no gap, and
audit entries from 6 workers keep one unbroken hash chain. Separate processes, each with its own connection,
because that is how two officers' requests reach the database."""

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import TODAY

ROOT = Path(__file__).resolve().parents[2]
WORKERS = 8
PER_WORKER = 25

SETUP = r"""
import datetime, django
django.setup()
from hrss.accounts.services import create_user
from hrss.core.models import Region
from hrss.core.permissions import Role
from hrss.residents.demo import id_number_for
from hrss.residents.models import Person
create_user(actor=None, username="cara", region=Region.objects.get(code="441602000000"),
            roles=[Role.COUNTY_APPROVER], password="Heyuan@2026", full_name="cara")
birth = datetime.date(1990, 5, 1)
Person.objects.bulk_create([
    Person(id_number=id_number_for("441602", birth, 2 * i + 1), name=f"申请人{i}", sex="M", birth_date=birth,
           region_code="441602001003", hukou_type="agricultural", labour_status="unemployed")
    for i in range(%(count)d)])
"""

WORKER = r"""
import datetime, os, sys, time, django
django.setup()
from hrss.accounts.models import User
from hrss.employment.certificates import issue_certificate
from hrss.residents.models import Person
index, per_worker, start_file, ready_file = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3], sys.argv[4]
today = datetime.date.fromisoformat(sys.argv[5])  # the suite's frozen day: a worker process has the real clock
actor = User.objects.get(username="cara")
people = list(Person.objects.order_by("id")[index * per_worker:(index + 1) * per_worker])
open(ready_file, "w").close()
while not os.path.exists(start_file):  # every worker is connected and waiting before any issues
    time.sleep(0.01)
for person in people:
    issue_certificate(actor=actor, person=person, today=today)
"""


@pytest.fixture
def shared_database_url(tmp_path):
    url = os.environ.get("HRSS_DATABASE_URL", "")
    if not url.startswith("postgres"):
        yield f"sqlite:///{tmp_path}/certificates.sqlite3"
        return
    import psycopg

    name = f"hrss_certificates_{os.getpid()}"
    with psycopg.connect(url, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield url.rsplit("/", 1)[0] + "/" + name
    finally:
        with psycopg.connect(url, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def start_together(workers, ready_files, start_file):
    """A barrier across processes: wait until every worker has said it is ready (set up, connected, holding its
    people), then let them all go at once. A worker that dies while starting ends the wait with its error."""
    while not all(path.exists() for path in ready_files):
        for worker in workers:
            if worker.poll() is not None:
                raise AssertionError(worker.stderr.read().decode()[-3000:])
        time.sleep(0.05)
    start_file.touch()


def run(args, env):
    done = subprocess.run([sys.executable, *args], env=env, cwd=ROOT, capture_output=True)
    assert done.returncode == 0, done.stderr.decode()[-3000:]
    return done


def test_parallel_workers_issue_200_certificates_without_a_duplicate_number(shared_database_url, tmp_path):
    env = {**os.environ, "HRSS_DATABASE_URL": shared_database_url, "DJANGO_SETTINGS_MODULE": "hrss.settings",
           "HRSS_AUDIT_HEAD_FILE": str(tmp_path / "audit-head.txt")}
    run(["-m", "hrss", "migrate", "-v0"], env)
    run(["-m", "hrss", "load-regions"], env)
    run(["-c", SETUP % {"count": WORKERS * PER_WORKER}], env)
    start_file, ready_files = tmp_path / "start", [tmp_path / f"ready-{index}" for index in range(WORKERS)]
    workers = [subprocess.Popen([sys.executable, "-c", WORKER, str(index), str(PER_WORKER), str(start_file),
                                 str(ready_files[index]), TODAY.isoformat()],
                                env=env, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
               for index in range(WORKERS)]
    start_together(workers, ready_files, start_file)
    errors = []
    for worker in workers:
        _out, err = worker.communicate(timeout=300)
        if worker.returncode:
            errors.append(err.decode()[-2000:])
    assert not errors, errors[0]
    found = run(["-c", "import django, json; django.setup(); "
                       "from hrss.employment.models import EmploymentCertificate as C; "
                       "print(json.dumps(list(C.objects.values_list('number', 'sequence'))))"], env).stdout
    issued = json.loads(found)
    numbers = [number for number, _sequence in issued]
    assert len(issued) == WORKERS * PER_WORKER
    assert len(set(numbers)) == len(numbers)
    assert sorted(sequence for _number, sequence in issued) == list(range(1, WORKERS * PER_WORKER + 1))
    assert all(len(number) == 16 and number.startswith("44160210") for number in numbers)
    # Each issue wrote an audit entry from its own process at the same time: the hash chain still has no fork.
    assert "哈希链无断点" in run(["-m", "hrss", "audit-verify"], env).stdout.decode()


AUDIT_WRITER = r"""
import os, sys, time, django
django.setup()
from django.db import transaction
from hrss.core import audit
start_file = sys.argv[1]
open(sys.argv[3], "w").close()
while not os.path.exists(start_file):
    time.sleep(0.01)
for index in range(40):
    with transaction.atomic():
        audit.record(actor=None, action="test.concurrent", note=f"{sys.argv[2]}-{index}")
"""


def test_audit_entries_written_by_parallel_workers_keep_one_unbroken_chain(shared_database_url, tmp_path):
    env = {**os.environ, "HRSS_DATABASE_URL": shared_database_url, "DJANGO_SETTINGS_MODULE": "hrss.settings",
           "HRSS_AUDIT_HEAD_FILE": str(tmp_path / "audit-head.txt")}
    run(["-m", "hrss", "migrate", "-v0"], env)
    start_file, ready_files = tmp_path / "start", [tmp_path / f"ready-{index}" for index in range(6)]
    workers = [subprocess.Popen([sys.executable, "-c", AUDIT_WRITER, str(start_file), str(index),
                                 str(ready_files[index])], env=env,
                                cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE) for index in range(6)]
    start_together(workers, ready_files, start_file)
    for worker in workers:
        _out, err = worker.communicate(timeout=300)
        assert worker.returncode == 0, err.decode()[-2000:]
    assert "哈希链无断点" in run(["-m", "hrss", "audit-verify"], env).stdout.decode()
