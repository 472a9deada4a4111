"""Events whose actors have no country and no group are stored, found, shown and never merged blindly.

"Police arrested two persons" has a COP source of unknown country; "A man was killed in a gun
attack" has no source at all (empty text at the trigger). Both must survive every step.
"""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from pathlib import Path

import duckdb
import pytest
from click.testing import CliRunner
from tests.store.builders import agentless_attack, arrest_by_police, event, report, unnamed

from worldorder.cli.main import main
from worldorder.model import ActorCode, ActorMention, Article, CodedArticle
from worldorder.store import EventFilter, Store

OCT = date(2024, 10, 12)


def add(store: Store, *items: tuple[Article, CodedArticle]) -> None:
    store.add([a for a, _ in items], [c for _, c in items])


@pytest.fixture
def filled(store: Store) -> Store:
    add(
        store,
        report("p1", OCT, arrest_by_police("2024-10-11")),
        report("k1", OCT, agentless_attack("2024-10-11")),
        report("m1", OCT, event("AUT", "IRN", "2024-10-11", "Vienna")),
    )
    return store


def test_store_keeps_events_whose_actors_have_no_country(filled: Store) -> None:
    by_type = {e.event_type: e for e in filled.search_events()}
    assert set(by_type) == {"COERCE", "ASSAULT", "CONSULT"}
    police, nobody = by_type["COERCE"].source, by_type["ASSAULT"].source
    assert (police.key, police.country, police.known_group, police.sector, police.text) == (
        None, None, None, "COP", "Police",
    )  # fmt: skip
    assert (nobody.key, nobody.sector, nobody.text, nobody.country_basis) == (None, None, "", "unknown")
    assert by_type["ASSAULT"].target is None


def test_store_events_table_keeps_each_actors_country_basis(store: Store) -> None:
    named = ActorMention(ActorCode("FRA", None, "COP"), "French police", 0, 13, country_basis="named")
    quoted = ActorMention(ActorCode("GBR", None, "MED"), "the BBC", 40, 47, country_basis="article")
    item = replace(
        arrest_by_police("2024-10-11"), source=named, target=unnamed(None, "two men", 20), attribution=quoted
    )
    add(store, report("b1", OCT, item))
    [row] = store.events_of("b1")
    bases = [row[f"{role}_country_basis"] for role in ("source", "target", "attribution")]
    assert bases == ["named", "unknown", "article"]
    [summary] = store.search_events()
    assert (summary.source.country_basis, summary.target and summary.target.country_basis) == ("named", "unknown")


@pytest.mark.parametrize(
    ("flt", "found"),
    [
        (EventFilter(sector="COP"), {"COERCE"}),
        (EventFilter(sector="cop", start=date(2024, 10, 1), end=date(2024, 10, 31)), {"COERCE"}),
        (EventFilter(country="AUT"), {"CONSULT"}),
        (EventFilter(actor="AUT"), {"CONSULT"}),
        (EventFilter(event_type="ASSAULT"), {"ASSAULT"}),
        (EventFilter(text="gun attack"), {"ASSAULT"}),
        (EventFilter(quad_class=4), {"COERCE", "ASSAULT"}),
    ],
)
def test_store_filters_find_country_less_events_by_what_they_have(
    filled: Store, flt: EventFilter, found: set[str]
) -> None:
    assert {e.event_type for e in filled.search_events(flt)} == found
    assert filled.count_events(flt) == len(found)


def test_store_event_detail_of_an_agentless_event(filled: Store) -> None:
    [attack] = filled.search_events(EventFilter(event_type="ASSAULT"))
    detail = filled.event_detail(attack.event_id)
    assert detail is not None and detail.cluster_key.startswith("alone|")
    assert [m.sentence for m in detail.mentions] == ["A man was killed in a gun attack."]


@pytest.mark.parametrize(
    "tellings",
    [
        pytest.param((arrest_by_police, arrest_by_police), id="police of unknown country, twice"),
        pytest.param((agentless_attack, agentless_attack), id="agentless attacks, twice"),
        pytest.param((arrest_by_police, agentless_attack), id="police and nobody"),
    ],
)
def test_store_never_merges_key_less_events_across_articles(store: Store, tellings: tuple) -> None:
    first, second = (make("2024-10-11", "Vienna") for make in tellings)
    add(store, report("x1", OCT, first), report("x2", OCT, second))  # one batch
    add(store, report("x3", OCT, tellings[0]("2024-10-11", "Vienna")))  # a later batch
    events = store.search_events()
    assert len(events) == 3 and all(e.articles == 1 for e in events)
    assert store.count("cluster_members") == 3


