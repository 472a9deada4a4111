"""The actor knowledge base: who a noun phrase names, in codes the field uses.

Knowledge lives in YAML files (``coding/data/actors/*.yaml``, format in docs/actors.md). Loading
turns every name, demonym, capital, seat of power, surname and generic agent word into a token
sequence in one dictionary, so matching a document is one dictionary probe per token.

Matching happens in two steps:

1. *segments*: the longest known token sequences, left to right ("Russian", "President",
   "Vladimir Putin");
2. *chunks*: adjacent segments that build one actor ("Russian" + "President" + "Vladimir Putin",
   "Iran" + "'s" + "president", "officials" + "from" + "Britain"). A chunk is read as the most
   specific thing it names: a known person, else an organisation, else a generic agent with its
   country, else a state.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from enum import IntEnum, StrEnum
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import Any

import spacy
import yaml
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from worldorder.errors import ConfigError
from worldorder.model import ActorCode, ActorMention

__all__ = ["SECTORS", "ActorEntry", "ActorKB", "EntryKind", "Tenure", "parse_actor_file"]

# PLOVER actor sectors (PLOVER specification, actor attributes), with the CAMEO role codes the
# PLOVER gold standard still uses.
SECTORS = frozenset(
    {
        "GOV", "MIL", "REB", "OPP", "PTY", "COP", "JUD", "SPY", "MED", "EDU", "BUS", "CRM", "CVL",
        "IGO", "NGO", "IMG", "LEG", "ELI", "LAB", "REF", "HLH", "AGR", "ENV", "HRI", "REL", "UAF",
        "INS", "SEP", "MNC",
    }
)
# Organisations whose members' sector is more telling than their own: "Foreign Office lawyers".
# Other bodies keep theirs: "MI5 officers" stay SPY, "Hezbollah commanders" REB, and "UN
# peacekeepers" IGO (the PLOVER gold standard codes them as IGO).
SECTORS_TAKEN_FROM_MEMBERS = frozenset({"GOV"})
SHIPPED_PACKAGE = "worldorder.coding.data"
SHIPPED_FOLDER = "actors"
GRAMMAR_FILE = "grammar.yaml"
_PUNCTUATION_FOLD = MappingProxyType(
    str.maketrans({"\u2019": "'", "\u2018": "'", "\u2010": "-", "\u2011": "-", "\u2013": "-", "\u2014": "-"})
)


class EntryKind(StrEnum):
    """What an entry of the knowledge base is."""

    COUNTRY = "country"
    ORGANISATION = "organisation"
    PERSON = "person"
    AGENT = "agent"  # a generic word for an actor: "president", "troops", "state media"


class NameKind(IntEnum):
    """How a name refers to its entry; lower values win when two entries share a name."""

    NAME = 0
    SEAT = 1  # a seat of power used for the government: "the Kremlin"
    CAPITAL = 2
    DEMONYM = 3
    SURNAME = 4


class Slot(IntEnum):
    """The part a segment plays in a chunk."""

    STATE = 0  # a state named by name, demonym, capital or seat
    ORGANISATION = 1
    AGENT = 2
    PERSON = 3


SLOT_OF_KIND = MappingProxyType(
    {
        EntryKind.COUNTRY: Slot.STATE,
        EntryKind.ORGANISATION: Slot.ORGANISATION,
        EntryKind.AGENT: Slot.AGENT,
        EntryKind.PERSON: Slot.PERSON,
    }
)


# --------------------------------------------------------------------------- records


@dataclass(frozen=True, slots=True)
class Tenure:
    """A person holding a title in a state or an organisation between two dates."""

    title: str
    country: str | None
    organisation: str | None  # entry id of the organisation, for heads of organisations
    sector: str | None
    start: date | None
    end: date | None  # None: still in office

    @property
    def scope(self) -> str | None:
        return self.organisation or self.country

    def covers(self, day: date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)

    def distance(self, day: date) -> int:
        """Days between ``day`` and the tenure; 0 inside it."""
        if self.start is not None and day < self.start:
            return (self.start - day).days
        if self.end is not None and day > self.end:
            return (day - self.end).days
        return 0


@dataclass(frozen=True, slots=True)
class ActorEntry:
    """One entry of the knowledge base."""

    id: str
    kind: EntryKind
    name: str
    country: str | None = None
    known_group: str | None = None
    sector: str | None = None
    tenures: tuple[Tenure, ...] = ()
    titles: tuple[str, ...] = ()  # agents: the tenure titles the word stands for
    incumbent: bool = True  # agents: False for "deputy", "former": no office holder is looked up
    origin: str = ""

    def code(self, sector: str | None = None, country: str | None = None) -> ActorCode:
        return ActorCode(
            country=self.country or country,
            known_group=self.known_group,
            sector=sector or self.sector,
            name=self.name,
            entry=self.id,
        )


WORD_ACRONYM = 4  # shortest acronym also written as a word ("Nato"); "Ira" is a name, not the IRA


@dataclass(frozen=True, slots=True)
class Alias:
    """One way of writing an entry's name, as tokens."""

    entry: ActorEntry
    form: tuple[str, ...]  # tokens as written, accents removed
    kind: NameKind

    @property
    def slot(self) -> Slot:
        return SLOT_OF_KIND[self.entry.kind]

    def fits_case(self, written: Sequence[str]) -> bool:
        """Capitalised name tokens must be written as in the entry or in capitals ("US" is not "us"); an
        acronym of four letters or more may be written as a word, as some papers do ("Nato", "Isis")."""
        return all(
            w == a or w == a.upper() or (len(a) >= WORD_ACRONYM and a.isupper() and w == a.capitalize())
            for a, w in zip(self.form, written, strict=True)
            if a != a.lower()
        )


