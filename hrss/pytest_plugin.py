"""What the tests need from the environment, so plain `pytest` (and `pytest -k ...`) works from the project root
without remembering variables. Loaded by `-p hrss.pytest_plugin` in pyproject.toml's pytest options: it has to be a
plugin, not a conftest.py, because pytest-django loads the settings before pytest reads any conftest.py.

Each value is a default: what the environment already sets wins (HRSS_DATABASE_URL for the PostgreSQL run,
HRSS_TEST_NOW for the hard dates)."""

import os
import shutil
import sys
import tempfile

import pytest

TEST_ENVIRONMENT = {
    # Tests run with production settings (debug off), which require a secret key.
    "HRSS_SECRET_KEY": "test-secret-key-not-for-production-3b9f0c2a7e",
    # Only HTTPS is off, so the test client can speak plain HTTP.
    "HRSS_HTTPS": "0",
    # Background tasks run inside the request, so a test sees their result without a worker process.
    "HRSS_TASKS_IMMEDIATE": "1",
    # The example area that lives only in the tests (tests/plugin_area): installed like any area, to show that an
    # area plugs in without editing a file outside its package.
    "HRSS_EXTRA_APPS": "tests.plugin_area",
}


_audit_head_folder = None


@pytest.hookimpl(tryfirst=True)
def pytest_load_initial_conftests(early_config, parser, args):
    global _audit_head_folder
    for name, value in TEST_ENVIRONMENT.items():
        os.environ.setdefault(name, value)
    # The project's root on the path, so the settings can install an app of the tests package (the example area)
    # before pytest itself puts the root there for tests/conftest.py.
    if str(early_config.rootpath) not in sys.path:
        sys.path.insert(0, str(early_config.rootpath))
    # The audit head of the test databases goes to a folder of this run, never var/audit-head/ (or a real head
    # file named in the environment): set, not defaulted. Tests that need their own head set it themselves.
    _audit_head_folder = tempfile.mkdtemp(prefix="hrss-test-audit-head-")
    os.environ["HRSS_AUDIT_HEAD_FILE"] = os.path.join(_audit_head_folder, "audit-head.txt")


def pytest_unconfigure(config):
    if _audit_head_folder:
        shutil.rmtree(_audit_head_folder, ignore_errors=True)
