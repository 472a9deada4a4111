"""One event, many mentions: the same happening told in several sentences becomes one event.

Two events are the same when they have the same type, compatible modes (equal or one
unknown), the same modality family (fact, claim, future, possibility, negation), the same dyad
(in either order when either is symmetric) and compatible dates (equal, nested, or one
unknown). The merged event keeps the first telling's fields, fills empty date, location
and attribution from later tellings, and carries every mention.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from worldorder.model import ActorMention, Event

DATE_VALUE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")
MODALITY_FAMILIES = {"asserted": "fact", "reported": "fact", "planned": "future", "intended": "future"}
# How well a date or place is grounded: in the event's own clause, in its sentence, or only
# by the article's reference date.
BASIS_STRENGTH = {"clause": 3, "sentence": 2, "reference": 1}
# A report tells of its events within about a week: "this week", "on Thursday", "last weekend".
REFERENCE_WINDOW_DAYS = 7


def actor_key(actor: ActorMention | None) -> tuple[str | None, str | None, str | None]:
    """Who an actor is for merging: its country and organisation, not its wording; an actor with
    neither is told apart by its kind ("police" and "soldiers" of an unknown country are two)."""
    if actor is None:
        return (None, None, None)
    code = actor.code
    kind = None if code.country or code.known_group else (code.sector or "?")
    return (code.country, code.known_group, kind)


def agentless(event: Event) -> bool:
    """Told with no word for who did it ("two soldiers were killed"): its source is only a default."""
    return not event.source.text


def same_dyad(a: Event, b: Event) -> bool:
    """Same source and target, or swapped when either event is symmetric; a later telling that does
    not say who did it fits an earlier one's source with the same named target ("a bomber killed
    four Americans ... two US soldiers were among the dead")."""
    forward = (actor_key(a.source), actor_key(a.target))
    if forward == (actor_key(b.source), actor_key(b.target)):
        return True
    if (a.symmetric or b.symmetric) and forward == (actor_key(b.target), actor_key(b.source)):
        return True
    if agentless(a) and agentless(b) and same_sentence(a, b):  # "a drone strike killed a commander"
        return a.target is not None and b.target is not None and actor_key(a.target) == actor_key(b.target)
    return agentless(b) and not agentless(a) and named_alike(a.target, b.target)


def same_sentence(a: Event, b: Event) -> bool:
    return a.mentions[0].sentence_start == b.mentions[0].sentence_start


def named_alike(a: ActorMention | None, b: ActorMention | None) -> bool:
    """Two targets the text names as the same country or organisation ("four Americans", "two US
    soldiers"), not merely placed in one."""
    if a is None or b is None or "place" in (a.country_basis, b.country_basis):
        return False
    return actor_key(a) == actor_key(b) and (a.code.country or a.code.known_group) is not None


def dates_compatible(a: str | None, b: str | None) -> bool:
    """Unknown dates fit anything; known ones fit when one is a prefix of the other (2024-10 / 2024-10-11)."""
    if a is None or b is None or not (DATE_VALUE.fullmatch(a) and DATE_VALUE.fullmatch(b)):
        return True
    return a.startswith(b) or b.startswith(a)


def strength(basis: str | None) -> int:
    return BASIS_STRENGTH.get(basis or "", 0)


def reference_dated_fits(a: Event, b: Event) -> bool:
    """One telling dated only by the reference date, the other on a named day shortly before it."""
    weak, strong = sorted((a, b), key=lambda e: strength(e.date_basis))
    if weak.date_basis != "reference" or strength(strong.date_basis) <= strength("reference"):
        return False
    try:
        gap = date.fromisoformat(weak.date or "") - date.fromisoformat(strong.date or "")
    except ValueError:
        return False
    return 0 <= gap.days <= REFERENCE_WINDOW_DAYS


def events_dates_compatible(a: Event, b: Event) -> bool:
    return dates_compatible(a.date, b.date) or reference_dated_fits(a, b)


def modality_family(modality: str) -> str:
    """Modalities that can describe one happening: told as fact, as claim, as plan, as possibility."""
    return MODALITY_FAMILIES.get(modality, modality)


def modes_compatible(a: str | None, b: str | None) -> bool:
    """Accepting an invitation and signing a deal are two AGREE events, not one."""
    return a is None or b is None or a == b


def same_happening(a: Event, b: Event) -> bool:
    """Whether two tellings are of one event."""
    return (
        a.event_type == b.event_type
        and modes_compatible(a.mode, b.mode)
        and modality_family(a.modality) == modality_family(b.modality)
        and same_dyad(a, b)
        and events_dates_compatible(a, b)
    )


def _absorb(kept: Event, other: Event) -> Event:
    dated = other if strength(other.date_basis) > strength(kept.date_basis) or kept.date is None else kept
    placed = kept
    if other.location is not None and (
        kept.location is None or strength(other.location_basis) > strength(kept.location_basis)
    ):
        placed = other
    # of two tellings that name no doer, the one whose source the scene gave a country
    source = other.source if agentless(kept) and not kept.source.code.country and other.source.code.country else None
    return replace(
        kept,
        source=source or kept.source,
        attribution=kept.attribution or other.attribution,
        mentions=kept.mentions + other.mentions,
        symmetric=kept.symmetric or other.symmetric,
        date=dated.date,
        date_precision=dated.date_precision,
        date_basis=dated.date_basis,
        location=placed.location,
        location_basis=placed.location_basis,
    )


def merge_mentions(events: Sequence[Event]) -> list[Event]:
    """Merge the tellings of the same event, keeping first-telling order."""
    merged: list[Event] = []
    for event in events:
        index = next((i for i, kept in enumerate(merged) if same_happening(kept, event)), None)
        if index is None:
            merged.append(event)
        else:
            merged[index] = _absorb(merged[index], event)
    return merged
