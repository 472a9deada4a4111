"""Questions analysts ask of the event database, as typed records.

Every query counts cross-article events (``clusters``), never the reports behind them.
Actors are keyed by country code or known-group code (``actor_key``); negated events ("did not
meet") are listed by ``search_events`` but left out of relations, rankings and dyads.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

import duckdb

from worldorder.errors import StoreError

INTERVALS = ("day", "week", "month")
FINENESS = ("day", "week", "month", "year")  # date precisions, finest first
MAX_EVENT_ID = 2**63 - 1  # cluster ids are BIGINT: a larger id names no event (and overflows DuckDB)
QUAD_COUNTS = """
    count(*) FILTER (WHERE quad_class = 1) AS verbal_cooperation,
    count(*) FILTER (WHERE quad_class = 2) AS material_cooperation,
    count(*) FILTER (WHERE quad_class = 3) AS verbal_conflict,
    count(*) FILTER (WHERE quad_class = 4) AS material_conflict,
    coalesce(sum(goldstein), 0) AS goldstein"""
HAPPENED = "modality <> 'negated'"


@dataclass(frozen=True, slots=True)
class EventFilter:
    """What ``search_events`` keeps; every field left None matches everything."""

    actor: str | None = None
    country: str | None = None
    sector: str | None = None
    pair: tuple[str, str] | None = None
    event_type: str | None = None
    quad_class: int | None = None
    modality: str | None = None
    start: date | None = None
    end: date | None = None
    place: str | None = None
    text: str | None = None
    located: bool = False  # only events with coordinates (the map)
    limit: int = 50
    offset: int = 0


@dataclass(frozen=True, slots=True)
class ActorRef:
    key: str | None
    country: str | None
    known_group: str | None
    sector: str | None
    name: str | None
    text: str | None  # "" for an actor the text does not name ("A man was killed")
    country_basis: str | None = None  # named, place, dateline, article, unknown; None when not recorded


@dataclass(frozen=True, slots=True)
class EventSummary:
    """One cross-article event."""

    event_id: int
    event_type: str
    mode: str | None
    cameo: str | None
    quad_class: int
    goldstein: float
    modality: str
    symmetric: bool
    source: ActorRef
    target: ActorRef | None
    date: str | None
    date_precision: str | None
    date_start: dt.date | None
    date_end: dt.date | None
    place: str | None
    place_country: str | None
    lat: float | None
    lon: float | None
    articles: int
    sources: int
    mentions: int
    first_article_id: str
    first_published: dt.date | None
    first_url: str | None
    sentence: str | None


@dataclass(frozen=True, slots=True)
class Matches:
    """How many events a filter matches, and of those how many have no date or no coordinates."""

    total: int
    undated: int
    unlocated: int


@dataclass(frozen=True, slots=True)
class MapPoint:
    """A located event as the map draws it: where, what, when and between whom."""

    event_id: int
    lat: float
    lon: float
    event_type: str
    quad_class: int
    date: str | None
    source_key: str | None
    target_key: str | None
    place: str | None
    place_country: str | None
    place_kind: str | None  # city, landmark, region, country: how precisely the point is known
    articles: int


@dataclass(frozen=True, slots=True)
class MentionDetail:
    """One sentence of one report of an event, with where it comes from."""

    report_id: str
    article_id: str
    title: str | None
    url: str | None
    source: str
    published: date | None
    sentence: str | None
    sentence_start: int | None
    sentence_end: int | None
    trigger: str | None
    trigger_start: int | None
    trigger_end: int | None
    rule: str | None
    merged_by: str


@dataclass(frozen=True, slots=True)
class EventDetail:
    summary: EventSummary
    cluster_key: str
    mentions: tuple[MentionDetail, ...]


@dataclass(frozen=True, slots=True)
class RelationPoint:
    period: date
    verbal_cooperation: int
    material_cooperation: int
    verbal_conflict: int
    material_conflict: int
    goldstein: float
    event_ids: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class PairEvent:
    """One event between two actors, as narrow as a chart needs it: when, how precisely, what kind."""

    event_id: int
    date_start: date | None
    date_end: date | None
    date_precision: str | None
    quad_class: int
    goldstein: float
    modality: str


@dataclass(frozen=True, slots=True)
class ActorName:
    """An actor key found in the store, its stored name and how many events name it."""

    key: str
    name: str | None
    events: int


@dataclass(frozen=True, slots=True)
class ActorActivity:
    key: str
    events: int
    as_source: int
    as_target: int
    goldstein: float


@dataclass(frozen=True, slots=True)
class DyadWeight:
    a: str
    b: str
    events: int
    verbal_cooperation: int
    material_cooperation: int
    verbal_conflict: int
    material_conflict: int
    goldstein: float


def _actor(row: dict[str, Any], role: str) -> ActorRef | None:
    if all(row[f"{role}_{part}"] is None for part in ("key", "text", "sector")):
        return None  # no such actor: an event without a target
    return ActorRef(
        key=row[f"{role}_key"],
        country=row[f"{role}_country"],
        known_group=row[f"{role}_group"],
        sector=row[f"{role}_sector"],
        name=row[f"{role}_name"],
        text=row[f"{role}_text"],
        country_basis=row[f"{role}_country_basis"],
    )


def summary_from_row(row: dict[str, Any]) -> EventSummary:
    source = _actor(row, "source") or ActorRef(None, None, None, None, None, None)
    return EventSummary(
        event_id=row["cluster_id"],
        event_type=row["event_type"],
        mode=row["mode"],
        cameo=row["cameo"],
        quad_class=row["quad_class"],
        goldstein=row["goldstein"],
        modality=row["modality"],
        symmetric=bool(row["is_symmetric"]),
        source=source,
        target=_actor(row, "target"),
        date=row["date"],
        date_precision=row["date_precision"],
        date_start=row["date_start"],
        date_end=row["date_end"],
        place=row["location_name"],
        place_country=row["location_country"],
        lat=row["location_lat"],
        lon=row["location_lon"],
        articles=row["num_articles"],
        sources=row["num_sources"],
        mentions=row["num_mentions"],
        first_article_id=row["first_article_id"],
        first_published=row["first_published"],
        first_url=row["first_url"],
        sentence=row["sentence"],
    )


def filter_sql(f: EventFilter) -> tuple[str, list[Any]]:
    """The WHERE clause (``TRUE`` when empty) and its parameters for an ``EventFilter``."""
    clauses: list[str] = []
    params: list[Any] = []

    def add(sql: str, *values: Any) -> None:
        clauses.append(sql)
        params.extend(values)

    if f.actor:
        add("(source_key = ? OR target_key = ?)", f.actor.upper(), f.actor.upper())
    if f.country:
        add("(? IN (source_country, target_country, location_country))", f.country.upper())
    if f.sector:
        add("(? IN (source_sector, target_sector))", f.sector.upper())
    if f.pair:
        a, b = (k.upper() for k in f.pair)
        add("((source_key = ? AND target_key = ?) OR (source_key = ? AND target_key = ?))", a, b, b, a)
    _add_event_filters(f, add)
    return " AND ".join(clauses) or "TRUE", params


def _add_event_filters(f: EventFilter, add: Any) -> None:
    if f.event_type:
        add("event_type = ?", f.event_type.upper())
    if f.quad_class:
        add("quad_class = ?", f.quad_class)
    if f.modality:
        add("modality = ?", f.modality.lower())
    if f.start:
        add("date_end >= ?", f.start)
    if f.end:
        add("date_start <= ?", f.end)
    if f.place:
        _add_place(f.place, add)
    if f.located:
        add("location_lat IS NOT NULL AND location_lon IS NOT NULL")
    if f.text:
        # search_text is stored lower-cased (migration 6), so a plain contains() matches any case
        add("cluster_id IN (SELECT cluster_id FROM cluster_members WHERE contains(search_text, ?))", f.text.lower())


def _add_place(place: str, add: Any) -> None:
    """``Kyiv`` or ``UKR`` alone: name or country; ``Kyiv, UKR``: a name within a country."""
    name, _, country = (part.strip() for part in place.rpartition(",")) if "," in place else ("", "", place)
    if name and len(country) == 3 and country.isalpha():
        add("(location_name ILIKE ? AND location_country = ?)", f"%{name}%", country.upper())
    else:
        add("(location_name ILIKE ? OR location_country = ?)", f"%{place.strip()}%", place.strip().upper())


SUMMARY_COLUMNS = """
    cluster_id, cluster_key, event_type, mode, cameo, quad_class, goldstein, modality, is_symmetric,
    source_key, source_country, source_group, source_sector, source_name, source_text, source_country_basis,
    target_key, target_country, target_group, target_sector, target_name, target_text, target_country_basis,
    date, date_precision, date_start, date_end, location_name, location_country, location_lat, location_lon,
    num_articles, num_sources, num_mentions, first_event_id, first_article_id, first_published, first_url,
    sentence"""
NEWEST_FIRST = "ORDER BY date_start DESC NULLS LAST, cluster_id DESC"


def search_events(con: duckdb.DuckDBPyConnection, f: EventFilter) -> list[EventSummary]:
    """One page of the events matching ``f``, newest first (see ``search_page``)."""
    return search_page(con, f)[1]


def search_page(con: duckdb.DuckDBPyConnection, f: EventFilter) -> tuple[Matches, list[EventSummary]]:
    """The counts of the matching events and one page of them, from one pass over the filters.

    Two steps: the page's ids (with the counts as window aggregates over every match, so the
    undated and unlocated figures are the filter's, not the page's) from the narrow filter
    columns, then those rows by the id index. A top-N over the summary columns read every
    column of every matching row (50-100 ms on a million events), and a separate count ran
    the filters twice (45 ms more with full-text search).
    """
    where, params = filter_sql(f)
    page = f"""
        SELECT cluster_id, count(*) OVER (),
               count(*) FILTER (WHERE date_start IS NULL) OVER (),
               count(*) FILTER (WHERE location_lat IS NULL) OVER ()
        FROM clusters WHERE {where} {NEWEST_FIRST} LIMIT ? OFFSET ?"""
    rows = con.execute(page, [*params, f.limit, f.offset]).fetchall()
    ids = [row[0] for row in rows]
    matches = Matches(*map(int, rows[0][1:])) if rows else (count_matches(con, f) if f.offset else Matches(0, 0, 0))
    by_id = {row["cluster_id"]: row for row in summaries_by_id(con, ids)}
    return matches, [summary_from_row(by_id[i]) for i in ids]


MAP_COLUMNS = """
    cluster_id, location_lat, location_lon, event_type, quad_class, date, source_key, target_key,
    location_name, location_country, location_kind, num_articles"""


def map_points(con: duckdb.DuckDBPyConnection, f: EventFilter) -> list[MapPoint]:
    """The newest located events matching ``f`` as map points, from one narrow top-N query.

    Full summaries by id (``search_events``) took 450 ms for 500 points on a million events:
    an ``IN`` list of 500 ids is 500 index probes. The narrow top-N reads 11 columns: ~50 ms.
    """
    where, params = filter_sql(replace(f, located=True))
    sql = f"SELECT {MAP_COLUMNS} FROM clusters WHERE {where} {NEWEST_FIRST} LIMIT ? OFFSET ?"
    return [MapPoint(*row) for row in con.execute(sql, [*params, f.limit, f.offset]).fetchall()]


def summaries_by_id(con: duckdb.DuckDBPyConnection, ids: list[int]) -> list[dict[str, Any]]:
    """The summary columns of the clusters ``ids`` (any order), looked up through the id index."""
    if not ids:
        return []
    marks = ", ".join("?" * len(ids))
    return _rows(con, f"SELECT {SUMMARY_COLUMNS} FROM clusters WHERE cluster_id IN ({marks})", ids)


def summaries(con: duckdb.DuckDBPyConnection, ids: list[int]) -> list[EventSummary]:
    """The events ``ids`` in the order asked, from one query (ids that name no event are left out).

    One ``IN`` list probes the id index once per id; asked one by one, 200 ids took 200 queries.
    """
    wanted = [i for i in dict.fromkeys(ids) if 0 <= i <= MAX_EVENT_ID]
    by_id = {row["cluster_id"]: row for row in summaries_by_id(con, wanted)}
    return [summary_from_row(by_id[i]) for i in wanted if i in by_id]


def count_events(con: duckdb.DuckDBPyConnection, f: EventFilter) -> int:
    where, params = filter_sql(f)
    [(count,)] = con.execute(f"SELECT count(*) FROM clusters WHERE {where}", params).fetchall()
    return int(count)


def count_matches(con: duckdb.DuckDBPyConnection, f: EventFilter) -> Matches:
    where, params = filter_sql(f)
    sql = f"""SELECT count(*), count(*) FILTER (WHERE date_start IS NULL), count(*) FILTER (WHERE location_lat IS NULL)
              FROM clusters WHERE {where}"""
    [row] = con.execute(sql, params).fetchall()
    return Matches(*map(int, row))


def count_undated(con: duckdb.DuckDBPyConnection) -> int:
    [(count,)] = con.execute("SELECT count(*) FROM clusters WHERE date_start IS NULL").fetchall()
    return int(count)


def event_detail(con: duckdb.DuckDBPyConnection, event_id: int) -> EventDetail | None:
    if not 0 <= event_id <= MAX_EVENT_ID:
        return None
    rows = summaries_by_id(con, [event_id])
    if not rows:
        return None
    mentions = sorted(_mentions_of(con, event_id), key=lambda m: _mention_order(m, rows[0]["first_event_id"]))
    return EventDetail(summary_from_row(rows[0]), rows[0]["cluster_key"], tuple(mentions))


# An event's reports: its members through the cluster index, then their articles (by their key)
# and sentences by id. One join of the four tables scanned every mention: 30-80 ms on 1M events.
_MEMBERS = "SELECT event_id, article_id, outlet, reason FROM cluster_members WHERE cluster_id = ?"
_ARTICLES = "SELECT id, title, url, published FROM articles WHERE id IN ({marks})"
_SENTENCES = """
    SELECT event_id, sentence, sentence_start, sentence_end, trigger, trigger_start, trigger_end, rule
    FROM mentions WHERE event_id = ANY(?)
