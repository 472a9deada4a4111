"""How the gazetteer's sources place a division: its own point or the middle of its cities."""

from __future__ import annotations

import pytest

from worldorder.geo.gazetteer import kilometres
from worldorder.geo.sources import PointSpread, division_point


def spread_of(*points: tuple[float, float]) -> PointSpread:
    cities = PointSpread()
    for lat, lon in points:
        cities.add(lat, lon, 1000)
    return cities


# towns crowded along the south-eastern edge of a large province
COASTAL = spread_of((-10.0, 20.0), (-12.0, 25.0), (-14.0, 26.0), (-15.0, 26.5), (-16.0, 27.0))


def test_division_point_prefers_own_point_when_cities_crowd_one_edge() -> None:
    own = (-12.0, 21.5)
    assert kilometres(*COASTAL.centre(), *own) > 150
    assert division_point(own, COASTAL) == own


def test_division_point_keeps_middle_of_cities_when_both_agree() -> None:
    own = (-13.2, 23.9)
    assert division_point(own, COASTAL) == COASTAL.centre()


@pytest.mark.parametrize("own", [(-30.0, 21.5), (-12.0, 40.0), None])
def test_division_point_ignores_own_point_outside_its_cities_or_missing(own: tuple[float, float] | None) -> None:
    assert division_point(own, COASTAL) == COASTAL.centre()


def test_kilometres_one_degree_of_latitude() -> None:
    assert kilometres(0.0, 0.0, 1.0, 0.0) == pytest.approx(111.2, abs=0.1)
