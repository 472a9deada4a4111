"""Cluster newly stored reports into cross-article events, inside the batch's transaction.

The rules live in ``worldorder.clusters`` (pure Python); this module only reads the reports of
a batch from its Arrow tables, looks up the stored clusters that share their keys (an index
lookup, never a scan of every event), and writes what ``assign`` decided.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import Any
from urllib.parse import urlsplit

import duckdb
import pyarrow as pa

from worldorder.clusters import (
    Assignment,
    Cluster,
    ClusterRules,
    PlaceRef,
    Report,
    actor_key,
    assign,
    cluster_key,
    months,
    parse_window,
)

DESCRIPTIVE = (
    "event_type", "mode", "cameo", "quad_class", "goldstein", "is_symmetric",
    *(f"{role}_{part}" for role in ("source", "target")
      for part in ("text", "start", "end", "country", "country_basis", "group", "sector", "name")),
)  # fmt: skip
AGGREGATE_TYPES: dict[str, pa.DataType] = {
    "cluster_id": pa.int64(),
    "modality": pa.string(),
    "date": pa.string(),
    "date_precision": pa.string(),
    "date_start": pa.date32(),
    "date_end": pa.date32(),
    "location_name": pa.string(),
    "location_country": pa.string(),
    "location_geonameid": pa.int64(),
    "location_kind": pa.string(),
    "location_lat": pa.float64(),
    "location_lon": pa.float64(),
    "first_event_id": pa.string(),
    "first_article_id": pa.string(),
    "first_published": pa.date32(),
    "first_url": pa.string(),
    "sentence": pa.string(),
    "num_articles": pa.int32(),
    "num_sources": pa.int32(),
    "num_mentions": pa.int32(),
    "article_ids": pa.list_(pa.string()),
    "outlets": pa.list_(pa.string()),
    "updated_at": pa.timestamp("us"),
}


@dataclass(frozen=True, slots=True)
class BatchReports:
    """A batch's reports in merge order, with what the cluster rows need besides the rules."""

    reports: list[Report]
    row_of: dict[str, int]  # report id -> row in the batch's events table
    first_text: dict[str, tuple[str | None, str | None]]  # report id -> (sentence, article url)


def outlet_of(attribution_sector: str | None, attribution: str | None, url: str | None, site: str | None,
              article_id: str) -> str:  # fmt: skip
    """Who the report counts as: a quoted news agency, else the URL host, else the site, else the article."""
    if attribution_sector == "MED" and attribution:
        return attribution.lower()
    host = urlsplit(url).hostname if url else None
    if host:
        return host.removeprefix("www.")
    return site.lower() if site else f"article:{article_id}"


def batch_reports(events: pa.Table, mentions: pa.Table, articles: pa.Table) -> BatchReports:
    """The reports of ``events`` in the table's order: input order, each article's as coded.

    Merging report by report in input order, against what is stored and what the batch made so
    far, gives what storing each report alone would give: the batch size changes nothing.
    """
    art = _columns(articles, ("id", "url", "site", "published"))
    facts = {aid: (url, site, pub) for aid, url, site, pub in zip(*art.values(), strict=True)}
    outlets = {aid: outlet_of(None, None, url, site, aid) for aid, (url, site, _) in facts.items()}
    counts, sentences = _mention_facts(mentions)
    reports, first_text = [], {}
    for row in zip(*_columns(events, _REPORT_COLUMNS).values(), strict=True):
        report = _report(row, facts[row[1]][2], outlets[row[1]], counts)
        reports.append(report)
        first_text[report.report_id] = (sentences.get(report.report_id), facts[report.article_id][0])
    row_of = {r.report_id: n for n, r in enumerate(reports)}
    return BatchReports(reports, row_of, first_text)


_REPORT_COLUMNS = (
    "event_id", "article_id", "event_type", "is_symmetric", "modality", "date",
    "source_country", "source_group", "target_country", "target_group", "attribution_sector", "attribution_name",
    "attribution_group", "location_name", "location_country", "location_geonameid", "location_kind",
    "location_lat", "location_lon",
)  # fmt: skip