@dataclass(frozen=True, slots=True)
class Grammar:
    """The function words that glue segments into one actor."""

    possessives: frozenset[str]
    linking: frozenset[tuple[str, ...]]  # "of", "of the", "from": "officials from Britain"
    locative: frozenset[str]  # a capital after these is a place, not an actor: "in Moscow"


@dataclass(frozen=True, slots=True)
class Segment:
    """The longest known token sequence at one place of a document."""

    start: int  # token index
    end: int
    aliases: tuple[Alias, ...]

    @property
    def slot(self) -> Slot:
        return self.aliases[0].slot

    @property
    def entry(self) -> ActorEntry:
        return self.aliases[0].entry


@dataclass(frozen=True, slots=True)
class Chunk:
    """Adjacent segments that name one actor."""

    segments: tuple[Segment, ...]
    written_name: str | None = None  # a person the knowledge base lacks: "MI5 chief Jane Roe"
    name_end: int | None = None  # the token after that name

    @property
    def start(self) -> int:
        return self.segments[0].start

    @property
    def end(self) -> int:
        return self.name_end if self.name_end is not None else self.segments[-1].end

    def of_slot(self, slot: Slot) -> list[Segment]:
        return [s for s in self.segments if s.slot is slot]

    @property
    def only_states(self) -> bool:
        return all(s.slot is Slot.STATE for s in self.segments)


# --------------------------------------------------------------------------- text folding


def strip_accents(text: str) -> str:
    """'Élysée' -> 'Elysee', curly apostrophes and dashes -> ASCII."""
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text.translate(_PUNCTUATION_FOLD))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def fold(text: str) -> str:
    """The key a token is looked up by: no accents, lower case."""
    return strip_accents(text).lower()


# --------------------------------------------------------------------------- loading


@dataclass(frozen=True, slots=True)
class EntryNames:
    """An entry with every name it is matched by."""

    entry: ActorEntry
    names: tuple[tuple[str, NameKind], ...]


def _optional_str(raw: Mapping[str, Any], key: str, where: str) -> str | None:
    value = raw.get(key)
    if value is not None and not isinstance(value, str):
        raise ConfigError(f"{where}: {key} must be text, not {value!r}")
    return value


def _str_list(raw: Mapping[str, Any], key: str, where: str) -> list[str]:
    value = raw.get(key) or []
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{where}: {key} must be a list of text")
    return value


def _date(value: Any, where: str) -> date | None:
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError as error:
        raise ConfigError(f"{where}: {value!r} is not a YYYY-MM-DD date") from error


def _sector(value: str | None, where: str) -> str | None:
    if value is not None and value not in SECTORS:
        raise ConfigError(f"{where}: unknown sector {value!r}")
    return value


def parse_tenure(raw: Mapping[str, Any], person: Mapping[str, Any], where: str) -> Tenure:
    """One tenure; country and sector default to the person's unless an organisation is led."""
    organisation = _optional_str(raw, "organisation", where)
    inherited = {} if organisation else person
    tenure = Tenure(
        title=str(raw.get("title", "")),
        country=_optional_str(raw, "country", where) or inherited.get("country"),
        organisation=organisation,
        sector=_sector(_optional_str(raw, "sector", where) or inherited.get("sector"), where),
        start=_date(raw.get("from"), where),
        end=_date(raw.get("to"), where),
    )
    if not tenure.title:
        raise ConfigError(f"{where}: a tenure needs a title")
    if tenure.start and tenure.end and tenure.end < tenure.start:
        raise ConfigError(f"{where}: tenure {tenure.title} ends before it starts")
    return tenure


