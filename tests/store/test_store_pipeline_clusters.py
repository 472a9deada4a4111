"""The issue's acceptance checks, through the real pipeline and a real DuckDB file."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from worldorder.config import Settings
from worldorder.ingest.articles import make_article
from worldorder.ingest.language import LanguageIdentifier
from worldorder.model import Document
from worldorder.store import EventFilter, Store

# Our own wording: three differently worded reports of one meeting, and a later meeting.
SAME_MEETING = (
    ("m1", "Vladimir Putin met Masoud Pezeshkian in Ashgabat on Friday, October 11, 2024, for talks on trade."),
    ("m2", "Iranian President Masoud Pezeshkian held talks with Vladimir Putin in Ashgabat on October 11, 2024."),
    ("m3", "On October 11, 2024, Putin and Pezeshkian met in Ashgabat, the Kremlin said in a statement."),
)
LATER_MEETING = ("m4", "Vladimir Putin met Masoud Pezeshkian in Kazan on October 23, 2024, at a summit.")


@pytest.fixture(scope="module")
def pipeline() -> object:
    from worldorder.pipeline import Pipeline

    return Pipeline.load(Settings())


def ingest(store: Store, pipeline: object, items: tuple[tuple[str, str], ...]) -> None:
    languages = LanguageIdentifier()
    settings = Settings()
    documents = [Document(text=t, origin=i, kind="text", id=i, published=date(2024, 10, 24)) for i, t in items]
    articles = [make_article(d, languages, settings, None) for d in documents]
    store.add(articles, pipeline.analyse(articles))  # type: ignore[attr-defined]


@pytest.mark.model
def test_store_three_reports_of_one_meeting_make_one_event_and_a_later_meeting_another(
    pipeline: object, tmp_path: Path
) -> None:
    with Store.open(tmp_path / "p.duckdb") as store:
        ingest(store, pipeline, (*SAME_MEETING, LATER_MEETING))
        meetings = store.search_events(EventFilter(pair=("RUS", "IRN"), event_type="CONSULT"))
        assert sorted((e.date, e.articles) for e in meetings) == [("2024-10-11", 3), ("2024-10-23", 1)]
        before = store.search_events(EventFilter(limit=1000))
        ingest(store, pipeline, (*SAME_MEETING, LATER_MEETING))
        assert store.search_events(EventFilter(limit=1000)) == before
