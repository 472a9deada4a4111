"""The page as an analyst's daily tool: shareable URLs, honest charts, one count, keyboard, the map's stacks."""

from __future__ import annotations

import re
from datetime import date

import pytest
from playwright.sync_api import Browser, Page, Route, expect

from tests.web.conftest import ARTIFACTS

pytestmark = pytest.mark.model  # the sample is ingested with the real spaCy model


def search_pair(page: Page, typed: str) -> None:
    page.fill("#filters input[name=pair]", typed)
    page.click("#filters button[type=submit]")


@pytest.mark.parametrize("typed", ["Russia Iran", "RUS IRN", "RUS, IRN", "iran and russia"])
def test_page_reads_a_pair_typed_by_name_or_code(page: Page, typed: str) -> None:
    search_pair(page, typed)
    expect(page.locator("#events")).to_have_attribute("data-query", re.compile(r"pair=(RUS%2CIRN|IRN%2CRUS)"))
    rows = page.locator("#events tbody tr")
    expect(rows.first).to_be_visible()
    for row in rows.all():
        assert {row.locator("td").nth(2).inner_text(), row.locator("td").nth(3).inner_text()} == {"Russia", "Iran"}


@pytest.mark.parametrize(
    ("field", "typed", "said"),
    [
        ("pair", "Russia Xyzzy", "“Xyzzy” is no actor"),
        ("pair", "RUS", "a pair is two actors"),
        ("actor", "RUS, NATO", "one actor here"),
    ],
)
def test_page_says_what_is_wrong_with_an_actor_beside_the_field(page: Page, field: str, typed: str, said: str) -> None:
    page.fill(f"#filters input[name={field}]", typed)
    page.click("#filters button[type=submit]")
    expect(page.locator(f"#{field}-error")).to_contain_text(said)
    assert "\\n" not in page.locator(f"#{field}-error").inner_text()
    expect(page.locator(f"#filters input[name={field}]")).to_have_attribute("aria-invalid", "true")
    assert "pair=" not in page.url and "actor=" not in page.url  # nothing was asked of the API


def test_page_reload_and_back_restore_a_view_from_its_url(page: Page) -> None:
    search_pair(page, "Russia Iran")
    expect(page).to_have_url(re.compile(r"pair=RUS%2CIRN"))
    page.click("nav button[data-tab=timeline]")
    page.select_option("#pair-form select[name=interval]", "week")
    page.click("#pair-form button[type=submit]")
    expect(page).to_have_url(re.compile(r"tab=timeline.*interval=week"))
    page.reload()
    page.wait_for_selector("body[data-ready=true]")
    expect(page.locator("#timeline")).to_be_visible()
    expect(page.locator("#pair-form select[name=interval]")).to_have_value("week")
    expect(page.locator("#timeline-chart svg g.point").first).to_be_attached()
    page.go_back()
    expect(page.locator("#pair-form select[name=interval]")).to_have_value("month")
    page.go_back()
    expect(page.locator("#explorer")).to_be_visible()
    expect(page.locator("#filters input[name=pair]")).to_have_value("RUS, IRN")
    expect(page.locator("#events")).to_have_attribute("data-query", "pair=RUS%2CIRN")


def test_page_open_event_is_in_the_url_and_back_closes_it(page: Page) -> None:
    page.locator("#events tbody tr").first.click()
    expect(page.locator("#event-view")).to_be_visible()
    expect(page).to_have_url(re.compile(r"event=\d+"))
    url = page.url
    page.go_back()
    expect(page.locator("#event-view")).to_be_hidden()
    page.goto(url)
    expect(page.locator("#event-view h2")).to_be_visible()


def months_between(first: str, last: str) -> list[str]:
    start, end = date.fromisoformat(first), date.fromisoformat(last)
    months, year, month = [], start.year, start.month
    while (year, month) <= (end.year, end.month):
        months.append(f"{year:04d}-{month:02d}-01")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def test_page_timeline_axis_runs_on_through_empty_months(page: Page) -> None:
    page.click("nav button[data-tab=timeline]")
    points = page.locator("#timeline-chart svg g.point")
    expect(points.first).to_be_attached()
    periods = [p.get_attribute("data-period") or "" for p in points.all()]
    empty = [m for m in months_between(periods[0], periods[-1]) if m not in periods]
    assert empty, "the sample's Russia-Iran months with events are not contiguous"
    chart = page.locator("#timeline-chart svg")
    expect(chart.locator(f".x-axis .tick[data-tick='{empty[0]}']")).to_have_count(1)
    expect(chart.locator(f"rect.slot[data-period='{empty[0]}']")).to_have_attribute("data-events", "0")
    expect(chart.locator(".axis-title")).to_have_count(3)
    expect(chart.locator(".legend")).to_contain_text("relation score")
    expect(page.locator("#timeline-summary")).to_contain_text("undated events not on the chart")


def test_page_timeline_puts_month_known_events_in_a_band_in_day_view(page: Page) -> None:
    page.goto("/?tab=timeline&a=RUS&b=IRN&interval=day")
    band = page.locator("#timeline-chart svg .coarse-band rect.span")
    expect(band.first).to_be_attached()
    assert {s.get_attribute("data-precision") for s in band.all()} <= {"month", "year"}


