"""Write examples/warc/news.warc.gz: the sample HTML pages as a crawler would have archived them.

Every page of examples/news/html becomes a request and a 200 response at its canonical URL,
crawled the day after it was published; one is stored gzip-encoded and chunked, as servers send
them. Records a news crawl also holds and that worldorder skips are added: a 404, a redirect,
an image, robots.txt and a page with no article. Run from the repository root:

    .venv/bin/python scripts/build_sample_warc.py
"""

from __future__ import annotations

import gzip
import hashlib
import io
import re
from datetime import datetime, timedelta
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

ROOT = Path(__file__).resolve().parents[1]
PAGES = ROOT / "examples" / "news" / "html"
OUT = ROOT / "examples" / "warc" / "news.warc.gz"
CANONICAL = re.compile(r'<link rel="canonical" href="([^"]+)"')
PUBLISHED = re.compile(r'article:published_time" content="([^"]+)"')
GZIPPED_PAGE = "031_iranian_drones_kyiv_eu_sanctions.html"
NO_ARTICLE = b"<!doctype html><html><body><nav><a href='/'>Home</a> <a href='/world'>World</a></nav></body></html>"


def main() -> None:
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with OUT.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        writer.write_record(writer.create_warcinfo_record(OUT.name, {"software": "worldorder sample builder"}))
        for page in sorted(PAGES.glob("*.html")):
            write_page(writer, page)
        first = datetime(2024, 11, 1, 6, 0)
        write_response(writer, "https://example-news.test/world/2024/10/no-such-story", b"Not found", first,
                       "404 Not Found", "text/html")  # fmt: skip
        write_response(writer, "https://example-news.test/latest", b"", first, "301 Moved Permanently", "text/html",
                       [("Location", "https://example-news.test/")])  # fmt: skip
        write_response(writer, "https://example-news.test/img/ashgabat.png", b"\x89PNG\r\n\x1a\n", first, "200 OK",
                       "image/png")  # fmt: skip
        write_response(writer, "https://example-news.test/robots.txt", b"User-agent: *\nAllow: /\n", first, "200 OK",
                       "text/plain")  # fmt: skip
        write_response(writer, "https://example-news.test/sections", NO_ARTICLE, first, "200 OK", "text/html")
    print(f"wrote {OUT.relative_to(ROOT)} ({OUT.stat().st_size:,} bytes)")


def write_page(writer: WARCWriter, page: Path) -> None:
    html = page.read_bytes()
    text = html.decode("utf-8")
    url = CANONICAL.search(text)
    published = PUBLISHED.search(text)
    if not url or not published:
        raise SystemExit(f"{page.name}: no canonical link or published time")
    crawled = datetime.fromisoformat(published.group(1).replace("Z", "")) + timedelta(days=1)
    if page.name == GZIPPED_PAGE:
        body = chunked(gzip.compress(html, mtime=0))
        extra = [("Content-Encoding", "gzip"), ("Transfer-Encoding", "chunked")]
        write_response(writer, url.group(1), body, crawled, "200 OK", "text/html; charset=utf-8", extra)
    else:
        write_response(writer, url.group(1), html, crawled, "200 OK", "text/html; charset=utf-8")


def write_response(writer: WARCWriter, url: str, body: bytes, crawled: datetime, status: str, media: str,
                   extra: list[tuple[str, str]] | None = None) -> None:  # fmt: skip
    date = crawled.strftime("%Y-%m-%dT%H:%M:%SZ")
    request = StatusAndHeaders(f"GET {path_of(url)} HTTP/1.1", [("Host", url.split("/")[2])], is_http_request=True)
    writer.write_record(
        writer.create_warc_record(url, "request", http_headers=request, warc_headers_dict=ids(url, "request", date))
    )
    headers = StatusAndHeaders(status, [("Content-Type", media), *(extra or [])], protocol="HTTP/1.1")
    record = writer.create_warc_record(
        url, "response", payload=io.BytesIO(body), http_headers=headers, warc_headers_dict=ids(url, "response", date)
    )
    writer.write_record(record)


def ids(url: str, kind: str, date: str) -> dict[str, str]:
    """Record ids from the URL, so that rebuilding gives the same archive."""
    digest = hashlib.sha256(f"{kind} {url}".encode()).hexdigest()
    uuid = f"{digest[:8]}-{digest[8:12]}-{digest[12:16]}-{digest[16:20]}-{digest[20:32]}"
    return {"WARC-Record-ID": f"<urn:uuid:{uuid}>", "WARC-Date": date}


def path_of(url: str) -> str:
    return "/" + url.split("/", 3)[3] if url.count("/") >= 3 else "/"


def chunked(body: bytes, size: int = 1000) -> bytes:
    parts = [b"%x\r\n%s\r\n" % (len(body[i : i + size]), body[i : i + size]) for i in range(0, len(body), size)]
    return b"".join(parts) + b"0\r\n\r\n"


if __name__ == "__main__":
    main()
