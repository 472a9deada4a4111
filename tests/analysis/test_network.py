from __future__ import annotations

import numpy as np
import pytest

from tests.analysis.records import Pair, accusations, meetings, two_camps
from worldorder.analysis import signed_network


def test_signed_network_weights_edges_by_goldstein_sum_over_ten() -> None:
    network = signed_network([meetings("BBB", "AAA", 2), accusations("AAA", "CCC", 3)])
    assert network.keys == ("AAA", "BBB", "CCC")
    assert network.edge("AAA", "BBB") is not None
    assert network.edge("BBB", "AAA").weight == pytest.approx(0.6)  # type: ignore[union-attr]
    assert network.edge("CCC", "AAA").weight == pytest.approx(-0.6)  # type: ignore[union-attr]
    assert network.edge("BBB", "CCC") is None


def test_signed_network_adjacency_is_symmetric_and_signed() -> None:
    network = signed_network(two_camps())
    matrix = network.adjacency()
    assert np.allclose(matrix, matrix.T)
    assert (matrix > 0).sum() == 2 * 5 and (matrix < 0).sum() == 2 * 3


@pytest.mark.parametrize(
    ("pairs", "edges"),
    [
        ([Pair("AAA", "AAA", verbal_cooperation=5, goldstein=5.0)], 0),  # domestic events are left out
        ([meetings("AAA", "BBB", 1)], 1),
        ([meetings("AAA", "BBB", 1), meetings("BBB", "AAA", 2)], 1),  # one edge per unordered pair
    ],
)
def test_signed_network_keeps_one_edge_per_pair_of_distinct_actors(pairs: list[Pair], edges: int) -> None:
    assert len(signed_network(pairs).edges) == edges


def test_signed_network_merges_duplicate_pairs() -> None:
    edge = signed_network([meetings("AAA", "BBB", 1), accusations("BBB", "AAA", 1)]).edges[0]
    assert (edge.events, edge.cooperation, edge.conflict) == (2, 1, 1)
    assert edge.score == pytest.approx((3.0 - 2.0) / 20)


def test_signed_network_drops_pairs_below_min_events() -> None:
    network = signed_network([meetings("AAA", "BBB", 1), meetings("CCC", "DDD", 3)], min_events=2)
    assert network.keys == ("CCC", "DDD")


def test_signed_network_nodes_sum_their_ties() -> None:
    network = signed_network(two_camps())
    node = next(n for n in network.nodes if n.key == "AAA")
    assert (node.events, node.partners) == (8, 3)
    assert node.positive == pytest.approx(1.5) and node.negative == pytest.approx(0.6)
