"""Where an event happened, and where an article was filed from.

An event's location is read from its own clause only: the places attached by a locative
preposition to the trigger or to the verbs governing it ("talks in Ashgabat", "travelled to
Paris to meet"), else a place in the same sentence that is the object of a locative
preposition. Countries that are merely actors ("Iran said") are never locations, and
nothing is guessed from elsewhere in the article.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from spacy.tokens import Doc, Span, Token

from worldorder.model import Place

LOCATIVE_PREPOSITIONS = frozenset({
    "in", "at", "to", "into", "near", "outside", "inside", "within", "across", "throughout",
    "around", "on", "onto", "towards", "toward", "through", "off", "along", "over", "beyond",
})
# clause links a trigger shares its location through ("travelled to Paris to meet him")
SHARED_CLAUSE_LINKS = frozenset({"xcomp", "advcl", "pcomp", "acl", "relcl", "conj", "ccomp"})
NOMINAL_LINKS = frozenset({"dobj", "pobj", "nsubj", "nsubjpass", "attr", "appos", "compound", "prep"})
# more specific first: a city beats the landmark in it, a region beats its country
SPECIFICITY = {"city": 0, "landmark": 1, "region": 2, "country": 3}
DATELINE_END = re.compile(r"\s*(\([^)\n]{1,40}\)\s*)?([\u2014\u2013:-]|--)")
DATELINE_DATE = re.compile(r"\s*,\s*[A-Z][a-z]{2,8}\.? \d{1,2}\b")


def place_root(doc: Doc, place: Place) -> Token | None:
    span = doc.char_span(place.start, place.end, alignment_mode="expand")
    return span.root if span is not None else None


def governing_chain(trigger: Token) -> Iterator[Token]:
    """The trigger, then the words whose clause it belongs to, up to the clause's verb."""
    token = trigger
    yield token
    while token.head is not token and (token.dep_ in SHARED_CLAUSE_LINKS or
                                      (token.pos_ in ("NOUN", "PROPN") and token.dep_ in NOMINAL_LINKS)):
        token = token.head
        yield token
        if token.pos_ in ("VERB", "AUX") and token.dep_ not in SHARED_CLAUSE_LINKS:
            return


def attached_objects(token: Token) -> Iterator[Token]:
    """Objects of the locative prepositions hanging off ``token`` (and of "of"-less chains)."""
    for child in token.children:
        if child.dep_ == "prep" and child.text.lower() in LOCATIVE_PREPOSITIONS:
            for grandchild in child.children:
                if grandchild.dep_ == "pobj":
                    yield grandchild


def inside(token: Token, subtree_of: Token) -> bool:
    return subtree_of.left_edge.i <= token.i <= subtree_of.right_edge.i


def most_specific(found: Sequence[Place]) -> Place | None:
    ranked = sorted(found, key=lambda p: (SPECIFICITY.get(p.kind or "", 4), p.start))
    return ranked[0] if ranked else None


def clause_places(doc: Doc, trigger: Token, places: Sequence[Place]) -> list[Place]:
    roots = [(p, place_root(doc, p)) for p in places]
    found = []
    for head in governing_chain(trigger):
        objects = list(attached_objects(head))
        found += [p for p, root in roots if root is not None and any(inside(root, o) for o in objects)]
        if found:
            return found
    return found


def is_locative_object(root: Token) -> bool:
    """The place is the object of a locative preposition ("in Berlin", "at the Kremlin")."""
    token = root
    while token.dep_ in ("compound", "conj", "appos") and token.head is not token:
        token = token.head
    return token.dep_ == "pobj" and token.head.text.lower() in LOCATIVE_PREPOSITIONS


def sentence_places(doc: Doc, trigger: Token, places: Sequence[Place]) -> list[Place]:
    sentence: Span = trigger.sent
    found = []
    for place in places:
        root = place_root(doc, place)
        if root is not None and root.sent == sentence and is_locative_object(root):
            found.append(place)
    return sorted(found, key=lambda p: abs(p.start - trigger.idx))


def event_location(doc: Doc, trigger: int, places: Sequence[Place]) -> Place | None:
    """The place of the event whose trigger is token ``trigger``, or None.

    First the places attached to the trigger's own clause (the most specific of them), then
    the place in the same sentence nearest the trigger that is a locative object.
    """
    return locate_event(doc, trigger, places)[0]


def locate_event(doc: Doc, trigger: int, places: Sequence[Place]) -> tuple[Place | None, str | None]:
    """The event's place as ``event_location`` finds it, with its basis: "clause", "sentence" or None."""
    resolved = [p for p in places if p.lat is not None]
    token = doc[trigger]
    in_clause = clause_places(doc, token, resolved)
    if in_clause:
        return most_specific(in_clause), "clause"
    nearby = sentence_places(doc, token, resolved)
    return (nearby[0], "sentence") if nearby else (None, None)


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
    if not (DATELINE_END.match(rest) or DATELINE_DATE.match(rest) or head[0].text.isupper()):
        return None
    resolved = [p for p in head if p.lat is not None]
    return resolved[0] if resolved else None
