"""Normalise the text of one temporal expression to a calendar value, anchored on a reference date.

``normalise_expression("Sept. 30", date(2024, 10, 11), Tense.PAST)`` -> ``Resolution("2024-09-30", day)``.
Rules are tried in order on a cleaned form of the text (lower case, no periods or commas, hedges such
as "early" or "the end of" removed); the first that matches the whole text decides. Expressions that
name no single calendar unit ("recent years", "the 1990s", "three weeks") normalise to None.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from functools import cache

from worldorder.temporal.anaphora import anaphor_pattern
from worldorder.temporal.anchoring import (
    Precision,
    Resolution,
    Tense,
    anchor_month,
    anchor_month_day,
    anchor_weekday,
    day_resolution,
    month_resolution,
    nth_weekday_of_month,
    pick_in_direction,
    safe_date,
    shift_days,
    shift_months,
    week_resolution,
    year_resolution,
)
from worldorder.temporal.vocabulary import CalendarVocabulary, calendar_vocabulary

# Years outside this window are far more often amounts ("3000 troops") than dates.
EARLIEST_YEAR = 1000
LATEST_YEAR = 2199
# Two-digit years in numeric dates ("10/11/24"): below the pivot are 20xx, from it 19xx.
TWO_DIGIT_YEAR_PIVOT = 50

RANGE_CONNECTORS = re.compile(r"\s+(?:and|or|to|through|thru|until|till|ended|ending|-|–|—)\s+")
SHAPE_PREFIXES = re.compile(r"^(?:mid|early|late|post|pre)-")
POSSESSIVE = re.compile(r"['’]s?$")


@dataclass(frozen=True, slots=True)
class Anchor:
    """What a rule needs besides the text: the reference date and the tense of the clause."""

    reference: date | None
    tense: Tense


Rule = Callable[[re.Match[str], Anchor], Resolution | None]


def _alternation(words: Iterable[str]) -> str:
    """A regex alternation of the words, longest first so "sept" wins over "sep"."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


