"""PETRARCH2's CAMEO verb dictionary, read into a verb index: the broad second layer of the lexicon.

The dictionary (``data/vendor/CAMEO.2.0.txt``, MIT, Open Event Data Alliance) has three parts:
synonym sets (``&NAME`` with ``+WORD`` members), verb blocks (``---  NAME  [CODE]  ---`` with the
block's verbs, their irregular forms in braces and own codes, then pattern lines ``- ... * ... [CODE]``)
and transformations (not read). ``read_verb_dictionary`` parses the text; ``cameo_index`` compiles the
shipped file once into verb form -> entries, each entry with its block's patterns and default code.
``PloverCodes`` turns a CAMEO code into our PLOVER type, mode and Goldstein weight, reading PLOVER's
``CAMEO2PLOVER-2021.txt`` (CC BY-SA 4.0) with the departures of our own scheme (docs/coding.md).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from spacy.tokens import Token

from worldorder.coding.event_types import EventType, EventTypeTable

VENDOR = "data/vendor"
DICTIONARY_FILE = "CAMEO.2.0.txt"
PLOVER_FILE = "CAMEO2PLOVER-2021.txt"
NO_EVENT = "---"
SECTION_BANNER = re.compile(r"^#+\s*(SYNONYM SETS|VERB PATTERNS|TRANSFORMATIONS)\s*#+")
BLOCK_HEADER = re.compile(r"^---\s+(\S+)\s+\[([^\]]*)\]\s*---")
CODE = re.compile(r"\[([^\]]*)\]\s*$")
PATTERN_TOKEN = re.compile(r"[(){}*]|[^\s(){}*]+")
TABARI_MARKS = frozenset({"$", "+", "^", "%"})  # source, target, skip, compound actor: not read
STATEMENT_ROOT = "01"  # CAMEO 01 make statement: no event in PLOVER
APPEAL_ROOT = "02"
# CAMEO 040 is "consult, not specified"; our CONSULT invite mode only borrows the code PETRARCH2 gives INVITE
UNNAMED_CODES = frozenset({"040"})  # CAMEO 02 appeal: dropped by PLOVER, REQUEST appeal in our scheme


# --- the dictionary's vocabulary ---------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Term:
    """One word slot of a pattern: any of its alternatives, each a run of words ("human rights")."""

    alternatives: frozenset[tuple[str, ...]]
    # the one-word alternatives as a set and the longer ones apart, so most checks are one set test
    singles: frozenset[str] = field(init=False, compare=False, hash=False, repr=False)
    runs: tuple[tuple[str, ...], ...] = field(init=False, compare=False, hash=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "singles", frozenset(a[0] for a in self.alternatives if len(a) == 1))
        object.__setattr__(self, "runs", tuple(a for a in self.alternatives if len(a) != 1))

    def found_in(self, words: frozenset[str]) -> bool:
        """Whether every word of one alternative is among ``words`` (order and adjacency ignored)."""
        if not self.singles.isdisjoint(words):
            return True
        return any(all(w in words for w in alternative) for alternative in self.runs)


@dataclass(frozen=True, slots=True)
class PrepPhrase:
    """``(FOR AID)``: a preposition and the words of its object (none for a bare ``(TO)``)."""

    prep: str
    terms: tuple[Term, ...]


@dataclass(frozen=True, slots=True)
class Codes:
    """A pattern's or block's CAMEO codes: active reading and passive reading (None: no event)."""

    active: str | None
    passive: str | None

    def pick(self, passive: bool) -> str | None:
        return self.passive if passive else self.active


@dataclass(frozen=True, slots=True)
class Pattern:
    """A pattern line: words before the verb (subject side), after it (objects) and prepositional phrases."""

    before: tuple[Term, ...]
    after: tuple[Term, ...]
    preps: tuple[PrepPhrase, ...]
    codes: Codes
    text: str

    @property
    def weight(self) -> int:
        """How much the pattern asks for: the most specific matching pattern wins."""
        return len(self.before) + len(self.after) + sum(1 + len(p.terms) for p in self.preps)


@dataclass(frozen=True, slots=True)
class VerbBlock:
    """A verb block: its general name, default codes and the patterns its verbs share."""

    name: str
    codes: Codes
    patterns: tuple[Pattern, ...]


@dataclass(frozen=True, slots=True)
class Verb:
    """A verb of a block: base form, inflected forms, the other words of a multi-word verb, own codes."""

    base: str
    forms: frozenset[str]
    words: tuple[str, ...]  # "call_off": ("off",); "wire_tap": ("wire",)
    codes: Codes | None
    block: VerbBlock

    @property
    def default(self) -> Codes:
        """The verb's own code, else its block's."""
        return self.codes or self.block.codes


@dataclass(frozen=True, slots=True)
class VerbDictionary:
    """The parsed dictionary: synonym sets and verbs (transformations are not read)."""

    synonyms: Mapping[str, frozenset[tuple[str, ...]]]
    verbs: tuple[Verb, ...]

    def index(self) -> dict[str, tuple[Verb, ...]]:
        """Verb form (base and inflected forms, lower case) -> the verbs it may be."""
        found: dict[str, list[Verb]] = {}
        for verb in self.verbs:
            for form in sorted(verb.forms | {verb.base}):
                found.setdefault(form, []).append(verb)
        return {form: tuple(verbs) for form, verbs in found.items()}


# --- reading ------------------------------------------------------------------------------------


def _strip_comment(line: str) -> str:
    return line.split("#", 1)[0].rstrip()


def sections(text: str) -> dict[str, list[str]]:
    """The file's lines by part: "SYNONYM SETS", "VERB PATTERNS", "TRANSFORMATIONS"."""
    found: dict[str, list[str]] = {}
    current: list[str] | None = None
    for line in text.splitlines():
        if banner := SECTION_BANNER.match(line):
            current = found.setdefault(banner.group(1), [])
        elif current is not None:
            current.append(line)
    return found


