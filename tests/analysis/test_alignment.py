from __future__ import annotations

import pytest

from tests.analysis.records import Pair, accusations, meetings, two_camps
from worldorder.analysis import alignment_shifts, find_blocs, signed_network
from worldorder.analysis.alignment import profile_shift
from worldorder.analysis.blocs import BlocPartition
from worldorder.analysis.network import SignedNetwork


def period(pairs: list[Pair]) -> tuple[SignedNetwork, BlocPartition]:
    network = signed_network(pairs)
    return network, find_blocs(network)


def defection() -> list[Pair]:
    """CCC leaves the East and joins the West."""
    return [
        meetings("AAA", "BBB", 4),
        meetings("XXX", "YYY", 3),
        meetings("YYY", "ZZZ", 2),
        meetings("CCC", "XXX", 3),
        meetings("CCC", "ZZZ", 2),
        accusations("CCC", "AAA", 3),
        accusations("XXX", "AAA", 3),
        accusations("YYY", "BBB", 2),
    ]


def test_alignment_shifts_rank_the_defector_first() -> None:
    shifts = alignment_shifts(period(two_camps()), period(defection()))
    assert shifts[0].key == "CCC"
    ccc = shifts[0]
    assert set(ccc.allies_before) == {"AAA", "BBB"}
    assert "AAA" in ccc.left and "XXX" in ccc.joined
    assert (ccc.changes[0].partner, ccc.changes[0].before, ccc.changes[0].after) == ("ZZZ", -1.0, 0.3)


def test_alignment_shifts_of_identical_periods_are_zero() -> None:
    shifts = alignment_shifts(period(two_camps()), period(two_camps()))
    assert all(s.shift == pytest.approx(0.0, abs=1e-12) for s in shifts)
    assert all(not s.joined and not s.left for s in shifts)


def test_alignment_shifts_put_actors_of_one_period_last() -> None:
    shifts = alignment_shifts(period(two_camps()), period([*two_camps(), meetings("NEW", "AAA", 1)]))
    assert shifts[-1].key == "NEW" and shifts[-1].shift is None


@pytest.mark.parametrize(
    ("before", "after", "expected"),
    [
        ({"A": 0.5}, {"A": 0.5}, 0.0),
        ({"A": 0.5}, {"B": 0.5}, 1.0),
        ({"A": 0.5, "B": -0.2}, {"A": -0.5, "B": 0.2}, 2.0),
        ({}, {"A": 0.1}, None),
    ],
)
def test_profile_shift_is_one_minus_cosine(
    before: dict[str, float], after: dict[str, float], expected: float | None
) -> None:
    result = profile_shift(before, after)
    assert result == (None if expected is None else pytest.approx(expected))
