"""Query parameters of the JSON API, validated before any query runs (bad values: 422)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Annotated

from fastapi import HTTPException, Query, Request

from worldorder.store import EventFilter
from worldorder.store.queries import MAX_EVENT_ID

MAX_PAGE = 200  # one page of the explorer; larger pages cost more than they show
MAX_MAP_POINTS = 2000  # markers a browser draws without stutter
MAX_IDS = 200  # events fetched by id in one call (the events behind a timeline point)
MAX_CSV = 100_000  # rows of one CSV download (about 40 MB)
LIST_PARAMETERS = frozenset({"ids"})  # the only parameters the API documents as lists
KEY_PATTERN = r"^[A-Za-z][A-Za-z0-9_]{1,15}$"  # RUS, NATO, HAMAS
MODALITIES = ("asserted", "reported", "alleged", "planned", "intended", "hypothetical", "negated")

ActorKey = Annotated[str | None, Query(pattern=KEY_PATTERN, description="Actor key: ISO alpha-3 or group code")]
Day = Annotated[date | None, Query(description="YYYY-MM-DD")]
Text = Annotated[str | None, Query(min_length=1, max_length=200)]


@dataclass(frozen=True, slots=True)
class EventQuery:
    """The explorer's filters as query parameters."""

    actor: ActorKey = None
    country: Annotated[str | None, Query(pattern=r"^[A-Za-z]{3}$")] = None
    sector: Annotated[str | None, Query(pattern=r"^[A-Za-z]{3}$")] = None
    pair: Annotated[str | None, Query(pattern=r"^[A-Za-z0-9_]{2,16},[A-Za-z0-9_]{2,16}$", examples=["RUS,IRN"])] = None
    event_type: Annotated[str | None, Query(pattern=r"^[A-Za-z]{3,12}$")] = None
    quad_class: Annotated[int | None, Query(ge=1, le=4)] = None
    modality: Annotated[str | None, Query(pattern="^(" + "|".join(MODALITIES) + ")$")] = None
    start: Day = None
    end: Day = None
    place: Text = None
    q: Text = None

    def to_filter(self, limit: int, offset: int) -> EventFilter:
        check_range(self.start, self.end)
        pair = tuple(self.pair.upper().split(",")) if self.pair else None
        return EventFilter(
            actor=self.actor,
            country=self.country,
            sector=self.sector,
            pair=(pair[0], pair[1]) if pair else None,
            event_type=self.event_type,
            quad_class=self.quad_class,
            modality=self.modality,
            start=self.start,
            end=self.end,
            place=self.place,
            text=self.q,
            limit=limit,
            offset=offset,
        )


def check_range(start: date | None, end: date | None) -> None:
    if start and end and start > end:
        raise HTTPException(status_code=422, detail=f"start {start} is after end {end}")


def parse_ids(raw: list[str]) -> list[int]:
    """``["1,2", "3"]`` (``ids=1,2&ids=3``) -> [1, 2, 3], at most MAX_IDS of them, each a stored id's size."""
    parts = [part.strip() for chunk in raw for part in chunk.split(",") if part.strip()]
    if not all(part.isdigit() for part in parts):
        raise HTTPException(status_code=422, detail="ids must be comma-separated non-negative integers")
    if len(parts) > MAX_IDS:
        raise HTTPException(status_code=422, detail=f"at most {MAX_IDS} ids at once")
    ids = [int(part) for part in parts]
    if any(i > MAX_EVENT_ID for i in ids):
        raise HTTPException(status_code=422, detail=f"ids must be at most {MAX_EVENT_ID}")
    return ids


def single_values(request: Request) -> None:
    """422 for a parameter given twice (``?actor=RUS&actor=IRN``) unless the API takes it as a list.

    Without this, the last value silently won and the first was ignored.
    """
    repeated = sorted({k for k in request.query_params if len(request.query_params.getlist(k)) > 1} - LIST_PARAMETERS)
    if repeated:
        raise HTTPException(status_code=422, detail=f"parameter {', '.join(repeated)} given more than once")
