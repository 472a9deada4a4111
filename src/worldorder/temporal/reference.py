"""The reference date of an article that carries no publication date: its latest full explicit date."""

from __future__ import annotations

from datetime import date

from worldorder.temporal.anchoring import Precision
from worldorder.temporal.normalise import normalise_expression
from worldorder.temporal.surface import find_matches, shipped_patterns


def full_dates_in(text: str) -> list[date]:
    """Every complete explicit date in the text ("Oct. 11, 2024", "11 October 2024", "2024-10-11")."""
    found = []
    for start, end in find_matches(text, shipped_patterns().full_dates):
        resolution = normalise_expression(text[start:end], None)
        if resolution is not None and resolution.precision is Precision.DAY:
            found.append(date.fromisoformat(resolution.value))
    return found


def infer_reference_date(text: str) -> date | None:
    """The latest full explicit date in the text, or None when it names none."""
    return max(full_dates_in(text), default=None)
