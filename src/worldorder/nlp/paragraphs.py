"""A spaCy component that starts sentences at paragraph and headline breaks.

The parser happily runs a headline into the first paragraph, or a caption into the next
story, when no full stop separates them; scraped pages are full of such lines. Line breaks
are kept as they are in hard-wrapped prose, where a line ends in the middle of a sentence.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Token

COMPONENT = "paragraph_breaks"
SENTENCE_END = frozenset({".", "!", "?", ":", "”", '"', "…", "'", "’"})
CONTINUING = frozenset({",", ";", "-", "–", "(", "[", "“", "/", "&"})


def _gap(previous: Token, token: Token) -> str:
    """The white space between two non-space tokens, including space tokens between them."""
    doc = previous.doc
    return previous.whitespace_ + "".join(t.text_with_ws for t in doc[previous.i + 1 : token.i])


def breaks_before(previous: Token, token: Token) -> bool:
    """Whether a line break between ``previous`` and ``token`` ends a sentence."""
    gap = _gap(previous, token)
    if gap.count("\n") >= 2:
        return True  # a blank line: a new paragraph
    if "\n" not in gap:
        return False
    if previous.text in SENTENCE_END:
        return True
    # a headline or caption ends without punctuation and the next line starts a sentence; prose
    # wrapped at a line's end goes on in lower case, or after a comma or an open bracket
    return not token.text[:1].islower() and previous.text not in CONTINUING


@Language.component(COMPONENT, assigns=["token.is_sent_start"])
def paragraph_breaks(doc: Doc) -> Doc:
    previous: Token | None = None
    for token in doc:
        if token.is_space:
            continue
        if previous is not None and breaks_before(previous, token):
            token.is_sent_start = True
        previous = token
    return doc
