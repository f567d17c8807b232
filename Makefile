# Treaty Desk — the two commands: `make run` (set up and serve) and `make test` (whole suite).
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PORT ?= 8000

.PHONY: install init run test lint bench clean

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

lint: install
	$(BIN)/ruff check .

test: install lint
	$(BIN)/python scripts/run_tests.py

bench: install
	$(BIN)/python bench/register.py

clean:
	rm -rf $(VENV) var .pytest_cache .ruff_cache .hypothesis
