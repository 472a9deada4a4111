"""Fetch a URL with httpx: a timeout, a size cap and an honest user agent."""

from __future__ import annotations

import httpx

from worldorder.config import Settings
from worldorder.errors import UnreadableInput
from worldorder.ingest.reading import megabytes


def fetch(url: str, client: httpx.Client, settings: Settings) -> tuple[bytes, str]:
    """The body of ``url`` and its media type; any failure is an ``UnreadableInput``."""
    try:
        with client.stream("GET", url) as response:
            if response.status_code >= 400:
                raise UnreadableInput(f"HTTP {response.status_code} {response.reason_phrase}")
            body = _read_capped(response, settings.http_max_bytes)
            media = response.headers.get("content-type", "").split(";")[0].strip().lower()
            return body, media
    except httpx.TimeoutException as exc:
        raise UnreadableInput(f"timed out after {settings.http_timeout:g} s") from exc
    except httpx.HTTPError as exc:
        raise UnreadableInput(f"cannot fetch: {type(exc).__name__}: {exc}") from exc


def _read_capped(response: httpx.Response, max_bytes: int) -> bytes:
    chunks, total = [], 0
    for chunk in response.iter_bytes():
        total += len(chunk)
        if total > max_bytes:
            raise UnreadableInput(f"response is over the {megabytes(max_bytes)} limit")
        chunks.append(chunk)
    return b"".join(chunks)


def make_client(settings: Settings) -> httpx.Client:
    return httpx.Client(
        timeout=settings.http_timeout,
        follow_redirects=True,
        headers={"User-Agent": settings.user_agent},
    )
