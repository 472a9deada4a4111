"""7 and 10. `serve` and `ingest` side by side: the page opens the database per request."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

import httpx
import uvicorn
from fastapi import FastAPI

from tests.store.builders import event, report
from worldorder.config import Settings
from worldorder.store import Store
from worldorder.web import create_app

HOLD = """
import sys, time
from worldorder.store import Store
with Store.open(sys.argv[1]) as store:
    store.count()
    print("holding", flush=True)
    time.sleep(float(sys.argv[2]))
"""


def small_database(path: Path) -> Path:
    items = [report("r1", date(2024, 10, 12), event("AUT", "IRN", "2024-10-11"))]
    with Store.open(path) as store:
        store.add([a for a, _ in items], [c for _, c in items])
    return path


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@contextmanager
def holding(path: Path, seconds: float) -> Iterator[None]:
    """Another process holds the database file open for writing for ``seconds``."""
    holder = subprocess.Popen([sys.executable, "-c", HOLD, str(path), str(seconds)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "holding"
        yield
    finally:
        holder.kill()
        holder.communicate()


@contextmanager
def serving(path: Path) -> Iterator[tuple[str, list[str]]]:
    """`worldorder serve` in its own process; yields its URL and, once stopped, its stderr."""
    port = free_port()
    args = [sys.executable, "-m", "worldorder", "serve", "--db", str(path), "--port", str(port)]
    server = subprocess.Popen(args, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
    url = f"http://127.0.0.1:{port}"
    log: list[str] = []
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and server.poll() is None:
            try:
                httpx.get(url + "/", timeout=1)
                break
            except httpx.TransportError:
                time.sleep(0.2)
        assert server.poll() is None, "serve exited"
        yield url, log
    finally:
        server.terminate()
        log.append(server.communicate(timeout=20)[1])


@contextmanager
def threaded(app: FastAPI) -> Iterator[str]:
    config = uvicorn.Config(app, host="127.0.0.1", port=free_port(), log_level="warning", ws="none")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        while not server.started:
            time.sleep(0.05)
        yield f"http://127.0.0.1:{config.port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


def overview(url: str) -> httpx.Response:
    return httpx.get(url + "/api/overview", timeout=60)


def test_serve_starts_while_an_ingest_holds_the_file_and_answers_once_it_lets_go(tmp_path: Path) -> None:
    db = small_database(tmp_path / "x.duckdb")
    with holding(db, 8), serving(db) as (url, log):
        answer = overview(url)  # waits for the holder to let go
    assert answer.status_code == 200 and answer.json()["articles"] == 1
    assert "serving" in log[0] and "Traceback" not in log[0]


def test_ingest_writes_while_serve_runs_and_the_page_shows_it_without_restart(tmp_path: Path) -> None:
    db = small_database(tmp_path / "x.duckdb")
    feed = tmp_path / "feed.jsonl"
    feed.write_text(
        "".join(json.dumps({"id": f"n{i}", "text": f"Envoys met in Oslo, report {i}."}) + "\n" for i in range(5)),
        encoding="utf-8",
    )
    with serving(db) as (url, _log):
        assert overview(url).json()["articles"] == 1
        ingest = [sys.executable, "-m", "worldorder", "ingest", "--no-nlp", "-q", "--db", str(db), str(feed)]
        result = subprocess.run(ingest, capture_output=True, text=True, timeout=120)
        assert result.returncode == 0, result.stderr
        assert overview(url).json()["articles"] == 6


def test_serve_answers_503_in_one_line_while_the_file_stays_held(tmp_path: Path) -> None:
    db = small_database(tmp_path / "x.duckdb")
    app = create_app(Settings(db_path=db), open_store=lambda path: Store.open(path, read_only=True, wait=0.3))
    with holding(db, 30), threaded(app) as url:
        answer = overview(url)
    assert answer.status_code == 503 and answer.headers["retry-after"]
    detail = answer.json()["detail"]
    assert "is in use by process" in detail and "-readonly" not in detail and "\n" not in detail
