# Treaty Desk — the two commands: `make run` (set up and serve) and `make test` (whole suite).
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PORT ?= 8000

.PHONY: install init run test lint bench bench-http clean browser-deps

install: $(VENV)/.installed

$(VENV)/.installed: requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements.lock
	$(BIN)/pip install --quiet --no-deps -e .
	touch $@

init: install
	$(BIN)/treatydesk init

run: init
	$(BIN)/treatydesk serve --port $(PORT)

# ruff, then the architecture (import-linter, [tool.importlinter] in pyproject.toml): the core
# imports no Django, areas depend downwards only, no import cycles (docs/architecture.md).
lint: install
	$(BIN)/ruff check .
	$(BIN)/lint-imports --no-cache

# axe-core for the accessibility checks of the browser tests (npm's registry, pinned by the lock).
browser-deps: tests/browser/node_modules/.installed

tests/browser/node_modules/.installed: tests/browser/package-lock.json
	npm ci --prefix tests/browser --no-audit --no-fund --silent
	touch $@

test: install lint browser-deps
	$(BIN)/python scripts/run_tests.py

bench: install
	$(BIN)/python bench/register.py

# HTTP: the app uncached and cached against nginx serving the same HTML (needs wrk, nginx).
bench-http: install
	bench/http.sh

clean:
	rm -rf $(VENV) var .pytest_cache .ruff_cache .hypothesis
