# The two commands of the quick start: `make run` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.PHONY: run test lint format bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

run: $(STAMP)  ## start the product: SQLite, built-in login, https://localhost:3000
	$(PY) -m plugin

test: $(STAMP) lint  ## every test (set TEST_DATABASE_URL to run the store tests on PostgreSQL too)
	$(PY) -m pytest

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: $(STAMP)
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

bench: $(STAMP)  ## print benchmark figures (not tests)
	$(PY) bench/agreement_state.py
	$(PY) bench/document_render.py

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
