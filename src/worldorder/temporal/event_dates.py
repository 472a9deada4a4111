"""Attach a date to an event: from its own clause, else its sentence, else the reference date.

The clause of an event is the dependency subtree of the verb that governs its trigger, without the
subtrees of clauses embedded in it (complement, adverbial, relative and coordinated clauses), so in
"X attacked Y on Monday, officials said Tuesday" the attack gets Monday and the saying Tuesday.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from spacy.tokens import Doc, Token

from worldorder.model import TimeExpression
from worldorder.temporal.anchoring import Precision, precision_of

# Dependency labels (ClearNLP, as used by the English spaCy models) that open another clause.
CLAUSE_DEPS = frozenset({"ccomp", "xcomp", "advcl", "relcl", "acl", "csubj", "csubjpass", "parataxis", "conj"})
# A trigger noun ("the attack") reaches its verb within a few steps ("the start of the attack on").
MAX_CLIMB = 4
COMPARISONS = frozenset({"like", "unlike"})  # prepositions of a comparison ("unlike the strike in 2019")

EventDate = tuple[str | None, str | None, str]


def governing_predicate(token: Token) -> Token:
    """The verb that governs ``token`` (the token itself if it is a verb or nothing governs it)."""
    current = token
    for _ in range(MAX_CLIMB):
        if current.pos_ in ("VERB", "AUX") or current.head is current:
            return current
        current = current.head
    return current


def clause_token_indices(predicate: Token) -> set[int]:
    """Indices of the predicate's subtree, not descending into embedded clauses."""
    indices: set[int] = set()
    stack = [predicate]
    while stack:
        token = stack.pop()
        indices.add(token.i)
        stack.extend(child for child in token.children if child.dep_ not in CLAUSE_DEPS)
    return indices


def _token_indices(doc: Doc, expression: TimeExpression) -> set[int]:
    span = doc.char_span(expression.start, expression.end, alignment_mode="expand")
    return set(range(span.start, span.end)) if span is not None else set()


def _dated(dates: Sequence[TimeExpression]) -> list[TimeExpression]:
    """Expressions with a value the event can carry (day, week, month or year)."""
    return [d for d in dates if d.value is not None and precision_of(d.value) is not None]


def _compared(doc: Doc, expression: TimeExpression) -> bool:
    """Whether the date belongs to something the event is compared with: "unlike the strike in
    2019, the march went ahead" tells nothing of when the march was."""
    tokens = [doc[i] for i in _token_indices(doc, expression)]
    return any(a.dep_ == "prep" and a.text.lower() in COMPARISONS for t in tokens for a in t.ancestors)


def _nearest(doc: Doc, trigger: int, candidates: list[TimeExpression]) -> TimeExpression | None:
    def distance(expression: TimeExpression) -> int:
        return min((abs(i - trigger) for i in _token_indices(doc, expression)), default=len(doc))

    return min(candidates, key=distance, default=None)


def _result(expression: TimeExpression, basis: str, reference: date | None) -> EventDate:
    value = expression.value or ""
    precision = precision_of(value)
    if precision is Precision.WEEK:
        value = latest_day_of_week(value, reference)
    return value, precision.value if precision else None, basis


def latest_day_of_week(week: str, reference: date | None) -> str:
    """The day that stands for a week-precision event: the latest day it can have happened on.

    Event dates are days, months or years (the output contract has no weeks), so "this week"
    becomes the week's Sunday, or the reference date when that is earlier (a report on Friday
    of what happened "this week" tells of Monday to Friday). The precision stays "week".
    """
    year, number = week.split("-W")
    last = date.fromisocalendar(int(year), int(number), 7)
    if reference is not None and date.fromisocalendar(int(year), int(number), 1) <= reference < last:
        last = reference
    return last.isoformat()


def event_date(doc: Doc, trigger: int, dates: Sequence[TimeExpression], reference: date | None) -> EventDate:
    """(value, precision, basis) for the event whose predicate is token ``trigger``.

    basis is "clause" (a date in the predicate's clause), "sentence" (the nearest date in the same
    sentence), "reference" (the reference date, day precision) or "none".
    """
    usable = [d for d in _dated(dates) if not _compared(doc, d)]
    token = doc[trigger]
    clause = clause_token_indices(governing_predicate(token)) | clause_token_indices(token)
    in_clause = [d for d in usable if _token_indices(doc, d) & clause]
    if in_clause:
        return _result(_nearest(doc, trigger, in_clause) or in_clause[0], "clause", reference)
    sentence = set(range(token.sent.start, token.sent.end)) if doc.has_annotation("SENT_START") else set()
    in_sentence = [d for d in usable if _token_indices(doc, d) & sentence]
    nearest = _nearest(doc, trigger, in_sentence)
    if nearest is not None:
        return _result(nearest, "sentence", reference)
    if reference is not None:
        return reference.isoformat(), Precision.DAY.value, "reference"
    return None, None, "none"
