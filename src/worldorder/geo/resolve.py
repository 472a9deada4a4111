"""Resolve toponyms to gazetteer entries: which Paris, which Georgia.

Each candidate gets a score; the highest wins:

1. a prior from its population (log10) and its kind: a name that is a country almost always
   means the country; named areas and landmarks are rare as other places' names; a state or
   county loses to a large city of the same name ("New York", "Washington" are cities in news);
2. article context: candidates in a country (or first-level division) that other place names
   of the article resolve to gain, so "Kent" in an article about Britain is the county; so do
   candidates within 150 km of another sure town of the article, across any border;
3. a qualifier right after a comma ("Paris, Texas", "Ashgabat, Turkmenistan", "Dover, Del.")
   outweighs everything else for the place it qualifies;
4. the words around a name say its kind ("Washington state", "the city of Florida"), and the
   other names of a list say what its members are ("Oregon, Washington and Montana": states).

Names with no candidates are retried without a generic head word ("Benue State" -> "Benue")
and then without a compass word ("northern Syria" -> "Syria"); names still unknown stay
unresolved (geonameid, lat and lon None) unless they name a feature after a place the article's
country holds ("Kabul River" -> Kabul) or the article names a town to draw them at (a street,
a village the gazetteer lacks).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc

from worldorder.geo.gazetteer import Gazetteer, GazetteerEntry, candidates_for, kilometres, name_key
from worldorder.geo.toponyms import Toponym, find_toponyms
from worldorder.model import Place

QUALIFIER_GAP = re.compile(r"\s*,\s*")
LIST_GAP = re.compile(r"\s*,\s*(?:(?:and|or)\s+(?:the\s+)?)?|\s+(?:and|or)\s+(?:the\s+)?")  # "A, B, and the C"
DIVISION_WORDS = r"state|province|county|region|district|governorate|oblast|prefecture"
# "Washington state", "Idlib province"; "the state of Washington", "the province of Idlib"
# a division's own office after its name: "the Ohio governor", "Manitoba Premier ..."
DIVISION_OFFICES = r"governor|premier"
DIVISION_AFTER = re.compile(rf"\s+(?:{DIVISION_WORDS}|{DIVISION_OFFICES})\b", re.IGNORECASE)
DIVISION_BEFORE = re.compile(rf"\b(?:{DIVISION_WORDS}) of\s+$", re.IGNORECASE)
DIVISION_HEAD = re.compile(rf"\s(?:{DIVISION_WORDS})$", re.IGNORECASE)  # "New York State"
# "Quezon city" (lower case: "Kansas City" is a name of its own); "the town of Florida"
CITY_AFTER = re.compile(r"\s+city\b")
CITY_BEFORE = re.compile(r"\b(?:city|town|village) of\s+$", re.IGNORECASE)
# A feature named after the place it lies at or in: "Kabul River", "Cologne Cathedral", "Lake
# Geneva", "Napa Valley". The gazetteer has no such features; the place they name is the next
# best reading (see feature_place_name). Not streets, squares, towers or halls: they are named
# after people and other places ("Oxford Street", "Lincoln Center", "Eiffel Tower").
FEATURE_HEADS = re.compile(
    r"\s+(?:international\s+)?(?:park|stadium|hospital|cathedral|church|chapel|mosque|temple|airport"
    r"|bridge|canal|river|lake|bay|beach|harbour|harbor|valley|delta|mountains|hills|island|peninsula"
    r"|coast)$", re.IGNORECASE)
FEATURE_PREFIXES = re.compile(r"^(?:lake|mount|mt\.?)\s+", re.IGNORECASE)
KIND_FEATURES = {"division": frozenset({"admin1", "admin2"}), "city": frozenset({"city", "capital"})}
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
    # the words around the name say its kind: "Washington state", "the state of Washington",
    # "the city of Florida" (and every other mention of the same name in the article)
    kind_word: float = 4.0
    # the name stands in a list ("Iowa, Kansas and Maine") whose other members read as states
    # of one country, or as countries: it is most likely one more of the same
    list_sibling: float = 3.0


# how many times the people of the name's largest town its country or state must have: at a fifth
# a state named after a suburb of a sixth of its people is the state (a tenth kept the suburb);
# before national capitals were exempted a fifth turned Washington the capital into the state
NAMESAKE_RATIO = 5


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


@dataclass(frozen=True, slots=True)
class Mention:
    """What the text around one toponym says besides its name."""

    key: str  # the name key
    qualifier: GazetteerEntry | None = None  # the country or state after a comma
    kind: str | None = None  # "division" or "city", from the words around the name
    siblings: tuple[GazetteerEntry, ...] = ()  # first readings of the other names of its list


def score(entry: GazetteerEntry, mention: Mention, context: ArticleContext, weights: ResolutionWeights,
          towns_shadowed: str | None = None, home_state: bool = False) -> float:
    """``towns_shadowed``: the country of a country or state of the name beside which the name's
    largest town is tiny (None when there is none);
    ``home_state``: the name is also a state of a country two other places of the article lie in."""
    key = mention.key
    value = prior(entry, weights) + in_text(entry, mention, weights)
    if towns_shadowed and entry.kind == "city" and not own_country(entry, towns_shadowed, context, key):
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
    return value


def in_text(entry: GazetteerEntry, mention: Mention, weights: ResolutionWeights) -> float:
    """The terms the mention's own surroundings give: qualifier, kind word, list siblings."""
    value = weights.qualifier if qualifies(entry, mention.qualifier) and own_name(entry, mention.key) else 0.0
    if mention.kind and entry.feature in KIND_FEATURES[mention.kind]:
        value += weights.kind_word
    if any(like(entry, sibling) for sibling in mention.siblings):
        value += weights.list_sibling
    return value


