"""Tabular exports: the event rows as they are stored, for data tools."""

from __future__ import annotations

import csv
import json
from datetime import date, datetime
from pathlib import Path
from typing import IO, Any

import pyarrow as pa
import pyarrow.parquet as pq


def write_parquet(rows: pa.Table, path: Path) -> int:
    pq.write_table(rows, path)
    return rows.num_rows


def write_csv(rows: pa.Table, out: IO[str]) -> int:
    writer = csv.writer(out)
    writer.writerow(rows.column_names)
    for record in rows.to_pylist():
        writer.writerow([_flat(value) for value in record.values()])
    return rows.num_rows


def write_jsonl(rows: pa.Table, out: IO[str]) -> int:
    for record in rows.to_pylist():
        out.write(json.dumps(record, default=_json_value, ensure_ascii=False) + "\n")
    return rows.num_rows


def _flat(value: Any) -> Any:
    """Lists joined by ``;`` so a CSV cell stays one value."""
    if isinstance(value, list):
        return ";".join(str(v) for v in value)
    return "" if value is None else value


def _json_value(value: Any) -> Any:
    if isinstance(value, date | datetime):
        return value.isoformat()
    raise TypeError(f"cannot serialise {type(value).__name__}")
