"""Event locations and datelines: a hand-built parse, then sentences parsed by the real model."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc
from spacy.vocab import Vocab

from worldorder.geo import MemoryGazetteer, OfflineGazetteer, dateline_place, event_location, find_places
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