def like(entry: GazetteerEntry, sibling: GazetteerEntry) -> bool:
    """Whether two places are of a kind a list joins: countries, or states of one country."""
    if entry.feature == "country":
        return sibling.feature == "country"
    return entry.feature == "admin1" and sibling.feature == "admin1" and entry.country == sibling.country


def best(options: Sequence[GazetteerEntry], mention: Mention, context: ArticleContext,
         weights: ResolutionWeights) -> GazetteerEntry | None:
    if not options:
        return None
    key = mention.key
    shadowed = towns_shadowed(options, key)
    home = any(o.feature == "admin1" and context.names_in_country(o.country, key) >= 2 for o in options)
    return max(options, key=lambda e: (score(e, mention, context, weights, shadowed, home), e.population))


def towns_shadowed(options: Sequence[GazetteerEntry], key: str) -> str | None:
    """The country of a country or state of the name that has NAMESAKE_RATIO times the people of
    the name's largest town of that own name (a town known by it only as an alternate name is
    discounted already), else None: every town of the name then loses the same, so their order
    among themselves stays. A name that is a national capital's own is never shadowed."""
    division = max((o for o in options if o.feature in ("country", "admin1")), key=lambda o: o.population,
                   default=None)
    towns = [o for o in options if o.kind == "city" and name_key(o.name) == key]
    town = max((o.population for o in towns), default=0)
    if division is None or not town or town * NAMESAKE_RATIO > division.population:
        return None
    if any(o.feature == "capital" for o in towns):  # a national capital stands for its government
        return None
    return division.country or "?"


def own_country(town: GazetteerEntry, shadowing: str, context: ArticleContext, key: str) -> bool:
    """Whether the article's other places lie in the town's country and not in the country of the
    state or country that shadows it: a Welsh village named like a US state, in a Welsh story."""
    return (town.country != shadowing and context.supports_country(town.country, key)
            and not context.supports_country(shadowing, key))


def qualifier_between(earlier: Sequence[GazetteerEntry], later: Sequence[GazetteerEntry],
                      weights: ResolutionWeights, key: str) -> GazetteerEntry | None:
    """The reading of ``later`` as a country or state that one reading of ``earlier`` lies in.

    A town or county counts only by its own name (``key``): in "stops in Franklin, Kent and
    Dover" a county known as "Franklin" only by an alternate name does not make Kent qualify it."""
    own = [a for a in earlier if own_name(a, key)]
    fitting = [b for b in later if b.feature in ("country", "admin1") and any(qualifies(a, b) for a in own)]
    return max(fitting, key=lambda b: prior(b, weights)) if fitting else None


