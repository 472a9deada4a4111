"""One event, many mentions: merging tellings of the same happening (no model needed)."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest

from worldorder.coding.merge import dates_compatible, merge_mentions
from worldorder.model import ActorCode, ActorMention, Event, Mention, Place


def actor(country: str) -> ActorMention:
    return ActorMention(ActorCode(country, None, "GOV"), country, 0, 3)


def event(source: str, target: str, **fields: Any) -> Event:
    base = Event(
        event_type="CONSULT",
        mode="meet",
        cameo="044",
        quad_class=1,
        goldstein=2.5,
        source=actor(source),
        target=actor(target),
        modality="asserted",
        attribution=None,
        mentions=(Mention("s", 0, 1, "met", 0, 3, "verb:meet:CONSULT"),),
        symmetric=True,
    )
    return replace(base, **fields)


def test_merge_joins_tellings_of_one_meeting() -> None:
    merged = merge_mentions([event("ESP", "PRT"), event("PRT", "ESP"), event("ESP", "PRT", modality="reported")])
    assert len(merged) == 1
    assert len(merged[0].mentions) == 3


@pytest.mark.parametrize(
    "other",
    [
        event("ESP", "FRA"),
        event("ESP", "PRT", event_type="AGREE"),
        event("ESP", "PRT", mode="visit"),
        event("ESP", "PRT", modality="negated"),
        event("ESP", "PRT", modality="alleged"),
        event("ESP", "PRT", date="2024-05-07"),
    ],
)
def test_merge_keeps_different_happenings_apart(other: Event) -> None:
    assert len(merge_mentions([event("ESP", "PRT", date="2024-05-06"), other])) == 2


def test_merge_swaps_only_symmetric_dyads() -> None:
    one_way = [event("ESP", "PRT", symmetric=False), event("PRT", "ESP", symmetric=False)]
    assert len(merge_mentions(one_way)) == 2


def test_merge_fills_missing_fields_from_later_tellings() -> None:
    (merged,) = merge_mentions([event("ESP", "PRT"), event("ESP", "PRT", date="2024-05", attribution=actor("GBR"))])
    assert merged.date == "2024-05"
    assert merged.attribution is not None


@pytest.mark.parametrize(
    ("a", "b", "compatible"),
    [
        ("2024-05-06", "2024-05", True),
        ("2024", "2024-05-06", True),
        (None, "2024", True),
        ("2024-05-06", "2024-05-07", False),
        ("2023", "2024-05", False),
    ],
)
def test_dates_compatible_when_nested(a: str | None, b: str | None, compatible: bool) -> None:
    assert dates_compatible(a, b) is compatible


@pytest.mark.parametrize(
    ("named_day", "reference_day", "tellings"),
    [
        ("2024-05-06", "2024-05-08", 1),  # "on Monday he met ..." then "after the meeting" told on Wednesday
        ("2024-04-20", "2024-05-08", 2),  # weeks apart: another meeting
        ("2024-05-09", "2024-05-08", 2),  # the named day is after the report: not the same one
    ],
)
def test_merge_reference_dated_telling_joins_a_named_day_shortly_before(
    named_day: str, reference_day: str, tellings: int
) -> None:
    named = event("ESP", "PRT", date=named_day, date_precision="day", date_basis="clause")
    dated_by_article = event("ESP", "PRT", date=reference_day, date_precision="day", date_basis="reference")
    merged = merge_mentions([dated_by_article, named])
    assert len(merged) == tellings
    if tellings == 1:
        assert merged[0].date == named_day and merged[0].date_basis == "clause"


def test_merge_takes_the_location_grounded_in_the_clause() -> None:
    def place(name: str) -> Place:
        return Place(name, 0, len(name), 1, name, None, None, "city", 0.0, 0.0)

    loose = event("ESP", "PRT", location=place("Madrid"), location_basis="sentence")
    grounded = event("ESP", "PRT", location=place("Lisbon"), location_basis="clause")
    [merged] = merge_mentions([loose, grounded])
    assert merged.location is not None and merged.location.name == "Lisbon"


def attack(source: ActorMention, target: ActorMention) -> Event:
    base = event("SYR", "USA", event_type="ASSAULT", mode=None, symmetric=False)
    return replace(base, source=source, target=target)


def named(country: str | None, text: str, basis: str = "named") -> ActorMention:
    return ActorMention(ActorCode(country, None, "MIL"), text, 0, len(text), basis)


def test_a_later_telling_that_does_not_say_who_did_it_joins_the_named_attack_on_the_same_party() -> None:
    bombing = attack(named("SYR", "the militia"), named("USA", "four Americans"))
    toll = attack(named(None, ""), named("USA", "two US soldiers"))
    [merged] = merge_mentions([bombing, toll])
    assert merged.source.text == "the militia" and len(merged.mentions) == 2


@pytest.mark.parametrize(
    "toll",
    [
        attack(named(None, ""), named("GBR", "two British soldiers")),  # another party
        attack(named("IRQ", "gunmen"), named("USA", "two US soldiers")),  # another named doer
        attack(named(None, ""), named("SYR", "people", "place")),  # a party only placed in the country
    ],
)
def test_an_agentless_telling_stays_apart_from_attacks_on_other_or_unnamed_parties(toll: Event) -> None:
    bombing = attack(named("SYR", "the militia"), named("USA", "four Americans"))
    assert len(merge_mentions([bombing, toll])) == 2


def test_an_agentless_telling_before_the_named_one_is_not_given_its_doer() -> None:
    toll = attack(named(None, ""), named("USA", "two US soldiers"))
    bombing = attack(named("SYR", "the militia"), named("USA", "four Americans"))
    assert len(merge_mentions([toll, bombing])) == 2


def test_of_two_tellings_without_a_doer_the_one_the_scene_gave_a_country_keeps_it() -> None:
    blast = attack(named(None, ""), named("IRQ", "a commander"))
    killing = attack(named("IRQ", "", "place"), named("IRQ", "a commander"))
    [merged] = merge_mentions([blast, killing])
    assert merged.source.code.country == "IRQ"