def _columns(table: pa.Table, names: Sequence[str]) -> dict[str, list[Any]]:
    return {name: table.column(name).to_pylist() for name in names}


def _mention_facts(mentions: pa.Table) -> tuple[Counter[str], dict[str, str]]:
    """Mentions per report, and each report's earliest sentence."""
    ids = mentions.column("event_id").to_pylist()
    starts = mentions.column("sentence_start").to_pylist()
    texts = mentions.column("sentence").to_pylist()
    first: dict[str, tuple[int, str]] = {}
    for event_id, start, text in zip(ids, starts, texts, strict=True):
        if event_id not in first or (start or 0) < first[event_id][0]:
            first[event_id] = (start or 0, text)
    return Counter(ids), {k: v[1] for k, v in first.items()}


def _report(row: tuple[Any, ...], published: date | None, outlet: str, counts: Counter[str]) -> Report:
    """A report from a row of ``_REPORT_COLUMNS`` (positional: this runs a million times in bulk loads)."""
    (event_id, article_id, event_type, symmetric, modality, when, s_country, s_group, t_country, t_group,
     a_sector, a_name, a_group, *place) = row  # fmt: skip
    if a_sector == "MED" and (a_name or a_group):
        outlet = outlet_of(a_sector, a_name or a_group, None, None, article_id)
    return Report(
        report_id=event_id,
        article_id=article_id,
        event_type=event_type,
        source_key=actor_key(s_country, s_group),
        target_key=actor_key(t_country, t_group),
        symmetric=bool(symmetric),
        modality=modality or "asserted",
        window=parse_window(when),
        place=place_ref(*place) if place[0] is not None or place[4] is not None else None,
        outlet=outlet,
        published=published,
        mentions=counts.get(event_id, 0),
    )


@lru_cache(maxsize=16_384)
def place_ref(name: str | None, country: str | None, geonameid: int | None, kind: str | None, lat: float | None,
              lon: float | None) -> PlaceRef:  # fmt: skip
    """A place as merging sees it (cached: news names the same places over and over)."""
    return PlaceRef(name, country, geonameid, kind, lat, lon)


def _place(row: dict[str, Any]) -> PlaceRef | None:
    if row["location_name"] is None and row["location_lat"] is None:
        return None
    return place_ref(*(row[f"location_{part}"] for part in ("name", "country", "geonameid", "kind", "lat", "lon")))


def cluster_batch(
    con: duckdb.DuckDBPyConnection,
    tables: dict[str, pa.Table],
    now: datetime,
    rules: ClusterRules | None = None,
) -> Assignment:
    """Cluster the events of ``tables`` (already inserted) against the stored clusters; write the result."""
    events = tables.get("events")
    if events is None or events.num_rows == 0:
        return Assignment()
    batch = batch_reports(events, tables["mentions"], tables["articles"])
    rules = rules or ClusterRules()
    stored, stored_text = stored_clusters(con, batch.reports, rules)
    result = assign(batch.reports, stored, next_cluster_id(con), rules)
    _insert_created(con, events, batch, result, now)
    _update_changed(con, batch, result, stored_text, now)
    _insert_members(con, batch, result, told_by(tables["mentions"]))
    return result


def next_cluster_id(con: duckdb.DuckDBPyConnection) -> int:
    [(next_id,)] = con.execute("SELECT coalesce(max(cluster_id), 0) + 1 FROM clusters").fetchall()
    return int(next_id)


