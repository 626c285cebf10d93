# One command runs the service, one passes the tests (README.md). Both create .venv and install the project.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: setup run test lint typecheck unit browser neo4j-start neo4j-stop clean

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if (3, 11) <= sys.version_info[:2] < (3, 14) else "geokg needs Python >=3.11,<3.14")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

setup: $(STAMP)

# The main job: a local Neo4j (assembled from Maven Central on first use), the sample articles ingested,
# the API served on http://127.0.0.1:8000 (docs at /docs), Neo4j Browser at http://127.0.0.1:7474/browser/.
run: $(STAMP)
	$(BIN)/geokg up

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(STAMP)
	$(BIN)/mypy

# Debian's headless Chromium and its driver, for the dashboard test (installed only when missing).
browser:
	scripts/install_chromium.sh

# The tests start their own Neo4j (test ports, test data folder) unless GEOKG_TEST_NEO4J_URI names a server.
test: lint typecheck browser
	$(BIN)/pytest

unit: $(STAMP)
	$(BIN)/pytest -m "not neo4j"

neo4j-start: $(STAMP)
	$(BIN)/geokg neo4j start

neo4j-stop: $(STAMP)
	$(BIN)/geokg neo4j stop

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache test-output
