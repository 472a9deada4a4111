"""The shipped calendar vocabulary is complete and consistent."""

from __future__ import annotations

from importlib import resources

import pytest

from worldorder.temporal.vocabulary import calendar_vocabulary, read_calendar_yaml


def test_vocabulary_file_has_provenance_header() -> None:
    text = resources.files("worldorder.temporal").joinpath("data").joinpath("calendar.yaml").read_text()
    assert text.startswith("# provenance:")
    assert "licence:" in text.split("version:")[0]


@pytest.mark.parametrize(("table", "numbers"), [("months", set(range(1, 13))), ("weekdays", set(range(1, 8)))])
def test_vocabulary_names_every_month_and_weekday(table: str, numbers: set[int]) -> None:
    assert set(getattr(calendar_vocabulary(), table).values()) == numbers


@pytest.mark.parametrize(
    "section",
    ["leading_hedges", "day_parts", "unresolved_time_words", "future_auxiliaries", "planning_verbs"],
)
def test_vocabulary_word_lists_hold_lowercase_strings(section: str) -> None:
    words = read_calendar_yaml()[section]
    assert words and all(isinstance(w, str) and w == w.lower() for w in words)


def test_vocabulary_hedges_are_longest_first() -> None:
    lengths = [len(h) for h in calendar_vocabulary().leading_hedges]
    assert lengths == sorted(lengths, reverse=True)


@pytest.mark.parametrize("name", ["christmas", "thanksgiving"])
def test_vocabulary_holidays_name_real_months(name: str) -> None:
    vocabulary = calendar_vocabulary()
    month = {**vocabulary.fixed_holidays, **vocabulary.nth_weekday_holidays}[name][0]
    assert 1 <= month <= 12
