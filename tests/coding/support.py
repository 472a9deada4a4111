"""Helpers the coder tests share: code a sentence, and read its events as (type, source, target)."""

from __future__ import annotations

from datetime import date

from spacy.language import Language

from worldorder.coding.events import EventCoder
from worldorder.model import ActorMention, Event

MAY_2024 = date(2024, 5, 6)


def code(nlp: Language, coder: EventCoder, text: str, on: date = MAY_2024) -> list[Event]:
    """The events the coder finds in one sentence, dated against ``on``."""
    return coder.code(nlp(text), on)


def who(actor: ActorMention | None) -> str | None:
    """The code an actor answers to first: its country, else its organisation."""
    if actor is None:
        return None
    return actor.code.country or actor.code.known_group


def dyads(events: list[Event]) -> set[tuple[str, str | None, str | None]]:
    """Each event as (type, source, target)."""
    return {(e.event_type, who(e.source), who(e.target)) for e in events}
