"""The signed network of actors: one edge per pair, weighted by their relations.

An edge's ``weight`` is the pair's Goldstein sum divided by 10: its sign says whether the pair
cooperated or fought on balance, its size grows with how much they did. Its ``score`` is the
normalised relation score (mean Goldstein / 10, see ``relations``), for colouring and reading.
Pairs of an actor with itself (domestic events) are left out: they say nothing about alignment.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

import numpy as np

from worldorder.analysis.relations import GOLDSTEIN_RANGE, RelationCounts, event_total, relation_score


class PairCounts(RelationCounts, Protocol):
    """Relations of one unordered pair (the store's DyadWeight)."""

    @property
    def a(self) -> str: ...
    @property
    def b(self) -> str: ...


@dataclass(frozen=True, slots=True)
class NetworkEdge:
    a: str
    b: str
    events: int
    cooperation: int
    conflict: int
    verbal_conflict: int
    material_conflict: int
    goldstein: float
    weight: float  # Goldstein sum / 10: signed, grows with volume
    score: float  # mean Goldstein / 10, in [-1, 1]


@dataclass(frozen=True, slots=True)
class NetworkNode:
    key: str
    events: int
    partners: int
    positive: float  # sum of positive edge weights
    negative: float  # sum of |negative edge weights|


@dataclass(frozen=True, slots=True)
class SignedNetwork:
    nodes: tuple[NetworkNode, ...]
    edges: tuple[NetworkEdge, ...]

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(n.key for n in self.nodes)

    def adjacency(self) -> np.ndarray:
        """Symmetric signed weight matrix in the order of ``keys``."""
        index = {key: i for i, key in enumerate(self.keys)}
        matrix = np.zeros((len(index), len(index)))
        for edge in self.edges:
            i, j = index[edge.a], index[edge.b]
            matrix[i, j] = matrix[j, i] = edge.weight
        return matrix

    def edge(self, a: str, b: str) -> NetworkEdge | None:
        """The edge between two actors, in either order."""
        wanted = {a, b}
        return next((e for e in self.edges if {e.a, e.b} == wanted), None)


def network_edge(pair: PairCounts) -> NetworkEdge:
    a, b = sorted((pair.a, pair.b))
    return NetworkEdge(
        a=a,
        b=b,
        events=event_total(pair),
        cooperation=pair.verbal_cooperation + pair.material_cooperation,
        conflict=pair.verbal_conflict + pair.material_conflict,
        verbal_conflict=pair.verbal_conflict,
        material_conflict=pair.material_conflict,
        goldstein=pair.goldstein,
        weight=pair.goldstein / GOLDSTEIN_RANGE,
        score=relation_score(pair),
    )


def network_nodes(edges: Sequence[NetworkEdge]) -> tuple[NetworkNode, ...]:
    ties: dict[str, list[NetworkEdge]] = defaultdict(list)
    for edge in edges:
        ties[edge.a].append(edge)
        ties[edge.b].append(edge)
    return tuple(_node(key, ties[key]) for key in sorted(ties))


def _node(key: str, edges: Iterable[NetworkEdge]) -> NetworkNode:
    edges = list(edges)
    return NetworkNode(
        key=key,
        events=sum(e.events for e in edges),
        partners=len(edges),
        positive=sum(e.weight for e in edges if e.weight > 0),
        negative=-sum(e.weight for e in edges if e.weight < 0),
    )


def signed_network(pairs: Iterable[PairCounts], min_events: int = 1) -> SignedNetwork:
    """The network of every pair of distinct actors with at least ``min_events`` events."""
    merged: dict[tuple[str, str], NetworkEdge] = {}
    for pair in pairs:
        if pair.a == pair.b or event_total(pair) < min_events:
            continue
        edge = network_edge(pair)
        merged[(edge.a, edge.b)] = _merge(merged.get((edge.a, edge.b)), edge)
    edges = tuple(sorted(merged.values(), key=lambda e: (e.a, e.b)))
    return SignedNetwork(nodes=network_nodes(edges), edges=edges)


def _merge(old: NetworkEdge | None, new: NetworkEdge) -> NetworkEdge:
    """One edge per unordered pair, even when the input lists a pair twice."""
    if old is None:
        return new
    events = old.events + new.events
    goldstein = old.goldstein + new.goldstein
    return NetworkEdge(
        a=old.a,
        b=old.b,
        events=events,
        cooperation=old.cooperation + new.cooperation,
        conflict=old.conflict + new.conflict,
        verbal_conflict=old.verbal_conflict + new.verbal_conflict,
        material_conflict=old.material_conflict + new.material_conflict,
        goldstein=goldstein,
        weight=goldstein / GOLDSTEIN_RANGE,
        score=max(-1.0, min(1.0, goldstein / (GOLDSTEIN_RANGE * events))) if events else 0.0,
    )
