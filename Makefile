# The two commands of the quick start: `make run` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
NODE_STAMP := node_modules/.installed

.PHONY: run test lint format bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

$(NODE_STAMP): package.json package-lock.json  ## the JS test tools, exactly as locked
	npm ci --no-audit --no-fund
	touch $(NODE_STAMP)

run: $(STAMP)  ## start the product: SQLite, built-in login, https://localhost:3000
	$(PY) -m plugin

test: $(STAMP) $(NODE_STAMP) lint  ## every test (set TEST_DATABASE_URL to run the store tests on PostgreSQL too)
	npm test
	$(PY) -m pytest

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: $(STAMP)
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

bench: $(STAMP)  ## print benchmark figures (not tests)
	$(PY) bench/agreement_state.py

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache node_modules
