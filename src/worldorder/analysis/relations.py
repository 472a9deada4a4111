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
from typing import Generic, Protocol, TypeVar

GOLDSTEIN_RANGE = 10.0  # the Goldstein scale runs from -10 to +10
FINENESS = ("day", "week", "month", "year")  # date precisions, finest first


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


class PairEventLike(Protocol):
    """One event of a pair as the store's ``PairEvent`` gives it."""

    @property
    def event_id(self) -> int: ...
    @property
    def date_start(self) -> date | None: ...
    @property
    def date_precision(self) -> str | None: ...
    @property
    def goldstein(self) -> float: ...
    @property
    def modality(self) -> str: ...


E = TypeVar("E", bound=PairEventLike)


@dataclass(frozen=True, slots=True)
class OffChart(Generic[E]):
    """A pair's events that a chart by ``interval`` cannot draw as a point of one period."""

    coarse: tuple[E, ...]  # dated less precisely than the interval: a span, not a point
    undated: tuple[int, ...]
    negated: tuple[int, ...]  # "did not meet": listed, never scored


def off_chart(events: Sequence[E], interval: str) -> OffChart[E]:
    """Split the events a timeline by ``interval`` leaves off its bars: coarse, undated, negated."""
    fine = FINENESS[: FINENESS.index(interval) + 1]
    negated = tuple(e.event_id for e in events if e.modality == "negated")
    kept = [e for e in events if e.modality != "negated"]
    undated = tuple(e.event_id for e in kept if e.date_start is None)
    coarse = tuple(e for e in kept if e.date_start is not None and (e.date_precision or "day") not in fine)
    return OffChart(coarse, undated, negated)


def overall_score(points: Sequence[TimelinePoint], coarse: Sequence[PairEventLike]) -> float:
    """The relation score of every dated event: the timeline's points and the coarse spans."""
    events = sum(p.events for p in points) + len(coarse)
    goldstein = sum(p.goldstein for p in points) + sum(e.goldstein for e in coarse)
    return max(-1.0, min(1.0, goldstein / (GOLDSTEIN_RANGE * events))) if events else 0.0
