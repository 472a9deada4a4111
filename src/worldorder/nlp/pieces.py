"""Cut texts longer than spaCy parses in one go into pieces that rejoin to the same text.

spaCy refuses a text over ``nlp.max_length`` (1,000,000 characters: the parser and NER need
about 1 GB of working memory per 100,000). A longer article (a transcript, a whole archive
page) is cut at the last paragraph break in the second half of each window, else the last
line break, sentence end or white space, else at the limit itself. The pieces are parsed as
separate texts and joined with ``Doc.from_docs``, whose text is the original character for
character, so every offset found later points into the article as read.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.tokens import Doc

BREAKS = (
    re.compile(r"\n[ \t\r]*\n"),  # a blank line: a paragraph ends
    re.compile(r"\n"),
    re.compile(r"[.!?][\"'’”)\]]*\s+"),  # a sentence ends
    re.compile(r"\s+"),
)


def cut(text: str, limit: int) -> list[str]:
    """Consecutive pieces of ``text``, none longer than ``limit``; ``"".join(pieces) == text``."""
    pieces, start = [], 0
    while len(text) - start > limit:
        end = _cut_point(text, start, start + limit)
        pieces.append(text[start:end])
        start = end
    pieces.append(text[start:])
    return pieces


def _cut_point(text: str, start: int, end: int) -> int:
    """Where to end the piece that starts at ``start``: after the best break before ``end``."""
    middle = start + (end - start) // 2
    window = text[middle:end]
    for pattern in BREAKS:
        last = None
        for last in pattern.finditer(window):  # noqa: B007 - only the last match is wanted
            pass
        if last is not None and last.end() > 0:
            return middle + last.end()
    return end


def join(docs: Sequence[Doc]) -> Doc:
    """One Doc from the parses of consecutive pieces (sentences and entities kept)."""
    return docs[0] if len(docs) == 1 else Doc.from_docs(list(docs), ensure_whitespace=False)
