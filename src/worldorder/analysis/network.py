"""The signed network of actors: one edge per pair, weighted by their relations.

An edge's ``weight`` is the pair's Goldstein sum divided by 10: its sign says whether the pair
cooperated or fought on balance, its size grows with how much they did. Its ``score`` is the
normalised relation score (mean Goldstein / 10, see ``relations``), for colouring and reading.
Pairs of an actor with itself (domestic events) are left out: they say nothing about alignment;
so are actors without a country or group, which cannot be told apart.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol

import numpy as np

from worldorder.analysis.relations import GOLDSTEIN_RANGE, RelationCounts


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
        if self.edges:
            rows = np.array([index[e.a] for e in self.edges])
            columns = np.array([index[e.b] for e in self.edges])
            weights = np.array([e.weight for e in self.edges])
            matrix[rows, columns] = matrix[columns, rows] = weights
        return matrix

    def edge(self, a: str, b: str) -> NetworkEdge | None:
        """The edge between two actors, in either order."""
        wanted = {a, b}
        return next((e for e in self.edges if {e.a, e.b} == wanted), None)


def _pair_row(pair: PairCounts) -> tuple[int, int, int, int, float]:
    """The pair's counts by quad class and its Goldstein sum, the columns of the pair table."""
    return (pair.verbal_cooperation, pair.material_cooperation, pair.verbal_conflict, pair.material_conflict,
            pair.goldstein)  # fmt: skip


def _kept_pairs(pairs: Iterable[PairCounts], min_events: int) -> tuple[list[tuple[str, str]], np.ndarray]:
    """Pairs of distinct actors with at least ``min_events`` events: sorted keys and their counts.

    An actor with no key (no country and no group: "police", or nobody in "a man was killed")
    is no node: two such actors are not one pair "None-None".
    """
    keys, rows = [], []
    for pair in pairs:
        row = _pair_row(pair)
        if pair.a and pair.b and pair.a != pair.b and sum(row[:4]) >= min_events:
            keys.append((pair.a, pair.b) if pair.a < pair.b else (pair.b, pair.a))
            rows.append(row)
    return keys, np.array(rows, dtype=float).reshape(-1, 5)


def _merged(keys: list[tuple[str, str]], rows: np.ndarray) -> tuple[list[str], np.ndarray, np.ndarray]:
    """Actor keys, the (i, j) index of each distinct pair in (a, b) order, and the pair's summed counts."""
    actors = sorted({key for pair in keys for key in pair})
    index = {key: i for i, key in enumerate(actors)}
    codes = np.array([index[a] * len(actors) + index[b] for a, b in keys], dtype=np.int64)
    unique, inverse = np.unique(codes, return_inverse=True)
    sums = np.stack([np.bincount(inverse, rows[:, c], len(unique)) for c in range(5)], axis=1)
    return actors, np.stack(np.divmod(unique, max(1, len(actors))), axis=1), sums


def _edges(actors: list[str], ends: np.ndarray, sums: np.ndarray) -> tuple[NetworkEdge, ...]:
    counts = np.rint(sums[:, :4]).astype(np.int64)
    events, goldstein = counts.sum(axis=1), sums[:, 4]
    weights = goldstein / GOLDSTEIN_RANGE
    scale = GOLDSTEIN_RANGE * events
    scores = np.clip(np.divide(goldstein, scale, out=np.zeros_like(weights), where=scale > 0), -1.0, 1.0)
    columns = zip(ends.tolist(), counts.tolist(), events.tolist(), goldstein.tolist(), weights.tolist(),
                  scores.tolist(), strict=True)  # fmt: skip
    return tuple(
        NetworkEdge(actors[i], actors[j], n, vc + mc, vf + mf, vf, mf, g, w, s)
        for (i, j), (vc, mc, vf, mf), n, g, w, s in columns
    )


def _nodes(actors: list[str], ends: np.ndarray, events: np.ndarray, weights: np.ndarray) -> tuple[NetworkNode, ...]:
    """Each actor's events, partners and positive and negative tie weights, summed over its edges."""
    ends_flat, size = ends.T.ravel(), len(actors)

    def per_actor(values: np.ndarray) -> list[float]:
        return list(np.bincount(ends_flat, np.concatenate([values, values]), size).tolist())

    totals, partners = per_actor(events), np.bincount(ends_flat, minlength=size).tolist()
    positive, negative = per_actor(np.clip(weights, 0, None)), per_actor(np.clip(-weights, 0, None))
    return tuple(
        NetworkNode(key, round(totals[i]), partners[i], positive[i], negative[i]) for i, key in enumerate(actors)
    )


def signed_network(pairs: Iterable[PairCounts], min_events: int = 1) -> SignedNetwork:
    """The network of every pair of distinct actors with at least ``min_events`` events.

    Built column-wise with numpy (pairs listed twice are summed with ``bincount``): a record per
    edge through ``relation_score`` took 26 ms for the 1,225 pairs of 50 actors, this takes 3.
    """
    keys, rows = _kept_pairs(pairs, min_events)
    if not keys:
        return SignedNetwork(nodes=(), edges=())
    actors, ends, sums = _merged(keys, rows)
    edges = _edges(actors, ends, sums)
    events = np.array([e.events for e in edges], dtype=float)
    weights = np.array([e.weight for e in edges])
    return SignedNetwork(nodes=_nodes(actors, ends, events, weights), edges=edges)
