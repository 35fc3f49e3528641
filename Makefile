# The two quick-start commands (see README.md):
#   make demo   set everything up, then parse the bundled sample corpus and score it against its truth
#   make test   the whole test suite, with the regional plugin's (CI runs this through .ci/run)
#
# gkparse is installed into .venv NON-editably, so the demo and the tests exercise exactly what a
# user's `pip install gkparse` gets; it is reinstalled whenever a source file changes.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
SOURCES := pyproject.toml plugins/gkparse-shanghai/pyproject.toml $(shell find gkparse plugins -name '*.py' -not -path '*/__pycache__/*')

.PHONY: demo test clean

$(STAMP): $(SOURCES)
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@$(BIN)/python -m pip install --quiet --upgrade pip
	@$(BIN)/python -m pip install --quiet ".[test]" ./plugins/gkparse-shanghai
	@touch $(STAMP)

demo: $(STAMP)
	@mkdir -p out
	@# gkparse exits 1 when an input yields an error record: the corpus holds two on purpose.
	@$(BIN)/gkparse parse --flat --summary -o out/sample.jsonl samples/corpus/*.txt; test $$? -le 1
	@echo
	@echo "records: out/sample.jsonl; accuracy against the corpus's known values:"
	@$(BIN)/python benchmarks/accuracy.py out/sample.jsonl samples/truth --quiet

test: $(STAMP)
	@$(BIN)/pytest tests plugins/gkparse-shanghai/tests

clean:
	rm -rf $(VENV) out build dist *.egg-info
