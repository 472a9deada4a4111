"""The page in a real browser: explore, open an event, and see the timeline, network and map."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.web.conftest import screenshot

pytestmark = pytest.mark.model  # the sample is ingested with the real spaCy model


def test_page_lists_events_and_filters_them(page: Page) -> None:
    expect(page.locator("#overview")).to_contain_text("41 articles")
    expect(page.locator("#events tbody tr")).to_have_count(50)
    page.fill("#filters input[name=pair]", "RUS,IRN")
    page.select_option("#filters select[name=event_type]", "CONSULT")
    page.click("#filters button[type=submit]")
    expect(page.locator("#events")).to_have_attribute("data-query", re.compile("pair=RUS%2CIRN.*event_type=CONSULT"))
    rows = page.locator("#events tbody tr")
    expect(rows.first).to_contain_text("CONSULT")
    for row in rows.all():
        expect(row.locator("td").nth(1)).to_have_text("CONSULT")
    screenshot(page, "explorer-filtered")


def test_page_full_text_search(page: Page) -> None:
    page.fill("#filters input[name=q]", "Ashgabat")
    page.click("#filters button[type=submit]")
    expect(page.locator("#events")).to_have_attribute("data-query", re.compile("q=Ashgabat"))
    expect(page.locator("#events tbody tr").first).to_be_visible()


def test_page_event_view_highlights_the_sentence_of_every_mention(page: Page) -> None:
    page.fill("#filters input[name=pair]", "RUS,IRN")
    page.select_option("#filters select[name=event_type]", "CONSULT")
    page.click("#filters button[type=submit]")
    expect(page.locator("#events")).to_have_attribute("data-query", re.compile("pair=RUS%2CIRN.*event_type=CONSULT"))
    rows = page.locator("#events tbody tr")
    told_twice = [row for row in rows.all() if int(row.locator("td").nth(5).inner_text()) >= 2]
    assert told_twice, "the meeting reported by several articles is missing"
    told_twice[0].click()
    view = page.locator("#event-view")
    expect(view.locator("h2")).to_contain_text("CONSULT")
    marks = view.locator("mark.sentence")
    expect(marks.first).to_be_visible()
    assert marks.count() >= 2  # the meeting was reported by more than one article
    expect(marks.first.locator("b.trigger")).to_be_visible()
    expect(view.locator(".mention .source").first).to_contain_text("offsets")
    screenshot(page, "event-view")


def test_page_relation_timeline_shows_the_events_behind_it(page: Page) -> None:
    page.click("nav button[data-tab=timeline]")
    expect(page.locator("#timeline-summary")).to_contain_text("Russia")
    points = page.locator("#timeline-chart svg g.point")
    expect(points.first).to_be_attached()
    behind = page.locator("#timeline-events tbody tr")
    expect(behind.first).to_be_visible()
    assert behind.count() >= points.count()
    points.last.locator("rect.coop").click()
    expect(page.locator("#timeline-events-title")).to_contain_text("Events of")
    expect(behind).to_have_count(int(points.last.get_attribute("data-events") or 0))
    for row in behind.all():
        assert {row.locator("td").nth(2).inner_text(), row.locator("td").nth(3).inner_text()} == {"Russia", "Iran"}
    screenshot(page, "relation-timeline")


def test_page_network_shows_blocs_and_the_uk_accusation_ties(page: Page) -> None:
    page.click("nav button[data-tab=network]")
    together = page.locator("#bloc-list li[data-members~=RUS]")
    expect(together).to_have_count(1)
    assert "IRN" in (together.get_attribute("data-members") or "").split()
    assert "GBR" not in (together.get_attribute("data-members") or "").split()
    for target in ("IRN", "RUS"):
        expect(page.locator(f"#network-chart line.tie[data-a=GBR][data-b={target}][data-sign='-']")).to_have_count(1)
    expect(page.locator("#network-chart g.actor")).not_to_have_count(0)
    screenshot(page, "network")
    page.locator("#tie-table tr[data-a=GBR][data-b=RUS]").click()
    expect(page.locator("#network-events tbody")).to_have_attribute("data-filter", "pair=GBR%2CRUS")
    expect(page.locator("#network-events tbody tr").first).to_be_visible()


def test_page_map_draws_the_world_and_the_located_events(page: Page) -> None:
    page.click("nav button[data-tab=map]")
    expect(page.locator("#map-chart path.country")).not_to_have_count(0)
    expect(page.locator("#map-chart .event-dot").first).to_be_attached()
    expect(page.locator("#map-chart path.country.active").first).to_be_attached()
    screenshot(page, "map")
