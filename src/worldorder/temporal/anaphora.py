"""Expressions that point back at the last date mentioned: "that day", "the following year".

"Rebels took the town on March 3; troops retook it the following day" dates the retaking to
March 4, whatever the publication date. The antecedent is the nearest preceding expression that
was resolved; an anaphor finer than its antecedent ("that day" after "in 2019") stays unresolved.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from worldorder.temporal.anchoring import (
    Precision,
    Resolution,
    day_resolution,
    month_resolution,
    shift_months,
    week_resolution,
    year_resolution,
)
from worldorder.temporal.vocabulary import CalendarVocabulary

UNIT_PRECISIONS = {"day": Precision.DAY, "week": Precision.WEEK, "month": Precision.MONTH, "year": Precision.YEAR}
FINENESS = [Precision.DAY, Precision.WEEK, Precision.MONTH, Precision.YEAR]


def anaphor_pattern(vocabulary: CalendarVocabulary) -> re.Pattern[str]:
    """'(earlier|later) that day', 'the following week' and the like, matched case-insensitively."""
    words = "|".join(re.escape(w) for w in sorted(vocabulary.anaphoric_words, key=len, reverse=True))
    return re.compile(rf"(?:(?:earlier|later|early|late)\s+)?(?P<word>{words})\s+(?P<unit>day|week|month|year)", re.I)


def first_day(resolution: Resolution) -> date:
    """The first day of the period a value names."""
    value = resolution.value
    if resolution.precision is Precision.WEEK:
        return date.fromisocalendar(int(value[:4]), int(value[6:8]), 1)
    parts = [int(p) for p in value.split("-")] + [1, 1]
    return date(parts[0], parts[1], parts[2])


def resolve_anaphor(match: re.Match[str], antecedent: Resolution, vocabulary: CalendarVocabulary) -> Resolution | None:
    """The antecedent moved by the anaphor's step, at the anaphor's unit; None if it is too coarse."""
    unit = UNIT_PRECISIONS[match["unit"].lower()]
    if FINENESS.index(antecedent.precision) > FINENESS.index(unit):
        return None
    step = vocabulary.anaphoric_words[" ".join(match["word"].lower().split())]
    return shifted(first_day(antecedent), unit, step)


def shifted(start: date, unit: Precision, steps: int) -> Resolution:
    if unit is Precision.DAY:
        return day_resolution(start + timedelta(days=steps))
    if unit is Precision.WEEK:
        return week_resolution(start + timedelta(weeks=steps))
    if unit is Precision.MONTH:
        return month_resolution(*shift_months(start.year, start.month, steps))
    return year_resolution(start.year + steps)
