"""4 and 6 with the real model: texts over spaCy's limit, and repaired text, are coded, not fatal."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from worldorder.api import load_pipeline
from worldorder.config import Settings
from worldorder.model import Article, CodedArticle, DateBasis
from worldorder.pipeline import Pipeline
from worldorder.runners.extract import run_extract
from worldorder.runners.ingest import run_ingest
from worldorder.store import Store

pytestmark = pytest.mark.model

MEETING = "Russian and Iranian foreign ministers met in Tehran on Monday to discuss the war, officials said."
ATTACK = "Israeli troops attacked a Hamas position in Gaza on Tuesday, the army said."
PROSE = [
    "The Turkish foreign minister met his Greek counterpart in Athens on Thursday, officials said.",
    "Protesters gathered outside the parliament in Nairobi on Friday to demand lower food prices.",
    "Chinese and Russian navies held joint exercises in the Sea of Japan, the defence ministry said.",
    "The United Nations sent food aid to refugees in eastern Chad, the agency said in a statement.",
    "Indian police arrested twelve suspects in Mumbai after the bombing, a spokesman said on Sunday.",
]


def article(text: str, article_id: str = "long") -> Article:
    return Article(article_id, text, "test", "text", None, None, None, None, None, DateBasis.UNKNOWN, "en", None)


def found(coded: CodedArticle) -> list[tuple[str, int, int, str]]:
    return [(e.event_type, m.trigger_start, m.trigger_end, m.sentence) for e in coded.events for m in e.mentions]


def test_4_text_over_a_million_characters_is_ingested_and_extracted(tmp_path: Path) -> None:
    text = MEETING + "\n\n" + " " * 1_000_000 + "\n\n" + ATTACK
    assert len(text) > 1_000_000
    feed = tmp_path / "long.jsonl"
    feed.write_text(json.dumps({"id": "long", "text": text}) + "\n", encoding="utf-8")
    pipeline = load_pipeline()
    settings = Settings(db_path=tmp_path / "x.duckdb")
    with Store.open(settings.db_path) as store:
        report = run_ingest([str(feed)], store, settings, pipeline)
        assert report.stored == 1 and not report.failures
        events = store.events_of("long")
    assert {e["event_type"] for e in events} >= {"CONSULT", "ASSAULT"}
    written: list[dict[str, Any]] = []
    extracted = run_extract([str(feed)], pipeline, written.append)
    assert extracted.documents == 1 and not extracted.failures
    [attack] = [e for e in written[0]["events"] if e["event_type"] == "ASSAULT"]
    start = attack["mentions"][0]["sentence_start"]
    assert start > 1_000_000 and text[start : start + len(ATTACK)] == ATTACK == attack["sentence"]


def test_4_pieces_code_what_a_whole_parse_codes() -> None:
    text = "\n\n".join(PROSE * 4)  # about 1,900 characters, cut into pieces of at most 1,000
    whole = load_pipeline()
    in_pieces = replace(whole, settings=replace(whole.settings, max_parse_chars=1000))
    [one] = whole.analyse([article(text)])
    [cut] = in_pieces.analyse([article(text)])
    assert found(cut) == found(one)
    assert len(found(cut)) >= 12 and all(sentence in text for *_, sentence in found(cut))


@dataclass(frozen=True)
class RefusingNlp:
    """spaCy, except that it fails on a text holding a marker (as it might on input we never saw)."""

    nlp: Language
    marker: str = "\u2620"

    @property
    def max_length(self) -> int:
        return self.nlp.max_length

    def pipe(self, texts: Iterator[str], batch_size: int = 64) -> Iterator[Doc]:
        for text in texts:
            if self.marker in text:
                raise ValueError("cannot parse this\nsecond line of spaCy's message")
            yield from self.nlp.pipe([text])


def test_4_spacy_failing_on_one_text_fails_that_article_only(tmp_path: Path) -> None:
    pipeline = load_pipeline()
    refusing: Pipeline = replace(pipeline, nlp=RefusingNlp(pipeline.nlp))  # type: ignore[arg-type]
    results = refusing.analyse_each([article(MEETING, "a"), article("Odd \u2620 text.", "b"), article(ATTACK, "c")])
    assert [type(r).__name__ for r in results] == ["CodedArticle", "Failure", "CodedArticle"]
    assert results[1].reason == "analysis failed: spaCy could not parse it: ValueError: cannot parse this"  # type: ignore[union-attr]


def test_6_text_with_lone_surrogates_is_analysed_and_stored(tmp_path: Path) -> None:
    feed = tmp_path / "s.jsonl"
    feed.write_text('{"id": "s", "text": "' + MEETING.replace("Monday", "Monday \\ud800") + '"}\n', encoding="utf-8")
    settings = Settings(db_path=tmp_path / "x.duckdb")
    with Store.open(settings.db_path) as store:
        report = run_ingest([str(feed)], store, settings, load_pipeline())
        assert report.stored == 1 and not report.failures and len(report.notices) == 1
        stored = store.article("s")
        assert stored is not None and "\ufffd" in stored.text and store.events_of("s")
