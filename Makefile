# The two commands of the README: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1:8000
LOCAL_PG_URL := postgres://postgres@127.0.0.1:5432/test
PG_URL ?= $(LOCAL_PG_URL)
# The tests' own environment (secret key, plain HTTP, tasks in the request) comes from hrss/pytest_plugin.py, so
# plain `pytest` works too. The benchmark runs with the same production settings.
BENCH_ENV := HRSS_SECRET_KEY=test-secret-key-not-for-production-3b9f0c2a7e HRSS_HTTPS=0 HRSS_TASKS_IMMEDIATE=1
# Instants that are hard for date code: the last seconds of a 31st before a short month, and of a leap day.
HARD_DATES := 2026-01-31T23:59:30+08:00 2024-02-29T23:59:30+08:00

.PHONY: install lock run test system system-browser test-sqlite test-postgres test-hard-dates bench lint clean

# Every machine installs the same versions: requirements.lock (runtime + test + bench, with hashes) first,
# then the project itself without resolving anything. Nothing to do when neither file changed.
$(BIN)/.installed: pyproject.toml requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --require-hashes -r requirements.lock
	$(BIN)/pip install --quiet --no-deps -e .
	touch $@

install: $(BIN)/.installed

# Rewrites requirements.lock from pyproject.toml (after changing a dependency there); uv only does the resolving.
UV_VERSION := 0.13.9
lock:
	test -x var/uv/bin/uv || ($(PYTHON) -m venv var/uv && var/uv/bin/pip install --quiet uv==$(UV_VERSION))
	var/uv/bin/uv pip compile pyproject.toml --extra test --extra bench --generate-hashes --universal \
	  --python-version 3.11 --no-header --quiet -o requirements.lock

run: install
	HRSS_DEBUG=1 $(BIN)/hrss migrate --verbosity 0
	HRSS_DEBUG=1 $(BIN)/hrss load-regions
	HRSS_DEBUG=1 $(BIN)/hrss demo --people 20000 --seed 2011
	@echo "工作台: http://$(HOST)/  （后台任务进程 db_worker 随之启动，Ctrl-C 一并停止）"
	HRSS_DEBUG=1 $(BIN)/hrss db_worker & worker=$$!; trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	HRSS_DEBUG=1 $(BIN)/hrss runserver $(HOST)

# Checked before any test runs, so a missing piece stops `make test` at once (.ci/ensure-system installs Debian's
# chromium and fonts-wqy-microhei, starts the local PostgreSQL, or prints the one command to run).
test: system install test-sqlite test-postgres

system:
	bash .ci/ensure-system browser $(if $(filter $(LOCAL_PG_URL),$(PG_URL)),postgres)

system-browser:
	bash .ci/ensure-system browser

# -n auto: one pytest-xdist worker a core, each with its own test database.
test-sqlite: install system-browser
	$(BIN)/pytest -n auto

test-postgres: install system
	HRSS_DATABASE_URL=$(PG_URL) $(BIN)/pytest -n auto

# The suite without the browser tests again at each of HARD_DATES (the frozen clock of tests/conftest.py), on SQLite.
test-hard-dates: install
	@failed=; for now in $(HARD_DATES); do \
	  echo "== HRSS_TEST_NOW=$$now"; \
	  HRSS_TEST_NOW=$$now $(BIN)/pytest -n auto -q -m "not browser" || failed="$$failed $$now"; \
	done; \
	if [ -n "$$failed" ]; then echo "failed at:$$failed"; exit 1; fi

bench: install
	$(BENCH_ENV) $(BIN)/python -m bench $(ROWS)

# ruff, then the layers and the absence of import cycles ([tool.importlinter] in pyproject.toml).
lint: install
	$(BIN)/ruff check hrss tests bench tools
	$(BIN)/lint-imports --no-cache

clean:
	rm -rf $(VENV) var
