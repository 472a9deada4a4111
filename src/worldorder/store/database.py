"""The DuckDB store: the only module that speaks SQL.

Writes go in bulk through Arrow tables, one transaction per batch, so a batch is either
wholly stored or not at all (a killed ingest leaves no half-written batch).
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa
import pyarrow.compute as pc

from worldorder.clusters import Assignment, ClusterRules
from worldorder.errors import StoreError
from worldorder.model import Article, CodedArticle
from worldorder.store import queries
from worldorder.store.clustering import cluster_batch
from worldorder.store.connection import DEFAULT_WAIT_SECONDS, WriterLock, connect, translate
from worldorder.store.migrations import CLUSTERS_MIGRATION, is_behind, migrate
from worldorder.store.queries import (
    ActorActivity,
    ActorName,
    DyadWeight,
    EventDetail,
    EventFilter,
    EventSummary,
    Matches,
    PairEvent,
    RelationPoint,
)
from worldorder.store.rows import article_from_row, batch_tables

ANALYSIS_TABLES = ("events", "mentions", "places", "dates", "article_analysis", "clusters", "cluster_members")
# The tables whose rows belong to one article (``article_id``), as a worker builds them.
ARTICLE_TABLES = ("events", "mentions", "places", "dates", "article_analysis")


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


def _in_memory(path: Path) -> bool:
    return str(path) == ":memory:"


class Store:
    """An open worldorder database.

    The DuckDB file is opened on first use and let go by ``release`` (an ingest does so between
    batches, so ``worldorder serve`` and other readers can take their turn); the next use opens
    it again. A writable store holds the writer lock from ``open`` to ``close``.
    """

    def __init__(
        self,
        con: duckdb.DuckDBPyConnection | None,
        path: Path,
        rules: ClusterRules | None = None,
        read_only: bool = False,
        wait: float = DEFAULT_WAIT_SECONDS,
        lock: WriterLock | None = None,
    ) -> None:
        self._connection = con
        self.path = path
        self.rules = rules or ClusterRules()
        self._schemas: dict[str, pa.Schema] | None = None
        self.read_only = read_only
        self.wait = wait
        self._lock = lock
        self._opened_at = time.monotonic()

    @property
    def _con(self) -> duckdb.DuckDBPyConnection:
        if self._connection is None:
            self._connection = connect(self.path, self.read_only, self.wait)
            self._opened_at = time.monotonic()
        return self._connection

    @classmethod
    def open(cls, path: Path | str, read_only: bool = False, wait: float = DEFAULT_WAIT_SECONDS) -> Store:
        """Open (creating and migrating when writable) the database at ``path``.

        Waits up to ``wait`` seconds while another process holds the file; a damaged file or
        a second writer is a ``StoreError`` with one line saying so.
        """
        path = Path(path)
        if read_only and not path.exists():
            raise StoreError(f"no database at {path}: run `worldorder ingest` first")
        lock = None if read_only or _in_memory(path) else WriterLock.acquire(path)
        try:
            return cls._opened(path, read_only, wait, lock)
        except BaseException:
            if lock:
                lock.release()
            raise

    @classmethod
    def _opened(cls, path: Path, read_only: bool, wait: float, lock: WriterLock | None) -> Store:
        con = connect(path, read_only, wait)
        try:
            behind = is_behind(con)
            if read_only and behind:
                # a database written by an older worldorder: migrate it once, then read it
                con.close()
                cls.open(path, wait=wait).close()
                con = connect(path, read_only, wait)
            store = cls(con, path, read_only=read_only, wait=wait, lock=lock)
            applied = [] if read_only else migrate(con)
        except duckdb.Error as exc:
            con.close()
            raise translate(exc, path) from exc
        except StoreError:
            con.close()
            raise
        if CLUSTERS_MIGRATION in applied:
            store.cluster_unclustered()
        return store

    def release(self, held_at_least: float = 0.0) -> None:
        """Let go of the database file (if held ``held_at_least`` seconds) until the next use.

        An in-memory database has no file to share and would be lost: it is kept.
        """
        if self._connection is None or _in_memory(self.path):
            return
        if time.monotonic() - self._opened_at >= held_at_least:
            self._connection.close()
            self._connection = None

    def cluster_unclustered(self) -> Assignment:
        """Cluster the stored events that belong to no cluster (those stored before clustering existed)."""
        # rowid is the order of insertion: the input order, which merging follows (see batch_reports)
        tables = {
            "events": self._arrow(
                "SELECT e.* FROM events e ANTI JOIN cluster_members m USING (event_id) ORDER BY e.rowid"
            ),
            "mentions": self._arrow("SELECT m.* FROM mentions m ANTI JOIN cluster_members c USING (event_id)"),
            "articles": self._arrow(
                "SELECT * FROM articles WHERE id IN (SELECT article_id FROM events"
                " ANTI JOIN cluster_members USING (event_id))"
            ),
        }
        now = datetime.now(UTC).replace(tzinfo=None)
        self._con.execute("BEGIN TRANSACTION")
        try:
            assignment = cluster_batch(self._con, tables, now, self.rules)
            self._con.execute("COMMIT")
        except Exception:
            self._con.execute("ROLLBACK")
            raise
        return assignment

    def close(self) -> None:
        self.release()
        if self._lock:
            self._lock.release()
            self._lock = None

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def add(self, articles: Sequence[Article], coded: Sequence[CodedArticle] = ()) -> BatchResult:
        """Store the articles not yet present, with the analysis of those, in one transaction.

        The batch's events are clustered with the stored events of the same keys in the same
        transaction, so a stored event always belongs to exactly one cross-article event.
        """
        fresh = self.absent(articles)
        now = datetime.now(UTC).replace(tzinfo=None)
        self.load(batch_tables(fresh, coded, self.table_schemas(), now), now)
        return BatchResult(stored=len(fresh), already_present=len(articles) - len(fresh))

    def add_tables(self, tables: dict[str, pa.Table]) -> BatchResult:
        """Like ``add``, for articles already turned into rows (``coded_tables``) by a worker.

        ``tables`` hold each article once. Those already stored are dropped with their analysis;
        the rest go in as one transaction, their events clustered as ``add`` clusters them.
        """
        articles = tables.get("articles", pa.table({"id": pa.array([], pa.string())}))
        ids = articles.column("id").to_pylist()
        fresh = self._absent_ids(ids)
        if len(fresh) < len(ids):
            keep = pa.array(sorted(fresh), pa.string())
            tables = {name: _rows_of(name, table, keep) for name, table in tables.items()}
        self.load(tables)
        return BatchResult(stored=len(fresh), already_present=len(ids) - len(fresh))

    def table_schemas(self) -> dict[str, pa.Schema]:
        """The Arrow schema of every table ``load`` takes, for workers that build rows away from the store."""
        if self._schemas is None:
            self._schemas = {name: self._arrow_schema(name) for name in ("articles", *ARTICLE_TABLES)}
        return self._schemas

    def load(self, tables: dict[str, pa.Table], now: datetime | None = None, cluster: bool = True) -> Assignment:
        """Insert whole Arrow tables (new articles and their analysis) and cluster their events.

        With ``cluster=False`` the events are only inserted (the fastest bulk path); call
        ``cluster_unclustered`` afterwards to give them their cross-article events.

        The bulk path under ``add``: one transaction, no check for articles already present.
        Each table must carry the columns of the stored table of that name (missing ones are
        null); events need their ``articles`` and ``mentions`` tables in the same call.
        """
        now = now or datetime.now(UTC).replace(tzinfo=None)
        self._con.execute("BEGIN TRANSACTION")
        try:
            for name, table in tables.items():
                if table.num_rows:
                    self._insert(name, self._conform(name, table))
            assignment = Assignment()
            if cluster:
                conformed = {name: self._conform(name, table) for name, table in self._with_defaults(tables).items()}
                assignment = cluster_batch(self._con, conformed, now, self.rules)
            self._con.execute("COMMIT")
        except Exception:
            self._con.execute("ROLLBACK")
            raise
        return assignment

    def _with_defaults(self, tables: dict[str, pa.Table]) -> dict[str, pa.Table]:
        names = ("articles", "events", "mentions")
        return {name: tables[name] if name in tables else self._arrow_schema(name).empty_table() for name in names}

    def _conform(self, name: str, table: pa.Table) -> pa.Table:
        """``table`` with the stored table's columns: the missing ones as nulls."""
        for column in self._arrow_schema(name):
            if column.name not in table.column_names:
                table = table.append_column(column.name, pa.nulls(table.num_rows, column.type))
        return table

    def absent(self, articles: Sequence[Article]) -> list[Article]:
        """The articles whose id is neither stored nor earlier in the same batch."""
        fresh_ids = self._absent_ids([a.id for a in articles])
        fresh = []
        for article in articles:
            if article.id in fresh_ids:
                fresh_ids.discard(article.id)
                fresh.append(article)
        return fresh

    def stored_urls(self, urls: Sequence[str]) -> set[str]:
        """The ``urls`` some stored article has as its id or its URL (a page's canonical URL may differ)."""
        self._con.register("batch_urls", pa.table({"url": pa.array(urls, pa.string())}))
        try:
            query = "SELECT url FROM batch_urls WHERE url IN (SELECT id FROM articles UNION SELECT url FROM articles)"
            return {row[0] for row in self._con.execute(query).fetchall()}
        finally:
            self._con.unregister("batch_urls")

    def _absent_ids(self, ids: Sequence[str]) -> set[str]:
        """The ids of ``ids`` not stored."""
        self._con.register("batch_ids", pa.table({"id": pa.array(ids, pa.string())}))
        try:
            query = "SELECT a.id FROM articles a JOIN batch_ids USING (id)"
            present = {row[0] for row in self._con.execute(query).fetchall()}
        finally:
            self._con.unregister("batch_ids")
        return set(ids) - present

    def _insert(self, table: str, batch: pa.Table) -> None:
        self._con.register("incoming", batch)
        try:
            columns = ", ".join(f'"{name}"' for name in batch.column_names)
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

    def rows(self, table: str) -> pa.Table:
        """A whole stored table in the order its rows were inserted (the input order)."""
        if table not in ("articles", *ANALYSIS_TABLES):
            raise StoreError(f"no table {table!r}")
        return self._arrow(f"SELECT * FROM {table} ORDER BY rowid")

    def count(self, table: str = "articles") -> int:
        if table not in ("articles", *ANALYSIS_TABLES):
            raise StoreError(f"no table {table!r}")
        [(count,)] = self._con.execute(f"SELECT count(*) FROM {table}").fetchall()
        return int(count)

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

    # -- cross-article events (see worldorder.store.queries) --

    def search_events(self, filter: EventFilter | None = None) -> list[EventSummary]:
        """Cross-article events matching ``filter``, newest first."""
        return queries.search_events(self._con, filter or EventFilter())

    def search_page(self, filter: EventFilter | None = None) -> tuple[Matches, list[EventSummary]]:
        """How many events match ``filter`` (undated and unlocated among them), and its page, newest first."""
        return queries.search_page(self._con, filter or EventFilter())

    def map_points(self, filter: EventFilter | None = None) -> list[queries.MapPoint]:
        """The newest located events matching ``filter``, as narrow map records."""
        return queries.map_points(self._con, filter or EventFilter())

    def count_undated(self) -> int:
        """Events without a date (listed and counted, but on no timeline)."""
        return queries.count_undated(self._con)

    def summaries(self, ids: list[int]) -> list[EventSummary]:
        """The events ``ids`` in the order asked, from one query; ids naming no event are left out."""
        return queries.summaries(self._con, ids)

    def count_events(self, filter: EventFilter | None = None) -> int:
        return queries.count_events(self._con, filter or EventFilter())

    def event_detail(self, event_id: int) -> EventDetail | None:
        """One event with every report, sentence, offsets and source article."""
        return queries.event_detail(self._con, event_id)

    def relations(
        self,
        a: str,
        b: str,
        interval: str = "month",
        start: date | None = None,
        end: date | None = None,
        precise_only: bool = False,
    ) -> list[RelationPoint]:
        return queries.relations(self._con, a, b, interval, start, end, precise_only)

    def pair_events(self, a: str, b: str, start: date | None = None, end: date | None = None) -> list[PairEvent]:
        """Every event between two actors (negated and undated too), oldest first, undated last."""
        return queries.pair_events(self._con, a, b, start, end)

    def actor_names(self) -> list[ActorName]:
        """Every actor key in the store with its name and number of events, busiest first."""
        return queries.actor_names(self._con)

    def top_actors(
        self, limit: int = 20, start: date | None = None, end: date | None = None, every: bool = False
    ) -> list[ActorActivity]:
        """The busiest actors; ``every`` counts negated and undated events too (as the events list does)."""
        return queries.top_actors(self._con, limit, start, end, every)

    def top_pairs(
        self, limit: int = 20, start: date | None = None, end: date | None = None, every: bool = False
    ) -> list[DyadWeight]:
        return queries.dyads(self._con, start, end, limit, every)

    def dyads(self, start: date | None = None, end: date | None = None) -> list[DyadWeight]:
        return queries.dyads(self._con, start, end)

    def export_rows(self, start: date | None = None, end: date | None = None) -> pa.Table:
        """One row per event with its first report's mention and article, for the exporters."""
        where, params = queries.export_bounds(start, end)
        return self._arrow(queries.EXPORT_SQL.format(where=where), params)


def _rows_of(name: str, table: pa.Table, ids: pa.Array) -> pa.Table:
    """The rows of ``table`` that belong to the articles ``ids``."""
    column = "id" if name == "articles" else "article_id"
    return table.filter(pc.is_in(table.column(column), value_set=ids))

