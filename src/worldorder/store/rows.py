"""Flatten the typed records into rows for Arrow, and back."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

import pyarrow as pa

from worldorder.model import ActorMention, Article, CodedArticle, DateBasis, Event, Span

ACTOR_ROLES = ("source", "target", "attribution")


def article_row(article: Article, now: datetime) -> dict[str, Any]:
    return {
        "id": article.id,
        "text": article.text,
        "origin": article.origin,
        "kind": article.kind,
        "title": article.title,
        "url": article.url,
        "site": article.site,
        "author": article.author,
        "published": article.published,
        "published_basis": str(article.published_basis),
        "published_raw": article.published_raw,
        "language": article.language,
        "skipped": article.skipped,
        "excluded": [{"start": s.start, "end": s.end, "label": s.label} for s in article.excluded],
        "ingested_at": now,
        "crawled": article.crawled,
    }


def article_from_row(row: dict[str, Any]) -> Article:
    return Article(
        id=row["id"],
        text=row["text"],
        origin=row["origin"],
        kind=row["kind"],
        title=row["title"],
        url=row["url"],
        site=row["site"],
        author=row["author"],
        published=row["published"],
        published_basis=DateBasis(row["published_basis"]),
        language=row["language"],
        skipped=row["skipped"],
        excluded=tuple(Span(s["start"], s["end"], s["label"]) for s in row["excluded"] or ()),
        crawled=row.get("crawled"),
        published_raw=row.get("published_raw"),
    )


def actor_columns(prefix: str, actor: ActorMention | None) -> dict[str, Any]:
    code = actor.code if actor else None
    return {
        f"{prefix}_text": actor.text if actor else None,
        f"{prefix}_start": actor.start if actor else None,
        f"{prefix}_end": actor.end if actor else None,
        f"{prefix}_country": code.country if code else None,
        f"{prefix}_country_basis": actor.country_basis if actor else None,
        f"{prefix}_group": code.known_group if code else None,
        f"{prefix}_sector": code.sector if code else None,
        f"{prefix}_name": code.name if code else None,
    }


def event_row(event_id: str, article_id: str, event: Event) -> dict[str, Any]:
    place = event.location
    row: dict[str, Any] = {
        "event_id": event_id,
        "article_id": article_id,
        "event_type": event.event_type,
        "mode": event.mode,
        "cameo": event.cameo,
        "quad_class": event.quad_class,
        "goldstein": event.goldstein,
        "is_symmetric": event.symmetric,
        "modality": event.modality,
    }
    for role in ACTOR_ROLES:
        row |= actor_columns(role, getattr(event, role))
    return row | {
        "date": event.date,
        "date_precision": event.date_precision,
        "date_basis": event.date_basis,
        "location_text": place.text if place else None,
        "location_name": place.name if place else None,
        "location_country": place.country if place else None,
        "location_geonameid": place.geonameid if place else None,
        "location_lat": place.lat if place else None,
        "location_lon": place.lon if place else None,
        "location_kind": place.kind if place else None,
        "location_basis": event.location_basis,
    }


def analysis_rows(coded: CodedArticle) -> dict[str, list[dict[str, Any]]]:
    """Rows of every analysis table for one coded article."""
    aid = coded.article.id
    events, mentions = [], []
    for n, event in enumerate(coded.events, 1):
        event_id = f"{aid}#e{n}"
        events.append(event_row(event_id, aid, event))
        mentions += [{"event_id": event_id, "article_id": aid, **_fields(m)} for m in event.mentions]
    return {
        "events": events,
        "mentions": mentions,
        "places": [{"article_id": aid, **_fields(p)} for p in coded.places],
        "dates": [{"article_id": aid, **_fields(d)} for d in coded.dates],
        "article_analysis": [
            {
                "article_id": aid,
                "reference_date": coded.reference_date,
                "reference_basis": str(coded.reference_basis),
            }
        ],
    }


def _fields(record: Any) -> dict[str, Any]:
    return {name: getattr(record, name) for name in record.__slots__}


def batch_tables(
    articles: Sequence[Article], coded: Sequence[CodedArticle], schemas: Mapping[str, pa.Schema], now: datetime
) -> dict[str, pa.Table]:
    """Arrow tables of the stored tables for ``articles`` and the analysis of those ``coded``.

    ``schemas`` are the store's (``Store.table_schemas``), so a worker that never sees the
    store builds tables the store takes as they are.
    """
    ids = {a.id for a in articles}
    rows: dict[str, list[dict[str, Any]]] = {name: [] for name in schemas}
    rows["articles"] = [article_row(a, now) for a in articles]
    for item in coded:
        if item.article.id in ids:
            for name, table_rows in analysis_rows(item).items():
                rows[name].extend(table_rows)
    return {name: pa.Table.from_pylist(table_rows, schema=schemas[name]) for name, table_rows in rows.items()}