class DateGrammar:
    """The normalisation rules compiled for one calendar vocabulary."""

    def __init__(self, vocabulary: CalendarVocabulary) -> None:
        self.vocabulary = vocabulary
        self.anaphor = anaphor_pattern(vocabulary)
        self.rules: tuple[tuple[re.Pattern[str], Rule], ...] = tuple(
            (re.compile(pattern), rule) for pattern, rule in self._rule_table()
        )

    def _rule_table(self) -> list[tuple[str, Rule]]:
        v = self.vocabulary
        month, weekday = _alternation(v.months), _alternation(v.weekdays)
        relative, unit = _alternation(v.relative_words), _alternation(v.units)
        number, direction = _alternation(v.number_words), _alternation(v.offset_directions)
        holiday = _alternation([*v.fixed_holidays, *v.nth_weekday_holidays])
        day_word = _alternation(v.day_words)
        on_weekday = rf"(?:(?P<weekday>{weekday}) )?"
        nth = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
        month_name, year = rf"(?P<month>{month})", r"(?P<year>\d{4})"
        return [
            (r"(\d{4})-(\d{1,2})-(\d{1,2})", self._iso_date),
            (r"(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})", self._numeric_date),
            (rf"{on_weekday}{month_name} {nth} {year}", self._full_date),
            (rf"{on_weekday}(?:the )?{nth} (?:of )?{month_name} {year}", self._full_date),
            (rf"{on_weekday}{month_name} {nth}", self._month_day),
            (rf"{on_weekday}(?:the )?{nth} (?:of )?{month_name}", self._month_day),
            (rf"({month}) (?:of )?(\d{{4}})", self._month_year),
            (rf"({month}) ({relative}) year", self._month_relative_year),
            (rf"(?:({relative}) )?({month})(?: month)?", self._named_month),
            (rf"(?:({relative}) )?({weekday})", self._named_weekday),
            (rf"(?:the )?day (before|after) ({day_word})", self._day_beside_day_word),
            (rf"({day_word})", self._day_word),
            (rf"({relative}) (?:(?:fiscal|calendar) )?({unit})", self._relative_unit),
            (rf"({number}|\d+) ({unit}) ({direction})", self._unit_offset),
            (rf"({unit})[- ](?:ago|earlier)", self._one_unit_back),
            (r"(?:this |the )?year[- ]end", self._this_year),
            (r"(?:(?:current|full|fiscal|calendar|same) )*year", self._this_year),
            (r"(\d{4})", self._year),
            (r"(?:year )?(\w+) (\w+)(?:[- ](\w+))?", self._spoken_year),
            (r"(?:year )?two thousand(?: and)?(?: (\w+))?", self._spoken_two_thousands),
            (rf"({holiday})", self._holiday),
            (r"(?:the )?week of (.+)", self._week_of),
        ]

    # -- explicit dates ---------------------------------------------------------------------

    def _iso_date(self, m: re.Match[str], anchor: Anchor) -> Resolution | None:
        day = safe_date(int(m[1]), int(m[2]), int(m[3]))
        return day_resolution(day) if day else None

    def _numeric_date(self, m: re.Match[str], anchor: Anchor) -> Resolution | None:
        first, second, year = int(m[1]), int(m[2]), int(m[3])
        if year < 100:
            year += 2000 if year < TWO_DIGIT_YEAR_PIVOT else 1900
        month, day = (second, first) if first > 12 else (first, second)  # US order unless impossible
        found = safe_date(year, month, day)
        return day_resolution(found) if found else None

    def _full_date(self, m: re.Match[str], anchor: Anchor) -> Resolution | None:
        day = safe_date(int(m["year"]), self.vocabulary.months[m["month"]], int(m["day"]))
        return day_resolution(day) if day else None

    def _month_day(self, m: re.Match[str], anchor: Anchor) -> Resolution | None:
        """A day without a year ("Sept. 30", "Monday, Oct. 26"), placed relative to the reference."""
        if anchor.reference is None:
            return None
        weekday = self.vocabulary.weekdays[m["weekday"]] if m["weekday"] else None
        month = self.vocabulary.months[m["month"]]
        found = anchor_month_day(anchor.reference, month, int(m["day"]), anchor.tense, weekday)
        return day_resolution(found) if found else None

    def _month_year(self, m: re.Match[str], anchor: Anchor) -> Resolution | None:
        year = int(m[2])
        return month_resolution(year, self.vocabulary.months[m[1]]) if _plausible_year(year) else None

    def _month_relative_year(self, m: re.Match[str], anchor: Anchor) -> Resolution | None:
        if anchor.reference is None:
            return None
        year = anchor.reference.year + self.vocabulary.relative_words[m[2]]
        return month_resolution(year, self.vocabulary.months[m[1]])

    def _named_month(self, m: re.Match[str], anchor: Anchor) -> Resolution | None:
        if anchor.reference is None:
            return None
        relative = self.vocabulary.relative_words[m[1]] if m[1] else None
        year, month = anchor_month(anchor.reference, self.vocabulary.months[m[2]], anchor.tense, relative)
        return month_resolution(year, month)

    def _year(self, m: re.Match[str], anchor: Anchor) -> Resolution | None:
        year = int(m[1])
        return year_resolution(year) if _plausible_year(year) else None

    # -- days relative to the reference -----------------------------------------------------

    def _named_weekday(self, m: re.Match[str], anchor: Anchor) -> Resolution | None:
        if anchor.reference is None:
            return None
        relative = self.vocabulary.relative_words[m[1]] if m[1] else None
        weekday = self.vocabulary.weekdays[m[2]]
        return day_resolution(anchor_weekday(anchor.reference, weekday, anchor.tense, relative))

    def _day_word(self, m: re.Match[str], anchor: Anchor) -> Resolution | None:
        if anchor.reference is None:
            return None
        return day_resolution(shift_days(anchor.reference, self.vocabulary.day_words[m[1]]))

    def _day_beside_day_word(self, m: re.Match[str], anchor: Anchor) -> Resolution | None:
        if anchor.reference is None:
            return None
        offset = self.vocabulary.day_words[m[2]] + (-1 if m[1] == "before" else 1)
        return day_resolution(shift_days(anchor.reference, offset))

    def _relative_unit(self, m: re.Match[str], anchor: Anchor) -> Resolution | None:
        if anchor.reference is None or m[2].endswith("s"):
            return None  # "the past years" is a stretch of time, not one calendar unit
        return shift_unit(anchor.reference, self.vocabulary.units[m[2]], self.vocabulary.relative_words[m[1]])

    def _unit_offset(self, m: re.Match[str], anchor: Anchor) -> Resolution | None:
        count = int(m[1]) if m[1].isdigit() else self.vocabulary.number_words[m[1]]
        if anchor.reference is None or count is None:
            return None
        steps = count * self.vocabulary.offset_directions[m[3]]
        return shift_unit(anchor.reference, self.vocabulary.units[m[2]], steps)

    def _one_unit_back(self, m: re.Match[str], anchor: Anchor) -> Resolution | None:
        if anchor.reference is None:
            return None
        return shift_unit(anchor.reference, self.vocabulary.units[m[1]], -1)

    def _this_year(self, m: re.Match[str], anchor: Anchor) -> Resolution | None:
        return year_resolution(anchor.reference.year) if anchor.reference else None

    # -- spoken years, holidays, weeks of a day ---------------------------------------------

    def _spoken_year(self, m: re.Match[str], anchor: Anchor) -> Resolution | None:
        century = self.vocabulary.spoken_centuries.get(m[1])
        tens = self.vocabulary.spoken_tens.get(m[2])
        units = self.vocabulary.spoken_units.get(m[3] or "", 0) if m[3] else 0
        if century is None or tens is None or (m[3] and not units) or (units and tens < 20):
            return None
        return year_resolution(century + tens + units)

    def _spoken_two_thousands(self, m: re.Match[str], anchor: Anchor) -> Resolution | None:
        units = self.vocabulary.spoken_units.get(m[1], 0) if m[1] else 0
        tens = self.vocabulary.spoken_tens.get(m[1], 0) if m[1] else 0
        return year_resolution(2000 + (units or tens)) if not m[1] or units or tens else None

    def _holiday(self, m: re.Match[str], anchor: Anchor) -> Resolution | None:
        if anchor.reference is None:
            return None
        candidates = [self._holiday_in(m[1], anchor.reference.year + shift) for shift in (-1, 0, 1)]
        return day_resolution(pick_in_direction(anchor.reference, candidates, anchor.tense))

    def _holiday_in(self, name: str, year: int) -> date:
        if name in self.vocabulary.fixed_holidays:
            month, day = self.vocabulary.fixed_holidays[name]
            return date(year, month, day)
        month, weekday, nth = self.vocabulary.nth_weekday_holidays[name]
        return nth_weekday_of_month(year, month, weekday, nth)

    def _week_of(self, m: re.Match[str], anchor: Anchor) -> Resolution | None:
        inner = self.resolve(m[1], anchor)
        if inner is None or inner.precision is not Precision.DAY:
            return None
        return week_resolution(date.fromisoformat(inner.value))

    # -- driving the rules -------------------------------------------------------------------

    def resolve(self, cleaned: str, anchor: Anchor) -> Resolution | None:
        """Apply the first rule whose pattern matches the whole cleaned text."""
        for pattern, rule in self.rules:
            match = pattern.fullmatch(cleaned)
            if match:
                found = rule(match, anchor)
                if found is not None:
                    return found
        return None

    def normalise(self, text: str, anchor: Anchor) -> Resolution | None:
        """Resolve the expression, then its head after "of", then the first end of a range."""
        cleaned = clean_expression(text, self.vocabulary)
        found = self.resolve(cleaned, anchor)
        if found is None and " of " in cleaned:
            found = self.resolve(clean_expression(cleaned.rsplit(" of ", 1)[1], self.vocabulary), anchor)
        if found is None:
            found = self._range_start(cleaned, anchor)
        return found if found is not None else self._shortest_tail(cleaned, anchor)

    def _shortest_tail(self, cleaned: str, anchor: Anchor) -> Resolution | None:
        """Drop words from the left that NER wrongly took in ("the day Friday" -> "Friday")."""
        words = cleaned.split()
        for cut in range(1, len(words)):
            if words[cut] in self.vocabulary.units:
                continue  # "a year" is a stretch of time, not "year" (the current one)
            found = self.resolve(" ".join(words[cut:]), anchor)
            if found is not None:
                return found
        return None

    def _range_start(self, cleaned: str, anchor: Anchor) -> Resolution | None:
        """The first part of "between 1994 and 1997" or "the quarter ended Sept. 30" that resolves."""
        parts = RANGE_CONNECTORS.split(cleaned)
        if len(parts) < 2:
            return None
        resolved = (self.resolve(clean_expression(part, self.vocabulary), anchor) for part in parts)
        return next((found for found in resolved if found is not None), None)


