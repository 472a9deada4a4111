"""The event database at scale: bulk insert with clustering, then the common queries.

    .venv/bin/python benchmarks/bench_store.py [--events 1000000] [--batch 1000000] [--queries 50]

Generates ``--events`` reports of made-up happenings (each happening told by one to five
articles, so clustering has real merging to do), loads them through Arrow in batches of
``--batch`` (one transaction each, clustered against everything stored before), then times
the queries analysts run most: ``events`` for a pair and a month, and ``relations`` for a pair
over a year. Prints events/s for the load and p50/p95 milliseconds for each query.
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from collections.abc import Callable, Iterator
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pyarrow as pa

from worldorder.clusters import parse_window
from worldorder.store import EventFilter, Store

TYPES = ("CONSULT", "AGREE", "SUPPORT", "COOPERATE", "AID", "ACCUSE", "REJECT", "THREATEN", "ASSAULT", "COERCE")
QUADS = {
    "CONSULT": 1,
    "AGREE": 1,
    "SUPPORT": 1,
    "COOPERATE": 2,
    "AID": 2,
    "ACCUSE": 3,
    "REJECT": 3,
    "THREATEN": 3,
    "ASSAULT": 4,
    "COERCE": 4,
}
COUNTRIES = tuple(
    [
        "USA",
        "RUS",
        "CHN",
        "IRN",
        "ISR",
        "UKR",
        "GBR",
        "FRA",
        "DEU",
        "TUR",
        "IND",
        "PAK",
        "SAU",
        "EGY",
        "JPN",
        "KOR",
        "PRK",
        "SYR",
        "IRQ",
        "AFG",
        "BRA",
        "MEX",
        "ZAF",
        "NGA",
        "ETH",
        "KEN",
        "POL",
        "ITA",
        "ESP",
        "CAN",
        "AUS",
        "IDN",
        "PHL",
        "VNM",
        "THA",
        "MMR",
        "BGD",
        "LBN",
        "JOR",
        "QAT",
        "ARE",
        "YEM",
        "SDN",
        "LBY",
        "DZA",
        "MAR",
        "TUN",
        "VEN",
        "COL",
        "ARG",
    ]
)
CITIES = (
    ("Vienna", "AUT", 48.21, 16.37),
    ("Geneva", "CHE", 46.20, 6.15),
    ("Doha", "QAT", 25.29, 51.53),
    ("Ankara", "TUR", 39.92, 32.85),
    ("Cairo", "EGY", 30.04, 31.24),
    ("Beijing", "CHN", 39.91, 116.40),
)
FIRST_DAY = date(2020, 1, 1)
DAYS = 5 * 365


def happening(rng: random.Random) -> dict[str, Any]:
    a, b = rng.sample(COUNTRIES, 2)
    kind = rng.choice(TYPES)
    day = FIRST_DAY + timedelta(days=rng.randrange(DAYS))
    city = rng.choice(CITIES) if rng.random() < 0.5 else None
    return {"type": kind, "a": a, "b": b, "day": day, "city": city}


def generated_batches(total: int, batch: int, seed: int = 7) -> Iterator[dict[str, pa.Table]]:
    """Arrow tables (articles, events, mentions) of ``total`` reports in batches of ``batch``."""
    rng = random.Random(seed)
    happenings = [happening(rng) for _ in range(total // 3)]
    made = 0
    while made < total:
        size = min(batch, total - made)
        yield _batch(rng, happenings, made, size)
        made += size


def _batch(rng: random.Random, happenings: list[dict[str, Any]], offset: int, size: int) -> dict[str, pa.Table]:
    events: dict[str, list[Any]] = {name: [] for name in _EVENT_COLUMNS}
    mentions: dict[str, list[Any]] = {
        "event_id": [],
        "article_id": [],
        "sentence": [],
        "sentence_start": [],
        "sentence_end": [],
        "trigger": [],
        "trigger_start": [],
        "trigger_end": [],
        "rule": [],
    }
    article_ids: list[str] = []
    published: list[date] = []
    for n in range(offset, offset + size):
        h = rng.choice(happenings)
        article_id = f"art{n // 4}"
        if not article_ids or article_ids[-1] != article_id:
            article_ids.append(article_id)
            published.append(h["day"] + timedelta(days=1))
        _add_event(events, h, f"{article_id}#e{n % 4 + 1}", article_id, rng)
        _add_mention(mentions, events["event_id"][-1], article_id, h)
    articles = {
        "id": article_ids,
        "site": [None] * len(article_ids),
        "text": ["(generated)"] * len(article_ids),
        "origin": ["bench"] * len(article_ids),
        "kind": ["text"] * len(article_ids),
        "url": [f"https://site{i % 40}.example/{i}" for i in range(len(article_ids))],
        "published": published,
        "published_basis": ["input"] * len(article_ids),
        "language": ["en"] * len(article_ids),
        "ingested_at": [datetime(2025, 1, 1)] * len(article_ids),
    }
    return {"articles": pa.table(articles), "events": pa.table(events), "mentions": pa.table(mentions)}


_EVENT_COLUMNS = (
    "event_id",
    "article_id",
    "event_type",
    "cameo",
    "source_group",
    "target_group",
    "attribution_sector",
    "attribution_name",
    "attribution_group",
    "location_geonameid",
    "quad_class",
    "goldstein",
    "is_symmetric",
    "modality",
    "source_text",
    "source_country",
    "source_sector",
    "target_text",
    "target_country",
    "target_sector",
    "date",
    "date_precision",
    "date_basis",
    "location_name",
    "location_country",
    "location_lat",
    "location_lon",
    "location_kind",
)


def _add_event(
    events: dict[str, list[Any]], h: dict[str, Any], event_id: str, article_id: str, rng: random.Random
) -> None:
    a, b = (h["a"], h["b"]) if rng.random() < 0.5 else (h["b"], h["a"])
    month_only = rng.random() < 0.1
    city = h["city"] if rng.random() < 0.8 else None
    values = (
        event_id,
        article_id,
        h["type"],
        "040",
        None,
        None,
        None,
        None,
        None,
        None,
        QUADS[h["type"]],
        1.0 if QUADS[h["type"]] < 3 else -5.0,
        h["type"] in ("CONSULT", "AGREE", "COOPERATE"),
        "asserted",
        a,
        a,
        "GOV",
        b,
        b,
        "GOV",
        h["day"].isoformat()[:7] if month_only else h["day"].isoformat(),
        "month" if month_only else "day",
        "sentence",
        city[0] if city else None,
        city[1] if city else None,
        city[2] if city else None,
        city[3] if city else None,
        "city" if city else None,
    )
    for name, value in zip(_EVENT_COLUMNS, values, strict=True):
        events[name].append(value)


def _add_mention(mentions: dict[str, list[Any]], event_id: str, article_id: str, h: dict[str, Any]) -> None:
    sentence = f"{h['a']} and {h['b']} {h['type'].lower()} on {h['day']}."
    for name, value in zip(
        mentions, (event_id, article_id, sentence, 0, len(sentence), "x", 0, 1, "bench"), strict=True
    ):
        mentions[name].append(value)


def bulk_insert(store: Store, total: int, batch: int) -> tuple[float, int]:
    """Seconds in ``Store.load`` without clustering (generation excluded), and events inserted."""
    seconds, loaded = 0.0, 0
    for tables in generated_batches(total, batch):
        started = time.perf_counter()
        store.load(tables, cluster=False)
        seconds += time.perf_counter() - started
        loaded += tables["events"].num_rows
    return seconds, loaded


def clustered_load(store: Store, total: int, batch: int) -> tuple[float, int]:
    """Seconds in ``Store.load`` with incremental clustering, and events loaded."""
    seconds, loaded = 0.0, 0
    for tables in generated_batches(total, batch, seed=3):
        started = time.perf_counter()
        store.load(tables)
        seconds += time.perf_counter() - started
        loaded += tables["events"].num_rows
    return seconds, loaded


def one_event_per_report(total: int, batch: int) -> Iterator[pa.Table]:
    """Cluster rows for the query benchmark: every generated report as its own event."""
    cluster_id = 0
    for tables in generated_batches(total, batch, seed=5):
        ev = tables["events"].to_pydict()
        n = len(ev["event_id"])
        ids = list(range(cluster_id + 1, cluster_id + n + 1))
        cluster_id += n
        windows = [parse_window(d) for d in ev["date"]]
        yield pa.table(
            {
                "cluster_id": ids,
                "cluster_key": [
                    f"{t}|{a}|{b}|+"
                    for t, a, b in zip(ev["event_type"], ev["source_country"], ev["target_country"], strict=True)
                ],
                "event_type": ev["event_type"],
                "quad_class": ev["quad_class"],
                "goldstein": ev["goldstein"],
                "modality": ev["modality"],
                "source_key": ev["source_country"],
                "source_country": ev["source_country"],
                "target_key": ev["target_country"],
                "target_country": ev["target_country"],
                "date": ev["date"],
                "date_precision": ev["date_precision"],
                "date_start": [w.start if w else None for w in windows],
                "date_end": [w.end if w else None for w in windows],
                "location_name": ev["location_name"],
                "first_event_id": ev["event_id"],
                "first_article_id": ev["article_id"],
                "num_articles": [1] * n,
                "num_sources": [1] * n,
                "num_mentions": [1] * n,
                "article_ids": [[a] for a in ev["article_id"]],
                "outlets": [["bench"]] * n,
                "added_at": [datetime(2025, 1, 1)] * n,
                "updated_at": [datetime(2025, 1, 1)] * n,
            }
        )


def timings(run: Callable[[random.Random], object], n: int) -> tuple[float, float]:
    """p50 and p95 in milliseconds of ``n`` runs (after one warm-up)."""
    rng = random.Random(11)
    run(rng)
    samples = []
    for _ in range(n):
        started = time.perf_counter()
        run(rng)
        samples.append((time.perf_counter() - started) * 1000)
    samples.sort()
    return statistics.median(samples), samples[max(0, round(0.95 * len(samples)) - 1)]


def pair_month(store: Store) -> Callable[[random.Random], object]:
    def run(rng: random.Random) -> object:
        a, b = rng.sample(COUNTRIES, 2)
        first = date(rng.randrange(2020, 2025), rng.randrange(1, 13), 1)
        last = (first + timedelta(days=32)).replace(day=1) - timedelta(days=1)
        return store.search_events(EventFilter(pair=(a, b), start=first, end=last, limit=50))

    return run


def pair_year(store: Store) -> Callable[[random.Random], object]:
    def run(rng: random.Random) -> object:
        a, b = rng.sample(COUNTRIES, 2)
        year = rng.randrange(2020, 2025)
        return store.relations(a, b, "month", date(year, 1, 1), date(year, 12, 31))

    return run


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--events", type=int, default=1_000_000)
    # a bulk load is one transaction: each COMMIT compresses and writes its row groups
    parser.add_argument("--batch", type=int, default=1_000_000)
    parser.add_argument("--clustered", type=int, default=100_000, help="events loaded with clustering")
    parser.add_argument("--queries", type=int, default=50)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        with Store.open(Path(tmp) / "insert.duckdb") as store:
            seconds, loaded = bulk_insert(store, args.events, args.batch)
            print(
                f"bulk insert through Arrow: {loaded:,} events (+ mentions, articles) in {seconds:.1f} s "
                f"= {loaded / seconds:,.0f} events/s"
            )
        with Store.open(Path(tmp) / "clustered.duckdb") as store:
            seconds, loaded = clustered_load(store, args.clustered, max(1, args.clustered // 10))
            print(
                f"insert with incremental clustering: {loaded:,} events in {seconds:.1f} s "
                f"= {loaded / seconds:,.0f} events/s into {store.count('clusters'):,} cross-article events"
            )
        with Store.open(Path(tmp) / "queries.duckdb") as store:
            for table in one_event_per_report(args.events, args.batch):
                store.load({"clusters": table}, cluster=False)
            events = store.count("clusters")
            for name, query in (("events pair+month", pair_month(store)), ("relations pair+year", pair_year(store))):
                p50, p95 = timings(query, args.queries)
                print(f"{name}: p50 {p50:.1f} ms, p95 {p95:.1f} ms over {args.queries} queries on {events:,} events")


if __name__ == "__main__":
    main()
