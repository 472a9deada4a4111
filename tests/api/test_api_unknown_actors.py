"""The JSON API answers events whose actors have no country (hand-built database: no model)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from tests.api.live import live_server
from tests.store.builders import unknown_actor_database


@pytest.fixture(scope="module")
def api(tmp_path_factory: pytest.TempPathFactory) -> Iterator[httpx.Client]:
    folder = tmp_path_factory.mktemp("unknown-actors")
    database = unknown_actor_database(folder / "built.duckdb")
    with live_server(database, folder / "served.duckdb") as url, httpx.Client(base_url=url) as client:
        yield client


def get(api: httpx.Client, path: str, **params: Any) -> Any:
    response = api.get(path, params=params)
    assert response.status_code == 200, response.text
    return response.json()


def test_api_events_returns_country_less_actors_with_their_basis(api: httpx.Client) -> None:
    page = get(api, "/api/events")
    by_type = {e["event_type"]: e for e in page["items"]}
    assert page["total"] == 3 and set(by_type) == {"COERCE", "ASSAULT", "CONSULT"}
    assert by_type["COERCE"]["source"] == {
        "key": None, "country": None, "known_group": None, "sector": "COP", "name": None, "text": "Police",
        "country_basis": "unknown",
    }  # fmt: skip
    assert (by_type["ASSAULT"]["source"]["text"], by_type["ASSAULT"]["target"]) == ("", None)


@pytest.mark.parametrize(
    ("params", "types"),
    [({"sector": "COP"}, ["COERCE"]), ({"country": "IRN"}, ["CONSULT"]), ({"event_type": "ASSAULT"}, ["ASSAULT"])],
)
def test_api_events_filters_country_less_events(api: httpx.Client, params: dict[str, str], types: list[str]) -> None:
    assert [e["event_type"] for e in get(api, "/api/events", **params)["items"]] == types


def test_api_event_view_and_analysis_of_country_less_events(api: httpx.Client) -> None:
    [attack] = get(api, "/api/events", event_type="ASSAULT")["items"]
    view = get(api, f"/api/events/{attack['event_id']}")
    assert view["event"]["source"]["key"] is None and view["cluster_key"].startswith("alone|")
    assert view["mentions"][0]["mention"]["sentence"] == "A man was killed in a gun attack."
    assert [a["key"] for a in get(api, "/api/overview")["top_actors"]] == ["AUT", "IRN"]
    assert {n["key"] for n in get(api, "/api/network")["nodes"]} == {"AUT", "IRN"}
    assert len(get(api, "/api/events/map")["items"]) == 2  # the attack and the meeting are in Vienna
