"""The JSON output contract of ``worldorder extract`` (see ../shared/eval/README.md)."""

from __future__ import annotations

from typing import Any

from worldorder.model import ActorMention, CodedArticle, Event, Mention, Place, TimeExpression


def actor_json(actor: ActorMention | None) -> dict[str, Any] | None:
    if actor is None:
        return None
    code = actor.code
    return {
        "country": code.country,
        "country_basis": actor.country_basis,
        "known_group": code.known_group,
        "sector": code.sector,
        "name": code.name,
        "text": actor.text,
        "start": actor.start,
        "end": actor.end,
    }


def place_json(place: Place | None) -> dict[str, Any] | None:
    if place is None:
        return None
    return {name: getattr(place, name) for name in place.__slots__} | {"precision": place.precision}


def mention_json(mention: Mention) -> dict[str, Any]:
    return {name: getattr(mention, name) for name in mention.__slots__}


def event_json(event: Event) -> dict[str, Any]:
    first = event.mentions[0]
    return {
        "event_type": event.event_type,
        "mode": event.mode,
        "cameo": event.cameo,
        "quad_class": event.quad_class,
        "goldstein": event.goldstein,
        "source": actor_json(event.source),
        "target": actor_json(event.target),
        "symmetric": event.symmetric,
        "date": event.date,
        "date_precision": event.date_precision,
        "date_basis": event.date_basis,
        "location": place_json(event.location),
        "location_basis": event.location_basis,
        "location_precision": event.location.precision if event.location else None,
        "modality": event.modality,
        "attribution": actor_json(event.attribution),
        "sentence": first.sentence,
        "mentions": [mention_json(m) for m in event.mentions],
    }


def date_json(expression: TimeExpression) -> dict[str, Any]:
    return {name: getattr(expression, name) for name in expression.__slots__}


def coded_json(coded: CodedArticle) -> dict[str, Any]:
    """One output document: the article's identity and everything found in it."""
    article = coded.article
    return {
        "id": article.id,
        "title": article.title,
        "url": article.url,
        "published": article.published.isoformat() if article.published else None,
        "published_raw": article.published_raw,
        "reference_date": coded.reference_date.isoformat() if coded.reference_date else None,
        "reference_basis": str(coded.reference_basis),
        "language": article.language,
        "skipped": article.skipped,
        "dateline": place_json(coded.dateline),
        "events": [event_json(e) for e in coded.events],
        "places": [place_json(p) for p in coded.places],
        "dates": [date_json(d) for d in coded.dates],
    }
