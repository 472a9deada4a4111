"""Normalising one expression's text against a reference date (no spaCy needed)."""

from __future__ import annotations

from datetime import date

import pytest

from worldorder.temporal import Precision, Tense, normalise_expression
from worldorder.temporal.normalise import clean_expression
from worldorder.temporal.vocabulary import calendar_vocabulary

FRIDAY = date(2024, 10, 11)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Oct. 11, 2024", "2024-10-11"),
        ("11 October 2024", "2024-10-11"),
        ("the 3rd of March, 2021", "2021-03-03"),
        ("Wednesday, Jan. 8, 2020", "2020-01-08"),
        ("2024-10-11", "2024-10-11"),
        ("10/11/24", "2024-10-11"),
        ("25/12/2019", "2019-12-25"),
        ("October 2024", "2024-10"),
        ("March 2022", "2022-03"),
        ("2022", "2022"),
        ("since 2022", "2022"),
        ("mid-1996", "1996"),
        ("fiscal 1989", "1989"),
        ("the end of 1990", "1990"),
        ("the first six months of 2023", "2023"),
        ("between 1994 and 1997", "1994"),
        ("nineteen ninety-six", "1996"),
        ("the year two thousand", "2000"),
    ],
)
def test_normalise_explicit_dates_need_no_reference(text: str, expected: str) -> None:
    resolution = normalise_expression(text, None)
    assert resolution is not None and resolution.value == expected


@pytest.mark.parametrize(
    ("text", "tense", "expected"),
    [
        ("today", Tense.UNKNOWN, "2024-10-11"),
        ("tonight", Tense.FUTURE, "2024-10-11"),
        ("yesterday", Tense.PAST, "2024-10-10"),
        ("late yesterday", Tense.PAST, "2024-10-10"),
        ("tomorrow", Tense.FUTURE, "2024-10-12"),
        ("the day before yesterday", Tense.PAST, "2024-10-09"),
        ("on Friday", Tense.PAST, "2024-10-11"),
        ("Thursday", Tense.PAST, "2024-10-10"),
        ("Monday", Tense.FUTURE, "2024-10-14"),
        ("Monday", Tense.PAST, "2024-10-07"),
        ("Tuesday night", Tense.PAST, "2024-10-08"),
        ("last Friday", Tense.PAST, "2024-10-04"),
        ("next Wednesday", Tense.FUTURE, "2024-10-16"),
        ("Sept. 30", Tense.PAST, "2024-09-30"),
        ("Dec. 2", Tense.FUTURE, "2024-12-02"),
        ("Dec. 2", Tense.PAST, "2023-12-02"),
        ("April 24 and 25", Tense.PAST, "2024-04-24"),
        ("this week", Tense.PAST, "2024-W41"),
        ("earlier this week", Tense.PAST, "2024-W41"),
        ("last week", Tense.PAST, "2024-W40"),
        ("next week's", Tense.FUTURE, "2024-W42"),
        ("the week of Sept. 2", Tense.PAST, "2024-W36"),
        ("last month", Tense.PAST, "2024-09"),
        ("later this month", Tense.FUTURE, "2024-10"),
        ("last November", Tense.PAST, "2023-11"),
        ("November", Tense.FUTURE, "2024-11"),
        ("early March", Tense.PAST, "2024-03"),
        ("January this year", Tense.PAST, "2024-01"),
        ("June last year", Tense.PAST, "2023-06"),
        ("last year", Tense.PAST, "2023"),
        ("last year's", Tense.PAST, "2023"),
        ("early next year", Tense.FUTURE, "2025"),
        ("the current fiscal year", Tense.PRESENT, "2024"),
        ("two months ago", Tense.PAST, "2024-08"),
        ("a year ago", Tense.PAST, "2023"),
        ("41 years ago", Tense.PAST, "1983"),
        ("three days later", Tense.PAST, "2024-10-14"),
        ("two weeks ago", Tense.PAST, "2024-W39"),
        ("year-earlier", Tense.PAST, "2023"),
        ("Christmas", Tense.PAST, "2023-12-25"),
        ("Thanksgiving", Tense.FUTURE, "2024-11-28"),
    ],
)
def test_normalise_relative_dates_anchor_on_reference(text: str, tense: Tense, expected: str) -> None:
    resolution = normalise_expression(text, FRIDAY, tense)
    assert resolution is not None and resolution.value == expected


@pytest.mark.parametrize(
    "text", ["recent years", "the 1990s", "three weeks", "decades", "a year", "quarterly", "the past five years"]
)
def test_normalise_stretches_of_time_have_no_value(text: str) -> None:
    assert normalise_expression(text, FRIDAY) is None


@pytest.mark.parametrize("text", ["yesterday", "Friday", "Sept. 30", "last month", "a year ago"])
def test_normalise_relative_dates_need_a_reference(text: str) -> None:
    assert normalise_expression(text, None) is None


@pytest.mark.parametrize(
    ("text", "precision"),
    [("Friday", Precision.DAY), ("this week", Precision.WEEK), ("March", Precision.MONTH), ("2001", Precision.YEAR)],
)
def test_normalise_reports_precision(text: str, precision: Precision) -> None:
    resolution = normalise_expression(text, FRIDAY)
    assert resolution is not None and resolution.precision is precision


@pytest.mark.parametrize(
    ("text", "cleaned"),
    [
        ("Sept. 30,", "sept 30"),
        ("the end of the year", "year"),
        ("early-December", "december"),
        ("Friday morning", "friday"),
        ("last month’s", "last month"),
    ],
)
def test_clean_expression_drops_hedges_punctuation_and_day_parts(text: str, cleaned: str) -> None:
    assert clean_expression(text, calendar_vocabulary()) == cleaned


@pytest.mark.parametrize("text", ["3000", "13/13/2020", "Feb. 30"])
def test_normalise_rejects_impossible_dates(text: str) -> None:
    assert normalise_expression(text, FRIDAY) is None


def test_normalise_impossible_day_keeps_its_year() -> None:
    resolution = normalise_expression("Feb. 30, 2024", FRIDAY)
    assert resolution is not None and resolution.value == "2024"