"""  # a list parameter: half the time of an IN list of strings when scanning a million mentions


def _mentions_of(con: duckdb.DuckDBPyConnection, cluster_id: int) -> list[MentionDetail]:
    members = con.execute(_MEMBERS, [cluster_id]).fetchall()
    if not members:
        return []
    articles = {row[0]: row[1:] for row in _by_ids(con, _ARTICLES, sorted({m[1] for m in members}))}
    sentences: dict[str, list[tuple[Any, ...]]] = {}
    for row in con.execute(_SENTENCES, [[m[0] for m in members]]).fetchall():
        sentences.setdefault(row[0], []).append(row[1:])
    no_sentence = (None,) * 7
    return [
        _mention(member, articles.get(member[1], (None, None, None)), sentence)
        for member in members
        for sentence in sentences.get(member[0], [no_sentence])
    ]


def _mention(member: tuple[Any, ...], article: tuple[Any, ...], sentence: tuple[Any, ...]) -> MentionDetail:
    event_id, article_id, outlet, reason = member
    title, url, published = article
    text, start, end, trigger, trigger_start, trigger_end, rule = sentence
    return MentionDetail(event_id, article_id, title, url, outlet, published, text, start, end, trigger,
                         trigger_start, trigger_end, rule, reason)  # fmt: skip


def _by_ids(con: duckdb.DuckDBPyConnection, sql: str, ids: list[Any]) -> list[tuple[Any, ...]]:
    return con.execute(sql.format(marks=", ".join("?" * len(ids))), ids).fetchall()


def _mention_order(m: MentionDetail, first: str | None) -> tuple[Any, ...]:
    """The first report first, then by publication, article, report and sentence (nulls last)."""
    return (
        m.report_id != first,
        m.published is None,
        m.published or date.min,
        m.article_id,
        m.report_id,
        m.sentence_start is None,
        m.sentence_start or 0,
    )


def _period_bounds(start: date | None, end: date | None, every: bool = False) -> tuple[str, list[Any]]:
    """Events that happened and are dated, within [start, end]; ``every``: also negated and undated."""
    clauses: list[str] = ["TRUE"] if every else [HAPPENED, "date_start IS NOT NULL"]
    params: list[Any] = []
    if start:
        clauses.append("date_end >= ?")
        params.append(start)
    if end:
        clauses.append("date_start <= ?")
        params.append(end)
    return " AND ".join(clauses), params


def relations(
    con: duckdb.DuckDBPyConnection,
    a: str,
    b: str,
    interval: str,
    start: date | None,
    end: date | None,
    precise_only: bool = False,
) -> list[RelationPoint]:
    """Per day, week or month: the pair's events by quad class, Goldstein sum and event ids.

    ``precise_only`` keeps the events whose date is known at least to the interval (a
    month-precision event has no day to be drawn on: it would land on the 1st).
    """
    if interval not in INTERVALS:
        raise StoreError(f"interval must be one of {', '.join(INTERVALS)}, not {interval!r}")
    where, params = _period_bounds(start, end)
    if precise_only:
        where += " AND coalesce(date_precision, 'day') = ANY(?)"
        params.append(list(FINENESS[: FINENESS.index(interval) + 1]))
    a, b = a.upper(), b.upper()
    sql = f"""
        SELECT CAST(date_trunc('{interval}', date_start) AS DATE) AS period, {QUAD_COUNTS},
               list(cluster_id ORDER BY cluster_id) AS ids
        FROM clusters
        WHERE {where} AND ((source_key = ? AND target_key = ?) OR (source_key = ? AND target_key = ?))
        GROUP BY period ORDER BY period
    """
    rows = con.execute(sql, [*params, a, b, b, a]).fetchall()
    return [RelationPoint(r[0], r[1], r[2], r[3], r[4], float(r[5]), tuple(r[6])) for r in rows]


def pair_events(
    con: duckdb.DuckDBPyConnection, a: str, b: str, start: date | None, end: date | None
) -> list[PairEvent]:
    """Every event between ``a`` and ``b`` (the events list's ``pair`` filter), oldest first, undated last."""
    where, params = filter_sql(EventFilter(pair=(a, b), start=start, end=end))
    sql = f"""
        SELECT cluster_id, date_start, date_end, date_precision, quad_class, coalesce(goldstein, 0), modality
        FROM clusters WHERE {where} ORDER BY date_start NULLS LAST, cluster_id
    """
    return [PairEvent(*row) for row in con.execute(sql, params).fetchall()]


def actor_names(con: duckdb.DuckDBPyConnection) -> list[ActorName]:
    """Every actor key in the store with its most common stored name and its events, busiest first."""
    sql = """
        WITH sides AS (
            SELECT source_key AS key, source_name AS name FROM clusters WHERE source_key IS NOT NULL
            UNION ALL
            SELECT target_key, target_name FROM clusters
            WHERE target_key IS NOT NULL AND target_key IS DISTINCT FROM source_key
        )
        SELECT key, mode(name), count(*) FROM sides GROUP BY key ORDER BY 3 DESC, key
    """
    return [ActorName(*row) for row in con.execute(sql).fetchall()]


def top_actors(
    con: duckdb.DuckDBPyConnection, limit: int, start: date | None, end: date | None, every: bool = False
) -> list[ActorActivity]:
    where, params = _period_bounds(start, end, every)
    sql = f"""
        WITH sides AS (
            SELECT source_key AS key, 1 AS src, 0 AS tgt, goldstein FROM clusters
            WHERE {where} AND source_key IS NOT NULL
            UNION ALL
            SELECT target_key, 0, 1, goldstein FROM clusters
            WHERE {where} AND target_key IS NOT NULL AND target_key IS DISTINCT FROM source_key
        )
        SELECT key, count(*), sum(src), sum(tgt), coalesce(sum(goldstein), 0) FROM sides
        GROUP BY key ORDER BY 2 DESC, key LIMIT ?
    """
    rows = con.execute(sql, [*params, *params, limit]).fetchall()
    return [ActorActivity(r[0], r[1], int(r[2]), int(r[3]), float(r[4])) for r in rows]


def dyads(
    con: duckdb.DuckDBPyConnection, start: date | None, end: date | None, limit: int | None = None, every: bool = False
) -> list[DyadWeight]:
    """Every pair of distinct actors with its events by quad class, strongest first.

    ``every`` counts negated and undated events too (the overview's counts, which must agree
    with the events list); the network leaves them out.
    """
    where, params = _period_bounds(start, end, every)
    # Grouping by the two key columns first and folding each pair's two directions afterwards
    # is 1.6 times faster on 450,000 events than grouping by least()/greatest() of every row.
    sql = f"""
        WITH directed AS (
            SELECT source_key, target_key, count(*) AS events, {QUAD_COUNTS}
            FROM clusters
            WHERE {where} AND source_key IS NOT NULL AND target_key IS NOT NULL AND source_key <> target_key
            GROUP BY source_key, target_key
        )
        SELECT least(source_key, target_key) AS a, greatest(source_key, target_key) AS b, sum(events) AS events,
               sum(verbal_cooperation), sum(material_cooperation), sum(verbal_conflict), sum(material_conflict),
               sum(goldstein)
        FROM directed GROUP BY a, b ORDER BY events DESC, a, b
    """
    if limit is not None:
        sql += f" LIMIT {int(limit)}"
    rows = con.execute(sql, params).fetchall()
    return [DyadWeight(r[0], r[1], r[2], r[3], r[4], r[5], r[6], float(r[7])) for r in rows]


def _rows(con: duckdb.DuckDBPyConnection, sql: str, params: list[Any]) -> list[dict[str, Any]]:
    table = con.sql(sql, params=params or None).to_arrow_table()
    return table.to_pylist() if table is not None else []


EXPORT_SQL = """
    SELECT c.*, m.sentence_start, m.sentence_end, m.trigger, m.trigger_start, m.trigger_end,
           a.title AS first_title, a.site AS first_site, a.language AS first_language,
           (m.sentence_start < coalesce(nullif(strpos(a.text, chr(10) || chr(10)), 0), 1000000000)) AS in_lead
    FROM clusters c
    LEFT JOIN (
        SELECT event_id, min(sentence_start) AS sentence_start, arg_min(sentence_end, sentence_start) AS sentence_end,
               arg_min(trigger, sentence_start) AS trigger, arg_min(trigger_start, sentence_start) AS trigger_start,
               arg_min(trigger_end, sentence_start) AS trigger_end
        FROM mentions GROUP BY event_id
    ) m ON m.event_id = c.first_event_id
    LEFT JOIN articles a ON a.id = c.first_article_id
    WHERE {where}
    ORDER BY c.cluster_id
"""


def export_bounds(start: date | None, end: date | None) -> tuple[str, list[Any]]:
    """Events whose date window overlaps [start, end]; all events (undated too) without bounds."""
    clauses, params = ["TRUE"], []
    if start:
        clauses.append("c.date_end >= ?")
        params.append(start)
    if end:
        clauses.append("c.date_start <= ?")
        params.append(end)
    return " AND ".join(clauses), params
