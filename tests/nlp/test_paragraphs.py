from __future__ import annotations

import pytest
from spacy.lang.en import English

from worldorder.nlp.paragraphs import paragraph_breaks


@pytest.mark.parametrize(
    ("text", "starts"),
    [
        ("Leaders meet in Oslo\n\nThe two leaders met on Monday.", ["Leaders", "The"]),
        ("Talks end without deal\nThe envoys left Geneva.", ["Talks", "The"]),
        ("The envoys said.\nTalks resume in May.", ["The", "Talks"]),
        ("The minister met the President of\nthe United States in Rome.", ["The"]),
        ("The minister met the envoy,\nPresident Macron said.", ["The"]),
        ("Exports fell by 20\npercent last year.", ["Exports"]),
    ],
)
def test_paragraph_breaks_start_sentences_at_paragraphs_and_headlines(text: str, starts: list[str]) -> None:
    doc = paragraph_breaks(English().make_doc(text))
    marked = [t.text for t in doc if t.is_sent_start and not t.is_space]
    assert marked == starts
