from __future__ import annotations

from datetime import date

import pytest

from tests.analysis.records import ATTACK, Pair, Period
from worldorder.analysis import relation_score, relation_timeline


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
