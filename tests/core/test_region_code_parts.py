"""Only core.scoping knows how a region code is built (ADR 0001): the county of a village is
`scoping.county_code_of(code)`, never `code[:6]`. This scan reads every module of hrss and fails on a region code
sliced or padded anywhere else (as tests/test_one_clock.py does for the clock); it is also run on planted examples,
so it is seen to catch one."""

import ast
import re
from pathlib import Path

import pytest

from hrss.core import scoping
from hrss.core.models import Level

HRSS = Path(__file__).resolve().parents[2] / "hrss"
# scoping reads the code's structure; core/models.py declares it (CODE_LENGTH, PREFIX_LENGTH) and Region.prefix
# slices there because scoping imports models, not the other way round.
ALLOWED = {"core/scoping.py", "core/models.py"}
# What a region code is called in this code base: code, region_code, county_code, village.code, DEMO_VILLAGE, ...
REGION_NAME = re.compile(r"(^|_)code$|village|county|township|region", re.IGNORECASE)
STRUCTURE = re.compile(r"\b(PREFIX_LENGTH|CODE_LENGTH)\b")


def _named_like_a_region_code(node):
    """A name or attribute (not a call: `qs.filter(code=...)[:20]` slices a queryset) named like a region code."""
    name = node.id if isinstance(node, ast.Name) else node.attr if isinstance(node, ast.Attribute) else ""
    return bool(REGION_NAME.search(name))


def region_code_handling(source):
    """(line, text) of each slice or padding of something named like a region code, and of any slice or padding
    that uses the code's lengths."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Subscript) and isinstance(node.slice, ast.Slice):
            if _named_like_a_region_code(node.value) or STRUCTURE.search(ast.unparse(node.slice)):
                found.append((node.lineno, ast.unparse(node)))
        elif (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
              and node.func.attr in {"ljust", "rjust", "zfill"}
              and (_named_like_a_region_code(node.func.value)
                   or any(STRUCTURE.search(ast.unparse(arg)) for arg in node.args))):
            found.append((node.lineno, ast.unparse(node)))
    return found


def test_no_module_but_scoping_takes_a_region_code_apart():
    offences = []
    for path in sorted(HRSS.rglob("*.py")):
        relative = path.relative_to(HRSS).as_posix()
        if relative in ALLOWED or "/migrations/" in relative:  # migrations copy what they need (stand alone)
            continue
        offences += [f"{relative}:{line}: {text}" for line, text in region_code_handling(path.read_text())]
    assert offences == [], "\n".join(offences) + "\nuse scoping.county_code_of(), township_code_of(), code_prefix(), ancestor_code()"


@pytest.mark.parametrize("planted", [
    "county_code = person.region_code[:6]",
    "townships = {r.code[:9]: r for r in regions}",
    "key = DEMO_VILLAGE[:6]",
    "region = code[:PREFIX_LENGTH[upper]]",
    "county = Region.objects.get(code=certificate.county_code.ljust(12, '0'))",
    "parent = prefix.ljust(CODE_LENGTH, '0')",
])
def test_the_scan_catches_a_planted_slice(planted):
    assert region_code_handling(f"def f():\n    {planted}\n") != []


def test_the_scan_leaves_other_slices_alone():
    assert region_code_handling("masked = number[:6] + '*' * 8 + number[14:]\nfirst = rows[:10]\n"
                                "events = Region.objects.filter(code=code)[:20]\n") == []


@pytest.mark.parametrize(("helper", "code", "expected"), [
    (scoping.county_code_of, "441602001003", "441602"),
    (scoping.township_code_of, "441602001003", "441602001000"),
    (scoping.township_code_of, "441602001000", "441602001000"),
    (scoping.code_of_prefix, "441602", "441602000000"),
])
def test_region_code_parts(helper, code, expected):
    assert helper(code) == expected


def test_ancestor_code_at_each_level():
    code = "441602001003"
    assert [scoping.ancestor_code(code, level) for level in Level] == [
        "440000000000", "441600000000", "441602000000", "441602001000", "441602001003"]
    assert [scoping.code_prefix(code, level) for level in Level] == ["44", "4416", "441602", "441602001",
                                                                    "441602001003"]
    assert scoping.ancestor_codes(code) == ["440000000000", "441600000000", "441602000000", "441602001000"]
    assert scoping.level_of_code(scoping.township_code_of(code)) == Level.TOWNSHIP