def person_names(raw: Mapping[str, Any], name: str) -> list[tuple[str, NameKind]]:
    """A person is matched by full name, by aliases and by surname alone (unless surname: null)."""
    surname = raw["surname"] if "surname" in raw else name.split()[-1]
    names = [(name, NameKind.NAME)] + [(a, NameKind.NAME) for a in raw.get("aliases") or []]
    return names + ([(surname, NameKind.SURNAME)] if surname else [])


def entry_names(raw: Mapping[str, Any], kind: EntryKind, name: str, where: str) -> list[tuple[str, NameKind]]:
    """Every name of an entry with how it refers."""
    if kind is EntryKind.PERSON:
        return person_names(raw, name)
    names = [(name, NameKind.NAME)] + [(a, NameKind.NAME) for a in _str_list(raw, "aliases", where)]
    for key, name_kind in (("seats", NameKind.SEAT), ("capitals", NameKind.CAPITAL), ("demonyms", NameKind.DEMONYM)):
        names += [(n, name_kind) for n in _str_list(raw, key, where)]
    return names


def parse_entry(raw: Any, default_kind: str | None, origin: str) -> EntryNames:
    """One validated entry of a file."""
    if not isinstance(raw, dict) or not isinstance(raw.get("id"), str) or not isinstance(raw.get("name"), str):
        raise ConfigError(f"{origin}: every entry needs an id and a name, got {raw!r}")
    where = f"{origin}: {raw['id']}"
    try:
        kind = EntryKind(str(raw.get("kind", default_kind)))
    except ValueError as error:
        raise ConfigError(f"{where}: unknown kind {raw.get('kind', default_kind)!r}") from error
    entry = ActorEntry(
        id=raw["id"],
        kind=kind,
        name=raw["name"],
        country=_optional_str(raw, "country", where),
        known_group=_optional_str(raw, "known_group", where),
        sector=_sector(_optional_str(raw, "sector", where), where),
        tenures=tuple(parse_tenure(t, raw, where) for t in raw.get("tenures") or []),
        titles=tuple(_str_list(raw, "titles", where)),
        incumbent=bool(raw.get("incumbent", True)),
        origin=origin,
    )
    return EntryNames(entry, tuple(entry_names(raw, kind, entry.name, where)))


def read_yaml(text: str) -> Any:
    """YAML with the C loader when PyYAML has it (ten times faster on the shipped files)."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return yaml.load(text, Loader=loader)


def parse_actor_file(text: str, origin: str) -> list[EntryNames]:
    """The entries of one actor file, checked against the file format."""
    document = read_yaml(text)
    if not isinstance(document, dict):
        raise ConfigError(f"{origin}: an actor file is a mapping with version, source, license and entries")
    missing = [key for key in ("version", "source", "license", "entries") if key not in document]
    if missing:
        raise ConfigError(f"{origin}: missing {', '.join(missing)}")
    if not isinstance(document["entries"], list):
        raise ConfigError(f"{origin}: entries must be a list")
    return [parse_entry(raw, document.get("kind"), origin) for raw in document["entries"]]


def parse_grammar(text: str) -> Grammar:
    """The glue words of grammar.yaml."""
    document = read_yaml(text)
    return Grammar(
        possessives=frozenset(document["possessives"]),
        linking=frozenset(tuple(phrase.split()) for phrase in document["linking"]),
        locative=frozenset(document["locative"]),
    )


def shipped_texts() -> Iterator[tuple[str, str]]:
    """(file name, text) of every shipped actor file."""
    folder = resources.files(SHIPPED_PACKAGE).joinpath(SHIPPED_FOLDER)
    for item in sorted(folder.iterdir(), key=lambda i: i.name):
        if item.name.endswith(".yaml") and item.name != GRAMMAR_FILE:
            yield item.name, item.read_text(encoding="utf-8")


def shipped_grammar() -> Grammar:
    folder = resources.files(SHIPPED_PACKAGE).joinpath(SHIPPED_FOLDER)
    return parse_grammar(folder.joinpath(GRAMMAR_FILE).read_text(encoding="utf-8"))


def read_user_file(path: Path) -> list[EntryNames]:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise ConfigError(f"{path}: cannot read actor file: {error.strerror}") from error
    return parse_actor_file(text, str(path))


def merge_entries(shipped: Iterable[EntryNames], user: Iterable[EntryNames]) -> list[EntryNames]:
    """Shipped entries, then user entries; a user entry replaces a shipped one with the same id."""
    merged: dict[str, EntryNames] = {}
    for item in shipped:
        if item.entry.id in merged:
            raise ConfigError(f"{item.entry.origin}: duplicate id {item.entry.id}")
        merged[item.entry.id] = item
    user_ids: set[str] = set()
    for item in user:
        if item.entry.id in user_ids:
            raise ConfigError(f"{item.entry.origin}: duplicate id {item.entry.id}")
        user_ids.add(item.entry.id)
        merged[item.entry.id] = item
    return list(merged.values())


def check_references(entries: Sequence[EntryNames]) -> None:
    """Every country code is a known state's; every tenure organisation a known entry."""
    states = {e.entry.country for e in entries if e.entry.kind is EntryKind.COUNTRY}
    ids = {e.entry.id for e in entries}
    for item in entries:
        entry = item.entry
        codes = [entry.country, *(t.country for t in entry.tenures)]
        unknown = [c for c in codes if c is not None and c not in states]
        if unknown or (entry.kind is EntryKind.COUNTRY and entry.country is None):
            raise ConfigError(f"{entry.origin}: {entry.id}: unknown country code {unknown or None}")
        orgs = [t.organisation for t in entry.tenures if t.organisation and t.organisation not in ids]
        if orgs:
            raise ConfigError(f"{entry.origin}: {entry.id}: unknown organisation {orgs[0]}")


