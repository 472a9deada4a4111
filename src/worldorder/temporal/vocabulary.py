"""The calendar vocabulary (month and weekday names, relative words) shipped as ``data/calendar.yaml``."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import yaml

CALENDAR_FILE = "calendar.yaml"


@dataclass(frozen=True, slots=True)
class CalendarVocabulary:
    """Words that name calendar units, read once from the shipped YAML file."""

    months: Mapping[str, int]  # "sept" -> 9
    weekdays: Mapping[str, int]  # "friday" -> 5 (ISO, Monday is 1)
    day_words: Mapping[str, int]  # "yesterday" -> -1
    relative_words: Mapping[str, int]  # "last" -> -1
    units: Mapping[str, str]  # "weeks" -> "week"
    offset_directions: Mapping[str, int]  # "ago" -> -1
    number_words: Mapping[str, int | None]  # "three" -> 3, "several" -> None
    spoken_centuries: Mapping[str, int]
    spoken_tens: Mapping[str, int]
    spoken_units: Mapping[str, int]
    leading_hedges: tuple[str, ...]  # longest first
    day_parts: tuple[str, ...]
    fixed_holidays: Mapping[str, tuple[int, int]]
    nth_weekday_holidays: Mapping[str, tuple[int, int, int]]
    future_auxiliaries: frozenset[str]
    planning_verbs: frozenset[str]
    unresolved_time_words: frozenset[str]
    age_pattern: str
    anaphoric_words: Mapping[str, int]  # "the following" -> 1


def _invert(groups: Mapping[Any, list[str]]) -> dict[str, Any]:
    """{1: ["january", "jan"]} -> {"january": 1, "jan": 1}."""
    return {str(word): key for key, words in groups.items() for word in words}


def _longest_first(words: list[str]) -> tuple[str, ...]:
    return tuple(sorted(words, key=len, reverse=True))


def vocabulary_from_mapping(raw: Mapping[str, Any]) -> CalendarVocabulary:
    """Build the vocabulary from the parsed YAML document."""
    return CalendarVocabulary(
        months={w: int(n) for w, n in _invert(raw["months"]).items()},
        weekdays={w: int(n) for w, n in _invert(raw["weekdays"]).items()},
        day_words=dict(raw["day_words"]),
        relative_words=dict(raw["relative_words"]),
        units=_invert(raw["units"]),
        offset_directions=dict(raw["offset_directions"]),
        number_words=dict(raw["number_words"]),
        spoken_centuries=dict(raw["spoken_year_centuries"]),
        spoken_tens=dict(raw["spoken_year_tens"]),
        spoken_units=dict(raw["spoken_year_units"]),
        leading_hedges=_longest_first(raw["leading_hedges"]),
        day_parts=_longest_first(raw["day_parts"]),
        fixed_holidays={k: (int(v[0]), int(v[1])) for k, v in raw["fixed_holidays"].items()},
        nth_weekday_holidays={k: (int(v[0]), int(v[1]), int(v[2])) for k, v in raw["nth_weekday_holidays"].items()},
        future_auxiliaries=frozenset(raw["future_auxiliaries"]),
        planning_verbs=frozenset(raw["planning_verbs"]),
        unresolved_time_words=frozenset(raw["unresolved_time_words"]),
        age_pattern=str(raw["age_pattern"]),
        anaphoric_words=dict(raw["anaphoric_words"]),
    )


def read_calendar_yaml() -> dict[str, Any]:
    """The raw parsed ``data/calendar.yaml``."""
    text = resources.files("worldorder.temporal").joinpath("data").joinpath(CALENDAR_FILE).read_text(encoding="utf-8")
    loaded: dict[str, Any] = yaml.safe_load(text)
    return loaded


@cache
def calendar_vocabulary() -> CalendarVocabulary:
    """The shipped vocabulary, parsed on first use (never at import time)."""
    return vocabulary_from_mapping(read_calendar_yaml())
