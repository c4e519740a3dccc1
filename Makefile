# The two commands of the quick start: `make run` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
PRODUCT := $(VENV)/.product
NODE_STAMP := node_modules/.installed

.PHONY: run test lint format bench production clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

# The product alone, without the test tools (`make test` adds them).
$(PRODUCT): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e .
	touch $(PRODUCT)

$(NODE_STAMP): package.json package-lock.json  ## the JS test tools, exactly as locked
	npm ci --no-audit --no-fund
	touch $(NODE_STAMP)

run: $(PRODUCT)  ## start the product: SQLite, built-in login, https://localhost:3000
	$(PY) -m plugin

production: $(STAMP)  ## nginx + two app instances on PostgreSQL (DATABASE_URL), https://localhost:8443
	$(PY) -m deploy.production

test: $(STAMP) $(NODE_STAMP) lint  ## every test (set TEST_DATABASE_URL to run the store tests on PostgreSQL too)
	npm test
	$(PY) -m pytest -n auto --dist worksteal

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: $(STAMP)
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

bench: $(STAMP)  ## print benchmark figures under gunicorn + wrk (not tests; PostgreSQL too if TEST_DATABASE_URL)
	@command -v wrk >/dev/null || { echo "make bench needs Debian's wrk: apt-get install wrk"; exit 1; }
	$(PY) -m bench.slow_clients
	$(PY) -m bench.agreement_state
	$(PY) -m bench.writes
	$(PY) -m bench.write_floor
	$(PY) bench/document_render.py
	$(PY) -m bench.production
	$(PY) -m bench.notifications
	$(PY) -m bench.pane
	$(PY) bench/document_pages.py

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache node_modules
