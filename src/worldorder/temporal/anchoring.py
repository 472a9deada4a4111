"""Calendar arithmetic that places an underspecified date relative to a reference date.

An expression such as "Friday" or "Sept. 30" names a day only once we know which week or year is
meant. News reports mostly look back, so a past-tense (or tenseless) mention takes the latest such
day on or before the reference date and a future-tense one the earliest on or after it.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum


class Tense(StrEnum):
    """The tense of the clause a temporal expression sits in."""

    PAST = "past"
    PRESENT = "present"
    FUTURE = "future"
    UNKNOWN = "unknown"


class Precision(StrEnum):
    """How much of a date a normalised value pins down."""

    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    YEAR = "year"


@dataclass(frozen=True, slots=True)
class Resolution:
    """A normalised date value ("2024-10-11", "2024-W41", "2024-10", "2024") and its precision."""

    value: str
    precision: Precision


def day_resolution(day: date) -> Resolution:
    return Resolution(day.isoformat(), Precision.DAY)


def week_resolution(day: date) -> Resolution:
    """The ISO week containing ``day``: 2024-10-11 -> 2024-W41."""
    year, week, _ = day.isocalendar()
    return Resolution(f"{year:04d}-W{week:02d}", Precision.WEEK)


def month_resolution(year: int, month: int) -> Resolution:
    return Resolution(f"{year:04d}-{month:02d}", Precision.MONTH)


def year_resolution(year: int) -> Resolution:
    return Resolution(f"{year:04d}", Precision.YEAR)


def precision_of(value: str) -> Precision | None:
    """The precision a normalised value carries, or None for a value of another shape."""
    if len(value) == 10:
        return Precision.DAY
    if "-W" in value:
        return Precision.WEEK
    if len(value) == 7:
        return Precision.MONTH
    return Precision.YEAR if len(value) == 4 and value.isdigit() else None


def shift_months(year: int, month: int, months: int) -> tuple[int, int]:
    """(year, month) moved by ``months`` calendar months."""
    index = year * 12 + (month - 1) + months
    return index // 12, index % 12 + 1


def looks_forward(tense: Tense) -> bool:
    return tense is Tense.FUTURE


def weekday_on_or_before(reference: date, weekday: int) -> date:
    """The latest day with ISO ``weekday`` on or before ``reference``."""
    return reference - timedelta(days=(reference.isoweekday() - weekday) % 7)


def weekday_on_or_after(reference: date, weekday: int) -> date:
    return reference + timedelta(days=(weekday - reference.isoweekday()) % 7)


def anchor_weekday(reference: date, weekday: int, tense: Tense, relative: int | None = None) -> date:
    """The day meant by a weekday name; ``relative`` is -1 for "last Friday", +1 for "next Friday"."""
    if relative is not None and relative < 0:
        return weekday_on_or_before(reference - timedelta(days=1), weekday)
    if relative is not None and relative > 0:
        return weekday_on_or_after(reference + timedelta(days=1), weekday)
    if looks_forward(tense):
        return weekday_on_or_after(reference, weekday)
    return weekday_on_or_before(reference, weekday)


def anchor_month(reference: date, month: int, tense: Tense, relative: int | None = None) -> tuple[int, int]:
    """The (year, month) meant by a bare month name ("in March", "last November")."""
    this_year = reference.year
    if relative == 0:
        return this_year, month
    if relative is not None and relative < 0:
        return (this_year if month < reference.month else this_year - 1), month
    if (relative is not None and relative > 0) or looks_forward(tense):
        strictly = relative is not None
        later = month > reference.month or (month == reference.month and not strictly)
        return (this_year if later else this_year + 1), month
    return (this_year if month <= reference.month else this_year - 1), month


def anchor_month_day(reference: date, month: int, day: int, tense: Tense) -> date | None:
    """The date meant by "Sept. 30" without a year: the nearest such date in the tense's direction."""
    candidates = [safe_date(reference.year + shift, month, day) for shift in (-1, 0, 1)]
    dates = [d for d in candidates if d is not None]
    if not dates:
        return None
    if looks_forward(tense):
        ahead = [d for d in dates if d >= reference]
        return min(ahead) if ahead else max(dates)
    behind = [d for d in dates if d <= reference]
    return max(behind) if behind else min(dates)


def nth_weekday_of_month(year: int, month: int, weekday: int, nth: int) -> date:
    """The ``nth`` (1-based; -1 for the last) ISO ``weekday`` of a month."""
    days = [
        date(year, month, d)
        for d in range(1, calendar.monthrange(year, month)[1] + 1)
        if date(year, month, d).isoweekday() == weekday
    ]
    return days[nth - 1] if nth > 0 else days[nth]


def shift_days(reference: date, days: int) -> date:
    return reference + timedelta(days=days)


def safe_date(year: int, month: int, day: int) -> date | None:
    """``date(year, month, day)`` or None when no such day exists (Feb. 30)."""
    try:
        return date(year, month, day)
    except ValueError:
        return None
