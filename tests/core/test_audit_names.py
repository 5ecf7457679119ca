"""Every audit action the code writes has a Chinese name, declared by the area that writes it (core.audit)."""

import ast
import re
from pathlib import Path

from django.apps import apps

import hrss
from hrss.core import audit, review
from hrss.core.models import ReviewDecision
from hrss.core.permissions import all_permissions
from hrss.employment.views import LEDGER_EXPORTS

SOURCE = Path(hrss.__file__).parent
# The actions whose text is put together from parts, with what they are built from (checked below). A new one
# fails test_actions_built_from_parts_are_known until it is added here and named.
BUILT_ACTIONS = {
    "f'review.{action}'", "f'{chain.case_type}.submit'", "f'{chain.case_type}.submitted'",
    "f'{chain.case_type}.{action}'", "f'employment.{kind}_ledger.exported'",
}


def python_files():
    return [path for path in SOURCE.rglob("*.py") if "migrations" not in path.parts]


def action_literals():
    """Dotted lower-case strings that start with one of our apps' labels (or core's review): the actions."""
    prefixes = {config.label for config in apps.get_app_configs() if config.name.startswith("hrss.")} | {"review"}
    pattern = re.compile(rf"^({'|'.join(sorted(prefixes))})(\.[a-z_]+)+$")
    case_types = {chain.case_type for chain in review.registered_chains()}  # named things, not actions
    found = {}
    for path in python_files():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and pattern.match(node.value):
                if node.value not in case_types:
                    found.setdefault(node.value, path.relative_to(SOURCE).as_posix())
    return found


def built_actions():
    found = set()
    for path in python_files():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.keyword) and node.arg == "action" and isinstance(node.value, ast.JoinedStr):
                found.add(ast.unparse(node.value))
    return found


def test_the_scan_finds_the_actions():
    found = action_literals()
    assert {"accounts.user.created", "residents.person.registered", "core.region.merged",
            "employment.certificate.issued"} <= set(found)


def test_every_action_written_in_the_code_has_a_chinese_name():
    named = audit.registered_actions()
    unnamed = {action: where for action, where in action_literals().items() if action not in named}
    assert unnamed == {}, "name these in the area's audit_names.py"


def test_actions_built_from_parts_are_known():
    assert built_actions() == BUILT_ACTIONS


def test_every_refused_permission_has_a_name():
    named = audit.registered_actions()
    assert [permission.value for permission in all_permissions() if permission.value not in named] == []


def test_every_move_of_every_review_chain_has_a_name():
    named = audit.registered_actions()
    moves = [action for action, _ in ReviewDecision.Action.choices if action != ReviewDecision.Action.SUBMIT]
    for chain in review.registered_chains():
        for action in (*moves, "submit", "submitted"):
            assert f"{chain.case_type}.{action}" in named
    for action, _ in ReviewDecision.Action.choices:
        assert f"review.{action}" in named


def test_every_ledger_export_has_a_name():
    named = audit.registered_actions()
    assert all(f"employment.{kind}_ledger.exported" in named for kind in LEDGER_EXPORTS)


def test_every_name_is_chinese():
    assert [action for action, name in audit.registered_actions().items()
            if not re.search(r"[\u4e00-\u9fff]", name)] == []
