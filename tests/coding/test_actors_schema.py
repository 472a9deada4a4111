"""Every shipped actor file follows the documented format; broken user files are refused."""

from __future__ import annotations

from datetime import date
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
import yaml

from worldorder.coding.actors import (
    GRAMMAR_FILE,
    SECTORS,
    SHIPPED_FOLDER,
    SHIPPED_PACKAGE,
    ActorKB,
    EntryKind,
    parse_actor_file,
)
from worldorder.errors import ConfigError

FOLDER = resources.files(SHIPPED_PACKAGE).joinpath(SHIPPED_FOLDER)
ACTOR_FILES = sorted(i.name for i in FOLDER.iterdir() if i.name.endswith(".yaml") and i.name != GRAMMAR_FILE)


@cache
def load_raw(name: str) -> dict[str, Any]:
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    document: dict[str, Any] = yaml.load(FOLDER.joinpath(name).read_text(encoding="utf-8"), Loader=loader)
    return document


def all_entries() -> list[dict[str, Any]]:
    return [e for name in ACTOR_FILES for e in load_raw(name)["entries"]]


def state_codes() -> set[str]:
    return {e["country"] for e in load_raw("countries.yaml")["entries"]}


@pytest.mark.parametrize("name", [*ACTOR_FILES, GRAMMAR_FILE])
def test_actor_file_header_has_version_source_license(name: str) -> None:
    document = load_raw(name)
    assert isinstance(document["version"], int)
    assert document["source"].strip() and document["license"].strip()


def test_actor_ids_unique_across_files() -> None:
    ids = [e["id"] for e in all_entries()]
    assert len(ids) == len(set(ids)), sorted({i for i in ids if ids.count(i) > 1})


def test_actor_country_codes_are_iso_alpha3_of_known_states() -> None:
    states = state_codes()
    assert all(len(c) == 3 and c.isupper() for c in states)
    used = {e.get("country") for e in all_entries()} | {
        t.get("country") for e in all_entries() for t in e.get("tenures") or []
    }
    assert used - {None} <= states


def test_actor_states_cover_un_members_observers_taiwan_kosovo() -> None:
    states = state_codes()
    assert len(states) == 197
    assert {"PSE", "VAT", "TWN", "XKX", "USA", "SSD"} <= states


@pytest.mark.parametrize("entry", all_entries(), ids=lambda e: e["id"])
def test_actor_entry_sector_and_kind_valid(entry: dict[str, Any]) -> None:
    assert entry.get("sector") is None or entry["sector"] in SECTORS
    for tenure in entry.get("tenures") or []:
        assert tenure.get("sector") is None or tenure["sector"] in SECTORS
    assert entry["name"].strip()


@pytest.mark.parametrize("entry", [e for e in all_entries() if e.get("tenures")], ids=lambda e: e["id"])
def test_actor_tenures_dated_and_ordered(entry: dict[str, Any]) -> None:
    tenures = entry["tenures"]
    for tenure in tenures:
        assert isinstance(tenure["from"], date)
        assert tenure["to"] is None or (isinstance(tenure["to"], date) and tenure["from"] <= tenure["to"])
    starts = [t["from"] for t in tenures]
    assert starts == sorted(starts), "tenures are listed in the order they were held"


def test_actor_shipped_files_load_through_the_validator() -> None:
    kb = ActorKB.load()
    kinds = {e.kind for e in kb.entries.values()}
    assert kinds == set(EntryKind)


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("version: 1\nsource: s\nlicense: l\n", "missing entries"),
        ("version: 1\nsource: s\nlicense: l\nentries:\n  - {id: a, name: A, kind: planet}\n", "unknown kind"),
        ("version: 1\nsource: s\nlicense: l\nentries:\n  - {id: a, name: A, kind: agent, sector: XYZ}\n", "sector"),
        (
            "version: 1\nsource: s\nlicense: l\nentries:\n  - {id: a, name: A B, kind: person,"
            " tenures: [{title: president, from: 2020-01-01, to: 2019-01-01}]}\n",
            "ends before it starts",
        ),
        ("version: 1\nsource: s\nlicense: l\nentries:\n  - {name: nameless}\n", "needs an id"),
    ],
)
def test_actor_file_parser_refuses_broken_entries(text: str, problem: str) -> None:
    with pytest.raises(ConfigError, match=problem):
        parse_actor_file(text, "user.yaml")


@pytest.mark.parametrize(
    ("entries", "problem"),
    [
        ("  - {id: x, name: Y, kind: organisation, country: ZZZ, sector: GOV}\n", "unknown country"),
        (
            "  - {id: x, name: Y, kind: organisation, sector: GOV}\n  - {id: x, name: Z, kind: agent, sector: GOV}\n",
            "duplicate id",
        ),
    ],
)
def test_actor_kb_refuses_bad_user_file(tmp_path: Path, entries: str, problem: str) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text("version: 1\nsource: me\nlicense: MIT\nentries:\n" + entries, encoding="utf-8")
    with pytest.raises(ConfigError, match=problem):
        ActorKB.load([path])


def test_actor_kb_refuses_missing_user_file(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="cannot read"):
        ActorKB.load([tmp_path / "absent.yaml"])


@pytest.mark.parametrize("entry", load_raw("peoples.yaml")["entries"], ids=lambda e: e["id"])
def test_peoples_are_read_as_the_state_they_live_in(entry: dict[str, Any]) -> None:
    assert load_raw("peoples.yaml")["kind"] == "country" and "kind" not in entry
    assert entry["id"].startswith("people.") and entry["demonyms"]
    assert entry["country"] in state_codes() and "sector" not in entry and "known_group" not in entry
