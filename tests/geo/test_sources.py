"""How the gazetteer's sources place a division: its own point or the middle of its cities."""

from __future__ import annotations

import pytest

from worldorder.geo.gazetteer import kilometres
from worldorder.geo.sources import PointSpread, division_point, namesake_middles


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


def test_division_point_ignores_own_point_at_a_namesake_county_inside_it() -> None:
    # the own point lies among the cities, far from their middle, but on a county of the same
    # name: a geocoder read the name as the county
    own = (-12.0, 21.5)
    assert division_point(own, COASTAL, [(-12.1, 21.6)]) == COASTAL.centre()
    assert division_point(own, COASTAL, [(-15.0, 26.5)]) == own


def test_namesake_middles_finds_counties_named_like_their_state() -> None:
    rows = [["Maren", "XX-MA", "XX.01", "1", "State", "", "1", "", "1"],
            ["Maren County", "", "XX.01.001", "2", "County", "", "2", "1", "1"],
            ["Other County", "", "XX.01.002", "2", "County", "", "2", "1", "1"]]
    sums = {1: spread_of((1.0, 1.0), (3.0, 3.0)), 2: spread_of((1.0, 1.0)), 3: spread_of((3.0, 3.0))}
    assert namesake_middles(rows, sums) == {1: [(1.0, 1.0)]}
