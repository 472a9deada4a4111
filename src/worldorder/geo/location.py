"""Where an event happened, and where an article was filed from.

An event's place is the scene of its own clause (basis ``clause``): a place under a locative
preposition attached to the trigger or to the verbs its clause shares ("talks in Ashgabat",
"travelled to Paris to meet"), or a place a scene word takes without one ("invaded Afrin",
"withdrew from Mosul", "the siege of Sarajevo"; ``data/scenes.yaml``). Failing that, a place
under a locative preposition elsewhere in the same clause (``sentence``: "clashes in Afrin
killed ten"). Places of other clauses ("Raisi, who visited Moscow, raised the crimes of Israel
in Gaza"), of noun phrases about something else ("drones for its war in Ukraine"), of the
reporting verb ("said in Tehran that ...") and countries that are actors ("Iran said") are never
taken. An event with no place of its own takes the dateline's (``dateline``) or the place the
article is about (``article``), when the caller passes an :class:`ArticlePlaces`.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TypeVar

from spacy.tokens import Doc, Token

from worldorder.geo.sources import read_yaml
from worldorder.model import Place

Key = TypeVar("Key")

LOCATIVE_PREPOSITIONS = frozenset({
    "in", "at", "to", "into", "near", "outside", "inside", "within", "across", "throughout",
    "around", "on", "onto", "towards", "toward", "through", "off", "along", "over", "beyond",
})
# clause links a trigger shares its location upward through ("travelled to Paris to meet him");
# not a relative clause or a reported clause, whose governor's place is another event's
SHARED_CLAUSE_LINKS = frozenset({"xcomp", "advcl", "pcomp", "acl", "conj"})
# links that open a clause or a noun phrase of its own: a place below one belongs to that
OTHER_CLAUSE_LINKS = frozenset({"relcl", "ccomp", "csubj", "parataxis", "advcl", "acl", "xcomp", "pobj"})
NOMINAL_LINKS = frozenset({"dobj", "pobj", "nsubj", "nsubjpass", "attr", "appos", "compound", "prep"})
# how a place's own word joins the object it names: "the city of Aleppo", "Raqqa in northern Syria"
NAMING_LINKS = frozenset({"compound", "conj", "appos", "pobj", "prep"})
NAMING_PREPOSITIONS = LOCATIVE_PREPOSITIONS | {"of"}
# where a later act would go after an invitation or a summons, not where it is made
GOALS = frozenset({"to", "into", "onto", "towards", "toward"})
SCENE_NOUN_PREPOSITIONS = frozenset({"of", "on", "against", "in", "into"})
# more specific first: a city beats the landmark in it, a region beats its country
SPECIFICITY = {"city": 0, "landmark": 1, "region": 2, "country": 3}
DATELINE_END = re.compile(r"\s*(\([^)\n]{1,40}\)\s*)?([\u2014\u2013:-]|--)")
DATELINE_CAPITALS = re.compile(r"\s*[,(\u2014\u2013-]|\s*$")  # "CAIRO, ", not "U.S. special envoy"
DATELINE_DATE = re.compile(r"\s*,\s*[A-Z][a-z]{2,8}\.? \d{1,2}\b")
ACTOR_LINKS = frozenset({"nsubj", "nsubjpass", "poss", "dative"})
# adverbial clauses that happen where their governor does: "killed while filming the fight in Raqqa"
SAME_SCENE_MARKERS = frozenset({"while", "as", "when", "during"})
# adverbial clauses of another moment or a cause: "after the governor raised prices", "because ..."
OTHER_MOMENT_MARKERS = frozenset({"after", "before", "because", "since", "until", "till", "once", "if", "unless",
                                  "although", "though", "whereas"})


@dataclass(frozen=True, slots=True)
class SceneWords:
    """Lemmas whose argument is their event's scene (``data/scenes.yaml``)."""

    object_verbs: frozenset[str]
    from_verbs: frozenset[str]
    scene_nouns: frozenset[str]
    goal_words: frozenset[str]