def plural(word: str) -> str:
    """The regular plural PETRARCH generates for a synonym-set member ("policy" -> "policies")."""
    if word.endswith("y") and len(word) > 1 and word[-2] not in "aeiou":
        return word[:-1] + "ies"
    if word.endswith(("s", "x", "z", "ch", "sh")):
        return word + "es"
    return word + "s"


def _phrase(word: str) -> tuple[str, ...]:
    return tuple(w for w in word.lower().split("_") if w)


def _member_forms(member: str, set_plurals: bool) -> Iterator[tuple[str, ...]]:
    words = _phrase(member)
    if not words:
        return
    yield words
    if set_plurals and not member.endswith("_"):
        yield (*words[:-1], plural(words[-1]))


def _set_key(name: str) -> str:
    """``&CURRENCY`` and ``&AUXVERB1_`` -> "currency", "auxverb1": how patterns name a set."""
    return name.lstrip("&").lower().rstrip("_")


def read_synonyms(lines: Iterable[str]) -> dict[str, frozenset[tuple[str, ...]]]:
    """``&NAME`` followed by ``+WORD`` lines; plurals unless the word or the set name ends in ``_``."""
    found: dict[str, set[tuple[str, ...]]] = {}
    name: str | None = None
    for raw in lines:
        line = _strip_comment(raw).strip()
        if line.startswith("&"):
            name = line.split()[0]
            found.setdefault(_set_key(name), set())
        elif line.startswith("+") and name is not None:
            members = found[_set_key(name)]
            members.update(_member_forms(line[1:].split()[0], not name.endswith("_")))
    return {k: frozenset(v) for k, v in found.items()}


def read_codes(field: str) -> Codes:
    """``042:043`` active:passive, ``:173`` passive only, ``---`` no event, ``080!`` a stray mark."""
    active, _, passive = field.partition(":")
    clean = [re.sub(r"[^0-9-]", "", part) for part in (active, passive)]
    first, second = (c if c and c != NO_EVENT and c.isdigit() else None for c in clean)
    if ":" not in field:
        return Codes(first, first)
    return Codes(first, second)


def _conjugate(base: str) -> set[str]:
    """The regular -s, -ed and -ing forms PETRARCH generates for a verb."""
    third = plural(base)
    if base.endswith("e"):
        past, gerund = base + "d", (base + "ing" if base.endswith("ee") else base[:-1] + "ing")
    elif base.endswith("y") and len(base) > 1 and base[-2] not in "aeiou":
        past, gerund = base[:-1] + "ied", base + "ing"
    else:
        past, gerund = base + "ed", base + "ing"
    return {third, past, gerund}


