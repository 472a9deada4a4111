"""Finding date expressions in a document: entity splitting, boundary fixes, surface rules, tense."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language
from spacy.tokens import Doc
from spacy.vocab import Vocab

from worldorder.temporal import find_dates

WEDNESDAY = date(2024, 10, 9)
NO_SPACE_BEFORE = frozenset({",", ".", "'s", ""})


def tagged_doc(tokens: list[tuple[str, str]]) -> Doc:
    """A Doc from (word, IOB entity tag) pairs, spaced as in ordinary prose."""
    words = [w for w, _ in tokens]
    spaces = [following not in NO_SPACE_BEFORE for following in [*words[1:], ""]]
    return Doc(Vocab(), words=words, spaces=spaces, ents=[tag for _, tag in tokens])


def found(doc: Doc, reference: date | None = WEDNESDAY) -> list[tuple[str, str | None]]:
    return [(e.text, e.value) for e in find_dates(doc, reference)]


@pytest.mark.parametrize(
    ("tokens", "expected"),
    [
        (
            [("between", "B-DATE"), ("1994", "I-DATE"), ("and", "I-DATE"), ("1997", "I-DATE")],
            [("between 1994", "1994"), ("1997", "1997")],
        ),
        (
            [("April", "B-DATE"), ("24", "I-DATE"), ("and", "I-DATE"), ("25", "I-DATE")],
            [("April 24", "2024-04-24"), ("25", "2024-04-25")],
        ),
        (
            [("Aug.", "B-DATE"), ("26", "I-DATE"), ("to", "I-DATE"), ("Oct.", "I-DATE"), ("20", "I-DATE")],
            [("Aug. 26", "2024-08-26"), ("Oct. 20", "2024-10-20")],
        ),
        (
            [("two", "B-DATE"), ("and", "I-DATE"), ("a", "I-DATE"), ("half", "I-DATE"), ("years", "I-DATE")],
            [("two and a half years", None)],
        ),
    ],
)
def test_find_dates_splits_entities_that_join_dates(
    tokens: list[tuple[str, str]], expected: list[tuple[str, str | None]]
) -> None:
    assert found(tagged_doc(tokens)) == expected


@pytest.mark.parametrize(
    ("tokens", "expected"),
    [
        (
            [("since", "O"), ("last", "B-DATE"), ("month", "I-DATE"), ("'s", "I-DATE"), ("rally", "O")],
            [("last month", "2024-09")],
        ),
        ([("profit", "O"), ("this", "O"), ("year", "B-DATE"), ("rose", "O")], [("this year", "2024")]),
        ([("a", "O"), ("6-year-old", "B-DATE"), ("boy", "O")], []),
        ([("within", "O"), ("“", "B-DATE"), ("weeks", "I-DATE")], [("weeks", None)]),
        ([("paid", "O"), ("quarterly", "B-DATE")], []),
        (
            [("the", "B-DATE"), ("past", "I-DATE"), ("three", "I-DATE"), ("decades", "I-DATE")],
            [("the past three decades", None)],
        ),
    ],
)
def test_find_dates_fixes_entity_boundaries_and_drops_non_dates(
    tokens: list[tuple[str, str]], expected: list[tuple[str, str | None]]
) -> None:
    assert found(tagged_doc(tokens)) == expected


@pytest.mark.parametrize(
    ("tokens", "expected"),
    [
        ([("talks", "O"), ("ended", "O"), ("Monday", "O")], [("Monday", "2024-10-07")]),
        ([("at", "O"), ("9", "B-TIME"), ("a.m.", "I-TIME"), ("Tuesday", "I-TIME")], [("Tuesday", "2024-10-08")]),
        ([("the", "B-ORG"), ("Sunday", "I-ORG"), ("Times", "I-ORG")], []),
        ([("in", "O"), ("2019", "B-CARDINAL"), (",", "O")], [("2019", "2019")]),
        ([("signed", "O"), ("Oct.", "O"), ("3", "O"), (",", "O"), ("2023", "O")], [("Oct. 3, 2023", "2023-10-03")]),
        ([("troops", "O"), ("left", "O"), ("yesterday", "O")], [("yesterday", "2024-10-08")]),
        ([("on", "O"), ("Thanksgiving", "O")], [("Thanksgiving", "2024-11-28")]),
        ([("May", "O"), ("they", "O"), ("agree", "O")], []),
    ],
)
def test_find_dates_adds_what_the_entity_recogniser_missed(
    tokens: list[tuple[str, str]], expected: list[tuple[str, str | None]]
) -> None:
    assert found(tagged_doc(tokens)) == expected


def test_find_dates_offsets_point_into_the_text() -> None:
    doc = tagged_doc([("On", "O"), ("Friday", "B-DATE"), (",", "O"), ("last", "B-DATE"), ("week", "I-DATE")])
    for expression in find_dates(doc, WEDNESDAY):
        assert doc.text[expression.start : expression.end] == expression.text


def test_find_dates_without_reference_keeps_only_explicit_values() -> None:
    doc = tagged_doc([("Friday", "B-DATE"), ("and", "O"), ("March", "B-DATE"), ("2020", "I-DATE")])
    assert found(doc, None) == [("Friday", None), ("March 2020", "2020-03")]


@pytest.mark.model
@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "The two foreign ministers will meet on Monday, officials said on Friday.",
            [("Monday", "2024-10-14"), ("Friday", "2024-10-04")],
        ),
        (
            "Rebels seized the airport last Saturday and held it until Sunday.",
            [("last Saturday", "2024-10-05"), ("Sunday", "2024-10-06")],
        ),
        ("A new round of talks is expected to begin in November.", [("November", "2024-11")]),
        ("The embassy reopened in March 2022 after a two-year closure.", [("March 2022", "2022-03")]),
        (
            "Parliament voted yesterday to extend the mandate until 2026.",
            [("yesterday", "2024-10-08"), ("2026", "2026")],
        ),
    ],
)
def test_find_dates_reads_tense_from_the_parse(
    english: Language, sentence: str, expected: list[tuple[str, str | None]]
) -> None:
    values = [(e.text, e.value) for e in find_dates(english(sentence), WEDNESDAY) if e.value]
    assert values == expected
