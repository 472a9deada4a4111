"""Event locations and datelines: a hand-built parse, then sentences parsed by the real model."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc
from spacy.vocab import Vocab

from worldorder.geo import (
    ArticlePlaces,
    MemoryGazetteer,
    OfflineGazetteer,
    article_place,
    dateline_place,
    event_location,
    find_places,
    locate_event,
)
from worldorder.model import Place

from .conftest import ASHGABAT, BERLIN


def parsed_doc() -> Doc:
    """ "Iran held talks in Ashgabat ." parsed by hand, with "Iran" and "Ashgabat" as GPEs."""
    words = ["Iran", "held", "talks", "in", "Ashgabat", "."]
    return Doc(Vocab(), words=words, spaces=[True, True, True, True, False, False],
               heads=[1, 1, 1, 2, 3, 1], deps=["nsubj", "ROOT", "dobj", "prep", "pobj", "punct"],
               pos=["PROPN", "VERB", "NOUN", "ADP", "PROPN", "PUNCT"], ents=["B-GPE", "O", "O", "O", "B-GPE", "O"])


def test_event_location_is_the_place_attached_to_the_trigger(small_gazetteer: MemoryGazetteer) -> None:
    doc = parsed_doc()
    places = find_places(doc, small_gazetteer)
    location = event_location(doc, 2, places)  # "talks"
    assert location is not None
    assert (location.text, location.geonameid) == ("Ashgabat", ASHGABAT.geonameid)


def test_event_location_never_takes_an_actor_country(small_gazetteer: MemoryGazetteer) -> None:
    doc = parsed_doc()
    places = [p for p in find_places(doc, small_gazetteer) if p.text == "Iran"]
    assert event_location(doc, 1, places) is None


def test_event_location_ignores_unresolved_places() -> None:
    doc = parsed_doc()
    unresolved = Place("Ashgabat", 19, 27, None, None, None, None, None, None, None)
    assert event_location(doc, 2, [unresolved]) is None


def place_named(places: list[Place], text: str) -> Place:
    return next(p for p in places if p.text == text)


@pytest.mark.model
@pytest.mark.parametrize(
    ("sentence", "trigger", "expected"),
    [
        ("The chancellor issued a statement in Berlin on Monday.", "statement", "Berlin"),
        ("Delegations held talks in Ashgabat, Turkmenistan, on Tuesday.", "talks", "Ashgabat"),
        ("The prime minister arrived at 10 Downing Street in London for the meeting.", "arrived", "London"),
        ("The foreign minister travelled to Paris to meet the French president.", "meet", "Paris"),
        ("Protesters gathered outside the embassy in Nairobi after the vote.", "gathered", "Nairobi"),
        ("Iran criticised the new sanctions announced by the United States.", "criticised", None),
        ("Germany and France signed the accord, officials said.", "signed", None),
    ],
)
def test_event_location_reads_the_event_clause(
        english: Language, gazetteer: OfflineGazetteer, sentence: str, trigger: str, expected: str | None) -> None:
    doc = english(sentence)
    places = find_places(doc, gazetteer)
    token = next(t.i for t in doc if t.text == trigger)
    location = event_location(doc, token, places)
    assert (location.text if location else None) == expected


@pytest.mark.model
def test_event_location_uses_the_landmarks_city_when_no_city_is_named(
        english: Language, gazetteer: OfflineGazetteer) -> None:
    doc = english("Ministers met at the Kremlin on Friday.")
    location = event_location(doc, 1, find_places(doc, gazetteer))
    assert location is not None
    assert (location.text, location.kind, location.country) == ("Kremlin", "landmark", "RUS")
    assert location.lat == pytest.approx(55.75, abs=0.1)


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("NAIROBI, Kenya (AP) \u2014 The president signed the bill on Monday.", "Nairobi"),
        ("BERLIN (Reuters) - The chancellor spoke to reporters.", "Berlin"),
        ("Kabul, Jan. 12 - Officials met tribal elders.", "Kabul"),
        ("The president of Kenya signed the bill in Nairobi.", None),
        ("Officials said on Monday that Berlin would respond.", None),
    ],
)
def test_dateline_place_reads_the_opening_dateline(
        english: Language, gazetteer: OfflineGazetteer, text: str, expected: str | None) -> None:
    doc = english(text)
    place = dateline_place(doc, find_places(doc, gazetteer))
    assert (place.name if place else None) == expected


def test_dateline_place_needs_a_place_at_the_start(small_gazetteer: MemoryGazetteer) -> None:
    doc = parsed_doc()
    places = [p for p in find_places(doc, small_gazetteer) if p.geonameid == BERLIN.geonameid]
    assert dateline_place(doc, places) is None


@pytest.mark.model
@pytest.mark.parametrize(
    ("sentence", "trigger", "expected"),
    [
        # a scene the trigger takes without a preposition
        ("Rebel units stormed Kandahar before dawn.", "stormed", "Kandahar"),
        ("The army pulled out from Mosul after a week of fighting.", "pulled", "Mosul"),
        ("The siege of Sarajevo lasted nearly four years.", "siege", "Sarajevo"),
        ("The prime minister visited Japan last spring.", "visited", "Japan"),
        # a town named inside the object phrase: "the port city of ..."
        ("Militias overran the port city of Mombasa overnight.", "overran", "Mombasa"),
        # the most specific of nested places
        ("Two soldiers died in an attack in Kirkuk in northern Iraq.", "died", "Kirkuk"),
        # a place of the clause's subject is the clause's place
        ("Clashes in Tripoli killed six people on Sunday.", "killed", "Tripoli"),
        # not the scene: a noun phrase about something else, another clause, a modifier
        ("Canada accused Belarus of supplying Russia with rifles for its campaign in Syria.", "supplying", None),
        ("The senator, who toured Vietnam in 2019, criticised the treaty signed in Geneva.", "toured",
         "Vietnam"),
        ("The senator, who toured Vietnam in 2019, criticised what she calls abuses in Geneva.", "criticised",
         None),
        ("Fighters surrendered to the Iran-backed militia on Tuesday.", "surrendered", None),
        ("Tokyo said on Friday that it would impose tariffs on steel.", "impose", None),
        # where an invitation or a summons would take someone is not where it is made
        ("The Chilean president invited his Peruvian counterpart to Santiago.", "invited", None),
        ("Kenya urged the refugees to return to Somalia.", "urged", None),
        # a purpose clause shares its governor's scene; a reported clause keeps its own
        ("The envoy flew to Doha to negotiate with the militants.", "negotiate", "Doha"),
        ("The general said in Baghdad that his forces would attack Tikrit.", "attack", "Tikrit"),
        # a relative clause has its own scene, and does not lend it to the main clause
        ("Police arrested two men in Leeds who had fought in Syria.", "arrested", "Leeds"),
        ("Police arrested two men in Leeds who had fought in Syria.", "fought", "Syria"),
        # an adverbial clause of another moment or a cause is not at its governor's scene; one of
        # the same moment is
        ("Protesters marched in Lagos after the governor raised fuel prices.", "marched", "Lagos"),
        ("Protesters marched in Lagos after the governor raised fuel prices.", "raised", None),
        ("Students rallied in Accra because the government closed the universities.", "closed", None),
        ("Rebels attacked a convoy in Goma as the army withdrew.", "withdrew", "Goma"),
    ],
)
def test_event_location_is_the_scene_of_the_event_clause(
        english: Language, gazetteer: OfflineGazetteer, sentence: str, trigger: str, expected: str | None) -> None:
    doc = english(sentence)
    places = find_places(doc, gazetteer)
    token = next(t.i for t in doc if t.text == trigger)
    location = event_location(doc, token, places)
    assert (location.text if location else None) == expected


@pytest.mark.model
def test_locate_event_says_which_basis_placed_the_event(english: Language, gazetteer: OfflineGazetteer) -> None:
    doc = english("Clashes in Tripoli killed six people. Negotiators held talks in Tunis.")
    places = find_places(doc, gazetteer)
    killed = next(t.i for t in doc if t.text == "killed")
    talks = next(t.i for t in doc if t.text == "talks")
    assert locate_event(doc, killed, places)[1] == "sentence"
    assert locate_event(doc, talks, places)[1] == "clause"


@pytest.mark.model
def test_an_event_without_a_place_takes_the_dateline(english: Language, gazetteer: OfflineGazetteer) -> None:
    doc = english("KHARTOUM, Sudan (AP) \u2014 Soldiers arrested three opposition leaders on Monday.")
    places = find_places(doc, gazetteer)
    arrested = next(t.i for t in doc if t.text == "arrested")
    place, basis = locate_event(doc, arrested, places, ArticlePlaces.of(doc, places))
    assert (place.name if place else None, basis) == ("Khartoum", "dateline")
    assert locate_event(doc, arrested, places) == (None, None)  # no fallback unless asked


@pytest.mark.model
def test_an_event_without_a_place_takes_the_article_place(english: Language, gazetteer: OfflineGazetteer) -> None:
    text = ("A car bomb exploded near a market in Kismayo on Friday. Somalia has faced such attacks for years. "
            "Police arrested two suspects.")
    doc = english(text)
    places = find_places(doc, gazetteer)
    arrested = next(t.i for t in doc if t.text == "arrested")
    place, basis = locate_event(doc, arrested, places, ArticlePlaces.of(doc, places))
    assert (place.text if place else None, basis) == ("Kismayo", "article")


@pytest.mark.model
def test_the_article_place_is_not_where_an_invitation_would_take_someone(
        english: Language, gazetteer: OfflineGazetteer) -> None:
    text = ("The president invited the chancellor to Paris. He also invited the premier to Paris. "
            "A storm hit Lisbon on Monday. Rescuers reached the survivors.")
    doc = english(text)
    places = find_places(doc, gazetteer)
    reached = next(t.i for t in doc if t.text == "reached")
    place, basis = locate_event(doc, reached, places, ArticlePlaces.of(doc, places))
    assert (place.text if place else None, basis) == ("Lisbon", "article")


@pytest.mark.parametrize(
    ("names", "expected"),
    [
        ([("Damascus", "SYR", "city"), ("Syria", "SYR", "country"), ("Syria", "SYR", "country")], "Damascus"),
        ([("Homs", "SYR", "city"), ("Hama", "SYR", "city"), ("Syria", "SYR", "country")], "Syria"),
        ([("Syria", "SYR", "country"), ("Turkey", "TUR", "country")], None),
    ],
)
def test_article_place_is_the_leading_place_of_the_leading_country(
        names: list[tuple[str, str, str]], expected: str | None) -> None:
    words = [n for name, _, _ in names for n in (name, "and")][:-1]
    doc = Doc(Vocab(), words=words)
    places, offset = [], 0
    for name, country, kind in names:
        start = doc.text.index(name, offset)
        places.append(Place(name, start, start + len(name), hash(name), name, country, None, kind, 1.0, 1.0))
        offset = start + len(name)
    place = article_place(doc, places)
    assert (place.name if place else None) == expected


@pytest.mark.parametrize(("kind", "precision"), [("landmark", "point"), ("city", "city"), ("region", "region"),
                                                 ("country", "country"), (None, None)])
def test_place_precision_follows_its_kind(kind: str | None, precision: str | None) -> None:
    assert Place("X", 0, 1, None, None, None, None, kind, None, None).precision == precision