def _split_verb(word: str) -> tuple[str, tuple[str, ...]]:
    """``+CALL_OFF`` -> ("call", ("off",)); ``WIRE_+TAP`` -> ("tap", ("wire",)): the inflecting word first."""
    parts = [p for p in word.split("_") if p]
    head = next((i for i, p in enumerate(parts) if p.startswith("+")), 0)
    words = [p.lstrip("+").lower() for p in parts]
    return words[head], tuple(w for i, w in enumerate(words) if i != head)


def read_verb_line(line: str, block: VerbBlock) -> Verb | None:
    """``SEEK {SEEKS SEEKING SOUGHT } [020]``: base, irregular forms, own code."""
    body = _strip_comment(line)
    code = CODE.search(body)
    body = body[: code.start()] if code else body
    irregular = re.search(r"\{([^}]*)\}", body)
    head = body[: irregular.start()] if irregular else body
    if not head.split():
        return None
    base, words = _split_verb(head.split()[0])
    forms = {_split_verb(f)[0] for f in irregular.group(1).split()} if irregular else set()
    if not irregular and not words:
        forms |= _conjugate(base)
    codes = read_codes(code.group(1)) if code else None
    return Verb(base, frozenset(forms), words, codes, block)


class UnknownSet(ValueError):
    """A pattern names a synonym set the dictionary does not define: the pattern is left out."""


def _term(word: str, synonyms: Mapping[str, frozenset[tuple[str, ...]]]) -> Term | None:
    if word in TABARI_MARKS or not re.search(r"[A-Za-z]", word):
        return None
    if word.startswith("&"):
        members = synonyms.get(_set_key(word))
        if not members:
            raise UnknownSet(word)
        return Term(members)
    words = _phrase(word)
    return Term(frozenset({words})) if words else None


def read_pattern(line: str, synonyms: Mapping[str, frozenset[tuple[str, ...]]]) -> Pattern | None:
    """``- &MILITARY * {ARMS SHIPMENT} (TO BORDER) [154:154]  # RUSH``."""
    body = _strip_comment(line).lstrip("-").strip()
    code = CODE.search(body)
    if code is None or "*" not in body:
        return None
    before: list[Term] = []
    after: list[Term] = []
    preps: list[PrepPhrase] = []
    side = before
    tokens = PATTERN_TOKEN.findall(body[: code.start()])
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if token == "*":
            side = after
        elif token == "(":
            close = tokens.index(")", i) if ")" in tokens[i:] else len(tokens)
            inner = [t for t in tokens[i + 1 : close] if t not in "{}"]
            if inner and _phrase(inner[0]):
                terms = tuple(t for w in inner[1:] if (t := _term(w, synonyms)) is not None)
                preps.append(PrepPhrase(_phrase(inner[0])[0], terms))
            i = close
        elif token not in "{})" and (term := _term(token, synonyms)) is not None:
            side.append(term)
        i += 1
    if not (before or after or preps):  # only TABARI marks: nothing a parse can check
        return None
    return Pattern(tuple(before), tuple(after), tuple(preps), read_codes(code.group(1)), " ".join(body.split()))


def _known_pattern(line: str, synonyms: Mapping[str, frozenset[tuple[str, ...]]]) -> Pattern | None:
    try:
        return read_pattern(line, synonyms)
    except UnknownSet:
        return None


def read_verb_blocks(lines: Iterable[str], synonyms: Mapping[str, frozenset[tuple[str, ...]]]) -> tuple[Verb, ...]:
    """Verb blocks: a header, verb lines, then pattern lines shared by the block's verbs."""
    verbs: list[Verb] = []
    chunks = _blocks(lines)
    for name, codes, verb_lines, pattern_lines in chunks:
        patterns = tuple(p for line in pattern_lines if (p := _known_pattern(line, synonyms)) is not None)
        block = VerbBlock(name, codes, patterns)
        verbs.extend(v for line in verb_lines if (v := read_verb_line(line, block)) is not None)
    return tuple(verbs)


