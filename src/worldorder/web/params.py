"""Query parameters of the JSON API, validated before any query runs (bad values: 422)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Annotated

from fastapi import HTTPException, Query

from worldorder.store import EventFilter

MAX_PAGE = 200  # one page of the explorer; larger pages cost more than they show
MAX_MAP_POINTS = 2000  # markers a browser draws without stutter
MAX_IDS = 200  # events fetched by id in one call (the events behind a timeline point)
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


def parse_ids(raw: str) -> list[int]:
    """``1,2,3`` -> [1, 2, 3], at most MAX_IDS of them."""
    try:
        ids = [int(part) for part in raw.split(",") if part.strip()]
    except ValueError as exc:
        raise HTTPException(status_code=422, detail="ids must be comma-separated integers") from exc
    if len(ids) > MAX_IDS:
        raise HTTPException(status_code=422, detail=f"at most {MAX_IDS} ids at once")
    return ids