def own_name(entry: GazetteerEntry, key: str) -> bool:
    """Whether ``key`` is the entry's own name, not an alternate one; divisions and countries pass."""
    return entry.feature not in ("city", "capital", "admin2") or name_key(entry.name) == key


def qualifiers(text: str, toponyms: Sequence[Toponym], options: Sequence[Sequence[GazetteerEntry]],
               plain: Sequence[GazetteerEntry | None], weights: ResolutionWeights) -> list[GazetteerEntry | None]:
    """For each toponym, the country or state named right after it and a comma, if any.

    Not inside a list of names of that kind: in "Iowa, Washington, Oregon and Maine"
    Oregon does not qualify Washington, which can be a state itself; in "Boston,
    Washington, D.C., and Chicago" the list is of towns and D.C. does qualify. ``plain``: each
    toponym's reading by its name alone."""
    found: list[GazetteerEntry | None] = [None] * len(toponyms)
    for i in range(len(toponyms) - 1):
        if QUALIFIER_GAP.fullmatch(text[toponyms[i].end : toponyms[i + 1].start]):
            qualifier = qualifier_between(options[i], options[i + 1], weights, name_key(toponyms[i].text))
            if qualifier is not None and not in_list_of(qualifier, i, text, toponyms, options, plain):
                found[i] = qualifier
    return found


def in_list_of(qualifier: GazetteerEntry, i: int, text: str, toponyms: Sequence[Toponym],
               options: Sequence[Sequence[GazetteerEntry]], plain: Sequence[GazetteerEntry | None]) -> bool:
    """Whether toponym ``i`` and the next stand in a list of places like ``qualifier``: the name
    before them or after them reads as one, and ``i`` can be one too. An abbreviation ("D.C.",
    "Pa.") is written only as a qualifier."""
    if "." in toponyms[i + 1].text:
        return False
    ends = [j for j, joined in ((i - 1, i > 0 and listed(text, toponyms[i - 1], toponyms[i])),
                                (i + 2, i + 2 < len(toponyms) and listed(text, toponyms[i + 1], toponyms[i + 2])))
            if joined]
    return (any((e := plain[j]) is not None and like(e, qualifier) for j in ends)
            and any(like(a, qualifier) for a in options[i]))


def listed(text: str, earlier: Toponym, later: Toponym) -> bool:
    """Whether two toponyms stand next to each other in a list: "A, B", "A and B", "A, or B"."""
    return LIST_GAP.fullmatch(text[earlier.end : later.start]) is not None


def list_groups(text: str, toponyms: Sequence[Toponym]) -> list[list[int]]:
    """For each toponym, the indices of the toponyms of the list it stands in (itself included)."""
    groups: list[list[int]] = []
    for i in range(len(toponyms)):
        if i and listed(text, toponyms[i - 1], toponyms[i]):
            groups[-1].append(i)
        else:
            groups.append([i])
    return [group for group in groups for _ in group]


def kind_word(text: str, toponym: Toponym) -> str | None:
    """"division" or "city" when the words around the name say so: "Washington state", "Idlib
    province", "the state of Washington", "New York State"; "the city of Florida", "Quezon city"."""
    before, after = text[max(0, toponym.start - 30) : toponym.start], text[toponym.end : toponym.end + 20]
    if DIVISION_HEAD.search(toponym.text) or DIVISION_AFTER.match(after) or DIVISION_BEFORE.search(before):
        return "division"
    if CITY_AFTER.match(after) or CITY_BEFORE.search(before):
        return "city"
    return None


def kind_words(text: str, toponyms: Sequence[Toponym], keys: Sequence[str]) -> list[str | None]:
    """Each toponym's kind word, else the one kind word other mentions of its name agree on:
    "Washington state officials ... schools in Washington" are the state both times."""
    own = [kind_word(text, t) for t in toponyms]
    by_key: dict[str, set[str]] = {}
    for key, kind in zip(keys, own, strict=True):
        if kind:
            by_key.setdefault(key, set()).add(kind)
    shared = {key: next(iter(kinds)) for key, kinds in by_key.items() if len(kinds) == 1}
    return [kind or shared.get(key) for kind, key in zip(own, keys, strict=True)]


