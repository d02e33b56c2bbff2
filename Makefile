# Two commands do all the set-up on a fresh machine:
#   make run    install into .venv, ingest the bundled sample articles into newsgraph.db and serve the
#               web UI and the API on http://127.0.0.1:$(PORT)/ (Ctrl-C stops)
#   make test   install into .venv (with the test tools) and run the fast test suite
# and for those who change the code:
#   make lint   ruff's lint and format check
#   make gates  the slow quality gates (floors on whole evaluation sets)
#   make check  lint, the fast suite and the gates (CI runs all three)
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
DB ?= newsgraph.db
PORT ?= 8000

.PHONY: run test lint gates check format install eval bench clean

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

install: $(BIN)/.installed

run: install
	$(BIN)/newsgraph ingest samples/articles --db $(DB)
	$(BIN)/newsgraph serve --db $(DB) --port $(PORT)

test: install
	$(BIN)/python -m pytest -m "not slow"

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

gates: install
	$(BIN)/python -m pytest -m slow

check: lint test gates

eval: install
	$(BIN)/python -m pip install --quiet -e '.[dev,peers]'
	$(BIN)/newsgraph eval ingest
	$(BIN)/newsgraph eval quotes --peer textacy
	$(BIN)/newsgraph eval timex --peer dateparser $(if $(shell command -v java),--peer heideltime)
	$(BIN)/newsgraph eval entities
	$(BIN)/newsgraph eval events

bench: install
	$(BIN)/python bench/ingest_speed.py
	$(BIN)/python bench/pipeline_speed.py

clean:
	rm -rf $(VENV) $(DB) .pytest_cache