# --------------------------------------------------------------------------- the name index


def alias_forms(tokens: list[str]) -> list[tuple[str, ...]]:
    """Token forms a name is matched in: without a leading 'the'; 'al-Qaeda' also as 'al Qaeda'."""
    if len(tokens) > 1 and tokens[0].lower() == "the":
        tokens = tokens[1:]
    forms = [tuple(strip_accents(t) for t in tokens)]
    if "-" in tokens and len(tokens) > 2:
        forms.append(tuple(strip_accents(t) for t in tokens if t != "-"))
    return forms


def alias_rank(alias: Alias) -> tuple[NameKind, bool]:
    """Which of several entries sharing a name wins: a proper name, and a named body over a generic word."""
    return (alias.kind, alias.entry.kind is EntryKind.AGENT)


@dataclass(frozen=True, slots=True)
class NameIndex:
    """Token sequences to the aliases they spell, built once."""

    by_tokens: Mapping[tuple[str, ...], tuple[Alias, ...]]
    lengths: Mapping[str, tuple[int, ...]]  # first token -> possible lengths, longest first

    @classmethod
    def build(cls, entries: Sequence[EntryNames], nlp: Language) -> NameIndex:
        grouped: dict[tuple[str, ...], list[Alias]] = {}
        for item in entries:
            for name, kind in item.names:
                for form in alias_forms([t.text for t in nlp.make_doc(name)]):
                    grouped.setdefault(tuple(fold(t) for t in form), []).append(Alias(item.entry, form, kind))
        lengths: dict[str, set[int]] = {}
        for key in grouped:
            lengths.setdefault(key[0], set()).add(len(key))
        return cls(
            by_tokens={k: tuple(sorted(v, key=alias_rank)) for k, v in grouped.items()},
            lengths={k: tuple(sorted(v, reverse=True)) for k, v in lengths.items()},
        )

    def longest_at(self, folded: Sequence[str], words: Sequence[str], i: int) -> Segment | None:
        """The longest name starting at token i whose case fits."""
        for length in self.lengths.get(folded[i], ()):
            if i + length > len(folded):
                continue
            key = tuple(folded[i : i + length])
            aliases = self.by_tokens.get(key)
            if aliases is None:
                continue
            written = [strip_accents(w) for w in words[i : i + length]]
            fitting = tuple(a for a in aliases if a.fits_case(written))
            if fitting:
                return Segment(i, i + length, fitting)
        return None


# --------------------------------------------------------------------------- segments and chunks

