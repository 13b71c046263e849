# Two commands matter: `make run` and `make test`. See README.md.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
HOST ?= 127.0.0.1
PORT ?= 8000
# Two pytest workers (the machine has two cores); a test module stays on one worker, so a
# module's own servers and scratch databases never meet another's.
PYTEST := $(VENV)/bin/pytest -n 2 --dist loadfile

.PHONY: run test lint format bench bench-edge bench-security bench-inquiries serve-production migrate demo clean messages

# The Spanish catalogue, compiled from locale/es/LC_MESSAGES/django.po (the .mo is built, never
# committed). Needs GNU gettext's msgfmt (Debian: apt-get install gettext).
MO_FILES := $(patsubst %.po,%.mo,$(wildcard locale/*/LC_MESSAGES/django.po))

locale/%/LC_MESSAGES/django.mo: locale/%/LC_MESSAGES/django.po
	msgfmt --check-format -o $@ $<

messages: $(MO_FILES)

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip

# Reinstall only when a requirements file changes.
$(VENV)/.runtime-installed: requirements.txt | $(PY)
	$(PIP) install --quiet -r requirements.txt
	touch $@

$(VENV)/.dev-installed: requirements.txt requirements-dev.txt | $(PY)
	$(PIP) install --quiet -r requirements-dev.txt
	touch $@ $(VENV)/.runtime-installed

migrate: $(VENV)/.runtime-installed $(MO_FILES)
	$(PY) manage.py migrate --noinput

demo: migrate
	$(PY) manage.py load_demo_content

run: demo
	$(PY) manage.py ensure_dev_admin --url http://$(HOST):$(PORT)/admin/
	$(PY) manage.py runserver $(HOST):$(PORT)

lint: $(VENV)/.dev-installed
	$(VENV)/bin/ruff check .

format: $(VENV)/.dev-installed
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

test: $(VENV)/.dev-installed $(MO_FILES)
	$(VENV)/bin/ruff check .
	$(PY) manage.py makemigrations --check --dry-run --settings=practice_site.settings.test
	# Browser tests empty the database after each test (their live server needs committed data),
	# so they run after the others, never between them on the same worker.
	$(PYTEST) --ignore=tests/e2e $(PYTEST_ARGS)
	$(PYTEST) tests/e2e $(PYTEST_ARGS)

bench: $(VENV)/.dev-installed
	$(PY) bench/run.py

# The edge cache (needs DATABASE_URL=postgres://... and REDIS_URL, Varnish and wrk): req/s and p99
# of a cached page through Varnish vs straight from gunicorn, and publish-to-fresh-at-the-edge
# time, on deploy/topology.py (Varnish -> nginx -> two gunicorn app servers). See bench/README.md.
bench-edge: $(VENV)/.dev-installed
	$(PY) bench/edge.py

# Security scans of the production server (not part of `make test`): the local Mozilla HTTP
# Observatory grade, then a bounded wapiti3 scan. Each installs its own tool on first run.
bench-security: $(VENV)/.dev-installed
	$(PY) bench/observatory.py
	$(PY) bench/wapiti_scan.py

# Load test of the contact form (needs DATABASE_URL=postgres://...; makes a scratch database):
# 20 concurrent clients send 500 inquiries; exactly 500 must be saved, no duplicates, no 5xx.
bench-inquiries: $(VENV)/.dev-installed
	$(PY) bench/inquiry_load.py

# The site as production runs it, on this machine: nginx (TLS, HTTP -> HTTPS, /static/ and
# /media/) in front of gunicorn with the production settings. https://localhost:8443
# (HTTPS_PORT), http://localhost:8080 (HTTP_PORT) redirects. Needs nginx (apt-get install nginx).
# State (SQLite database, secret key, media, local CA) in .serve-production/. See README.md.
serve-production: $(VENV)/.runtime-installed $(MO_FILES)
	$(PY) deploy/serve_production.py

clean:
	rm -rf $(VENV) staticfiles .pytest_cache .ruff_cache $(MO_FILES)
