from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest

from tests.analysis.records import ATTACK, Pair, Period
from worldorder.analysis import off_chart, overall_score, relation_score, relation_timeline


@pytest.mark.parametrize(
    ("pair", "expected"),
    [
        (Pair("A", "B"), 0.0),
        (Pair("A", "B", verbal_cooperation=2, goldstein=2.0), 0.1),
        (Pair("A", "B", material_conflict=1, goldstein=ATTACK), -1.0),
        (Pair("A", "B", verbal_cooperation=1, material_conflict=1, goldstein=10.0 + ATTACK), 0.0),
        (Pair("A", "B", verbal_conflict=1, goldstein=-30.0), -1.0),  # clipped to the scale
    ],
)
def test_relation_score_is_mean_goldstein_over_ten(pair: Pair, expected: float) -> None:
    assert relation_score(pair) == pytest.approx(expected)


def test_relation_timeline_orders_periods_and_keeps_events_behind_each_point() -> None:
    points = [
        Period(date(2024, 3, 1), verbal_conflict=1, goldstein=-2.0, event_ids=(7,)),
        Period(date(2024, 1, 1), verbal_cooperation=2, material_cooperation=1, goldstein=9.0, event_ids=(1, 2, 3)),
    ]
    timeline = relation_timeline(points)
    assert [p.period.month for p in timeline] == [1, 3]
    assert [p.event_ids for p in timeline] == [(1, 2, 3), (7,)]
    assert (timeline[0].events, timeline[0].cooperation, timeline[0].conflict) == (3, 3, 0)
    assert timeline[0].score == pytest.approx(0.3)
    assert timeline[1].score == pytest.approx(-0.2)


def test_relation_timeline_of_no_points_is_empty() -> None:
    assert relation_timeline([]) == []


@dataclass(frozen=True, slots=True)
class Dated:
    event_id: int
    date_start: date | None
    date_precision: str | None
    goldstein: float = 1.0
    modality: str = "asserted"


@pytest.mark.parametrize(
    ("interval", "coarse"),
    [("day", [2, 3, 4]), ("week", [3, 4]), ("month", [4])],
)
def test_off_chart_puts_events_known_less_precisely_than_the_interval_apart(interval: str, coarse: list[int]) -> None:
    events = [
        Dated(1, date(2024, 5, 3), "day"),
        Dated(2, date(2024, 4, 29), "week"),
        Dated(3, date(2024, 5, 1), "month"),
        Dated(4, date(2024, 1, 1), "year"),
        Dated(5, None, None),
        Dated(6, date(2024, 5, 3), "day", modality="negated"),
    ]
    apart = off_chart(events, interval)
    assert [e.event_id for e in apart.coarse] == coarse
    assert (apart.undated, apart.negated) == ((5,), (6,))


def test_overall_score_weighs_spans_like_points() -> None:
    points = relation_timeline([Period(date(2024, 1, 1), material_conflict=1, goldstein=ATTACK)])
    assert overall_score(points, [Dated(9, date(2024, 1, 1), "year", goldstein=10.0)]) == 0.0
    assert overall_score([], []) == 0.0