def _blocks(lines: Iterable[str]) -> Iterator[tuple[str, Codes, list[str], list[str]]]:
    current: tuple[str, Codes, list[str], list[str]] | None = None
    for raw in lines:
        if header := BLOCK_HEADER.match(raw):
            if current is not None:
                yield current
            current = (header.group(1).lower(), read_codes(header.group(2)), [], [])
        elif current is not None and _strip_comment(raw).strip():
            (current[3] if raw.lstrip().startswith("-") else current[2]).append(raw)
    if current is not None:
        yield current


def read_verb_dictionary(text: str) -> VerbDictionary:
    """Parse a PETRARCH2 verb dictionary (synonym sets and verb blocks; transformations are skipped)."""
    parts = sections(text)
    synonyms = read_synonyms(parts.get("SYNONYM SETS", []))
    return VerbDictionary(synonyms, read_verb_blocks(parts.get("VERB PATTERNS", []), synonyms))


def _vendored(name: str) -> str:
    return resources.files("worldorder.coding").joinpath(f"{VENDOR}/{name}").read_text("utf-8")


@lru_cache(maxsize=1)
def shipped_dictionary() -> VerbDictionary:
    """The shipped ``CAMEO.2.0.txt``, parsed once per process (a cache, not a setting)."""
    return read_verb_dictionary(_vendored(DICTIONARY_FILE))


# --- CAMEO code -> our PLOVER type, mode and Goldstein weight -------------------------------------


@dataclass(frozen=True, slots=True)
class CodedEvent:
    """What a CAMEO code means in our scheme."""

    cameo: str
    event_type: str
    mode: str | None
    goldstein: float


def read_plover_table(text: str) -> dict[str, str]:
    """``173: COERCE, arrest, legal # ...`` -> {"173": "COERCE"}; 2-digit heading lines are skipped."""
    found: dict[str, str] = {}
    for raw in text.splitlines():
        code, colon, rest = _strip_comment(raw).partition(":")
        code = code.strip()
        if colon and code.isdigit() and len(code) >= 3 and rest.strip():
            found[code] = rest.split(",")[0].strip()
    return found


def _ancestor(mode_code: str, code: str) -> bool:
    """Whether a mode's code is the code or above it in CAMEO's tree ("182" over "1823", "100" over "1041")."""
    stem = mode_code[:2] if len(mode_code) == 3 and mode_code.endswith("0") else mode_code
    return code.startswith(stem)


class PloverCodes:
    """CAMEO code -> PLOVER type (CAMEO2PLOVER), mode and Goldstein weight (our event_types.yaml)."""

    def __init__(self, plover: Mapping[str, str], types: EventTypeTable) -> None:
        self._plover = dict(plover)
        self._types = types

    @classmethod
    def load(cls, types: EventTypeTable) -> PloverCodes:
        return cls(read_plover_table(_vendored(PLOVER_FILE)), types)

    def event(self, code: str) -> CodedEvent | None:
        """Our coding of a CAMEO code, or None for statements (01x) and codes no table knows."""
        if code.startswith(STATEMENT_ROOT):
            return None
        name = self._type_name(code)
        if name is None:
            return None
        event_type = self._types[name]
        mode = "appeal" if code.startswith(APPEAL_ROOT) else self._mode(event_type, code)
        weight = event_type.modes[mode].goldstein if mode else event_type.goldstein
        return CodedEvent(code, name, mode, weight)

    def _type_name(self, code: str) -> str | None:
        """The one type of ours with the exact code as a mode ("057" is AGREE sign), else CAMEO2PLOVER's."""
        if code.startswith(APPEAL_ROOT):
            return "REQUEST"
        plover = self._plover.get(code) or self._plover.get(code[:3])
        owners = [t for t in self._types.names() if self._exact_mode(self._types[t], code)]
        if len(owners) == 1:
            return owners[0]
        return plover if plover in self._types else None

    @staticmethod
    def _exact_mode(event_type: EventType, code: str) -> str | None:
        return next((m for m, c in event_type.modes.items() if c.cameo == code and code not in UNNAMED_CODES), None)

    @staticmethod
    def _mode(event_type: EventType, code: str) -> str | None:
        """The most specific mode at or above the code in CAMEO's tree ("1823" is ASSAULT beat, 182)."""
        fitting = [
            (len(c.cameo), c.cameo == code, m)
            for m, c in event_type.modes.items()
            if c.cameo not in UNNAMED_CODES and _ancestor(c.cameo, code)
        ]
        return max(fitting, key=lambda f: f[:2])[2] if fitting else None


