"""Coding on a real Dask LocalCluster stores exactly what one process stores, even when a worker dies."""

from __future__ import annotations

import json
import logging
import os
import signal
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from distributed import Client, LocalCluster

from tests.conftest import REPO
from tests.runners.contents import counts, store_contents
from worldorder.config import Settings
from worldorder.model import Failure, Notice
from worldorder.pipeline import Pipeline
from worldorder.runners import DaskOptions
from worldorder.runners.extract import run_extract, run_extract_on_cluster
from worldorder.runners.ingest import run_ingest, run_ingest_on_cluster
from worldorder.store import Store
from worldorder.store.parquet import load_parquet

pytestmark = pytest.mark.model

NEWS = REPO / "examples" / "news"
# Our sample news, with the JSON Lines file twice: its second reading must store nothing.
INPUTS = [str(NEWS / "text"), str(NEWS / "feed.jsonl"), str(REPO / "examples" / "warc" / "news.warc.gz"),
          str(NEWS / "feed.jsonl")]  # fmt: skip
DOCUMENTS = 25 + 6 + 10 + 6
# Small batches and partitions, so that 47 documents make 6 tasks and a worker has work to lose.
BATCH, PARTITION = 4, 8


def small(db: Path) -> Settings:
    return Settings(db_path=db, batch_size=BATCH)


def cluster(workers: int) -> LocalCluster:
    return LocalCluster(
        n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=":0", silence_logs=logging.ERROR
    )


@pytest.fixture(scope="module")
def reference(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The store a single-process ingest of INPUTS makes."""
    db = tmp_path_factory.mktemp("single") / "single.duckdb"
    settings = small(db)
    with Store.open(db) as store:
        report = run_ingest(INPUTS, store, settings, Pipeline.load(settings))
    assert report.stored == DOCUMENTS - 6 and report.already_present == 6 and not report.failures
    return db


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    with cluster(2) as local:
        yield local.scheduler_address


def on_cluster(db: Path, scheduler: str, output: Path | None = None) -> Any:
    settings = small(db)
    options = DaskOptions(scheduler=scheduler, partition_size=PARTITION)
    with Store.open(":memory:" if output else db) as store:
        return run_ingest_on_cluster(INPUTS, store, settings, options, output=output)


def test_cluster_ingest_stores_what_one_process_stores(reference: Path, scheduler: str, tmp_path: Path) -> None:
    db = tmp_path / "dask.duckdb"
    report = on_cluster(db, scheduler)
    assert (report.stored, report.already_present, report.failures) == (DOCUMENTS - 6, 6, [])
    assert report.skipped["warc record: HTTP 404"] == 1
    expected, got = store_contents(reference), store_contents(db)
    assert counts(got) == counts(expected) and counts(got)["events"] > 30
    assert got == expected


def test_cluster_ingest_rerun_adds_nothing(reference: Path, scheduler: str, tmp_path: Path) -> None:
    db = tmp_path / "again.duckdb"
    db.write_bytes(reference.read_bytes())
    report = on_cluster(db, scheduler)
    assert (report.stored, report.already_present, report.events) == (0, DOCUMENTS, 0)
    assert store_contents(db) == store_contents(reference)


def test_cluster_parquet_output_loads_into_the_same_store(reference: Path, scheduler: str, tmp_path: Path) -> None:
    out, db = tmp_path / "out", tmp_path / "loaded.duckdb"
    written = on_cluster(db, scheduler, output=out)
    assert written.stored == DOCUMENTS - 6
    assert (out / "events" / "month=2024-10").is_dir() and not list(out.glob(".staging-*"))
    with Store.open(db) as store:
        first = load_parquet(out, store)
        second = load_parquet(out, store)
    assert (first.stored, second.stored, second.already_present) == (DOCUMENTS - 6, 0, DOCUMENTS - 6)
    expected, got = store_contents(reference), store_contents(db)
    assert {t: got[t] for t in ("articles", "events", "mentions", "places", "dates")} == {
        t: expected[t] for t in ("articles", "events", "mentions", "places", "dates")
    }
    assert counts(got)["clusters"] > 0


def test_cluster_extract_writes_what_one_process_writes(scheduler: str) -> None:
    settings = Settings(batch_size=BATCH)
    single: list[dict[str, Any]] = []
    spread: list[dict[str, Any]] = []
    failures: list[Failure | Notice] = []
    run_extract(INPUTS[:2], Pipeline.load(settings), single.append)
    options = DaskOptions(scheduler=scheduler, partition_size=PARTITION)
    report = run_extract_on_cluster(INPUTS[:2], settings, options, spread.append, on_failure=failures.append)
    assert report.documents == 31 and not failures
    assert json.dumps(spread, sort_keys=True) == json.dumps(single, sort_keys=True)


def test_cluster_worker_killed_mid_run_loses_and_duplicates_nothing(reference: Path, tmp_path: Path) -> None:
    """SIGKILL one worker process once the first batch is stored; its partitions run again elsewhere."""
    db = tmp_path / "killed.duckdb"
    settings = small(db)
    killed: list[int] = []
    with cluster(2) as local, Client(local) as client, Store.open(db) as store:

        def kill_a_busy_worker(documents: int, failure: Failure | Notice | None) -> None:
            if killed or not documents:
                return
            busy = [worker for worker, keys in client.processing().items() if keys]
            if not busy:  # nothing running this instant: try again after the next batch
                return
            pids = client.run(os.getpid, workers=busy[:1])
            [pid] = pids.values()
            os.kill(pid, signal.SIGKILL)
            killed.append(store.count())

        options = DaskOptions(scheduler=local.scheduler_address, partition_size=PARTITION)
        report = run_ingest_on_cluster(INPUTS, store, settings, options, progress=kill_a_busy_worker)
    assert killed and 0 < killed[0] < DOCUMENTS - 6, "the worker was not killed mid-run"
    assert (report.stored, report.already_present, report.failures) == (DOCUMENTS - 6, 6, [])
    assert store_contents(db) == store_contents(reference)
