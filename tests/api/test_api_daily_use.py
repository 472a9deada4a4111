"""The API as the page uses it every day: ids of any size, batch lookups, counts that agree, offline docs."""

from __future__ import annotations

import csv
import io
import re
from typing import Any

import httpx
import pytest

from tests.api.test_api import get

pytestmark = pytest.mark.model  # the sample is ingested with the real spaCy model

HUGE = "1" * 39  # past BIGINT: DuckDB raised an overflow, answered as 500


@pytest.mark.parametrize(
    ("path", "params", "status"),
    [
        (f"/api/events/{HUGE}", {}, 422),
        (f"/api/events/{2**63 - 1}", {}, 404),
        ("/api/events/by-id", {"ids": f"1,{HUGE}"}, 422),
        ("/api/events/by-id", {"ids": "-1"}, 422),
        ("/api/events", [("actor", "RUS"), ("actor", "IRN")], 422),
        ("/api/relations", [("a", "RUS"), ("b", "IRN"), ("b", "GBR")], 422),
    ],
)
def test_api_refuses_out_of_range_ids_and_repeated_parameters(
    api: httpx.Client, path: str, params: Any, status: int
) -> None:
    response = api.get(path, params=params)
    assert response.status_code == status, response.text
    assert response.json()["detail"]


def test_api_repeated_parameter_names_the_parameter(api: httpx.Client) -> None:
    detail = api.get("/api/events", params=[("actor", "RUS"), ("actor", "IRN")]).json()["detail"]
    assert "actor" in detail


def test_api_by_id_answers_in_the_order_asked_from_repeated_or_joined_ids(api: httpx.Client) -> None:
    ids = [e["event_id"] for e in get(api, "/api/events", limit=6)["items"]]
    wanted = [ids[3], ids[0], ids[5], 999_999_999]  # the last names no event: left out
    joined = get(api, "/api/events/by-id", ids=",".join(map(str, wanted)))
    repeated = api.get("/api/events/by-id", params=[("ids", str(i)) for i in wanted]).json()
    assert [e["event_id"] for e in joined["items"]] == wanted[:3]
    assert repeated == joined


def test_api_overview_pair_count_matches_the_events_list_and_the_relations(api: httpx.Client) -> None:
    overview = get(api, "/api/overview")
    top = overview["top_pairs"][0]
    listed = get(api, "/api/events", pair=f"{top['a']},{top['b']}", limit=1)["total"]
    timeline = get(api, "/api/relations", a=top["a"], b=top["b"], interval="day")
    on_bars = sum(p["events"] for p in timeline["points"])
    apart = len(timeline["coarse"]) + len(timeline["undated"]) + len(timeline["negated"])
    assert top["events"] == listed == timeline["events"] == on_bars + apart
    actor = overview["top_actors"][0]
    assert actor["events"] == get(api, "/api/events", actor=actor["key"], limit=1)["total"]
    assert 0 < overview["undated"] < overview["events"]


def test_api_events_count_undated_and_unlocated_over_the_whole_filter_not_the_page(api: httpx.Client) -> None:
    first = get(api, "/api/events", limit=1)  # newest first: the one item on it is dated
    pages = [get(api, "/api/events", limit=200, offset=offset) for offset in range(0, first["total"], 200)]
    items = [e for page in pages for e in page["items"]]
    undated = sum(e["date_start"] is None for e in items)
    unlocated = sum(e["lat"] is None for e in items)
    assert first["total"] == len(items)
    assert (first["undated"], first["unlocated"]) == (undated, unlocated) and undated > 0 and unlocated > 0
    assert first["items"][0]["date_start"] is not None


def test_api_relations_put_month_known_events_apart_in_day_view(api: httpx.Client) -> None:
    by_day = get(api, "/api/relations", a="RUS", b="IRN", interval="day")
    by_month = get(api, "/api/relations", a="RUS", b="IRN", interval="month")
    assert by_day["coarse"], "the sample has Russia-Iran events known only to the month"
    assert all(e["date_precision"] in ("month", "year") for e in by_day["coarse"])
    assert all(e["date_precision"] == "year" for e in by_month["coarse"])
    assert by_day["events"] == by_month["events"]
    assert by_day["undated"] == by_month["undated"] and by_day["undated"]


def test_api_place_with_a_country_code_finds_the_city_in_that_country(api: httpx.Client) -> None:
    kyiv = get(api, "/api/events", place="Kyiv, UKR")
    assert kyiv["total"] > 0
    assert all(e["place_country"] == "UKR" and "kyiv" in e["place"].lower() for e in kyiv["items"])
    assert get(api, "/api/events", place="Kyiv, RUS")["total"] == 0


def test_api_actors_lists_keys_with_names_busiest_first(api: httpx.Client) -> None:
    items = get(api, "/api/actors")["items"]
    assert items[0]["key"] == "RUS"
    assert [a["events"] for a in items] == sorted((a["events"] for a in items), reverse=True)


def test_api_map_counts_matching_and_located_events(api: httpx.Client) -> None:
    page = get(api, "/api/events/map", actor="RUS")
    assert page["matching"] == get(api, "/api/events", actor="RUS", limit=1)["total"]
    assert page["total"] == page["located"] < page["matching"]
    assert {p["place_kind"] for p in page["items"]} & {"country", "city"}


def test_api_network_says_how_much_evidence_holds_each_bloc(api: httpx.Client) -> None:
    network = get(api, "/api/network")
    assert len(network["evidence"]) == len(network["blocs"])
    for bloc, evidence in zip(network["blocs"], network["evidence"], strict=True):
        assert evidence["bloc"] == bloc["id"] and 0 <= evidence["cohesion"] <= 1
        if len(bloc["members"]) == 1:
            assert evidence["events"] == 0


def test_api_csv_download_has_the_filtered_events(api: httpx.Client) -> None:
    response = api.get("/api/events.csv", params={"pair": "RUS,IRN"})
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert len(rows) == get(api, "/api/events", pair="RUS,IRN", limit=1)["total"]
    assert all({r["source_key"], r["target_key"]} == {"RUS", "IRN"} for r in rows)


def test_api_docs_page_loads_swagger_ui_from_the_package(api: httpx.Client) -> None:
    page = api.get("/api/docs").text
    assets = re.findall(r"""(?:src|href)=['"]([^'"]+)['"]""", page)
    assert assets and all(a.startswith("/") for a in assets), assets
    for asset in assets:
        assert api.get(asset).status_code == 200, asset


def test_api_serves_a_favicon(api: httpx.Client) -> None:
    response = api.get("/favicon.ico")
    assert response.status_code == 200 and response.headers["content-type"].startswith("image/")
