"""Every export writes events whose actors have no country, and says how each country was found."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import replace
from datetime import date
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from tests.export.test_export_formats import read_gdelt
from tests.store.builders import agentless_attack, arrest_by_police, report
from worldorder.export import export_events
from worldorder.model import ActorCode, ActorMention
from worldorder.store import Store


@pytest.fixture
def filled(store: Store) -> Store:
    guessed = ActorMention(ActorCode("ROU", None, "COP"), "Police", 0, 6, country_basis="place")
    items = [
        report("p1", date(2024, 10, 11), arrest_by_police("2024-10-11")),  # event 1
        report("k1", date(2024, 10, 12), agentless_attack("2024-10-11", "Vienna")),  # event 2
        report("g1", date(2024, 10, 13), replace(arrest_by_police("2024-10-10"), source=guessed)),  # event 3
    ]
    store.add([a for a, _ in items], [c for _, c in items])
    return store


def test_export_gdelt_leaves_an_unknown_country_empty(filled: Store) -> None:
    out = io.StringIO()
    assert export_events(filled, "gdelt", out) == 3
    assert "None" not in out.getvalue()
    police, attack, guessed = read_gdelt(out.getvalue())
    actor1 = ("Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1Type1Code")
    assert [police[f] for f in actor1] == ["COP", "POLICE", "", "", "COP"]
    assert [attack[f] for f in actor1] == ["", "", "", "", ""]
    assert [guessed[f] for f in actor1] == ["ROMCOP", "POLICE", "ROM", "", "COP"]
    assert (attack["EventRootCode"], attack["ActionGeo_CountryCode"]) == ("19", "AU")


def test_export_plover_carries_country_basis_and_no_empty_source(filled: Store) -> None:
    out = io.StringIO()
    export_events(filled, "plover", out)
    police, attack, guessed = (json.loads(line) for line in out.getvalue().splitlines())
    assert police["source"] == [
        {"code": None, "country": None, "country_basis": "unknown", "sector": "COP", "actor_text": "Police",
         "identifier_text": None},
    ]  # fmt: skip
    assert attack["source"] == [] and attack["recipient"] == [] and attack["event"] == ["ASSAULT"]
    assert (guessed["source"][0]["code"], guessed["source"][0]["country_basis"]) == ("ROU", "place")


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "parquet"])
def test_export_tables_have_the_country_basis_columns(filled: Store, fmt: str, tmp_path: Path) -> None:
    path = tmp_path / f"events.{fmt}"
    assert export_events(filled, fmt, path) == 3
    if fmt == "parquet":
        rows = pq.read_table(path).to_pylist()
    elif fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))
    else:
        rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    empty = "" if fmt == "csv" else None
    assert [r["source_country_basis"] for r in rows] == ["unknown", "unknown", "place"]
    assert [r["source_country"] for r in rows] == [empty, empty, "ROU"]
    assert [r["source_sector"] for r in rows] == ["COP", empty, "COP"]
    assert "target_country_basis" in rows[0]
