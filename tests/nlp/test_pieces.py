"""4. Texts longer than spaCy takes are cut into pieces that rejoin to the very same text."""

from __future__ import annotations

import pytest

from worldorder.nlp.pieces import cut

PARAGRAPH = "The envoys met in Vienna on Monday. They agreed to meet again in March.\n\n"


@pytest.mark.parametrize(
    "text",
    [
        PARAGRAPH * 200,
        (PARAGRAPH.replace("\n\n", " ")) * 200,  # one long paragraph: cut at sentence ends
        "word " * 3000,  # no sentences: cut at white space
        "x" * 12_345,  # nothing to cut at: cut at the limit
        "short text",
        " " * 5000 + PARAGRAPH,
    ],
)
def test_pieces_rejoin_to_the_text_and_stay_under_the_limit(text: str) -> None:
    pieces = cut(text, 1000)
    assert "".join(pieces) == text
    assert all(0 < len(p) <= 1000 for p in pieces)


def test_pieces_end_at_paragraph_breaks_when_there_are_any() -> None:
    pieces = cut(PARAGRAPH * 200, 1000)
    assert len(pieces) > 1 and all(p.endswith("\n\n") for p in pieces[:-1])


def test_pieces_end_at_sentence_ends_inside_one_long_paragraph() -> None:
    pieces = cut(PARAGRAPH.replace("\n\n", " ") * 200, 1000)
    assert all(p.rstrip().endswith(".") for p in pieces[:-1])
