"""Web archives: each HTML 200 response is a page for the HTML reader; the rest is counted, not read."""

from __future__ import annotations

import io
import zlib
from collections import Counter
from datetime import date, datetime
from pathlib import Path

import pytest
from tests.conftest import REPO
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from worldorder.config import Settings
from worldorder.ingest import Reader, make_article
from worldorder.ingest.language import LanguageIdentifier
from worldorder.model import DateBasis, Document, Failure
from worldorder.pipeline import reference_date

SAMPLE = REPO / "examples" / "warc" / "news.warc.gz"
PAGES = REPO / "examples" / "news" / "html"
# Written for this test: a page that states no date of its own.
UNDATED = b"""<!doctype html><html><head><title>Talks resume</title></head><body><article>
<p>Delegations from the two neighbouring states resumed talks on the river treaty in a border town,
a spokesman for the host ministry said, after a pause of several weeks over water quotas.</p>
</article></body></html>"""


def read(path: Path) -> tuple[list[Document | Failure], Counter[str]]:
    with Reader(Settings()) as reader:
        return list(reader.read([str(path)])), reader.skipped


def write_warc(path: Path, pages: list[tuple[str, bytes, str]], gzip: bool = False) -> None:
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=gzip)
        for url, body, date_ in pages:
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
            record = writer.create_warc_record(
                url, "response", payload=io.BytesIO(body), http_headers=headers, warc_headers_dict={"WARC-Date": date_}
            )
            writer.write_record(record)
            record.raw_stream.close()  # warcio spools the payload to a temporary file to measure it


def member_ends(data: bytes) -> list[int]:
    """The byte offsets where each gzip member of a file ends (record ids vary, so sizes do too)."""
    ends, start = [], 0
    while start < len(data):
        member = zlib.decompressobj(31)
        member.decompress(data[start:])
        start = len(data) - len(member.unused_data)
        ends.append(start)
    return ends


def test_warc_sample_pages_keep_url_and_crawl_date() -> None:
    items, _ = read(SAMPLE)
    documents = [d for d in items if isinstance(d, Document)]
    assert len(documents) == len(list(PAGES.glob("*.html"))) == 10 and len(items) == 10
    first = documents[0]
    assert first.kind == "warc" and first.origin == f"{SAMPLE}:3"
    assert first.url == "https://example-news.test/world/2024/10/11/putin-pezeshkian-ashgabat"
    assert first.crawled == datetime(2024, 10, 12, 16, 40) and first.published == date(2024, 10, 11)


def test_warc_skips_and_counts_records_that_are_no_html_page() -> None:
    _, skipped = read(SAMPLE)
    assert skipped == Counter(
        {
            "warc record: not HTML": 2,
            "warc record: HTTP 404": 1,
            "warc record: HTTP 301": 1,
            "warc record: no article text": 1,
        }
    )


def test_warc_page_reads_as_the_same_page_read_from_a_file() -> None:
    """The gzip-encoded, chunked record of page 031 gives the text the HTML file gives."""
    items, _ = read(SAMPLE)
    archived = {d.url: d for d in items if isinstance(d, Document)}
    files, _ = read(PAGES / "031_iranian_drones_kyiv_eu_sanctions.html")
    [page] = files
    assert isinstance(page, Document) and page.url in archived
    assert archived[page.url].text == page.text and archived[page.url].title == page.title


def test_warc_undated_page_takes_the_crawl_day_as_reference(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc"
    write_warc(path, [("https://news.example.test/talks", UNDATED, "2025-03-02T23:10:00Z")])
    [document], _ = read(path)
    assert isinstance(document, Document) and document.published is None
    article = make_article(document, LanguageIdentifier(), Settings())
    assert reference_date(article) == (date(2025, 3, 2), DateBasis.CRAWL)


def test_warc_damaged_archive_keeps_the_records_before_the_damage(tmp_path: Path) -> None:
    path = tmp_path / "cut.warc.gz"
    whole = tmp_path / "whole.warc.gz"
    pages = [(f"https://news.example.test/{n}", UNDATED, "2025-03-02T23:10:00Z") for n in range(3)]
    write_warc(whole, pages, gzip=True)
    data = whole.read_bytes()
    ends = member_ends(data)  # one gzip member a record; cut the third in its middle
    assert len(ends) == 3
    path.write_bytes(data[: (ends[1] + ends[2]) // 2] + b"\x00garbage")
    items, _ = read(path)
    assert [type(i).__name__ for i in items] == ["Document", "Document", "Failure"]
    failure = items[-1]
    assert isinstance(failure, Failure) and failure.origin == str(path)
    assert failure.reason.startswith("not a readable WARC file (after record 2)") and "\n" not in failure.reason


@pytest.mark.parametrize("gzip", [True, False])
def test_warc_record_cut_inside_its_page_is_no_half_document(tmp_path: Path, gzip: bool) -> None:
    whole, path = tmp_path / "whole.warc", tmp_path / "cut.warc"
    pages = [(f"https://news.example.test/{n}", UNDATED, "2025-03-02T23:10:00Z") for n in range(3)]
    write_warc(whole, pages, gzip=gzip)
    data = whole.read_bytes()
    path.write_bytes(data[: (member_ends(data)[2] if gzip else len(data)) - 30])
    items, _ = read(path)
    assert [type(i).__name__ for i in items] == ["Document", "Document", "Failure"]


def test_warc_file_that_is_not_an_archive_is_one_failure(tmp_path: Path) -> None:
    path = tmp_path / "fake.warc"
    path.write_text("this is not a web archive\n", encoding="utf-8")
    items, _ = read(path)
    assert len(items) == 1 and isinstance(items[0], Failure)
    assert items[0].reason.startswith("not a readable WARC file (at the start)")
