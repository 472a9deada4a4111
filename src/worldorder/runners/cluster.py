"""Run the pipeline on Dask workers: a local cluster (``--workers N``) or an existing one (``--scheduler``).

The driver reads the inputs, makes articles and drops those already stored (a rerun costs no
NLP), then sends consecutive ingest batches in few, large partitions. Each worker loads the
spaCy model and the actor base once (``PipelinePlugin``), codes each batch exactly as the
single-process ingest does and returns it as Arrow tables. The driver is the only writer: it
stores each batch in one transaction, in input order, so the store ends up the same as a
single-process run's, clusters included.

A partition travels inside its task, never scattered to one worker's memory: when a worker
dies, the scheduler runs the task again elsewhere (up to ``distributed.scheduler.allowed-failures``
times, 3 by default), and since only the driver writes, and only results it received, nothing
is lost or stored twice.
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from itertools import islice
from pathlib import Path
from typing import Any, TypeVar

import dask
import pyarrow as pa
from distributed import Client, Future, LocalCluster, WorkerPlugin, get_worker

from worldorder.config import Settings
from worldorder.model import Article, CodedArticle, Failure
from worldorder.runners import DaskOptions
from worldorder.store.rows import batch_tables

PLUGIN = "worldorder-pipeline"
# Partitions waiting or running per worker: two keep a worker busy while the driver stores the
# last result; more would only hold documents in memory.
IN_FLIGHT_PER_WORKER = 2

P = TypeVar("P")
R = TypeVar("R")


@dataclass(frozen=True, slots=True)
class BatchOutcome:
    """One coded batch as a worker returns it: the stored tables' rows and the failed analyses."""

    tables: dict[str, pa.Table]
    failures: list[Failure]
    events: int
    skipped: list[str] = field(default_factory=list)


class PipelinePlugin(WorkerPlugin):
    """Loads the pipeline (spaCy model, actor base, gazetteer) once per worker process."""

    name = PLUGIN

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.pipeline: Any = None

    def setup(self, worker: Any) -> None:
        from worldorder.pipeline import Pipeline

        self.pipeline = Pipeline.load(self.settings)


@contextmanager
def dask_client(options: DaskOptions, settings: Settings) -> Iterator[Client]:
    """A client of the cluster ``options`` name, with the pipeline plugin registered on its workers."""
    if options.scheduler:
        client = Client(options.scheduler)
        cluster = None
    else:
        cluster = local_cluster(options.workers)
        client = Client(cluster)
    try:
        loaded = client.run(_has_pipeline, settings)
        if not loaded or not all(loaded.values()):  # a long-lived cluster keeps its model loaded between runs
            client.register_plugin(PipelinePlugin(settings))
        yield client
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def local_cluster(workers: int | None) -> LocalCluster:
    """A cluster of ``workers`` processes on this machine (None: one a core), each with one thread.

    One thread a worker: spaCy holds the GIL, so processes are what run in parallel. glibc's
    malloc keeps its own trim threshold: Dask sets ``MALLOC_TRIM_THRESHOLD_=65536`` in its
    workers to give memory back sooner, which made coding 9-12% slower than the same code in
    one process (``benchmarks/bench_scale.py``), for a peak memory that stays flat without it.
    """
    with dask.config.set({"distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": None}):
        return LocalCluster(
            n_workers=workers,
            threads_per_worker=1,
            processes=True,
            dashboard_address=":0",  # a free port: a second cluster on the machine must not collide
            silence_logs=logging.ERROR,
        )


def _has_pipeline(settings: Settings, dask_worker: Any = None) -> bool:
    """Whether this worker holds a pipeline loaded with the same analysis settings (the database aside)."""
    plugin = dask_worker.plugins.get(PLUGIN) if dask_worker is not None else None
    if not isinstance(plugin, PipelinePlugin) or plugin.pipeline is None:
        return False
    return replace(plugin.settings, db_path=settings.db_path) == settings


def worker_count(client: Client) -> int:
    return max(1, len(client.scheduler_info().get("workers", {})))


def map_in_order(
    client: Client, function: Callable[..., R], partitions: Iterable[P], payload: Callable[[P], Any], *args: Any
) -> Iterator[tuple[P, R]]:
    """Each partition with its result, in input order, with a bounded number in flight."""
    pending: deque[tuple[P, Future]] = deque()
    for partition in partitions:
        pending.append((partition, client.submit(function, payload(partition), *args, pure=False)))
        if len(pending) > IN_FLIGHT_PER_WORKER * worker_count(client):
            done, future = pending.popleft()
            yield done, future.result()
    while pending:
        done, future = pending.popleft()
        yield done, future.result()


def partitions(batches: Iterable[P], batch_size: int, partition_size: int) -> Iterator[list[P]]:
    """Consecutive batches grouped into partitions of about ``partition_size`` documents."""
    per_partition = max(1, partition_size // max(1, batch_size))
    stream = iter(batches)
    while chunk := list(islice(stream, per_partition)):
        yield chunk


# -- on the workers --


def _pipeline() -> Any:
    plugin = get_worker().plugins[PLUGIN]
    assert isinstance(plugin, PipelinePlugin) and plugin.pipeline is not None
    return plugin.pipeline


def code_batch(pipeline: Any, articles: Sequence[Article], schemas: dict[str, pa.Schema]) -> BatchOutcome:
    """What a single-process ingest does to one batch of fresh articles, minus the store."""
    to_analyse = [a for a in articles if a.skipped is None]
    results = pipeline.analyse_each(to_analyse) if to_analyse else []
    coded = [r for r in results if isinstance(r, CodedArticle)]
    failures = [r for r in results if isinstance(r, Failure)]
    if failures:  # a failed article is not stored, so a later run analyses it again
        analysed = {c.article.id for c in coded}
        articles = [a for a in articles if a.skipped is not None or a.id in analysed]
    now = datetime.now(UTC).replace(tzinfo=None)
    return BatchOutcome(
        tables=batch_tables(articles, coded, schemas, now),
        failures=failures,
        events=sum(len(c.events) for c in coded),
        skipped=[a.skipped for a in articles if a.skipped],
    )


def code_partition(
    batches: list[list[Article]], schemas: dict[str, pa.Schema], output: str | None = None
) -> list[BatchOutcome]:
    """Code every batch of a partition; with ``output``, write its tables there as Parquet instead."""
    pipeline = _pipeline()
    outcomes = [code_batch(pipeline, batch, schemas) for batch in batches]
    if output is None:
        return outcomes
    from worldorder.store.parquet import write_partition

    write_partition(Path(output), [o.tables for o in outcomes])
    return [BatchOutcome(_counts_only(o.tables), o.failures, o.events, o.skipped) for o in outcomes]


def _counts_only(tables: dict[str, pa.Table]) -> dict[str, pa.Table]:
    """The articles' ids only: what the driver needs to count what was written."""
    return {"articles": tables["articles"].select(["id"])}


def extract_partition(batches: list[list[Article]]) -> list[list[dict[str, Any] | Failure]]:
    """The JSON record (``worldorder extract``'s output) of each article, or its failure."""
    from worldorder.output import coded_json

    pipeline = _pipeline()
    return [
        [coded_json(r) if isinstance(r, CodedArticle) else r for r in pipeline.analyse_each(batch)]
        for batch in batches
    ]
