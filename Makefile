# `make site` and `make test` are all a fresh machine with Python 3.11 needs.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-requirements
# axe-core, from npm, for the accessibility tests
NODE_TOOLS := node_modules/.package-lock.json
# The data folder (data/plans/<year>.yaml, data/urls.txt); a single plan file can be built
# elsewhere: make site DATA=other/plan.yaml DOCS=... SITE=...
DATA ?= data
DOCS ?= docs
SITE ?= site
BUILD ?= .build
# The build engine: mkdocs (MkDocs 1.6 + Material) or zensical (Material's successor).
ENGINE ?= mkdocs
# Written by the generator: mkdocs.yml with the nav and redirects from the data. Both engines
# want the docs and site folders inside the configuration's folder, so it sits here.
CONFIG ?= mkdocs.generated.yml
export PLAN_DATA := $(DATA)
export PLAN_DOCS := $(DOCS)
ENGINE_BUILD_mkdocs := $(BIN)/mkdocs build --strict --quiet --config-file
ENGINE_BUILD_zensical := $(BIN)/zensical build --strict --config-file
ENGINE_BUILD := $(ENGINE_BUILD_$(ENGINE))
ifeq ($(ENGINE_BUILD),)
$(error ENGINE=$(ENGINE): expected mkdocs or zensical)
endif

# Material prints an end-of-life banner about MkDocs 2 on every build.
export NO_MKDOCS_2_WARNING := 1
# Stable dates in the sitemap: two builds of one commit give the same site/.
SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null)
ifneq ($(SOURCE_DATE_EPOCH),)
export SOURCE_DATE_EPOCH
endif

.PHONY: site check urls test test-fast golden search-eval corpus-eval bench serve clean chromium

# The generator validates the data, writes docs/ and the engine's configuration (nav, redirects),
# or stops with every problem of the data; then the engine builds the pages.
site: $(STAMP)
	@# Build beside site/ and swap it in, so a failed build never leaves site/ half-written.
	mkdir -p $(DOCS)
	rm -rf $(BUILD)/site $(BUILD)/site.old
	$(BIN)/python -m generator generate --data $(DATA) --docs $(DOCS) --site $(BUILD)/site --config $(CONFIG)
	$(ENGINE_BUILD) $(CONFIG)
	if [ -d $(SITE) ]; then mv $(SITE) $(BUILD)/site.old; fi
	mv $(BUILD)/site $(SITE)
	rm -rf $(BUILD)/site.old

check: $(STAMP)
	$(BIN)/python -m generator check --data $(DATA)

# Enter new page URLs (and moved ones) into the ledger data/urls.txt; refuses while a published
# URL would break.
urls: $(STAMP)
	$(BIN)/python -m generator urls --data $(DATA)

test: $(STAMP) chromium $(NODE_TOOLS)
	$(BIN)/python -m pytest

# Everything but the browser and the full builds (tests marked slow): the loop while editing.
test-fast: $(STAMP)
	$(BIN)/python -m pytest -m "not slow"

# Rewrite tests/golden/, the fixture plan's generated files, after an intended change.
golden: $(STAMP)
	$(BIN)/python tests/golden.py

# Realistic queries typed into the built site's search box; prints hit@1, hit@3 and index size.
search-eval: site chromium
	$(BIN)/python tests/search_eval.py $(SITE)

# The importer on the real notices of tests/corpus/: tasks and unit lists right, by hand's reading.
corpus-eval: $(STAMP)
	$(BIN)/python tests/corpus_eval.py

# Synthetic plans of 22 to 2,000 tasks: generator and build times against a bare MkDocs build.
bench: $(STAMP)
	@# The figures are kept in $(BUILD)/bench.txt; the benchmark's own exit status is make's.
	mkdir -p $(BUILD)
	$(BIN)/python bench/run.py > $(BUILD)/bench.txt || { cat $(BUILD)/bench.txt; exit 1; }
	cat $(BUILD)/bench.txt

serve: $(STAMP)
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

clean:
	if [ -x $(BIN)/python ]; then $(BIN)/python -m generator clean --docs $(DOCS); fi
	rm -rf $(SITE) $(BUILD) $(CONFIG) .cache

$(STAMP): requirements.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(NODE_TOOLS): package.json package-lock.json
	npm ci --no-audit --no-fund

# The browser tests drive Debian's chromium (Playwright's own browser downloads are not used);
# printing a page to PDF needs Chinese fonts.
DEBIAN_PACKAGES := chromium fonts-noto-cjk
chromium:
	@missing=$$(for p in $(DEBIAN_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	  else \
	    echo "The browser tests need Debian's $$missing: sudo apt-get install $$missing" >&2; exit 1; \
	  fi; \
	fi
