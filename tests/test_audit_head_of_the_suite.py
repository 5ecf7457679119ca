"""The audit head the test databases write goes to a folder of the run (hrss/pytest_plugin.py), never into the
project's var/audit-head/ (where stale heads of test databases piled up) nor beside a real database."""

from pathlib import Path

from django.conf import settings

from hrss.core import audit

ROOT = Path(__file__).resolve().parents[1]


def test_the_suite_writes_the_audit_head_outside_the_project(db, django_capture_on_commit_callbacks):
    project_heads = ROOT / "var" / "audit-head"
    before = set(project_heads.iterdir()) if project_heads.exists() else set()
    with django_capture_on_commit_callbacks(execute=True):
        entry = audit.record(actor=None, action="test.suite.head")
    path = audit.head_file_path()
    assert path is not None, "the test database's head is kept, in a folder of this run"
    assert path.read_text().strip() == f"{entry.pk}:{entry.entry_hash}"
    assert ROOT not in path.resolve().parents and Path(settings.DATA_DIR).resolve() not in path.resolve().parents
    after = set(project_heads.iterdir()) if project_heads.exists() else set()
    assert after == before, "nothing new under var/audit-head/"
