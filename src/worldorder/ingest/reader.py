"""Read sources into documents: the one place that decides which reader an input needs."""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from worldorder.config import Settings
from worldorder.errors import InputError, UnreadableInput
from worldorder.ingest.boilerplate import BoilerplateRules
from worldorder.ingest.html import read_html
from worldorder.ingest.jsonl import read_jsonl, read_jsonl_bytes
from worldorder.ingest.reading import decode_text, looks_like_html, looks_like_jsonl, read_file_bytes
from worldorder.ingest.sources import Source, expand
from worldorder.ingest.text import read_text
from worldorder.ingest.url import fetch, make_client
from worldorder.ingest.warc import is_warc, read_warc
from worldorder.model import Document, Failure

HTML_SUFFIXES = (".html", ".htm", ".xhtml")
JSONL_SUFFIXES = (".jsonl", ".ndjson")


@dataclass
class Reader:
    """Reads sources with shared rules and one HTTP client, opened on first need.

    ``skipped`` counts the records read on purpose as no document (a WARC's images and 404s).
    """

    settings: Settings
    rules: BoilerplateRules = field(default_factory=BoilerplateRules.shipped)
    stdin: Iterable[bytes] | None = None
    skipped: Counter[str] = field(default_factory=Counter)
    _stack: ExitStack = field(default_factory=ExitStack)
    _client: httpx.Client | None = None

    def __enter__(self) -> Reader:
        return self

    def __exit__(self, *exc: object) -> None:
        self._stack.close()

    def read(self, names: Iterable[str]) -> Iterator[Document | Failure]:
        """Every document the names hold, and a failure for each input that could not be read."""
        for item in expand(names):
            if isinstance(item, Failure):
                yield item
                continue
            try:
                yield from self.read_source(item)
            except InputError as exc:
                yield Failure(item.location, str(exc))

    def client(self) -> httpx.Client:
        """The HTTP client (timeout, size cap, user agent) this reader fetches with, opened once."""
        if self._client is None:
            self._client = self._stack.enter_context(make_client(self.settings))
        return self._client

    def read_url(self, url: str) -> Document:
        """The page at ``url`` as a document; ``InputError`` with a one-line reason if it cannot be had."""
        return self._read_url(url)

    def read_source(self, source: Source) -> Iterator[Document | Failure]:
        if source.kind == "url":
            yield self._read_url(source.location)
            return
        if source.kind == "stdin":
            data = b"".join(self.stdin if self.stdin is not None else [sys.stdin.buffer.read()])
            suffix = ""
        elif self._is_warc(source.location):
            yield from self._read_warc(source.location)
            return
        else:
            # JSON Lines corpora may be large; only single-document files have the size cap
            is_jsonl = source.location.endswith(JSONL_SUFFIXES)
            cap = 1 << 40 if is_jsonl else self.settings.max_input_bytes
            data = read_file_bytes(Path(source.location), cap)
            suffix = Path(source.location).suffix.lower()
        if suffix in JSONL_SUFFIXES or (not suffix and data.lstrip()[:1] == b"{"):
            yield from self._capped_lines(read_jsonl_bytes(data, source.location, self.rules, self.settings.date_order))
            return
        yield from self._dispatch(decode_text(data), source.location, suffix)

    def _dispatch(self, text: str, origin: str, suffix: str) -> Iterator[Document | Failure]:
        if suffix in JSONL_SUFFIXES or (not suffix and looks_like_jsonl(text)):
            yield from self._capped_lines(read_jsonl(text, origin, self.rules, self.settings.date_order))
        elif suffix in HTML_SUFFIXES or looks_like_html(text):
            yield read_html(text, origin, date_order=self.settings.date_order)
        else:
            yield read_text(text, origin, self.rules)

    def _is_warc(self, location: str) -> bool:
        try:
            with open(location, "rb") as handle:
                return is_warc(location, handle.read(8))
        except OSError:
            return False  # read_file_bytes says why in one line

    def _read_warc(self, location: str) -> Iterator[Document | Failure]:
        """A web archive streams record by record: no size cap on the file, one on each page."""
        try:
            with open(location, "rb") as handle:
                yield from read_warc(handle, location, self.settings.max_input_bytes, self.skipped)
        except OSError as exc:
            raise UnreadableInput(f"cannot read: {exc.strerror or exc}") from exc

    def _capped_lines(self, items: Iterator[Document | Failure]) -> Iterator[Document | Failure]:
        for item in items:
            if isinstance(item, Document) and len(item.text) > self.settings.max_input_bytes:
                yield Failure(item.origin, "document text is over the size limit")
            else:
                yield item

    def _read_url(self, url: str) -> Document:
        body, media = fetch(url, self.client(), self.settings)
        text = decode_text(body)
        if media in ("text/html", "application/xhtml+xml") or looks_like_html(text):
            return read_html(text, url, url=url, date_order=self.settings.date_order)
        if media.startswith("text/"):
            return read_text(text, url, self.rules)
        raise InputError(f"unsupported content type {media or 'unknown'}")
