"""Run the app with uvicorn: what ``worldorder serve`` calls."""

from __future__ import annotations

import contextlib

import uvicorn
from fastapi import FastAPI

from worldorder.config import Settings
from worldorder.errors import StoreBusy, StoreError
from worldorder.store import Store
from worldorder.web.app import create_app

LOOPBACK = "127.0.0.1"
PROBE_SECONDS = 2.0  # how long start-up waits to check the file while an ingest holds it


def app_for(settings: Settings) -> FastAPI:
    """The app over ``settings.db_path``; StoreError when there is no database yet or it is damaged.

    A database held by an ingest is fine: each request opens it, waiting for the batch in hand.
    """
    if not settings.db_path.exists():
        raise StoreError(f"no database at {settings.db_path}: run `worldorder ingest` first")
    with contextlib.suppress(StoreBusy):
        Store.open(settings.db_path, read_only=True, wait=PROBE_SECONDS).close()
    return create_app(settings)


def run(app: FastAPI, host: str = LOOPBACK, port: int = 8000) -> None:
    """Serve until interrupted."""
    uvicorn.run(app, host=host, port=port, log_level="warning")


def page_url(host: str, port: int) -> str:
    return f"http://{host}:{port}/"
