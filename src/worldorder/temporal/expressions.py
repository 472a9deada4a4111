"""Find the date expressions of a parsed document and normalise each against the reference date.

Candidates are spaCy's DATE entities plus surface-pattern matches the NER missed (or swallowed
into a TIME entity). A DATE entity that joins several dates ("between 1994 and 1997", "Aug. 26 to
Oct. 20") is split into one expression per date when at least two of the parts resolve on their
own; a bare day after a dated part ("April 24 and 25") borrows that part's month.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from spacy.tokens import Doc, Span

from worldorder.model import TimeExpression
from worldorder.temporal.anaphora import resolve_anaphor
from worldorder.temporal.anchoring import Resolution, Tense
from worldorder.temporal.normalise import RANGE_CONNECTORS, Anchor, DateGrammar, shipped_grammar
from worldorder.temporal.surface import find_matches, longest_first_disjoint, shipped_patterns
from worldorder.temporal.tense import span_tense
from worldorder.temporal.vocabulary import CalendarVocabulary, calendar_vocabulary

# Names that contain date words without being dates ("Sunday Times", "USA Today", "Black Friday").
NAME_LABELS = frozenset(
    {"ORG", "PERSON", "WORK_OF_ART", "FAC", "EVENT", "PRODUCT", "GPE", "LOC", "NORP", "LAW", "LANGUAGE"}
)
TRAILING_NOISE = re.compile(r"(?:['’]s|['’]|[\s,.;:!?)\-–—])+$")
LEADING_NOISE = " \t\n\"'“‘(["
BARE_DAY = re.compile(r"\d{1,2}(?:st|nd|rd|th)?")


@dataclass(frozen=True, slots=True)
class Candidate:
    """A stretch of text to normalise; ``reading`` is what the normaliser sees (may borrow a month)."""

    start: int
    end: int
    reading: str


def find_dates(doc: Doc, reference: date | None) -> list[TimeExpression]:
    """Every date expression in the document, with offsets into ``doc.text`` and a normalised value."""
    grammar, text = shipped_grammar(), doc.text
    expressions: list[TimeExpression] = []
    antecedent: Resolution | None = None
    for candidate in date_candidates(doc, text, reference, grammar):
        resolution = resolve_candidate(doc, candidate, reference, antecedent, grammar)
        value = resolution.value if resolution else None
        expressions.append(TimeExpression(text[candidate.start : candidate.end], candidate.start, candidate.end, value))
        antecedent = resolution or antecedent
    return [e for e in expressions if speaks_of_time(e, grammar.vocabulary)]


def resolve_candidate(
    doc: Doc, candidate: Candidate, reference: date | None, antecedent: Resolution | None, grammar: DateGrammar
) -> Resolution | None:
    """An anaphor ("that day") against the previous date, anything else against the reference."""
    match = grammar.anaphor.fullmatch(candidate.reading)
    if match and antecedent is not None:
        return resolve_anaphor(match, antecedent, grammar.vocabulary)
    return normalise_candidate(doc, candidate, reference, grammar)


def speaks_of_time(expression: TimeExpression, vocabulary: CalendarVocabulary) -> bool:
    """Keep resolved dates, and unresolved ones worded in time units; never ages ("6-year-old")."""
    if re.search(vocabulary.age_pattern, expression.text, re.IGNORECASE):
        return False
    words = re.findall(r"[a-z]+", expression.text.lower())
    named = (vocabulary.unresolved_time_words, vocabulary.months, vocabulary.weekdays, vocabulary.day_words)
    return expression.value is not None or any(w in names for w in words for names in named)


def date_candidates(doc: Doc, text: str, reference: date | None, grammar: DateGrammar) -> list[Candidate]:
    """DATE entities (split where they join dates) and surface matches that no entity covers.

    ``text`` is ``doc.text``, which spaCy rebuilds from the tokens on every access.
    """
    entities = [(_with_relative_word(ent).start_char, ent.end_char) for ent in doc.ents if ent.label_ == "DATE"]
    found = [part for start, end in entities for part in split_entity(text, start, end, reference, grammar)]
    blocked = entities + [(e.start_char, e.end_char) for e in doc.ents if e.label_ in NAME_LABELS]
    matches = longest_first_disjoint(find_matches(text, shipped_patterns().candidates))
    found += [_plain(text, s, e) for s, e in matches if not any(s < be and bs < e for bs, be in blocked)]
    trimmed = (trim_candidate(c) for c in found)
    return sorted((c for c in trimmed if c.end > c.start), key=lambda c: c.start)


def _with_relative_word(entity: Span) -> Span:
    """Take in a relative word NER left out: "this" + "year" -> "this year"."""
    if entity.start == 0 or entity.text.split()[0].lower() in calendar_vocabulary().relative_words:
        return entity
    before = entity.doc[entity.start - 1]
    if before.text.lower() not in calendar_vocabulary().relative_words:
        return entity
    return entity.doc[entity.start - 1 : entity.end]


def _plain(text: str, start: int, end: int) -> Candidate:
    return Candidate(start, end, text[start:end])


def split_entity(text: str, start: int, end: int, reference: date | None, grammar: DateGrammar) -> list[Candidate]:
    """The entity as one candidate, or one per joined date when two or more parts resolve."""
    parts = _entity_parts(text, start, end)
    if len(parts) < 2:
        return [_plain(text, start, end)]
    anchor = Anchor(reference, Tense.UNKNOWN)
    resolved = [part for part in parts if grammar.normalise(part.reading, anchor) is not None]
    return resolved if len(resolved) >= 2 else [_plain(text, start, end)]


def _entity_parts(text: str, start: int, end: int) -> list[Candidate]:
    parts: list[Candidate] = []
    cursor = start
    for connector in RANGE_CONNECTORS.finditer(text, start, end):
        parts.append(_plain(text, cursor, connector.start()))
        cursor = connector.end()
    parts.append(_plain(text, cursor, end))
    return [_borrow_month(part, parts[i - 1] if i else None) for i, part in enumerate(parts)]


def _borrow_month(part: Candidate, previous: Candidate | None) -> Candidate:
    """'25' after 'April 24' reads as 'April 25'."""
    if previous is None or not BARE_DAY.fullmatch(part.reading):
        return part
    month_word = previous.reading.split()[0] if previous.reading.split() else ""
    if month_word.lower().rstrip(".") not in calendar_vocabulary().months:
        return part
    return Candidate(part.start, part.end, f"{month_word} {part.reading}")


def trim_candidate(candidate: Candidate) -> Candidate:
    """Drop surrounding blanks, punctuation and a possessive: "last month's" -> "last month"."""
    text = candidate.reading
    head = len(text) - len(text.lstrip(LEADING_NOISE))
    tail = TRAILING_NOISE.search(text)
    cut = len(text) - tail.start() if tail else 0
    if candidate.end - candidate.start != len(text):  # a borrowed month: only the end can move
        return Candidate(candidate.start, candidate.end - cut, text[: len(text) - cut])
    return Candidate(candidate.start + head, candidate.end - cut, text[head : len(text) - cut])


def normalise_candidate(
    doc: Doc, candidate: Candidate, reference: date | None, grammar: DateGrammar
) -> Resolution | None:
    """The candidate's value, read in the tense of its clause."""
    span = doc.char_span(candidate.start, candidate.end, alignment_mode="expand")
    tense = span_tense(span, grammar.vocabulary) if span is not None else Tense.UNKNOWN
    return grammar.normalise(candidate.reading, Anchor(reference, tense))


def expression_span(doc: Doc, expression: TimeExpression) -> Span | None:
    """The tokens covering an expression (expanded to token boundaries)."""
    return doc.char_span(expression.start, expression.end, alignment_mode="expand")