# --- matching a parsed verb -----------------------------------------------------------------------
# A simplified reading of PETRARCH2's patterns over a dependency parse: a pattern matches when each
# of its words is found among the verb's arguments (order, adjacency and the TABARI source/target
# marks are ignored; see docs/coding.md, "The PETRARCH2 layer").

OBJECT_DEPS = frozenset({"dobj", "attr", "oprd", "prt", "dative"})  # nouns and particles, not adjectives or adverbs
CLAUSE_DEPS = frozenset({"xcomp", "ccomp"})
PREP_DEPS = frozenset({"prep", "agent", "dative", "prt"})
NAMING_DEPS = frozenset({"compound", "amod", "nmod", "poss"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})


@dataclass(frozen=True, slots=True)
class CameoOptions:
    """How broadly the PETRARCH2 layer codes (``petrarch`` section of triggers.yaml)."""

    enabled: bool = True  # the layer is used at all
    # when no pattern matches, a bare verb codes: "all" its own code or else its block's default,
    # "verb" only a code the dictionary gives that verb itself (``EVACUATE [070]``), "none" nothing
    defaults: str = "verb"
    patterns_only: frozenset[str] = frozenset()  # verbs too generic to code without a pattern
    skipped: frozenset[str] = frozenset()  # verbs the layer never codes
    sentence_fallback: bool = False  # code only sentences in which no own entry matched

    @classmethod
    def from_spec(cls, spec: Mapping[str, object] | None) -> CameoOptions:
        spec = spec or {}
        return cls(
            enabled=bool(spec.get("enabled", True)),
            defaults=str(spec.get("defaults", "verb")),
            patterns_only=frozenset(str(v).lower() for v in _listed(spec.get("patterns_only"))),
            skipped=frozenset(str(v).lower() for v in _listed(spec.get("skipped"))),
            sentence_fallback=bool(spec.get("sentence_fallback", False)),
        )


def _listed(value: object) -> list[object]:
    return list(value) if isinstance(value, list | tuple | set | frozenset) else []


@dataclass(frozen=True, slots=True)
class CameoMatch:
    """A verb the PETRARCH2 layer codes: the dictionary verb, the pattern (None: the default) and the event."""

    verb: str
    pattern: str | None
    event: CodedEvent


def _words(tokens: Iterable[Token]) -> frozenset[str]:
    """Lemmas and surface forms of the tokens and of what names them ("arms shipment", "human rights")."""
    found: set[str] = set()
    for token in tokens:
        for t in (token, *(c for c in token.children if c.dep_ in NAMING_DEPS)):
            found.update((t.lemma_.lower(), t.lower_))
    return frozenset(found)


def passive(verb: Token) -> bool:
    """A passive clause ("was detained") or a reduced passive relative ("protesters detained by police")."""
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children):
        return True
    return verb.tag_ == "VBN" and verb.dep_ == "acl"


def object_words(verb: Token, is_passive: bool) -> frozenset[str]:
    """The words after the verb a pattern may name: objects, particles, complements and their objects."""
    tokens: list[Token] = []
    for child in verb.children:
        if child.dep_ in OBJECT_DEPS or (is_passive and child.dep_ == "nsubjpass"):
            tokens.extend((child, *child.conjuncts))
        elif child.dep_ in CLAUSE_DEPS:
            tokens.append(child)
            tokens.extend(o for o in child.children if o.dep_ in ("dobj", "attr"))
    return _words(tokens)


def subject_words(verb: Token) -> frozenset[str]:
    """The words before the verb a pattern may name: the subject and what names it."""
    return _words(s for c in verb.children if c.dep_ in SUBJECT_DEPS for s in (c, *c.conjuncts))


def _prep_tokens(verb: Token) -> Iterator[Token]:
    for child in verb.children:
        if child.dep_ in PREP_DEPS:
            yield child
        elif child.dep_ in ("dobj", "nsubjpass"):  # "sent troops to the border" parsed onto the object
            yield from (p for p in child.children if p.dep_ == "prep")


