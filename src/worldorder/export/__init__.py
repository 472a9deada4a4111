"""Exports of the cross-article events: GDELT 2.0, PLOVER JSON, Parquet, CSV and JSON Lines.

Each exporter reads ``Store.export_rows()`` (one Arrow row per event) and writes to a path
or a text stream; ``docs/exports.md`` documents every field mapping.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import IO

import pyarrow as pa

from worldorder.errors import WorldorderError
from worldorder.export.gdelt import GDELT_COLUMNS, gdelt_rows, write_gdelt
from worldorder.export.plover import plover_record, write_plover
from worldorder.export.tables import write_csv, write_jsonl, write_parquet
from worldorder.store import Store

FORMATS = ("gdelt", "plover", "parquet", "csv", "jsonl")
BINARY_FORMATS = ("parquet",)

__all__ = [
    "FORMATS",
    "GDELT_COLUMNS",
    "export_events",
    "gdelt_rows",
    "plover_record",
]

Writer = Callable[[pa.Table, IO[str]], int]
TEXT_WRITERS: dict[str, Writer] = {
    "gdelt": write_gdelt,
    "plover": write_plover,
    "csv": write_csv,
    "jsonl": write_jsonl,
}


def export_events(
    store: Store, fmt: str, out: IO[str] | Path, start: date | None = None, end: date | None = None
) -> int:
    """Write every event (or those overlapping ``start``..``end``) in ``fmt``; the number written."""
    if fmt not in FORMATS:
        raise WorldorderError(f"unknown export format {fmt!r}: use one of {', '.join(FORMATS)}")
    rows = store.export_rows(start, end)
    if fmt == "parquet":
        if not isinstance(out, Path):
            raise WorldorderError("parquet is binary: give an output file with -o")
        return write_parquet(rows, out)
    if isinstance(out, Path):
        with out.open("w", encoding="utf-8", newline="") as stream:
            return TEXT_WRITERS[fmt](rows, stream)
    return TEXT_WRITERS[fmt](rows, out)
