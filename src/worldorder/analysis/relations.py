"""Cooperation and conflict between two actors over time, with a normalised relation score.

The relation score of a set of events is their mean Goldstein score divided by 10, so it lies
in [-1, 1]: -1 when every event is the most hostile kind (military attack, -10), +1 when every
event is the most cooperative (+10), 0 for neutral or balanced relations. Dividing by the number
of events (not summing) makes a pair that meets twice a month comparable with one that meets
weekly; the count is reported beside it so volume is not lost.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Protocol

GOLDSTEIN_RANGE = 10.0  # the Goldstein scale runs from -10 to +10


class RelationCounts(Protocol):
    """Event counts by quad class and their Goldstein sum (the store's RelationPoint, DyadWeight)."""

    @property
    def verbal_cooperation(self) -> int: ...
    @property
    def material_cooperation(self) -> int: ...
    @property
    def verbal_conflict(self) -> int: ...
    @property
    def material_conflict(self) -> int: ...
    @property
    def goldstein(self) -> float: ...


class PeriodCounts(RelationCounts, Protocol):
    """Counts for one period of a relation timeline, with the events behind them."""

    @property
    def period(self) -> date: ...
    @property
    def event_ids(self) -> tuple[int, ...]: ...


def event_total(counts: RelationCounts) -> int:
    """Events counted over the four quad classes."""
    return counts.verbal_cooperation + counts.material_cooperation + counts.verbal_conflict + counts.material_conflict


def relation_score(counts: RelationCounts) -> float:
    """Mean Goldstein score / 10, in [-1, 1]; 0 when there are no events."""
    total = event_total(counts)
    if total == 0:
        return 0.0
    return max(-1.0, min(1.0, counts.goldstein / (GOLDSTEIN_RANGE * total)))


@dataclass(frozen=True, slots=True)
class TimelinePoint:
    """One period of a pair's relation: counts, Goldstein sum, score and the events behind it."""

    period: date
    events: int
    cooperation: int
    conflict: int
    verbal_cooperation: int
    material_cooperation: int
    verbal_conflict: int
    material_conflict: int
    goldstein: float
    score: float
    event_ids: tuple[int, ...]


def timeline_point(point: PeriodCounts) -> TimelinePoint:
    """A store period with its totals and normalised score."""
    return TimelinePoint(
        period=point.period,
        events=event_total(point),
        cooperation=point.verbal_cooperation + point.material_cooperation,
        conflict=point.verbal_conflict + point.material_conflict,
        verbal_cooperation=point.verbal_cooperation,
        material_cooperation=point.material_cooperation,
        verbal_conflict=point.verbal_conflict,
        material_conflict=point.material_conflict,
        goldstein=point.goldstein,
        score=relation_score(point),
        event_ids=tuple(point.event_ids),
    )


def relation_timeline(points: Sequence[PeriodCounts]) -> list[TimelinePoint]:
    """The pair's timeline in period order, each point scored."""
    return [timeline_point(p) for p in sorted(points, key=lambda p: p.period)]


def timeline_score(points: Sequence[TimelinePoint]) -> float:
    """The relation score over a whole timeline (mean Goldstein / 10 of all its events)."""
    events = sum(p.events for p in points)
    if events == 0:
        return 0.0
    return max(-1.0, min(1.0, sum(p.goldstein for p in points) / (GOLDSTEIN_RANGE * events)))