def stored_clusters(
    con: duckdb.DuckDBPyConnection, reports: Sequence[Report], rules: ClusterRules
) -> tuple[dict[str, list[Cluster]], dict[int, tuple[str | None, str | None]]]:
    """The stored clusters a report of the batch may join: same key, a window in the same month.

    Looked up by a join on (key, month) of the batch, so a batch reads the clusters it can
    touch, not the whole table. Also returns each one's first sentence and URL.
    """
    wanted = {(key, month) for r in reports if (key := cluster_key(r)) for month in months(r.window, rules)}
    if not wanted:
        return {}, {}
    firsts = [date(y, m, 1) for _, (y, m) in wanted]
    lookup = pa.table(
        {
            "cluster_key": pa.array([k for k, _ in wanted], pa.string()),
            "month_start": pa.array(firsts, pa.date32()),
            "month_end": pa.array([_month_end(d) for d in firsts], pa.date32()),
        }
    )
    con.register("batch_keys", lookup)
    try:
        table = con.sql(_CANDIDATES).to_arrow_table()
    finally:
        con.unregister("batch_keys")
    grouped: dict[str, list[Cluster]] = {}
    rows = table.to_pylist() if table is not None else []
    for row in rows:
        cluster = _stored_cluster(row)
        grouped.setdefault(cluster.key, []).append(cluster)
    return grouped, {row["cluster_id"]: (row["sentence"], row["first_url"]) for row in rows}


