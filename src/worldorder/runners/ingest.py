"""The ingest job: read inputs, make articles, analyse them, store them batch by batch."""

from __future__ import annotations

import hashlib
import threading
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from worldorder.config import Settings
from worldorder.ingest import Reader, make_article
from worldorder.ingest.articles import article_id
from worldorder.ingest.language import LanguageIdentifier
from worldorder.model import Article, CodedArticle, DateBasis, Document, Failure, Notice
from worldorder.runners import DaskOptions
from worldorder.store import BatchResult, Store

if TYPE_CHECKING:  # distributed takes seconds to import: only runs on a cluster load it
    from worldorder.runners.cluster import BatchOutcome

# Between batches the store lets go of the database file once it has held it this long, so
# `worldorder serve` and query commands get their turn (an analysed batch always takes longer).
HOLD_SECONDS = 0.5


class Analyser(Protocol):
    """What turns a batch of articles into coded articles (the NLP pipeline)."""

    def analyse_each(self, articles: Sequence[Article]) -> list[CodedArticle | Failure]: ...


@dataclass
class IngestReport:
    """What an ingest did, for the closing summary and the exit code."""

    stored: int = 0
    already_present: int = 0
    events: int = 0
    unparsed_dates: int = 0  # stored articles whose publication date could not be read
    skipped: Counter[str] = field(default_factory=Counter)
    failures: list[Failure] = field(default_factory=list)
    notices: list[Notice] = field(default_factory=list)

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


ProgressHook = Callable[[int, Failure | Notice | None], None]


@dataclass
class FirstSeen:
    """The ids read so far in one run, each with a digest of its text and where it was read.

    A repeated id with the same text is the same article (counted as already present); with a
    different text it is refused in one line, and the first one read is kept.
    """

    _seen: dict[str, tuple[bytes, str]] = field(default_factory=dict)

    def check(self, document: Document) -> Failure | bool:
        """True for a new id, False for a repeat of the same article, a Failure for a clash."""
        key = article_id(document)
        digest = hashlib.blake2b(document.text.encode("utf-8", "replace"), digest_size=16).digest()
        first = self._seen.get(key)
        if first is None:
            self._seen[key] = (digest, document.origin)
            return True
        if first[0] == digest:
            return False
        reason = f"repeated id with a different text (id {key!r}, first read at {first[1]}); the first is kept"
        return Failure(document.origin, reason)


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
    with reader or Reader(settings) as source:
        store_documents(source.read(names), store, settings, analyser, report, published, progress)
        report.skipped.update(source.skipped)
    return report


def store_documents(
    items: Iterator[Document | Failure],
    store: Store,
    settings: Settings,
    analyser: Analyser | None,
    report: IngestReport,
    published: date | None = None,
    progress: ProgressHook | None = None,
    stop: threading.Event | None = None,
) -> None:
    """Store ``items`` batch by batch into ``report``; once ``stop`` is set, no further batch starts."""
    languages = LanguageIdentifier()
    for batch in _batches(items, settings.batch_size, report, progress):
        articles = [make_article(d, languages, settings, published) for d in batch]
        _store_batch(articles, store, analyser, report, progress)
        if progress:
            progress(len(articles), None)
        store.release(held_at_least=HOLD_SECONDS)
        if stop is not None and stop.is_set():
            return


def _batches(
    items: Iterator[Document | Failure], size: int, report: IngestReport, progress: ProgressHook | None
) -> Iterator[list[Document]]:
    """Documents in batches of ``size``; failures, repairs and repeated ids go to the report."""
    stream = _checked(items, report, progress)
    while batch := list(islice(stream, size)):
        yield batch


def _checked(
    items: Iterator[Document | Failure], report: IngestReport, progress: ProgressHook | None
) -> Iterator[Document]:
    """The documents to store; failures, repairs and repeated ids go to the report as they come."""
    seen = FirstSeen()
    for item in items:
        verdict = item if isinstance(item, Failure) else seen.check(item)
        if isinstance(verdict, Failure):
            _tell(report, progress, verdict, 1)
        elif verdict is False:  # the same article again in this run
            report.already_present += 1
            if progress:
                progress(1, None)
        else:
            assert isinstance(item, Document)
            for note in item.notes:
                _tell(report, progress, Notice(item.origin, note), 0)
            yield item


