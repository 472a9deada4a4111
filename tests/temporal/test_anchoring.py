"""Placing underspecified dates relative to a reference date."""

from __future__ import annotations

from datetime import date

import pytest

from worldorder.temporal.anchoring import (
    Precision,
    Tense,
    anchor_month,
    anchor_month_day,
    anchor_weekday,
    nth_weekday_of_month,
    precision_of,
    shift_months,
    week_resolution,
)

THURSDAY = date(2024, 10, 10)
FRIDAY, MONDAY, TUESDAY = 5, 1, 2


@pytest.mark.parametrize(
    ("weekday", "tense", "relative", "expected"),
    [
        (FRIDAY, Tense.PAST, None, date(2024, 10, 4)),
        (FRIDAY, Tense.FUTURE, None, date(2024, 10, 11)),
        (FRIDAY, Tense.UNKNOWN, None, date(2024, 10, 11)),  # one day ahead beats six back
        (MONDAY, Tense.UNKNOWN, None, date(2024, 10, 7)),
        (4, Tense.PAST, None, THURSDAY),  # the reference day itself
        (4, Tense.UNKNOWN, -1, date(2024, 10, 3)),  # "last Thursday" is never today
        (4, Tense.UNKNOWN, 1, date(2024, 10, 17)),
        (TUESDAY, Tense.FUTURE, None, date(2024, 10, 15)),
    ],
)
def test_anchor_weekday_follows_tense_and_relative_word(
    weekday: int, tense: Tense, relative: int | None, expected: date
) -> None:
    assert anchor_weekday(THURSDAY, weekday, tense, relative) == expected


@pytest.mark.parametrize(
    ("month", "tense", "relative", "expected"),
    [
        (3, Tense.PAST, None, (2024, 3)),
        (12, Tense.PAST, None, (2023, 12)),
        (12, Tense.UNKNOWN, None, (2024, 12)),  # two months ahead is nearer than ten back
        (12, Tense.FUTURE, None, (2024, 12)),
        (4, Tense.UNKNOWN, None, (2024, 4)),  # six either way: the past wins
        (11, Tense.UNKNOWN, -1, (2023, 11)),
        (9, Tense.UNKNOWN, -1, (2024, 9)),
        (2, Tense.UNKNOWN, 1, (2025, 2)),
        (2, Tense.UNKNOWN, 0, (2024, 2)),
    ],
)
def test_anchor_month_picks_the_year(month: int, tense: Tense, relative: int | None, expected: tuple[int, int]) -> None:
    assert anchor_month(THURSDAY, month, tense, relative) == expected


@pytest.mark.parametrize(
    ("month", "day", "tense", "weekday", "expected"),
    [
        (9, 30, Tense.PAST, None, date(2024, 9, 30)),
        (11, 5, Tense.UNKNOWN, None, date(2024, 11, 5)),
        (11, 5, Tense.PAST, None, date(2023, 11, 5)),
        (1, 15, Tense.FUTURE, None, date(2025, 1, 15)),
        (10, 26, Tense.UNKNOWN, 4, date(2023, 10, 26)),  # 26 Oct 2023 was a Thursday
        (2, 30, Tense.UNKNOWN, None, None),
    ],
)
def test_anchor_month_day_uses_tense_and_weekday(
    month: int, day: int, tense: Tense, weekday: int | None, expected: date | None
) -> None:
    assert anchor_month_day(THURSDAY, month, day, tense, weekday) == expected


@pytest.mark.parametrize(
    ("year", "month", "steps", "expected"),
    [(2024, 1, -1, (2023, 12)), (2024, 11, 3, (2025, 2)), (2024, 5, -17, (2022, 12)), (2024, 5, 0, (2024, 5))],
)
def test_shift_months_crosses_years(year: int, month: int, steps: int, expected: tuple[int, int]) -> None:
    assert shift_months(year, month, steps) == expected


@pytest.mark.parametrize(
    ("day", "expected"),
    [(date(2024, 10, 11), "2024-W41"), (date(2021, 1, 2), "2020-W53"), (date(2024, 12, 30), "2025-W01")],
)
def test_week_resolution_uses_iso_weeks(day: date, expected: str) -> None:
    assert week_resolution(day).value == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-10-11", Precision.DAY),
        ("2024-W41", Precision.WEEK),
        ("2024-10", Precision.MONTH),
        ("2024", Precision.YEAR),
        ("2024-Q3", None),
        ("199", None),
    ],
)
def test_precision_of_reads_the_value_shape(value: str, expected: Precision | None) -> None:
    assert precision_of(value) == expected


@pytest.mark.parametrize(
    ("year", "month", "weekday", "nth", "expected"),
    [(2024, 11, 4, 4, date(2024, 11, 28)), (2024, 5, 1, -1, date(2024, 5, 27)), (2024, 9, 1, 1, date(2024, 9, 2))],
)
def test_nth_weekday_of_month_counts_from_either_end(
    year: int, month: int, weekday: int, nth: int, expected: date
) -> None:
    assert nth_weekday_of_month(year, month, weekday, nth) == expected
