"""Readings of parses the small model gets wrong, built by hand so each slip is tested exactly
(no model needed): where a subject hangs, and a verb read as a clause of its own subject."""

from __future__ import annotations

from spacy.tokens import Doc
from spacy.vocab import Vocab

from worldorder.coding.dyads import _stance_holders, subject_heads

Row = tuple[str, int, str, str, str]  # word, head index, dependency, tag, part of speech


def parsed(rows: list[Row]) -> Doc:
    words, heads, deps, tags, pos = (list(column) for column in zip(*rows, strict=True))
    return Doc(Vocab(), words=words, heads=heads, deps=deps, tags=tags, pos=pos)


def test_a_passive_stance_finds_its_holder_on_the_auxiliary() -> None:
    # "his cabinet is committed": the parser hangs "cabinet" on "is", the auxiliary of "committed"
    doc = parsed(
        [
            ("his", 1, "poss", "PRP$", "PRON"),
            ("cabinet", 2, "nsubj", "NN", "NOUN"),
            ("is", 3, "auxpass", "VBZ", "AUX"),
            ("committed", 3, "ROOT", "VBN", "VERB"),
            ("to", 3, "prep", "IN", "ADP"),
            ("talks", 4, "pobj", "NNS", "NOUN"),
        ]
    )
    assert [t.text for t in _stance_holders(doc[3])] == ["cabinet"]


def test_a_past_verb_hung_on_the_root_noun_of_a_verbless_sentence_has_that_noun_as_subject() -> None:
    # "the army recaptured the town": "recaptured" read as a reduced relative of "army"
    doc = parsed(
        [
            ("the", 1, "det", "DT", "DET"),
            ("army", 1, "ROOT", "NN", "NOUN"),
            ("recaptured", 1, "acl", "VBD", "VERB"),
            ("the", 4, "det", "DT", "DET"),
            ("town", 2, "dobj", "NN", "NOUN"),
        ]
    )
    assert [t.text for t in subject_heads(doc[2])] == ["army"]


def test_a_participle_naming_a_thing_in_a_sentence_with_its_own_verb_has_no_subject() -> None:
    # "a report called Futures was published": "called" names the report; "was" is the finite verb
    doc = parsed(
        [
            ("a", 1, "det", "DT", "DET"),
            ("report", 5, "nsubjpass", "NN", "NOUN"),
            ("called", 1, "acl", "VBN", "VERB"),
            ("Futures", 2, "oprd", "NNP", "PROPN"),
            ("was", 5, "auxpass", "VBD", "AUX"),
            ("published", 5, "ROOT", "VBN", "VERB"),
        ]
    )
    assert subject_heads(doc[2]) == []
