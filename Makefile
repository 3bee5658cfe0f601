# dejakit: two commands do all set-up on a fresh Debian/Ubuntu machine.
#   make demo   set up, then build the sample outputs into out/
#   make test   set up, then run ruff, mypy and pytest
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: setup demo test lint typecheck pytest bench models clean

setup:
	@./scripts/setup.sh

demo: setup
	@./scripts/demo.sh

test: setup lint typecheck pytest

lint:
	$(BIN)/ruff format --check toolkit tests scripts bench
	$(BIN)/ruff check toolkit tests scripts bench

typecheck:
	$(BIN)/mypy

pytest:
	$(BIN)/pytest -q

bench: setup
	@for script in bench/*.py; do echo "== $$script"; $(BIN)/python "$$script" || exit 1; done

models: setup
	$(BIN)/python scripts/build_test_models.py

clean:
	rm -rf out .pytest_cache .mypy_cache .ruff_cache
