"""How each actor's alignment shifts between two periods.

An actor's *relation profile* in a period is its relation score (mean Goldstein / 10) with
every partner. Its shift is one minus the cosine similarity of its two profiles over the union
of partners (a partner absent in one period counts 0 there): 0 when it relates to everyone as
before, 1 when the profiles share nothing, 2 when friends became enemies and enemies friends.
Beside it: its bloc-mates in each period (bloc ids are not comparable across periods, members
are) and the partners whose score moved most.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from worldorder.analysis.blocs import BlocPartition
from worldorder.analysis.network import SignedNetwork

TOP_CHANGES = 5


@dataclass(frozen=True, slots=True)
class PartnerChange:
    partner: str
    before: float | None  # relation score in the first period (None: no events)
    after: float | None
    change: float  # after - before, absent counted as 0


@dataclass(frozen=True, slots=True)
class AlignmentShift:
    key: str
    shift: float | None  # 1 - cosine similarity of the profiles; None when absent from a period
    allies_before: tuple[str, ...]  # bloc-mates in the first period
    allies_after: tuple[str, ...]
    joined: tuple[str, ...]  # bloc-mates now that were not before
    left: tuple[str, ...]  # bloc-mates before that are not now
    changes: tuple[PartnerChange, ...]  # largest moves first


def relation_profile(network: SignedNetwork, key: str) -> dict[str, float]:
    """Partner -> relation score for one actor."""
    profile = {}
    for edge in network.edges:
        if key in (edge.a, edge.b):
            profile[edge.b if edge.a == key else edge.a] = edge.score
    return profile


def profile_shift(before: dict[str, float], after: dict[str, float]) -> float | None:
    """1 - cosine similarity over the union of partners; None if either profile is empty."""
    partners = sorted(before.keys() | after.keys())
    x = [before.get(p, 0.0) for p in partners]
    y = [after.get(p, 0.0) for p in partners]
    norm = math.hypot(*x) * math.hypot(*y)
    if norm == 0:
        return None
    return 1.0 - sum(a * b for a, b in zip(x, y, strict=True)) / norm


def partner_changes(before: dict[str, float], after: dict[str, float]) -> tuple[PartnerChange, ...]:
    """The partners whose relation score moved most, largest first."""
    changes = [
        PartnerChange(p, before.get(p), after.get(p), after.get(p, 0.0) - before.get(p, 0.0))
        for p in before.keys() | after.keys()
    ]
    changes.sort(key=lambda c: (-abs(c.change), c.partner))
    return tuple(changes[:TOP_CHANGES])


def bloc_mates(partition: BlocPartition, key: str) -> tuple[str, ...]:
    bloc = partition.bloc_of(key)
    members = partition.blocs[bloc].members if bloc is not None else ()
    return tuple(m for m in members if m != key)


def alignment_shift(
    key: str, before: tuple[SignedNetwork, BlocPartition], after: tuple[SignedNetwork, BlocPartition]
) -> AlignmentShift:
    profile_before, profile_after = relation_profile(before[0], key), relation_profile(after[0], key)
    mates_before, mates_after = bloc_mates(before[1], key), bloc_mates(after[1], key)
    return AlignmentShift(
        key=key,
        shift=profile_shift(profile_before, profile_after),
        allies_before=mates_before,
        allies_after=mates_after,
        joined=tuple(m for m in mates_after if m not in mates_before),
        left=tuple(m for m in mates_before if m not in mates_after),
        changes=partner_changes(profile_before, profile_after),
    )


def alignment_shifts(
    before: tuple[SignedNetwork, BlocPartition], after: tuple[SignedNetwork, BlocPartition]
) -> list[AlignmentShift]:
    """Every actor of either period, the most shifted first (actors in one period only last)."""
    keys = sorted(set(before[0].keys) | set(after[0].keys))
    shifts = [alignment_shift(k, before, after) for k in keys]
    return sorted(shifts, key=lambda s: (s.shift is None, -(s.shift or 0.0), s.key))
