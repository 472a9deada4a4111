"""The FastAPI application factory: the JSON API over the store, and the static page.

Each request opens the database read-only and closes it when answered: DuckDB lets one process
open the file at a time, so holding it would lock out an ingest, and reopening shows what the
ingest has stored since. While an ingest writes a batch the request waits for it (a second or
so); a file still held after ``Store.wait`` seconds is a 503 with ``Retry-After``.

Routes are ``async def`` on purpose: they run one at a time on the event loop, so a request's
connection is never used from two threads at once (a DuckDB connection is not thread-safe).
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from importlib.resources import files
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles

from worldorder.config import Settings
from worldorder.errors import StoreBusy, StoreError
from worldorder.store import Store
from worldorder.web.routes import router

StoreOpener = Callable[[Path], Store]
RETRY_AFTER = 2  # seconds; a batch write rarely takes longer


def static_folder() -> Path:
    """The packaged folder of the page and its vendored libraries."""
    return Path(str(files("worldorder.web") / "static"))


def open_read_only(path: Path) -> Store:
    return Store.open(path, read_only=True)


def create_app(settings: Settings, open_store: StoreOpener = open_read_only) -> FastAPI:
    """The app serving the database at ``settings.db_path`` read-only."""

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        app.state.open_store = lambda: open_store(settings.db_path)
        yield

    app = FastAPI(
        title="worldorder",
        summary="Political events coded from news: search, relations, networks, blocs, maps.",
        version="0.1.0",
        lifespan=lifespan,
        openapi_url="/api/openapi.json",
        docs_url=None,  # served below with the vendored Swagger UI: FastAPI's own page loads it from a CDN
        redoc_url=None,
    )
    app.include_router(router, prefix="/api")
    app.add_exception_handler(StoreError, store_error)
    app.add_exception_handler(StoreBusy, store_busy)
    folder = static_folder()
    app.mount("/static", StaticFiles(directory=folder), name="static")
    app.add_api_route("/", lambda: FileResponse(folder / "index.html"), include_in_schema=False)
    app.add_api_route("/api/docs", api_docs, include_in_schema=False)
    icon = folder / "favicon.svg"
    app.add_api_route("/favicon.ico", lambda: FileResponse(icon, media_type="image/svg+xml"), include_in_schema=False)
    return app


def api_docs() -> HTMLResponse:
    """Swagger UI from the package's own copy (static/vendor), so the API page works offline."""
    return get_swagger_ui_html(
        openapi_url="/api/openapi.json",
        title="worldorder API",
        swagger_js_url="/static/vendor/swagger-ui-bundle.js",
        swagger_css_url="/static/vendor/swagger-ui.css",
        swagger_favicon_url="/static/favicon.svg",
    )


async def store_error(_request: Request, exc: Exception) -> JSONResponse:
    """A store refusal (bad interval, unknown table) is the caller's error: 400 with the reason."""
    return JSONResponse(status_code=400, content={"detail": str(exc)})


async def store_busy(_request: Request, exc: Exception) -> JSONResponse:
    """The file stayed held by another process (an ingest writing): 503, try again shortly."""
    return JSONResponse(status_code=503, content={"detail": str(exc)}, headers={"Retry-After": str(RETRY_AFTER)})
