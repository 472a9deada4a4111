"""The DuckDB store: the only module that speaks SQL.

Writes go in bulk through Arrow tables, one transaction per batch, so a batch is either
wholly stored or not at all (a killed ingest leaves no half-written batch).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from worldorder.errors import StoreError
from worldorder.model import Article, CodedArticle
from worldorder.store.migrations import migrate
from worldorder.store.rows import analysis_rows, article_from_row, article_row

ANALYSIS_TABLES = ("events", "mentions", "places", "dates", "article_analysis")


@dataclass(frozen=True, slots=True)
class BatchResult:
    stored: int
    already_present: int


@dataclass(frozen=True, slots=True)
class ArticleSummary:
    id: str
    title: str | None
    published: Any
    language: str
    skipped: str | None
    chars: int
    events: int


class Store:
    """An open worldorder database."""

    def __init__(self, con: duckdb.DuckDBPyConnection, path: Path) -> None:
        self._con = con
        self.path = path

    @classmethod
    def open(cls, path: Path | str, read_only: bool = False) -> Store:
        """Open (creating and migrating when writable) the database at ``path``."""
        path = Path(path)
        if read_only and not path.exists():
            raise StoreError(f"no database at {path}: run `worldorder ingest` first")
        try:
            con = duckdb.connect(str(path), read_only=read_only)
        except duckdb.Error as exc:
            raise StoreError(f"cannot open {path}: {exc}") from exc
        if not read_only:
            try:
                migrate(con)
            except StoreError:
                con.close()
                raise
        return cls(con, path)

    def close(self) -> None:
        self._con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def add(self, articles: Sequence[Article], coded: Sequence[CodedArticle] = ()) -> BatchResult:
        """Store the articles not yet present, with the analysis of those, in one transaction."""
        fresh = self.absent(articles)
        fresh_ids = {a.id for a in fresh}
        now = datetime.now(UTC).replace(tzinfo=None)
        tables = {"articles": [article_row(a, now) for a in fresh]}
        for item in coded:
            if item.article.id in fresh_ids:
                for name, rows in analysis_rows(item).items():
                    tables.setdefault(name, []).extend(rows)
        self._write(tables)
        return BatchResult(stored=len(fresh), already_present=len(articles) - len(fresh))

    def absent(self, articles: Sequence[Article]) -> list[Article]:
        """The articles whose id is neither stored nor earlier in the same batch."""
        ids = pa.table({"id": pa.array([a.id for a in articles], pa.string())})
        self._con.register("batch_ids", ids)
        try:
            query = "SELECT a.id FROM articles a JOIN batch_ids USING (id)"
            present = {row[0] for row in self._con.execute(query).fetchall()}
        finally:
            self._con.unregister("batch_ids")
        seen: set[str] = set()
        fresh = []
        for article in articles:
            if article.id not in present and article.id not in seen:
                seen.add(article.id)
                fresh.append(article)
        return fresh

    def _write(self, tables: dict[str, list[dict[str, Any]]]) -> None:
        self._con.execute("BEGIN TRANSACTION")
        try:
            for name, rows in tables.items():
                if rows:
                    self._insert(name, rows)
            self._con.execute("COMMIT")
        except Exception:
            self._con.execute("ROLLBACK")
            raise

    def _insert(self, table: str, rows: list[dict[str, Any]]) -> None:
        schema = self._arrow_schema(table)
        batch = pa.Table.from_pylist(rows, schema=schema)
        self._con.register("incoming", batch)
        try:
            columns = ", ".join(f'"{name}"' for name in schema.names)
            self._con.execute(f"INSERT INTO {table} ({columns}) SELECT {columns} FROM incoming")
        finally:
            self._con.unregister("incoming")

    def _arrow_schema(self, table: str) -> pa.Schema:
        return self._arrow(f"SELECT * FROM {table} LIMIT 0").schema

    def _arrow(self, sql: str, params: list[Any] | None = None) -> pa.Table:
        table = self._con.sql(sql, params=params or None).to_arrow_table()
        if table is None:  # only for statements without a result set
            raise StoreError(f"query returned no result set: {sql[:60]}")
        return table

    def count(self, table: str = "articles") -> int:
        if table not in ("articles", *ANALYSIS_TABLES):
            raise StoreError(f"no table {table!r}")
        row = self._con.execute(f"SELECT count(*) FROM {table}").fetchone()
        return int(row[0]) if row else 0

    def article(self, article_id: str) -> Article | None:
        rows = self._arrow("SELECT * FROM articles WHERE id = ?", [article_id]).to_pylist()
        return article_from_row(rows[0]) if rows else None

    def list_articles(self, limit: int = 50, offset: int = 0) -> list[ArticleSummary]:
        rows = self._con.execute(
            """
            SELECT a.id, a.title, a.published, a.language, a.skipped, length(a.text),
                   (SELECT count(*) FROM events e WHERE e.article_id = a.id)
            FROM articles a ORDER BY a.published DESC NULLS LAST, a.id LIMIT ? OFFSET ?
            """,
            [limit, offset],
        ).fetchall()
        return [ArticleSummary(*row) for row in rows]

    def events_of(self, article_id: str) -> list[dict[str, Any]]:
        return self._arrow("SELECT * FROM events WHERE article_id = ? ORDER BY event_id", [article_id]).to_pylist()