@dataclass(frozen=True, slots=True)
class Frame:
    """What a verb's patterns are matched against, read from the parse once per verb."""

    objects: frozenset[str]
    subjects: frozenset[str]
    preps: tuple[tuple[str, frozenset[str]], ...]  # preposition, words of its object
    passive: bool

    @classmethod
    def of(cls, verb: Token) -> Frame:
        is_passive = passive(verb)
        preps = tuple((p.lower_, _words(w for w in p.subtree if w.i != p.i)) for p in _prep_tokens(verb))
        return cls(object_words(verb, is_passive), subject_words(verb), preps, is_passive)

    def has_prep(self, phrase: PrepPhrase) -> bool:
        return any(p == phrase.prep and all(t.found_in(w) for t in phrase.terms) for p, w in self.preps)

    def fits(self, pattern: Pattern) -> bool:
        """Whether every word and prepositional phrase of the pattern is found among the verb's arguments."""
        return (
            all(t.found_in(self.objects) for t in pattern.after)
            and all(t.found_in(self.subjects) for t in pattern.before)
            and all(self.has_prep(p) for p in pattern.preps)
        )


class CameoMatcher:
    """Matches parsed verbs against the dictionary; codes through ``PloverCodes``."""

    def __init__(self, index: Mapping[str, tuple[Verb, ...]], codes: PloverCodes, options: CameoOptions) -> None:
        self._index = index
        self._codes = codes
        self._options = options

    @property
    def options(self) -> CameoOptions:
        return self._options

    @classmethod
    def load(cls, types: EventTypeTable, options: CameoOptions) -> CameoMatcher:
        return cls(shipped_index(), PloverCodes.load(types), options)

    def verbs(self, token: Token) -> list[Verb]:
        """The dictionary verbs the token may be, multi-word verbs first, whose other words are present."""
        keys = dict.fromkeys((token.lemma_.lower(), token.lower_))
        found = [v for k in keys for v in self._index.get(k, ()) if self._allowed(v, token)]
        unique = {id(v): v for v in found}.values()  # by identity: hashing a verb hashes all its patterns
        return sorted(unique, key=lambda v: -len(v.words))

    def _allowed(self, verb: Verb, token: Token) -> bool:
        if verb.base in self._options.skipped:
            return False
        children = {w for c in token.children for w in (c.lower_, c.lemma_.lower())}
        return all(w in children for w in verb.words)

    def match(self, token: Token) -> CameoMatch | None:
        """The most specific pattern of the token's verbs, else the verb's default code, as our event."""
        verbs = self.verbs(token)
        if not verbs:
            return None
        frame = Frame.of(token)
        fitting = [(p, v) for v in verbs for p in v.block.patterns if _applies(p, frame.passive) and frame.fits(p)]
        if fitting:
            pattern, verb = max(fitting, key=lambda f: f[0].weight)
            return self._coded(verb, pattern.text, pattern.codes.pick(frame.passive))
        verb = verbs[0]
        codes = self._default(verb)
        return self._coded(verb, None, codes.pick(frame.passive)) if codes is not None else None

    def _default(self, verb: Verb) -> Codes | None:
        """The codes a verb no pattern matches stands for under the ``defaults`` option."""
        if verb.base in self._options.patterns_only or self._options.defaults == "none":
            return None
        return verb.default if self._options.defaults == "all" else verb.codes

    def _coded(self, verb: Verb, pattern: str | None, code: str | None) -> CameoMatch | None:
        event = self._codes.event(code) if code else None
        name = "_".join((verb.base, *verb.words))
        return CameoMatch(name, pattern, event) if event is not None else None


def _applies(pattern: Pattern, is_passive: bool) -> bool:
    """A pattern coded for the other voice only (``[:173]`` read actively) does not apply; ``[---]`` does."""
    codes = pattern.codes
    return codes.pick(is_passive) is not None or (codes.active is None and codes.passive is None)


@lru_cache(maxsize=1)
def shipped_index() -> dict[str, tuple[Verb, ...]]:
    """The shipped dictionary's verb index, compiled once per process."""
    return shipped_dictionary().index()
