# janji: `make run` (console chat, or the Telegram bot when TELEGRAM_BOT_TOKEN is set in .env)
#        `make test` (the whole suite on SQLite and embedded Chroma)
# Both create .venv when missing and install torch 2.13.0 (CPU) first, then the package.

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PIP := $(BIN)/python -m pip
JANJI := $(BIN)/janji
PYTEST_ARGS ?=

export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1
export ANONYMIZED_TELEMETRY := False
export TOKENIZERS_PARALLELISM := false

.PHONY: install install-test run index test lint bench clean

$(BIN)/python:
	@$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "janji needs Python >= 3.11"'
	@$(PYTHON) -m venv $(VENV)
	@$(PIP) install -q --upgrade pip >&2

# torch first: the CPU wheel is pinned; unpinned, sentence-transformers would pull a CUDA build.
$(VENV)/.installed: $(BIN)/python pyproject.toml
	@echo "Installing janji into $(VENV) ..." >&2
	@$(PIP) install -q torch==2.13.0 >&2
	@$(PIP) install -q -e . >&2
	@touch $@

$(VENV)/.installed-test: $(VENV)/.installed
	@$(PIP) install -q -e '.[test]' >&2
	@touch $@

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test

index: install
	@$(JANJI) index

# The index is brought up to date first; a bad knowledge file is reported and the previous
# good index keeps serving.
run: install
	@$(JANJI) index >&2 || echo "janji: the index was not updated; serving the previous one" >&2
	@$(JANJI) start

test: install-test
	@$(BIN)/python -m pytest $(PYTEST_ARGS)

lint: install-test
	$(BIN)/ruff check bot guardrails tests bench
	$(BIN)/ruff format --check bot guardrails tests bench
	$(BIN)/lint-imports
	$(BIN)/mypy guardrails bot

bench: install-test
	$(BIN)/python bench/run_all.py

clean:
	rm -rf var .pytest_cache .mypy_cache .ruff_cache
