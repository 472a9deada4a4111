"""Find the toponyms of a parsed document: spaCy's place entities, corrected.

Corrections to the entity recogniser, each for a pattern it gets wrong:

- a leading "the" and a trailing possessive are not part of the name;
- "Paris, Texas" read as one entity is two toponyms, and a name split in two ("Ciudad" tagged,
  "Real" not) is one when together the words are a known place's own name;
- demonyms ("Iranian", "Britons") labelled GPE are not places;
- organisation or person entities that are exactly a country, a first-level division, a
  named area or a landmark ("the Kremlin said", "Iran" tagged PERSON) are places;
- an unknown name made of country names ("Greece Italy", a heading run into "Ukraine") is
  those countries;
- capitalised words right before ", <state or country>" are a town there when the gazetteer
  has one of that name in that state or country ("Klamath Falls, Ore."), entity or not;
- an upper-case place opening a line or a wire story ("MOSUL, Iraq -", "BERLIN (AP) -");
- a proper name after "in", "at", "near", "outside" or "from" that is the own name of a town
  of 5,000 or more, a state or a country ("talks in Riverdale"), whatever spaCy called it;
- a proper name the gazetteer knows after "the city of", "the town of", "the province of" ...;
- proper names in a list with a toponym ("Zlin, Brno and Olomouc" with only "Zlin" tagged)
  that are the own name of a town or division of a country the toponym can lie in.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from worldorder.geo.gazetteer import COMPASS, Gazetteer, GazetteerEntry, candidates_for, name_key

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
EMBEDDING_LABELS = frozenset({"ORG", "FAC"})  # names that may open or close with a place's
GENERIC_DIVISION_WORDS = frozenset({"centre", "center", "central", "capital", "coast", "valley", "islands", "east",
                                    "west", "north", "south", "midlands", "highlands", "lakes", "national"})
RESCUED_LABELS = frozenset({"ORG", "PERSON", "NORP"})
# features an organisation-or-person entity must match exactly to count as a place; not
# cities or counties, whose names are too often people's or companies' names
RESCUING_FEATURES = frozenset({"country", "admin1", "continent", "area", "landmark"})
ADJECTIVE_TAGS = frozenset({"JJ", "JJR", "JJS"})
POSSESSIVES = frozenset({"'s", "\u2019s", "'", "\u2019"})
DATELINE_HEAD = re.compile(
    r"(?:^[ \t]*|(?<=[.!?\u201d\"] ))([A-Z][A-Z.' -]*[A-Z])(?=\s*(,|\(|\u2014|\u2013|--| -))", re.MULTILINE)
MAJOR_FEATURES = frozenset({"country", "continent"})
QUALIFIED_TAGS = frozenset({"NNP", "NNPS"})
MAX_QUALIFIED_WORDS = 4
MAX_JOINED_WORDS = 2  # words after a toponym that may complete its name ("Ciudad" + "Real")
# lower-case words inside a name that the recogniser cuts at: "Mato Grosso" + "do Sul", "Bay" +
# "of Biscay"
NAME_PARTICLES = frozenset({"of", "the", "de", "do", "da", "del", "dos", "das"})
SITE_WORDS = 3  # "refugee camp", "air base", "border crossing" after a tagged name
# "in X" with X a proper name: "to" is left out, it takes people as often as places
JOINTS = frozenset({(",",), ("and",), ("or",), (",", "and"), (",", "or")})  # "A, B", "A and B", "A, or B"
LIST_JOINTS = frozenset(word for joint in JOINTS for word in joint)
LISTED_FEATURES = frozenset({"city", "capital", "admin1", "admin2"})
# a name in a list beside a place is no place when it is tagged a place already, or the subject
# of what follows ("in Ohio, Whitcombe said")
SUBJECTS = frozenset({"nsubj", "nsubjpass"})
PLACE_PREPOSITIONS = frozenset({"in", "at", "near", "outside", "from"})
PREPOSITION_TOWN_POPULATION = 5_000
TIME_LABELS = frozenset({"DATE", "TIME"})  # "in Berlin Monday": Monday is not part of the name
NOT_RESCUED_LABELS = PLACE_LABELS | {"NORP"}
# "the city of X": the word before "of" says X is a place
PLACE_KIND_WORDS = frozenset({
    "city", "town", "village", "port", "province", "district", "region", "state", "county", "capital",
    "municipality", "governorate", "island", "islands", "enclave", "suburb", "hamlet", "settlement",
})
# an organisation named exactly like a city this large is the city, or its team ("Liverpool won")
RESCUED_CITY_POPULATION = 100_000


@dataclass(frozen=True, slots=True)
class Toponym:
    """A stretch of the document that names a place, before resolution."""

    text: str
    start: int  # character offsets into doc.text
    end: int
    label: str  # the entity label it came from
    first_token: int
    last_token: int  # inclusive


def find_toponyms(doc: Doc, gazetteer: Gazetteer) -> list[Toponym]:
    """Every toponym mention in ``doc``, in text order."""
    found = unnested([joined(longest(t, doc, gazetteer), doc, gazetteer)
                      for ent in doc.ents for t in toponyms_of(ent, gazetteer)])
    extras = [*dateline_toponyms(doc, gazetteer), *qualified_toponyms(doc, found, gazetteer),
              *prepositional_toponyms(doc, gazetteer), *kind_of_toponyms(doc, gazetteer)]
    for extra in extras:
        if not any(t.start < extra.end and extra.start < t.end for t in found):
            found.append(extra)
    found.extend(listed_toponyms(doc, found, gazetteer))
    return sorted(found, key=lambda t: t.start)


def longest(found: Toponym, doc: Doc, gazetteer: Gazetteer) -> Toponym:
    """The toponym with the words after it that make a site's name: "the Rafah crossing", "the
    Zaatari refugee camp", with only "Rafah", "Zaatari" tagged."""
    for end in range(min(found.last_token + 1 + SITE_WORDS, len(doc)), found.last_token + 1, -1):
        span = doc[found.first_token : end]
        if any(c.feature == "landmark" for c in gazetteer.candidates(span.text)):
            return toponym(span, found.label)
    return found


