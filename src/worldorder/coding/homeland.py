"""Countries for actors the text names only by kind ("police", "protesters", "gunmen").

The coder gives such an actor the country of a place its own clause names ("police in Kano").
When the clause names none, the field's convention for domestic actors applies, in this order:
the place where the event happened (not for whoever came there to meet: a visitor, or a party in
talks with a named foreign side), the article's dateline, then the country the article is mostly
about; else the country stays unknown and the event is still kept. Each actor records
which of these gave its country (``ActorMention.country_basis``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from worldorder.model import ActorMention, Event, Place

CONSULT, VISIT = "CONSULT", "visit"
GENERIC_SECTORS = frozenset({"IGO", "NGO", "IMG", "MNC"})  # bodies that belong to no one country
# the article is "mostly about" a country when it holds at least this share of the place mentions
# that name a country, and at least two of them (one passing mention decides nothing)
DOMINANT_SHARE = 0.5
DOMINANT_MINIMUM = 2


def dominant_country(places: Sequence[Place]) -> str | None:
    """The country most of an article's places lie in, if one clearly leads."""
    counts = Counter(p.country for p in places if p.country)
    if not counts:
        return None
    country, count = counts.most_common(1)[0]
    total = sum(counts.values())
    return country if count >= DOMINANT_MINIMUM and count / total >= DOMINANT_SHARE else None


def complete_countries(event: Event, dateline: Place | None, article_country: str | None) -> Event:
    """The event with a country for each actor named only by its kind (see the module docstring)."""
    clues = (
        ("place", event.location.country if event.location else None),
        ("dateline", dateline.country if dateline else None),
        ("article", article_country),
    )
    source = _completed(event.source, clues[1:] if _visitor(event) else clues)
    target = _completed(event.target, clues) if event.target is not None else None
    if source is event.source and target is event.target:
        return event
    return replace(event, source=source, target=target)


def _visitor(event: Event) -> bool:
    """Whether the source came to where a meeting happened: a visit ("the foreign minister arrived in
    Moscow on a visit"), or talks with a party the text names by its country ("held talks with
    Japanese officials in Tokyo", "with Taliban leaders in Doha"), where the place is the host's
    or a venue, not the source's home."""
    if event.event_type != CONSULT:
        return False
    target = event.target
    return event.mode == VISIT or (target is not None and target.country_basis == "named" and bool(target.code.country))


def _completed(actor: ActorMention, clues: tuple[tuple[str, str | None], ...]) -> ActorMention:
    if not _kind_only(actor):
        return actor
    basis, country = next(((b, c) for b, c in clues if c), ("unknown", None))
    if country is None:
        return actor if actor.country_basis else replace(actor, country_basis=basis)
    return replace(actor, code=replace(actor.code, country=country), country_basis=basis)


def _kind_only(actor: ActorMention) -> bool:
    """A named kind of actor with no country or organisation: not an agentless empty mention, and
    not a body such as an NGO that belongs to no one country."""
    code = actor.code
    kind = code.sector is not None and code.sector not in GENERIC_SECTORS
    return bool(actor.text) and kind and not code.country and not code.known_group
