# Two commands for a newcomer: `make serve` and `make test`. Both create .venv when missing.
PY      ?= python3
VENV    := .venv
BIN     := $(VENV)/bin
STAMP   := $(VENV)/.installed
export DISABLE_MKDOCS_2_WARNING := true
export NO_MKDOCS_2_WARNING := true

.PHONY: serve build pdf test lint bench zensical-check clean

$(STAMP): requirements.txt constraints.txt pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -r requirements.txt -c constraints.txt
	$(BIN)/python -m pip install -q --no-deps --no-build-isolation -e .
	touch $(STAMP)

serve: $(STAMP)
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

build: $(STAMP)
	$(BIN)/mkdocs build --strict

# The whole guide as one PDF per language, into site/ (the About page links to it): deploy after this.
pdf: build
	$(BIN)/python tools/guide_pdf.py

lint: $(STAMP)
	$(BIN)/ruff check kb hooks tests tools
	$(BIN)/ruff format --check kb hooks tests tools

# The JavaScript's own tests first (Node's built-in runner, no npm; the file list, not the folder,
# because Node 21+ takes a folder for a file), then pytest. The whole-site checks run once, in the
# build (kb/checks.py, from `python -m kb.postbuild`). Fast loop: `.venv/bin/pytest -m "not browser"`.
test: lint build
	node --test tests/js/*.test.js
	$(BIN)/pytest

# A benchmark, not a test (results in bench/, git-ignored): Lighthouse mobile on every page, ours
# against stock Material, then build times (ours / stock, real site and 500 pages per language) and
# search figures; first, search quality: top-1 and top-3 of each problem set (kb/quality.py).
# Needs Node 20 and chromium.
BENCH_NPM := tools/bench/node_modules/.installed
$(BENCH_NPM): tools/bench/package.json tools/bench/package-lock.json
	cd tools/bench && npm ci --no-audit --no-fund
	touch $(BENCH_NPM)

bench: $(STAMP) $(BENCH_NPM) build
	$(BIN)/python -m kb.quality site
	$(BIN)/python tools/bench/lighthouse.py
	$(BIN)/python tools/bench/build_time.py
	$(BIN)/python tools/bench/search.py

# A report, not a gate, and not part of `make test`: which features survive a build by Zensical
# (Material's successor; it ignores our hooks and the i18n plugin) plus `python -m kb.postbuild`.
# Its own venv; when Zensical does not install, pip's reason is kept and the check prints it.
ZVENV  := .venv-zensical
ZBIN   := $(ZVENV)/bin
ZSTAMP := $(ZVENV)/.installed
$(ZSTAMP): requirements.txt constraints.txt requirements-zensical.txt pyproject.toml
	test -x $(ZBIN)/python || $(PY) -m venv $(ZVENV)
	$(ZBIN)/python -m pip install -q --upgrade pip
	$(ZBIN)/python -m pip install -q -r requirements.txt -c constraints.txt
	$(ZBIN)/python -m pip install -q --no-deps --no-build-isolation -e .
	$(ZBIN)/python -m pip install -q -r requirements-zensical.txt -c constraints.txt 2> $(ZVENV)/zensical-install.log \
		&& touch $(ZSTAMP) || echo "Zensical did not install (pip's reason: $(ZVENV)/zensical-install.log)"

zensical-check: $(ZSTAMP)
	$(ZBIN)/python tools/zensical_check.py

clean:
	rm -rf site tests/.build .pytest_cache