OPPOSING_PREFIXES = frozenset({"anti", "counter"})
MAX_GAP = 2  # the longest glue between two names of one actor: "of the"
# Which slot may follow which, by the words between them.
_ADJACENT = frozenset(
    {
        (Slot.STATE, Slot.ORGANISATION), (Slot.STATE, Slot.AGENT), (Slot.STATE, Slot.PERSON),
        (Slot.ORGANISATION, Slot.AGENT), (Slot.ORGANISATION, Slot.PERSON),
        (Slot.AGENT, Slot.AGENT), (Slot.AGENT, Slot.PERSON), (Slot.AGENT, Slot.ORGANISATION),
        (Slot.PERSON, Slot.AGENT),  # "the Bush administration", "Putin aides": the person's state
    }
)
_POSSESSIVE = frozenset(
    {
        (Slot.STATE, Slot.ORGANISATION), (Slot.STATE, Slot.AGENT), (Slot.STATE, Slot.PERSON),
        (Slot.ORGANISATION, Slot.AGENT), (Slot.ORGANISATION, Slot.PERSON), (Slot.PERSON, Slot.AGENT),
    }
)
_LINKED = frozenset({(Slot.AGENT, Slot.STATE), (Slot.AGENT, Slot.ORGANISATION)})
_APPOSED = frozenset({(Slot.AGENT, Slot.PERSON)})


def is_title_word(token: Token) -> bool:
    """A capitalised word inside a sentence: likely a first name when a surname follows."""
    return token.is_title and not token.is_sent_start and token.i > 0


def segments_in(doc: Doc, index: NameIndex, start: int, end: int) -> list[Segment]:
    """Longest known names, left to right, between two token indexes."""
    words = [t.text for t in doc[start:end]]
    folded = [w.lower() if w.isascii() else fold(w) for w in words]
    found: list[Segment] = []
    i = 0
    while i < len(folded):
        segment = index.longest_at(folded, words, i) if folded[i] in index.lengths else None
        if segment and not surname_of_stranger(segment, doc, start, found) and not opposed(doc, segment.start + start):
            found.append(Segment(segment.start + start, segment.end + start, segment.aliases))
            i = segment.end
        else:
            i += 1
    return found


def opposed(doc: Doc, i: int) -> bool:
    """'an anti-Syria journalist', 'anti-American protesters': a name after "anti-" says whom the
    head opposes, not whose it is, so it names no actor of the phrase."""
    return i >= 2 and doc[i - 1].text == "-" and fold(doc[i - 2].text) in OPPOSING_PREFIXES


def surname_of_stranger(segment: Segment, doc: Doc, offset: int, found: list[Segment]) -> bool:
    """'Dwayne Johnson' is not Boris Johnson: a surname after an unknown first name is skipped."""
    if segment.aliases[0].kind is not NameKind.SURNAME or segment.start + offset == 0:
        return False
    previous, surname = doc[segment.start + offset - 1], doc[segment.start + offset]
    # at a sentence's start only the entity recogniser tells a first name from a capitalised word
    first_name = is_title_word(previous) or (
        previous.is_title and previous.ent_type_ == "PERSON" and surname.ent_iob_ == "I"
    )
    return first_name and not (found and found[-1].end > previous.i)


def joins(previous: Segment, gap: tuple[str, ...], following: Segment, grammar: Grammar) -> bool:
    """Whether two segments with these words between them name one actor."""
    pair = (previous.slot, following.slot)
    if not gap:
        return pair in _ADJACENT or (pair == (Slot.AGENT, Slot.STATE) and not previous.entry.incumbent)
    if gap[0] in grammar.possessives and len(gap) == 1:
        return pair in _POSSESSIVE
    if gap in grammar.linking:
        return pair in _LINKED
    return gap == (",",) and pair in _APPOSED


def written_name_after(doc: Doc, chunk: Chunk, limit: int) -> Chunk:
    """'Iranian President Foo Bar': a person's name the knowledge base lacks ends the chunk."""
    if chunk.segments[-1].slot not in (Slot.AGENT, Slot.ORGANISATION):
        return chunk
    end = chunk.end
    while end < limit and doc[end].ent_type_ == "PERSON" and doc[end].ent_iob_ != "O":
        end += 1
    if end == chunk.end:
        return chunk
    return Chunk(chunk.segments, doc[chunk.end : end].text, end)


def chunks_of(doc: Doc, segments: list[Segment], grammar: Grammar) -> list[Chunk]:
    """Group segments into chunks."""
    groups: list[list[Segment]] = []
    for segment in segments:
        if groups:
            previous = groups[-1][-1]
            near = segment.start - previous.end <= MAX_GAP
            gap = tuple(fold(t.text) for t in doc[previous.end : segment.start]) if near else ()
            if near and joins(previous, gap, segment, grammar):
                groups[-1].append(segment)
                continue
        groups.append([segment])
    return [Chunk(tuple(group)) for group in groups]


# --------------------------------------------------------------------------- reading a chunk


