"""The layers of docs/architecture.md, read from the code's imports (grimp, the graph import-linter builds): core
imports no app above it, no module imports itself round about, and the contracts of pyproject.toml hold
(`make lint` runs the same). Each check is also run on a graph with a planted offence, so it is seen to fail."""

import os
import subprocess
import sys
from pathlib import Path

import grimp
import pytest

from hrss.core import review, workdays

PROJECT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def graph():
    return grimp.build_graph("hrss")


def imports_out_of_core(graph):
    """(importer, imported) pairs where a module of hrss.core imports a module of another hrss app (accounts,
    residents, employment, any area to come, the API), function-level imports included."""
    found = []
    for module in sorted(graph.find_descendants("hrss.core")):
        for imported in graph.find_modules_directly_imported_by(module):
            if imported.startswith("hrss.") and not (imported == "hrss.core" or imported.startswith("hrss.core.")):
                found.append((module, imported))
    return sorted(found)


def import_cycles(graph):
    """The groups of hrss modules that import each other, directly or round about (Tarjan's strongly connected
    components, iteratively: the graph has a few hundred modules)."""
    index, low, on_stack, stack, groups = {}, {}, set(), [], []
    for root in sorted(graph.modules):
        if root in index:
            continue
        work = [(root, iter(sorted(graph.find_modules_directly_imported_by(root))))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            module, children = work[-1]
            for child in children:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph.find_modules_directly_imported_by(child)))))
                    break
                if child in on_stack:
                    low[module] = min(low[module], index[child])
            else:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[module])
                if low[module] == index[module]:
                    group = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        group.append(member)
                        if member == module:
                            break
                    if len(group) > 1:
                        groups.append(sorted(group))
    return sorted(groups)


def test_core_imports_no_app_above_it(graph):
    assert imports_out_of_core(graph) == []


def test_an_import_of_a_business_app_from_core_is_found():
    planted = grimp.build_graph("hrss")
    planted.add_import(importer="hrss.core.scoping", imported="hrss.employment.models")
    assert ("hrss.core.scoping", "hrss.employment.models") in imports_out_of_core(planted)


def test_no_module_imports_itself_round_about(graph):
    assert import_cycles(graph) == []


def test_a_planted_cycle_is_found():
    planted = grimp.build_graph("hrss")
    planted.add_import(importer="hrss.core.workdays", imported="hrss.core.review")  # review imports workdays
    assert ["hrss.core.review", "hrss.core.workdays"] in import_cycles(planted)


def test_the_import_contracts_of_pyproject_hold():
    linted = subprocess.run([str(Path(sys.executable).with_name("lint-imports")), "--no-cache"], cwd=PROJECT,
                            capture_output=True, text=True, timeout=120)
    assert linted.returncode == 0, linted.stdout + linted.stderr


def test_review_fills_the_deadlines_after_every_arrangement_load():
    """workdays no longer imports review: review registers itself, and is imported whenever Django starts."""
    assert review.fill_missing_due_dates in workdays._after_load
    started = subprocess.run(
        [sys.executable, "-c", "import django; django.setup(); from hrss.core import workdays; "
                               "print([f'{hook.__module__}.{hook.__name__}' for hook in workdays._after_load])"],
        cwd=PROJECT, capture_output=True, text=True, timeout=120,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "hrss.settings"})
    assert "hrss.core.review.fill_missing_due_dates" in started.stdout, started.stderr
