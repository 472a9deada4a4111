"""Run the app with uvicorn: what ``worldorder serve`` calls."""

from __future__ import annotations

import uvicorn

from worldorder.config import Settings
from worldorder.errors import StoreError
from worldorder.web.app import create_app

LOOPBACK = "127.0.0.1"


def serve(settings: Settings, host: str = LOOPBACK, port: int = 8000) -> None:
    """Serve the database at ``settings.db_path`` until interrupted."""
    if not settings.db_path.exists():
        raise StoreError(f"no database at {settings.db_path}: run `worldorder ingest` first")
    uvicorn.run(create_app(settings), host=host, port=port, log_level="warning")


def page_url(host: str, port: int) -> str:
    return f"http://{host}:{port}/"
