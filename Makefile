# GeoMekong: `make run` and `make test` set everything up on a fresh Debian/Ubuntu machine.
# Both are idempotent. DATABASE_URL points at another PostGIS instead of the local cluster.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000
export GEOMEKONG_PG_PORT ?= 5433

.PHONY: run serve backup restore test fuzz load setup system-deps venv db-start db-stop db-status migrate load-data lint bench bench-spatial clean-db

# The development server: DEBUG on, reloads on code changes.
run: setup
	DEBUG=1 $(PY) manage.py runserver $(HOST):$(PORT)

# The production server: gunicorn, DEBUG off, whitenoise, pooled connections (README: Serving).
serve: setup
	HOST=$(HOST) PORT=$(PORT) scripts/serve.sh

# The database in pg_dump's custom format into var/backups/ (BACKUP=file to choose), and back into a
# fresh database (make restore BACKUP=file [RESTORE_DB=name]).
backup: venv db-start
	@scripts/backup.sh

restore: venv db-start
	@scripts/restore.sh

test: setup
	$(VENV)/bin/ruff check .
	GEOMEKONG_DEVELOPMENT=1 $(VENV)/bin/pytest

# The long schemathesis campaign (10,000+ cases per OpenAPI document) and the locust load test, both
# against `make serve`; each writes its section of docs/reliability.md.
fuzz: setup
	GEOMEKONG_DEVELOPMENT=1 $(PY) -m bench.reliability.fuzz

load: setup
	GEOMEKONG_DEVELOPMENT=1 $(PY) -m bench.reliability.load

setup: system-deps venv db-start migrate load-data

system-deps:
	@scripts/system-deps.sh

# Reinstalled only when pyproject.toml or requirements.lock changes; the lock pins the versions.
venv: $(VENV)/.installed
$(VENV)/.installed: pyproject.toml requirements.lock
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
	  { echo "Python >= 3.11 is needed ($(PYTHON) is $$($(PYTHON) --version))"; exit 1; }
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -c requirements.lock -e '.[dev]'
	touch $@

db-start:
ifndef DATABASE_URL
	@scripts/localdb.sh start
else
	@echo "Using DATABASE_URL; the local cluster is not started"
endif

db-stop:
	@scripts/localdb.sh stop

db-status:
	@scripts/localdb.sh status

migrate:
	GEOMEKONG_DEVELOPMENT=1 $(PY) manage.py migrate --no-input -v 0

# The source documents, corridors and projects into the database (idempotent).
load-data:
	GEOMEKONG_DEVELOPMENT=1 $(PY) manage.py import_sources
	GEOMEKONG_DEVELOPMENT=1 $(PY) manage.py load_geodata
	GEOMEKONG_DEVELOPMENT=1 $(PY) manage.py link_mentions

lint:
	$(VENV)/bin/ruff check .

# The scale benchmark (issue 11, docs/performance.md): MapServer (Debian) and pygeoapi (its own venv
# under var/bench) as peers, gunicorn for our server. Long: 100k and 1M rows, several runs each.
bench: setup
	@scripts/system-deps.sh cgi-mapserver
	$(PY) -m pip install -q -c requirements.lock -e '.[bench]'
	GEOMEKONG_DEVELOPMENT=1 $(PY) -m bench.scale.run

bench-spatial: setup
	GEOMEKONG_DEVELOPMENT=1 $(PY) bench/bench_spatial.py