def joined(found: Toponym, doc: Doc, gazetteer: Gazetteer) -> Toponym:
    """The toponym with the proper nouns after it (and the particles between them: "of the") when
    together they are the own name of a town of some size, a state or a country: the recogniser
    splits names like "Ciudad Real", "FT. WORTH" or "Mato Grosso do Sul" into two
    entities, or an entity and an untagged word."""
    last, names = found.last_token + 1, 0
    while last < len(doc) and names < MAX_JOINED_WORDS and (
            doc[last].tag_ in QUALIFIED_TAGS or doc[last].text in NAME_PARTICLES):
        names += doc[last].tag_ in QUALIFIED_TAGS
        last += 1
    for end in range(last, found.last_token + 1, -1):
        span = doc[found.first_token : end]
        if doc[end - 1].tag_ in QUALIFIED_TAGS and is_own_name(span.text, gazetteer):
            return toponym(span, found.label)
    return found


def unnested(found: list[Toponym]) -> list[Toponym]:
    """The toponyms without those inside an earlier one (the second half of a joined name)."""
    kept: list[Toponym] = []
    for t in found:
        if not kept or t.start >= kept[-1].end:
            kept.append(t)
    return kept


def dateline_toponyms(doc: Doc, gazetteer: Gazetteer) -> Iterator[Toponym]:
    """Capitalised places opening a line ("MOSUL, Iraq -") that the recogniser missed."""
    for match in DATELINE_HEAD.finditer(doc.text):
        span = doc.char_span(match.start(1), match.end(1))
        if span is not None and gazetteer.candidates(match.group(1)):
            yield toponym(span, "DATELINE")


def toponyms_of(ent: Span, gazetteer: Gazetteer) -> Iterator[Toponym]:
    if ent.label_ not in PLACE_LABELS | RESCUED_LABELS:
        return
    for part in comma_parts(trimmed(ent)):
        if not is_place_part(part, ent.label_, gazetteer):
            if ent.label_ in EMBEDDING_LABELS:
                yield from embedded_places(part, gazetteer)
            continue
        if len(part) > 1 and ent.label_ in PLACE_LABELS and not candidates_for(part.text, gazetteer):
            yield from major_places_within(part, gazetteer)
        else:
            yield toponym(part, ent.label_)


def embedded_places(span: Span, gazetteer: Gazetteer) -> Iterator[Toponym]:
    """A country or first-level division opening or closing an organisation's name: "the U.S.
    Food and Drug Administration", "the Ohio Department of Health", "Oxfam Kenya"."""
    for size in range(min(MAX_QUALIFIED_WORDS, len(span) - 1), 0, -1):
        for part in (span[:size], span[len(span) - size :]):
            if all(t.tag_ in QUALIFIED_TAGS for t in part) and is_major_division(part.text, gazetteer):
                yield toponym(part, "EMBEDDED")
                return


