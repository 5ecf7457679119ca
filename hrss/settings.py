"""One settings module, driven by environment variables (every one is listed in .env.example)."""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = BASE_DIR.parent


def env(name, default=None):
    return os.environ.get(name, default)


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_int(name, default):
    value = os.environ.get(name)
    return int(value) if value not in (None, "") else default


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("HRSS_DEBUG", False)

SECRET_KEY = env("HRSS_SECRET_KEY")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("HRSS_SECRET_KEY must be set when HRSS_DEBUG is off.")
    SECRET_KEY = "dev-only-insecure-key-do-not-use-in-production-0123456789abcdef"

ALLOWED_HOSTS = env_list("HRSS_ALLOWED_HOSTS", "127.0.0.1,localhost")
CSRF_TRUSTED_ORIGINS = env_list("HRSS_CSRF_TRUSTED_ORIGINS", "")

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_htmx",
    "axes",
    "hrss.core",
    "hrss.accounts",
    "hrss.residents",
    "hrss.employment",
    "hrss.jobservices",
    "hrss.assistance",
    "hrss.pensions",
    "hrss.supervision",
    "hrss.network",
    # More areas by module path, comma-separated: the test suite adds its example area (tests/plugin_area) this way.
    *env_list("HRSS_EXTRA_APPS"),
    "django_tasks",
    "django_tasks_db",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "hrss.core.middleware.NulCharacterMiddleware",
    "hrss.core.middleware.ApiMethodNotAllowedMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "hrss.core.middleware.RequestContextMiddleware",
    "hrss.core.ratelimit.RateLimitMiddleware",
    "hrss.core.middleware.NoStoreForStaffMiddleware",
    "hrss.accounts.middleware.SessionLimitsMiddleware",
    "hrss.accounts.middleware.PasswordChangeRequiredMiddleware",
    "hrss.core.middleware.RouteGuardMiddleware",
    "hrss.core.middleware.IdempotencyMiddleware",
    # Axes last, as its documentation asks: it turns a lockout into the lockout page.
    "axes.middleware.AxesMiddleware",
]

# Which API token a request carries, for the Idempotency-Key replay of core.middleware: the API layer's rule, named
# here so that core imports nothing from the layers above it.
HRSS_API_CLIENT = "hrss.api.auth.client_of_request"

ROOT_URLCONF = "hrss.urls"
WSGI_APPLICATION = "hrss.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "hrss.core.context_processors.workbench",
            ],
            # Core's filters (money, place, occupation) and the form token in every template without a {% load %}.
            "builtins": ["hrss.core.templatetags.hrss_tags"],
        },
    },
]

# --- Database -------------------------------------------------------------------------------------
# SQLite (WAL) is the embedded default so `make run` needs no server; PostgreSQL in production.
DATA_DIR = Path(env("HRSS_DATA_DIR", str(PROJECT_DIR / "var")))
DEFAULT_SQLITE_PATH = DATA_DIR / "hrss.sqlite3"


def database_from_url(url):
    """Turn HRSS_DATABASE_URL into a Django DATABASES entry, with the SQLite settings we rely on.

    SQLite's defaults lose writes under concurrency: measured on this kind of machine, 4 processes x 150
    read-modify-write transactions failed 316/600 times with "database is locked". WAL journal,
    synchronous=FULL, BEGIN IMMEDIATE (so a writer takes the lock up front instead of failing to upgrade a
    read lock) and a 20 s busy timeout gave 0/600 (tests/core/test_sqlite_concurrency.py keeps that run).
    """
    config = dj_database_url.parse(url, conn_max_age=env_int("HRSS_DB_CONN_MAX_AGE", 0))
    if config["ENGINE"] == "django.db.backends.sqlite3":
        config["OPTIONS"] = {
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
            # A 64 MiB page cache (default 2 MiB): imports insert in random key order into several indexes.
            # Checkpoints every ~40 MB of WAL (default ~4 MB): an import's 10,000-row batches each rewrite the same
            # index pages, copied back to the database once per checkpoint (~1 us/row off a 1,000,000-row import).
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; "
            "PRAGMA cache_size=-65536; PRAGMA wal_autocheckpoint=10000;",
        }
    return config


if not env("HRSS_DATABASE_URL"):
    DATA_DIR.mkdir(parents=True, exist_ok=True)  # a fresh checkout has no var/ yet
DATABASES = {"default": database_from_url(env("HRSS_DATABASE_URL", f"sqlite:///{DEFAULT_SQLITE_PATH}"))}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# The region this deployment serves; events tied to no region are filed under it.
HRSS_ROOT_REGION_CODE = env("HRSS_ROOT_REGION_CODE", "441600000000")

