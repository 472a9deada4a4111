"""The JSON API at scale: the page's common views over HTTP on a database of generated events.

    .venv/bin/python benchmarks/bench_api.py [--events 1000000] [--requests 50] [--db PATH] [--views WORDS]

Loads ``--events`` generated reports with the store benchmark's generator (``bench_store.py``)
unless ``--db`` names an existing database, serves it with uvicorn on 127.0.0.1 as
``worldorder serve`` does, and times ``--requests`` HTTP requests per view with httpx (one
warm-up first). Prints p50 and p95 milliseconds per view, measured at the client.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.bench_store import COUNTRIES, clustered_load
from tests.api.live import live_server

from worldorder.store import Store

Params = Callable[[random.Random], tuple[str, dict[str, Any]]]


def pair(rng: random.Random) -> tuple[str, str]:
    a, b = rng.sample(COUNTRIES, 2)
    return a, b


def month(rng: random.Random) -> tuple[date, date]:
    first = date(rng.randrange(2020, 2025), rng.randrange(1, 13), 1)
    return first, (first + timedelta(days=32)).replace(day=1) - timedelta(days=1)


def views(event_ids: int) -> dict[str, Params]:
    """The requests the page makes, each with randomised parameters."""
    return {
        "overview": lambda rng: ("/api/overview", {}),
        "events, newest page": lambda rng: ("/api/events", {"limit": 50}),
        "events, pair + month": lambda rng: (
            "/api/events",
            {"pair": ",".join(pair(rng)), "start": month(rng)[0], "end": month(rng)[1]},
        ),
        "events, actor + type": lambda rng: ("/api/events", {"actor": rng.choice(COUNTRIES), "event_type": "ACCUSE"}),
        "events, full text": lambda rng: ("/api/events", {"q": f"{rng.choice(COUNTRIES)} and"}),
        "event detail": lambda rng: (f"/api/events/{rng.randrange(1, event_ids)}", {}),
        "events by id, 200 ids": lambda rng: (
            "/api/events/by-id",
            {"ids": ",".join(str(i) for i in rng.sample(range(1, event_ids + 1), 200))},
        ),
        "relations, pair + year": lambda rng: (
            "/api/relations",
            {"a": pair(rng)[0], "b": pair(rng)[1], "start": "2023-01-01", "end": "2023-12-31"},
        ),
        "network, one year": lambda rng: ("/api/network", {"start": f"{rng.randrange(2020, 2025)}-01-01"}),
        "network, all time": lambda rng: ("/api/network", {}),
        "map, one month": lambda rng: ("/api/events/map", {"start": month(rng)[0], "end": month(rng)[1]}),
    }


def timed(client: httpx.Client, make: Params, n: int) -> tuple[float, float]:
    """p50 and p95 milliseconds of ``n`` requests after one warm-up."""
    rng = random.Random(5)
    samples = []
    for i in range(n + 1):
        path, params = make(rng)
        started = time.perf_counter()
        response = client.get(path, params=params)
        elapsed = (time.perf_counter() - started) * 1000
        if response.status_code >= 500:
            raise RuntimeError(f"{path} {params}: {response.status_code} {response.text[:200]}")
        if i:
            samples.append(elapsed)
    samples.sort()
    return statistics.median(samples), samples[max(0, round(0.95 * len(samples)) - 1)]


def build(path: Path, events: int) -> None:
    with Store.open(path) as store:
        seconds, loaded = clustered_load(store, events, 100_000)
    print(f"loaded {loaded:,} events in {seconds:.1f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--requests", type=int, default=50)
    parser.add_argument("--db", type=Path, default=None, help="an existing database (skips generation)")
    parser.add_argument("--views", default="", help="comma-separated words: time only views whose name has one")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        database = args.db or Path(folder) / "bench.duckdb"
        if args.db is None:
            build(database, args.events)
        with Store.open(database, read_only=True) as store:
            clusters = store.count_events()
        print(f"{clusters:,} cross-article events; {args.requests} requests per view")
        with live_server(database, Path(folder) / "served.duckdb") as url, httpx.Client(base_url=url) as client:
            for name, make in views(clusters).items():
                if args.views and not any(word in name for word in args.views.split(",")):
                    continue
                p50, p95 = timed(client, make, args.requests)
                print(f"  {name:<24} p50 {p50:7.1f} ms   p95 {p95:7.1f} ms")


if __name__ == "__main__":
    main()
