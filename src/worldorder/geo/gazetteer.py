"""The gazetteer interface: names in, candidate places out.

Resolution code depends only on :class:`Gazetteer`, so tests inject a
:class:`MemoryGazetteer` of a handful of entries and production code injects
:class:`worldorder.geo.offline.OfflineGazetteer`.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

# A name the gazetteer lacks is retried shorter: "Benue State" -> "Benue", "City of London" ->
# "London", "northern Syria" -> "Syria" (see fallback_names).
GENERIC_HEADS = re.compile(
    r"\s+(state|province|region|county|district|city|governorate|oblast|prefecture|municipality"
    r"|territory|agency|department|local government area|lga)$", re.IGNORECASE)
CITY_OF = re.compile(r"^(the\s+)?(city|state|province|county|republic) of\s+", re.IGNORECASE)
COMPASS = re.compile(
    r"^((north|south|east|west|central|northern|southern|eastern|western|upper|lower)[\s-]+)+",
    re.IGNORECASE)

# The finer kinds of gazetteer entry; Place.kind folds them into country/region/city/landmark.
KIND_OF_FEATURE: dict[str, str] = {
    "country": "country",
    "continent": "region",
    "area": "region",
    "admin1": "region",
    "admin2": "region",
    "city": "city",
    "capital": "city",  # a national capital
    "landmark": "landmark",
}


@dataclass(frozen=True, slots=True)
class GazetteerEntry:
    """One place the gazetteer knows, as a candidate for a name."""

    geonameid: int | None
    name: str
    feature: str  # country, continent, area, admin1, admin2, city, capital, landmark
    country: str | None  # ISO 3166-1 alpha-3
    admin1: str | None  # name of the first-level division the place lies in (or is)
    admin1_key: str | None  # GeoNames admin1 code, "US.TX": ties a city to its state
    lat: float
    lon: float
    population: int = 0

    @property
    def kind(self) -> str:
        return KIND_OF_FEATURE.get(self.feature, "region")


class Gazetteer(Protocol):
    """Anything that lists the places a name may refer to."""

    def candidates(self, name: str) -> Sequence[GazetteerEntry]:
        """Every entry whose name or alternate name is ``name`` (compared by :func:`name_key`)."""
        ...

    def is_demonym(self, word: str) -> bool:
        """True for nationality words ("Iranian", "Iranians"), which are not places."""
        ...


# dropped: dots, apostrophes and the marks transliterations write for ayn and hamza ("U.S.",
# "Côte d'Ivoire", "‘Afrīn", "Maʿarrat"); read as spaces: hyphens and dashes
_NAME_CHARACTERS = str.maketrans(
    {".": None, "'": None, "`": None, "\u00b4": None, "\u2018": None, "\u2019": None, "\u02bb": None,
     "\u02bc": None, "\u02be": None, "\u02bf": None, "&": " and ",
     "-": " ", "\u2010": " ", "\u2011": " ", "\u2012": " ", "\u2013": " ", "\u2014": " "}
)
_SAINT = ("saint ", "ste ")


def name_key(name: str) -> str:
    """The form names are compared in: no accents, case, dots, apostrophes or leading article.

    "St. Louis", "Saint Louis" and "st louis" share a key, so do "U.S." and "US".
    """
    folded = name
    if not name.isascii():
        folded = unicodedata.normalize("NFKD", name)
        folded = "".join(c for c in folded if not unicodedata.combining(c))
    folded = " ".join(folded.casefold().translate(_NAME_CHARACTERS).split())
    if folded.startswith("the "):
        folded = folded[4:]
    if folded.startswith(_SAINT):
        folded = "st " + folded.split(" ", 1)[1]
    return folded


class MemoryGazetteer:
    """A gazetteer over entries held in memory, indexed by :func:`name_key`."""

    def __init__(self, named_entries: Iterable[tuple[str, GazetteerEntry]],
                 demonyms: Iterable[str] = ()) -> None:
        self._demonyms = frozenset(name_key(d) for d in demonyms)
        index: dict[str, list[GazetteerEntry]] = {}
        for name, entry in named_entries:
            bucket = index.setdefault(name_key(name), [])
            if entry not in bucket:
                bucket.append(entry)
        self._index: dict[str, tuple[GazetteerEntry, ...]] = {k: tuple(v) for k, v in index.items()}

    def candidates(self, name: str) -> Sequence[GazetteerEntry]:
        return self._index.get(name_key(name), ())

    def is_demonym(self, word: str) -> bool:
        return name_key(word) in self._demonyms


def fallback_names(text: str) -> list[str]:
    """The name, then without a generic head word or "City of", then without compass words."""
    names = [text]
    for pattern in (GENERIC_HEADS, CITY_OF, COMPASS):
        shorter = pattern.sub("", names[-1]).strip()
        if shorter and shorter != names[-1]:
            names.append(shorter)
    return names


def candidates_for(text: str, gazetteer: Gazetteer) -> Sequence[GazetteerEntry]:
    """The candidates of the first of :func:`fallback_names` the gazetteer knows."""
    for name in fallback_names(text):
        if found := gazetteer.candidates(name):
            return found
    return ()


def kilometres(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(min(1.0, a)))
