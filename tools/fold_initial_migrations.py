"""Folds each AddConstraint and AddIndex of an app's initial migration into the CreateModel of its model.

makemigrations writes an unreleased area's 0001_initial with its CreateModels first and then one AddConstraint or
AddIndex an operation; on SQLite each of those copies the whole table again (ALTER TABLE cannot add a constraint),
and Django renders the migration state again for each, so the 66 of hrss/pensions took 35 s of every test
database's creation. Inside CreateModel's options the same constraints and indexes are made with the table: the
schema is the same (a database that applied the old file needs nothing), only made at once.

Usage, after regenerating an initial migration: python tools/fold_initial_migrations.py pensions [jobservices ...]
and `ruff check --fix` on the file (tests/core/test_migrations_folded.py fails while there is something to fold)."""

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hrss.settings")
os.environ.setdefault("HRSS_SECRET_KEY", "fold-initial-migrations-" + "x" * 40)


def foldable(migration):
    """(folded operations, how many moved): an AddConstraint or AddIndex joins its model's CreateModel in the same
    migration unless a field is added to that model after it was created (the constraint may name that field)."""
    from django.db.migrations import operations

    created = {op.name_lower: op for op in migration.operations if isinstance(op, operations.CreateModel)}
    altered = {op.model_name_lower for op in migration.operations
               if isinstance(op, operations.AddField | operations.AlterField | operations.RenameField)}
    kept, moved = [], 0
    for op in migration.operations:
        if isinstance(op, operations.AddConstraint | operations.AddIndex) and op.model_name_lower in created \
                and op.model_name_lower not in altered:
            key, item = (("constraints", op.constraint) if isinstance(op, operations.AddConstraint)
                         else ("indexes", op.index))
            options = created[op.model_name_lower].options
            options[key] = [*options.get(key, []), item]
            moved += 1
            continue
        kept.append(op)
    return kept, moved


def main(labels):
    import django

    django.setup()
    from django.db.migrations.loader import MigrationLoader
    from django.db.migrations.writer import MigrationWriter

    loader = MigrationLoader(None, ignore_no_migrations=True)
    from django.db.migrations import operations

    for label in labels:
        migration = loader.get_migration(label, "0001_initial")
        if any(isinstance(op, operations.RunPython | operations.RunSQL) for op in migration.operations):
            sys.exit(f"{label}: 0001_initial runs code (RunPython/RunSQL), which cannot be written back: fold by hand")
        migration.operations, moved = foldable(migration)
        writer = MigrationWriter(migration)
        Path(writer.path).write_text(writer.as_string(), encoding="utf-8")
        print(f"{label}: {moved} folded into their CreateModel -> {writer.path}")


if __name__ == "__main__":
    main(sys.argv[1:])
