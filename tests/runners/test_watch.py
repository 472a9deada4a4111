"""Following feeds served on 127.0.0.1 by the test itself: changes, 304s, 404s, bad feeds, slow pages."""

from __future__ import annotations

import http.server
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import ClassVar

import duckdb
import pytest

from worldorder.config import Settings
from worldorder.errors import MalformedInput
from worldorder.ingest import Reader
from worldorder.ingest.feed import Feed, parse_items
from worldorder.model import Failure
from worldorder.runners.watch import Watcher
from worldorder.store import Store

# Pages written for these tests, in our own words.
PAGE = """<!doctype html><html><head><title>{title}</title></head><body><article><h1>{title}</h1>
<p>Delegations from the two neighbouring states met in a border town on Tuesday to discuss the
reopening of crossings, officials said after the meeting, story number {n} of the day.</p>
</article></body></html>"""
SLOW_SECONDS = 3


def rss(items: list[int], relative: bool = False) -> bytes:
    entries = "".join(
        f"<item><title>Story {n}</title><link>{'' if relative else 'URL'}/story/{n}</link>"
        f"<pubDate>Tue, 0{1 + n % 9} Apr 2025 08:00:00 GMT</pubDate></item>"
        for n in items
    )
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>{entries}</channel></rss>'.encode()


ATOM = b"""<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Desk</title>
<entry><title>Atom story</title><link href="/story/50"/><updated>2025-04-03T10:00:00Z</updated></entry></feed>"""


class FeedServer(http.server.BaseHTTPRequestHandler):
    items: ClassVar[list[int]] = [1, 2]
    requests: ClassVar[list[tuple[str, str | None]]] = []

    def do_GET(self) -> None:
        self.requests.append((self.path, self.headers.get("If-None-Match")))
        if self.path == "/feed.xml":
            self._feed()
        elif self.path == "/atom.xml":
            self._send(200, "application/atom+xml", ATOM)
        elif self.path == "/broken.xml":
            self._send(200, "application/rss+xml", b"<html><body>this is no feed at all</body></html>")
        elif self.path == "/story/slow":
            time.sleep(SLOW_SECONDS)
            self._send(200, "text/html", PAGE.format(title="Late", n=0).encode())
        elif self.path.startswith("/story/"):
            n = self.path.rsplit("/", 1)[1]
            self._send(200, "text/html", PAGE.format(title=f"Story {n}", n=n).encode())
        else:
            self.send_error(404)

    def _feed(self) -> None:
        etag = '"v' + "-".join(map(str, self.items)) + '"'
        if self.headers.get("If-None-Match") == etag:
            self.send_response(304)
            self.end_headers()
            return
        host = f"http://{self.headers['Host']}"
        self._send(200, "application/rss+xml", rss(self.items).replace(b"URL", host.encode()), etag)

    def _send(self, status: int, media: str, body: bytes, etag: str | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", media)
        self.send_header("Content-Length", str(len(body)))
        if etag:
            self.send_header("ETag", etag)
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        return


@pytest.fixture
def server() -> Iterator[str]:
    FeedServer.items = [1, 2]
    FeedServer.requests = []
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), FeedServer)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def watcher(server: str, tmp_path: Path) -> Iterator[Watcher]:
    settings = Settings(db_path=tmp_path / "watch.duckdb", http_timeout=1.0)
    with Store.open(settings.db_path) as store, Reader(settings) as reader:
        yield Watcher([Feed(f"{server}/feed.xml")], store, settings, reader)


def test_watch_feed_that_changes_stores_only_new_items(watcher: Watcher, server: str) -> None:
    first = watcher.poll()
    FeedServer.items = [1, 2, 3]
    second = watcher.poll()
    assert (first.new_items, first.ingest.stored, second.new_items, second.ingest.stored) == (2, 2, 1, 1)
    assert watcher.store.count() == 3
    pages = [path for path, _ in FeedServer.requests if path.startswith("/story/")]
    assert pages == ["/story/1", "/story/2", "/story/3"]  # each page fetched once


def test_watch_unchanged_feed_is_a_304_and_parses_nothing(watcher: Watcher) -> None:
    watcher.poll()
    again = watcher.poll()
    assert (again.unchanged, again.new_items, again.ingest.stored) == (1, 0, 0)
    assert FeedServer.requests[-1] == ("/feed.xml", '"v1-2"')
    assert " poll 2: 1 feeds (1 unchanged), 0 new items, 0 stored, 0 events, 0 failed" in again.line()


