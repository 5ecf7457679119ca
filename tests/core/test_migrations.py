import ast
from io import StringIO
from pathlib import Path

from django.core.management import call_command

HRSS = Path(__file__).resolve().parents[2] / "hrss"


def test_models_and_migrations_agree(db):
    output = StringIO()
    call_command("makemigrations", "--check", "--dry-run", stdout=output)
    assert "No changes detected" in output.getvalue()


def app_code_imported(source):
    """The hrss modules a migration's source imports (at any depth, function-level imports included), other
    than migrations: a migration that imports app code changes what it does when that code changes."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module] + [f"{node.module}.{alias.name}" for alias in node.names]
        else:
            continue
        for name in names:
            if name.split(".")[0] == "hrss" and ".migrations" not in name and name != "hrss":
                found.append(name)
        if any(name == "hrss" for name in names):
            found.append("hrss")
    return sorted(set(found))


def test_the_check_sees_an_import_of_app_code():
    assert app_code_imported("from hrss.core import audit_guard\n") == ["hrss.core", "hrss.core.audit_guard"]
    assert app_code_imported("def f(apps, editor):\n    from hrss.core.workdays import load_seed\n") == [
        "hrss.core.workdays", "hrss.core.workdays.load_seed"]
    assert app_code_imported("import hrss.accounts.models\n") == ["hrss.accounts.models"]
    assert app_code_imported("from django.db import migrations, models\nimport hashlib\n") == []


def test_no_migration_imports_app_code():
    migrations = sorted(HRSS.glob("*/migrations/0*.py"))
    assert migrations
    offenders = {str(path.relative_to(HRSS)): app_code_imported(path.read_text(encoding="utf-8"))
                 for path in migrations}
    assert {path: names for path, names in offenders.items() if names} == {}
