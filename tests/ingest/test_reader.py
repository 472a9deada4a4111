"""Reading inputs: every kind, and every kind of bad input with its one-line reason."""

from __future__ import annotations

import http.server
import json
import threading
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import ClassVar

import pytest

from worldorder.config import Settings
from worldorder.ingest import Reader, article_id
from worldorder.model import DateBasis, Document, Failure

HTML_PAGE = """<!DOCTYPE html><html><head><title>Envoys meet in Geneva | Example Wire</title>
<meta property="og:title" content="Envoys meet in Geneva">
<meta name="author" content="Ana Silva">
<meta property="og:site_name" content="Example Wire">
<meta property="article:published_time" content="2024-03-05T08:00:00Z">
<link rel="canonical" href="https://wire.example.test/world/envoys-geneva">
</head><body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Envoys meet in Geneva</h1>
<p>Envoys from the two neighbouring states met in Geneva on Tuesday for a second round of talks on
the disputed border, officials from both delegations said after the meeting ended.</p>
<p>The talks, hosted by a Swiss mediator, focused on prisoner exchanges and the reopening of two
crossings that have been closed since the fighting of last autumn, according to a joint statement.</p>
</article><footer>Copyright Example Wire</footer></body></html>"""


def read_all(names: list[str], settings: Settings | None = None) -> list[Document | Failure]:
    with Reader(settings or Settings()) as reader:
        return list(reader.read(names))


def only_failure(items: list[Document | Failure]) -> Failure:
    assert len(items) == 1 and isinstance(items[0], Failure), items
    return items[0]


def test_reader_text_file_keeps_text_and_marks_boilerplate(tmp_path: Path) -> None:
    text = "Connect with us\n\nPublished\n\nThe minister flew to Rome on Monday.\n\nShare this article\n"
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    [doc] = read_all([str(tmp_path / "a.txt")])
    assert isinstance(doc, Document) and doc.text == text and doc.kind == "text"
    assert [text[s.start : s.end] for s in doc.excluded] == ["Connect with us", "Published", "Share this article"]


def test_reader_html_page_gives_text_and_metadata(tmp_path: Path) -> None:
    (tmp_path / "page.html").write_text(HTML_PAGE, encoding="utf-8")
    [doc] = read_all([str(tmp_path / "page.html")])
    assert isinstance(doc, Document)
    assert "second round of talks" in doc.text and "Home" not in doc.text
    assert doc.title == "Envoys meet in Geneva"
    assert doc.url == "https://wire.example.test/world/envoys-geneva"
    assert doc.author == "Ana Silva"
    assert doc.published == date(2024, 3, 5) and doc.published_basis is DateBasis.METADATA


def test_reader_jsonl_fields_and_bad_line_number(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": "n1", "text": "Talks resumed in Doha.", "published": "2023-06-01", "extra": 1}),
        "{not json",
        json.dumps({"id": "n3", "title": "no text here"}),
        json.dumps({"id": "n4", "text": "A second report.", "published": "last week"}),
        "",
        json.dumps({"text": "No id, so the URL is the id.", "url": "https://x.example.test/a"}),
    ]
    (tmp_path / "feed.jsonl").write_text("\n".join(lines), encoding="utf-8")
    items = read_all([str(tmp_path / "feed.jsonl")])
    docs = [i for i in items if isinstance(i, Document)]
    reasons = [i.reason for i in items if isinstance(i, Failure)]
    assert [d.id for d in docs] == ["n1", "n4", None]
    assert docs[0].published == date(2023, 6, 1) and docs[0].published_basis is DateBasis.INPUT
    assert docs[1].published is None and docs[1].published_basis is DateBasis.UNPARSED
    assert docs[1].published_raw == "last week"
    assert article_id(docs[2]) == "https://x.example.test/a"
    assert reasons[0].startswith("line 2: not JSON")
    assert reasons[1] == "line 3: no 'text' field"
    assert len(reasons) == 2


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "empty file"),
        (b"   \n\n  ", "no text (only white space)"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file (NUL bytes), not text"),
        (b"caf\xe9 au lait", "not valid UTF-8 (byte 0xe9 at offset 3)"),
        (b"<html><body><nav>Home</nav></body></html>", "HTML page holds no article text"),
    ],
)
def test_reader_bad_file_gets_one_line_reason(tmp_path: Path, content: bytes, reason: str) -> None:
    path = tmp_path / "input.txt"
    path.write_bytes(content)
    assert only_failure(read_all([str(path)])).reason == reason