# Requests per window (core.ratelimit): (count, seconds). The API per token, exports per user, login posts per
# address. Generous for people, tight for scripts.
HRSS_RATE_LIMITS = {
    "api": (env_int("HRSS_RATE_API", 600), 60),
    "export": (env_int("HRSS_RATE_EXPORT", 30), 3600),
    "login": (env_int("HRSS_RATE_LOGIN", 60), 60),
    # Import rows answered "registered in another region" per user per hour: staff need that answer to start a
    # transfer, but each one tells something about a person outside their scope (residents.imports).
    "registered_elsewhere": (env_int("HRSS_RATE_REGISTERED_ELSEWHERE", 50), 3600),
    # Password reset codes tried per address per hour (accounts: reset by two administrators, ADR 0008).
    "password_reset": (env_int("HRSS_RATE_PASSWORD_RESET", 10), 3600),
    # Ratings submitted per address per 10 minutes on the public rating page (supervision.ratings; opening the form
    # is not counted): a citizen rates once, but a service hall's Wi-Fi or a mobile network puts many phones behind one
    # address. 120 a 10 minutes still leaves guessing an 8-character code (31^8 of them) out of reach.
    "rating": (env_int("HRSS_RATE_RATING", 120), 600),
}

# The public address printed on rating slips (评价凭条) and in their QR codes, e.g. https://hrss.heyuan.gov.cn;
# empty: the address of the request that prints the slip (supervision.ratings).
HRSS_PUBLIC_BASE_URL = env("HRSS_PUBLIC_BASE_URL", "").rstrip("/")

# --- The audit trail's hash chain (ADR 0007) -----------------------------------------------------------------
# The chain's HMAC key: never in the database, so a database writer cannot recompute the chain after an edit.
# Changing it makes the whole existing chain fail verification: keep it with the backups.
HRSS_AUDIT_KEY = env("HRSS_AUDIT_KEY", "")
# The newest entry ("SEQ:HASH") is written here after each commit, outside the database, so deleting the newest
# entries is noticed. Default: one per database, so test databases never overwrite the real one's: beside an SQLite
# file (var/hrss.sqlite3.audit-head), var/audit-head/<host-database>.txt for PostgreSQL. On a server, a path the
# database's users cannot write, and copied off the machine (ADR 0007).
HRSS_AUDIT_HEAD_FILE = env("HRSS_AUDIT_HEAD_FILE", "")

# --- 就业失业登记证 (domain-rules §5) ---------------------------------------------------------------------
# The title by date of issue: renamed 就业创业证 by 国发〔2015〕23号 [believed: in force from its date].
HRSS_CERTIFICATE_TITLES = [("2010-01-01", "就业失业登记证"), ("2015-04-27", "就业创业证")]
# The number: 16 digits per a secondary source [believed] - issuing county code, 户籍性质 digit, flag digit,
# 2-digit year, 6-digit sequence within county and year. A province with another scheme changes the pattern.
HRSS_CERTIFICATE_NUMBER_FORMAT = env("HRSS_CERTIFICATE_NUMBER_FORMAT", "{county}{hukou}{flag}{yy}{sequence:06d}")
HRSS_CERTIFICATE_HUKOU_DIGITS = {"agricultural": "1", "non_agricultural": "2", "resident": "3", "": "9"}
HRSS_CERTIFICATE_FLAG_DIGIT = env("HRSS_CERTIFICATE_FLAG_DIGIT", "0")

# --- Accounts, passwords, sessions (等保 level 3) -------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "hrss.accounts.passwords.MinimumLengthValidator", "OPTIONS": {"min_length": 8}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "hrss.accounts.passwords.CharacterClassValidator", "OPTIONS": {"min_classes": 3}},
]
# 等保 asks for periodic change; ASVS disagrees, 等保 wins (docs/adr/0002-password-policy.md).
HRSS_PASSWORD_MAX_AGE_DAYS = env_int("HRSS_PASSWORD_MAX_AGE_DAYS", 90)
# A password reset's one-time code (requested by a system administrator, approved by a security administrator)
# is valid this many hours after approval (ADR 0008).
HRSS_PASSWORD_RESET_HOURS = env_int("HRSS_PASSWORD_RESET_HOURS", 24)
# API tokens expire this many days after they are created (`hrss create-token` makes a new one).
HRSS_API_TOKEN_DAYS = env_int("HRSS_API_TOKEN_DAYS", 90)

LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "core:home"
LOGOUT_REDIRECT_URL = "accounts:login"

# Idle timeout: the cookie lives 30 minutes and is renewed by every request.
# A request body held in memory: 4 MB, so the card photo's API body (a 2 MB photo in base64, about 2.7 MB) is checked
# by its own rule and refused in Chinese; larger bodies are a 413 (hrss/api/urls.py). Files go through uploads.
DATA_UPLOAD_MAX_MEMORY_SIZE = 4 * 1024 * 1024
SESSION_COOKIE_AGE = env_int("HRSS_SESSION_IDLE_MINUTES", 30) * 60
SESSION_SAVE_EVERY_REQUEST = True
HRSS_SESSION_ABSOLUTE_HOURS = env_int("HRSS_SESSION_ABSOLUTE_HOURS", 12)
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"

# Lockout: 5 failures within 15 minutes lock the username for 15 minutes (both configurable).
AXES_FAILURE_LIMIT = env_int("HRSS_LOCKOUT_FAILURES", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("HRSS_LOCKOUT_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = ["username"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_VERBOSE = False
AXES_ENABLE_ACCESS_FAILURE_LOG = False

# --- Security headers; HTTPS unless explicitly served over plain HTTP (development) -------------------
HRSS_HTTPS = env_bool("HRSS_HTTPS", not DEBUG)
SECURE_SSL_REDIRECT = HRSS_HTTPS
SESSION_COOKIE_SECURE = HRSS_HTTPS
CSRF_COOKIE_SECURE = HRSS_HTTPS
SECURE_HSTS_SECONDS = 31536000 if HRSS_HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = HRSS_HTTPS
SECURE_HSTS_PRELOAD = HRSS_HTTPS
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# Content-Security-Policy: every script, style, font and image is the server's own (vendored, no CDN), and no page
# has an inline script (small behaviours live in static/hrss.js). Styles allow inline attributes: templates and
# htmx/ECharts set element styles.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    },
}
if env_bool("HRSS_BEHIND_PROXY", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# --- Language, time ------------------------------------------------------------------------------------
LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", "简体中文")]
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

# --- Static files (vendored, no CDN) -------------------------------------------------------------------
STATIC_URL = "static/"
STATIC_ROOT = DATA_DIR / "static"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
WHITENOISE_USE_FINDERS = DEBUG

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("HRSS_LOG_LEVEL", "INFO")},
    "loggers": {"axes": {"level": "WARNING"}},
}

# Lockout is per username on purpose: township offices sit behind one NAT address, and locking that address
# would lock out the whole office after one person's typos (docs/adr/0002-password-policy.md).
SILENCED_SYSTEM_CHECKS = ["axes.W006"]

# --- Imports -------------------------------------------------------------------------------------------
# A 1,000,000-row ledger is about 40 MB as .xlsx and 200 MB of XML inside it.
HRSS_IMPORT_MAX_FILE_MB = env_int("HRSS_IMPORT_MAX_FILE_MB", 200)
HRSS_IMPORT_MAX_UNCOMPRESSED_MB = env_int("HRSS_IMPORT_MAX_UNCOMPRESSED_MB", 1024)
HRSS_IMPORT_MAX_ROWS = env_int("HRSS_IMPORT_MAX_ROWS", 1_000_000)
# Which library reads .xlsx and .xls (ADR 0004): "calamine-plus" streams .xlsx in constant memory (a young fork with
# one maintainer); "calamine" is upstream python-calamine, the fallback if the fork must go: it loads the whole
# sheet, so a sheet whose cells span more than 20,000,000 cells is refused before loading.
HRSS_XLSX_READER = env("HRSS_XLSX_READER", "calamine-plus")
if HRSS_XLSX_READER not in ("calamine-plus", "calamine"):
    raise ImproperlyConfigured(f"HRSS_XLSX_READER must be calamine-plus or calamine, not {HRSS_XLSX_READER!r}.")
# Where uploaded files wait for their import job; each is deleted when its job ends.
HRSS_IMPORT_DIR = Path(env("HRSS_IMPORT_DIR", str(DATA_DIR / "imports")))

# Background work (ledger imports): django-tasks with its database backend; `hrss db_worker` runs the tasks.
# HRSS_TASKS_IMMEDIATE=1 runs them inside the request instead (tests, or a machine without a worker).
TASKS = {
    "default": {
        "BACKEND": "django_tasks.backends.immediate.ImmediateBackend"
        if env_bool("HRSS_TASKS_IMMEDIATE", False)
        else "django_tasks_db.DatabaseBackend",
    }
}
