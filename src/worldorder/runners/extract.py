"""The extract job: read inputs and write one JSON document per input document."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from itertools import islice
from typing import Any

from worldorder.config import Settings
from worldorder.ingest import Reader, make_article
from worldorder.ingest.language import LanguageIdentifier
from worldorder.model import DateBasis, Document, Failure, Notice
from worldorder.output import coded_json
from worldorder.pipeline import Pipeline, iter_coded
from worldorder.runners import DaskOptions, without_failures


@dataclass
class ExtractReport:
    documents: int = 0
    events: int = 0
    unparsed_dates: int = 0  # documents whose publication date could not be read
    failures: list[Failure] = field(default_factory=list)
    notices: list[Notice] = field(default_factory=list)


def run_extract(
    names: Iterable[str],
    pipeline: Pipeline,
    write: Callable[[dict[str, Any]], None],
    published: date | None = None,
    on_failure: Callable[[Failure | Notice], None] | None = None,
    reader: Reader | None = None,
) -> ExtractReport:
    """Analyse every document the inputs hold and ``write`` its JSON; failures and repairs are reported."""
    report = ExtractReport()
    settings: Settings = pipeline.settings
    languages = LanguageIdentifier()

    def failed(item: Failure | Notice) -> None:
        if isinstance(item, Failure):
            report.failures.append(item)
        else:
            report.notices.append(item)
        if on_failure:
            on_failure(item)

    with reader or Reader(settings) as source:
        documents = _noted(without_failures(source.read(names), failed), failed)
        articles = (make_article(d, languages, settings, published) for d in documents)
        for coded in without_failures(iter_coded(pipeline, articles), failed):
            write(coded_json(coded))
            report.documents += 1
            report.events += len(coded.events)
            report.unparsed_dates += coded.article.published_basis is DateBasis.UNPARSED
    return report


def run_extract_on_cluster(
    names: Iterable[str],
    settings: Settings,
    options: DaskOptions,
    write: Callable[[dict[str, Any]], None],
    published: date | None = None,
    on_failure: Callable[[Failure | Notice], None] | None = None,
    reader: Reader | None = None,
) -> ExtractReport:
    """``run_extract`` with the coding on Dask workers; records are written here, in input order."""
    from worldorder.runners.cluster import dask_client, extract_partition, map_in_order, partitions

    report = ExtractReport()
    languages = LanguageIdentifier()

    def failed(item: Failure | Notice) -> None:
        if isinstance(item, Failure):
            report.failures.append(item)
        else:
            report.notices.append(item)
        if on_failure:
            on_failure(item)

    with reader or Reader(settings) as source, dask_client(options, settings) as client:
        documents = _noted(without_failures(source.read(names), failed), failed)
        articles = (make_article(d, languages, settings, published) for d in documents)
        batches = iter(lambda: list(islice(articles, settings.batch_size)), [])
        parts = partitions(batches, settings.batch_size, options.partition_size)
        for _, results in map_in_order(client, extract_partition, parts, list):
            for batch in results:
                for record in without_failures(batch, failed):
                    write(record)
                    report.documents += 1
                    report.events += len(record["events"])
                    report.unparsed_dates += record["published"] is None and record.get("published_raw") is not None
    return report


def _noted(documents: Iterable[Document], tell: Callable[[Failure | Notice], None]) -> Iterator[Document]:
    """The documents, each repair made while reading one told as it passes."""
    for document in documents:
        for note in document.notes:
            tell(Notice(document.origin, note))
        yield document
