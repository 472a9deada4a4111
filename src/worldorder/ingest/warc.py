"""Web archives (WARC, WARC.gz): each HTML response record is a page for the HTML reader.

warcio (Webrecorder, Apache-2.0) reads the records: it is pure Python, so it installs wherever
worldorder does, it undoes chunked transfer and gzip content encoding, and it writes WARCs too
(``scripts/build_sample_warc.py``). Parsing is not what limits a news crawl's throughput:
warcio reads thousands of records a second, the NLP about ten articles a second a core.
"""

from __future__ import annotations

import zlib
from collections import Counter
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime
from typing import BinaryIO

from trafilatura.utils import decode_file
from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.recordloader import ArcWarcRecord

from worldorder.errors import InputError, MalformedInput, UnreadableInput
from worldorder.ingest.html import read_html
from worldorder.model import Document, Failure

WARC_SUFFIXES = (".warc", ".warc.gz")
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
# Records of these kinds hold no fetched page (requests, crawl metadata, warcinfo): not counted.
PAGE_RECORDS = frozenset({"response", "resource"})
GZIP_WINDOW = 31  # zlib: a gzip header and trailer
READ_CHUNK = 1 << 16


def is_warc(name: str, head: bytes) -> bool:
    """Whether a file is a web archive, by its name or its first bytes (gzip members are named)."""
    return name.lower().endswith(WARC_SUFFIXES) or head.startswith(b"WARC/")


def read_warc(
    stream: BinaryIO, origin: str, max_bytes: int, skipped: Counter[str]
) -> Iterator[Document | Failure]:
    """A document for each HTML page fetched with status 200; other page records are counted in ``skipped``.

    Each document keeps the record's target URL and crawl date; its origin is ``FILE:N``, N the
    record's number in the file. A damaged archive ends with a failure after the records read.
    """
    done = 0
    checked = GzipMembers(stream)
    try:
        for number, record in enumerate(ArchiveIterator(checked), 1):
            if not record.format.startswith("warc"):  # warcio falls back to ARC on anything else
                raise ArchiveLoadFailed("no WARC record header")
            found = list(_record(record, f"{origin}:{number}", max_bytes, skipped))
            _read_to_end(record)  # a record cut short is no page: nothing half-read is kept
            yield from found
            done = number
        if checked.cut_short:
            raise EOFError("the archive is cut short or damaged after its last whole record")
    except (ArchiveLoadFailed, OSError, EOFError, ValueError) as exc:
        where = f"after record {done}" if done else "at the start"
        yield Failure(origin, f"not a readable WARC file ({where}): {_first_line(exc)}")


class GzipMembers:
    """A binary stream that follows the gzip members passing through it: warcio reads a member cut
    short as if it ended there, so a truncated WARC.gz would lose its last records without a word."""

    def __init__(self, raw: BinaryIO) -> None:
        self._raw = raw
        self._member: zlib._Decompress | None = None
        self._gzip: bool | None = None
        self._damaged = False

    @property
    def cut_short(self) -> bool:
        """Whether the bytes ended inside a member or stopped being gzip (the records before still count)."""
        return self._damaged or (self._member is not None and not self._member.eof)

    def read(self, size: int = -1) -> bytes:
        data = self._raw.read(size)
        if self._gzip is None and data:
            self._gzip = data.startswith(b"\x1f\x8b")
        if self._gzip:
            self._follow(data)
        return data

    def _follow(self, data: bytes) -> None:
        while data and not self._damaged:
            if self._member is None or self._member.eof:
                self._member = zlib.decompressobj(GZIP_WINDOW)
            try:
                self._member.decompress(data)
            except zlib.error:
                self._damaged = True  # warcio meets the same bytes later and stops where they start
                return
            data = self._member.unused_data


def _read_to_end(record: ArcWarcRecord) -> None:
    """Drain the record; its block shorter than its Content-Length means the file was cut inside it."""
    stream = record.raw_stream
    while stream.read(READ_CHUNK):
        pass
    if getattr(stream, "limit", 0) > 0:
        raise EOFError("a record is cut short")


def _record(record: ArcWarcRecord, origin: str, max_bytes: int, skipped: Counter[str]) -> Iterator[Document | Failure]:
    if record.rec_type not in PAGE_RECORDS:
        return
    reason = _skip_reason(record)
    if reason:
        skipped[reason] += 1
        return
    try:
        yield _page(record, origin, max_bytes)
    except MalformedInput:  # menus, index and error pages: a crawl is full of them
        skipped["warc record: no article text"] += 1
    except InputError as exc:
        yield Failure(origin, str(exc))


def _skip_reason(record: ArcWarcRecord) -> str | None:
    headers = record.http_headers
    if record.rec_type == "response":
        if headers is None:
            return "warc record: not HTTP"
        status = headers.get_statuscode()
        if status != "200":
            return f"warc record: HTTP {status}"
    media = _media_type(record)
    return None if media in HTML_TYPES else "warc record: not HTML"


def _media_type(record: ArcWarcRecord) -> str:
    source = record.http_headers if record.http_headers is not None else record.rec_headers
    value = source.get_header("Content-Type") or ""
    return value.split(";")[0].strip().lower()


def _page(record: ArcWarcRecord, origin: str, max_bytes: int) -> Document:
    body = record.content_stream().read(max_bytes + 1)
    if len(body) > max_bytes:
        raise UnreadableInput("page is over the size limit")
    url = record.rec_headers.get_header("WARC-Target-URI") or None
    document = read_html(decode_file(body), origin, url=url)
    return replace(document, kind="warc", crawled=_crawl_time(record.rec_headers.get_header("WARC-Date")))


def _crawl_time(value: str | None) -> datetime | None:
    """WARC-Date (ISO 8601, UTC) as a naive UTC datetime; None when absent or unreadable."""
    if not value:
        return None
    try:
        moment = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment.astimezone(UTC).replace(tzinfo=None) if moment.tzinfo else moment


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[0][:120] if text else type(exc).__name__
