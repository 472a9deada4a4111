"""Resolve toponyms to gazetteer entries: which Paris, which Georgia.

Each candidate gets a score; the highest wins:

1. a prior from its population (log10) and its kind: a name that is a country almost always
   means the country; named areas and landmarks are rare as other places' names; a state or
   county loses to a large city of the same name ("New York", "Washington" are cities in news);
2. article context: candidates in a country (or first-level division) that other place names
   of the article resolve to gain, so "Kent" in an article about Britain is the county; so do
   candidates within 150 km of another sure town of the article, across any border;
3. a qualifier right after a comma ("Paris, Texas", "Ashgabat, Turkmenistan", "Dover, Del.")
   outweighs everything else for the place it qualifies.

Names with no candidates are retried without a generic head word ("Benue State" -> "Benue")
and then without a compass word ("northern Syria" -> "Syria"); names still unknown stay
unresolved (geonameid, lat and lon None).
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc

from worldorder.geo.gazetteer import Gazetteer, GazetteerEntry, candidates_for, kilometres, name_key
from worldorder.geo.toponyms import Toponym, find_toponyms
from worldorder.model import Place

QUALIFIER_GAP = re.compile(r"\s*,\s*")
EVIDENCE_POPULATION = 50_000
NEARBY_KM = 150.0


@dataclass(frozen=True, slots=True)
class ResolutionWeights:
    """The score terms, in units of log10(population)."""

    country: float = 3.0  # added to a country's log population
    admin1: float = -2.0  # "New York", "Washington": in news the city more often than the state
    admin2: float = -2.5
    area: float = 9.0  # a flat score for named areas and continents
    landmark: float = 10.0
    context_country: float = 2.5  # another place of the article lies in the same country
    context_admin1: float = 1.5  # ... in the same first-level division
    qualifier: float = 8.0  # "Paris, Texas"
    alternate_name: float = -1.0  # a town matched by an alternate name, not its own
    capital: float = 1.0  # capitals stand for their governments: "London", "Rome" in world news
    # another sure town or district of the article lies within NEARBY_KM, across any border
    # (+1 lifted 161 km accuracy by 0.002 on GeoVirus and 0.001 on GeoWebNews; +2 lowered both)
    nearby: float = 1.0
    # a town named like a country or state a hundred times its size: "Oregon" the Ohio town,
    # "England" the Arkansas town; the state's own -2 still lets "Washington" (11 times) be the city
    namesake_town: float = -3.0
    # a country no other place of the article lies in, when the name is also a state of a
    # country two other place names of the article lie in: "Georgia" beside Atlanta and Ohio
    foreign_country: float = -3.0


NAMESAKE_RATIO = 100  # how many times the largest town of a name its country or state must have


@dataclass(slots=True)
class ArticleContext:
    """Which countries and divisions the article's other place names resolve to."""

    countries: dict[str, set[str]] = field(default_factory=dict)  # country -> name keys
    admin1s: dict[str, set[str]] = field(default_factory=dict)
    points: list[tuple[str, float, float]] = field(default_factory=list)  # key, lat, lon of sure towns and divisions

    @classmethod
    def of(cls, toponyms: Sequence[Toponym], choices: Sequence[GazetteerEntry | None]) -> ArticleContext:
        context = cls()
        for toponym, choice in zip(toponyms, choices, strict=True):
            if choice is not None and is_evidence(choice):
                context.add(name_key(toponym.text), choice)
        return context

    def add(self, key: str, entry: GazetteerEntry) -> None:
        if entry.country:
            self.countries.setdefault(entry.country, set()).add(key)
        if entry.admin1_key and entry.feature not in ("country", "area", "continent"):
            self.admin1s.setdefault(entry.admin1_key, set()).add(key)
        if entry.feature in ("city", "capital", "admin2"):
            self.points.append((key, entry.lat, entry.lon))

    def near(self, entry: GazetteerEntry, key: str) -> bool:
        """Whether a sure place of another name lies within NEARBY_KM of ``entry``."""
        return any(k != key and kilometres(entry.lat, entry.lon, lat, lon) <= NEARBY_KM
                   for k, lat, lon in self.points)

    def supports_country(self, country: str | None, key: str) -> bool:
        return bool(country) and bool(self.countries.get(country or "", set()) - {key})

    def names_in_country(self, country: str | None, key: str) -> int:
        """How many other place names of the article lie in ``country``."""
        return len(self.countries.get(country or "", set()) - {key})

    def supports_admin1(self, admin1_key: str | None, key: str) -> bool:
        return bool(admin1_key) and bool(self.admin1s.get(admin1_key or "", set()) - {key})


