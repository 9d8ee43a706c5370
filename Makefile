PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test bench scale fuzz eval clean

FUZZ_EXAMPLES ?= 100000

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

bench: $(STAMP)
	$(BIN)/python benchmarks/bench.py

scale: $(STAMP)
	$(BIN)/python benchmarks/scale.py

# The long fuzz campaign: FUZZ_EXAMPLES inputs in all (make fuzz FUZZ_EXAMPLES=5000), random seeds.
fuzz: $(STAMP)
	FUZZ_EXAMPLES=$(FUZZ_EXAMPLES) $(BIN)/python -m pytest -q -s -p no:cacheprovider tests/test_fuzz.py

clean:
	rm -rf $(VENV) build *.egg-info
