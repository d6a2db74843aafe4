# Apprentice: `make run` to start everything locally, `make test` for the whole suite.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000
# Links in emails (verification, reminders) point at the server actually started.
export SITE_URL ?= http://$(HOST):$(PORT)
export DJANGO_SETTINGS_MODULE ?= config.settings.local
# Ctrl-C: every process gets TERM; whatever is still running this many seconds later is killed.
STOP_GRACE ?= 4

.PHONY: assets run setup system-deps browser-deps venv runtimes migrate test lint format pytest mutation chaos bench bench-grading bench-reminders bench-api clean

## run: set up (venv, requirements, database, curriculum, demo users) and start web + worker + beat
## One Ctrl-C stops all three within a few seconds: TERM to each, then KILL after STOP_GRACE
## seconds to what is left (a worker in warm shutdown waits for its tasks otherwise).
run: setup
	@echo "Starting web on $(SITE_URL)/ with a Celery worker and beat (Ctrl-C stops all)."
	@mkdir -p var/broker/queue var/broker/control
	@pids=""; \
	stop() { \
		trap - INT TERM EXIT; \
		echo "Stopping web, worker and beat…"; \
		for pid in $$pids; do pkill -TERM -P $$pid 2>/dev/null; kill -TERM $$pid 2>/dev/null; done; \
		for _ in $$(seq 1 $$(( $(STOP_GRACE) * 10 ))); do \
			alive=""; for pid in $$pids; do kill -0 $$pid 2>/dev/null && alive=1; done; \
			[ -z "$$alive" ] && break; sleep 0.1; \
		done; \
		for pid in $$pids; do pkill -KILL -P $$pid 2>/dev/null; kill -KILL $$pid 2>/dev/null; done; \
		wait 2>/dev/null; echo "Stopped."; \
	}; \
	trap stop INT TERM EXIT; \
	$(PY) manage.py runserver $(HOST):$(PORT) & pids="$$pids $$!"; \
	$(VENV)/bin/celery -A config worker -Q execute,notify,default,sweep --concurrency 2 \
		--without-mingle --without-gossip -l INFO & pids="$$pids $$!"; \
	$(VENV)/bin/celery -A config beat -l INFO -s var/celerybeat-schedule & pids="$$pids $$!"; \
	wait

## assets: rebuild the exercise editor bundle (static/js/editor.js) and the browser tests'
## copy of axe-core from package-lock.json (needs Node and npm; the outputs are committed)
assets:
	npm ci --no-audit --no-fund
	node assets/build.mjs

setup: system-deps venv runtimes migrate
	$(PY) manage.py sync_curriculum
	$(PY) manage.py seed_demo

## system-deps: bubblewrap (the grading sandbox) and python3-venv, when we are root and they are missing
system-deps:
	@if ! command -v bwrap >/dev/null || ! $(PYTHON) -c 'import ensurepip, venv' 2>/dev/null; then \
		if [ "$$(id -u)" = 0 ]; then \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq bubblewrap python3-venv >/dev/null; \
		else \
			echo "Missing bubblewrap or python3-venv: install them (sudo apt-get install bubblewrap python3-venv)."; \
		fi; \
	fi

## browser-deps: Debian's Chromium for the browser tests (tests/browser/), when we are root and
## it is missing; never `playwright install`. Without it the browser tests fail, they do not skip.
browser-deps:
	@if ! command -v chromium >/dev/null; then \
		if [ "$$(id -u)" = 0 ]; then \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
		else \
			echo "Missing chromium (the browser tests need it): sudo apt-get install chromium"; \
		fi; \
	fi

venv: $(VENV)/.installed

$(VENV)/.installed: requirements/local.txt
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q --require-hashes -r requirements/local.txt
	@touch $@

## runtimes: the learner runtimes the sandbox mounts (rebuilt only when a lock file changes)
runtimes: venv
	$(PY) -m submissions.sandbox runtimes build

migrate: venv
	@mkdir -p var/broker/queue var/broker/control
	$(PY) manage.py migrate --noinput

## test: lint, types, and the whole test suite (PostgreSQL/Redis when DATABASE_URL/REDIS_URL are set)
test: system-deps browser-deps venv runtimes lint pytest

pytest: browser-deps venv runtimes
	# The test settings, not the `export` above that `make run` needs (pyproject names them too,
	# but an exported variable wins over it).
	DJANGO_SETTINGS_MODULE=config.settings.test $(VENV)/bin/pytest $(PYTEST_ARGS)

lint: venv
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy .

format: venv
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

## mutation: score the curriculum's tests against mutants of every reference solution
## (only exercises changed since the committed report; EXERCISES="folder ..." for some, ALL=1 for all)
mutation: venv runtimes
	$(PY) -m courses.mutation run $(if $(ALL),--all) $(EXERCISES)

## chaos: grading and reminders under kills and outages, on a PostgreSQL and Redis of its own
## (about 15 minutes; prints a table; not part of make test)
chaos: venv runtimes
	$(PY) tests/chaos/run.py

## bench: every benchmark (prints medians; never part of pass/fail)
bench: bench-grading bench-reminders bench-api

bench-grading: venv
	$(PY) bench/grading.py

## bench-reminders: plan + enqueue one day of reminders for 100,000 learners (PostgreSQL + Redis)
bench-reminders: venv
	DJANGO_SETTINGS_MODULE=config.settings.test $(PY) bench/reminders.py

## bench-api: wrk -t2 -c16 per endpoint, next to /api/v1/me/, on 10,000 learners / 500,000 submissions
bench-api: venv
	$(PY) bench/api.py

clean:
	rm -rf var/ .mypy_cache .ruff_cache
