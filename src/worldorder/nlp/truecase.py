"""Restore the case of all-lower-case, ALL-CAPS and Title Case text before spaCy reads it.

spaCy's tagger, parser and entity recogniser lean on capitals: on lower-cased copies of the dev
sets the coder's recall fell from 0.73 to 0.46 (ConfliBERT) and 0.81 to 0.22 (PLOVER GSR).
:meth:`Truecaser.restore` rewrites only lines that are mostly lower case or mostly capitals
("the police arrested two persons in godhra on sunday." -> "The police arrested two persons in
Godhra on Sunday."); ordinary prose comes back unchanged. Only the case of letters changes, and
a letter whose other case has another length ('ß' -> 'SS') is left alone, so every character
offset of the output is the input's.

A restored line is lower-cased, then capitalised at sentence starts, for the pronoun "i", for
known names (the actor base, the gazetteer, months and weekdays) that are rarer as common words
than as names (by ``wordfreq`` frequencies), for titles and the rare words after them, and for
"US" where the context says the country. The rules are data: ``nlp/data/truecase.yaml``.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import Enum
from importlib import resources
from typing import Any

import yaml

WORD = re.compile(r"[^\W_]+")
# What may stand between two words of one name: "new york", "al-shabaab", "u.s. army", "o'brien".
NAME_JOINER = re.compile(r"(?: |\.? |[-'\u2019.\u2010\u2011])")
# the least share of capitalised words a Title Case line can have with its small words counted in
# ("Talks on a Deal to End the War in Yemen": 5 of 10)
TITLE_FLOOR = 0.4
SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)\]]*\s")


class Stretch(Enum):
    """How a line is written."""

    PROSE = "prose"
    LOWER = "lower"
    UPPER = "upper"
    TITLE = "title"


@dataclass(frozen=True, slots=True)
class KnownName:
    """A name as written ("New Delhi") and the Zipf limit its rarest word must stay under."""

    text: str
    zipf_limit: float


@dataclass(frozen=True, slots=True)
class CaseRules:
    """The thresholds and word lists of ``truecase.yaml``."""

    min_words: int
    lower_max_capitalised: float
    upper_min_letters: float
    title_min_words: int
    title_min_capitalised: float
    title_small_words: frozenset[str]
    zipf_limits: Mapping[str, float]
    common_words: frozenset[str]
    dated_months: frozenset[str]
    month_cues: frozenset[str]
    us_cues: frozenset[str]
    us_before: frozenset[str]
    honorifics: frozenset[str]
    honorific_name_zipf: float
    title_abbreviations: frozenset[str]
    titles: frozenset[str]
    title_name_zipf: float
    names: tuple[str, ...]
    abbreviations: frozenset[str]
    acronym_max_letters: int
    acronym_zipf: float

    @classmethod
    def from_mapping(cls, raw: Mapping[str, Any]) -> CaseRules:
        stretch = raw["stretch"]
        words = {key: _words(raw, key) for key in (
            "common_words", "dated_months", "month_cues", "us_cues", "us_before", "honorifics",
            "title_abbreviations", "titles", "abbreviations", "title_small_words")}
        return cls(
            min_words=int(stretch["min_words"]),
            lower_max_capitalised=float(stretch["lower_max_capitalised"]),
            upper_min_letters=float(stretch["upper_min_letters"]),
            title_min_words=int(stretch["title_min_words"]),
            title_min_capitalised=float(stretch["title_min_capitalised"]),
            zipf_limits={str(k): float(v) for k, v in raw["zipf_limits"].items()},
            title_name_zipf=float(raw["title_name_zipf"]),
            honorific_name_zipf=float(raw["honorific_name_zipf"]),
            names=tuple(str(n) for n in raw["names"]),
            acronym_max_letters=int(raw["acronym_max_letters"]),
            acronym_zipf=float(raw["acronym_zipf"]),
            **words,
        )


def _words(raw: Mapping[str, Any], key: str) -> frozenset[str]:
    """A word list of the rules; YAML reads a bare on/off/yes/no as a boolean, which is no word."""
    found = raw[key]
    strays = [w for w in found if not isinstance(w, str)]
    if strays:
        raise ValueError(f"truecase rules: {key} holds {strays!r}, not words (quote on, off, yes, no)")
    return frozenset(found)


def shipped_rules() -> CaseRules:
    text = resources.files("worldorder.nlp").joinpath("data", "truecase.yaml").read_text(encoding="utf-8")
    return CaseRules.from_mapping(yaml.safe_load(text))


# --------------------------------------------------------------------------- characters


def fold(word: str) -> str:
    """The key a word is looked up by: lower case, no accents ("Côte" -> "cote")."""
    if word.isascii():
        return word.lower()
    decomposed = unicodedata.normalize("NFKD", word.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def lower_in_place(text: str) -> str:
    """``text.lower()`` where it keeps the length; else letter by letter ('İ' stays)."""
    lowered = text.lower()  # no letter shrinks when lower-cased, so equal lengths align
    if len(lowered) == len(text):
        return lowered
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def upper_char(c: str) -> str:
    upper = c.upper()
    return upper if len(upper) == 1 else c


def shaped_like(word: str, form: str) -> str:
    """``word`` (lower case) in the case of ``form``: "nato" like "NATO", "mcdonald" like "McDonald"."""
    if len(form) == len(word) and fold(form) == fold(word):
        return "".join(upper_char(w) if f.isupper() else w for w, f in zip(word, form, strict=True))
    return upper_char(word[0]) + word[1:] if form[:1].isupper() else word


# --------------------------------------------------------------------------- the name table


@dataclass(frozen=True, slots=True)
class NameTable:
    """Word sequences (folded) to the words of a name as written; built once."""

    forms: Mapping[tuple[str, ...], tuple[str, ...]]
    lengths: Mapping[str, tuple[int, ...]]  # first word -> name lengths, longest first

    @classmethod
    def build(cls, names: Iterable[KnownName], zipf: ZipfTable, common: frozenset[str]) -> NameTable:
        forms: dict[tuple[str, ...], tuple[str, ...]] = {}
        for name in names:
            words = tuple(WORD.findall(name.text))
            key = tuple(fold(w) for w in words)
            if words and key not in forms and is_name(key, name.zipf_limit, zipf, common):
                forms[key] = words
        lengths: dict[str, set[int]] = {}
        for key in forms:
            lengths.setdefault(key[0], set()).add(len(key))
        return cls(forms, {k: tuple(sorted(v, reverse=True)) for k, v in lengths.items()})


def is_name(key: tuple[str, ...], limit: float, zipf: ZipfTable, common: frozenset[str]) -> bool:
    """A name is capitalised when its rarest word is rarer than ``limit`` as a common word."""
    if " ".join(key) in common:
        return False
    return min(zipf.of(w) for w in key) < limit


@dataclass(frozen=True, slots=True)
class ZipfTable:
    """Word frequencies on the Zipf scale (log10 of occurrences per billion words)."""

    frequencies: Mapping[str, float]  # proportions, as wordfreq gives them

    @classmethod
    def shipped(cls) -> ZipfTable:
        import wordfreq  # read from the installed package; it fetches nothing

        return cls(wordfreq.get_frequency_dict("en"))

    def of(self, word: str) -> float:
        frequency = self.frequencies.get(word, 0.0)
        return math.log10(frequency) + 9 if frequency > 0 else 0.0


# --------------------------------------------------------------------------- restoring


@dataclass(frozen=True, slots=True)
class Word:
    start: int
    end: int
    text: str  # lower case
    key: str  # folded
    before: str  # the characters since the previous word (or the line's start)


def words_of(line: str) -> list[Word]:
    found, previous = [], 0
    for match in WORD.finditer(line):
        text = match.group()
        found.append(Word(match.start(), match.end(), text, fold(text), line[previous : match.start()]))
        previous = match.end()
    return found


@dataclass(frozen=True)
class Truecaser:
    """Restores the case of lower-case and ALL-CAPS lines; load once, then call :meth:`restore`."""

    rules: CaseRules
    names: NameTable
    zipf: ZipfTable

    @classmethod
    def build(cls, names: Iterable[KnownName], rules: CaseRules, zipf: ZipfTable) -> Truecaser:
        return cls(rules, NameTable.build(names, zipf, rules.common_words), zipf)

    def restore(self, text: str) -> str:
        """``text`` with the case of its lower-case and ALL-CAPS lines restored; same length."""
        lines = text.splitlines(keepends=True)
        default = self.stretch_of(text) or Stretch.PROSE
        stretches = [self.stretch_of(line) or default for line in lines]
        if all(s is Stretch.PROSE for s in stretches):
            return text
        restored = (self.restore_line(line, s) for line, s in zip(lines, stretches, strict=True))
        return "".join(restored)

    def stretch_of(self, text: str) -> Stretch | None:
        """How a stretch is written; None when it has too few words to tell."""
        initials = [m.group()[0] for m in WORD.finditer(text) if m.group()[0].isalpha()]
        if len(initials) < self.rules.min_words:
            return None
        letters = [c for c in text if c.isalpha() and c.lower() != c.upper()]
        capitals = sum(c.isupper() for c in letters)
        if capitals > self.rules.upper_min_letters * len(letters):
            return Stretch.UPPER
        capitalised = sum(c.isupper() for c in initials)
        if capitalised < self.rules.lower_max_capitalised * len(initials):
            return Stretch.LOWER
        # prose has 10-20% capitalised words, a headline most of them: only a line with at least
        # TITLE_FLOOR of its words capitalised is read word by word (small words aside)
        if capitalised < TITLE_FLOOR * len(initials):
            return Stretch.PROSE
        return Stretch.TITLE if self.title_cased(text) else Stretch.PROSE

    def title_cased(self, text: str) -> bool:
        """Nine in ten words but the small ones begin with a capital: "Army Shells Rebel Positions".
        A word is what stands between spaces, read from its first letter ("Pro-government", "al-Qaeda")."""
        words = (WORD.search(chunk) for chunk in text.split())
        initial = [m.group() for m in words if m is not None and m.group()[0].isalpha()]
        content = [w for w in initial if w.lower() not in self.rules.title_small_words]
        capitals = sum(w[0].isupper() for w in content)
        enough = len(content) >= self.rules.title_min_words
        return enough and capitals >= self.rules.title_min_capitalised * len(content)

    def restore_line(self, line: str, stretch: Stretch) -> str:
        """One line, lower-cased and then capitalised where English writes capitals."""
        if stretch is Stretch.PROSE:
            return line
        lowered = lower_in_place(line)
        words = words_of(lowered)
        chars = list(lowered)
        for word, cased in self.cased_words(words, stretch is Stretch.UPPER):
            chars[word.start : word.end] = cased
        if stretch is Stretch.TITLE:  # words written wholly in capitals stay so: "U.S.", "NATO"
            for match in WORD.finditer(line):
                if match.group().isupper() and (len(match.group()) > 1 or line[match.end() : match.end() + 1] == "."):
                    chars[match.start() : match.end()] = match.group()
        return "".join(chars)

    def cased_words(self, words: Sequence[Word], upper: bool) -> Iterable[tuple[Word, str]]:
        """The words whose case changes, with their new spelling."""
        i, name_zipf = 0, 0.0  # name_zipf: after a title, the words rarer than this are a name
        while i < len(words):
            named = self.name_at(words, i)
            if named:
                for offset, form in enumerate(named):
                    yield words[i + offset], shaped_like(words[i + offset].text, form)
                i, name_zipf = i + len(named), 0.0
                continue
            word = words[i]
            cased = self.cased_word(words, i, upper, name_zipf)
            if cased != word.text:
                yield word, cased
            name_zipf = self.name_zipf_after(word, name_zipf if cased != word.text else 0.0)
            i += 1

    def name_zipf_after(self, word: Word, current: float) -> float:
        """How rare the next word must be to be read as a name: "mr smith", "governor abba yusuf"."""
        if word.key in self.rules.honorifics:
            return self.rules.honorific_name_zipf
        if word.key in self.rules.titles:
            return self.rules.title_name_zipf
        return min(current, self.rules.title_name_zipf)

    def name_at(self, words: Sequence[Word], i: int) -> tuple[str, ...] | None:
        """The longest known name starting at word ``i``, as written in the table."""
        for length in self.names.lengths.get(words[i].key, ()):
            span = words[i : i + length]
            if len(span) < length or not all(NAME_JOINER.fullmatch(w.before) for w in span[1:]):
                continue
            form = self.names.forms.get(tuple(w.key for w in span))
            if form is not None:
                return (capitalised(form[0]), *form[1:]) if self.starts_sentence(words, i) else form
        return None

    def cased_word(self, words: Sequence[Word], i: int, upper: bool, name_zipf: float) -> str:
        word, rules = words[i], self.rules
        if word.text == "i" and self.is_pronoun(words, i):
            return "I"
        if word.key == "us" and self.is_country_us(words, i):
            return "US"
        if word.key in rules.dated_months and self.is_dated(words, i):
            return capitalised(word.text)
        if word.key in rules.honorifics or (
            word.key in rules.title_abbreviations and word_after(words, i).before.startswith(".")
        ):
            return capitalised(word.text)
        if word.text.isalpha() and self.zipf.of(word.key) < name_zipf:
            return capitalised(word.text)
        if upper and self.is_acronym(word):
            return "".join(upper_char(c) for c in word.text)
        if self.starts_sentence(words, i):
            return capitalised(word.text)
        return word.text

    def starts_sentence(self, words: Sequence[Word], i: int) -> bool:
        if i == 0:
            return True
        gap, previous = words[i].before, words[i - 1]
        if not SENTENCE_END.search(gap) and "\n" not in gap:
            return False
        return "\n" in gap or not (len(previous.text) == 1 or previous.key in self.rules.abbreviations)

    def is_pronoun(self, words: Sequence[Word], i: int) -> bool:
        """"i" alone or in "i'm", not in "i.e." or after an apostrophe."""
        before, after = words[i].before, word_after(words, i).before
        if after.startswith(". "):
            return True
        return not before.endswith(("'", "\u2019", "-", ".")) and not after.startswith(("-", "."))

    def is_country_us(self, words: Sequence[Word], i: int) -> bool:
        """"the us", "a us offer", "us troops", "us-led", and "us" opening a sentence (the pronoun never
        does, nor follows an article or an adjective)."""
        following = word_after(words, i)
        if self.starts_sentence(words, i) or words[i - 1].key in self.rules.us_before:
            return True
        return following.key in self.rules.us_cues and following.before in (" ", "-")

    def is_dated(self, words: Sequence[Word], i: int) -> bool:
        """"in may", "may 5", "5 may": the month; "it may" the verb."""
        previous = words[i - 1].key if i else ""
        return previous in self.rules.month_cues or previous.isdigit() or word_after(words, i).key.isdigit()

    def is_acronym(self, word: Word) -> bool:
        """An unknown short word of an ALL-CAPS line: "ISWAP", "IDF"."""
        short = word.text.isalpha() and len(word.text) <= self.rules.acronym_max_letters
        return short and self.zipf.of(word.key) < self.rules.acronym_zipf


NO_WORD = Word(0, 0, "", "", "")


def word_after(words: Sequence[Word], i: int) -> Word:
    return words[i + 1] if i + 1 < len(words) else NO_WORD


def capitalised(word: str) -> str:
    return upper_char(word[0]) + word[1:] if word else word
