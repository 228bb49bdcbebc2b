# `make site` and `make test` are all a fresh machine with Python 3.11 needs.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-requirements
# axe-core, from npm, for the accessibility tests
NODE_TOOLS := node_modules/.package-lock.json
# Another plan can be built elsewhere: make site DATA=... DOCS=... SITE=...
DATA ?= data/plan.yaml
DOCS ?= docs
SITE ?= site
BUILD ?= .build
export PLAN_DATA := $(DATA)
export PLAN_DOCS := $(DOCS)

# Material prints an end-of-life banner about MkDocs 2 on every build.
export NO_MKDOCS_2_WARNING := 1
# Stable dates in the sitemap: two builds of one commit give the same site/.
SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null)
ifneq ($(SOURCE_DATE_EPOCH),)
export SOURCE_DATE_EPOCH
endif

.PHONY: site check urls test fuzz search-eval bench serve clean chromium

# MkDocs runs the generator (generator/mkdocs_hook.py): it validates the data, writes docs/
# and sets the nav, or stops the build with every problem of the data.
site: $(STAMP)
	@# Build beside site/ and swap it in, so a failed build never leaves site/ half-written.
	mkdir -p $(DOCS)
	rm -rf $(BUILD)/site $(BUILD)/site.old
	$(BIN)/mkdocs build --strict --site-dir $(BUILD)/site
	if [ -d $(SITE) ]; then mv $(SITE) $(BUILD)/site.old; fi
	mv $(BUILD)/site $(SITE)
	rm -rf $(BUILD)/site.old

check: $(STAMP)
	$(BIN)/python -m generator check --data $(DATA)

# Enter new page URLs into the ledger data/urls.txt; refuses while a published URL would break.
urls: $(STAMP)
	$(BIN)/python -m generator urls --data $(DATA)

test: $(STAMP) chromium $(NODE_TOOLS)
	$(BIN)/python -m pytest

# Before a release: the fuzz test of tests/test_fuzz.py at length (`make test` runs 40 examples);
# 20,000 mutations of data/plan.yaml take about ten minutes.
FUZZ_EXAMPLES ?= 20000
fuzz: $(STAMP)
	FUZZ_EXAMPLES=$(FUZZ_EXAMPLES) $(BIN)/python -m pytest tests/test_fuzz.py \
	  -k test_mutated_data_ends_in_success_or_diagnostics --hypothesis-show-statistics

# Realistic queries typed into the built site's search box; prints hit@1, hit@3 and index size.
search-eval: site chromium
	$(BIN)/python tests/search_eval.py $(SITE)

# Synthetic plans of 22 to 2,000 tasks: generator and build times against a bare MkDocs build.
bench: $(STAMP)
	$(BIN)/python bench/run.py | tee $(BUILD)/bench.txt

serve: $(STAMP)
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

clean:
	if [ -x $(BIN)/python ]; then $(BIN)/python -m generator clean --docs $(DOCS); fi
	rm -rf $(SITE) $(BUILD)

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
