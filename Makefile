# make html: build the site into output/ (creates .venv on first use); make test: run the tests.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
STRICT ?=

.PHONY: html serve devserver test test-tools clean bench screenshots

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

test: $(STAMP) test-tools
	$(BIN)/python -m pytest

# The browser tests drive Debian's Chromium (never a downloaded browser) and the HTML validator runs on
# Java: install them with apt when they are missing. Without apt the tests that need them are skipped.
SUDO := $(if $(filter 0,$(shell id -u)),,sudo)
APT_INSTALL = $(SUDO) apt-get install -y --no-install-recommends
test-tools:
	@if [ ! -x /usr/bin/chromium ]; then \
	  if command -v apt-get >/dev/null; then \
	    $(APT_INSTALL) chromium || { $(SUDO) apt-get update && $(APT_INSTALL) chromium; } \
	      || echo "make: could not install chromium; the browser tests will be skipped"; \
	  else echo "make: no /usr/bin/chromium and no apt-get; the browser tests will be skipped"; fi; fi
	@if ! command -v java >/dev/null; then \
	  if command -v apt-get >/dev/null; then \
	    $(APT_INSTALL) default-jre-headless || { $(SUDO) apt-get update && $(APT_INSTALL) default-jre-headless; } \
	      || echo "make: could not install Java; the HTML validation test will be skipped"; \
	  else echo "make: no java and no apt-get; the HTML validation test will be skipped"; fi; fi

screenshots: html
	$(BIN)/python tools/screenshots.py

clean:
	rm -rf output output.new output.old .cache

bench: $(STAMP)
	$(BIN)/pip install --quiet -e '.[bench]'
	$(BIN)/python bench/run.py