def test_page_header_chart_and_list_agree_on_a_pair(page: Page) -> None:
    header = re.search(r"Iran–Russia (\d+)", page.locator("#overview").inner_text())
    assert header, page.locator("#overview").inner_text()
    search_pair(page, "Russia Iran")
    expect(page.locator("#events")).to_have_attribute("data-query", "pair=RUS%2CIRN")
    listed = re.match(r"(\d+) events", page.locator("#result-count").inner_text())
    page.click("nav button[data-tab=timeline]")
    expect(page.locator("#timeline-events-count")).to_contain_text("events between them")
    charted = page.locator("#timeline-summary").get_attribute("data-events")
    behind = re.match(r"(\d+) events", page.locator("#timeline-events-count").inner_text())
    assert listed and behind
    assert header[1] == listed[1] == charted == behind[1]
    expect(page.locator("#timeline-events tbody tr")).to_have_count(int(behind[1]))


def test_page_names_an_unknown_actor_instead_of_drawing_a_neutral_score(page: Page) -> None:
    page.goto("/?tab=timeline&a=XYZ&b=IRN")
    expect(page.locator("#timeline-summary")).to_contain_text("No actor “XYZ” in the store")
    expect(page.locator("#timeline-chart svg")).to_have_count(0)
    page.click("nav button[data-tab=timeline]")
    page.fill("#pair-form input[name=a]", "Iceland")
    page.fill("#pair-form input[name=b]", "Iran")
    page.click("#pair-form button[type=submit]")
    expect(page.locator("#timeline-summary")).to_contain_text("No events between Iceland (ISL) and Iran (IRN)")


def test_page_escape_closes_the_event_panel_and_gives_focus_back(page: Page) -> None:
    row = page.locator("#events tbody tr").nth(2)
    row.focus()
    page.keyboard.press("Enter")
    panel = page.locator("#event-view")
    expect(panel).to_be_visible()
    expect(page.locator("#event-title")).to_be_focused()
    expect(page.locator("nav button[data-tab=timeline]")).to_be_in_viewport()
    page.keyboard.press("Escape")
    expect(panel).to_be_hidden()
    expect(row).to_be_focused()
    assert "event=" not in page.url


def open_first_row_by_keyboard(page: Page, table: str) -> None:
    row = page.locator(f"{table} tbody tr").first
    expect(row).to_be_visible()
    row.focus()
    page.keyboard.press("Enter")
    expect(page.locator("#event-view h2")).to_be_focused()


def test_page_opens_an_event_from_the_keyboard_in_the_events_view(page: Page) -> None:
    open_first_row_by_keyboard(page, "#events")


def test_page_opens_an_event_from_the_keyboard_in_the_relations_view(page: Page) -> None:
    page.click("nav button[data-tab=timeline]")
    bar = page.locator("#timeline-chart svg g.point").last
    bar.focus()
    page.keyboard.press("Enter")
    expect(page.locator("#timeline-events-title")).to_contain_text("Events of")
    open_first_row_by_keyboard(page, "#timeline-events")
    expect(page.locator("#timeline")).to_be_visible()  # the panel opens over the view that asked


def test_page_opens_an_event_from_the_keyboard_in_the_network_view(page: Page) -> None:
    page.click("nav button[data-tab=network]")
    tie = page.locator("#network-chart line.tie[data-a=IRN][data-b=RUS]")
    tie.focus()
    page.keyboard.press("Enter")
    expect(page.locator("#network-events tbody")).to_have_attribute("data-filter", "pair=IRN%2CRUS")
    open_first_row_by_keyboard(page, "#network-events")
    expect(page.locator("#network")).to_be_visible()


def test_page_opens_an_event_from_the_keyboard_on_the_map(page: Page) -> None:
    page.click("nav button[data-tab=map]")
    stack = page.locator("#map-chart g.stack:not([data-count='1'])").first
    stack.focus()
    page.keyboard.press("Enter")
    expect(page.locator("#map-events-title")).to_contain_text("events at")
    open_first_row_by_keyboard(page, "#map-events")
    single = page.locator("#map-chart g.stack[data-count='1']").first
    page.keyboard.press("Escape")
    single.focus()
    page.keyboard.press("Enter")
    expect(page.locator("#event-view h2")).to_be_focused()


def test_page_map_counts_stacked_events_and_marks_country_level_places(page: Page) -> None:
    page.click("nav button[data-tab=map]")
    stacked = page.locator("#map-chart g.stack:not([data-count='1'])")
    expect(stacked.first).to_be_attached()
    for stack in stacked.all():
        expect(stack.locator("text.stack-count")).to_have_text(stack.get_attribute("data-count") or "")
    expect(page.locator("#map-chart g.stack.country").first).to_be_attached()
    expect(page.locator("#map-legend")).to_contain_text("a country only")
    expect(page.locator("#map-summary")).to_contain_text("unlocated and not on the map")


