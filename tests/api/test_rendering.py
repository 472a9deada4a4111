"""JSON rendering of the API's typed records."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from typing import Any

import pytest

from worldorder.web.rendering import json_response


@dataclass(frozen=True, slots=True)
class Leaf:
    day: date | None
    weight: float


@dataclass(frozen=True, slots=True)
class Branch:
    name: str
    leaves: list[Leaf]
    labels: dict[int, str]
    pair: tuple[str, str]


@pytest.mark.parametrize(
    ("record", "expected"),
    [
        (Leaf(date(2024, 10, 11), 1.5), {"day": "2024-10-11", "weight": 1.5}),
        (Leaf(None, -2.0), {"day": None, "weight": -2.0}),
        (
            Branch("Zürich", [Leaf(None, 0.0)], {1: "verbal cooperation"}, ("RUS", "IRN")),
            {
                "name": "Zürich",
                "leaves": [{"day": None, "weight": 0.0}],
                "labels": {"1": "verbal cooperation"},
                "pair": ["RUS", "IRN"],
            },
        ),
    ],
)
def test_json_response_renders_nested_records(record: Any, expected: dict[str, Any]) -> None:
    response = json_response(record)
    assert response.media_type == "application/json"
    assert json.loads(bytes(response.body)) == expected


def test_json_response_refuses_what_json_cannot_hold() -> None:
    with pytest.raises(TypeError, match="set"):
        json_response({"ids": {1, 2}})
