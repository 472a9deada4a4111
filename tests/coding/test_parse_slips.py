"""Readings of parses the small model gets wrong, built by hand so each slip is tested exactly
(no model needed): where a subject hangs, and a verb read as a clause of its own subject."""

from __future__ import annotations

from spacy.tokens import Doc
from spacy.vocab import Vocab

from worldorder.coding.dyads import _stance_holders, subject_heads


def parsed(words: list[str], heads: list[int], deps: list[str], tags: list[str], pos: list[str]) -> Doc:
    return Doc(Vocab(), words=words, heads=heads, deps=deps, tags=tags, pos=pos)


def test_a_passive_stance_finds_its_holder_on_the_auxiliary() -> None:
    # "his cabinet is committed": the parser hangs "cabinet" on "is", the auxiliary of "committed"
    doc = parsed(
        ["his", "cabinet", "is", "committed", "to", "talks"],
        [1, 2, 3, 3, 3, 4],
        ["poss", "nsubj", "auxpass", "ROOT", "prep", "pobj"],
        ["PRP$", "NN", "VBZ", "VBN", "IN", "NNS"],
        ["PRON", "NOUN", "AUX", "VERB", "ADP", "NOUN"],
    )
    assert [t.text for t in _stance_holders(doc[3])] == ["cabinet"]


def test_a_past_verb_hung_on_the_root_noun_of_a_verbless_sentence_has_that_noun_as_subject() -> None:
    # "the army recaptured the town": "recaptured" read as a reduced relative of "army"
    doc = parsed(
        ["the", "army", "recaptured", "the", "town"],
        [1, 1, 1, 4, 2],
        ["det", "ROOT", "acl", "det", "dobj"],
        ["DT", "NN", "VBD", "DT", "NN"],
        ["DET", "NOUN", "VERB", "DET", "NOUN"],
    )
    assert [t.text for t in subject_heads(doc[2])] == ["army"]


def test_a_participle_naming_a_thing_in_a_sentence_with_its_own_verb_has_no_subject() -> None:
    # "a report called Futures was published": "called" names the report; "was" is the finite verb
    doc = parsed(
        ["a", "report", "called", "Futures", "was", "published"],
        [1, 5, 1, 2, 5, 5],
        ["det", "nsubjpass", "acl", "oprd", "auxpass", "ROOT"],
        ["DT", "NN", "VBN", "NNP", "VBD", "VBN"],
        ["DET", "NOUN", "VERB", "PROPN", "AUX", "VERB"],
    )
    assert subject_heads(doc[2]) == []
