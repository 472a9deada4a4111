"""The offline gazetteer and find_places on the real model: sentences of our own as a specification."""

from __future__ import annotations

import pytest
from spacy.language import Language

from worldorder.geo import OfflineGazetteer, find_places
from worldorder.model import Place

pytestmark = pytest.mark.model


def places_of(english: Language, gazetteer: OfflineGazetteer, text: str) -> list[Place]:
    return find_places(english(text), gazetteer)


@pytest.mark.parametrize(
    ("name", "feature", "country"),
    [
        ("Berlin", "capital", "DEU"),
        ("Hamburg", "city", "DEU"),
        ("U.S.", "country", "USA"),
        ("Britain", "country", "GBR"),
        ("Calif.", "admin1", "USA"),
        ("B.C.", "admin1", "CAN"),
        ("Ont.", "admin1", "CAN"),
        ("NSW", "admin1", "AUS"),
        ("Bavaria", "admin1", "DEU"),
        ("Kremlin", "landmark", "RUS"),
        ("Incirlik Air Base", "landmark", "TUR"),
        ("Rafah crossing", "landmark", "PSE"),
        ("Zaatari refugee camp", "landmark", "JOR"),
        ("Middle East", "area", None),
        ("Europe", "continent", None),
    ],
)
def test_offline_gazetteer_knows_major_names(gazetteer: OfflineGazetteer, name: str, feature: str,
                                             country: str | None) -> None:
    assert any(c.feature == feature and c.country == country for c in gazetteer.candidates(name))


@pytest.mark.parametrize(("word", "expected"), [("Iranian", True), ("Britons", False), ("Iran", False)])
def test_offline_gazetteer_knows_demonyms(gazetteer: OfflineGazetteer, word: str, expected: bool) -> None:
    assert gazetteer.is_demonym(word) is expected


@pytest.mark.parametrize(
    ("text", "name", "country", "kind"),
    [
        ("A statement event is located at Berlin.", "Berlin", "DEU", "city"),
        ("The talks took place in Ashgabat, Turkmenistan.", "Ashgabat", "TKM", "city"),
        ("The festival moved to Paris, Texas, this year.", "Paris", "USA", "city"),
        ("The summit will be held in Paris next month.", "Paris", "FRA", "city"),
        ("Troops crossed into Georgia from Russia.", "Georgia", "GEO", "country"),
        ("Officials from the White House flew to Tokyo.", "White House", "USA", "landmark"),
        ("Floods hit Tamil Nadu and Kerala this week.", "Tamil Nādu", "IND", "region"),
    ],
)
def test_find_places_resolves_sentences(english: Language, gazetteer: OfflineGazetteer, text: str, name: str,
                                        country: str, kind: str) -> None:
    found = places_of(english, gazetteer, text)
    assert any((p.name, p.country, p.kind) == (name, country, kind) for p in found), found


@pytest.mark.parametrize(
    "text",
    ["Iranian and British officials met yesterday.", "The Germans and the French disagreed."],
)
def test_find_places_demonyms_are_not_places_in_real_text(english: Language, gazetteer: OfflineGazetteer,
                                                           text: str) -> None:
    assert places_of(english, gazetteer, text) == []


@pytest.mark.parametrize(
    ("text", "landmark", "city_lat", "city_lon"),
    [
        ("The Kremlin rejected the claim.", "Kremlin", 55.75, 37.62),
        ("Reporters waited outside 10 Downing Street.", "10 Downing Street", 51.51, -0.13),
        ("The Elysee Palace issued a statement.", "Elysee Palace", 48.85, 2.35),
        ("Lawmakers on Capitol Hill objected.", "Capitol Hill", 38.90, -77.04),
    ],
)
def test_find_places_landmarks_resolve_to_their_city(english: Language, gazetteer: OfflineGazetteer,
                                                      text: str, landmark: str, city_lat: float,
                                                      city_lon: float) -> None:
    found = [p for p in places_of(english, gazetteer, text) if p.kind == "landmark"]
    assert [p.name for p in found] == [landmark]
    assert (found[0].lat, found[0].lon) == (pytest.approx(city_lat, abs=0.1), pytest.approx(city_lon, abs=0.1))


def test_find_places_offsets_match_the_text(english: Language, gazetteer: OfflineGazetteer) -> None:
    text = "After meeting in Oslo, the envoys flew to Cairo and then Amman."
    found = places_of(english, gazetteer, text)
    assert [text[p.start : p.end] for p in found] == ["Oslo", "Cairo", "Amman"]
    assert all(p.geonameid is not None for p in found)


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        ("Aid trucks waited for days at the Rafah crossing.", "Rafah crossing", "PSE"),
        ("Tankers refuelled at Incirlik Air Base overnight.", "Incirlik Air Base", "TUR"),
    ],
)
def test_find_places_knows_crossings_camps_and_bases(
        english: Language, gazetteer: OfflineGazetteer, text: str, name: str, country: str) -> None:
    found = [p for p in places_of(english, gazetteer, text) if p.name == name]
    assert found and (found[0].country, found[0].precision) == (country, "point")
