"""Hand-built articles and coded events for store, cluster and export tests (no model needed)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

from worldorder.model import ActorCode, ActorMention, Article, CodedArticle, DateBasis, Event, Mention, Place
from worldorder.store import Store

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


def unnamed(sector: str | None, text: str, start: int = 0, basis: str = "unknown") -> ActorMention:
    """An actor of no known country or group: "Police" (COP), or nobody at all (no sector, text "")."""
    return ActorMention(ActorCode(None, None, sector), text, start, start + len(text), country_basis=basis)


def arrest_by_police(when: str, place: str | None = None, sentence: str = "Police arrested two persons.") -> Event:
    """ "Police arrested two persons": a COP source of unknown country, no target."""
    base = event("AUT", None, when, place, event_type="COERCE", sentence=sentence, symmetric=False)
    return replace(base, source=unnamed("COP", "Police"), mode="arrest", cameo="173", quad_class=4, goldstein=-5.0)


def agentless_attack(when: str, place: str | None = None, sentence: str = "A man was killed in a gun attack.") -> Event:
    """ "A man was killed in a gun attack": nobody named as source, empty text at the trigger."""
    trigger = sentence.index("killed")
    base = event("AUT", None, when, place, event_type="ASSAULT", sentence=sentence, symmetric=False)
    return replace(base, source=unnamed(None, "", trigger), mode=None)


def unknown_actor_database(path: Path) -> Path:
    """A database of three events: police of unknown country, an agentless attack, and a meeting."""
    items = [
        report("p1", date(2024, 10, 11), arrest_by_police("2024-10-11")),
        report("k1", date(2024, 10, 12), agentless_attack("2024-10-11", "Vienna")),
        report("m1", date(2024, 10, 13), event("AUT", "IRN", "2024-10-11", "Vienna")),
    ]
    with Store.open(path) as store:
        store.add([a for a, _ in items], [c for _, c in items])
    return path
