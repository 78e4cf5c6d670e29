# Two commands from a fresh clone: `make demo` and `make test`.
# Each bootstraps .venv (CPU torch 2.13.0 and pinned dependencies) when it is missing.

PY      ?= python3
VENV    := .venv
BIN     := $(VENV)/bin
STAMP   := $(VENV)/.installed
export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1

.PHONY: demo test test-fast test-slow lint bench bench-quick train evaluate clean venv

venv: $(STAMP)

$(STAMP): pyproject.toml constraints.txt
	@test -x $(BIN)/python || $(PY) -m venv $(VENV)
	# torch first, exactly, so nothing pulls a CUDA build.
	$(BIN)/pip install -q --disable-pip-version-check -c constraints.txt torch==2.13.0
	$(BIN)/pip install -q --disable-pip-version-check -c constraints.txt -e '.[dev]'
	@touch $(STAMP)

demo: $(STAMP)
	$(BIN)/eventx demo

test: $(STAMP)
	$(BIN)/python -m pytest -q

test-fast: $(STAMP)
	$(BIN)/python -m pytest -q -m "not integration and not slow"

test-slow: $(STAMP)
	$(BIN)/python -m pytest -q -m slow

lint: $(STAMP)
	$(BIN)/ruff check .

bench: $(STAMP)
	$(BIN)/eventx bench

bench-quick: $(STAMP)
	$(BIN)/eventx bench --quick

train: $(STAMP)
	$(BIN)/eventx train

evaluate: $(STAMP)
	$(BIN)/eventx evaluate && $(BIN)/eventx evaluate --extraction

clean:
	rm -rf $(VENV) var .pytest_cache .ruff_cache
