from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from tests.store.builders import event, report

from worldorder.model import Article, CodedArticle
from worldorder.store import EventFilter, Store
from worldorder.store.rows import ACTOR_ROLES

OCT = date(2024, 10, 12)


def add(store: Store, *items: tuple[Article, CodedArticle]) -> None:
    store.add([a for a, _ in items], [c for _, c in items])


def test_store_clusters_reports_of_one_meeting_into_one_event(store: Store) -> None:
    add(
        store,
        report("a1", OCT, event("AUT", "IRN", "2024-10-11", "Vienna"), url="https://one.example/x"),
        report("a2", OCT, event("IRN", "AUT", "2024-10-11", "Vienna"), url="https://www.two.example/y"),
        report("a3", date(2024, 10, 13), event("AUT", "IRN", "2024-10", "Austria"), url="https://one.example/z"),
    )
    [summary] = store.search_events()
    assert (summary.articles, summary.sources, summary.mentions) == (3, 2, 3)
    assert (summary.date, summary.place, summary.first_article_id) == ("2024-10-11", "Vienna", "a1")


def test_store_keeps_meetings_on_different_days_apart(store: Store) -> None:
    add(
        store,
        report("a1", OCT, event("AUT", "IRN", "2024-10-11")),
        report("a2", OCT, event("AUT", "IRN", "2024-10-04")),
    )
    assert store.count_events() == 2


def test_store_merges_across_batches_and_reingest_changes_nothing(store: Store) -> None:
    first = report("a1", OCT, event("AUT", "IRN", "2024-10-11", "Vienna"))
    second = report("a2", date(2024, 10, 11), event("IRN", "AUT", "2024-10-11"))
    add(store, first)
    add(store, second)
    before = store.search_events()
    add(store, first, second)
    assert store.search_events() == before
    assert [(e.articles, e.first_article_id) for e in before] == [(2, "a2")]
    assert store.count("cluster_members") == 2


def test_store_event_detail_explains_every_merge(store: Store) -> None:
    add(
        store,
        report("a1", OCT, event("AUT", "IRN", "2024-10-11", sentence="Envoys of both sides talked.")),
        report("a2", OCT, event("IRN", "AUT", "2024-10", sentence="Talks took place this month.")),
    )
    [summary] = store.search_events()
    detail = store.event_detail(summary.event_id)
    assert detail is not None
    assert next(m.merged_by for m in detail.mentions) == "first report"
    assert "date 2024-10-11 in 2024-10" in detail.mentions[1].merged_by
    assert detail.mentions[1].sentence == "Talks took place this month."
    assert store.event_detail(999) is None


@pytest.mark.parametrize(
    ("flt", "expected"),
    [
        (EventFilter(), 3),
        (EventFilter(actor="irn"), 2),
        (EventFilter(pair=("IRN", "AUT")), 1),
        (EventFilter(event_type="ASSAULT"), 1),
        (EventFilter(quad_class=1), 2),
        (EventFilter(start=date(2024, 11, 1)), 1),
        (EventFilter(end=date(2024, 10, 31)), 2),
        (EventFilter(place="vienna"), 1),
        (EventFilter(country="CHE"), 1),
        (EventFilter(text="drones"), 1),
        (EventFilter(sector="GOV", limit=1), 1),
        (EventFilter(modality="negated"), 1),
    ],
)
def test_store_search_events_filters(store: Store, flt: EventFilter, expected: int) -> None:
    add(
        store,
        report("a1", OCT, event("AUT", "IRN", "2024-10-11", "Vienna")),
        report(
            "a2",
            OCT,
            event("ISR", "IRN", "2024-10-26", event_type="ASSAULT", sentence="Drones struck.", symmetric=False),
        ),
        report("a3", date(2024, 11, 5), event("USA", "CHN", "2024-11-04", "Geneva", modality="negated")),
    )
    assert len(store.search_events(flt)) == expected