def test_page_map_uses_the_events_filters_only_when_submitted(page: Page) -> None:
    search_pair(page, "Russia Iran")
    expect(page.locator("#events")).to_have_attribute("data-query", "pair=RUS%2CIRN")
    page.fill("#filters input[name=actor]", "GBR")  # typed, never submitted
    page.click("nav button[data-tab=map]")
    expect(page.locator("#map-summary")).to_contain_text("pair=RUS%2CIRN")
    assert "GBR" not in page.locator("#map-summary").inner_text()


def test_page_network_ties_sit_in_a_scrolled_box_and_blocs_show_their_evidence(page: Page) -> None:
    page.click("nav button[data-tab=network]")
    expect(page.locator("#bloc-list li").first).to_contain_text("event(s) on")
    box = page.locator("#tie-box").bounding_box()
    assert box and box["height"] <= 24 * 16 + 2
    assert page.evaluate("document.documentElement.scrollHeight") < 2000
    expect(page.locator("#network-legend")).to_contain_text("conflict tie")


def test_page_network_labels_do_not_overlap(page: Page) -> None:
    page.click("nav button[data-tab=network]")
    labels = page.locator("#network-chart text.node-label")
    expect(labels.first).to_be_attached()
    boxes = [b for b in (label.bounding_box() for label in labels.all()) if b]
    overlaps = [
        (i, j)
        for i, a in enumerate(boxes)
        for j, b in enumerate(boxes[i + 1 :], i + 1)
        if a["x"] < b["x"] + b["width"] and b["x"] < a["x"] + a["width"]
        and a["y"] < b["y"] + b["height"] and b["y"] < a["y"] + a["height"]
    ]  # fmt: skip
    assert len(overlaps) <= len(boxes) // 20, overlaps


def test_page_csv_link_carries_the_current_filter(page: Page) -> None:
    search_pair(page, "Russia Iran")
    expect(page.locator("#csv-link")).to_have_attribute("href", "/api/events.csv?pair=RUS%2CIRN")


@pytest.mark.parametrize(
    ("name", "url", "ready"),
    [
        ("events", "/?pair=RUS%2CIRN", "#events tbody tr"),
        ("event", "/?pair=RUS%2CIRN&event=FIRST", "#event-view h2"),
        ("relations", "/?tab=timeline&a=RUS&b=IRN&interval=month", "#timeline-chart svg g.point"),
        ("relations-week", "/?tab=timeline&a=RUS&b=IRN&interval=week", "#timeline-chart svg .coarse-band"),
        ("network", "/?tab=network", "#network-chart g.actor"),
        ("map", "/?tab=map", "#map-chart g.stack"),
    ],
)
def test_page_screenshots_of_every_view(browser: Browser, site: str, name: str, url: str, ready: str) -> None:
    """Screenshots at 1400 x 900 for docs/web.md (written to test-artifacts/)."""
    context = browser.new_context(viewport={"width": 1400, "height": 900}, base_url=site)
    page = context.new_page()
    if "FIRST" in url:
        page.goto("/?pair=RUS%2CIRN")
        page.wait_for_selector("body[data-ready=true]")
        url = url.replace("FIRST", page.locator("#events tbody tr").first.get_attribute("data-event-id") or "")
    page.goto(url)
    page.wait_for_selector("body[data-ready=true]")
    expect(page.locator(ready).first).to_be_attached()
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"web-{name}.png"))
    context.close()


def test_page_api_docs_open_offline(page: Page) -> None:
    page.click("nav a[href='/api/docs']")
    expect(page.locator(".swagger-ui .info .title")).to_contain_text("worldorder")
    expect(page.locator(".swagger-ui .opblock-summary-path").first).to_be_visible()


def test_page_overview_pairs_open_their_relations(page: Page) -> None:
    page.locator("#overview a.pair-link").first.click()
    expect(page).to_have_url(re.compile(r"tab=timeline&a=IRN&b=RUS"))
    expect(page.locator("#timeline-summary")).to_contain_text(re.compile(r"Iran \(IRN\) – Russia \(RUS\): \d+ events"))


def test_page_lists_the_period_picked_even_when_the_whole_list_answers_later(page: Page) -> None:
    # hold back the first list (every event behind the timeline) until a period has been listed
    held: list[Route] = []

    def hold_first(route: Route) -> None:
        if held:
            route.continue_()
        else:
            held.append(route)

    page.route("**/api/events/by-id*", hold_first)
    page.click("nav button[data-tab=timeline]")
    bar = page.locator("#timeline-chart svg g.point").last
    bar.focus()
    page.keyboard.press("Enter")
    count = page.locator("#timeline-events-count")
    expect(count).to_contain_text("events in this period")
    wanted = int(count.inner_text().split()[0])
    rows = page.locator("#timeline-events tbody tr")
    expect(rows).to_have_count(wanted)
    assert held, "the whole list was asked for first"
    with page.expect_response("**/api/events/by-id*"):
        held[0].continue_()
    page.evaluate("() => new Promise((done) => setTimeout(done, 0))")  # the page's handler of that answer ran
    expect(rows).to_have_count(wanted)
