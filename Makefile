# Collective. `make help` lists the targets.
.DEFAULT_GOAL := help
SHELL := /bin/bash

VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
export PORT
DEMO_PASSWORD ?= collective-demo-2026
export DEMO_PASSWORD

# A Python >= 3.12: pyenv's (honouring .python-version), then python3.13, python3.12, python3.
define find_python
for candidate in "$$(command -v pyenv >/dev/null 2>&1 && pyenv which python3 2>/dev/null)" python3.13 python3.12 python3; do \
  [ -n "$$candidate" ] || continue; \
  if "$$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 12))' >/dev/null 2>&1; then \
    echo "$$candidate"; exit 0; \
  fi; \
done; \
echo "Collective needs Python 3.12 or newer: install it (or pyenv with 'pyenv install 3.12') and run make again." >&2; exit 1
endef

$(VENV)/.installed: requirements.txt requirements-dev.txt
	@python=$$($(find_python)) || exit 1; \
	if [ ! -x $(PY) ]; then echo "Creating $(VENV) with $$python"; "$$python" -m venv $(VENV) || exit 1; fi
	@echo "Installing the pinned dependencies into $(VENV)"
	@$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	@touch $@

.PHONY: help
help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

.PHONY: install
install: $(VENV)/.installed ## Create .venv and install the pinned dependencies

.PHONY: migrate
migrate: install ## Apply database migrations
	@echo "Applying database migrations ($${DATABASE_URL:-SQLite, db.sqlite3})"
	@$(PY) manage.py migrate --noinput -v 0

.PHONY: demo
demo: migrate ## Load the demo content (idempotent)
	@$(PY) manage.py load_demo

.PHONY: run
run: demo ## Set everything up and serve the site on http://127.0.0.1:$(PORT)
	@echo ""
	@echo "  The site:      http://127.0.0.1:$(PORT)/"
	@echo "  Sign in at:    http://127.0.0.1:$(PORT)/admin/"
	@echo "  Demo accounts: contributor, factchecker, editor, admin"
	@echo "  Password:      $(DEMO_PASSWORD)  (set DEMO_PASSWORD to change it)"
	@echo ""
	@$(PY) manage.py runserver 127.0.0.1:$(PORT)

.PHONY: test
# Tests that commit data (a live server for the browser, pg_dump for backups) empty the
# database when they finish; each such module runs in a process of its own, on a
# freshly migrated test database.
ISOLATED_TESTS := tests/test_backups.py tests/browser/test_editorial_walk.py tests/browser/test_quality.py

test: install ## Run the whole test suite (PostgreSQL when DATABASE_URL is set, else SQLite)
ifdef PYTEST_ARGS
	$(PY) -m pytest $(PYTEST_ARGS)
else
	$(PY) -m pytest $(foreach module,$(ISOLATED_TESTS),--ignore=$(module))
	@for module in $(ISOLATED_TESTS); do $(PY) -m pytest $$module || exit 1; done
endif

.PHONY: lint
lint: install ## Check code style (ruff) and that migrations are complete
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	DJANGO_SETTINGS_MODULE=collective.settings.test $(PY) manage.py makemigrations --check --dry-run --noinput

.PHONY: format
format: install ## Reformat the code (ruff)
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

.PHONY: backup
backup: install ## Write a consistent backup to backups/<timestamp>/
	@$(PY) manage.py backup

.PHONY: restore
restore: install ## Restore a backup: make restore BACKUP=backups/<timestamp>
	@if [ -z "$(BACKUP)" ]; then echo "Usage: make restore BACKUP=backups/<timestamp> [FORCE=1]" >&2; exit 2; fi
	$(PY) manage.py restore "$(BACKUP)"$(if $(filter 1,$(FORCE)), --force)

.PHONY: serve
serve: install ## Serve with gunicorn and production settings (needs SECRET_KEY, ALLOWED_HOSTS, DATABASE_URL)
	DJANGO_SETTINGS_MODULE=collective.settings.production $(PY) manage.py collectstatic --noinput -v 0
	DJANGO_SETTINGS_MODULE=collective.settings.production $(PY) manage.py migrate --noinput
	DJANGO_SETTINGS_MODULE=collective.settings.production $(VENV)/bin/gunicorn collective.wsgi

.PHONY: soak
soak: install ## Load and fault test on PostgreSQL (threaded gunicorn, readers, publishes, restarts)
	$(PY) bench/soak.py$(if $(SOAK_SECONDS), --seconds $(SOAK_SECONDS))$(if $(SOAK_THREADS), --threads $(SOAK_THREADS))$(if $(filter 1,$(NO_FAULTS)), --no-faults)

.PHONY: bench
bench: install ## Build a large site on PostgreSQL and measure it under load
	@command -v wrk >/dev/null 2>&1 || (apt-get update && apt-get install -y wrk) || { \
	  echo "make bench needs wrk and could not install it: run 'sudo apt-get install -y wrk' (Debian) and try again." >&2; exit 1; }
	$(PY) bench/run.py --essays $(or $(ESSAYS),10000) --compare-essays $(or $(COMPARE_ESSAYS),1000) \
	  --sources $(or $(SOURCES),2000) --organisations $(or $(ORGANISATIONS),60) \
	  --contributors $(or $(CONTRIBUTORS),300) --topics $(or $(TOPICS),40) \
	  --duration $(or $(DURATION),5) --rounds $(or $(ROUNDS),3)$(if $(MODES), --modes $(MODES))
	$(PY) bench/linkcheck.py --sources $(or $(SOURCES),2000)