@lru_cache(maxsize=1)
def scene_words() -> SceneWords:
    table = read_yaml("scenes.yaml")
    return SceneWords(*(frozenset(table[k]) for k in ("object_verbs", "from_verbs", "scene_nouns", "goal_words")))


@dataclass(frozen=True, slots=True)
class ArticlePlaces:
    """What an event with no place of its own falls back on: the dateline, the article's place."""

    dateline: Place | None
    focus: Place | None

    @classmethod
    def of(cls, doc: Doc, places: Sequence[Place]) -> ArticlePlaces:
        return cls(dateline_place(doc, places), article_place(doc, places))

    def fallback(self) -> tuple[Place | None, str | None]:
        """The dateline when it lies in the article's country (or the article has none), else the
        article's place: a Beirut dateline on a story about Idlib does not place its events."""
        dateline, focus = self.dateline, self.focus
        if dateline is not None and (focus is None or focus.country == dateline.country):
            return dateline, "dateline"
        return (focus, "article") if focus is not None else (None, None)


def place_root(doc: Doc, place: Place) -> Token | None:
    span = doc.char_span(place.start, place.end, alignment_mode="expand")
    return span.root if span is not None else None


def governing_chain(trigger: Token) -> Iterator[Token]:
    """The trigger, then the words whose clause it belongs to, up to the clause's verb; not past an
    adverbial clause of another moment ("marched in Lagos after the governor raised prices": the
    raising did not happen in Lagos)."""
    token = trigger
    yield token
    while token.head.i != token.i and not other_moment(token) and (
            token.dep_ in SHARED_CLAUSE_LINKS or token.dep_ == "prep" or
            (token.pos_ in ("NOUN", "PROPN") and token.dep_ in NOMINAL_LINKS)):
        token = token.head
        yield token
        if token.pos_ in ("VERB", "AUX") and token.dep_ not in SHARED_CLAUSE_LINKS:
            return


def objects_of(token: Token, prepositions: frozenset[str]) -> Iterator[Token]:
    for child in token.children:
        if child.dep_ == "prep" and child.text.lower() in prepositions:
            yield from (g for g in child.children if g.dep_ == "pobj")


def scene_objects(token: Token) -> Iterator[Token]:
    """The words naming where ``token``'s event happens: its locative objects, and the
    arguments a scene word takes ("invaded Afrin", "withdrew from Mosul", "the fall of Kabul")."""
    words = scene_words()
    lemma = token.lemma_.lower()
    yield from objects_of(token, LOCATIVE_PREPOSITIONS - GOALS if lemma in words.goal_words else LOCATIVE_PREPOSITIONS)
    if token.pos_ in ("VERB", "AUX") and lemma in words.object_verbs:
        yield from (c for c in token.children if c.dep_ in ("dobj", "nsubjpass"))
    if token.pos_ in ("VERB", "AUX") and lemma in words.from_verbs:
        yield from objects_of(token, frozenset({"from"}))
    if token.pos_ == "NOUN" and lemma in words.scene_nouns:
        yield from objects_of(token, SCENE_NOUN_PREPOSITIONS)
        yield from (c for c in token.children if c.dep_ in ("compound", "poss"))


def names(root: Token, word: Token) -> bool:
    """Whether the place whose root is ``root`` is what ``word`` names: ``word`` itself, or joined
    to it as "the city of Aleppo", "Raqqa in northern Syria", "Afrin and Manbij"; not a modifier
    inside it ("the US-backed forces", "Iran's embassy")."""
    token = root
    while token.i != word.i:
        if token.dep_ not in NAMING_LINKS or token.head.i == token.i:
            return False
        if token.dep_ == "prep" and token.text.lower() not in NAMING_PREPOSITIONS:
            return False
        token = token.head
    return True


def most_specific(found: Sequence[Place]) -> Place | None:
    ranked = sorted(found, key=lambda p: (SPECIFICITY.get(p.kind or "", 4), p.start))
    return ranked[0] if ranked else None


