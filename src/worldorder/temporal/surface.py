"""Surface patterns that find date expressions in raw text, built from the calendar vocabulary.

They serve two purposes: finding the full explicit dates an article carries (to infer its
reference date) and catching date expressions the statistical NER misses or swallows into a TIME
entity ("10:35 a.m. Friday"). Only unambiguous shapes are listed: a capitalised weekday name, a
month name followed by a day or year, a day word ("yesterday"), "last week", ISO dates, and a year
after a preposition ("since 2022").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache

from worldorder.temporal.vocabulary import CalendarVocabulary, calendar_vocabulary

# Abbreviations of three letters or fewer ("Sun", "Wed", "Sat", "Mar") are ordinary words too often
# to be searched for on their own; they still count inside a longer date ("Wed., Oct. 9, 2024").
SHORTEST_STANDALONE_NAME = 4
DATE_GROUP = "date"


@dataclass(frozen=True, slots=True)
class SurfacePatterns:
    """Compiled patterns; a match's ``date`` group (or the whole match) is the expression."""

    full_dates: tuple[re.Pattern[str], ...]
    candidates: tuple[re.Pattern[str], ...]


def _titles(words: Iterable[str], shortest: int = 1) -> str:
    titled = sorted({w.title() for w in words if len(w) >= shortest and w.isalpha()}, key=len, reverse=True)
    return "|".join(re.escape(w) for w in titled)


def _titles_of_phrases(phrases: Iterable[str]) -> str:
    """'new year's day' -> "New Year's Day", longest first."""
    titled = sorted({" ".join(w[:1].upper() + w[1:] for w in p.split()) for p in phrases}, key=len, reverse=True)
    return "|".join(re.escape(p) for p in titled)


def _words(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def build_patterns(vocabulary: CalendarVocabulary) -> SurfacePatterns:
    """Compile the surface patterns for a vocabulary."""
    month, weekday = _titles(vocabulary.months), _titles(vocabulary.weekdays)
    nth = r"\d{1,2}(?:st|nd|rd|th)?"
    on_weekday = rf"(?:(?:{weekday})\.?,?\s+)?"
    full_dates = (
        rf"\b{on_weekday}(?:{month})\.?\s+{nth},?\s+\d{{4}}\b",
        rf"\b{on_weekday}{nth}\s+(?:of\s+)?(?:{month})\.?,?\s+\d{{4}}\b",
        r"(?<![\d-])\d{4}-\d{2}-\d{2}(?![\d-])",
    )
    return SurfacePatterns(
        full_dates=tuple(re.compile(p) for p in full_dates),
        candidates=tuple(re.compile(p) for p in (*full_dates, *_candidate_patterns(vocabulary, nth))),
    )


def _candidate_patterns(vocabulary: CalendarVocabulary, nth: str) -> tuple[str, ...]:
    month = _titles(vocabulary.months, SHORTEST_STANDALONE_NAME)
    weekday = _titles(vocabulary.weekdays, SHORTEST_STANDALONE_NAME)
    relative, unit = _words(vocabulary.relative_words), _words(vocabulary.units)
    return (
        rf"\b(?:{month})\.?\s+{nth}(?!\d)\b",
        rf"\b(?:{month})\.?,?\s+\d{{4}}\b",
        rf"\b(?:(?:{relative})\s+)?(?:{weekday})\b",
        rf"(?i)\b(?:{_words(vocabulary.day_words)})\b",
        rf"\b(?:{_titles_of_phrases([*vocabulary.fixed_holidays, *vocabulary.nth_weekday_holidays])})\b",
        rf"(?i)\b(?:{relative})\s+(?:{unit})\b",
        rf"\b(?:in|since|by|until|from|during|before|after)\s+(?P<{DATE_GROUP}>1[89]\d\d|20\d\d)\b(?![,.]?\d)",
    )


@cache
def shipped_patterns() -> SurfacePatterns:
    return build_patterns(calendar_vocabulary())


def _expression_bounds(match: re.Match[str]) -> tuple[int, int]:
    group = DATE_GROUP if DATE_GROUP in match.re.groupindex else 0
    return match.start(group), match.end(group)


def find_matches(text: str, patterns: Iterable[re.Pattern[str]]) -> Iterator[tuple[int, int]]:
    """(start, end) of every match of every pattern, possibly overlapping."""
    for pattern in patterns:
        for match in pattern.finditer(text):
            yield _expression_bounds(match)


def longest_first_disjoint(bounds: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Keep the longest of overlapping stretches, in text order."""
    kept: list[tuple[int, int]] = []
    for start, end in sorted(set(bounds), key=lambda b: (b[0] - b[1], b[0])):
        if all(end <= s or e <= start for s, e in kept):
            kept.append((start, end))
    return sorted(kept)
