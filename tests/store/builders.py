"""Hand-built articles and coded events for store, cluster and export tests (no model needed)."""

from __future__ import annotations

from datetime import date

from worldorder.model import ActorCode, ActorMention, Article, CodedArticle, DateBasis, Event, Mention, Place

PLACES = {
    "Vienna": Place("Vienna", 0, 6, 2761369, "Vienna", "AUT", "Vienna", "city", 48.2085, 16.3721),
    "Austria": Place("Austria", 0, 7, 2782113, "Austria", "AUT", None, "country", 47.33, 13.33),
    "Geneva": Place("Geneva", 0, 6, 2660646, "Geneva", "CHE", "Geneva", "city", 46.2022, 6.1457),
}


def actor(code: str, sector: str | None = "GOV", text: str | None = None) -> ActorMention:
    group = code if len(code) != 3 else None
    return ActorMention(ActorCode(None if group else code, group, sector, text or code), text or code, 0, 3)


def article(
    article_id: str, text: str, published: date | None, url: str | None = None, site: str | None = None
) -> Article:
    return Article(
        id=article_id,
        text=text,
        origin="test",
        kind="text",
        title=f"Title of {article_id}",
        url=url,
        site=site,
        author=None,
        published=published,
        published_basis=DateBasis.INPUT,
        language="en",
        skipped=None,
    )


def event(
    source: str,
    target: str | None,
    when: str | None,
    place: str | None = None,
    event_type: str = "CONSULT",
    modality: str = "asserted",
    sentence: str = "They met.",
    symmetric: bool = True,
    attribution: ActorMention | None = None,
) -> Event:
    precision = {10: "day", 7: "month", 4: "year"}.get(len(when or ""), "week")
    return Event(
        event_type=event_type,
        mode="meet",
        cameo="040" if event_type == "CONSULT" else "190",
        quad_class=1 if event_type == "CONSULT" else 4,
        goldstein=1.0 if event_type == "CONSULT" else -10.0,
        source=actor(source),
        target=actor(target) if target else None,
        modality=modality,
        attribution=attribution,
        mentions=(Mention(sentence, 0, len(sentence), "met", 5, 8, "test-rule"),),
        symmetric=symmetric,
        date=when,
        date_precision=precision if when else None,
        date_basis="sentence",
        location=PLACES[place] if place else None,
    )


def coded(item: Article, *events: Event) -> CodedArticle:
    return CodedArticle(item, item.published, DateBasis.INPUT, events=events)


def report(
    article_id: str,
    published: date,
    *events: Event,
    url: str | None = None,
) -> tuple[Article, CodedArticle]:
    text = " ".join(e.mentions[0].sentence for e in events) or "Nothing happened."
    item = article(article_id, text, published, url=url)
    return item, coded(item, *events)
