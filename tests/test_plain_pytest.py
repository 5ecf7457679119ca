"""A developer runs plain `pytest` from the project root, with none of the Makefile's variables set."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_plain_pytest_runs_without_the_makefiles_environment():
    clean = {name: value for name, value in os.environ.items()
             if not name.startswith(("HRSS_", "DJANGO_", "PYTEST_"))}
    ran = subprocess.run([str(Path(sys.executable).parent / "pytest"), "-q", "-p", "no:cacheprovider",
                          "tests/core/test_id_numbers.py", "-k", "checksum or check_digit or valid"],
                         cwd=ROOT, env=clean, capture_output=True, text=True, timeout=300)
    assert ran.returncode == 0, ran.stdout[-2000:] + ran.stderr[-2000:]
    assert " passed" in ran.stdout.splitlines()[-1]