def test_store_still_merges_a_known_source_with_an_unnamed_target(store: Store) -> None:
    """An empty target is no target: "Austria arrested two men" told twice is one event."""
    arrest = replace(arrest_by_police("2024-10-11", "Vienna"), source=event("AUT", None, None).source)
    told = replace(arrest, target=unnamed(None, "two men", 20))
    add(store, report("y1", OCT, arrest), report("y2", OCT, told))
    [merged] = store.search_events()
    assert merged.articles == 2


def test_store_rankings_and_dyads_leave_key_less_actors_out(store: Store) -> None:
    against_police = replace(event("AUT", None, "2024-10-11", event_type="ASSAULT"), target=unnamed("COP", "police"))
    add(
        store,
        report("d1", OCT, arrest_by_police("2024-10-11")),
        report("d2", OCT, replace(agentless_attack("2024-10-11"), target=unnamed("COP", "a policeman", 30))),
        report("d3", OCT, against_police),
    )
    assert [a.key for a in store.top_actors()] == ["AUT"]
    assert store.dyads() == [] and store.top_pairs() == []


def test_store_migration_7_adds_country_basis_to_an_older_database(tmp_path: Path) -> None:
    path = tmp_path / "old.duckdb"
    with Store.open(path) as store:
        add(store, report("o1", OCT, event("AUT", "IRN", "2024-10-11")))
    con = duckdb.connect(str(path))  # back to the schema before migration 7
    con.execute("DROP INDEX clusters_by_id")
    for table, roles in (("events", ("source", "target", "attribution")), ("clusters", ("source", "target"))):
        for role in roles:
            con.execute(f"ALTER TABLE {table} DROP COLUMN {role}_country_basis")
    con.execute("CREATE INDEX clusters_by_id ON clusters (cluster_id)")
    con.execute("DELETE FROM schema_migrations WHERE version = 7")
    con.close()
    with Store.open(path) as store:
        add(store, report("o2", OCT, arrest_by_police("2024-10-11")))
        bases = {e.event_type: e.source.country_basis for e in store.search_events()}
    assert bases == {"CONSULT": None, "COERCE": "unknown"}


# -- the command line --


@pytest.fixture
def db(filled: Store) -> Path:
    path = filled.path
    guessed = ActorMention(ActorCode("FRA", None, "COP"), "Police", 0, 6, country_basis="place")
    add(filled, report("g1", date(2024, 9, 2), replace(arrest_by_police("2024-09-01"), source=guessed)))
    filled.close()
    return path


def invoke(*args: str) -> str:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False, env={"COLUMNS": "250"})
    assert result.exit_code == 0, result.output
    return result.output


def test_cli_events_lists_country_less_events_and_says_so(db: Path) -> None:
    out = invoke("events", "--db", str(db))
    assert "Police (COP, country unknown) > -" in out
    assert "unnamed actor (country unknown) > -" in out
    assert "FRA COP (country from place)" in out
    assert "None" not in out
    assert "4 of 4 events" in out


@pytest.mark.parametrize(("args", "expected"), [(("--sector", "COP"), 2), (("--country", "IRN"), 1)])
def test_cli_events_filters_country_less_events(db: Path, args: tuple[str, ...], expected: int) -> None:
    rows = json.loads(invoke("events", "--db", str(db), "--format", "json", *args))
    assert len(rows) == expected


@pytest.mark.parametrize("fmt", ["table", "json"])
def test_cli_event_shows_an_agentless_event(db: Path, fmt: str) -> None:
    [row] = json.loads(invoke("events", "--db", str(db), "--format", "json", "--type", "ASSAULT"))
    out = invoke("event", str(row["event_id"]), "--db", str(db), "--format", fmt)
    assert "A man was killed in a gun attack." in out
    if fmt == "json":
        assert json.loads(out)["summary"]["source"] == {
            "key": None, "country": None, "known_group": None, "sector": None, "name": None, "text": "",
            "country_basis": "unknown",
        }  # fmt: skip
    else:
        assert "unnamed actor (country unknown)" in out


def test_cli_events_csv_has_the_country_basis_column(db: Path) -> None:
    header = invoke("events", "--db", str(db), "--format", "csv").splitlines()[0].split(",")
    assert {"source_country_basis", "target_country_basis"} <= set(header)


def test_cli_article_shows_its_country_less_events(db: Path) -> None:
    out = invoke("articles", "k1", "--db", str(db))
    assert "unnamed actor (country unknown)" in out
