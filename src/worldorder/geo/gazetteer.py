"""The gazetteer interface: names in, candidate places out.

Resolution code depends only on :class:`Gazetteer`, so tests inject a
:class:`MemoryGazetteer` of a handful of entries and production code injects
:class:`worldorder.geo.offline.OfflineGazetteer`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

# The finer kinds of gazetteer entry; Place.kind folds them into country/region/city/landmark.
KIND_OF_FEATURE: dict[str, str] = {
    "country": "country",
    "continent": "region",
    "area": "region",
    "admin1": "region",
    "admin2": "region",
    "city": "city",
    "landmark": "landmark",
}


@dataclass(frozen=True, slots=True)
class GazetteerEntry:
    """One place the gazetteer knows, as a candidate for a name."""

    geonameid: int | None
    name: str
    feature: str  # country, continent, area, admin1, admin2, city, landmark
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


_NOT_NAME_CHARACTERS = re.compile(r"[.\u2019'`\u00b4]")
_SPACES = re.compile(r"[\s\-\u2010-\u2015]+")
_SAINT = re.compile(r"^(saint|ste?)\s")


def name_key(name: str) -> str:
    """The form names are compared in: no accents, case, dots, apostrophes or leading article.

    "St. Louis", "Saint Louis" and "st louis" share a key, so do "U.S." and "US".
    """
    folded = name
    if not name.isascii():
        folded = unicodedata.normalize("NFKD", name)
        folded = "".join(c for c in folded if not unicodedata.combining(c))
    folded = _NOT_NAME_CHARACTERS.sub("", folded.casefold()).replace("&", " and ")
    folded = _SPACES.sub(" ", folded).strip()
    if folded.startswith("the "):
        folded = folded[4:]
    return _SAINT.sub("st ", folded)


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
