"""Cluster newly stored reports into cross-article events, inside the batch's transaction.

The rules live in ``worldorder.clusters`` (pure Python); this module only reads the reports of
a batch from its Arrow tables, looks up the stored clusters that share their keys (an index
lookup, never a scan of every event), and writes what ``assign`` decided.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
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
    parse_window,
)

DESCRIPTIVE = (
    "event_type", "mode", "cameo", "quad_class", "goldstein", "is_symmetric",
    *(f"{role}_{part}" for role in ("source", "target")
      for part in ("text", "start", "end", "country", "group", "sector", "name")),
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
    """The reports of ``events`` ordered by publication date and article (then as coded)."""
    art = _columns(articles, ("id", "url", "site", "published"))
    facts = {aid: (url, site, pub) for aid, url, site, pub in zip(*art.values(), strict=True)}
    counts, sentences = _mention_facts(mentions)
    ev = _columns(events, _REPORT_COLUMNS)
    reports, first_text = [], {}
    for row in zip(*ev.values(), strict=True):
        report = _report(dict(zip(ev, row, strict=True)), facts, counts)
        reports.append(report)
        first_text[report.report_id] = (sentences.get(report.report_id), facts[report.article_id][0])
    row_of = {r.report_id: n for n, r in enumerate(reports)}
    reports.sort(key=lambda r: (r.published or date.max, r.article_id))
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


def _report(row: dict[str, Any], facts: dict[str, tuple[Any, Any, Any]], counts: Counter[str]) -> Report:
    url, site, published = facts[row["article_id"]]
    attribution = row["attribution_name"] or row["attribution_group"]
    return Report(
        report_id=row["event_id"],
        article_id=row["article_id"],
        event_type=row["event_type"],
        source_key=actor_key(row["source_country"], row["source_group"]),
        target_key=actor_key(row["target_country"], row["target_group"]),
        symmetric=bool(row["is_symmetric"]),
        modality=row["modality"] or "asserted",
        window=parse_window(row["date"]),
        place=_place(row),
        outlet=outlet_of(row["attribution_sector"], attribution, url, site, row["article_id"]),
        published=published,
        mentions=counts.get(row["event_id"], 0),
    )


def _place(row: dict[str, Any]) -> PlaceRef | None:
    if row["location_name"] is None and row["location_lat"] is None:
        return None
    return PlaceRef(
        name=row["location_name"],
        country=row["location_country"],
        geonameid=row["location_geonameid"],
        kind=row["location_kind"],
        lat=row["location_lat"],
        lon=row["location_lon"],
    )


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
    keys = {k for r in batch.reports if (k := cluster_key(r))}
    stored, stored_text = stored_clusters(con, keys)
    result = assign(batch.reports, stored, next_cluster_id(con), rules)
    _insert_created(con, events, batch, result, now)
    _update_changed(con, batch, result, stored_text, now)
    _insert_members(con, batch, result)
    return result


def next_cluster_id(con: duckdb.DuckDBPyConnection) -> int:
    [(next_id,)] = con.execute("SELECT coalesce(max(cluster_id), 0) + 1 FROM clusters").fetchall()
    return int(next_id)


def stored_clusters(
    con: duckdb.DuckDBPyConnection, keys: set[str]
) -> tuple[dict[str, list[Cluster]], dict[int, tuple[str | None, str | None]]]:
    """The stored clusters with one of ``keys``, grouped by key; and their first sentence and URL."""
    if not keys:
        return {}, {}
    con.register("batch_keys", pa.table({"cluster_key": pa.array(sorted(keys), pa.string())}))
    try:
        table = con.sql(_CANDIDATES).to_arrow_table()
        rows = table.to_pylist() if table is not None else []
        members = con.execute(_CANDIDATE_MEMBERS).fetchall()
    finally:
        con.unregister("batch_keys")
    articles: dict[int, set[str]] = {}
    outlets: dict[int, set[str]] = {}
    for cluster_id, article_id, outlet in members:
        articles.setdefault(cluster_id, set()).add(article_id)
        outlets.setdefault(cluster_id, set()).add(outlet)
    grouped: dict[str, list[Cluster]] = {}
    for row in rows:
        cid = row["cluster_id"]
        cluster = _stored_cluster(row, frozenset(articles.get(cid, ())), frozenset(outlets.get(cid, ())))
        grouped.setdefault(cluster.key, []).append(cluster)
    return grouped, {row["cluster_id"]: (row["sentence"], row["first_url"]) for row in rows}


_CANDIDATES = """
    SELECT c.cluster_id, c.cluster_key, c.date, c.modality, c.location_name, c.location_country,
           c.location_geonameid, c.location_kind, c.location_lat, c.location_lon, c.first_event_id,
           c.first_article_id, c.first_published, c.num_mentions, c.sentence, c.first_url
    FROM clusters c WHERE c.cluster_key IN (SELECT cluster_key FROM batch_keys)
"""
_CANDIDATE_MEMBERS = """
    SELECT m.cluster_id, m.article_id, m.outlet FROM cluster_members m
    WHERE m.cluster_id IN (
        SELECT c.cluster_id FROM clusters c WHERE c.cluster_key IN (SELECT cluster_key FROM batch_keys)
    )
"""


def _stored_cluster(row: dict[str, Any], articles: frozenset[str], outlets: frozenset[str]) -> Cluster:
    return Cluster(
        cluster_id=row["cluster_id"],
        key=row["cluster_key"],
        window=parse_window(row["date"]),
        place=_place(row),
        modality=row["modality"],
        first_report=row["first_event_id"],
        first_article=row["first_article_id"],
        first_published=row["first_published"],
        articles=articles,
        outlets=outlets,
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
    assignments = ", ".join(f'"{name}" = incoming."{name}"' for name in table.column_names if name != "cluster_id")
    con.register("incoming", table)
    try:
        con.execute(f"UPDATE clusters SET {assignments} FROM incoming WHERE clusters.cluster_id = incoming.cluster_id")
    finally:
        con.unregister("incoming")


def _insert_members(con: duckdb.DuckDBPyConnection, batch: BatchReports, result: Assignment) -> None:
    by_id = {r.report_id: r for r in batch.reports}
    members = result.members
    table = pa.table(
        {
            "event_id": pa.array([m.report_id for m in members], pa.string()),
            "cluster_id": pa.array([m.cluster_id for m in members], pa.int64()),
            "article_id": pa.array([by_id[m.report_id].article_id for m in members], pa.string()),
            "outlet": pa.array([by_id[m.report_id].outlet for m in members], pa.string()),
            "reason": pa.array([m.reason for m in members], pa.string()),
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