HOME = "\x00home"  # the name key the publication's country is filed under in the context


def find_places(doc: Doc, gazetteer: Gazetteer, weights: ResolutionWeights | None = None,
                home: str | None = None) -> list[Place]:
    """Every toponym of ``doc`` with character offsets, resolved against ``gazetteer``.

    ``home`` is the publication's country (ISO alpha-3) when known: it supports readings in that
    country as another place of the article would."""
    weights = weights or ResolutionWeights()
    text = doc.text  # built from the tokens on every access
    toponyms = find_toponyms(doc, gazetteer)
    keys = [name_key(t.text) for t in toponyms]
    options = [candidates_for(t.text, gazetteer) for t in toponyms]
    plain = [best(o, Mention(k), ArticleContext(), weights) for o, k in zip(options, keys, strict=True)]
    quals = qualifiers(text, toponyms, options, plain, weights)
    kinds = kind_words(text, toponyms, keys)
    # a qualifier is settled by what it qualifies: "Tacoma, Washington" is the state
    settled = {i + 1: q for i, q in enumerate(quals) if q is not None}
    # the context counts a qualified name as its qualifier reads it: "Durham, England" is the
    # English county, not the larger city in North Carolina, for the other names of the article
    first = choose(options, [Mention(k, q, kind) for k, q, kind in zip(keys, quals, kinds, strict=True)],
                   settled, ArticleContext(), weights)
    context = ArticleContext.of(toponyms, first)
    if home:
        context.countries.setdefault(home, set()).add(HOME)
    groups = list_groups(text, toponyms)
    # a qualifier is no sibling of the town it qualifies ("Boston, Washington, D.C.")
    others = [[j for j in groups[i] if not (j == i + 1 and quals[i])] for i in range(len(toponyms))]
    mentions = [Mention(k, q, kind, siblings(i, others[i], keys, first))
                for i, (k, q, kind) in enumerate(zip(keys, quals, kinds, strict=True))]
    chosen = choose(options, mentions, settled, context, weights)
    clues = [clue(i in settled, c, o, p, m, context)
             for i, (c, o, p, m) in enumerate(zip(chosen, options, plain, mentions, strict=True))]
    town = article_town(chosen, keys, context)
    for i, toponym in enumerate(toponyms):
        if chosen[i] is None or (i not in settled and stray(chosen[i], mentions[i], context, town)):
            within = next_after_comma(i, text, toponyms, chosen)
            chosen[i], clues[i] = unknown_name(toponym.text, gazetteer, context, town, weights, within)
    return [place(t, c, why) for t, c, why in zip(toponyms, chosen, clues, strict=True)]


def article_town(chosen: Sequence[GazetteerEntry | None], keys: Sequence[str],
                 context: ArticleContext) -> GazetteerEntry | None:
    """The town the article names most often (the first named of a tie) among those in a country
    another of its names lies in, else among its sure towns (50,000 people or more): not a hamlet
    that a misread name happens to match."""
    towns = [(c, k) for c, k in zip(chosen, keys, strict=True) if c is not None and c.kind == "city"]
    supported = [c for c, k in towns if context.supports_country(c.country, k)]
    candidates = supported or [c for c, _ in towns if is_evidence(c)]
    counts = Counter(c.geonameid for c in candidates)
    return max(candidates, key=lambda c: counts[c.geonameid], default=None)


def stray(entry: GazetteerEntry | None, mention: Mention, context: ArticleContext,
          town: GazetteerEntry | None) -> bool:
    """Whether ``entry`` is a small namesake abroad: a town too small to be sure of, in a country
    no other name of the article lies in, while the article's own town lies in a country two of
    its names do. A street, a church or a suburb the gazetteer lacks matches a hamlet abroad
    that way ("St. Anne" in a story about one Irish town)."""
    return (entry is not None and town is not None and entry.feature == "city" and mention.qualifier is None
            and not is_evidence(entry) and not context.supports_country(entry.country, mention.key)
            and context.names_in_country(town.country, mention.key) >= 2)


