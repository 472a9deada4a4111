"""The JSON API on a live loopback server over the sample news."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

pytestmark = pytest.mark.model  # the sample is ingested with the real spaCy model


def get(api: httpx.Client, path: str, **params: Any) -> Any:
    response = api.get(path, params=params)
    assert response.status_code == 200, response.text
    return response.json()


def test_api_openapi_schema_documents_every_route(api: httpx.Client) -> None:
    paths = get(api, "/api/openapi.json")["paths"]
    for route in ("/api/events", "/api/events/{event_id}", "/api/relations", "/api/network", "/api/alignment"):
        assert route in paths


def test_api_overview_counts_the_sample(api: httpx.Client) -> None:
    overview = get(api, "/api/overview")
    assert overview["articles"] == 41
    assert overview["events"] > 100
    assert overview["top_actors"][0]["key"] == "RUS"


@pytest.mark.parametrize(
    ("params", "check"),
    [
        ({"pair": "RUS,IRN"}, lambda e: {e["source"]["key"], e["target"]["key"]} == {"RUS", "IRN"}),
        ({"actor": "gbr"}, lambda e: "GBR" in (e["source"]["key"], (e["target"] or {}).get("key"))),
        ({"quad_class": 4}, lambda e: e["quad_class"] == 4),
        ({"event_type": "ACCUSE"}, lambda e: e["event_type"] == "ACCUSE"),
        ({"start": "2024-10-01", "end": "2024-10-31"}, lambda e: e["date_start"] <= "2024-10-31"),
        ({"q": "Ashgabat"}, lambda e: True),
    ],
)
def test_api_events_filters(api: httpx.Client, params: dict[str, Any], check: Any) -> None:
    page = get(api, "/api/events", **params)
    assert page["total"] >= len(page["items"]) > 0
    assert all(check(event) for event in page["items"])


def test_api_events_pages_without_overlap(api: httpx.Client) -> None:
    first = get(api, "/api/events", limit=5)["items"]
    second = get(api, "/api/events", limit=5, offset=5)["items"]
    assert len(first) == len(second) == 5
    assert not {e["event_id"] for e in first} & {e["event_id"] for e in second}


def test_api_event_shows_every_mention_with_offsets_into_its_article(api: httpx.Client) -> None:
    meetings = get(api, "/api/events", pair="RUS,IRN", event_type="CONSULT", limit=50)["items"]
    most_told = max(meetings, key=lambda e: e["articles"])  # the Ashgabat talks, told by several articles
    assert most_told["articles"] >= 2
    view = get(api, f"/api/events/{most_told['event_id']}")
    assert len(view["mentions"]) == view["event"]["mentions"] >= 2
    for item in view["mentions"]:
        mention = item["mention"]
        assert mention["sentence_end"] - mention["sentence_start"] == len(mention["sentence"])
        assert mention["article_id"] and mention["source"]
        trigger = mention["sentence"][mention["trigger_start"] - mention["sentence_start"] :][: len(mention["trigger"])]
        assert trigger == mention["trigger"]


def test_api_relations_show_the_events_behind_each_point(api: httpx.Client) -> None:
    timeline = get(api, "/api/relations", a="RUS", b="IRN")
    on_bars = sum(len(p["event_ids"]) for p in timeline["points"])
    apart = len(timeline["coarse"]) + len(timeline["undated"]) + len(timeline["negated"])
    assert timeline["events"] == on_bars + apart and on_bars > 3
    assert timeline["score"] > 0  # Moscow and Tehran drawing closer
    ids = ",".join(str(i) for p in timeline["points"] for i in p["event_ids"])
    behind = get(api, "/api/events/by-id", ids=ids)["items"]
    assert all({e["source"]["key"], e["target"]["key"]} == {"RUS", "IRN"} for e in behind)


def test_api_network_puts_russia_and_iran_on_one_side_and_the_uk_accusing_both(api: httpx.Client) -> None:
    network = get(api, "/api/network")
    bloc = {member: b["id"] for b in network["blocs"] for member in b["members"]}
    assert bloc["RUS"] == bloc["IRN"] != bloc["GBR"]
    assert bloc["GBR"] == bloc["UKR"]
    ties = {(e["a"], e["b"]): e for e in network["edges"]}
    for pair in (("GBR", "IRN"), ("GBR", "RUS")):
        assert ties[pair]["verbal_conflict"] > 0 and ties[pair]["weight"] < 0


def test_api_alignment_lists_every_actor_of_both_periods(api: httpx.Client) -> None:
    view = get(api, "/api/alignment", before_end="2023-12-31", after_start="2024-01-01")
    keys = {s["key"] for s in view["shifts"]}
    assert {"RUS", "IRN", "UKR"} <= keys


def test_api_map_gives_located_events(api: httpx.Client) -> None:
    items = get(api, "/api/events/map")["items"]
    assert items and all(-90 <= e["lat"] <= 90 and -180 <= e["lon"] <= 180 for e in items)


def test_api_map_answers_narrow_points_not_full_summaries(api: httpx.Client) -> None:
    point = get(api, "/api/events/map", limit=1)["items"][0]
    assert {"event_id", "event_type", "quad_class", "source_key", "target_key", "place"} <= point.keys()
    assert "sentence" not in point and "source" not in point


@pytest.mark.parametrize(
    ("path", "params", "status"),
    [
        ("/api/events", {"limit": 201}, 422),
        ("/api/events", {"limit": 0}, 422),
        ("/api/events", {"offset": -1}, 422),
        ("/api/events", {"start": "2024-13-01"}, 422),
        ("/api/events", {"start": "2024-05-01", "end": "2024-01-01"}, 422),
        ("/api/events", {"event_type": "PARTY"}, 422),
        ("/api/events", {"pair": "RUS"}, 422),
        ("/api/events", {"actor": "x'; DROP TABLE clusters; --"}, 422),
        ("/api/events/by-id", {"ids": "1,two"}, 422),
        ("/api/events/by-id", {"ids": ",".join(["1"] * 201)}, 422),
        ("/api/events/999999", {}, 404),
        ("/api/events/abc", {}, 422),
        ("/api/relations", {"a": "RUS"}, 422),
        ("/api/relations", {"a": "RUS", "b": "IRN", "interval": "decade"}, 422),
        ("/api/network", {"min_events": 0}, 422),
    ],
)
def test_api_bad_parameters_get_a_clear_4xx(api: httpx.Client, path: str, params: dict[str, Any], status: int) -> None:
    response = api.get(path, params=params)
    assert response.status_code == status
    assert response.json()["detail"]


def test_api_text_search_binds_its_parameter(api: httpx.Client) -> None:
    assert get(api, "/api/events", q="' OR 1=1 --")["total"] == 0
    assert get(api, "/api/overview")["events"] > 0  # still there


@pytest.mark.parametrize(
    "path",
    ["/static/../pyproject.toml", "/static/%2e%2e/%2e%2e/cli/main.py", "/static/..%2fapp.py", "/static//etc/passwd"],
)
def test_api_serves_nothing_outside_the_static_folder(api: httpx.Client, path: str) -> None:
    response = api.get(path)
    assert response.status_code == 404


def test_api_serves_the_page_and_its_vendored_libraries(api: httpx.Client) -> None:
    assert "worldorder" in api.get("/").text
    for name in ("d3.min.js", "topojson-client.min.js", "countries-110m.json"):
        assert api.get(f"/static/vendor/{name}").status_code == 200
