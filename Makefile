PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test test-cache bench eval clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

$(STAMP): $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install -q -e '.[test]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/okrlint --fail-on never okrlint/examples/marketing-ru.md okrlint/examples/product-en.md

test: $(STAMP)
	$(BIN)/python -m pytest -q -m "not slow"

# The whole suite twice with the result cache on (the second run reads it), in a temporary cache folder.
test-cache: $(STAMP)
	dir=$$(mktemp -d) && trap 'rm -rf "$$dir"' EXIT && \
	OKRLINT_TEST_CACHE=1 OKRLINT_CACHE_DIR="$$dir" $(BIN)/python -m pytest -q -m "not slow" -p no:cacheprovider && \
	OKRLINT_TEST_CACHE=1 OKRLINT_CACHE_DIR="$$dir" $(BIN)/python -m pytest -q -m "not slow" -p no:cacheprovider

eval: $(STAMP)
	$(BIN)/okrlint eval

bench: $(STAMP)
	$(BIN)/python benchmarks/bench.py

clean:
	rm -rf $(VENV) build *.egg-info
