"""Anaphoric expressions resolve against the date mentioned before them."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab

from worldorder.temporal import find_dates
from worldorder.temporal.anaphora import anaphor_pattern, first_day, resolve_anaphor
from worldorder.temporal.anchoring import Precision, Resolution
from worldorder.temporal.vocabulary import calendar_vocabulary

WEDNESDAY = date(2024, 10, 9)


def dated_doc(first: list[str], second: list[str]) -> Doc:
    """'Rebels took the town <first> and lost it <second>', both tagged DATE."""
    words = ["Rebels", "took", "the", "town", *first, "and", "lost", "it", *second]
    tags = ["O"] * 4 + _date_tags(first) + ["O"] * 3 + _date_tags(second)
    return Doc(Vocab(), words=words, ents=tags)


def _date_tags(words: list[str]) -> list[str]:
    return ["B-DATE"] + ["I-DATE"] * (len(words) - 1)


@pytest.mark.parametrize(
    ("first", "second", "expected"),
    [
        (["on", "Sept.", "3"], ["the", "following", "day"], "2024-09-04"),
        (["in", "2019"], ["later", "that", "year"], "2019"),
        (["in", "May", "2021"], ["the", "previous", "month"], "2021-04"),
        (["on", "Jan.", "5,", "2020"], ["that", "week"], "2020-W01"),
        (["in", "2019"], ["that", "day"], None),
    ],
)
def test_find_dates_resolves_anaphors_against_previous_date(first: list[str], second: list[str], expected: str) -> None:
    expressions = find_dates(dated_doc(first, second), WEDNESDAY)
    assert expressions[-1].value == expected


def test_find_dates_anaphor_without_antecedent_falls_back_to_reference() -> None:
    doc = Doc(
        Vocab(), words=["They", "return", "the", "following", "year"], ents=["O", "O", "B-DATE", "I-DATE", "I-DATE"]
    )
    assert [e.value for e in find_dates(doc, WEDNESDAY)] == ["2025"]


@pytest.mark.parametrize(
    ("text", "antecedent", "expected"),
    [
        ("the next day", Resolution("2024-02-28", Precision.DAY), "2024-02-29"),
        ("the preceding week", Resolution("2024-W01", Precision.WEEK), "2023-W52"),
        ("the same month", Resolution("2024-05-17", Precision.DAY), "2024-05"),
        ("that month", Resolution("2024", Precision.YEAR), None),
    ],
)
def test_resolve_anaphor_moves_antecedent_by_unit(text: str, antecedent: Resolution, expected: str | None) -> None:
    vocabulary = calendar_vocabulary()
    match = anaphor_pattern(vocabulary).fullmatch(text)
    assert match is not None
    resolved = resolve_anaphor(match, antecedent, vocabulary)
    assert (resolved.value if resolved else None) == expected


@pytest.mark.parametrize(
    ("resolution", "expected"),
    [
        (Resolution("2024-W41", Precision.WEEK), date(2024, 10, 7)),
        (Resolution("2024-10", Precision.MONTH), date(2024, 10, 1)),
        (Resolution("2024", Precision.YEAR), date(2024, 1, 1)),
    ],
)
def test_first_day_of_each_precision(resolution: Resolution, expected: date) -> None:
    assert first_day(resolution) == expected
