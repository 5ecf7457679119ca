import os
import subprocess
import sys


def clean_environment():
    """The environment of a production server: none of the test run's HRSS_ or async-safety overrides."""
    return {k: v for k, v in os.environ.items() if not k.startswith("HRSS_") and k != "DJANGO_ALLOW_ASYNC_UNSAFE"}


def test_check_deploy_with_production_settings_reports_nothing(tmp_path):
    env = {
        **clean_environment(),
        "HRSS_SECRET_KEY": "k8#Lq2v!pR7@xN4zT9wE1sY6uB3mC0hJ5gF8dA2kQ7rV4nX-w3Zp9Tt6Yc1Ue5",
        "HRSS_DEBUG": "0",
        "HRSS_ALLOWED_HOSTS": "hrss.heyuan.example",
        "HRSS_DATABASE_URL": f"sqlite:///{tmp_path / 'deploy.sqlite3'}",
        "HRSS_AUDIT_KEY": "Vb7!qP3#zL9@wX2&nR5*tK8^mJ4%hF6$dS1-yC0+gA7~eU3",
    }
    result = subprocess.run([sys.executable, "-m", "hrss", "check", "--deploy", "--fail-level", "WARNING"],
                            env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_settings_refuse_to_start_without_a_secret_key(tmp_path):
    env = clean_environment()
    result = subprocess.run([sys.executable, "-m", "hrss", "check"], env=env, capture_output=True, text=True,
                            timeout=120)
    assert result.returncode != 0
    assert "HRSS_SECRET_KEY" in result.stderr


def test_security_headers_are_sent(client, db):
    response = client.get("/accounts/login/")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "same-origin"
