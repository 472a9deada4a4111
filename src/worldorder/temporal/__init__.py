"""Temporal expressions anchored on the reference date, and the dates of events.

infer_reference_date(text)                      -> the latest full explicit date, or None
find_dates(doc, reference)                      -> every date expression, normalised
event_date(doc, trigger, dates, reference)      -> (value, precision, basis) for one event
normalise_expression(text, reference, tense)    -> one expression's value, without spaCy
"""

from worldorder.temporal.anchoring import Precision, Resolution, Tense, precision_of
from worldorder.temporal.event_dates import event_date
from worldorder.temporal.expressions import find_dates
from worldorder.temporal.normalise import normalise_expression
from worldorder.temporal.reference import infer_reference_date

__all__ = [
    "Precision",
    "Resolution",
    "Tense",
    "event_date",
    "find_dates",
    "infer_reference_date",
    "normalise_expression",
    "precision_of",
]
