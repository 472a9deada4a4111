"""Countries for actors named only by kind: place, then dateline, then the article's country."""

from __future__ import annotations

from dataclasses import replace

import pytest

from worldorder.coding.homeland import complete_countries, dominant_country
from worldorder.model import ActorCode, ActorMention, Event, Mention, Place


def place(country: str | None, name: str = "Somewhere") -> Place:
    return Place(name, 0, len(name), None, name, country, None, "city", 1.0, 2.0)


def kind(sector: str | None, text: str = "police") -> ActorMention:
    return ActorMention(ActorCode(None, None, sector), text, 0, len(text))


def arrest(source: ActorMention, location: Place | None = None) -> Event:
    mention = Mention("Police detained two men.", 0, 24, "detained", 7, 15, "verb:detain:COERCE")
    return Event("COERCE", "arrest", "173", 4, -5.0, source, None, "asserted", None, (mention,), location=location)


def test_dominant_country_needs_a_clear_lead() -> None:
    assert dominant_country([place("KEN"), place("KEN"), place("UGA")]) == "KEN"
    assert dominant_country([place("KEN")]) is None  # one passing mention decides nothing
    assert dominant_country([place("KEN"), place("KEN"), place("UGA"), place("TZA"), place("RWA")]) is None
    assert dominant_country([]) is None


@pytest.mark.parametrize(
    ("location", "dateline", "home", "expected"),
    [
        (place("PER"), place("CHL"), "BOL", ("PER", "place")),
        (None, place("CHL"), "BOL", ("CHL", "dateline")),
        (None, None, "BOL", ("BOL", "article")),
        (None, None, None, (None, "unknown")),
    ],
)
def test_complete_countries_takes_place_then_dateline_then_article(
    location: Place | None, dateline: Place | None, home: str | None, expected: tuple[str | None, str]
) -> None:
    source = complete_countries(arrest(kind("COP"), location), dateline, home).source
    assert (source.code.country, source.country_basis) == expected


def test_complete_countries_keeps_a_named_country() -> None:
    named = replace(kind("COP"), code=ActorCode("GHA", None, "COP"), country_basis="named")
    assert complete_countries(arrest(named, place("TGO")), None, None).source == named


@pytest.mark.parametrize(
    "actor",
    [
        ActorMention(ActorCode(None, None, None), "", 7, 7),  # agentless: who did it is unknown
        kind("NGO", "aid groups"),  # belongs to no one country
        kind(None, "the company"),  # no kind the field codes by country
    ],
)
def test_complete_countries_leaves_unknown_doers_and_non_state_bodies(actor: ActorMention) -> None:
    assert complete_countries(arrest(actor, place("KEN")), None, "KEN").source.code.country is None
