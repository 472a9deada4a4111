"""Playwright driving Debian's Chromium (``apt-get install -y chromium``) against a live server."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from tests.api.live import REPO, live_server, sample_database

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
ARTIFACTS = REPO / "test-artifacts"


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    database = sample_database(tmp_path_factory.getbasetemp())
    with live_server(database, tmp_path_factory.mktemp("web") / "web.duckdb") as url:
        yield url


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: apt-get install -y chromium (the Makefile's test target does)")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Browser, site: str) -> Iterator[Page]:
    """The page loaded and ready; requests leaving loopback are blocked (the page must work offline)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, base_url=site)
    blocked: list[str] = []
    context.route("**/*", lambda route: _loopback_only(route, blocked))
    opened = context.new_page()
    errors: list[str] = []
    opened.on("pageerror", lambda error: errors.append(str(error)))
    opened.goto("/")
    opened.wait_for_selector("body[data-ready=true]")
    yield opened
    context.close()
    assert not errors, errors
    assert not blocked, blocked


def _loopback_only(route: object, blocked: list[str]) -> None:
    request_url: str = route.request.url  # type: ignore[attr-defined]
    if request_url.startswith("http://127.0.0.1:"):
        route.continue_()  # type: ignore[attr-defined]
    else:
        blocked.append(request_url)
        route.abort()  # type: ignore[attr-defined]


def screenshot(page: Page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)
