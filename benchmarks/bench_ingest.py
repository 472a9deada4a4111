"""Ingest throughput without NLP: read, detect boilerplate and language, store.

    .venv/bin/python benchmarks/bench_ingest.py [CORPUS.jsonl] [--runs N]

Prints documents/s for each run into a fresh DuckDB file, then for a second pass over the
same input (everything already present). Defaults to ../shared/corpus/bbc.jsonl.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from worldorder.config import Settings
from worldorder.runners.ingest import IngestReport, run_ingest
from worldorder.store import Store

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "bbc.jsonl"


def timed_ingest(corpus: Path, db: Path, settings: Settings) -> tuple[IngestReport, float]:
    started = time.perf_counter()
    with Store.open(db) as store:
        report = run_ingest([str(corpus)], store, settings)
    return report, time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    settings = Settings()
    fresh, again = [], []
    for run in range(args.runs):
        with tempfile.TemporaryDirectory() as tmp:
            db = Path(tmp) / "bench.duckdb"
            report, seconds = timed_ingest(args.corpus, db, settings)
            fresh.append(report.stored / seconds)
            report2, seconds2 = timed_ingest(args.corpus, db, settings)
            again.append(report2.already_present / seconds2)
            print(f"run {run + 1}: stored {report.stored:,} in {seconds:.2f} s ({fresh[-1]:,.0f} docs/s); "
                  f"second pass {report2.already_present:,} already present ({again[-1]:,.0f} docs/s)")
    print(f"ingest without NLP, {args.corpus.name}: median {statistics.median(fresh):,.0f} documents/s "
          f"(re-ingest {statistics.median(again):,.0f} documents/s) over {args.runs} runs")


if __name__ == "__main__":
    main()