@dataclass(frozen=True, slots=True)
class Context:
    """What a chunk says around its head: the state, organisation and titles named with it."""

    country: str | None
    organisation: ActorEntry | None
    titles: tuple[str, ...]
    incumbent: bool
    seat: bool

    @classmethod
    def of(cls, chunk: Chunk) -> Context:
        states = chunk.of_slot(Slot.STATE)
        organisations = chunk.of_slot(Slot.ORGANISATION)
        agents = [s.entry for s in chunk.of_slot(Slot.AGENT)]
        return cls(
            country=states[0].entry.country if states else None,
            organisation=organisations[-1].entry if organisations else None,
            titles=tuple(t for a in agents for t in a.titles),
            incumbent=all(a.incumbent for a in agents),
            seat=any(a.kind is NameKind.SEAT for s in states for a in s.aliases),
        )

    @property
    def scope(self) -> str | None:
        return self.organisation.id if self.organisation else self.country


def agent_sector(chunk: Chunk) -> str | None:
    """The sector of the last agent word that has one ('foreign ministry spokesman' -> GOV)."""
    sectors = [s.entry.sector for s in chunk.of_slot(Slot.AGENT) if s.entry.sector]
    return sectors[-1] if sectors else None


def tenure_on(person: ActorEntry, on: date | None, titles: Sequence[str] = ()) -> Tenure | None:
    """The tenure a person held on a date (the nearest one otherwise; the latest without a date)."""
    if not person.tenures:
        return None
    if on is None:
        return max(person.tenures, key=lambda t: (t.end is None, t.end or date.min))
    return min(person.tenures, key=lambda t: (t.distance(on), t.title not in titles))


def service_days(person: ActorEntry, until: date) -> int:
    """Days a person spent in office up to a day: who is meant by a bare surname without a date."""
    return sum(((t.end or until) - (t.start or until)).days for t in person.tenures)


def person_score(person: ActorEntry, on: date | None, context: Context) -> tuple[int, int, int]:
    """Rank people sharing a name: in office on the date, from the named state, nearest in time.

    Without a date the longest-serving wins: "Blair" is Tony Blair, not a later minister.
    """
    tenure = tenure_on(person, on, context.titles)
    in_office = int(tenure is not None and on is not None and tenure.covers(on))
    countries = {person.country} | {t.country for t in person.tenures}
    scopes = countries | {t.organisation for t in person.tenures}
    named = int(context.scope in scopes or context.country in countries)
    if on is None:
        return (in_office, named, service_days(person, date.today()))
    return (in_office, named, -tenure.distance(on) if tenure else -(10**6))


@dataclass(frozen=True, slots=True)
class Incumbents:
    """Who held which title where, for reading "the Iranian president" on a date."""

    holders: Mapping[tuple[str, str], tuple[tuple[Tenure, ActorEntry], ...]]

    @classmethod
    def build(cls, entries: Iterable[ActorEntry]) -> Incumbents:
        grouped: dict[tuple[str, str], list[tuple[Tenure, ActorEntry]]] = {}
        for entry in entries:
            for tenure in entry.tenures:
                if tenure.scope:
                    grouped.setdefault((tenure.title, tenure.scope), []).append((tenure, entry))
        return cls({k: tuple(v) for k, v in grouped.items()})

    def holder(self, titles: Sequence[str], scope: str | None, on: date | None) -> ActorEntry | None:
        """The person holding the first of the titles that someone held on the date."""
        if on is None or scope is None:
            return None
        for title in titles:
            for tenure, person in self.holders.get((title, scope), ()):
                if tenure.covers(on):
                    return person
        return None


# --------------------------------------------------------------------------- the knowledge base


