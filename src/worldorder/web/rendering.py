"""Answers as JSON straight from the typed records.

Routes declare their record type as ``response_model`` (for the OpenAPI schema) but return
the JSON already rendered: re-validating a network of a thousand ties through pydantic took
longer than the query behind it (about 100 ms for 1,100 ties against 5 ms for ``asdict``).
The encoder turns each record into a dict of its fields as it meets it, without the deep
copies of ``dataclasses.asdict`` (which took 70 ms of the 100 ms of a 500-event map page).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from dataclasses import fields, is_dataclass
from datetime import date
from functools import cache
from typing import Any

from fastapi import Response

from worldorder.store import EventSummary

CSV_COLUMNS = (
    "event_id", "date", "date_precision", "event_type", "mode", "cameo", "quad_class", "goldstein", "modality",
    "source_key", "source_name", "source_text", "target_key", "target_name", "target_text",
    "place", "place_country", "lat", "lon", "articles", "sources", "mentions", "first_url", "sentence",
)  # fmt: skip


@cache
def _field_names(kind: type) -> tuple[str, ...]:
    return tuple(f.name for f in fields(kind))


def _plain(value: Any) -> Any:
    """What the JSON encoder cannot write itself: records (as their fields) and dates."""
    if is_dataclass(value) and not isinstance(value, type):
        return {name: getattr(value, name) for name in _field_names(type(value))}
    if isinstance(value, date):
        return value.isoformat()
    raise TypeError(f"cannot render {type(value).__name__} as JSON")


def json_response(record: Any) -> Response:
    """A dataclass record as a JSON response."""
    body = json.dumps(record, default=_plain, ensure_ascii=False, allow_nan=False)
    return Response(body, media_type="application/json")


def csv_row(event: EventSummary) -> list[Any]:
    """One event as a flat CSV row in the order of ``CSV_COLUMNS``."""
    source, target = event.source, event.target
    return [
        event.event_id, event.date, event.date_precision, event.event_type, event.mode, event.cameo,
        event.quad_class, event.goldstein, event.modality,
        source.key, source.name, source.text,
        target.key if target else None, target.name if target else None, target.text if target else None,
        event.place, event.place_country, event.lat, event.lon, event.articles, event.sources, event.mentions,
        event.first_url, event.sentence,
    ]  # fmt: skip


def csv_response(events: Sequence[EventSummary], filename: str) -> Response:
    """Events as a CSV download (UTF-8, a header row, one row per event)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(CSV_COLUMNS)
    writer.writerows(csv_row(e) for e in events)
    headers = {"Content-Disposition": f'attachment; filename="{filename}"'}
    return Response(buffer.getvalue(), media_type="text/csv; charset=utf-8", headers=headers)