def feature_place_name(text: str) -> str | None:
    """The place a feature's name names, or None: "Kabul River" -> "Kabul", "Lake Geneva" -> "Geneva"."""
    shorter = FEATURE_PREFIXES.sub("", FEATURE_HEADS.sub("", text)).strip()
    return shorter if shorter and shorter != text and shorter[0].isupper() else None


def next_after_comma(i: int, text: str, toponyms: Sequence[Toponym],
                     chosen: Sequence[GazetteerEntry | None]) -> GazetteerEntry | None:
    """The reading of the toponym right after toponym ``i`` and a comma ("Elm Park, Somerset")."""
    if i + 1 < len(toponyms) and QUALIFIER_GAP.fullmatch(text[toponyms[i].end : toponyms[i + 1].start]):
        return chosen[i + 1]
    return None


def unknown_name(text: str, gazetteer: Gazetteer, context: ArticleContext, town: GazetteerEntry | None,
                 weights: ResolutionWeights, within: GazetteerEntry | None = None,
                 ) -> tuple[GazetteerEntry | None, str | None]:
    """A reading for a name the gazetteer lacks, with its clue: the place a feature is named
    after when the article names its country ("Kabul River" beside Afghanistan: Kabul;
    ``feature``), else the place named after it and a comma (a racecourse or a street before
    its county: "Elm Park, Somerset"; ``within``) unless that is a country the article's town
    lies in, else the town the article names most often (a street, a village, a camp of an
    article about one town; ``article``), else none."""
    if (named := feature_place_name(text)) is not None:
        key = name_key(named)
        found = best(candidates_for(named, gazetteer), Mention(key), context, weights)
        if found is not None and context.supports_country(found.country, key) and (
                within is None or found.country == within.country):
            return found, "feature"
    if within is not None and not (within.feature == "country" and town is not None
                                   and town.country == within.country):
        return within, "within"
    return (town, "article") if town is not None else (None, None)


def choose(options: Sequence[Sequence[GazetteerEntry]], mentions: Sequence[Mention],
           settled: dict[int, GazetteerEntry], context: ArticleContext,
           weights: ResolutionWeights) -> list[GazetteerEntry | None]:
    """Each toponym's reading: the settled one (a qualifier), else the best scored."""
    return [settled.get(i) or best(o, m, context, weights)
            for i, (o, m) in enumerate(zip(options, mentions, strict=True))]


def siblings(i: int, group: Sequence[int], keys: Sequence[str],
             first: Sequence[GazetteerEntry | None]) -> tuple[GazetteerEntry, ...]:
    """The first readings of the other names in toponym ``i``'s list."""
    return tuple(e for j in group if j != i and keys[j] != keys[i] and (e := first[j]) is not None)


def clue(settled: bool, chosen: GazetteerEntry | None, options: Sequence[GazetteerEntry],
         alone: GazetteerEntry | None, mention: Mention, context: ArticleContext) -> str | None:
    """Which clue decided the reading (``Place.clue``): ``only`` (one candidate), ``qualifier``
    (it qualifies a town: "Tacoma, Washington"), ``qualified`` ("Paris, Texas"), ``kind`` (a word
    around it: "Washington state"), ``list`` (the other names of its list: "Oregon, Washington and
    Montana"), ``region``, ``country`` or ``nearby`` (the article's other places overturned the
    reading the name alone gets), ``prior`` (the name alone: population and kind)."""
    if chosen is None:
        return None
    if settled:
        return "qualifier"
    if len({o.geonameid or id(o) for o in options}) == 1:
        return "only"
    key = mention.key
    if qualifies(chosen, mention.qualifier):
        return "qualified"
    if chosen == alone:
        return "prior"
    if mention.kind and chosen.feature in KIND_FEATURES[mention.kind]:
        return "kind"
    if any(like(chosen, sibling) for sibling in mention.siblings):
        return "list"
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
