PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test test-cache bench scale fuzz eval release-check clean report-shot

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

# The whole suite twice with the result cache on (the second run reads it), in a temporary cache folder.
test-cache: $(STAMP)
	dir=$$(mktemp -d) && trap 'rm -rf "$$dir"' EXIT && \
	OKRLINT_TEST_CACHE=1 OKRLINT_CACHE_DIR="$$dir" $(BIN)/python -m pytest -q -m "not slow" -p no:cacheprovider && \
	OKRLINT_TEST_CACHE=1 OKRLINT_CACHE_DIR="$$dir" $(BIN)/python -m pytest -q -m "not slow" -p no:cacheprovider

eval: $(STAMP)
	$(BIN)/okrlint eval

# Slow: builds the wheel and sdist (twine check), installs the wheel, runs the pre-commit hook with try-repo.
release-check: $(STAMP)
	$(BIN)/python -m pip install -q -e '.[test,checks]'
	$(BIN)/python -m pytest -q -m slow tests/test_release.py

bench: $(STAMP)
	$(BIN)/python benchmarks/bench.py

# The grade report of a bundled example, rendered by headless Chromium from the system packages
# (apt-get install chromium); not part of `make test`. Writes build/grade-report.html and docs/grade-report.png.
CHROMIUM ?= chromium
report-shot: $(STAMP)
	mkdir -p build docs
	$(BIN)/okrlint grade --format html okrlint/examples/quarter-end-ru.md > build/grade-report.html
	$(CHROMIUM) --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
	  --disable-background-networking --disable-component-update --disable-sync --hide-scrollbars \
	  --user-data-dir=$$(mktemp -d) --window-size=1100,1230 \
	  --screenshot=$(CURDIR)/docs/grade-report.png file://$(CURDIR)/build/grade-report.html
	@ls -l docs/grade-report.png

scale: $(STAMP)
	$(BIN)/python benchmarks/scale.py

# The long fuzz campaign: FUZZ_EXAMPLES inputs in all (make fuzz FUZZ_EXAMPLES=5000), random seeds.
fuzz: $(STAMP)
	FUZZ_EXAMPLES=$(FUZZ_EXAMPLES) $(BIN)/python -m pytest -q -s -p no:cacheprovider tests/test_fuzz.py

clean:
	rm -rf $(VENV) build *.egg-info