@dataclass(frozen=True, slots=True)
class ActorKB:
    """Every known actor, matched in parsed documents."""

    entries: Mapping[str, ActorEntry]
    index: NameIndex
    incumbents: Incumbents
    grammar: Grammar
    nlp: Language = field(repr=False)

    @classmethod
    def load(cls, extra_files: Sequence[Path] = ()) -> ActorKB:
        """The shipped knowledge base plus user files (a user entry replaces a shipped one by id)."""
        user = [e for path in extra_files for e in read_user_file(Path(path))]
        shipped = [e for name, text in shipped_texts() for e in parse_actor_file(text, name)]
        return cls.from_entries(merge_entries(shipped, user), shipped_grammar())

    @classmethod
    def from_entries(cls, entries: Sequence[EntryNames], grammar: Grammar) -> ActorKB:
        check_references(entries)
        nlp = spacy.blank("en")
        return cls(
            entries={e.entry.id: e.entry for e in entries},
            index=NameIndex.build(entries, nlp),
            incumbents=Incumbents.build(e.entry for e in entries),
            grammar=grammar,
            nlp=nlp,
        )

    # ---- public API

    def resolve(self, phrase: Span, on: date | None) -> ActorMention | None:
        """The most specific actor a noun phrase names, or None when it names none."""
        chunks = self.chunks(phrase.doc, phrase.start, phrase.end)
        chunk = head_chunk(phrase, chunks)
        if chunk is None or is_modifier(phrase, chunk) or names_a_thing(phrase, chunk):
            return None
        return self.mention(phrase.doc, chunk, on, chunks)

    def names_place(self, phrase: Span) -> bool:
        """Whether the phrase is a capital after a locative ("met in Ashgabat"): a place, not an actor."""
        chunk = head_chunk(phrase, self.chunks(phrase.doc, phrase.start, phrase.end))
        return chunk is not None and self.is_place(phrase.doc, chunk)

    def find(self, doc: Doc, on: date | None) -> list[ActorMention]:
        """Every actor mention in a document, in order, without overlaps."""
        chunks = [c for c in self.chunks(doc, 0, len(doc)) if not self.is_place(doc, c)]
        chunks = [c for c in chunks if not (c.only_states and in_compound_adjective(doc, c))]
        mentions = (self.mention(doc, chunk, on, chunks) for chunk in chunks)
        return [m for m in mentions if m is not None]

    def lookup(self, text: str, on: date | None = None) -> ActorCode | None:
        """The actor a bare name or alias stands for: 'U.S.', 'the Kremlin', 'MI6'."""
        doc = self.nlp.make_doc(text)
        chunks = self.chunks(doc, 0, len(doc))
        if not chunks:
            return None
        chunk = max(chunks, key=lambda c: c.end - c.start)
        mention = self.mention(doc, chunk, on)
        return mention.code if mention else None

    # ---- internals

    def chunks(self, doc: Doc, start: int, end: int) -> list[Chunk]:
        segments = segments_in(doc, self.index, start, end)
        limits = [s.start for s in segments[1:]] + [end]
        chunks = chunks_of(doc, segments, self.grammar)
        if not doc.has_annotation("ENT_IOB"):
            return chunks
        return [written_name_after(doc, c, next(x for x in limits if x >= c.end)) for c in chunks]

    def is_place(self, doc: Doc, chunk: Chunk) -> bool:
        """'in Moscow' is a place; 'Moscow said' is the Russian government."""
        only_capitals = all(a.kind is NameKind.CAPITAL for s in chunk.segments for a in s.aliases[:1])
        return only_capitals and chunk.start > 0 and fold(doc[chunk.start - 1].text) in self.grammar.locative

    def mention(self, doc: Doc, chunk: Chunk, on: date | None, around: Sequence[Chunk] = ()) -> ActorMention | None:
        code = self.code_of(chunk, on)
        if code is None:
            return None
        if code.country is None and code.known_group is None:
            code = replace(code, country=conjoined_country(doc, chunk, around))
        span = doc[chunk.start : chunk.end]
        return ActorMention(code=code, text=span.text, start=span.start_char, end=span.end_char)

    def code_of(self, chunk: Chunk, on: date | None) -> ActorCode | None:
        """A chunk read as its most specific actor."""
        context = Context.of(chunk)
        if chunk.written_name is not None:
            return self.written_person_code(chunk, context)
        people = chunk.of_slot(Slot.PERSON)
        if people:
            candidates = [a.entry for a in people[-1].aliases if a.entry.kind is EntryKind.PERSON]
            person = max(candidates, key=lambda p: person_score(p, on, context))
            code = self.person_code(person, on, context)
            if chunk.segments[-1].slot is Slot.PERSON:
                return code
            # "Putin's spokesman": the person only says whose agent it is
            return self.agent_code(chunk, replace(context, country=code.country, incumbent=False), on)
        if context.organisation is not None:
            return self.organisation_code(chunk, context, on)
        if chunk.of_slot(Slot.AGENT):
            return self.agent_code(chunk, context, on)
        return self.state_code(chunk, context)

    def written_person_code(self, chunk: Chunk, context: Context) -> ActorCode | None:
        """'MI5 chief Jane Roe': the title's code with the name as written, no office holder."""
        unnamed = replace(context, incumbent=False)
        if unnamed.organisation is not None:
            code: ActorCode | None = self.organisation_code(chunk, unnamed, None)
        else:
            code = self.agent_code(chunk, unnamed, None)
        return code and replace(code, name=chunk.written_name)

    def organisation_code(self, chunk: Chunk, context: Context, on: date | None) -> ActorCode:
        """'MI5', 'MI5 chief' (with the chief on the date), 'NATO troops'."""
        organisation = context.organisation
        assert organisation is not None
        members = agent_sector(chunk) if organisation.sector in SECTORS_TAKEN_FROM_MEMBERS else None
        code = organisation.code(members, context.country)
        holder = self.holder(context, on)
        if holder is None:
            return code
        return ActorCode(code.country, code.known_group, code.sector, holder.name, holder.id)

    def agent_code(self, chunk: Chunk, context: Context, on: date | None) -> ActorCode | None:
        """'Russian forces', 'the Iranian president' (named by the date), 'police'."""
        sector = agent_sector(chunk) or ("GOV" if context.country else None)
        if sector is None:
            return None
        holder = self.holder(context, on)
        if holder is not None:
            return self.person_code(holder, on, context)
        agent = chunk.of_slot(Slot.AGENT)[-1].entry
        return ActorCode(context.country, None, sector, None, agent.id)

    def state_code(self, chunk: Chunk, context: Context) -> ActorCode:
        """'Iran', 'Tehran', 'the Kremlin' (a seat of power is the government)."""
        state = chunk.of_slot(Slot.STATE)[-1].entry
        return state.code("GOV" if context.seat else None)

    def person_code(self, person: ActorEntry, on: date | None, context: Context) -> ActorCode:
        """A known person's code: the state and sector of the office held on the date.

        Heads of organisations speak for the organisation: its country, known_group and sector.
        """
        tenure = tenure_on(person, on, context.titles)
        if tenure is None:
            return person.code()
        led = self.entries.get(tenure.organisation) if tenure.organisation else None
        if led is None:
            return ActorCode(tenure.country, person.known_group, tenure.sector or person.sector, person.name, person.id)
        sector = tenure.sector or led.sector
        return ActorCode(tenure.country or led.country, led.known_group, sector, person.name, person.id)

    def holder(self, context: Context, on: date | None) -> ActorEntry | None:
        if not context.incumbent or not context.titles:
            return None
        return self.incumbents.holder(context.titles, context.scope, on)


