"""The geo YAML tables: provenance headers and well-formed rows."""

from __future__ import annotations

from importlib import resources

import pytest

from worldorder.geo.sources import read_yaml

TABLES = ["country_aliases.yaml", "country_points.yaml", "areas.yaml", "landmarks.yaml",
          "state_abbreviations.yaml", "scenes.yaml",
          "division_abbreviations.yaml", "sites.yaml"]
US_STATE_CODES = {
    "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "DC", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS", "KY",
    "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY", "NC", "ND", "OH",
    "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY",
}


@pytest.mark.parametrize("table", TABLES)
def test_geo_table_has_a_provenance_header(table: str) -> None:
    text = resources.files("worldorder.geo").joinpath("data", table).read_text("utf-8")
    header = text.split("\n\n")[0]
    assert "# provenance:" in header and "# version:" in header


def is_point(lat: object, lon: object) -> bool:
    return isinstance(lat, int | float) and isinstance(lon, int | float) and -90 <= lat <= 90 and -180 <= lon <= 180


@pytest.mark.parametrize("area", read_yaml("areas.yaml")["areas"], ids=lambda a: a["name"])
def test_geo_areas_have_a_point(area: dict[str, object]) -> None:
    assert isinstance(area["name"], str) and is_point(area["lat"], area["lon"])
    assert set(area) <= {"name", "lat", "lon", "country", "aliases"}


@pytest.mark.parametrize("landmark", read_yaml("landmarks.yaml")["landmarks"], ids=lambda m: m["name"])
def test_geo_landmarks_name_a_city_and_country(landmark: dict[str, object]) -> None:
    assert isinstance(landmark["city"], str) and isinstance(landmark["country"], str)
    assert len(landmark["country"]) == 3 and set(landmark) <= {"name", "city", "country", "aliases"}


@pytest.mark.parametrize(("alias", "alpha3"), read_yaml("country_aliases.yaml")["aliases"].items())
def test_geo_country_aliases_map_to_alpha3(alias: str, alpha3: str) -> None:
    assert isinstance(alias, str) and len(alpha3) == 3 and alpha3.isupper()


@pytest.mark.parametrize(("alpha3", "point"), read_yaml("country_points.yaml")["points"].items())
def test_geo_country_points_are_points(alpha3: str, point: list[float]) -> None:
    assert len(alpha3) == 3 and len(point) == 2 and is_point(*point)


def test_geo_state_abbreviations_name_real_states() -> None:
    codes = set(read_yaml("state_abbreviations.yaml")["abbreviations"].values())
    assert codes <= US_STATE_CODES


@pytest.mark.parametrize("kind", ["dotted", "names"])
def test_geo_division_abbreviations_name_admin1_codes(kind: str) -> None:
    table = read_yaml("division_abbreviations.yaml")[kind]
    assert table and all(isinstance(a, str) and code[:3] in ("AU.", "CA.") for a, code in table.items())
    assert all(a.endswith(".") for a in table) is (kind == "dotted")


@pytest.mark.parametrize("site", read_yaml("sites.yaml")["sites"], ids=lambda s: s["name"])
def test_geo_sites_have_a_point_and_a_country(site: dict[str, object]) -> None:
    assert isinstance(site["name"], str) and is_point(site["lat"], site["lon"])
    assert isinstance(site["country"], str) and len(site["country"]) == 3
    assert set(site) <= {"name", "lat", "lon", "country", "aliases"}