@pytest.mark.parametrize(
    ("flt", "total", "page"),
    [
        (EventFilter(limit=2), 3, 2),
        (EventFilter(limit=2, offset=2), 3, 1),
        (EventFilter(limit=2, offset=5), 3, 0),
        (EventFilter(text="struck"), 1, 1),
        (EventFilter(text="absent words"), 0, 0),
    ],
)
def test_store_search_page_counts_all_matches_in_one_pass(
    store: Store, flt: EventFilter, total: int, page: int
) -> None:
    add(
        store,
        report("p1", OCT, event("AUT", "IRN", "2024-10-11", "Vienna")),
        report("p2", OCT, event("ISR", "IRN", "2024-10-26", event_type="ASSAULT", sentence="Drones struck.")),
        report("p3", date(2024, 11, 5), event("USA", "CHN", "2024-11-04", "Geneva")),
    )
    matches, found = store.search_page(flt)
    assert (matches.total, len(found)) == (total, page)
    assert matches.total == store.count_events(flt)


def test_store_relations_count_events_by_period_and_quad_class(store: Store) -> None:
    add(
        store,
        report("a1", OCT, event("AUT", "IRN", "2024-10-11")),
        report("a2", OCT, event("IRN", "AUT", "2024-10-11")),
        report("a3", OCT, event("IRN", "AUT", "2024-10-02", event_type="ASSAULT", symmetric=False)),
        report("a4", date(2024, 12, 2), event("AUT", "IRN", "2024-12-01")),
    )
    points = store.relations("aut", "IRN", "month")
    assert [(p.period, p.verbal_cooperation, p.material_conflict) for p in points] == [
        (date(2024, 10, 1), 1, 1),
        (date(2024, 12, 1), 1, 0),
    ]
    assert points[0].goldstein == pytest.approx(-9.0)
    assert len(store.relations("AUT", "IRN", "day", start=date(2024, 10, 5), end=date(2024, 10, 31))) == 1


def test_store_top_actors_and_pairs_rank_by_events(store: Store) -> None:
    add(
        store,
        report("a1", OCT, event("AUT", "IRN", "2024-10-11")),
        report("a2", OCT, event("IRN", "TUR", "2024-10-12")),
        report("a3", OCT, event("IRN", "TUR", "2024-10-13")),
    )
    assert [(a.key, a.events) for a in store.top_actors(2)] == [("IRN", 3), ("TUR", 2)]
    assert [(p.a, p.b, p.events) for p in store.top_pairs(1)] == [("IRN", "TUR", 2)]
    assert len(store.dyads()) == 2


def test_store_clusters_events_stored_before_clustering_existed(tmp_path: Path) -> None:
    path = tmp_path / "old.duckdb"
    with Store.open(path) as store:
        add(store, report("a1", OCT, event("AUT", "IRN", "2024-10-11")))
        store._con.execute(
            "DELETE FROM cluster_members; DELETE FROM clusters; DELETE FROM schema_migrations WHERE version >= 3"
        )
        store._con.execute(
            "DROP TABLE cluster_members; DROP TABLE clusters; ALTER TABLE events DROP COLUMN location_kind;"
            "DROP INDEX mentions_by_event; ALTER TABLE events DROP COLUMN location_basis;"
            "ALTER TABLE articles DROP COLUMN published_raw;"
            + "".join(f"ALTER TABLE events DROP COLUMN {role}_country_basis;" for role in ACTOR_ROLES)
            + "ALTER TABLE articles DROP COLUMN crawled;"
        )
    with Store.open(path) as store:
        assert [e.articles for e in store.search_events()] == [1]


@pytest.mark.parametrize(("located", "expected"), [(True, ["Vienna"]), (False, ["Vienna", None])])
def test_store_clusters_search_keeps_located_events_for_the_map(
    tmp_path: Path, located: bool, expected: list[str | None]
) -> None:
    with Store.open(tmp_path / "map.duckdb") as store:
        add(
            store,
            report("m1", OCT, event("AUT", "IRN", "2024-10-11", place="Vienna")),
            report("m2", OCT, event("TUR", "IRN", "2024-10-09")),
        )
        found = store.search_events(EventFilter(located=located))
        assert [e.place for e in found] == expected
