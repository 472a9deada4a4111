"""Dating an event from its clause, its sentence or the reference date."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language
from spacy.tokens import Doc
from spacy.vocab import Vocab

from worldorder.model import TimeExpression
from worldorder.temporal import event_date, find_dates
from worldorder.temporal.event_dates import latest_day_of_week

WEDNESDAY = date(2024, 10, 9)

# "Troops attacked the town on Monday , officials said Tuesday ." parsed by hand.
WORDS = ["Troops", "attacked", "the", "town", "on", "Monday", ",", "officials", "said", "Tuesday", "."]
HEADS = [1, 8, 3, 1, 1, 4, 8, 8, 8, 8, 8]
DEPS = ["nsubj", "ccomp", "det", "dobj", "prep", "pobj", "punct", "nsubj", "ROOT", "npadvmod", "punct"]
POS = ["NOUN", "VERB", "DET", "NOUN", "ADP", "PROPN", "PUNCT", "NOUN", "VERB", "PROPN", "PUNCT"]
ATTACKED, TOWN, SAID, MONDAY, TUESDAY = 1, 3, 8, 5, 9


def parsed_report() -> Doc:
    spaces = [w not in {",", "."} for w in [*WORDS[1:], ","]]
    return Doc(Vocab(), words=WORDS, spaces=spaces, heads=HEADS, deps=DEPS, pos=POS)


def expression(doc: Doc, token: int, value: str | None) -> TimeExpression:
    word = doc[token]
    return TimeExpression(word.text, word.idx, word.idx + len(word.text), value)


@pytest.mark.parametrize(
    ("trigger", "dated_tokens", "expected"),
    [
        (ATTACKED, [(MONDAY, "2024-10-07"), (TUESDAY, "2024-10-08")], ("2024-10-07", "day", "clause")),
        (SAID, [(MONDAY, "2024-10-07"), (TUESDAY, "2024-10-08")], ("2024-10-08", "day", "clause")),
        (TOWN, [(MONDAY, "2024-10-07"), (TUESDAY, "2024-10-08")], ("2024-10-07", "day", "clause")),
        (ATTACKED, [(TUESDAY, "2024-10-08")], ("2024-10-08", "day", "sentence")),
        (ATTACKED, [(MONDAY, "2024-W41")], ("2024-10-09", "week", "clause")),
        (ATTACKED, [(MONDAY, None)], ("2024-10-09", "day", "reference")),
        (ATTACKED, [], ("2024-10-09", "day", "reference")),
    ],
)
def test_event_date_prefers_clause_then_sentence_then_reference(
    trigger: int, dated_tokens: list[tuple[int, str | None]], expected: tuple[str | None, str | None, str]
) -> None:
    doc = parsed_report()
    dates = [expression(doc, token, value) for token, value in dated_tokens]
    assert event_date(doc, trigger, dates, WEDNESDAY) == expected


def test_event_date_without_any_date_is_none() -> None:
    assert event_date(parsed_report(), ATTACKED, [], None) == (None, None, "none")


def test_event_date_ignores_dates_in_other_sentences() -> None:
    doc = Doc(
        Vocab(),
        words=["They", "met", ".", "Talks", "ended", "Friday", "."],
        heads=[1, 1, 1, 4, 4, 4, 4],
        deps=["nsubj", "ROOT", "punct", "nsubj", "ROOT", "npadvmod", "punct"],
        pos=["PRON", "VERB", "PUNCT", "NOUN", "VERB", "PROPN", "PUNCT"],
    )
    friday = expression(doc, 5, "2024-10-04")
    assert event_date(doc, 1, [friday], WEDNESDAY) == ("2024-10-09", "day", "reference")


@pytest.mark.model
@pytest.mark.parametrize(
    ("sentence", "trigger_word", "expected"),
    [
        (
            "Militants attacked a convoy on Sunday, the army said on Tuesday.",
            "attacked",
            ("2024-10-06", "day", "clause"),
        ),
        ("Militants attacked a convoy on Sunday, the army said on Tuesday.", "said", ("2024-10-08", "day", "clause")),
        ("The two leaders will hold talks next week in Geneva.", "hold", ("2024-10-20", "week", "clause")),
        ("Protesters marched through the capital, police said.", "marched", ("2024-10-09", "day", "reference")),
    ],
)
def test_event_date_on_parsed_news(
    english: Language, sentence: str, trigger_word: str, expected: tuple[str | None, str | None, str]
) -> None:
    doc = english(sentence)
    trigger = next(t.i for t in doc if t.text == trigger_word)
    assert event_date(doc, trigger, find_dates(doc, WEDNESDAY), WEDNESDAY) == expected


@pytest.mark.parametrize(
    ("week", "reference", "day"),
    [
        ("2024-W41", date(2024, 10, 11), "2024-10-11"),  # this week, told on its Friday
        ("2024-W40", date(2024, 10, 11), "2024-10-06"),  # last week: its Sunday
        ("2024-W42", date(2024, 10, 11), "2024-10-20"),  # next week
        ("2024-W41", None, "2024-10-13"),
    ],
)
def test_latest_day_of_week_stands_for_a_week_event(week: str, reference: date | None, day: str) -> None:
    assert latest_day_of_week(week, reference) == day


def test_a_date_of_what_the_event_is_compared_with_does_not_date_it() -> None:
    # "Unlike the strike in 2019 , the march went ahead ." parsed by hand: the year hangs on "unlike"
    words = ["Unlike", "the", "strike", "in", "2019", ",", "the", "march", "went", "ahead", "."]
    heads = [8, 2, 0, 2, 3, 8, 7, 8, 8, 8, 8]
    deps = ["prep", "det", "pobj", "prep", "pobj", "punct", "det", "nsubj", "ROOT", "advmod", "punct"]
    pos = ["ADP", "DET", "NOUN", "ADP", "NUM", "PUNCT", "DET", "NOUN", "VERB", "ADV", "PUNCT"]
    doc = Doc(Vocab(), words=words, heads=heads, deps=deps, pos=pos)
    year = expression(doc, 4, "2019")
    assert event_date(doc, 8, [year], WEDNESDAY) == (WEDNESDAY.isoformat(), "day", "reference")
