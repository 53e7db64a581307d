# make html: build the site into output/ (creates .venv on first use); make test: run the tests.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
STRICT ?=

.PHONY: html serve devserver test clean bench

$(STAMP): pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[test]"
	touch $(STAMP)

html: $(STAMP)
	$(BIN)/dossier build $(if $(STRICT),--strict)

serve: $(STAMP)
	$(BIN)/pelican --listen -o output -p 8000 -b 127.0.0.1

devserver: $(STAMP)
	$(BIN)/python -m dossier_site.devserver

test: $(STAMP)
	$(BIN)/python -m pytest

clean:
	rm -rf output output.new output.old .cache

bench: $(STAMP)
	$(BIN)/python bench/run.py