def _month_end(first: date) -> date:
    return date(first.year + first.month // 12, first.month % 12 + 1, 1) - timedelta(days=1)


_CANDIDATES = """
    SELECT DISTINCT c.cluster_id, c.cluster_key, c.date, c.modality, c.location_name, c.location_country,
           c.location_geonameid, c.location_kind, c.location_lat, c.location_lon, c.first_event_id,
           c.first_article_id, c.first_published, c.num_mentions, c.sentence, c.first_url, c.article_ids, c.outlets
    FROM clusters c JOIN batch_keys k
      ON c.cluster_key = k.cluster_key AND c.date_start <= k.month_end AND c.date_end >= k.month_start
"""


def _stored_cluster(row: dict[str, Any]) -> Cluster:
    return Cluster(
        cluster_id=row["cluster_id"],
        key=row["cluster_key"],
        window=parse_window(row["date"]),
        place=_place(row),
        modality=row["modality"],
        first_report=row["first_event_id"],
        first_article=row["first_article_id"],
        first_published=row["first_published"],
        articles=frozenset(row["article_ids"]),
        outlets=frozenset(row["outlets"]),
        mentions=row["num_mentions"],
    )


def _aggregates(clusters: Sequence[Cluster], text: Sequence[tuple[str | None, str | None]], now: datetime) -> pa.Table:
    """The columns merging changes, one row per cluster."""
    windows = [c.window for c in clusters]
    places = [c.place for c in clusters]
    columns: dict[str, list[Any]] = {
        "cluster_id": [c.cluster_id for c in clusters],
        "modality": [c.modality for c in clusters],
        "date": [w.value if w else None for w in windows],
        "date_precision": [w.precision if w else None for w in windows],
        "date_start": [w.start if w else None for w in windows],
        "date_end": [w.end if w else None for w in windows],
        "location_name": [p.name if p else None for p in places],
        "location_country": [p.country if p else None for p in places],
        "location_geonameid": [p.geonameid if p else None for p in places],
        "location_kind": [p.kind if p else None for p in places],
        "location_lat": [p.lat if p else None for p in places],
        "location_lon": [p.lon if p else None for p in places],
        "first_event_id": [c.first_report for c in clusters],
        "first_article_id": [c.first_article for c in clusters],
        "first_published": [c.first_published for c in clusters],
        "first_url": [t[1] for t in text],
        "sentence": [t[0] for t in text],
        "num_articles": [len(c.articles) for c in clusters],
        "num_sources": [len(c.outlets) for c in clusters],
        "num_mentions": [c.mentions for c in clusters],
        "article_ids": [sorted(c.articles) for c in clusters],
        "outlets": [sorted(c.outlets) for c in clusters],
        "updated_at": [now] * len(clusters),
    }
    return pa.table({name: pa.array(values, AGGREGATE_TYPES[name]) for name, values in columns.items()})


def _insert_created(con: duckdb.DuckDBPyConnection, events: pa.Table, batch: BatchReports, result: Assignment,
                    now: datetime) -> None:  # fmt: skip
    created = list(result.created.values())
    if not created:
        return
    founders = events.take([batch.row_of[c.first_report] for c in created])
    table = _aggregates(created, [batch.first_text[c.first_report] for c in created], now)
    for name in DESCRIPTIVE:
        table = table.append_column(name, founders.column(name))
    keys = [c.key for c in created]
    src = [actor_key(c, g) for c, g in zip(founders.column("source_country").to_pylist(),
                                           founders.column("source_group").to_pylist(), strict=True)]  # fmt: skip
    tgt = [actor_key(c, g) for c, g in zip(founders.column("target_country").to_pylist(),
                                           founders.column("target_group").to_pylist(), strict=True)]  # fmt: skip
    table = table.append_column("cluster_key", pa.array(keys, pa.string()))
    table = table.append_column("source_key", pa.array(src, pa.string()))
    table = table.append_column("target_key", pa.array(tgt, pa.string()))
    table = table.append_column("added_at", pa.array([now] * len(created), pa.timestamp("us")))
    _insert(con, "clusters", table)


def _update_changed(con: duckdb.DuckDBPyConnection, batch: BatchReports, result: Assignment,
                    stored_text: dict[int, tuple[str | None, str | None]], now: datetime) -> None:  # fmt: skip
    changed = list(result.changed.values())
    if not changed:
        return
    text = [batch.first_text.get(c.first_report) or stored_text.get(c.cluster_id, (None, None)) for c in changed]
    table = _aggregates(changed, text, now)
    kept = ", ".join(f'c."{name}"' for name in _unchanged_columns(con, table.column_names))
    con.register("incoming", table)
    try:  # delete and insert again: an UPDATE of these columns took 15 s for 10k rows
        con.execute(
            "CREATE OR REPLACE TEMP TABLE regrown AS "
            f"SELECT {kept}, i.* FROM clusters c JOIN incoming i USING (cluster_id)"
        )
        con.execute("DELETE FROM clusters WHERE cluster_id IN (SELECT cluster_id FROM incoming)")
        con.execute("INSERT INTO clusters BY NAME SELECT * FROM regrown")
        con.execute("DROP TABLE regrown")
    finally:
        con.unregister("incoming")


def _unchanged_columns(con: duckdb.DuckDBPyConnection, changed: Sequence[str]) -> list[str]:
    query = "SELECT column_name FROM duckdb_columns() WHERE table_name = 'clusters' ORDER BY column_index"
    return [name for (name,) in con.execute(query).fetchall() if name not in changed]


def told_by(mentions: pa.Table) -> dict[str, str]:
    """Each report's sentences in text order, joined and lower-cased: what full-text search matches."""
    rows = sorted(
        zip(
            mentions.column("event_id").to_pylist(),
            mentions.column("sentence_start").to_pylist(),
            mentions.column("sentence").to_pylist(),
            strict=True,
        ),
        key=lambda row: (row[0], row[1] or 0),
    )
    told: dict[str, list[str]] = {}
    for event_id, _, sentence in rows:
        told.setdefault(event_id, []).append(sentence or "")
    return {event_id: " ".join(sentences).lower() for event_id, sentences in told.items()}


def _insert_members(
    con: duckdb.DuckDBPyConnection, batch: BatchReports, result: Assignment, told: dict[str, str]
) -> None:
    by_id = {r.report_id: r for r in batch.reports}
    members = result.members
    table = pa.table(
        {
            "event_id": pa.array([m.report_id for m in members], pa.string()),
            "cluster_id": pa.array([m.cluster_id for m in members], pa.int64()),
            "article_id": pa.array([by_id[m.report_id].article_id for m in members], pa.string()),
            "outlet": pa.array([by_id[m.report_id].outlet for m in members], pa.string()),
            "reason": pa.array([m.reason for m in members], pa.string()),
            "search_text": pa.array([told.get(m.report_id) for m in members], pa.string()),
        }
    )
    _insert(con, "cluster_members", table)


def _insert(con: duckdb.DuckDBPyConnection, name: str, table: pa.Table) -> None:
    con.register("incoming", table)
    try:
        columns = ", ".join(f'"{c}"' for c in table.column_names)
        con.execute(f"INSERT INTO {name} ({columns}) SELECT {columns} FROM incoming")
    finally:
        con.unregister("incoming")
