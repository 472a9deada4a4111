"""A live worldorder server on loopback over the bundled sample news, for API and browser tests.

The sample is ingested once per test session (it loads spaCy: about 40 s) into the session's
temporary folder; each server gets its own copy of the database file, because DuckDB lets one
file be opened by one database instance only.
"""

from __future__ import annotations

import shutil
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import uvicorn
from click.testing import CliRunner

from worldorder.cli.main import main
from worldorder.config import Settings
from worldorder.web import create_app

REPO = Path(__file__).resolve().parents[2]
SAMPLE_NEWS = REPO / "examples" / "news"
STARTUP_SECONDS = 20.0


def sample_database(folder: Path) -> Path:
    """The sample news ingested into ``folder``/sample-news.duckdb (once; later calls reuse it)."""
    path = folder / "sample-news.duckdb"
    if not path.exists():
        result = CliRunner().invoke(main, ["ingest", "--db", str(path), "-q", str(SAMPLE_NEWS)])
        assert result.exit_code == 0, result.output
    return path


@contextmanager
def live_server(database: Path, copy_to: Path) -> Iterator[str]:
    """Serve a copy of ``database`` on 127.0.0.1 at a free port; yields the base URL."""
    shutil.copy(database, copy_to)
    config = uvicorn.Config(
        create_app(Settings(db_path=copy_to)), host="127.0.0.1", port=0, log_level="warning", ws="none"
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{_wait_for_port(server)}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


def _wait_for_port(server: uvicorn.Server) -> int:
    deadline = time.monotonic() + STARTUP_SECONDS
    while not server.started:
        if time.monotonic() > deadline:
            raise RuntimeError("the test server did not start")
        time.sleep(0.05)
    port: int = server.servers[0].sockets[0].getsockname()[1]
    return port
