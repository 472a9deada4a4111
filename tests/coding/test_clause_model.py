"""The learned second opinion: the shipped classifier, its thresholds, and how the coder uses it.

Sentences are written for these tests; none comes from a gold set or the corpus.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import pytest
from spacy.language import Language

from tests.coding.support import code
from worldorder.coding.actors import ActorKB
from worldorder.coding.clause_model import NONE_LABEL, ClauseModel, Opinion, SecondOpinion, normalised
from worldorder.coding.event_types import EventTypeTable
from worldorder.coding.events import EventCoder
from worldorder.config import load_settings
from worldorder.errors import ConfigError
from worldorder.pipeline import second_opinion


class FixedModel(ClauseModel):
    """A stand-in model that gives every sentence the same scores."""

    def __init__(self, scores: Mapping[str, float]) -> None:
        self._scores = dict(scores)

    def judge(self, sentences: Iterable[str]) -> list[Opinion]:
        return [Opinion(self._scores) for _ in sentences]


NO_EVENT = {NONE_LABEL: 0.97, "ASSAULT": 0.01, "PROTEST": 0.02}
ASSAULT = {NONE_LABEL: 0.05, "ASSAULT": 0.9, "PROTEST": 0.05}


# --- thresholds, no model needed -----------------------------------------------------------------


def test_opinion_best_is_never_none() -> None:
    assert Opinion(NO_EVENT).best == "PROTEST"


@pytest.mark.parametrize(
    ("mode", "scores", "event_type", "vetoed"),
    [
        ("veto", NO_EVENT, "ASSAULT", True),
        ("both", NO_EVENT, "ASSAULT", True),
        ("recall", NO_EVENT, "ASSAULT", False),
        ("veto", ASSAULT, "ASSAULT", False),
        ("veto", {NONE_LABEL: 0.92, "ASSAULT": 0.08}, "ASSAULT", False),  # the event's own type keeps it
    ],
)
def test_second_opinion_vetoes_only_in_veto_modes(
    mode: str, scores: Mapping[str, float], event_type: str, vetoed: bool
) -> None:
    second = SecondOpinion(FixedModel(scores), mode, veto_at=0.9, keep_below=0.05)
    assert second.vetoes(Opinion(scores), event_type) is vetoed


@pytest.mark.parametrize(
    ("mode", "scores", "added"),
    [("recall", ASSAULT, "ASSAULT"), ("both", ASSAULT, "ASSAULT"), ("veto", ASSAULT, None), ("recall", NO_EVENT, None)],
)
def test_second_opinion_adds_only_confident_types_in_recall_modes(
    mode: str, scores: Mapping[str, float], added: str | None
) -> None:
    second = SecondOpinion(FixedModel(scores), mode, recall_at=0.8)
    assert second.adds(Opinion(scores)) == added


def test_normalised_lowers_and_joins_whitespace() -> None:
    assert normalised("GUNMEN  STORM\nCampus") == "gunmen storm campus"


def test_settings_switch_the_model_off_and_reject_unknown_modes() -> None:
    assert second_opinion(load_settings({"WORLDORDER_CLAUSE_MODEL": "off"})) is None
    with pytest.raises(ConfigError):
        second_opinion(load_settings({"WORLDORDER_CLAUSE_MODEL": "always"}))


# --- the coder with a second opinion ---------------------------------------------------------------


@pytest.mark.model
def test_coder_drops_rule_events_the_model_vetoes(nlp: Language) -> None:
    text = "Kenyan troops attacked a rebel camp in Somalia."
    kb = ActorKB.load()
    assert code(nlp, EventCoder(kb), text)
    vetoing = SecondOpinion(FixedModel(NO_EVENT), "veto")
    assert code(nlp, EventCoder(kb, None, vetoing), text) == []


@pytest.mark.model
def test_coder_adds_nothing_where_rules_already_coded(nlp: Language) -> None:
    text = "Kenyan troops attacked a rebel camp in Somalia."
    kb = ActorKB.load()
    adding = SecondOpinion(FixedModel({NONE_LABEL: 0.05, "PROTEST": 0.95}), "recall")
    assert {e.event_type for e in code(nlp, EventCoder(kb, None, adding), text)} == {"ASSAULT"}


@pytest.mark.model
def test_coder_keeps_the_models_event_where_rules_find_none(nlp: Language) -> None:
    text = "The Kenyan navy sank a pirate skiff off Somalia."  # no rule for "sink"
    kb = ActorKB.load()
    assert code(nlp, EventCoder(kb), text) == []
    adding = SecondOpinion(FixedModel(ASSAULT), "recall")
    events = code(nlp, EventCoder(kb, None, adding), text)
    assert [(e.event_type, e.source.code.country) for e in events] == [("ASSAULT", "KEN")]
    assert events[0].mentions[0].rule.startswith("model:")
    types = EventTypeTable.load()
    assert all(e.quad_class == types[e.event_type].code(e.mode).quad_class for e in events)


# --- the shipped model --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def shipped() -> ClauseModel:
    return ClauseModel.load()


def test_shipped_model_knows_every_plover_type(shipped: ClauseModel) -> None:
    assert set(shipped.labels) == {*EventTypeTable.load().names(), NONE_LABEL}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Artillery units shelled the northern suburbs of the city overnight.", "ASSAULT"),
        ("The two neighbours signed a treaty to share the river's water.", "AGREE"),
        ("Riot police detained dozens of demonstrators outside the ministry.", "COERCE"),
        ("The foreign minister held talks with her counterpart in the capital.", "CONSULT"),
    ],
)
def test_shipped_model_reads_event_sentences(shipped: ClauseModel, sentence: str, expected: str) -> None:
    """The type is the model's best; the model is less sure of "no event" than on off-topic news,
    though not always below one half: a bag of words leans to none in long sentences (docs/coding.md)."""
    opinion = shipped.judge([sentence])[0]
    assert opinion.best == expected
    assert opinion.none < 0.9


@pytest.mark.parametrize(
    "sentence",
    [
        "The striker scored twice in the second half as his side won the cup.",
        "The band's new album went straight to the top of the charts.",
        "Quarterly profits at the retailer rose by a tenth on strong online sales.",
    ],
)
def test_shipped_model_finds_no_event_in_sport_arts_and_earnings(shipped: ClauseModel, sentence: str) -> None:
    assert shipped.judge([sentence])[0].none > 0.9


def test_shipped_model_ignores_case(shipped: ClauseModel) -> None:
    sentence = "Artillery units shelled the northern suburbs of the city overnight."
    [written, upper] = shipped.judge([sentence, sentence.upper()])
    assert written.scores == upper.scores
