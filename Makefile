# Sinergi: the everyday commands. `make help` lists them.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
# Keep Python's bytecode caches even where the environment turns them off
# (PYTHONDONTWRITEBYTECODE=1): without them every test worker compiles the site and
# pytest rewrites every test module's asserts again, ~6 s a process.
export PYTHONDONTWRITEBYTECODE :=
HOST ?= 127.0.0.1
PORT ?= 8000
# compilemessages and makemessages walk the tree; keep them out of installed packages.
I18N_IGNORE := --ignore=.venv --ignore=node_modules --ignore=var

.PHONY: help run install messages migrate demo serve test test-fast test-sqlite test-postgres check prerequisites lint makemessages screenshots bench bench-bakerydemo bench-search search-engine search-engine-stop clean

help:
	@echo "make run           set up everything and serve the demo site on http://$(HOST):$(PORT)/"
	@echo "make test          lint, migration and catalogue checks, the whole suite on SQLite and PostgreSQL"
	@echo "make test-fast     the quick tests only (no browser, no search engine), SQLite"
	@echo "make makemessages  refresh the translation catalogues in locale/ after changing strings"
	@echo "make screenshots   full-page PNGs of seven page types at 375 and 1280 px, en and ar (var/screenshots/)"
	@echo "make bench         page speed figures (see docs/performance.md)"
	@echo "make bench-bakerydemo  the same pages side by side with Wagtail's bakerydemo (fetched and built outside the repository)"
	@echo "make search-engine start a local OpenSearch node (Java + Maven); then SEARCH_URL=opensearch+http://127.0.0.1:9251"

$(VENV)/.installed: requirements.txt requirements-dev.txt
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null || { echo "Sinergi needs Python 3.11 or newer as $(PYTHON) (or run: make PYTHON=/path/to/python3.11 ...)"; exit 1; }
	@$(PYTHON) -c 'import ensurepip, venv' 2>/dev/null || { echo "Python's venv module is missing (Debian: sudo apt-get install python3-venv)"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@

install: $(VENV)/.installed

node_modules/.package-lock.json: package.json package-lock.json
	@command -v npm >/dev/null || { echo "the ical.js and axe-core checks need Node.js and npm (Debian: sudo apt-get install nodejs npm)"; exit 1; }
	npm ci --no-audit --no-fund --loglevel=error

# Babel compiles the catalogues: no system gettext needed to run the site. The command
# compiles every stale catalogue at once, so its one run leaves the other .mo files fresh;
# with all of them fresh, make starts no Python at all (seconds off every test run).
CATALOGUES := $(wildcard locale/*/LC_MESSAGES/*.po)
messages: $(CATALOGUES:.po=.mo)

%.mo: %.po | install
	$(PY) manage.py compile_catalogues

migrate: install
	$(PY) manage.py migrate --noinput

demo: migrate
	$(PY) manage.py load_demo
	$(PY) manage.py search_index rebuild

serve:
	$(PY) manage.py runserver $(HOST):$(PORT)

run: messages demo serve

check: install messages
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(PY) manage.py makemigrations --check --dry-run

prerequisites:
	@bash scripts/prerequisites.sh

# The whole suite on SQLite (browsers and the search engine included) and, at the same
# time in a second process, again on PostgreSQL without the browser and engine tests
# (they do not depend on the database); its output is printed when both are done.
test: prerequisites check node_modules/.package-lock.json
	@mkdir -p var
	@TEST_DATABASE=postgres SINERGI_VAR_DIR="$(CURDIR)/var/test-postgres" $(PY) -m pytest -m "not browser and not engine" >var/test-postgres.log 2>&1 & postgres_half=$$!; \
	$(PY) -m pytest; sqlite=$$?; \
	wait $$postgres_half; postgres=$$?; \
	echo; echo "=== the same suite on PostgreSQL (run at the same time; log: var/test-postgres.log)"; \
	cat var/test-postgres.log; \
	echo "SQLite half: exit $$sqlite; PostgreSQL half: exit $$postgres"; \
	test $$sqlite -eq 0 && test $$postgres -eq 0

# The quick loop: no browser, no search engine, no slow checks (schemathesis, collectstatic).
# schemathesis builds its generated requests while their module is collected (seconds in
# every worker, before -m deselects them), so the fast loop does not collect it.
test-fast: install messages node_modules/.package-lock.json
	$(PY) -m pytest -n auto -m "not browser and not engine and not slow" --ignore=tests/cms/test_api_generated_requests.py

test-sqlite: prerequisites install messages node_modules/.package-lock.json
	$(PY) -m pytest

test-postgres: prerequisites install messages node_modules/.package-lock.json
	TEST_DATABASE=postgres $(PY) -m pytest -m "not browser and not engine"

makemessages: install
	$(PY) manage.py makemessages --all --no-obsolete $(I18N_IGNORE) --add-location=file

# Full-page PNGs of seven page types at 375 and 1280 px in en and ar, for reviewers
# (var/screenshots/, not committed); needs Debian's chromium.
screenshots: install messages
	$(PY) scripts/screenshots.py

bench: install messages node_modules/.package-lock.json
	$(PY) bench/pages.py

bench-bakerydemo: install messages node_modules/.package-lock.json
	$(PY) bench/bakerydemo.py

search-engine: install
	$(PY) -m search.launcher start

search-engine-stop: install
	$(PY) -m search.launcher stop

clean:
	rm -rf $(VENV) node_modules var
