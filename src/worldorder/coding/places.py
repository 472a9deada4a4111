"""Towns the actor base lacks, read as their country through the gazetteer.

The actor base knows countries, capitals and seats of power; "in Mosul" or "a bomb near
Kandahar" need the gazetteer to say which country the place lies in. ``PlacedResolver``
wraps the actor base: a named place (spaCy GPE or LOC) the base cannot resolve becomes a
country-only mention, the country of its most populous gazetteer candidate, or of the
candidate lying in a country the sentence names elsewhere.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from spacy.tokens import Span

from worldorder.coding.actors import opposed
from worldorder.coding.dyads import PLACE_PREPS, ActorResolver
from worldorder.geo.gazetteer import Gazetteer, GazetteerEntry
from worldorder.model import ActorCode, ActorMention

PLACE_ENTITIES = frozenset({"GPE", "LOC"})
# a capital the base knows may be tagged as an organisation, standing for its government
NAMESAKE_ENTITIES = PLACE_ENTITIES | {"ORG"}
# kinds of gazetteer entry that lie inside one country (continents and seas do not)
NATIONAL_FEATURES = frozenset({"country", "admin1", "admin2", "city", "capital", "area", "landmark"})
# a same-named town big enough to be what news means by the name when the sentence places it
# there ("Tripoli" with "Lebanese" is Tripoli, Lebanon); hamlets sharing a capital's name are not
NAMESAKE_POPULATION = 100_000
# a place name qualifying a plural of these names a region of states, not the place itself:
# "the Gulf states", "Balkan countries", "Sahel nations" (not Gulf Province, Papua New Guinea)
REGION_MEMBERS = frozenset({"state", "country", "nation", "monarchy", "kingdom", "neighbour", "neighbor", "capital"})


class PlacedResolver:
    """An ``ActorResolver`` that falls back on the gazetteer for named places."""

    def __init__(self, kb: ActorResolver, gazetteer: Gazetteer) -> None:
        self._kb = kb
        self._gazetteer = gazetteer

    def resolve(self, phrase: Span, on: date | None) -> ActorMention | None:
        found = self._kb.resolve(phrase, on)
        if found is not None:
            return self._namesake(phrase, found) or found
        return self._town(phrase)

    def _namesake(self, phrase: Span, found: ActorMention) -> ActorMention | None:
        """A capital the sentence places in another country: "Tripoli" with "Lebanese" named and
        Libya not is the Lebanese port, a country-only place mention; None keeps the base's reading."""
        code = found.code
        place = _entity_of(phrase, NAMESAKE_ENTITIES)
        if code.country is None or code.sector or code.known_group or place is None or place.text != found.text:
            return None
        if not _used_as_place(place):  # "the Dominican envoy accused Santiago": the government
            return None
        candidates = self._gazetteer.candidates(place.text)
        own = [c for c in candidates if c.country == code.country]
        if not own or any(c.feature == "country" for c in own):  # a state's own name, not a capital
            return None
        named = self._countries_named(place)
        if code.country in named:
            return None
        towns = [c for c in candidates if c.country in named and c.population >= NAMESAKE_POPULATION]
        if not towns:
            return None
        town = max(towns, key=lambda c: c.population)
        return ActorMention(ActorCode(town.country, None, None), place.text, place.start_char, place.end_char)

    def names_place(self, phrase: Span) -> bool:
        """A capital (as the base says) or a town only the gazetteer knows: where, not whom."""
        if self._kb.names_place(phrase):
            return True
        return self._kb.resolve(phrase, None) is None and self._town(phrase) is not None

    def _town(self, phrase: Span) -> ActorMention | None:
        place = _entity_of(phrase)
        if place is None or _names_region(place):
            return None
        country = self._country(place)
        if country is None:
            return None
        return ActorMention(ActorCode(country, None, None), place.text, place.start_char, place.end_char)

    def _country(self, place: Span) -> str | None:
        candidates = [c for c in self._gazetteer.candidates(place.text) if c.country and c.feature in NATIONAL_FEATURES]
        if not candidates:
            return None
        named = self._countries_named(place)
        return likeliest(candidates, named).country

    def _countries_named(self, place: Span) -> frozenset[str]:
        """Countries the other named places and peoples of the sentence stand for."""
        others = (e for e in place.sent.ents if e.label_ in ("GPE", "NORP") and e.start != place.start)
        found = (self._kb.resolve(e, None) for e in others)
        return frozenset(m.code.country for m in found if m is not None and m.code.country)


def likeliest(candidates: Sequence[GazetteerEntry], named: frozenset[str]) -> GazetteerEntry:
    """The candidate in a country the sentence names, else the most populous one."""
    in_named = [c for c in candidates if c.country in named]
    return max(in_named or candidates, key=lambda c: c.population)


def _used_as_place(place: Span) -> bool:
    """Whether a name is written as a place, not an actor: after a locative preposition ("clashes
    in Tripoli") or described by an apposition ("Tripoli, the northern port")."""
    root = place.root
    after_locative = root.dep_ == "pobj" and root.head.lower_ in PLACE_PREPS
    return after_locative or any(c.dep_ == "appos" for c in root.children)


def _names_region(place: Span) -> bool:
    """Whether the place name only qualifies a group of states ("both Gulf states")."""
    root = place.root
    head = root.head
    return root.dep_ in ("compound", "amod") and head.tag_ == "NNS" and head.lemma_.lower() in REGION_MEMBERS


def _entity_of(phrase: Span, labels: frozenset[str] = PLACE_ENTITIES) -> Span | None:
    """The place entity the phrase is ("Mosul", "the city of Mosul" -> its entity), if any."""
    root = phrase.root
    if root.ent_type_ not in labels:
        return None
    place = next((e for e in phrase.doc.ents if e.start <= root.i < e.end), None)
    return None if place is None or opposed(phrase.doc, place.start) else place
