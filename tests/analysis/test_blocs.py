from __future__ import annotations

import numpy as np
import pytest

from tests.analysis.records import Pair, accusations, attacks, meetings, two_camps
from worldorder.analysis import bloc_evidence, find_blocs, signed_modularity, signed_network
from worldorder.analysis.blocs import flip_gains, group_matrix, modularity_matrix


def test_find_blocs_separates_two_hostile_camps() -> None:
    partition = find_blocs(signed_network(two_camps()))
    assert [b.members for b in partition.blocs] == [("AAA", "BBB", "CCC"), ("XXX", "YYY", "ZZZ")]
    assert partition.modularity > 0.3


@pytest.mark.parametrize(("a", "b", "same"), [("AAA", "CCC", True), ("XXX", "ZZZ", True), ("AAA", "XXX", False)])
def test_find_blocs_same_bloc(a: str, b: str, same: bool) -> None:
    assert find_blocs(signed_network(two_camps())).same_bloc(a, b) is same


def test_find_blocs_parts_enemies_that_interact_a_lot() -> None:
    """Unsigned methods would group a pair that fights often; signed modularity must not."""
    pairs = [attacks("AAA", "BBB", 20), meetings("AAA", "CCC", 1), meetings("BBB", "DDD", 1)]
    partition = find_blocs(signed_network(pairs))
    assert not partition.same_bloc("AAA", "BBB")
    assert partition.same_bloc("AAA", "CCC") and partition.same_bloc("BBB", "DDD")


def test_find_blocs_keeps_a_friendly_clique_whole() -> None:
    pairs = [meetings(a, b, 2) for a, b in [("AAA", "BBB"), ("BBB", "CCC"), ("AAA", "CCC")]]
    assert [b.members for b in find_blocs(signed_network(pairs)).blocs] == [("AAA", "BBB", "CCC")]


def test_find_blocs_splits_disconnected_groups() -> None:
    pairs = [meetings("AAA", "BBB", 2), meetings("CCC", "DDD", 2)]
    assert len(find_blocs(signed_network(pairs)).blocs) == 2


@pytest.mark.parametrize("pairs", [[], [Pair("AAA", "BBB", verbal_cooperation=1, goldstein=0.0)]])
def test_find_blocs_of_an_empty_or_weightless_network_has_zero_modularity(pairs: list[Pair]) -> None:
    assert find_blocs(signed_network(pairs)).modularity == 0.0


def test_find_blocs_is_deterministic() -> None:
    pairs = [*two_camps(), accusations("CCC", "YYY", 1)]
    assert find_blocs(signed_network(pairs)) == find_blocs(signed_network(list(reversed(pairs))))


def test_signed_modularity_rewards_hostility_across_blocs() -> None:
    weights = np.array([[0.0, 1.0, -1.0], [1.0, 0.0, -1.0], [-1.0, -1.0, 0.0]])
    split = signed_modularity(weights, np.array([0, 0, 1]))
    together = signed_modularity(weights, np.array([0, 0, 0]))
    assert split > together
    assert together == pytest.approx(0.0, abs=1e-12)


def test_find_blocs_modularity_is_at_least_that_of_one_bloc() -> None:
    network = signed_network(two_camps())
    partition = find_blocs(network)
    assert partition.modularity >= signed_modularity(network.adjacency(), np.zeros(len(network.keys), dtype=int))


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_flip_gains_match_recomputing_the_split(seed: int) -> None:
    rng = np.random.default_rng(seed)
    weights = rng.normal(size=(6, 6))
    sub = group_matrix(modularity_matrix(weights + weights.T)[0], np.arange(6))
    signs = rng.choice([-1.0, 1.0], size=6)
    gains = flip_gains(sub, signs)
    for i in range(6):
        flipped = signs.copy()
        flipped[i] = -flipped[i]
        assert gains[i] == pytest.approx(flipped @ sub @ flipped - signs @ sub @ signs)


def test_bloc_evidence_shows_a_bloc_held_by_one_event_as_weak() -> None:
    network = signed_network([*two_camps(), meetings("PPP", "QQQ", 1)])
    partition = find_blocs(network)
    evidence = {partition.blocs[e.bloc].members: e for e in bloc_evidence(network, partition)}
    east, lone = evidence[("AAA", "BBB", "CCC")], evidence[("PPP", "QQQ")]
    assert (east.events, east.ties) == (7, 3) and (lone.events, lone.ties) == (1, 1)
    assert 0 < east.cohesion < 1 == lone.cohesion  # the east also quarrels with the west