def shift_unit(reference: date, unit: str, steps: int) -> Resolution:
    """The day, week, month or year ``steps`` units away from the reference, at that unit's precision."""
    if unit == "day":
        return day_resolution(shift_days(reference, steps))
    if unit == "week":
        return week_resolution(shift_days(reference, 7 * steps))
    if unit == "month":
        return month_resolution(*shift_months(reference.year, reference.month, steps))
    return year_resolution(reference.year + steps)


def _plausible_year(year: int) -> bool:
    return EARLIEST_YEAR <= year <= LATEST_YEAR


def clean_expression(text: str, vocabulary: CalendarVocabulary) -> str:
    """Lower case, without periods, commas, possessives, hedges ("early", "the end of") or day parts."""
    cleaned = re.sub(r"(?<!\d)\.|\.(?!\d)|,|:|;", " ", text.lower().replace("’", "'"))
    cleaned = POSSESSIVE.sub("", " ".join(cleaned.split()))
    cleaned = _strip_leading_hedges(cleaned, vocabulary.leading_hedges)
    return _strip_day_part(cleaned, vocabulary.day_parts)


def _strip_leading_hedges(text: str, hedges: tuple[str, ...]) -> str:
    stripped = True
    while stripped:
        stripped = False
        text = SHAPE_PREFIXES.sub("", text)
        for hedge in hedges:
            if text.startswith(hedge + " "):
                text, stripped = text[len(hedge) + 1 :], True
                break
    return text


def _strip_day_part(text: str, day_parts: tuple[str, ...]) -> str:
    for part in day_parts:
        if text.endswith(" " + part):
            return text[: -len(part) - 1]
    return text


@cache
def shipped_grammar() -> DateGrammar:
    """The grammar for the shipped vocabulary, compiled on first use."""
    return DateGrammar(calendar_vocabulary())


def normalise_expression(text: str, reference: date | None, tense: Tense = Tense.UNKNOWN) -> Resolution | None:
    """The calendar value of one temporal expression, or None when it names no single unit."""
    return shipped_grammar().normalise(text, Anchor(reference, tense))
