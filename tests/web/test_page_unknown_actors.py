"""The page lists and opens events whose actors have no country (hand-built database: no model)."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Page, expect

from tests.api.live import live_server
from tests.store.builders import unknown_actor_database


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Overrides the sample-news site of conftest.py for this module's ``page``."""
    folder = tmp_path_factory.mktemp("unknown-actors-page")
    database = unknown_actor_database(folder / "built.duckdb")
    with live_server(database, folder / "served.duckdb") as url:
        yield url


def test_page_lists_country_less_events_and_says_the_country_is_unknown(page: Page) -> None:
    rows = page.locator("#events tbody tr")
    expect(rows).to_have_count(3)
    sources = page.locator("#events tbody tr td:nth-child(3)")
    expect(sources).to_contain_text(["Austria", "unnamed actor (country unknown)", "Police (COP, country unknown)"])


def test_page_filters_by_sector_and_opens_an_agentless_event(page: Page) -> None:
    page.fill("#filters input[name=sector]", "COP")
    page.click("#filters button[type=submit]")
    expect(page.locator("#events")).to_have_attribute("data-query", re.compile("sector=COP"))
    expect(page.locator("#events tbody tr")).to_have_count(1)
    page.fill("#filters input[name=sector]", "")
    page.select_option("#filters select[name=event_type]", "ASSAULT")
    page.click("#filters button[type=submit]")
    expect(page.locator("#events")).to_have_attribute("data-query", re.compile("event_type=ASSAULT"))
    page.locator("#events tbody tr").first.click()
    view = page.locator("#event-view")
    expect(view.locator("h2")).to_contain_text("ASSAULT: unnamed actor (country unknown) → —")
    expect(view.locator("mark.sentence").first).to_contain_text("A man was killed in a gun attack.")
