"""The extract output contract: every actor says how its country was found."""

from __future__ import annotations

from datetime import date

from tests.store.builders import agentless_attack, arrest_by_police, report
from worldorder.output import coded_json


def test_coded_json_actors_carry_country_basis_and_unknown_countries() -> None:
    _, coded = report("o1", date(2024, 10, 12), arrest_by_police("2024-10-11"), agentless_attack("2024-10-11"))
    police, attack = coded_json(coded)["events"]
    assert police["source"] == {
        "country": None, "country_basis": "unknown", "known_group": None, "sector": "COP", "name": None,
        "text": "Police", "start": 0, "end": 6,
    }  # fmt: skip
    assert (attack["source"]["text"], attack["source"]["start"], attack["target"]) == ("", 10, None)
