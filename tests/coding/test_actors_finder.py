"""Reading actors in parsed sentences (``ActorFinder`` through the event coder), in sentences
written for these tests."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language
from spacy.tokens import Span

from tests.coding.support import dyads
from worldorder.coding.actors import ActorKB
from worldorder.coding.events import EventCoder
from worldorder.geo.gazetteer import GazetteerEntry, MemoryGazetteer
from worldorder.model import Event

pytestmark = pytest.mark.model
JUNE_2001 = date(2001, 6, 4)


def town(name: str, country: str) -> GazetteerEntry:
    return GazetteerEntry(None, name, "city", country, None, None, 0.0, 0.0, 50_000)


# a gazetteer that also knows country names, as the offline one does
TOWNS = (("Canada", "CAN"), ("Lima", "PER"), ("Karachi", "PAK"), ("Tanaka", "JPN"), ("Kandahar", "AFG"))
PLACES = MemoryGazetteer([(name, town(name, country)) for name, country in TOWNS])


@pytest.fixture(scope="module")
def coder() -> EventCoder:
    return EventCoder(ActorKB.load(), PLACES)


def code(nlp: Language, coder: EventCoder, text: str) -> list[Event]:
    return coder.code(nlp(text), JUNE_2001)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Portugal promised to continue military aid to Angola.", ("AGREE", "PRT", "AGO")),
        ("Chile threatened to launch a major military offensive against Bolivia.", ("THREATEN", "CHL", "BOL")),
        ("Iran has shipped artillery shells to Sudan.", ("AID", "IRN", "SDN")),
    ],
)
def test_a_sector_word_describing_a_thing_names_no_actor(
    nlp: Language, coder: EventCoder, text: str, expected: tuple[str, str, str]
) -> None:
    assert dyads(code(nlp, coder, text)) == {expected}


def test_a_state_after_anti_is_not_the_party(nlp: Language, coder: EventCoder) -> None:
    found = dyads(code(nlp, coder, "Gunmen killed an anti-Canada columnist in Lima."))
    assert found and all("CAN" not in dyad for dyad in found)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Chile offered its troops to Peru's new President Jorge Quispe.", ("AGREE", "CHL", "PER")),
        ("Two Afghan suicide bombers killed nine people in Karachi.", ("ASSAULT", "AFG", "PAK")),
        ("The United Nations special envoy urged Sudan to open its borders.", ("REQUEST", "UN", "SDN")),
    ],
)
def test_a_state_or_body_among_the_modifiers_owns_a_bare_agent(
    nlp: Language, coder: EventCoder, text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in dyads(code(nlp, coder, text))


def test_an_appositive_role_beats_a_name_read_as_a_town(nlp: Language, coder: EventCoder) -> None:
    doc = nlp("Kenji Tanaka, the United Nations special envoy, urged Sudan to open its borders.")
    doc.ents = [Span(doc, 1, 2, "GPE")]  # the model sometimes takes a surname for a place
    assert ("REQUEST", "UN", "SDN") in dyads(coder.code(doc, JUNE_2001))


def test_an_ethnic_minority_lives_in_the_place_the_sentence_names(nlp: Language, coder: EventCoder) -> None:
    found = dyads(code(nlp, coder, "Turkish troops killed four ethnic Greeks in a raid in northern Cyprus."))
    assert found == {("ASSAULT", "TUR", "CYP")}


def test_an_agent_word_takes_the_state_named_across_unknown_words(nlp: Language, coder: EventCoder) -> None:
    found = code(nlp, coder, "Zambia Tea Growers Federation officials accused Malawi of dumping.")
    assert dyads(found) == {("ACCUSE", "ZMB", "MWI")}
    assert found[0].source is not None and found[0].source.text == "Zambia Tea Growers Federation officials"


def test_an_agent_of_a_town_takes_the_town_country_and_keeps_its_sector(nlp: Language, coder: EventCoder) -> None:
    events = code(nlp, coder, "The mayor of Kandahar condemned the attack by Pakistan.")
    sources = {(e.source.code.country, e.source.code.sector) for e in events if e.source is not None}
    assert sources == {("AFG", "GOV")}


def test_people_fleeing_a_place_come_from_its_country(nlp: Language, coder: EventCoder) -> None:
    found = dyads(code(nlp, coder, "Norway will provide food aid to refugees fleeing the fighting in Sudan."))
    assert ("AGREE", "NOR", "SDN") in found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Atlantic Policy Institute criticised Venezuela.", (None, "NGO")),
        ("The Kenya Bar Association accused Uganda of torture.", ("KEN", "NGO")),
    ],
)
def test_an_unknown_body_named_by_its_head_noun_is_non_governmental(
    nlp: Language, coder: EventCoder, text: str, expected: tuple[str | None, str]
) -> None:
    sources = [e.source for e in code(nlp, coder, text) if e.source is not None]
    assert [(s.code.country, s.code.sector) for s in sources] == [expected]
    assert sources[0].text.endswith(("Institute", "Association"))


def test_factions_and_guerrillas_are_armed_groups_of_their_nation(nlp: Language, coder: EventCoder) -> None:
    found = code(nlp, coder, "Somali factions attacked Kenyan troops.")
    assert {(e.source.code.country, e.source.code.sector) for e in found if e.source is not None} == {("SOM", "REB")}


def test_farmers_are_an_agricultural_agent_of_their_nation(nlp: Language, coder: EventCoder) -> None:
    found = code(nlp, coder, "Radical Spanish fishermen said they would blockade Madrid to end the quotas.")
    assert {(e.source.code.country, e.source.code.sector) for e in found if e.source is not None} == {("ESP", "AGR")}
