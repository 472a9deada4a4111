"""The extract job: read inputs and write one JSON document per input document."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from worldorder.config import Settings
from worldorder.ingest import Reader, make_article
from worldorder.ingest.language import LanguageIdentifier
from worldorder.model import Article, Document, Failure
from worldorder.output import coded_json
from worldorder.pipeline import Pipeline, iter_coded


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

    def articles(items: Iterator[Document | Failure]) -> Iterator[Article]:
        for item in items:
            if isinstance(item, Failure):
                report.failures.append(item)
                if on_failure:
                    on_failure(item)
            else:
                yield make_article(item, languages, settings, published)

    with reader or Reader(settings) as source:
        for coded in iter_coded(pipeline, articles(source.read(names))):
            if isinstance(coded, Failure):
                report.failures.append(coded)
                if on_failure:
                    on_failure(coded)
                continue
            write(coded_json(coded))
            report.documents += 1
            report.events += len(coded.events)
    return report
