"""Inputs as feeds and archives really deliver them: each is kept, or refused in one clear line.

The numbers in the test names are those of issue 11.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner
from rich.console import Console

from worldorder.cli.main import main
from worldorder.cli.render import ingest_summary
from worldorder.config import Settings
from worldorder.errors import ConfigError
from worldorder.ingest import Reader
from worldorder.ingest.dates import parse_published
from worldorder.model import DateBasis, Document, Failure
from worldorder.runners.ingest import IngestReport, run_ingest
from worldorder.store import Store

TALKS = "The foreign ministers of two neighbouring states met in Oslo on Tuesday to discuss trade."


def write_jsonl(path: Path, records: list[object]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


def read_all(path: Path, settings: Settings | None = None) -> list[Document | Failure]:
    with Reader(settings or Settings()) as reader:
        return list(reader.read([str(path)]))


def ingest(path: Path, settings: Settings) -> IngestReport:
    with Store.open(settings.db_path) as store:
        return run_ingest([str(path)], store, settings)


def summary_rows(report: IngestReport) -> list[str]:
    console = Console(width=200, record=True)
    console.print(ingest_summary(report))
    return [line.strip(" │") for line in console.export_text().splitlines()]


# -- 1. published values that are not ISO --

EXPORTED_DATES = [
    ("December 13, 2016 1:57PM EST", date(2016, 12, 13)),
    ("9:43 PM, Dec 11, 2016", date(2016, 12, 11)),
    ("December 9th 2016", date(2016, 12, 9)),
    ("DEC. 14, 2016, 2:54 AM EST", date(2016, 12, 14)),
    ("13/12/2016", date(2016, 12, 13)),
    ("2016-12-11T21:43:00-05:00", date(2016, 12, 11)),  # the publisher's day, not UTC's
    ("Sun, 11 Dec 2016 23:10:00 -0500", date(2016, 12, 11)),
    (20161211, date(2016, 12, 11)),
    (1481500800, date(2016, 12, 12)),  # Unix seconds
    (1481500800000, date(2016, 12, 12)),  # Unix milliseconds
]


@pytest.mark.parametrize(("value", "day"), EXPORTED_DATES)
def test_1_published_as_archives_write_it_is_read(value: object, day: date) -> None:
    assert parse_published(value) == parse_published(value, "DMY") and parse_published(value).day == day


@pytest.mark.parametrize("value", [12345, "December 2016", "yesterday", "soon", 2016, True, [2016, 12, 1], {"d": 1}])
def test_1_published_naming_no_day_is_kept_as_given(value: object) -> None:
    published = parse_published(value)
    assert published.day is None and published.unparsed and published.raw


def test_1_ambiguous_numeric_dates_are_month_first_unless_told() -> None:
    assert parse_published("05/06/2016").day == date(2016, 5, 6)
    assert parse_published("05/06/2016", "DMY").day == date(2016, 6, 5)
    assert Settings(date_order="DMY").date_order == "DMY"
    with pytest.raises(ConfigError, match="date order"):
        Settings(date_order="DM")


def test_1_articles_with_any_published_value_are_stored(tmp_path: Path, settings: Settings) -> None:
    values = [v for v, _ in EXPORTED_DATES[:5]] + [12345, "Dec 2016", "mid-December"]
    feed = write_jsonl(
        tmp_path / "f.jsonl", [{"id": f"a{n}", "text": TALKS, "published": v} for n, v in enumerate(values)]
    )
    report = ingest(feed, settings)
    assert report.stored == 8 and not report.failures and report.unparsed_dates == 3
    with Store.open(settings.db_path, read_only=True) as store:
        first, odd = store.article("a0"), store.article("a5")
    assert first and first.published == date(2016, 12, 13) and first.published_basis is DateBasis.INPUT
    assert odd and odd.published is None and odd.published_basis is DateBasis.UNPARSED
    assert odd.published_raw == "12345"
    # 11: one summary row for every unreadable date, whatever the strings
    rows = [r for r in summary_rows(report) if "date" in r]
    assert len(rows) == 1 and rows[0].startswith("publication date unreadable") and rows[0].endswith("3")


def test_1_published_option_takes_what_archives_write(tmp_path: Path) -> None:
    db, text = tmp_path / "x.duckdb", tmp_path / "a.txt"
    text.write_text(TALKS, encoding="utf-8")
    result = CliRunner().invoke(
        main, ["ingest", "--no-nlp", "-q", "--db", str(db), "--published", "Dec 11, 2016", str(text)]
    )
    assert result.exit_code == 0, result.output
    with Store.open(db, read_only=True) as store:
        [summary] = store.list_articles()
    assert summary.published == date(2016, 12, 11)
    refused = CliRunner().invoke(main, ["ingest", "--no-nlp", "--db", str(db), "--published", "someday", str(text)])
    assert refused.exit_code == 2 and "names no day" in refused.output


def test_1_html_metadata_date_goes_through_the_same_reader(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    body = "<p>" + TALKS + " Officials said the talks would continue in the spring.</p>"
    head = '<meta property="article:published_time" content="2016-12-13T13:57:00-05:00">'
    page.write_text(f"<html><head>{head}</head><body><article>{body}</article></body></html>", encoding="utf-8")
    [doc] = read_all(page)
    assert isinstance(doc, Document) and doc.published == date(2016, 12, 13)
    assert doc.published_basis is DateBasis.METADATA


# -- 2. line separators inside JSON strings --


@pytest.mark.parametrize("separator", ["\u2028", "\u2029", "\u0085"])
def test_2_unicode_line_separators_inside_strings_keep_records_whole(tmp_path: Path, separator: str) -> None:
    records = [
        {"id": "one", "text": f"Talks opened in Oslo.{separator}They went on for hours."},
        {"id": "two", "title": f"A{separator}title", "text": f"Envoys left{separator}on Friday."},
    ]
    path = tmp_path / "f.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n{broken\n", encoding="utf-8")
    assert separator in path.read_text(encoding="utf-8")  # written raw, as ensure_ascii=False does
    items = read_all(path)
    docs = [i for i in items if isinstance(i, Document)]
    [failure] = [i for i in items if isinstance(i, Failure)]
    assert [d.text for d in docs] == [r["text"] for r in records]
    assert failure.origin.endswith(":3") and failure.reason.startswith("line 3: not JSON")


def test_2_windows_line_ends_still_end_records(tmp_path: Path) -> None:
    path = tmp_path / "f.jsonl"
    path.write_bytes(b'{"id": "a", "text": "Talks opened."}\r\n{"id": "b", "text": "Talks closed."}\r\n')
    assert [d.id for d in read_all(path) if isinstance(d, Document)] == ["a", "b"]


# -- 3. a repeated id inside one input --


def test_3_repeated_id_with_another_text_is_refused_in_one_line(tmp_path: Path, settings: Settings) -> None:
    feed = write_jsonl(
        tmp_path / "f.jsonl",
        [{"id": "dup", "text": TALKS}, {"id": "dup", "text": "A different report."}, {"id": "dup", "text": TALKS}],
    )
    report = ingest(feed, settings)
    assert report.stored == 1 and report.already_present == 1
    [failure] = report.failures
    assert failure.origin.endswith(":2")
    assert failure.reason == f"repeated id with a different text (id 'dup', first read at {feed}:1); the first is kept"
    with Store.open(settings.db_path, read_only=True) as store:
        stored = store.article("dup")
    assert stored and stored.text == TALKS


def test_3_repeats_are_found_across_batches_too(tmp_path: Path) -> None:
    settings = Settings(db_path=tmp_path / "x.duckdb", batch_size=1)
    feed = write_jsonl(tmp_path / "f.jsonl", [{"id": "dup", "text": TALKS}, {"id": "dup", "text": "Another."}])
    report = ingest(feed, settings)
    assert report.stored == 1 and len(report.failures) == 1


# -- 5. deeply nested JSON --


@pytest.mark.parametrize("depth", [1_000, 100_000])
def test_5_deeply_nested_json_is_that_records_failure(tmp_path: Path, depth: int) -> None:
    path = tmp_path / "f.jsonl"
    nested = '{"id": "deep", "text": "x", "extra": ' + "[" * depth + "]" * depth + "}"
    path.write_text(nested + "\n" + json.dumps({"id": "ok", "text": TALKS}) + "\n", encoding="utf-8")
    failure, doc = read_all(path)
    assert isinstance(failure, Failure) and failure.reason == "line 1: JSON nested too deeply to read"
    assert isinstance(doc, Document) and doc.id == "ok"


# -- 6. lone surrogates --


def test_6_lone_surrogates_are_replaced_and_said_once(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "f.jsonl"
    line = '{"id": "s\\udc00", "title": "T\\ud800", "text": "Envoys met \\ud800 in Oslo \\udfff today \\ud83d\\ude00."}'
    path.write_text(line + "\n", encoding="utf-8")
    [doc] = read_all(path)
    assert isinstance(doc, Document)
    assert doc.text == "Envoys met \ufffd in Oslo \ufffd today \U0001f600." and doc.id == "s\ufffd"
    assert doc.notes == ("replaced 4 unpaired surrogates with U+FFFD",)
    report = ingest(path, settings)
    assert report.stored == 1 and [n.message for n in report.notices] == list(doc.notes)


# -- 11. one-line reasons that say what is wrong --


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ([1, 2], "line 1: 'text' is a list, not a string"),
        (42, "line 1: 'text' is a number, not a string"),
        ({"body": "x"}, "line 1: 'text' is an object, not a string"),
        (True, "line 1: 'text' is a boolean, not a string"),
        ("   ", "line 1: 'text' is empty"),
        (None, "line 1: no 'text' field"),
    ],
)
def test_11_text_of_another_type_says_which(tmp_path: Path, text: object, reason: str) -> None:
    [failure] = read_all(write_jsonl(tmp_path / "f.jsonl", [{"id": "t", "text": text}]))
    assert isinstance(failure, Failure) and failure.reason == reason


def test_11_odd_optional_fields_are_dropped_with_a_note(tmp_path: Path) -> None:
    [doc] = read_all(write_jsonl(tmp_path / "f.jsonl", [{"id": 7, "title": ["a"], "url": {"u": 1}, "text": TALKS}]))
    assert isinstance(doc, Document) and doc.id == "7" and doc.title is None and doc.url is None
    assert doc.notes == ("ignored 'title': a list, not a string", "ignored 'url': an object, not a string")


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_11_utf16_and_utf32_files_are_decoded(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(TALKS.encode(encoding))
    [doc] = read_all(path)
    assert isinstance(doc, Document) and doc.text == TALKS


def test_11_utf16_jsonl_is_decoded(tmp_path: Path) -> None:
    path = tmp_path / "f.jsonl"
    path.write_bytes((json.dumps({"id": "w", "text": TALKS}) + "\n").encode("utf-16"))
    [doc] = read_all(path)
    assert isinstance(doc, Document) and doc.id == "w"


def test_11_broken_utf16_names_its_encoding(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes("Talks".encode("utf-16") + b"\x00\xd8")  # a high surrogate with nothing after it
    [failure] = read_all(path)
    assert isinstance(failure, Failure) and failure.reason.startswith("not valid UTF-16")


def test_11_a_stray_byte_in_json_lines_fails_its_line_only(tmp_path: Path) -> None:
    path = tmp_path / "f.jsonl"
    good = json.dumps({"id": "a", "text": TALKS}).encode()
    path.write_bytes(
        b"\xef\xbb\xbf" + good + b'\n{"id": "b", "text": "caf\xe9"}\n' + good.replace(b'"a"', b'"c"') + b"\n"
    )
    first, failure, last = read_all(path)
    assert isinstance(first, Document) and isinstance(last, Document) and (first.id, last.id) == ("a", "c")
    assert isinstance(failure, Failure) and failure.reason == "line 2: not valid UTF-8 (byte 0xe9 at column 25)"


def test_11_json_lines_of_blanks_only_is_one_failure(tmp_path: Path) -> None:
    path = tmp_path / "f.jsonl"
    path.write_bytes(b"\n   \n\r\n")
    [failure] = read_all(path)
    assert isinstance(failure, Failure) and failure.reason == "no text (only white space)"


def test_failure_lines_print_origins_literally(tmp_path: Path) -> None:
    """ "feed.jsonl:1234: ..." once printed as "feed.jsonl🔢 ..." (rich read ":1234:" as an emoji)."""
    feed = tmp_path / "feed.jsonl"
    feed.write_text("\n".join([json.dumps({"id": f"i{n}", "text": TALKS}) for n in range(1233)] + ["{"]) + "\n")
    result = CliRunner().invoke(main, ["ingest", "--no-nlp", "-q", "--db", str(tmp_path / "x.duckdb"), str(feed)])
    assert result.exit_code == 1 and f"failed {feed}:1234: line 1234: not JSON" in result.stderr