def is_major_division(text: str, gazetteer: Gazetteer) -> bool:
    """A country or first-level division by one of its names, unless the name is a plain word
    of direction or kind ("Southern" in Rwanda, "Centre" in Burkina Faso: "Southern Water")."""
    if COMPASS.fullmatch(text + " ") or text.lower() in GENERIC_DIVISION_WORDS:
        return False
    return any(c.feature in ("country", "admin1") for c in gazetteer.candidates(text))


def major_places_within(span: Span, gazetteer: Gazetteer) -> Iterator[Toponym]:
    """The countries an unknown name is made of, or the name itself if none."""
    found = []
    start = span.start
    while start < span.end:
        end = next((e for e in range(span.end, start, -1) if is_major(span.doc[start:e].text, gazetteer)), None)
        if end is None:
            start += 1
            continue
        found.append(toponym(span.doc[start:end], span.label_ or "GPE"))
        start = end
    yield from found or [toponym(span, span.label_ or "GPE")]


def is_major(text: str, gazetteer: Gazetteer) -> bool:
    """A country or continent by its own name: not a region called "Eastern" or "Centre"."""
    key = name_key(text)
    return any(c.feature in MAJOR_FEATURES and name_key(c.name) == key for c in gazetteer.candidates(text))


def qualified_toponyms(doc: Doc, found: list[Toponym], gazetteer: Gazetteer) -> Iterator[Toponym]:
    """Capitalised words before ", <state or country>" naming a town in that state or country."""
    for qualifier in found:
        comma = qualifier.first_token - 1
        if comma < 1 or doc[comma].text != ",":
            continue
        regions = [c for c in gazetteer.candidates(qualifier.text) if c.feature in ("country", "admin1")]
        first = comma
        while first > 0 and comma - first < MAX_QUALIFIED_WORDS and doc[first - 1].tag_ in QUALIFIED_TAGS:
            first -= 1
        for start in range(first, comma):  # longest name first
            if is_town_in(doc[start:comma].text, regions, gazetteer):
                yield toponym(doc[start:comma], "QUALIFIED")
                break


def prepositional_toponyms(doc: Doc, gazetteer: Gazetteer) -> Iterator[Toponym]:
    """A proper name after "in", "at", "near", "outside" or "from" that is a town's own name
    ("talks in Riverdale" with "Riverdale" tagged PERSON), when spaCy did not call it a place.

    The whole run of proper nouns must be the name: "at Windsor Castle" is not Windsor."""
    for token in doc[:-1]:
        if token.text.lower() not in PLACE_PREPOSITIONS:
            continue
        end = token.i + 1
        while (end < len(doc) and end - token.i <= MAX_QUALIFIED_WORDS and doc[end].tag_ in QUALIFIED_TAGS
               and doc[end].ent_type_ not in TIME_LABELS):
            end += 1
        span = doc[token.i + 1 : end]
        if len(span) and all(t.ent_type_ not in NOT_RESCUED_LABELS for t in span) and is_own_name(span.text, gazetteer):
            yield toponym(span, "PREPOSITION")


def kind_of_toponyms(doc: Doc, gazetteer: Gazetteer) -> Iterator[Toponym]:
    """A proper name after "the city of", "the town of", "the province of" ... that the gazetteer
    knows ("the port city of Hodeidah" with "Hodeidah" left untagged)."""
    for token in doc[1:-1]:
        if token.text.lower() != "of" or doc[token.i - 1].text.lower() not in PLACE_KIND_WORDS:
            continue
        end = token.i + 1
        while end < len(doc) and end - token.i <= MAX_QUALIFIED_WORDS and doc[end].tag_ in QUALIFIED_TAGS:
            end += 1
        span = doc[token.i + 1 : end]
        if len(span) and gazetteer.candidates(span.text):
            yield toponym(span, "KIND_OF")


def listed_toponyms(doc: Doc, found: list[Toponym], gazetteer: Gazetteer) -> Iterator[Toponym]:
    """Proper names in a list with a toponym ("stores in Zlin, Brno and Olomouc" with only "Zlin"
    tagged; "talks in Ghent, Flanders") that are the own name of a town or division in a country
    one reading of that toponym lies in, and the names in a list with those."""
    seen = list(found)
    pending = list(found)
    while pending:
        anchor = pending.pop()
        countries = {c.country for c in gazetteer.candidates(anchor.text) if c.country}
        for span in list_neighbours(doc, anchor):
            if (any(t.start < span.end_char and span.start_char < t.end for t in seen)
                    or any(t.ent_type_ in NOT_RESCUED_LABELS for t in span) or span.root.dep_ in SUBJECTS
                    or not is_own_name_in(span.text, countries, gazetteer)):
                continue
            new = toponym(span, "LIST")
            seen.append(new)
            pending.append(new)
            yield new