def is_evidence(entry: GazetteerEntry) -> bool:
    """Whether a reading is sure enough to steer the others: not a hamlet that a misread name
    ("Salah", "Rehab" tagged as places) happens to match."""
    return (entry.kind != "city" and entry.feature != "admin2") or entry.population >= EVIDENCE_POPULATION


def prior(entry: GazetteerEntry, weights: ResolutionWeights) -> float:
    size = math.log10(entry.population + 1)
    if entry.feature == "country":
        return size + weights.country
    if entry.feature in ("area", "continent"):
        return weights.area
    if entry.feature == "landmark":
        return weights.landmark
    offsets = {"admin1": weights.admin1, "admin2": weights.admin2, "capital": weights.capital}
    return size + offsets.get(entry.feature, 0.0)


def qualifies(entry: GazetteerEntry, qualifier: GazetteerEntry | None) -> bool:
    """Whether ``entry`` lies in the country or division ``qualifier`` names."""
    if qualifier is None or entry.feature == "country":
        return False
    if qualifier.feature == "country":
        return entry.country == qualifier.country
    return qualifier.feature == "admin1" and entry.admin1_key == qualifier.admin1_key


def score(entry: GazetteerEntry, key: str, context: ArticleContext, qualifier: GazetteerEntry | None,
          weights: ResolutionWeights, towns_shadowed: bool = False, home_state: bool = False) -> float:
    """``towns_shadowed``: the name's largest town is tiny beside a country or state of the name;
    ``home_state``: the name is also a state of a country two other places of the article lie in."""
    value = prior(entry, weights)
    if towns_shadowed and entry.kind == "city":
        value += weights.namesake_town
    if home_state and entry.feature == "country" and not context.supports_country(entry.country, key):
        value += weights.foreign_country
    if entry.feature in ("city", "capital", "admin2") and name_key(entry.name) != key:
        value += weights.alternate_name
    if context.supports_country(entry.country, key):
        value += weights.context_country
    if context.supports_admin1(entry.admin1_key, key):
        value += weights.context_admin1
    if entry.feature != "country" and context.near(entry, key):
        value += weights.nearby
    return value + (weights.qualifier if qualifies(entry, qualifier) else 0.0)


def best(options: Sequence[GazetteerEntry], key: str, context: ArticleContext,
         qualifier: GazetteerEntry | None, weights: ResolutionWeights) -> GazetteerEntry | None:
    if not options:
        return None
    shadowed = towns_shadowed(options)
    home = any(o.feature == "admin1" and context.names_in_country(o.country, key) >= 2 for o in options)
    return max(options, key=lambda e: (score(e, key, context, qualifier, weights, shadowed, home), e.population))


def towns_shadowed(options: Sequence[GazetteerEntry]) -> bool:
    """Whether a country or state of the name has NAMESAKE_RATIO times the people of its largest
    town: every town of the name then loses the same, so their order among themselves stays."""
    division = max((o.population for o in options if o.feature in ("country", "admin1")), default=0)
    town = max((o.population for o in options if o.kind == "city"), default=0)
    return town > 0 and town * NAMESAKE_RATIO <= division


