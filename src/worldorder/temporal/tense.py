"""The tense of the clause a temporal expression belongs to, read from the dependency parse."""

from __future__ import annotations

from spacy.tokens import Span, Token

from worldorder.temporal.anchoring import Tense
from worldorder.temporal.vocabulary import CalendarVocabulary

# A date hangs off its verb through at most a preposition and a noun or two ("on the morning of
# Friday" is three steps); beyond that the climb has left the clause.
MAX_CLIMB = 4
AUXILIARY_DEPS = frozenset({"aux", "auxpass"})


def governing_verb(span: Span) -> Token | None:
    """The nearest verb above the span's root, or None when the parse offers none."""
    token = span.root
    for _ in range(MAX_CLIMB):
        if token.pos_ in ("VERB", "AUX"):
            return token
        if token.head is token:
            return None
        token = token.head
    return token if token.pos_ in ("VERB", "AUX") else None


def verb_tense(verb: Token, vocabulary: CalendarVocabulary) -> Tense:
    """Future for will/would or a planned action, past for a past or perfect form, else present."""
    auxiliaries = [child for child in verb.children if child.dep_ in AUXILIARY_DEPS]
    if any(aux.text.lower() in vocabulary.future_auxiliaries for aux in auxiliaries) or _planned(verb, vocabulary):
        return Tense.FUTURE
    tags = {verb.tag_, *(aux.tag_ for aux in auxiliaries)}
    if "VBD" in tags or (verb.tag_ == "VBN" and any(aux.lemma_ == "have" for aux in auxiliaries)):
        return Tense.PAST
    return Tense.PRESENT if tags & {"VBZ", "VBP", "VBG"} else Tense.UNKNOWN


def _planned(verb: Token, vocabulary: CalendarVocabulary) -> bool:
    """'plans to visit', 'is expected to vote': the verb complements a planning verb."""
    return verb.dep_ == "xcomp" and verb.head.lemma_ in vocabulary.planning_verbs


def span_tense(span: Span, vocabulary: CalendarVocabulary) -> Tense:
    """The tense of the clause governing the span; UNKNOWN for unparsed docs and verbless text."""
    if not span.doc.has_annotation("DEP"):
        return Tense.UNKNOWN
    verb = governing_verb(span)
    return verb_tense(verb, vocabulary) if verb is not None else Tense.UNKNOWN
