"""The ingest job: read inputs, make articles, analyse them, store them batch by batch."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from itertools import islice
from typing import Protocol

from worldorder.config import Settings
from worldorder.ingest import Reader, make_article
from worldorder.ingest.language import LanguageIdentifier
from worldorder.model import Article, CodedArticle, Document, Failure
from worldorder.runners import without_failures
from worldorder.store import Store


class Analyser(Protocol):
    """What turns a batch of articles into coded articles (the NLP pipeline)."""

    def analyse_each(self, articles: Sequence[Article]) -> list[CodedArticle | Failure]: ...


@dataclass
class IngestReport:
    """What an ingest did, for the closing summary and the exit code."""

    stored: int = 0
    already_present: int = 0
    events: int = 0
    skipped: Counter[str] = field(default_factory=Counter)
    failures: list[Failure] = field(default_factory=list)

    @property
    def read(self) -> int:
        return self.stored + self.already_present

    def failed_by_reason(self) -> Counter[str]:
        return Counter(_reason_kind(f.reason) for f in self.failures)


def _reason_kind(reason: str) -> str:
    """The reason without its specifics ("line 7: not JSON (...)" -> "not JSON")."""
    if reason.startswith("line "):
        reason = reason.split(": ", 1)[-1]
    return reason.split(" (")[0]


ProgressHook = Callable[[int, Failure | None], None]


def run_ingest(
    names: Iterable[str],
    store: Store,
    settings: Settings,
    analyser: Analyser | None = None,
    published: date | None = None,
    progress: ProgressHook | None = None,
    reader: Reader | None = None,
) -> IngestReport:
    """Read every input, store its articles (with their events when ``analyser`` is given)."""
    report = IngestReport()
    languages = LanguageIdentifier()
    with reader or Reader(settings) as source:
        for batch in _batches(source.read(names), settings.batch_size, report, progress):
            articles = [make_article(d, languages, settings, published) for d in batch]
            _store_batch(articles, store, analyser, report, progress)
            if progress:
                progress(len(articles), None)
        report.skipped.update(source.skipped)
    return report


def _batches(
    items: Iterator[Document | Failure], size: int, report: IngestReport, progress: ProgressHook | None
) -> Iterator[list[Document]]:
    """Documents in batches of ``size``; failures go to the report as they come."""

    def failed(failure: Failure) -> None:
        report.failures.append(failure)
        if progress:
            progress(1, failure)

    stream = without_failures(items, failed)
    while batch := list(islice(stream, size)):
        yield batch


def _store_batch(
    articles: list[Article],
    store: Store,
    analyser: Analyser | None,
    report: IngestReport,
    progress: ProgressHook | None = None,
) -> None:
    fresh = store.absent(articles)  # analyse only what is new: a re-run costs no NLP
    to_analyse = [a for a in fresh if a.skipped is None]
    results = analyser.analyse_each(to_analyse) if analyser and to_analyse else []
    coded = [r for r in results if isinstance(r, CodedArticle)]
    failed = [r for r in results if isinstance(r, Failure)]
    for failure in failed:
        report.failures.append(failure)
        if progress:
            progress(0, failure)
    if failed:  # an article whose analysis failed is not stored, so a later run analyses it again
        analysed = {c.article.id for c in coded}
        fresh = [a for a in fresh if a.skipped is not None or a.id in analysed]
    result = store.add(fresh, coded)
    report.stored += result.stored
    report.already_present += len(articles) - result.stored - len(failed)
    report.events += sum(len(c.events) for c in coded)
    report.skipped.update(a.skipped for a in fresh if a.skipped)