def clause_places(doc: Doc, trigger: Token, places: Sequence[Place]) -> list[Place]:
    roots = [(p, place_root(doc, p)) for p in places]
    for head in governing_chain(trigger):
        objects = list(scene_objects(head))
        found = [p for p, root in roots if root is not None and any(names(root, o) for o in objects)]
        if found:
            return found
    return []


def is_locative_object(root: Token) -> Token | None:
    """The preposition of a place that is its locative object ("in Berlin"), else None."""
    token = root
    while token.dep_ in ("compound", "conj", "appos") and token.head.i != token.i:
        token = token.head
    if token.dep_ == "pobj" and token.head.text.lower() in LOCATIVE_PREPOSITIONS:
        return token.head
    return None


def in_own_clause(word: Token, chain: set[int]) -> bool:
    """Whether ``word`` reaches the trigger's clause without entering another clause or a noun
    phrase under a preposition ("drones for its war in Ukraine": the war's place, not the supply's)."""
    token = word
    while token.i not in chain:
        if (token.dep_ in OTHER_CLAUSE_LINKS and not same_scene(token)) or token.head.i == token.i:
            return False
        token = token.head
    return True


def other_moment(clause: Token) -> bool:
    """An adverbial clause set at another time or given as a cause or condition ("after",
    "before", "because", "if"), whose scene is its own, not its governor's."""
    markers = (c.text.lower() for c in clause.children if c.dep_ == "mark")
    return clause.dep_ == "advcl" and any(m in OTHER_MOMENT_MARKERS for m in markers)


def same_scene(clause: Token) -> bool:
    """An adverbial clause of the same moment ("while", "as"), which shares its governor's scene."""
    markers = (c.text.lower() for c in clause.children if c.dep_ == "mark")
    return clause.dep_ == "advcl" and any(m in SAME_SCENE_MARKERS for m in markers)


def sentence_places(doc: Doc, trigger: Token, places: Sequence[Place]) -> list[Place]:
    chain = {t.i for t in governing_chain(trigger)}
    found = []
    for place in places:
        root = place_root(doc, place)
        if root is None or root.sent != trigger.sent:
            continue
        preposition = is_locative_object(root)
        if preposition is not None and in_own_clause(preposition.head, chain) and not goal(preposition):
            found.append(place)
    return found


def goal(preposition: Token) -> bool:
    """Whether a place phrase is where an invitation or summons would take someone ("to Moscow")."""
    return preposition.text.lower() in GOALS and preposition.head.lemma_.lower() in scene_words().goal_words


# place nouns that stand for a place just named ("pound the area", "shelled the town"), and how an
# act reaches them
AREA_WORDS = frozenset({"area", "town", "city", "village", "region", "district", "enclave", "suburb", "province"})
AREA_PREPOSITIONS = frozenset({"on", "in", "into", "against"})
DEFINITE = frozenset({"the", "this", "that"})


