# The two commands of the README: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1:8000
PG_URL ?= postgres://postgres@127.0.0.1:5432/test
# Tests run with production settings (debug off); only HTTPS is off so the test client can speak plain HTTP.
TEST_ENV := HRSS_SECRET_KEY=test-secret-key-not-for-production-3b9f0c2a7e HRSS_HTTPS=0 HRSS_TASKS_IMMEDIATE=1

.PHONY: install run test test-sqlite test-postgres bench lint clean

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

install: $(BIN)/.installed

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
	$(BIN)/pip install --quiet -e '.[bench]'
	$(TEST_ENV) $(BIN)/python -m bench $(ROWS)

lint: install
	$(BIN)/ruff check hrss tests bench

clean:
	rm -rf $(VENV) var
