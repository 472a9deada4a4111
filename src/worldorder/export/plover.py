"""PLOVER JSON records, one per line, with the field names of the PLOVER specification.

Fields follow the "JSON Data Fields" chapter of the PLOVER manual (Open Event Data Alliance):
``id``, ``date``, ``source``/``recipient`` (lists of actor objects with ``code``, ``sector``,
``actor_text``, ``identifier_text``), ``event`` (list of categories), ``mode``, ``context``,
``quad_code``, ``event_scale``, ``event_loc`` (a GeoNames-style location object), ``text``,
``event_text``, ``text_info``, ``cite_info``, ``coder`` and ``coded_date``.
"""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import IO, Any

import pyarrow as pa

CODER = "worldorder"


def write_plover(rows: pa.Table, out: IO[str]) -> int:
    for record in rows.to_pylist():
        out.write(json.dumps(plover_record(record), ensure_ascii=False) + "\n")
    return rows.num_rows


def plover_record(record: dict[str, Any]) -> dict[str, Any]:
    """The PLOVER record of one exported event row."""
    source, target = _actor(record, "source"), _actor(record, "target")
    return {
        "id": f"worldorder-{record['cluster_id']}",
        "date": _iso(record["date_start"]),
        "enddate": _iso(record["date_end"]),
        "date_text": record["date"],
        "date_precision": record["date_precision"],
        "source": [source] if source else [],
        "recipient": [target] if target else [],
        "event": [record["event_type"]],
        "mode": [record["mode"]] if record["mode"] else [],
        "context": [],
        "quad_code": record["quad_class"],
        "event_scale": record["goldstein"],
        "modality": record["modality"],
        "event_loc": _location(record),
        "text": record["sentence"],
        "event_text": [record["trigger"]] if record.get("trigger") else [],
        "text_info": {"start": record.get("sentence_start"), "end": record.get("sentence_end")},
        "cite_info": _citation(record),
        "num_articles": record["num_articles"],
        "num_sources": record["num_sources"],
        "coder": CODER,
        "coded_date": _iso(record["added_at"]),
    }


def _actor(record: dict[str, Any], role: str) -> dict[str, Any] | None:
    """The actor object; None when nothing is known of it (no target, or an agentless report)."""
    code = record[f"{role}_group"] or record[f"{role}_country"]
    if code is None and not record[f"{role}_text"] and record[f"{role}_sector"] is None:
        return None
    return {
        "code": code,
        "country": record[f"{role}_country"],
        "country_basis": record.get(f"{role}_country_basis"),
        "sector": record[f"{role}_sector"],
        "actor_text": record[f"{role}_text"],
        "identifier_text": record[f"{role}_name"],
    }


def _location(record: dict[str, Any]) -> dict[str, Any] | None:
    if record["location_name"] is None and record["location_lat"] is None:
        return None
    return {
        "geonameid": record["location_geonameid"],
        "name": record["location_name"],
        "latitude": record["location_lat"],
        "longitude": record["location_lon"],
        "cc3": record["location_country"],
        "feature_class": record["location_kind"],
    }


def _citation(record: dict[str, Any]) -> dict[str, Any]:
    return {
        "url": record["first_url"],
        "title": record.get("first_title"),
        "language": record.get("first_language"),
        "publication": record.get("first_site"),
        "citation": record["first_article_id"],
        "coder": CODER,
        "codebook": "plover",
    }


def _iso(value: date | datetime | None) -> str | None:
    if isinstance(value, datetime):
        return value.date().isoformat()
    return value.isoformat() if value else None
