"""RSS and Atom feeds: which items a feed lists now, fetched only when it changed.

httpx fetches the feed (the reader's timeout, size cap and user agent) with the ETag and
Last-Modified the feed last sent, so an unchanged feed costs a 304 and no parsing; feedparser
reads RSS 0.9x-2.0, RSS 1.0 and Atom, resolving relative links against the feed's URL. A feed
may also be a local file, read again when its modification time changes.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import feedparser
import httpx

from worldorder.config import Settings
from worldorder.errors import MalformedInput, UnreadableInput
from worldorder.ingest.reading import megabytes, read_file_bytes
from worldorder.ingest.sources import is_url


@dataclass(frozen=True, slots=True)
class FeedItem:
    """One entry of a feed: the page it links to, with the title and date the feed gives it."""

    link: str
    title: str | None = None
    published: date | None = None


@dataclass
class Feed:
    """A feed to follow, with what its last fetch said (validators, file time)."""

    location: str
    etag: str | None = None
    modified: str | None = None
    seen: set[str] = field(default_factory=set)  # links already handled in this session

    def validators(self) -> dict[str, str]:
        headers = {"If-None-Match": self.etag} if self.etag else {}
        return headers | ({"If-Modified-Since": self.modified} if self.modified else {})


def poll(feed: Feed, client: httpx.Client, settings: Settings) -> list[FeedItem] | None:
    """The feed's items, or None when it has not changed since the last poll; ``InputError`` if unreadable."""
    body = _fetch(feed, client, settings) if is_url(feed.location) else _read_file(feed, settings)
    return None if body is None else parse_items(body, feed.location)


def _fetch(feed: Feed, client: httpx.Client, settings: Settings) -> bytes | None:
    try:
        response = client.get(feed.location, headers=feed.validators())
    except httpx.TimeoutException as exc:
        raise UnreadableInput(f"timed out after {settings.http_timeout:g} s") from exc
    except httpx.HTTPError as exc:
        raise UnreadableInput(f"cannot fetch: {type(exc).__name__}: {exc}") from exc
    if response.status_code == 304:
        return None
    if response.status_code >= 400:
        raise UnreadableInput(f"HTTP {response.status_code} {response.reason_phrase}")
    if len(response.content) > settings.http_max_bytes:
        raise UnreadableInput(f"feed is over the {megabytes(settings.http_max_bytes)} limit")
    feed.etag = response.headers.get("ETag")
    feed.modified = response.headers.get("Last-Modified")
    return response.content


def _read_file(feed: Feed, settings: Settings) -> bytes | None:
    try:
        stamp = str(Path(feed.location).stat().st_mtime_ns)
    except OSError as exc:
        raise UnreadableInput(f"cannot read: {exc.strerror or exc}") from exc
    if stamp == feed.modified:
        return None
    body = read_file_bytes(Path(feed.location), settings.http_max_bytes)
    feed.modified = stamp
    return body


def parse_items(body: bytes, location: str) -> list[FeedItem]:
    """The items of an RSS or Atom document, in feed order; ``MalformedInput`` if it is neither."""
    parsed: Any = feedparser.parse(body, response_headers={"content-location": location})
    if not parsed.get("version") and not parsed.entries:
        problem = parsed.get("bozo_exception")
        detail = f": {str(problem).splitlines()[0][:100]}" if problem else ""
        raise MalformedInput(f"not an RSS or Atom feed{detail}")
    return [item for entry in parsed.entries if (item := _item(entry))]


def _item(entry: Any) -> FeedItem | None:
    link = entry.get("link")
    if not link or not is_url(link):
        return None
    stamp = entry.get("published_parsed") or entry.get("updated_parsed")
    day = datetime.fromtimestamp(calendar.timegm(stamp), UTC).date() if stamp else None
    return FeedItem(link=link, title=entry.get("title") or None, published=day)
