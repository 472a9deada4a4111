"""Coded articles as partitioned Parquet, for corpora too large for one DuckDB writer.

``DIR/<table>/month=YYYY-MM/part-<key>-<n>.parquet`` holds the rows of the store's tables
(``articles``, ``events``, ``mentions``, ``places``, ``dates``, ``article_analysis``) with the
store's own columns. Events sit under the month of their date; every other row under the
month of its article's reference date (``unknown`` when there is none). DuckDB
(``read_parquet('DIR/events/*/*.parquet', hive_partitioning = true)``), Dask and Spark read
the tree as it is; ``load_parquet`` brings it into a store.

Each partition is written to a hidden folder and moved into place table by table, articles
last: an article whose file is in place has all its rows in place. Its key is a hash of its
article ids, so writing the same partition again replaces its files instead of adding copies.
"""

from __future__ import annotations

import hashlib
import re
import shutil
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa
import pyarrow.dataset as ds
import pyarrow.parquet as pq

from worldorder.errors import StoreError
from worldorder.store.database import BatchResult, Store

TABLES = ("events", "mentions", "places", "dates", "article_analysis", "articles")  # articles last
MONTH = re.compile(r"^\d{4}-\d{2}")
PART = re.compile(r"^part-([0-9a-f]{16})-\d+\.parquet$")


@dataclass
class LoadReport:
    parts: int = 0
    stored: int = 0
    already_present: int = 0


def write_partition(directory: Path, batches: Sequence[dict[str, pa.Table]]) -> str:
    """Write the tables of a partition's batches under ``directory``; the partition's key."""
    tables = {name: pa.concat_tables([b[name] for b in batches]) for name in TABLES if name in batches[0]}
    ids = tables["articles"].column("id").to_pylist()
    key = hashlib.sha256("\n".join(ids).encode("utf-8")).hexdigest()[:16]
    staging = directory / f".staging-{key}"
    months = _article_months(tables)
    for name in TABLES:
        table = tables.get(name)
        if table is not None and table.num_rows:
            _write(table.append_column("month", _months_of(name, table, months, tables)), staging / name, key)
    for name in TABLES:  # the moves are atomic renames; articles come last
        for path in sorted((staging / name).glob("month=*/*.parquet")):
            target = directory / name / path.parent.name / path.name
            target.parent.mkdir(parents=True, exist_ok=True)
            path.replace(target)
    shutil.rmtree(staging, ignore_errors=True)
    return key


def _write(table: pa.Table, folder: Path, key: str) -> None:
    ds.write_dataset(
        table,
        folder,
        format="parquet",
        partitioning=ds.partitioning(pa.schema([("month", pa.string())]), flavor="hive"),
        basename_template=f"part-{key}-{{i}}.parquet",
        existing_data_behavior="overwrite_or_ignore",
    )


def _article_months(tables: dict[str, pa.Table]) -> dict[str, str]:
    """The month of each article's reference date, else of its publication or crawl date."""
    months: dict[str, str] = {}
    for row in tables["articles"].select(["id", "published", "crawled"]).to_pylist():
        day = row["published"] or row["crawled"]
        months[row["id"]] = day.strftime("%Y-%m") if day else "unknown"
    analysis = tables.get("article_analysis")
    if analysis is not None:
        for row in analysis.select(["article_id", "reference_date"]).to_pylist():
            if row["reference_date"]:
                months[row["article_id"]] = row["reference_date"].strftime("%Y-%m")
    return months


def _months_of(name: str, table: pa.Table, months: dict[str, str], tables: dict[str, pa.Table]) -> pa.Array:
    if name == "articles":
        return pa.array([months[i] for i in table.column("id").to_pylist()], pa.string())
    if name in ("events", "mentions"):
        events = tables["events"].select(["event_id", "article_id", "date"]).to_pylist()
        by_event = {e["event_id"]: _event_month(e["date"], months[e["article_id"]]) for e in events}
        return pa.array([by_event[i] for i in table.column("event_id").to_pylist()], pa.string())
    return pa.array([months[i] for i in table.column("article_id").to_pylist()], pa.string())


def _event_month(date: str | None, article_month: str) -> str:
    return date[:7] if date and MONTH.match(date) else article_month


def parts(directory: Path) -> list[str]:
    """The keys of the partitions whose articles are in place under ``directory``."""
    names = (path.name for path in (directory / "articles").glob("month=*/part-*.parquet"))
    return sorted({match.group(1) for name in names if (match := PART.match(name))})


def read_part(directory: Path, key: str) -> Iterator[tuple[str, pa.Table]]:
    for name in TABLES:
        files = sorted((directory / name).glob(f"month=*/part-{key}-*.parquet"))
        if files:
            tables = [pq.read_table(f, partitioning=None) for f in files]
            table = pa.concat_tables(tables, promote_options="permissive")
            yield name, table.drop_columns([c for c in ("month",) if c in table.column_names])


def load_parquet(directory: Path, store: Store) -> LoadReport:
    """Store every partition written under ``directory``, one transaction each; reloading adds nothing."""
    keys = parts(directory)
    if not keys:
        raise StoreError(f"no worldorder Parquet output under {directory} (expected {directory}/articles/month=*/)")
    report = LoadReport()
    for key in keys:
        result: BatchResult = store.add_tables(dict(read_part(directory, key)))
        report.parts += 1
        report.stored += result.stored
        report.already_present += result.already_present
    return report