def test_reader_oversized_file_is_refused_without_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with open(path, "wb") as handle:  # a sparse 50 MB file
        handle.truncate(50 * 1024 * 1024)
    failure = only_failure(read_all([str(path)]))
    assert failure.reason == "file is 50.0 MB, over the 20.0 MB limit"


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("missing.txt", "no such file or directory"),
        ("nothing-*.txt", "no file matches this pattern"),
        ("dangling", "no such file or directory"),
    ],
)
def test_reader_missing_paths(tmp_path: Path, name: str, reason: str) -> None:
    (tmp_path / "dangling").symlink_to(tmp_path / "gone")
    assert only_failure(read_all([str(tmp_path / name)])).reason == reason


def test_reader_bad_input_does_not_stop_the_batch(tmp_path: Path) -> None:
    (tmp_path / "1.txt").write_text("The envoy landed in Cairo.", encoding="utf-8")
    (tmp_path / "2.txt").write_bytes(b"")
    (tmp_path / "3.txt").write_text("The envoy left Cairo.", encoding="utf-8")
    items = read_all([str(tmp_path / "*.txt"), str(tmp_path / "absent.txt")])
    assert [type(i).__name__ for i in items] == ["Document", "Failure", "Document", "Failure"]


def test_reader_directory_skips_hidden_files(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text("One report.", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("Not this.", encoding="utf-8")
    items = read_all([str(tmp_path)])
    assert [i.origin for i in items] == [str(tmp_path / "sub" / "a.txt")]


def test_reader_stdin_sniffs_json_lines() -> None:
    data = json.dumps({"id": "s1", "text": "Read from a pipe."}).encode()
    with Reader(Settings(), stdin=[data]) as reader:
        [doc] = list(reader.read(["-"]))
    assert isinstance(doc, Document) and doc.id == "s1"


class PageHandler(http.server.BaseHTTPRequestHandler):
    pages: ClassVar[dict[str, tuple[str, bytes]]] = {
        "/article": ("text/html; charset=utf-8", HTML_PAGE.encode()),
        "/plain": ("text/plain", b"Scraped line\n\nThe envoy arrived in Baku on Monday."),
        "/big": ("text/plain", b"x" * 4096),
        "/image": ("image/png", b"abc"),
    }

    def do_GET(self) -> None:
        if self.path == "/agent":
            body, media = self.headers.get("User-Agent", "").encode(), "text/plain"
        elif self.path in self.pages:
            media, body = self.pages[self.path]
        else:
            self.send_error(404)
            return
        self.send_response(200)
        self.send_header("Content-Type", media)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        return


@pytest.fixture
def server() -> Iterator[str]:
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), PageHandler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_reader_url_html_and_text(server: str) -> None:
    html, plain = read_all([f"{server}/article", f"{server}/plain"])
    assert isinstance(html, Document) and html.title == "Envoys meet in Geneva" and html.kind == "html"
    assert isinstance(plain, Document) and plain.text.endswith("Baku on Monday.")


def test_reader_url_sends_honest_user_agent(server: str) -> None:
    [doc] = read_all([f"{server}/agent"])
    assert isinstance(doc, Document) and doc.text.startswith("worldorder/")


@pytest.mark.parametrize(
    ("path", "reason"),
    [
        ("/missing", "HTTP 404 Not Found"),
        ("/big", "response is over the 0.0 MB limit"),
        ("/image", "unsupported content type image/png"),
    ],
)
def test_reader_url_failures(server: str, path: str, reason: str) -> None:
    settings = Settings(http_max_bytes=1024)
    assert only_failure(read_all([server + path], settings)).reason == reason


def test_reader_unreachable_url() -> None:
    failure = only_failure(read_all(["http://127.0.0.1:9/never"], Settings(http_timeout=2)))
    assert failure.reason.startswith("cannot fetch: ConnectError")
