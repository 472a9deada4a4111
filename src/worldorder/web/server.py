"""Run the app with uvicorn: what ``worldorder serve`` calls."""

from __future__ import annotations

import uvicorn
from fastapi import FastAPI

from worldorder.config import Settings
from worldorder.errors import StoreError
from worldorder.web.app import create_app

LOOPBACK = "127.0.0.1"


def app_for(settings: Settings) -> FastAPI:
    """The app over ``settings.db_path``; StoreError when there is no database yet."""
    if not settings.db_path.exists():
        raise StoreError(f"no database at {settings.db_path}: run `worldorder ingest` first")
    return create_app(settings)


def run(app: FastAPI, host: str = LOOPBACK, port: int = 8000) -> None:
    """Serve until interrupted."""
    uvicorn.run(app, host=host, port=port, log_level="warning")


def page_url(host: str, port: int) -> str:
    return f"http://{host}:{port}/"
