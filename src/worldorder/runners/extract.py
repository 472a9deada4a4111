"""The extract job: read inputs and write one JSON document per input document."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from itertools import islice
from typing import Any

from worldorder.config import Settings
from worldorder.ingest import Reader, make_article
from worldorder.ingest.language import LanguageIdentifier
from worldorder.model import Failure
from worldorder.output import coded_json
from worldorder.pipeline import Pipeline, iter_coded
from worldorder.runners import DaskOptions, without_failures


@dataclass
class ExtractReport:
    documents: int = 0
    events: int = 0
    failures: list[Failure] = field(default_factory=list)


def run_extract(
    names: Iterable[str],
    pipeline: Pipeline,
    write: Callable[[dict[str, Any]], None],
    published: date | None = None,
    on_failure: Callable[[Failure], None] | None = None,
    reader: Reader | None = None,
) -> ExtractReport:
    """Analyse every document the inputs hold and ``write`` its JSON; failures are reported."""
    report = ExtractReport()
    settings: Settings = pipeline.settings
    languages = LanguageIdentifier()

    def failed(failure: Failure) -> None:
        report.failures.append(failure)
        if on_failure:
            on_failure(failure)

    with reader or Reader(settings) as source:
        documents = without_failures(source.read(names), failed)
        articles = (make_article(d, languages, settings, published) for d in documents)
        for coded in without_failures(iter_coded(pipeline, articles), failed):
            write(coded_json(coded))
            report.documents += 1
            report.events += len(coded.events)
    return report


def run_extract_on_cluster(
    names: Iterable[str],
    settings: Settings,
    options: DaskOptions,
    write: Callable[[dict[str, Any]], None],
    published: date | None = None,
    on_failure: Callable[[Failure], None] | None = None,
    reader: Reader | None = None,
) -> ExtractReport:
    """``run_extract`` with the coding on Dask workers; records are written here, in input order."""
    from worldorder.runners.cluster import dask_client, extract_partition, map_in_order, partitions

    report = ExtractReport()
    languages = LanguageIdentifier()

    def failed(failure: Failure) -> None:
        report.failures.append(failure)
        if on_failure:
            on_failure(failure)

    with reader or Reader(settings) as source, dask_client(options, settings) as client:
        documents = without_failures(source.read(names), failed)
        articles = (make_article(d, languages, settings, published) for d in documents)
        batches = iter(lambda: list(islice(articles, settings.batch_size)), [])
        parts = partitions(batches, settings.batch_size, options.partition_size)
        for _, results in map_in_order(client, extract_partition, parts, list):
            for batch in results:
                for record in without_failures(batch, failed):
                    write(record)
                    report.documents += 1
                    report.events += len(record["events"])
    return report