def area_object(verb: Token) -> Token | None:
    """A definite place noun the act falls on that names no place itself ("pound the area"): it
    stands for the place the text has just named."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    objects += [o for p in verb.children if p.dep_ == "prep" and p.lower_ in AREA_PREPOSITIONS
                for o in p.children if o.dep_ == "pobj"]
    for obj in objects:
        definite = any(c.dep_ == "det" and c.lower_ in DEFINITE for c in obj.children)
        own = any(c.dep_ in ("prep", "compound", "amod") for c in obj.children)
        if obj.lemma_.lower() in AREA_WORDS and definite and not own:
            return obj
    return None


def area_antecedents(doc: Doc, trigger: Token, places: Sequence[Place]) -> list[Place]:
    """The places under a locative in the sentence before, when the act falls on "the area"."""
    sentence = trigger.sent
    if area_object(trigger) is None or sentence.start == 0:
        return []
    previous = doc[sentence.start - 1].sent
    roots = ((p, place_root(doc, p)) for p in places)
    return [p for p, root in roots if root is not None and root.sent == previous and is_locative_object(root)]


def event_location(doc: Doc, trigger: int, places: Sequence[Place]) -> Place | None:
    """The place of the event whose trigger is token ``trigger``, or None (see ``locate_event``)."""
    return locate_event(doc, trigger, places)[0]


def locate_event(doc: Doc, trigger: int, places: Sequence[Place],
                 article: ArticlePlaces | None = None) -> tuple[Place | None, str | None]:
    """The event's place with its basis: ``clause``, ``sentence``, ``dateline``, ``article`` or None.

    The most specific of the clause's scenes, else of the places under a locative preposition
    in the rest of its clause, else, for an act on "the area" or "the town", of the places the
    sentence before put the story in, else (with ``article``) the dateline or the article's place.
    """
    resolved = [p for p in places if p.lat is not None]
    token = doc[trigger]
    if in_clause := clause_places(doc, token, resolved):
        return most_specific(in_clause), "clause"
    if nearby := sentence_places(doc, token, resolved):
        return most_specific(nearby), "sentence"
    if earlier := area_antecedents(doc, token, resolved):  # "forces pounded the area": the place just named
        return most_specific(earlier), "clause"
    return article.fallback() if article is not None else (None, None)


def article_place(doc: Doc, places: Sequence[Place]) -> Place | None:
    """The place an article is about, from its place names that are not actors ("Moscow said",
    "Russia's oil", "claimed by Moscow") nor the goal of an invitation ("invited X to Moscow"): in
    the country they lie in most often (strictly more
    than any other), the place below country level named most often (strictly more than any
    other there), else that country; None when no country leads.

    Short reports name the town once and the country again and again ("a bombing in Manbij ...
    four years in Syria"), so a town named once still wins when it is the country's only one.
    """
    named: list[Place] = [p for p in places
                          if p.lat is not None and p.country and not is_actor(doc, p) and not is_goal(doc, p)]
    country = leader(Counter(p.country for p in named))
    if country is None:
        return None
    inside = [p for p in named if p.country == country]
    local = leader(Counter((p.name, p.kind) for p in inside if p.kind != "country"))
    if local is not None:
        return next(p for p in inside if (p.name, p.kind) == local)
    return next((p for p in inside if p.kind == "country"), None)


def is_actor(doc: Doc, place: Place) -> bool:
    """A place name standing for its government or people: a subject, a possessor, an agent."""
    root = place_root(doc, place)
    if root is None:
        return False
    if root.dep_ in ACTOR_LINKS:
        return True
    return root.dep_ == "pobj" and root.head.dep_ == "agent"


def is_goal(doc: Doc, place: Place) -> bool:
    """A place an invitation or a summons would take someone to ("invited the emir to Rabat"):
    where a later visit would happen, not where anything the article reports took place."""
    root = place_root(doc, place)
    preposition = is_locative_object(root) if root is not None else None
    return preposition is not None and goal(preposition)


def leader(counts: Counter[Key]) -> Key | None:
    """The most common key when no other is as common, else None."""
    top = counts.most_common(2)
    if not top or (len(top) == 2 and top[0][1] == top[1][1]):
        return None
    return top[0][0]


def dateline_place(doc: Doc, places: Sequence[Place]) -> Place | None:
    """The place of reporting in an opening dateline ("NAIROBI, Kenya (AP) -"), or None."""
    ordered = sorted(places, key=lambda p: p.start)
    text = doc.text  # built from the tokens on every access
    if not ordered or text[: ordered[0].start].strip():
        return None
    head = [ordered[0]]
    for place in ordered[1:]:
        if not re.fullmatch(r"\s*,\s*", text[head[-1].end : place.start]):
            break
        head.append(place)
    rest = text[head[-1].end :]
    shouted = head[0].text.isupper() and DATELINE_CAPITALS.match(rest)
    if not (DATELINE_END.match(rest) or DATELINE_DATE.match(rest) or shouted):
        return None
    resolved = [p for p in head if p.lat is not None]
    return resolved[0] if resolved else None
