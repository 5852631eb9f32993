# Two commands matter: `make run` and `make test`. Both work on a fresh machine with Python 3.10+.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
WORKSPACE ?= workspace/bsc.sqlite
PORT   ?= 8866
HUB_PORT ?= 8000

.PHONY: run hub test install chromium sample bench catalog clean

run: $(STAMP)                 ## set up, create the sample workspace if missing, serve the workbooks
	$(BIN)/bsc init --sample --db $(WORKSPACE)
	$(BIN)/bsc serve --db $(WORKSPACE) --port $(PORT)

hub: $(STAMP)                 ## the same workbooks for many people, with sign-in (JupyterHub), on the sample
	$(BIN)/bsc init --sample --db $(WORKSPACE)
	$(BIN)/bsc hub --db $(WORKSPACE) --port $(HUB_PORT) $(HUB_ARGS)

test: $(STAMP) chromium       ## set up everything the tests need, run every test, stop what it started
	@url="$$(bash tests/postgres_up.sh)"; \
	BSC_TEST_POSTGRES_URL="$$url" $(BIN)/python -m pytest; status=$$?; \
	bash tests/postgres_down.sh; exit $$status

install: $(STAMP)

CATALOGS := $(wildcard bsc_widgets/locale/*/LC_MESSAGES/*.po)

# installing compiles the translation catalogs (hatch_build.py), so a changed catalog reinstalls
$(STAMP): pyproject.toml package-lock.json hatch_build.py $(CATALOGS)
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e ".[test]"
	@command -v npm >/dev/null 2>&1 || { [ "$$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1 && \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null; } || \
		echo "npm is missing: bsc hub needs configurable-http-proxy, and charts load plotly's full bundle instead of its 4x smaller basic one (install Node.js and npm, then make install)."
	@if command -v npm >/dev/null 2>&1; then npm ci --no-audit --no-fund --loglevel=error; fi
	touch $(STAMP)

chromium:                     ## Debian's Chromium for the browser tests (apt, when missing and root)
	@if command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1; then :; \
	elif [ "$$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then \
		echo "Installing Debian's chromium for the browser tests…"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	else echo "Chromium is missing and cannot be installed here (not root): browser tests will skip." \
	          "Install it with: sudo apt-get install chromium"; fi

sample: $(STAMP)              ## regenerate sample_data/ from its generator
	$(BIN)/python sample_data/generate.py

bench: $(STAMP) chromium      ## print the benchmark figures
	$(BIN)/python benchmarks/spc_engine.py
	$(BIN)/python benchmarks/home_page.py
	$(BIN)/python benchmarks/workbooks_tti.py
	$(BIN)/python benchmarks/reports.py
	$(BIN)/python benchmarks/collaborative_views.py

catalog: $(STAMP)             ## gather the messages the code marks (_, n_, N_) into the catalogs, to translate
	$(BIN)/pybabel extract -F babel.cfg -k n_:1,2 -k N_ -k Np_:1,2 --no-wrap --sort-by-file --project "BSC Workbooks" \
		--copyright-holder "BSC Workbooks contributors" -o bsc_widgets/locale/bsc.pot .
	$(BIN)/pybabel update -i bsc_widgets/locale/bsc.pot -d bsc_widgets/locale -D bsc --no-wrap --ignore-obsolete --no-fuzzy-matching

clean:
	rm -rf $(VENV) build .pytest_cache
