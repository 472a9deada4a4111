"""The typed vocabulary every stage speaks.

All records are frozen dataclasses. Offsets (``start``/``end``) are character
offsets into the article's original ``text``, exactly as it was read: no stage
ever rewrites the text, so an offset found anywhere points into the input.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum


class DateBasis(StrEnum):
    """How an article's publication (reference) date was found."""

    METADATA = "metadata"  # the page's own metadata (HTML meta tags, feed entry)
    INPUT = "input"  # given with the document (JSONL ``published``, ``--published``)
    TEXT = "text"  # inferred: the latest full explicit date in the text
    CRAWL = "crawl"  # the day a web crawler fetched the page (WARC-Date), when nothing better is known
    UNPARSED = "unparsed"  # the input gave a date no reader understood; kept as ``published_raw``
    UNKNOWN = "unknown"


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of the original text, ``text[start:end]``."""

    start: int
    end: int
    label: str = ""


@dataclass(frozen=True, slots=True)
class Document:
    """One input document as read, before any analysis."""

    text: str
    origin: str  # file path, URL or "<stdin>", with ":LINE" for JSON Lines and ":RECORD" for WARC
    kind: str  # "text", "html", "jsonl", "warc"
    id: str | None = None
    title: str | None = None
    url: str | None = None
    site: str | None = None
    author: str | None = None
    published: date | None = None
    published_basis: DateBasis = DateBasis.UNKNOWN
    excluded: tuple[Span, ...] = ()
    crawled: datetime | None = None  # when a crawler fetched the page (WARC-Date), UTC
    published_raw: str | None = None  # the date as given, when it could not be read
    notes: tuple[str, ...] = ()  # what reading repaired (one line each), for the user to see


@dataclass(frozen=True, slots=True)
class Article:
    """A stored article: a document with its identity, language and status."""

    id: str
    text: str
    origin: str
    kind: str
    title: str | None
    url: str | None
    site: str | None
    author: str | None
    published: date | None
    published_basis: DateBasis
    language: str
    skipped: str | None  # reason the article is not analysed (e.g. "language: fr"), or None
    excluded: tuple[Span, ...] = ()
    crawled: datetime | None = None  # when a crawler fetched the page (WARC-Date), UTC
    published_raw: str | None = None  # the publication date as given, when it could not be read


@dataclass(frozen=True, slots=True)
class Failure:
    """An input that could not be read, with a one-line reason."""

    origin: str
    reason: str


@dataclass(frozen=True, slots=True)
class Notice:
    """Something repaired while reading an input that was kept (one line); not a failure."""

    origin: str
    message: str


@dataclass(frozen=True, slots=True)
class ActorCode:
    """Who an actor is, in codes the field uses."""

    country: str | None  # ISO 3166-1 alpha-3
    known_group: str | None  # organisation code: NATO, EU, UN, HAMAS, ...
    sector: str | None  # PLOVER sector: GOV, MIL, SPY, MED, IGO, REB, COP, ...
    name: str | None = None  # canonical name of a known person or body
    entry: str | None = None  # id of the knowledge-base entry that matched


@dataclass(frozen=True, slots=True)
class ActorMention:
    """An actor as it appears in the text."""

    code: ActorCode
    text: str
    start: int
    end: int
    # how the country was found: "named" (the text names it), "place" (where the event happened),
    # "dateline", "article" (the country the article is mostly about), "unknown"; None before coding
    country_basis: str | None = None


@dataclass(frozen=True, slots=True)
class Place:
    """A toponym mention resolved against the gazetteer."""

    text: str
    start: int
    end: int
    geonameid: int | None
    name: str | None
    country: str | None  # ISO 3166-1 alpha-3
    admin1: str | None
    kind: str | None  # country, region, city, landmark
    lat: float | None
    lon: float | None
    # which clue decided among the name's readings: only, qualifier, qualified, region, country,
    # nearby, prior (see worldorder.geo.resolve.clue); not stored
    clue: str | None = None

    @property
    def precision(self) -> str | None:
        """How exactly the point stands for the place: ``point`` (a landmark), ``city``, ``region``
        (a state, province, district or named area: its middle) or ``country`` (its middle)."""
        return PRECISION_OF_KIND.get(self.kind or "")


PRECISION_OF_KIND = {"landmark": "point", "city": "city", "region": "region", "country": "country"}


@dataclass(frozen=True, slots=True)
class TimeExpression:
    """A temporal expression with its normalised value (2024-10-11, 2024-10, 2024, 2024-W41)."""

    text: str
    start: int
    end: int
    value: str | None


@dataclass(frozen=True, slots=True)
class Mention:
    """One telling of an event: where in which sentence, found by which rule."""

    sentence: str
    sentence_start: int
    sentence_end: int
    trigger: str
    trigger_start: int
    trigger_end: int
    rule: str


@dataclass(frozen=True, slots=True)
class Event:
    """A coded dyadic event with its provenance."""

    event_type: str  # PLOVER
    mode: str | None
    cameo: str
    quad_class: int  # 1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict
    goldstein: float
    source: ActorMention
    target: ActorMention | None
    modality: str  # asserted, reported, alleged, planned, intended, hypothetical, negated
    attribution: ActorMention | None
    mentions: tuple[Mention, ...]
    symmetric: bool = False
    date: str | None = None
    date_precision: str | None = None  # day, week, month, year
    date_basis: str | None = None  # clause, sentence, reference
    location: Place | None = None
    location_basis: str | None = None  # clause, sentence, dateline, article (see geo.location)


@dataclass(frozen=True, slots=True)
class CodedArticle:
    """What the pipeline makes of one article."""

    article: Article
    reference_date: date | None
    reference_basis: DateBasis
    events: tuple[Event, ...] = field(default=())
    places: tuple[Place, ...] = field(default=())
    dates: tuple[TimeExpression, ...] = field(default=())
    dateline: Place | None = None  # the place of reporting named by an opening dateline
