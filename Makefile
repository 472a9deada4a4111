# Two commands set up everything on a fresh Debian machine with only python3:
#   make demo   create .venv, install, ingest the bundled sample news (its HTML pages from a web archive), show the result
#   make test   install the test tools, run ruff, mypy and the whole test suite
#   make eval   score the event coder on every gold set in ../shared and ours, in one table
#   make clause-model   retrain the coder's learned second opinion from scratch (4-6 minutes on 2 cores)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
DEMO_DB := demo.duckdb

.PHONY: demo test lint bench eval clause-model clean

$(BIN)/python:
	python3 -m venv $(VENV) || { apt-get update -qq && apt-get install -y -qq python3-venv && python3 -m venv $(VENV); }

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test]'
	touch $@

demo: $(STAMP)
	rm -f $(DEMO_DB) $(DEMO_DB).wal $(DEMO_DB).lock
	$(BIN)/worldorder ingest --db $(DEMO_DB) examples/news/text examples/news/feed.jsonl examples/warc/news.warc.gz
	@echo; echo "The most active pairs of actors:"
	$(BIN)/worldorder actors --db $(DEMO_DB) --pairs --limit 8
	@echo; echo "Russia and Iran, month by month (event ids behind each point):"
	$(BIN)/worldorder relations RUS IRN --db $(DEMO_DB) --by month
	@echo; echo "Their latest events, with the sentence that tells each:"
	$(BIN)/worldorder events --db $(DEMO_DB) --pair RUS IRN --limit 5
	@echo; echo "See it all on a page: $(BIN)/worldorder serve --db $(DEMO_DB)   then open http://127.0.0.1:8000/"

lint: $(STAMP)
	$(BIN)/ruff check src tests scripts benchmarks
	$(BIN)/mypy

test: lint
	command -v chromium >/dev/null || { apt-get update -qq && apt-get install -y -qq chromium; }
	$(BIN)/pytest

bench: $(STAMP)
	$(BIN)/python benchmarks/bench_ingest.py
	$(BIN)/python benchmarks/bench_extract.py
	$(BIN)/python benchmarks/bench_store.py
	$(BIN)/python benchmarks/bench_api.py
	$(BIN)/python benchmarks/bench_clause_model.py

# EVAL_ARGS passes options through, e.g. make eval EVAL_ARGS="--sets seed,gsr --json /tmp/eval.json"
eval: $(STAMP)
	$(BIN)/python scripts/eval_all.py $(EVAL_ARGS)

# retrain the learned second opinion (coding/data/clause_model) from scratch; prints the time it took
clause-model: $(STAMP)
	$(BIN)/python scripts/train_clause_model.py

clean:
	rm -rf $(VENV) $(DEMO_DB) $(DEMO_DB).wal $(DEMO_DB).lock .pytest_cache .mypy_cache .ruff_cache
