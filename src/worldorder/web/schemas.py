"""What the JSON API answers: typed records that FastAPI turns into the OpenAPI schema."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from worldorder.analysis import AlignmentShift, Bloc, BlocEvidence, NetworkEdge, NetworkNode, TimelinePoint
from worldorder.store import ActorActivity, DyadWeight, EventSummary, MentionDetail
from worldorder.store.queries import ActorName, MapPoint, PairEvent


@dataclass(frozen=True, slots=True)
class Country:
    iso3: str
    numeric: int  # ISO 3166-1 numeric: the id of the country in the world TopoJSON
    name: str


@dataclass(frozen=True, slots=True)
class Vocabulary:
    event_types: tuple[str, ...]
    quad_classes: dict[int, str]
    modalities: tuple[str, ...]
    intervals: tuple[str, ...]
    countries: tuple[Country, ...]


@dataclass(frozen=True, slots=True)
class Overview:
    """Counts of every event (negated and undated too), as the events list counts them."""

    articles: int
    events: int
    undated: int
    top_actors: list[ActorActivity]
    top_pairs: list[DyadWeight]


@dataclass(frozen=True, slots=True)
class ActorList:
    """Every actor key in the store, for autocompletion and for reading names typed by people."""

    items: list[ActorName]


@dataclass(frozen=True, slots=True)
class EventPage:
    """One page of events; ``total``, ``undated`` and ``unlocated`` count every match, not the page."""

    total: int
    undated: int  # of the matches, events without a date (listed last, on no chart)
    unlocated: int  # of the matches, events without coordinates (on no map)
    limit: int
    offset: int
    items: list[EventSummary]


@dataclass(frozen=True, slots=True)
class MapPage:
    """The located events the map draws: narrow records, not full summaries."""

    total: int  # points in this answer
    limit: int
    items: list[MapPoint]
    matching: int  # events matching the filters, located or not
    located: int  # of those, the ones with coordinates (``total`` is at most ``limit`` of them)


@dataclass(frozen=True, slots=True)
class MentionView:
    """One sentence of one report, with the article text around it for highlighting."""

    mention: MentionDetail
    before: str  # article text just before the sentence
    after: str  # article text just after it


@dataclass(frozen=True, slots=True)
class EventView:
    event: EventSummary
    cluster_key: str
    mentions: list[MentionView]


@dataclass(frozen=True, slots=True)
class RelationTimeline:
    """A pair's events by period; those no bar can show are listed apart, so the counts add up.

    ``events`` = events of ``points`` + ``coarse`` + ``undated`` + ``negated``: every event
    the events list gives for the same pair and dates.
    """

    a: str
    b: str
    interval: str
    events: int
    score: float  # over every dated event that happened (points and coarse)
    points: list[TimelinePoint]  # events dated at least as precisely as the interval
    coarse: list[PairEvent]  # dated less precisely than the interval (a month in day view): spans
    undated: list[int]  # event ids without a date
    negated: list[int]  # event ids of negated events ("did not meet"): listed, never scored


@dataclass(frozen=True, slots=True)
class NetworkView:
    start: date | None
    end: date | None
    nodes: list[NetworkNode]
    edges: list[NetworkEdge]
    blocs: list[Bloc]
    evidence: list[BlocEvidence]  # per bloc, in bloc order
    modularity: float
    method: str


@dataclass(frozen=True, slots=True)
class AlignmentView:
    before: tuple[date | None, date | None]
    after: tuple[date | None, date | None]
    shifts: list[AlignmentShift]
