# Quick start: `make demo` then `make test`. Only python3 is needed on the machine.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: demo test lint typecheck unit train cross-validate clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(VENV)/.installed $@

demo: $(VENV)/.installed
	$(BIN)/kg build examples/sample-report.txt -o out/ --force

lint: $(VENV)/.installed-dev
	$(BIN)/ruff check kg tests benchmarks training
	$(BIN)/ruff format --check kg tests benchmarks training

typecheck: $(VENV)/.installed-dev
	$(BIN)/mypy kg

unit: $(VENV)/.installed-dev
	$(BIN)/pytest

test: lint typecheck unit

# Retrain the selector shipped in kg/data/selector.json on the open gold (../shared/gold),
# then score it by cross-validation from built graphs (training/README.md).
train: $(VENV)/.installed-dev
	$(BIN)/python -m training.selector.train

cross-validate: $(VENV)/.installed-dev
	$(BIN)/python -m training.selector.cross_validate

clean:
	rm -rf $(VENV) out .pytest_cache .mypy_cache .ruff_cache