def list_neighbours(doc: Doc, anchor: Toponym) -> Iterator[Span]:
    """The runs of proper nouns right before and right after ``anchor`` across a list's joint:
    a comma, "and", "or", ", and"."""
    after = list_joint(doc, anchor.last_token + 1, 1)
    if after is not None:
        end = after
        while end < len(doc) and end - after < MAX_QUALIFIED_WORDS and doc[end].tag_ in QUALIFIED_TAGS:
            end += 1
        if end > after:
            yield doc[after:end]
    before = list_joint(doc, anchor.first_token - 1, -1)
    if before is not None:
        start = before + 1
        while start > 0 and before + 1 - start < MAX_QUALIFIED_WORDS and doc[start - 1].tag_ in QUALIFIED_TAGS:
            start -= 1
        if start <= before:
            yield doc[start : before + 1]


def list_joint(doc: Doc, i: int, step: int) -> int | None:
    """The index of the first word past a list's joint that starts at word ``i`` and runs in the
    direction of ``step`` (1 or -1), or None when no joint starts there."""
    words: list[str] = []
    while 0 <= i < len(doc) and len(words) < 2 and doc[i].text.lower() in LIST_JOINTS:
        words.append(doc[i].text.lower())
        i += step
    return i if tuple(words if step > 0 else words[::-1]) in JOINTS else None


def is_own_name_in(text: str, countries: set[str], gazetteer: Gazetteer) -> bool:
    """A town or division in one of ``countries`` whose own name is ``text``."""
    key = name_key(text)
    return any(name_key(c.name) == key and c.country in countries and c.feature in LISTED_FEATURES
               for c in gazetteer.candidates(text))


def is_own_name(text: str, gazetteer: Gazetteer) -> bool:
    """A town of some size, state or country whose own name (not an alias) is ``text``."""
    key = name_key(text)
    return any(name_key(c.name) == key and (c.kind != "city" or c.population >= PREPOSITION_TOWN_POPULATION)
               for c in gazetteer.candidates(text) if c.feature not in ("admin2", "landmark", "area"))


def is_town_in(text: str, regions: list[GazetteerEntry], gazetteer: Gazetteer) -> bool:
    for town in gazetteer.candidates(text):
        if town.kind == "city" and any(
                town.country == r.country if r.feature == "country" else town.admin1_key == r.admin1_key
                for r in regions):
            return True
    return False


def is_place_part(part: Span, label: str, gazetteer: Gazetteer) -> bool:
    if label in PLACE_LABELS:
        return not is_demonym(part, gazetteer)
    return names_major_place(part, gazetteer, label)


def trimmed(ent: Span) -> Span:
    """The entity without a leading article and a trailing possessive or punctuation."""
    start, end = ent.start, ent.end
    while start < end and ent.doc[start].text.lower() in ("the", "a"):
        start += 1
    while end > start and is_trailing_noise(ent.doc[end - 1]):
        end -= 1
    return ent.doc[start:end]


def is_trailing_noise(token: Token) -> bool:
    """A possessive ending or closing punctuation; not the dot of "Calif." or "D.C."."""
    if token.tag_ == "POS" or token.text in POSSESSIVES:
        return True
    return token.is_punct and not token.text.endswith(".")


def comma_parts(span: Span) -> Iterator[Span]:
    """"Paris, Texas" as one entity yields "Paris" and "Texas"."""
    begin = span.start
    for token in span:
        if token.text == ",":
            if token.i > begin:
                yield span.doc[begin : token.i]
            begin = token.i + 1
    if begin < span.end:
        yield span.doc[begin : span.end]


def is_demonym(span: Span, gazetteer: Gazetteer) -> bool:
    """Nationality words name people or qualities, not places ("Iranian", "Britons")."""
    if gazetteer.is_demonym(span.text):
        return True
    return len(span) == 1 and span[0].tag_ in ADJECTIVE_TAGS and not gazetteer.candidates(span.text)


def names_major_place(span: Span, gazetteer: Gazetteer, label: str) -> bool:
    """A country, state, area or landmark; for organisations also a large city by its own name."""
    for candidate in gazetteer.candidates(span.text):
        if candidate.feature in RESCUING_FEATURES:
            return True
        if (label == "ORG" and candidate.feature == "city" and candidate.population >= RESCUED_CITY_POPULATION
                and name_key(candidate.name) == name_key(span.text)):
            return True
    return False


def toponym(span: Span, label: str) -> Toponym:
    return Toponym(span.text, span.start_char, span.end_char, label, span.start, span.end - 1)
