"""The watch job: poll feeds, fetch the pages of new items, store them as ingest does.

Each poll reads every feed (an unchanged one costs a 304), drops the items this session has
handled or the store holds, fetches the rest with the URL reader, and stores them batch by
batch through the ingest job's own path (same ids, same dedup, one transaction a batch). A
stop request is honoured between feeds, between pages and between batches, never inside a
transaction.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime

from worldorder.config import Settings
from worldorder.errors import InputError
from worldorder.ingest import Reader
from worldorder.ingest.feed import Feed, FeedItem, poll
from worldorder.model import DateBasis, Document, Failure, Notice
from worldorder.runners.ingest import Analyser, IngestReport, ProgressHook, store_documents
from worldorder.store import Store


@dataclass
class PollReport:
    """What one poll did, for its log line."""

    number: int
    feeds: int = 0
    unchanged: int = 0
    new_items: int = 0
    ingest: IngestReport = field(default_factory=IngestReport)

    @property
    def failed(self) -> int:
        return len(self.ingest.failures)

    def line(self) -> str:
        stamp = datetime.now(UTC).strftime("%Y-%m-%d %H:%M:%S")
        report = self.ingest
        return (
            f"{stamp} poll {self.number}: {self.feeds} feeds ({self.unchanged} unchanged), "
            f"{self.new_items} new items, {report.stored} stored, {report.events} events, {self.failed} failed"
        )


@dataclass
class Watcher:
    """Follows ``feeds`` into ``store``; ``stop`` ends it between batches."""

    feeds: list[Feed]
    store: Store
    settings: Settings
    reader: Reader
    analyser: Analyser | None = None
    stop: threading.Event = field(default_factory=threading.Event)
    polls: int = 0

    def poll(self, on_failure: Callable[[Failure], None] | None = None) -> PollReport:
        """Poll every feed once and store what is new."""
        self.polls += 1
        report = PollReport(self.polls)
        progress = _failures_to(on_failure)
        items = self._new_items(report, progress)
        documents = self._pages(items, report)
        store_documents(documents, self.store, self.settings, self.analyser, report.ingest, progress=progress,
                        stop=self.stop)  # fmt: skip
        return report

    def run(self, every: float, polls: int | None, log: Callable[[str], None],
            on_failure: Callable[[Failure], None] | None = None) -> int:  # fmt: skip
        """Poll every ``every`` seconds until ``stop`` is set or ``polls`` polls are done; the polls done."""
        while not self.stop.is_set():
            log(self.poll(on_failure).line())
            if polls is not None and self.polls >= polls:
                break
            self.stop.wait(every)
        return self.polls

    def _new_items(self, report: PollReport, progress: ProgressHook) -> list[FeedItem]:
        found: list[FeedItem] = []
        for feed in self.feeds:
            if self.stop.is_set():
                break
            report.feeds += 1
            try:
                items = poll(feed, self.reader.client(), self.settings)
            except InputError as exc:
                report.ingest.failures.append(Failure(feed.location, str(exc)))
                progress(0, report.ingest.failures[-1])
                continue
            if items is None:
                report.unchanged += 1
                continue
            fresh = [i for i in items if i.link not in feed.seen]
            feed.seen.update(i.link for i in fresh)
            found += fresh
        stored = self.store.stored_urls([i.link for i in found])
        new = [i for i in _unique(found) if i.link not in stored]
        report.new_items = len(new)
        return new

    def _pages(self, items: Iterable[FeedItem], report: PollReport) -> Iterator[Document | Failure]:
        for item in items:
            if self.stop.is_set():
                return
            try:
                yield _with_feed_metadata(self.reader.read_url(item.link), item)
            except InputError as exc:
                yield Failure(item.link, str(exc))


def _with_feed_metadata(document: Document, item: FeedItem) -> Document:
    """The page, with the feed's title and date where the page gives none."""
    if document.published is None and item.published is not None:
        document = replace(document, published=item.published, published_basis=DateBasis.METADATA)
    return replace(document, title=document.title or item.title)


def _unique(items: list[FeedItem]) -> list[FeedItem]:
    """Items in order, each link once (two feeds often list the same story)."""
    seen: set[str] = set()
    unique = []
    for item in items:
        if item.link not in seen:
            seen.add(item.link)
            unique.append(item)
    return unique


def _failures_to(on_failure: Callable[[Failure], None] | None) -> ProgressHook:
    def hook(_documents: int, failure: Failure | Notice | None) -> None:
        if isinstance(failure, Failure) and on_failure is not None:
            on_failure(failure)

    return hook


def watch_feeds(
    locations: Iterable[str],
    store: Store,
    settings: Settings,
    analyser: Analyser | None,
    every: float,
    polls: int | None,
    log: Callable[[str], None],
    on_failure: Callable[[Failure], None] | None = None,
) -> int:
    """Follow the feeds until Ctrl-C (SIGINT) or ``polls`` polls; the number of polls done.

    The first Ctrl-C lets the batch being stored finish and stops; a second one stops at once
    (the batch's transaction is rolled back, nothing half-written).
    """
    with Reader(settings) as reader:
        watcher = Watcher([Feed(location) for location in locations], store, settings, reader, analyser)
        with _stop_on_interrupt(watcher.stop, log):
            return watcher.run(every, polls, log, on_failure)


@contextmanager
def _stop_on_interrupt(stop: threading.Event, log: Callable[[str], None]) -> Iterator[None]:
    def first(_signum: int, _frame: object) -> None:
        log("stopping after this batch (Ctrl-C again to stop now)")
        stop.set()
        signal.signal(signal.SIGINT, signal.default_int_handler)

    previous = signal.signal(signal.SIGINT, first)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
