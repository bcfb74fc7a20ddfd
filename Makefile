# Two commands: `make demo` (set up + run on examples/) and `make test` (set up + run the tests);
# `make lint` (ruff, ruff format, mypy, import-linter contracts) runs in CI before the tests.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
LINT_STAMP := $(VENV)/.lint-installed
LINT_PATHS := src tests benchmarks scripts

.PHONY: install demo test lint accuracy bench clean

$(STAMP): requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --no-deps --require-hashes -r requirements.lock
	$(BIN)/pip install --quiet --no-deps -e .
	touch $(STAMP)

install: $(STAMP)

demo: install
	rm -f demo.db demo.db-wal demo.db-shm
	$(BIN)/newsfuse ingest examples --db demo.db
	$(BIN)/newsfuse stories --db demo.db
	$(BIN)/newsfuse events --db demo.db
	$(BIN)/newsfuse timeline --db demo.db
	$(BIN)/newsfuse brief --db demo.db "$$($(BIN)/newsfuse stories --db demo.db --json | head -1 | $(BIN)/python -c 'import json,sys; print(json.loads(sys.stdin.read())["id"])')"

# the lint tools and their own dependencies, pinned with hashes, on top of requirements.lock
$(LINT_STAMP): $(STAMP) requirements-lint.lock
	$(BIN)/pip install --quiet --no-deps --require-hashes -r requirements-lint.lock
	touch $(LINT_STAMP)

lint: $(LINT_STAMP)
	$(BIN)/ruff check $(LINT_PATHS)
	$(BIN)/ruff format --check $(LINT_PATHS)
	$(BIN)/mypy src
	$(BIN)/lint-imports

test: install
	scripts/with-postgres.sh $(BIN)/python -m pytest -q -p no:cacheprovider

accuracy: install
	$(BIN)/python benchmarks/accuracy/run_all.py

bench: install
	$(BIN)/python benchmarks/speed/run_all.py

clean:
	rm -rf $(VENV) demo.db demo.db-wal demo.db-shm test-artifacts