def qualifier_between(earlier: Sequence[GazetteerEntry], later: Sequence[GazetteerEntry],
                      weights: ResolutionWeights) -> GazetteerEntry | None:
    """The reading of ``later`` as a country or state that one reading of ``earlier`` lies in."""
    fitting = [b for b in later if b.feature in ("country", "admin1") and any(qualifies(a, b) for a in earlier)]
    return max(fitting, key=lambda b: prior(b, weights)) if fitting else None


def qualifiers(doc: Doc, toponyms: Sequence[Toponym], options: Sequence[Sequence[GazetteerEntry]],
               weights: ResolutionWeights) -> list[GazetteerEntry | None]:
    """For each toponym, the country or state named right after it and a comma, if any."""
    found: list[GazetteerEntry | None] = [None] * len(toponyms)
    text = doc.text  # built from the tokens on every access
    for i in range(len(toponyms) - 1):
        if QUALIFIER_GAP.fullmatch(text[toponyms[i].end : toponyms[i + 1].start]):
            found[i] = qualifier_between(options[i], options[i + 1], weights)
    return found


HOME = "\x00home"  # the name key the publication's country is filed under in the context


def find_places(doc: Doc, gazetteer: Gazetteer, weights: ResolutionWeights | None = None,
                home: str | None = None) -> list[Place]:
    """Every toponym of ``doc`` with character offsets, resolved against ``gazetteer``.

    ``home`` is the publication's country (ISO alpha-3) when known: it supports readings in that
    country as another place of the article would."""
    weights = weights or ResolutionWeights()
    toponyms = find_toponyms(doc, gazetteer)
    keys = [name_key(t.text) for t in toponyms]
    options = [candidates_for(t.text, gazetteer) for t in toponyms]
    quals = qualifiers(doc, toponyms, options, weights)
    # a qualifier is settled by what it qualifies: "Tacoma, Washington" is the state
    settled = {i + 1: q for i, q in enumerate(quals) if q is not None}
    first = [settled.get(i) or best(o, k, ArticleContext(), None, weights)
             for i, (o, k) in enumerate(zip(options, keys, strict=True))]
    context = ArticleContext.of(toponyms, first)
    if home:
        context.countries.setdefault(home, set()).add(HOME)
    chosen = [settled.get(i) or best(o, k, context, q, weights)
              for i, (o, k, q) in enumerate(zip(options, keys, quals, strict=True))]
    clues = [clue(i in settled, c, o, p, q, k, context)
             for i, (c, o, p, q, k) in enumerate(zip(chosen, options, first, quals, keys, strict=True))]
    return [place(t, c, why) for t, c, why in zip(toponyms, chosen, clues, strict=True)]


def clue(settled: bool, chosen: GazetteerEntry | None, options: Sequence[GazetteerEntry],
         alone: GazetteerEntry | None, qualifier: GazetteerEntry | None, key: str,
         context: ArticleContext) -> str | None:
    """Which clue decided the reading (``Place.clue``): ``only`` (one candidate), ``qualifier``
    (it qualifies a town: "Tacoma, Washington"), ``qualified`` ("Paris, Texas"), ``region``,
    ``country`` or ``nearby`` (the article's other places overturned the reading the name alone
    gets), ``prior`` (the name alone: population and kind)."""
    if chosen is None:
        return None
    if settled:
        return "qualifier"
    if len({o.geonameid or id(o) for o in options}) == 1:
        return "only"
    if qualifies(chosen, qualifier):
        return "qualified"
    if chosen == alone:
        return "prior"
    if context.supports_admin1(chosen.admin1_key, key):
        return "region"
    if context.supports_country(chosen.country, key):
        return "country"
    return "nearby" if context.near(chosen, key) else "prior"


def place(toponym: Toponym, entry: GazetteerEntry | None, why: str | None = None) -> Place:
    if entry is None:
        return Place(toponym.text, toponym.start, toponym.end, None, None, None, None, None, None, None)
    return Place(
        toponym.text, toponym.start, toponym.end, entry.geonameid, entry.name, entry.country,
        entry.admin1 if entry.feature != "country" else None, entry.kind, entry.lat, entry.lon, why,
    )