# --------------------------------------------------------------------------- choosing in a phrase


def conjoined_country(doc: Doc, chunk: Chunk, around: Sequence[Chunk]) -> str | None:
    """'British intelligence and police': a bare agent shares the state of the agent it is joined to."""
    if not doc.has_annotation("DEP") or any(s.slot is not Slot.AGENT for s in chunk.segments):
        return None
    token = doc[chunk.end - 1]
    if token.dep_ != "conj":
        return None
    partner = next((c for c in around if c.start <= token.head.i < c.end), None)
    return Context.of(partner).country if partner is not None else None


def depth_below(token: Token, root: Token) -> int:
    """Steps from a token up to the phrase root (large when it never gets there)."""
    steps = 0
    while token.i != root.i and token.head.i != token.i and steps < 64:
        token, steps = token.head, steps + 1
    return steps if token.i == root.i else 64


def head_chunk(phrase: Span, chunks: list[Chunk]) -> Chunk | None:
    """The chunk nearest the phrase's syntactic head ('the leaders of Iran' -> the leaders)."""
    if not chunks:
        return None
    if not phrase.doc.has_annotation("DEP"):
        return chunks[0]
    root = phrase.root
    return min(chunks, key=lambda c: min(depth_below(t, root) for t in phrase.doc[c.start : c.end]))


def names_a_thing(phrase: Span, chunk: Chunk) -> bool:
    """'the details of Zelensky's plan': the head is a common noun no actor word covers."""
    root = phrase.root
    covered = chunk.start <= root.i < chunk.end
    return phrase.doc.has_annotation("POS") and not covered and root.pos_ == "NOUN"


def in_compound_adjective(doc: Doc, chunk: Chunk) -> bool:
    """'Iranian-backed', 'Moscow-based', 'U.S.-led': the state word is part of an adjective."""
    end = chunk.end
    return end + 1 < len(doc) and doc[end].text == "-" and doc[end + 1].is_lower


def is_modifier(phrase: Span, chunk: Chunk) -> bool:
    """'Iranian drones': a bare state word that only modifies the head names no actor."""
    if not chunk.only_states:
        return False
    doc = phrase.doc
    if in_compound_adjective(doc, chunk):
        return True
    if doc.has_annotation("DEP"):
        return not (chunk.start <= phrase.root.i < chunk.end)
    following = doc[chunk.end] if chunk.end < phrase.end else None
    return following is not None and following.is_alpha and following.is_lower and following.text != "and"
