"""The suite has one clock (tests/conftest.py freezes it) and the code has one idea of today: Heyuan's
(timezone.localdate(), Asia/Shanghai), never the host's. These calls read the host's zone or the wall clock
around the frozen one, so none may appear in the code or the tests."""

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FORBIDDEN = re.compile(r"\bdate\.today\(|\bdatetime\.now\(\)|\butcnow\(|\btime\.localtime\(")


def sources():
    for folder in ("hrss", "tests", "bench"):
        yield from sorted((ROOT / folder).rglob("*.py"))


def test_no_code_reads_the_hosts_date():
    offending = [f"{path.relative_to(ROOT)}:{number}: {line.strip()}"
                 for path in sources() if path != Path(__file__)
                 for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
                 if FORBIDDEN.search(line)]
    assert offending == []


@pytest.mark.parametrize("line", ["x = datetime.date.today()", "now = datetime.now()", "datetime.utcnow()"])
def test_the_check_sees_a_host_date_call(line):
    assert FORBIDDEN.search(line)


def test_the_frozen_clock_is_heyuans_today(db):
    from django.utils import timezone

    from tests.conftest import TODAY, frozen_now

    assert timezone.localdate() == TODAY == frozen_now().astimezone(timezone.get_default_timezone()).date()
    assert timezone.now() == frozen_now()
