"""One event, many mentions: merging tellings of the same happening (no model needed)."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest

from worldorder.coding.merge import dates_compatible, merge_mentions
from worldorder.model import ActorCode, ActorMention, Event, Mention


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