def test_watch_feed_dates_fill_pages_without_one(watcher: Watcher) -> None:
    watcher.poll()
    article = watcher.store.article(f"{watcher.feeds[0].location.rsplit('/', 1)[0]}/story/1")
    assert article is not None and article.published == date(2025, 4, 2) and article.title == "Story 1"


def test_watch_items_stored_before_are_not_fetched_again(watcher: Watcher, server: str) -> None:
    watcher.poll()
    fresh = Watcher([Feed(f"{server}/feed.xml")], watcher.store, watcher.settings, watcher.reader)
    report = fresh.poll()
    assert (report.new_items, report.ingest.stored) == (0, 0)
    assert len([p for p, _ in FeedServer.requests if p.startswith("/story/")]) == 2


@pytest.mark.parametrize(
    ("path", "reason"),
    [("/missing.xml", "HTTP 404 Not Found"), ("/broken.xml", "not an RSS or Atom feed")],
)
def test_watch_bad_feed_is_one_failure_and_the_poll_goes_on(watcher: Watcher, server: str, path: str,
                                                            reason: str) -> None:  # fmt: skip
    watcher.feeds.insert(0, Feed(server + path))
    failures: list[Failure] = []
    report = watcher.poll(failures.append)
    assert [f.origin for f in failures] == [server + path] and failures[0].reason.startswith(reason)
    assert report.ingest.stored == 2 and report.failed == 1


def test_watch_page_that_times_out_fails_alone(watcher: Watcher, server: str) -> None:
    FeedServer.items = [1]
    slow = rss([]).replace(b"</channel>", f"<item><link>{server}/story/slow</link></item></channel>".encode())
    path = Path(watcher.settings.db_path).parent / "slow.xml"
    path.write_bytes(slow)
    watcher.feeds.append(Feed(str(path)))  # a feed file, read from disk, whose one page is too slow
    failures: list[Failure] = []
    report = watcher.poll(failures.append)
    assert report.ingest.stored == 1
    assert [(f.origin, f.reason) for f in failures] == [(f"{server}/story/slow", "timed out after 1 s")]


def test_watch_feed_file_is_read_again_only_when_it_changes(watcher: Watcher, server: str, tmp_path: Path) -> None:
    path = tmp_path / "atom.xml"
    path.write_bytes(ATOM.replace(b'href="/story/50"', f'href="{server}/story/50"'.encode()))
    watcher.feeds = [Feed(str(path))]
    first, second = watcher.poll(), watcher.poll()
    assert (first.ingest.stored, second.unchanged) == (1, 1)


def test_feed_atom_relative_links_resolve_against_the_feed() -> None:
    [item] = parse_items(ATOM, "http://news.example.test/atom.xml")
    assert item.link == "http://news.example.test/story/50" and item.published == date(2025, 4, 3)


def test_feed_that_is_no_feed_is_malformed() -> None:
    with pytest.raises(MalformedInput, match="not an RSS or Atom feed"):
        parse_items(b"plain words, no markup", "feed.txt")


def test_cli_watch_stops_cleanly_on_ctrl_c(server: str, tmp_path: Path) -> None:
    db = tmp_path / "cli.duckdb"
    command = [sys.executable, "-m", "worldorder", "watch", "--no-nlp", "--every", "0.3s", "--db", str(db),
               f"{server}/feed.xml"]  # fmt: skip
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               env=os.environ | {"WORLDORDER_HTTP_TIMEOUT": "2"})  # fmt: skip
    assert process.stdout is not None
    lines = [process.stdout.readline() for _ in range(2)]  # two polls logged
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=60)
    assert process.returncode == 0, err
    assert " poll 1: 1 feeds (0 unchanged), 2 new items, 2 stored" in lines[0]
    assert " poll 2: 1 feeds (1 unchanged), 0 new items" in lines[1]
    assert "stopped after" in err and "Traceback" not in err
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT count(*) FROM articles").fetchone() == (2,)
    con.close()


def test_cli_watch_polls_option_ends_the_watch(server: str, tmp_path: Path) -> None:
    db = tmp_path / "polls.duckdb"
    result = subprocess.run(
        [sys.executable, "-m", "worldorder", "watch", "--no-nlp", "--every", "0.1s", "--polls", "2", "--db", str(db),
         f"{server}/feed.xml", f"{server}/missing.xml"],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stdout.count(" poll ") == 2 and "stopped after 2 polls" in result.stderr
    assert f"failed {server}/missing.xml: HTTP 404 Not Found" in result.stderr
