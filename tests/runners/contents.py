"""What a store holds, comparable across runs: every row of every table, without ingest times."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import duckdb

TABLES = ("articles", "events", "mentions", "places", "dates", "article_analysis", "clusters", "cluster_members")
WHEN_STORED = {"ingested_at", "added_at", "created_at", "updated_at"}


def store_contents(db: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Each table's rows, sorted, with the columns that say when a row was written left out."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {table: _rows(con, table) for table in TABLES}
    finally:
        con.close()


def _rows(con: duckdb.DuckDBPyConnection, table: str) -> list[tuple[Any, ...]]:
    columns = [row[0] for row in con.execute(f"DESCRIBE {table}").fetchall() if row[0] not in WHEN_STORED]
    listed = ", ".join(f'"{c}"' for c in columns)
    return sorted(con.execute(f"SELECT {listed} FROM {table}").fetchall(), key=repr)


def counts(contents: dict[str, list[tuple[Any, ...]]]) -> dict[str, int]:
    return {table: len(rows) for table, rows in contents.items()}
