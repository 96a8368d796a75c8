# Two commands for a newcomer: `make serve` and `make test`. Both create .venv when missing.
PY      ?= python3
VENV    := .venv
BIN     := $(VENV)/bin
STAMP   := $(VENV)/.installed
export DISABLE_MKDOCS_2_WARNING := true
export NO_MKDOCS_2_WARNING := true

.PHONY: serve build test lint bench clean

$(STAMP): requirements.txt constraints.txt
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -r requirements.txt -c constraints.txt
	touch $(STAMP)

serve: $(STAMP)
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

build: $(STAMP)
	$(BIN)/mkdocs build --strict

lint: $(STAMP)
	$(BIN)/ruff check hooks tests tools
	$(BIN)/ruff format --check hooks tests tools

test: lint build
	$(BIN)/python tools/kbcheck.py all
	$(BIN)/pytest

clean:
	rm -rf site tests/.build .pytest_cache
