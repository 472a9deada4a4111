"""Actors without a country or group are no node of the network: never a pair "None-None"."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from tests.analysis.records import Pair, accusations, meetings, two_camps
from tests.store.builders import agentless_attack, arrest_by_police, event, report, unnamed
from worldorder.analysis import alignment_shifts, network_and_blocs, signed_network
from worldorder.store import Store


def test_signed_network_skips_pairs_with_a_key_less_actor() -> None:
    keyless = [meetings("", "AAA", 4), accusations("", "", 3), Pair("BBB", "", material_conflict=2, goldstein=-20)]
    network = signed_network([*two_camps(), *keyless])
    assert network.keys == signed_network(two_camps()).keys
    assert "" not in network.keys and len(network.edges) == len(two_camps())


def test_blocs_and_alignment_ignore_key_less_actors() -> None:
    before = network_and_blocs([*two_camps(), accusations("", "AAA", 5)])
    after = network_and_blocs([*two_camps(), meetings("", "XXX", 5)])
    assert all("" not in bloc.members for bloc in (*before[1].blocs, *after[1].blocs))
    assert "" not in {shift.key for shift in alignment_shifts(before, after)}


def test_network_of_stored_events_leaves_police_and_nobody_out(store: Store) -> None:
    day = date(2024, 10, 12)
    items = [
        report("s1", day, arrest_by_police("2024-10-11")),
        report("s2", day, replace(agentless_attack("2024-10-11"), target=unnamed("COP", "a policeman", 30))),
        report("s3", day, replace(event("AUT", None, "2024-10-11", event_type="ASSAULT"), target=unnamed("COP", "x"))),
        report("s4", day, event("AUT", "IRN", "2024-10-11")),
    ]
    store.add([a for a, _ in items], [c for _, c in items])
    network, partition = network_and_blocs(store.dyads())
    assert network.keys == ("AUT", "IRN")
    assert sorted(m for bloc in partition.blocs for m in bloc.members) == ["AUT", "IRN"]
