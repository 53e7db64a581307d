# make html: build the site into output/ (creates .venv on first use); make test: run the tests.
# make publish: build it for its public address (publishconf.py); make rsync_upload, make github: publish
# and upload it. README.md, "Publishing", tells how.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
STRICT ?=
# A Dask scheduler's address (tcp://HOST:8786): make html SCHEDULER=... analyses the seeds on its workers.
SCHEDULER ?=

# Where make rsync_upload copies the site: set them here or in the environment. Without SSH_HOST,
# SSH_TARGET_DIR is a folder on this machine.
SSH_HOST ?=
SSH_PORT ?= 22
SSH_USER ?=
SSH_TARGET_DIR ?=
# Where make github pushes the site: a remote's name or URL, and the branch GitHub Pages serves.
GITHUB_REMOTE ?= origin
GITHUB_PAGES_BRANCH ?= gh-pages

.PHONY: html publish rsync_upload github serve devserver test test-tools lint format clean bench screenshots

$(STAMP): pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[test]"
	touch $(STAMP)

html: $(STAMP)
	$(BIN)/dossier build $(if $(STRICT),--strict) $(if $(SCHEDULER),--scheduler $(SCHEDULER))

# publishconf.py refuses to build without SITEURL (from the environment, or written in it).
publish: $(STAMP)
	$(BIN)/dossier build --settings publishconf.py $(if $(STRICT),--strict)

# Each upload checks its settings before it builds anything. rsync --delete makes the target folder
# the site: a folder on this machine that holds something else (no dossier.json) is refused. The
# build's manifest (what each page was drawn from, for the next build) is not published.
RSYNC_TARGET = $(if $(SSH_HOST),$(if $(SSH_USER),$(SSH_USER)@)$(SSH_HOST):)$(SSH_TARGET_DIR)
rsync_upload: $(STAMP)
	@test -n "$(SSH_TARGET_DIR)" || { echo "make rsync_upload: SSH_TARGET_DIR is not set: the folder the site goes to," \
	  "on SSH_HOST (e.g. SSH_HOST=example.org SSH_TARGET_DIR=/var/www/dossier make rsync_upload)," \
	  "or on this machine without SSH_HOST" >&2; exit 2; }
	@command -v rsync >/dev/null || { echo "make rsync_upload: rsync is not installed (apt-get install rsync)" >&2; exit 2; }
	@if [ -z "$(SSH_HOST)" ] && [ -n "$$(ls -A "$(SSH_TARGET_DIR)" 2>/dev/null)" ] \
	    && [ ! -f "$(SSH_TARGET_DIR)/dossier.json" ]; then \
	  echo "make rsync_upload: $(SSH_TARGET_DIR) holds files but no dossier.json: it is not a published dossier," \
	    "and rsync --delete would remove them; give an empty or new folder" >&2; exit 2; fi
	@$(MAKE) --no-print-directory publish
	rsync -e "ssh -p $(SSH_PORT)" -rvzc --delete --delete-excluded --exclude /.dossier-manifest.json output/ "$(RSYNC_TARGET)"

github: $(STAMP)
	@git rev-parse --git-dir >/dev/null 2>&1 || { echo "make github: $(CURDIR) is not a git repository:" \
	  "ghp-import commits the site to its $(GITHUB_PAGES_BRANCH) branch (clone the project with git)" >&2; exit 2; }
	@error=$$(git ls-remote "$(GITHUB_REMOTE)" 2>&1 >/dev/null) || { echo "make github: cannot reach the git remote" \
	  "'$(GITHUB_REMOTE)': set GITHUB_REMOTE to a remote's name or URL (git remote -v lists them). git said: $$error" >&2; \
	  exit 2; }
	@$(MAKE) --no-print-directory publish
	$(BIN)/ghp-import --no-jekyll --push --remote "$(GITHUB_REMOTE)" --branch "$(GITHUB_PAGES_BRANCH)" \
	  --message "Publish the dossier" output

# A missing page is answered with output/404.html and status 404, as a static host does.
serve: $(STAMP)
	$(BIN)/python -m dossier_site.serve output --port 8000 --host 127.0.0.1

devserver: $(STAMP)
	$(BIN)/python -m dossier_site.devserver

test: $(STAMP) test-tools
	$(BIN)/python -m pytest

# ruff, configured in pyproject.toml: lint and formatting are checked by CI; make format applies both fixes.
lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(STAMP)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# The browser tests drive Debian's Chromium (never a downloaded browser), the HTML validator runs on Java
# and the upload test needs rsync: install them with apt when they are missing. Without apt the tests
# that need them are skipped.
SUDO := $(if $(filter 0,$(shell id -u)),,sudo)
APT_INSTALL = $(SUDO) apt-get install -y --no-install-recommends
# $(call apt_tool,package,a command that succeeds when it is there,the tests skipped without it)
apt_tool = @if ! $(2) >/dev/null; then \
	  if command -v apt-get >/dev/null; then \
	    $(APT_INSTALL) $(1) || { $(SUDO) apt-get update && $(APT_INSTALL) $(1); } \
	      || echo "make: could not install $(1); $(3) will be skipped"; \
	  else echo "make: no $(1) and no apt-get; $(3) will be skipped"; fi; fi
test-tools:
	$(call apt_tool,chromium,test -x /usr/bin/chromium,the browser tests)
	$(call apt_tool,default-jre-headless,command -v java,the HTML validation test)
	$(call apt_tool,rsync,command -v rsync,the rsync_upload test)

screenshots: html
	$(BIN)/python tools/screenshots.py

clean:
	rm -rf output output.new* output.old* .output.lock .cache

bench: $(STAMP)
	$(BIN)/pip install --quiet -e '.[bench]'
	$(BIN)/python bench/run.py
