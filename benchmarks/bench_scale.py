"""Throughput and memory of the single-process and the Dask paths, in one run (docs/scale.md).

    .venv/bin/python benchmarks/bench_scale.py ../shared/corpus/bbc.jsonl --limit 1000 --memory 10000,50000

1. documents/s of an ingest with NLP on the first ``--limit`` documents: one process, a
   LocalCluster of 1 worker and of 2 workers, each with its pipeline loaded before the clock
   starts (model loading is start-up, not throughput), each into a fresh store;
2. the Dask overhead per partition: empty tasks through the scheduler, and the pickling of a
   partition of articles and of its Arrow result;
3. peak resident memory of each worker (fresh 2-worker clusters) for each ``--memory`` corpus
   size, the corpus repeated under new ids when it is shorter;
4. from these, the cores and machines that code a million articles in an hour.

It prints the load average before and after: on a busy machine the ratios mean little.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import pickle
import resource
import tempfile
import time
from pathlib import Path

from distributed import Client

from worldorder.config import Settings
from worldorder.ingest import Reader, make_article
from worldorder.ingest.language import LanguageIdentifier
from worldorder.model import Document
from worldorder.pipeline import Pipeline
from worldorder.runners import PARTITION_SIZE, DaskOptions
from worldorder.runners.cluster import PipelinePlugin, code_partition, local_cluster
from worldorder.runners.ingest import run_ingest, run_ingest_on_cluster
from worldorder.store import Store

MILLION = 1_000_000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--limit", type=int, default=1000, help="documents for the throughput runs")
    parser.add_argument("--memory", default="10000,50000", help="corpus sizes for the memory runs, comma-separated")
    parser.add_argument("--partition-size", type=int, default=PARTITION_SIZE)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="bench_scale_"))
    print(f"load average before: {os.getloadavg()}; {os.cpu_count()} cores")
    sample = corpus_file(args.corpus, args.limit, work / "sample.jsonl")
    rates = throughput(sample, args.limit, args.partition_size, work)
    overhead = partition_overhead(sample, args.partition_size)
    memory = {n: peak_worker_memory(corpus_file(args.corpus, n, work / f"m{n}.jsonl"), args.partition_size, work)
              for n in map(int, args.memory.split(","))}  # fmt: skip
    print(f"load average after: {os.getloadavg()}")
    report(rates, overhead, memory, args.partition_size)


def corpus_file(corpus: Path, n: int, path: Path) -> Path:
    """The first ``n`` records of ``corpus``, repeated under new ids when it has fewer."""
    records = [json.loads(line) for line in corpus.read_text(encoding="utf-8").splitlines() if line.strip()]
    with path.open("w", encoding="utf-8") as out:
        for i in range(n):
            record = dict(records[i % len(records)])
            if i >= len(records):
                record["id"] = f"{record.get('id', i)}~{i // len(records)}"
            out.write(json.dumps(record) + "\n")
    return path


def settings_for(db: Path) -> Settings:
    return Settings(db_path=db)


def throughput(sample: Path, n: int, partition_size: int, work: Path) -> dict[str, float]:
    rates: dict[str, float] = {}
    settings = settings_for(work / "single.duckdb")
    pipeline = Pipeline.load(settings)
    with Store.open(settings.db_path) as store:
        start = time.perf_counter()
        report = run_ingest([str(sample)], store, settings, pipeline)
        rates["single process"] = report.stored / (time.perf_counter() - start)
    del pipeline
    for workers in (1, 2):
        settings = settings_for(work / f"dask{workers}.duckdb")
        with local_cluster(workers) as local, Client(local) as client:
            client.register_plugin(PipelinePlugin(settings))  # loaded before the clock starts
            options = DaskOptions(scheduler=local.scheduler_address, partition_size=partition_size)
            with Store.open(settings.db_path) as store:
                start = time.perf_counter()
                report = run_ingest_on_cluster([str(sample)], store, settings, options)
                rates[f"dask, {workers} worker{'s' * (workers > 1)}"] = report.stored / (time.perf_counter() - start)
        print(f"  {workers} worker(s): {report.stored} stored, {report.events} events")
    print(f"throughput on {n} documents (documents/s): " + ", ".join(f"{k} {v:.2f}" for k, v in rates.items()))
    return rates


def partition_overhead(sample: Path, partition_size: int) -> dict[str, float]:
    """Seconds per empty task through a 1-worker cluster, and to pickle a partition and its result."""
    settings = Settings()
    with Reader(settings) as reader:
        documents = [d for d in reader.read([str(sample)]) if isinstance(d, Document)][:partition_size]
    languages = LanguageIdentifier()
    articles = [make_article(d, languages, settings) for d in documents]
    with local_cluster(1) as local, Client(local) as client:
        client.register_plugin(PipelinePlugin(settings))
        with Store.open(":memory:") as store:
            schemas = store.table_schemas()
        tasks = 50
        start = time.perf_counter()
        client.gather([client.submit(code_partition, [[]], schemas, pure=False) for _ in range(tasks)])
        per_task = (time.perf_counter() - start) / tasks
        result = client.submit(code_partition, [articles], schemas, pure=False).result()
    start = time.perf_counter()
    pickle.loads(pickle.dumps([articles]))
    pickle.loads(pickle.dumps(result))
    pickling = time.perf_counter() - start
    print(f"per partition: {per_task * 1000:.1f} ms a task, {pickling * 1000:.1f} ms to pickle "
          f"{len(articles)} articles and their tables")  # fmt: skip
    return {"task": per_task, "pickling": pickling, "documents": float(len(articles))}


def peak_worker_memory(corpus: Path, partition_size: int, work: Path) -> list[float]:
    """Peak resident MB of each of 2 fresh workers after ingesting ``corpus``."""
    settings = settings_for(work / f"{corpus.stem}.duckdb")
    with local_cluster(2) as local, Client(local) as client:
        options = DaskOptions(scheduler=local.scheduler_address, partition_size=partition_size)
        with Store.open(settings.db_path) as store:
            start = time.perf_counter()
            report = run_ingest_on_cluster([str(corpus)], store, settings, options)
            elapsed = time.perf_counter() - start
        peaks = client.run(_peak_mb)
    values = sorted(peaks.values())
    print(f"memory, {report.stored} documents in {elapsed:.0f} s: peak per worker " +
          ", ".join(f"{v:.0f} MB" for v in values))  # fmt: skip
    return values


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def report(rates: dict[str, float], overhead: dict[str, float], memory: dict[int, list[float]], size: int) -> None:
    single, one, two = rates["single process"], rates["dask, 1 worker"], rates["dask, 2 workers"]
    print(f"ratios: 2 workers / 1 worker = {two / one:.2f} (target >= 1.7); "
          f"1 worker / single process = {one / single:.2f} (target >= 0.9)")  # fmt: skip
    coding = overhead["documents"] / one if one else 0.0
    share = (overhead["task"] + overhead["pickling"]) / coding if coding else 0.0
    print(f"Dask overhead per {size}-document partition: {(overhead['task'] + overhead['pickling']) * 1000:.0f} ms, "
          f"{share:.2%} of the {coding:.0f} s it takes to code")  # fmt: skip
    for n, values in memory.items():
        print(f"peak memory per worker at {n} documents: {max(values):.0f} MB")
    per_core = one
    cores = MILLION / 3600 / per_core if per_core else float("inf")
    print(f"a million articles in an hour: {MILLION / 3600:.0f} documents/s / {per_core:.2f} per worker "
          f"= {cores:.0f} worker cores, e.g. {math.ceil(cores / 16)} machines of 16 cores; one DuckDB writer "
          f"stores far more than that (150,000 events/s, benchmarks/bench_store.py)")  # fmt: skip


if __name__ == "__main__":
    main()