def _tell(report: IngestReport, progress: ProgressHook | None, item: Failure | Notice, advance: int) -> None:
    if isinstance(item, Failure):
        report.failures.append(item)
    else:
        report.notices.append(item)
    if progress:
        progress(advance, item)


def _store_batch(
    articles: list[Article],
    store: Store,
    analyser: Analyser | None,
    report: IngestReport,
    progress: ProgressHook | None = None,
) -> None:
    fresh = store.absent(articles)  # analyse only what is new: a re-run costs no NLP
    to_analyse = [a for a in fresh if a.skipped is None]
    if analyser and to_analyse:
        store.release()  # analysis takes seconds: readers may use the file meanwhile
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
    report.unparsed_dates += sum(a.published_basis is DateBasis.UNPARSED for a in fresh)


@dataclass(frozen=True, slots=True)
class PendingBatch:
    """A batch as read: how many documents it had, and its articles not yet stored."""

    size: int
    fresh: list[Article]


def run_ingest_on_cluster(
    names: Iterable[str],
    store: Store,
    settings: Settings,
    options: DaskOptions,
    published: date | None = None,
    progress: ProgressHook | None = None,
    output: Path | None = None,
    reader: Reader | None = None,
) -> IngestReport:
    """``run_ingest`` with the coding on Dask workers (``runners.cluster``); the store is written here only.

    With ``output``, workers write Parquet under that folder instead (``store.parquet``) and
    ``store`` only lends its table schemas.
    """
    from worldorder.runners.cluster import code_partition, dask_client, map_in_order, partitions

    report = IngestReport()
    with reader or Reader(settings) as source, dask_client(options, settings) as client:
        batches = _batches(source.read(names), settings.batch_size, report, progress)
        pending = _fresh_batches(batches, store, settings, published)
        parts = partitions(pending, settings.batch_size, options.partition_size)
        target = str(output) if output else None
        coded = map_in_order(client, code_partition, parts, _payload, store.table_schemas(), target)
        for part, outcomes in coded:
            for batch, outcome in zip(part, outcomes, strict=True):
                result = _written(outcome) if output else store.add_tables(outcome.tables)
                _count(report, batch, outcome, result, progress)
                report.unparsed_dates += sum(a.published_basis is DateBasis.UNPARSED for a in batch.fresh)
                store.release(held_at_least=HOLD_SECONDS)
        report.skipped.update(source.skipped)
    return report


def _fresh_batches(
    batches: Iterator[list[Document]], store: Store, settings: Settings, published: date | None
) -> Iterator[PendingBatch]:
    """Each batch with the articles neither stored nor met earlier in this run: those alone travel."""
    languages = LanguageIdentifier()
    seen: set[str] = set()
    for batch in batches:
        articles = [make_article(d, languages, settings, published) for d in batch]
        fresh = [a for a in store.absent(articles) if a.id not in seen]
        seen.update(a.id for a in fresh)
        yield PendingBatch(len(articles), fresh)


def _payload(part: list[PendingBatch]) -> list[list[Article]]:
    return [batch.fresh for batch in part]


def _written(outcome: BatchOutcome) -> BatchResult:
    return BatchResult(stored=outcome.tables["articles"].num_rows, already_present=0)


def _count(
    report: IngestReport, batch: PendingBatch, outcome: BatchOutcome, result: BatchResult, progress: ProgressHook | None
) -> None:
    for failure in outcome.failures:
        report.failures.append(failure)
        if progress:
            progress(0, failure)
    report.stored += result.stored
    report.already_present += batch.size - result.stored - len(outcome.failures)
    report.events += outcome.events
    report.skipped.update(outcome.skipped)
    if progress:
        progress(batch.size, None)
