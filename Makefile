# Two entry points for a fresh Debian machine (see README): `make demo` and `make test`.
# Both install what is missing (Debian packages, then a virtualenv) before they run.

PYTHON    ?= $(shell command -v python3.11 || command -v python3)
VENV      := .venv
BIN       := $(VENV)/bin
SUDO      := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
# fonts-noto-cjk: CJK glyphs in the PDF; libharfbuzz-subset0: fast font subsetting in weasyprint;
# chromium: browser tests; poppler-utils: pdftotext (ingest of a PDF) and pdffonts/pdftoppm in the PDF tests.
DEB_PKGS  := fonts-noto-cjk libharfbuzz-subset0 chromium poppler-utils

.PHONY: demo test lint check bench eval lexicon schema sysdeps venv corpus clean

demo: sysdeps venv
	$(BIN)/yoy list
	$(BIN)/yoy compare 城阳 2022 2025
	$(BIN)/yoy compare 全国 2008 2009
	@echo "# The corpus has no 崂山区 2025 report; yoy says so, and how to add one:"
	@$(BIN)/yoy compare 崂山 2019 2025 || true

# One pytest worker a core (pytest-xdist): each worker has its own temporary index (tests/conftest.py).
test: sysdeps venv lint
	$(BIN)/pytest -q -n auto

lint: venv
	$(BIN)/ruff check yoy tests benchmarks scripts
	$(BIN)/mypy yoy tests benchmarks scripts

bench: venv
	$(BIN)/python benchmarks/ingest.py
	$(BIN)/python benchmarks/compare.py
	$(BIN)/python benchmarks/render.py

# Score the engine against every change gold file in ../shared/gold, with the lexicon off and on.
eval: venv
	$(BIN)/python benchmarks/accuracy.py --lexicon both

# Re-mine yoy/data/successions.tsv from the embedded corpus (a test checks it is up to date).
lexicon: venv
	$(BIN)/python scripts/mine_lexicon.py

# Rewrite docs/comparison.schema.json from the record types (a test checks it is up to date).
schema: venv
	$(BIN)/python -c 'from pathlib import Path; from yoy import jsonio; \
	Path("docs/comparison.schema.json").write_text(jsonio.schema_text(), encoding="utf-8")'

# Rebuild the embedded corpus from the raw seed pages (a test checks it matches what is committed).
corpus: venv
	$(BIN)/yoy --corpus yoy/corpus ingest --replace fixtures/raw/*.txt

sysdeps:
	@missing=""; for p in $(DEB_PKGS); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'install ok installed' || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "installing Debian packages:$$missing"; \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; \
	fi

venv: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[dev]'
	touch $@

clean:
	rm -rf $(VENV) output/*.html output/*.pdf output/*.md output/*.json output/*.png
