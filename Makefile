# Refund Assistant. `make run` and `make test` set up everything they need from this repository.
SHELL := /bin/bash
.DEFAULT_GOAL := help

VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
RASA := $(BIN)/rasa
INSTALLED := $(VENV)/.installed
SPACY_PIPELINE := nlp/en_refund/meta.json
MODEL := models/refund-assistant.tar.gz
TRAINING_INPUTS := config.yml domain.yml $(shell find data -name "*.yml" 2>/dev/null) $(SPACY_PIPELINE) \
	$(wildcard addons/*.py) refund_assistant/intent_model.py refund_assistant/languages.py
NLU_HELDOUT := tests/nlu/heldout_nlu.yml
NLU_MIN_ACCURACY := 0.95
# The website widget's one browser dependency, copied from node_modules (never a CDN)
WIDGET_VENDOR := web/vendor/socket.io.min.js
# Debian's Chromium drives the widget's browser tests (no browser download by Playwright)
CHROMIUM := /usr/bin/chromium
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
# `make lock`: pip-tools in a throwaway environment. It resolves against PyPI alone, ignoring this
# machine's pip configuration (local mirrors, find-links, constraints), so that no local path
# ends up in the locks. LOCK_ARGS passes more options, e.g. LOCK_ARGS="--upgrade-package holidays".
LOCK_VENV := /tmp/refund-lock-venv
PIP_TOOLS := pip-tools==7.6.2
LOCK_ENV := env -u PIP_FIND_LINKS -u PIP_INDEX_URL -u PIP_EXTRA_INDEX_URL -u PIP_CONSTRAINT \
	PIP_CONFIG_FILE=/dev/null CUSTOM_COMPILE_COMMAND="make lock"
PIP_COMPILE := $(LOCK_ENV) $(LOCK_VENV)/bin/pip-compile --quiet --generate-hashes --allow-unsafe \
	--strip-extras --index-url https://pypi.org/simple --no-emit-index-url --no-emit-find-links \
	--no-emit-trusted-host $(LOCK_ARGS)
export TF_CPP_MIN_LOG_LEVEL := 2
export SQLALCHEMY_SILENCE_UBER_WARNING := 1

.PHONY: bench-soak help install widget run shell train validate lint types test test-unit test-dialogue test-nlu test-servers bench-training bench bench-blind bench-masking audit report lock clean

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-14s %s\n", $$1, $$2}'

install: $(INSTALLED) $(SPACY_PIPELINE) ## create the Python 3.10 environment from requirements-dev.lock, the project editable

# requirements-dev.lock holds everything in requirements.lock plus the dev tools, all hash-checked
$(INSTALLED): requirements.lock requirements-dev.lock pyproject.toml
	@test -x $(PY) || "$$(scripts/find-python310)" -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet --require-hashes -r requirements-dev.lock
	$(PY) -m pip install --quiet --no-deps --no-build-isolation -e .
	$(PY) -m pip check
	@touch $@

$(SPACY_PIPELINE): refund_assistant/spacy_pipeline.py $(INSTALLED)
	$(PY) -m refund_assistant.spacy_pipeline

$(MODEL): $(TRAINING_INPUTS) $(INSTALLED)
	$(RASA) train --fixed-model-name refund-assistant --out models
	@touch $@

train: $(MODEL) ## train the model if the data or config changed

widget: $(WIDGET_VENDOR) ## install socket.io-client (package-lock.json) into web/vendor/ for the widget

$(WIDGET_VENDOR): package.json package-lock.json
	npm ci --no-audit --no-fund
	mkdir -p $(@D)
	cp node_modules/socket.io-client/dist/socket.io.min.js node_modules/socket.io-client/dist/socket.io.min.js.map $(@D)/

$(CHROMIUM):
	$(SUDO) apt-get update -qq
	$(SUDO) apt-get install -y -qq chromium

run: $(MODEL) $(WIDGET_VENDOR) ## set up what is missing, train if needed, start all servers, print where to chat
	$(BIN)/refund-assistant-serve

shell: $(MODEL) ## chat in the terminal (starts the action server too)
	$(BIN)/refund-assistant-serve --shell

validate: install ## rasa data validate, warnings treated as failures
	$(PY) scripts/validate_data.py

test-unit: install ## pytest tests/unit: the core package, the actions on hand-built trackers, the responses
	$(PY) -m pytest -q tests/unit

test-servers: $(MODEL) $(WIDGET_VENDOR) $(CHROMIUM) ## the real servers over HTTP and socket.io, and the widget in a browser
	$(PY) -m pytest -q tests/integration

test-dialogue: $(MODEL) ## test stories, failing on any wrong prediction
	$(RASA) test core --model $(MODEL) --stories tests/stories --out results/core --fail-on-prediction-errors

test-nlu: $(MODEL) ## held-out NLU test set; fails below the minimum intent accuracy
	$(RASA) test nlu --model $(MODEL) --nlu $(NLU_HELDOUT) --out results/nlu
	$(PY) scripts/check_nlu_accuracy.py results/nlu/intent_report.json --min $(NLU_MIN_ACCURACY)

lint: install ## ruff: lint rules and formatting (checks only; `ruff check --fix .` and `ruff format .` fix)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

types: install ## mypy, strict, on the core package refund_assistant
	$(BIN)/mypy -p refund_assistant

test: lint types validate test-unit test-dialogue test-nlu test-servers ## everything CI runs (the cheap checks first)

bench-training: install $(SPACY_PIPELINE) ## print training time (cold/warm cache), model size, NLU accuracy
	$(PY) -m bench.measure_training

bench: $(MODEL) $(WIDGET_VENDOR) ## latency, throughput, memory, cold start vs a bare `rasa init` bot (ARGS="--profile cluster")
	$(PY) -m bench.run_bench $(ARGS)

bench-blind: $(MODEL) ## score the blind test sets end to end over REST (ARGS="tests/blind/zh_set1.yml" for one)
	$(PY) -m bench.score_blind $(or $(ARGS),tests/blind/en_set1.yml tests/blind/en_set2.yml tests/blind/en_set3.yml tests/blind/zh_set1.yml tests/blind/zh_set2.yml)

bench-soak: $(MODEL) ## 10 sellers without pause for 30 minutes: errors, latency, memory growth (ARGS="--minutes 5")
	$(PY) -m bench.soak $(ARGS)

bench-masking: install ## time masking personal data on ordinary and pathological 100 KB messages
	$(PY) -m bench.measure_masking

audit: ## pip-audit of requirements.lock, in a throwaway environment (needs a vulnerability database online)
	rm -rf /tmp/refund-audit-venv
	"$$(scripts/find-python310)" -m venv /tmp/refund-audit-venv
	/tmp/refund-audit-venv/bin/pip install --quiet pip-audit==2.10.1
	/tmp/refund-audit-venv/bin/pip-audit -r requirements.lock --no-deps --disable-pip --progress-spinner off

report: install ## deflection report from the tracker store into results/ (ARGS="--since 2024-05-01 --until 2024-05-31")
	$(BIN)/refund-assistant-report $(ARGS)

lock: ## re-resolve requirements.txt and requirements-dev.txt into the hash-checked locks (needs PyPI)
	rm -rf $(LOCK_VENV)
	"$$(scripts/find-python310)" -m venv $(LOCK_VENV)
	$(LOCK_ENV) $(LOCK_VENV)/bin/pip install --quiet --upgrade pip $(PIP_TOOLS)
	$(PIP_COMPILE) --output-file requirements.lock requirements.txt
	$(PIP_COMPILE) --output-file requirements-dev.lock requirements-dev.txt

clean: ## remove the environments (Python, node_modules), models, the built spaCy pipeline, test results
	rm -rf $(VENV) models/*.tar.gz nlp/en_refund results .rasa .run node_modules web/vendor
