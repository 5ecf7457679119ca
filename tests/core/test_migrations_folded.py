"""An initial migration makes each table with its constraints and indexes at once (tools/fold_initial_migrations.py):
made one at a time, SQLite copies the table again for each, and creating the test databases took a minute."""

import importlib.util
from pathlib import Path

from django.db.migrations import operations
from django.db.migrations.loader import MigrationLoader

TOOL = Path(__file__).resolve().parents[2] / "tools" / "fold_initial_migrations.py"


def load_tool():
    spec = importlib.util.spec_from_file_location("fold_initial_migrations", TOOL)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_no_initial_migration_of_ours_adds_a_constraint_its_create_model_could_hold():
    tool = load_tool()
    loader = MigrationLoader(None, ignore_no_migrations=True)
    left = {}
    for (label, name), migration in loader.disk_migrations.items():
        if name != "0001_initial" or not migration.__module__.startswith("hrss."):
            continue
        if any(isinstance(op, operations.RunPython | operations.RunSQL) for op in migration.operations):
            continue
        _kept, moved = tool.foldable(loader.get_migration(label, name))
        if moved:
            left[label] = moved
    assert not left, f"run: python tools/fold_initial_migrations.py {' '.join(left)}  (then ruff check --fix): {left}"


def test_the_tool_moves_an_add_constraint_into_its_create_model():
    from django.db import migrations, models

    class Migration(migrations.Migration):
        operations = [
            migrations.CreateModel("Thing", [("id", models.AutoField(primary_key=True)), ("n", models.IntegerField())]),
            migrations.AddConstraint("thing", models.CheckConstraint(condition=models.Q(n__gte=0), name="n_ok")),
            migrations.AddIndex("thing", models.Index(fields=["n"], name="n_idx")),
        ]

    kept, moved = load_tool().foldable(Migration("0001_initial", "x"))
    assert moved == 2 and len(kept) == 1
    assert [c.name for c in kept[0].options["constraints"]] == ["n_ok"]
    assert [i.name for i in kept[0].options["indexes"]] == ["n_idx"]
