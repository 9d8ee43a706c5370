PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test bench eval release-check clean

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

eval: $(STAMP)
	$(BIN)/okrlint eval

# Slow: builds the wheel and sdist (twine check), installs the wheel, runs the pre-commit hook with try-repo.
release-check: $(STAMP)
	$(BIN)/python -m pip install -q -e '.[test,checks]'
	$(BIN)/python -m pytest -q -m slow tests/test_release.py

bench: $(STAMP)
	$(BIN)/python benchmarks/bench.py

clean:
	rm -rf $(VENV) build *.egg-info
