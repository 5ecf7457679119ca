# The two commands of the README: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1:8000
PG_URL ?= postgres://postgres@127.0.0.1:5432/test
# Tests run with production settings (debug off); only HTTPS is off so the test client can speak plain HTTP.
TEST_ENV := HRSS_SECRET_KEY=test-secret-key-not-for-production-3b9f0c2a7e HRSS_HTTPS=0 HRSS_TASKS_IMMEDIATE=1

.PHONY: install lock run test test-sqlite test-postgres bench lint clean

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

test: install test-sqlite test-postgres

test-sqlite: install
	$(TEST_ENV) $(BIN)/pytest

test-postgres: install
	$(TEST_ENV) HRSS_DATABASE_URL=$(PG_URL) $(BIN)/pytest

bench: install
	$(TEST_ENV) $(BIN)/python -m bench $(ROWS)

lint: install
	$(BIN)/ruff check hrss tests bench

clean:
	rm -rf $(VENV) var
