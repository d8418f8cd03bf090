# rapport-qa: the two set-up commands are `make run` and `make test` (see README.md).
SHELL := /bin/bash
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
MODEL_DIR := models/multilingual-e5-small
# The local CPU torch wheel lives here on our machines; harmless when the folder is absent.
WHEELS := $(wildcard /opt/wheels)
PIP_FLAGS := --disable-pip-version-check $(if $(WHEELS),--find-links $(WHEELS),)
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: install run test reliability lint typecheck unit bench clean-index

install: $(VENV)/.installed
	@$(BIN)/python -m index.model_build --out $(MODEL_DIR)

$(BIN)/python:
	$(PY) -m venv $(VENV)

# torch first and pinned: anything that lets pip choose torch pulls a multi-GB CUDA build.
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install $(PIP_FLAGS) -q 'torch==2.13.0'
	$(BIN)/pip install $(PIP_FLAGS) -q -e '.[test]'
	@touch $@

run: install
	$(BIN)/rapport index --missing
	$(BIN)/rapport serve --host $(HOST) --port $(PORT)

test: install
	@bash .ci/ensure-system-packages
	$(BIN)/ruff check corpus index qa api tests $(wildcard bench)
	$(BIN)/mypy
	$(BIN)/pytest -q --ignore=tests/reliability

# Fault tests that take minutes (kill -9 of the indexer during re-index); .ci/run runs them.
reliability: install
	$(BIN)/pytest -q -s tests/reliability

bench: install
	$(BIN)/python -m bench.run
