"""The whole analysis, end to end, on articles written for these tests."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from spacy.tokens import Doc

import worldorder
from worldorder.coding.events import EventCoder
from worldorder.model import DateBasis, Event

pytestmark = pytest.mark.model

SUMMIT = (
    "Skip to content\n\nWorld\n\n"
    "Russian President Vladimir Putin met Iranian President Masoud Pezeshkian in Ashgabat on Friday, "
    "the Kremlin said.\n\n"
    "Share this article\n"
)


def test_extract_codes_meeting_with_date_place_and_offsets() -> None:
    coded = worldorder.extract(SUMMIT, published="2024-10-12", id="summit")
    [event] = [e for e in coded.events if e.event_type == "CONSULT"]
    assert {event.source.code.country, event.target.code.country if event.target else None} == {"RUS", "IRN"}
    assert event.date == "2024-10-11" and event.date_precision == "day"
    assert event.location is not None and event.location.name == "Ashgabat"
    mention = event.mentions[0]
    assert SUMMIT[mention.trigger_start : mention.trigger_end] == mention.trigger
    assert SUMMIT[mention.sentence_start : mention.sentence_end] == mention.sentence
    assert SUMMIT[event.source.start : event.source.end] == event.source.text


def test_extract_ignores_excluded_boilerplate() -> None:
    coded = worldorder.extract(SUMMIT, published="2024-10-12")
    excluded = [(s.start, s.end) for s in coded.article.excluded]
    for event in coded.events:
        for mention in event.mentions:
            assert all(not (a <= mention.trigger_start < b) for a, b in excluded)


def test_extract_infers_reference_date_from_text_when_none_given() -> None:
    text = "Published Oct. 3, 2023\n\nThe Turkish foreign minister met his Greek counterpart in Athens on Monday."
    coded = worldorder.extract(text)
    assert coded.reference_basis is DateBasis.TEXT and str(coded.reference_date) == "2023-10-03"
    assert [d.value for d in coded.dates if d.text == "Monday"] == ["2023-10-02"]


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "worldorder", *args], capture_output=True, text=True, timeout=600)


def test_cli_extract_writes_one_document_per_input_and_reports_bad_lines(tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    lines = [
        json.dumps({"id": "a", "text": SUMMIT, "published": "2024-10-12"}),
        "{broken",
        json.dumps({"id": "b", "text": "Kenyan police fired tear gas at protesters in Nairobi on Tuesday."}),
    ]
    feed.write_text("\n".join(lines), encoding="utf-8")
    result = run_cli("extract", str(feed), "-o", str(tmp_path / "out.jsonl"))
    out = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()]
    assert result.returncode == 1 and "line 2: not JSON" in result.stderr
    assert [d["id"] for d in out] == ["a", "b"]
    assert any(e["event_type"] == "CONSULT" for e in out[0]["events"])
    assert {"start", "end", "value"} <= set(out[0]["dates"][0])


def test_cli_ingest_stores_events_with_articles(tmp_path: Path) -> None:
    article = tmp_path / "summit.txt"
    article.write_text(SUMMIT, encoding="utf-8")
    db = str(tmp_path / "x.duckdb")
    assert run_cli("ingest", "--db", db, "--published", "2024-10-12", str(article)).returncode == 0
    [listed] = json.loads(run_cli("articles", "--db", db, "--format", "json").stdout)
    shown = json.loads(run_cli("articles", listed["id"], "--db", db, "--format", "json").stdout)
    assert listed["events"] >= 1 and any(e["event_type"] == "CONSULT" for e in shown["events"])


class ExplodingCoder(EventCoder):
    """The real coder with a bug that shows on one article only."""

    def code(self, doc: Doc, reference: date | None) -> list[Event]:
        if "cursed" in doc.text:
            raise RuntimeError("coder bug")
        return super().code(doc, reference)


def test_ingest_failed_analysis_is_reported_and_not_stored(tmp_path: Path) -> None:
    from dataclasses import replace

    from worldorder.api import load_pipeline
    from worldorder.config import Settings
    from worldorder.runners.ingest import run_ingest
    from worldorder.store import Store

    pipeline = load_pipeline()
    broken = replace(pipeline, coder=ExplodingCoder(pipeline.kb, pipeline.gazetteer))
    feed = tmp_path / "feed.jsonl"
    lines = [
        {"id": "ok", "text": SUMMIT, "published": "2024-10-12"},
        {"id": "bad", "text": "A cursed report: the envoys met in Oslo.", "published": "2024-10-12"},
    ]
    feed.write_text("\n".join(json.dumps(line) for line in lines), encoding="utf-8")
    with Store.open(tmp_path / "x.duckdb") as store:
        report = run_ingest([str(feed)], store, Settings(), broken)
        assert report.stored == 1 and [f.reason for f in report.failures] == [
            "analysis failed: RuntimeError: coder bug"
        ]
        assert store.article("ok") is not None and store.article("bad") is None
