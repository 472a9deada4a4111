"""The trigger lexicon: which verbs, nouns and verb phrases tell which PLOVER event.

The lexicon ships as ``data/triggers.yaml``. It is read once into dictionaries keyed by
lemma, so finding the triggers of a sentence is one dictionary look-up per token.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from importlib import resources
from typing import Any

import yaml
from spacy.tokens import Span, Token

from worldorder.coding.cameo_dictionary import CameoMatch, CameoMatcher, CameoOptions
from worldorder.coding.event_types import EventTypeTable, ModeCode
from worldorder.coding.parties import names_party

VERB_TAGS = frozenset({"VERB"})
NOUN_TAGS = frozenset({"NOUN", "PROPN"})
OBJECT_DEPS = frozenset({"dobj", "nsubjpass", "attr", "oprd"})
MODIFIER_DEPS = frozenset({"compound", "amod", "nmod"})
NAME_ENTITIES = frozenset({"DATE", "TIME", "PERSON", "ORG", "GPE", "LOC", "FAC", "WORK_OF_ART", "LAW", "PRODUCT"})
CONTENT_DEPS = frozenset({"xcomp", "ccomp", "acl"})
# "arrived on a visit", "engaged in talks", "left for negotiations"
EVENT_FRAME_PREPS = frozenset({"on", "in", "for", "into"})
CONDITION_MARKS = frozenset({"if", "unless", "until", "before"})
# verbs whose object is a standing state, not an event told: "monitor a ceasefire", "enforce an embargo"
# or a backdrop fled from: "refugees fleeing the war"
STATE_GOVERNORS = frozenset(
    {"oversee", "monitor", "supervise", "observe", "enforce", "police", "respect", "uphold", "flee", "escape"}
    # what a party lacks or waits for has not happened: "millions need humanitarian assistance"
    | {"need", "require", "lack", "await", "deserve", "survive", "endure"}
    # what a party keeps from happening has not happened: "set up a hotline to avoid clashes"
    | {"avoid", "avert", "prevent", "forestall", "preclude", "deter", "fear", "risk"}
)
PART_WORDS = frozenset({"part", "parts", "some", "most", "all", "much", "half", "rest"})
# "thousands of civilians", "dozens of troops": the number is named by what it counts
PART_WORDS |= {"dozens", "scores", "hundreds", "thousands", "millions", "number", "lots", "handful"}
# what a vow to "fight" or "crush" can aim at without threatening anyone
SOCIAL_ILLS = frozenset({"corruption", "poverty", "crime", "inflation", "disease", "hunger", "drug", "illiteracy"})
SOCIAL_ILLS |= {"unemployment", "pollution", "impunity", "racism", "discrimination", "fraud", "graft", "epidemic"}
# verbs that name the recipient as object and the thing given after "with" ("provided Jordan with
# medicine"); only verbs whose entries ask for an object need it ("supply", "arm" count without one)
SUPPLYING = frozenset({"provide"})
# "a mission of observers", "a series of bombs": the group is named by its members
GROUP_WORDS = frozenset({"mission", "team", "group", "contingent", "batch", "unit", "delegation", "party"})
GROUP_WORDS |= {"series", "wave", "spate", "string"}  # "a series of bombs", "a wave of arrests"
GROUP_WORDS |= {"deployment", "detachment"}  # "the first deployment of Dutch peacekeepers"
# "held two days of talks", "launched a week of war games": a span names the event it measures
MEASURE_WORDS = frozenset({"day", "week", "month", "hour", "year", "round", "session"})
MEASURE_WORDS |= {"state"}  # "declared a state of emergency": the state is the emergency declared
# "joint exercises", "combined drills": manoeuvres held together (CAMEO 062), not shows of force (150)
JOINT_MODIFIERS = frozenset({"joint", "combined", "bilateral", "trilateral", "multinational", "multilateral"})
PETRARCH = "petrarch2"
NEGATIONS = frozenset({"not", "never", "n't"})
TOPIC_PREPS = frozenset({"of", "for", "against", "over", "on", "to"})


@dataclass(frozen=True, slots=True)
class TriggerRule:
    """One lexicon entry: a word (with conditions) that tells an event type."""

    lemma: str
    pos: str  # "verb" or "noun"
    event_type: str
    mode: str | None = None
    symmetric: bool | None = None
    preps: frozenset[str] = frozenset()
    objects: frozenset[str] = frozenset()
    particle: str | None = None
    modifiers: frozenset[str] = frozenset()
    complements: frozenset[str] = frozenset()
    excluded: frozenset[str] = frozenset()
    mandative: bool = False  # the verb needs a subjunctive clause: "insisted that Chad release them"
    subjects: frozenset[str] = frozenset()  # the verb needs one of these subjects: "peacekeepers arrived"
    joint: bool = False  # held together: "joint", "with X" or two parties as the performer
    governors: frozenset[str] = frozenset()  # the noun needs one of these verbs: "hosted talks between"
    reporting: bool = False  # the verb needs a clause with a subject: "protested that Chile was failing"
    negated: bool = False  # the verb needs a negated to-clause: "vowed not to return the town"
    recipient: bool = False  # the verb needs a named party it gives to: "handed the artefacts over to Peru"
    # a PETRARCH2 pattern's own CAMEO code and Goldstein weight, more specific than the type's or mode's
    cameo: str | None = None
    goldstein: float | None = None
    source: str = "own"  # "own" (triggers.yaml) or "petrarch2" (the CAMEO verb dictionary layer)

    @property
    def rule_id(self) -> str:
        """A stable name for the entry, reported with every mention ("cameo:detain:173" for PETRARCH2's)."""
        if self.source == PETRARCH:
            return f"cameo:{self.lemma}:{self.cameo}"
        listed = self.objects or self.complements
        detail = self.particle or ("+".join(sorted(listed))[:24] if listed else "")
        return f"{self.pos}:{self.lemma}{'_' + detail if detail else ''}:{self.event_type}"

    def code(self, default: ModeCode) -> ModeCode:
        """The entry's own CAMEO code and weight where it has one, else ``default`` (the type's or mode's)."""
        if self.cameo is None:
            return default
        return ModeCode(self.cameo, default.goldstein if self.goldstein is None else self.goldstein)

    def accepts(self, token: Token) -> bool:
        """Whether the token meets the entry's object, particle, complement and modifier conditions."""
        objects = self.objects
        if objects and not any(_listed(c, objects) for c in self._objects(token)):
            return False
        if self.particle and not has_particle(token, self.particle):
            return False
        if self.complements and not any(self._complement_fits(c, token) for c in _complements(token)):
            return False
        if self.silences(token):
            return False
        if self.mandative and not any(c.dep_ == "ccomp" and c.tag_ == "VB" for c in token.children):
            return False
        if not self._meets_frame(token):
            return False
        return not self.modifiers or any(_lemma(c) in self.modifiers for c in _modifiers(token))

    def _complement_fits(self, clause: Token, verb: Token) -> bool:
        """A listed to-clause; with "*" any to-clause of the verb itself, never a that-clause or a
        to-clause inside one ("told CNN that the ship continues to operate")."""
        if _lemma(clause) in self.complements:
            return True
        return ANY_CLAUSE in self.complements and clause.head.i == verb.i and infinitive(clause)

    def _meets_frame(self, token: Token) -> bool:
        """The subject, performer, governor, clause and negation conditions."""
        if self.subjects and not any(_lemma(s) in self.subjects or s.lower_ in self.subjects for s in _subjects(token)):
            return False
        if self.joint and not held_jointly(token):
            return False
        if self.governors and not ((verb := governing_verb(token)) is not None and _lemma(verb) in self.governors):
            return False
        if self.reporting and not any(
            c.dep_ == "ccomp" and any(s.dep_ in ("nsubj", "nsubjpass") for s in c.children) for c in token.children
        ):
            return False
        if self.recipient and not gives_to_party(token):
            return False
        return not self.negated or any(_negated(c) for c in token.children if c.dep_ == "xcomp")

    def silences(self, token: Token) -> bool:
        """Whether an excluded modifier or to-clause cancels the entry ("press release", "declined to comment")."""
        return bool(self.excluded) and any(
            _lemma(c) in self.excluded for c in (*_modifiers(token), *_complements(token))
        )

    def _objects(self, token: Token) -> Iterator[Token]:
        """The objects, and with a required particle its own object ("put X under investigation");
        for a verb of supplying, what it supplies "with" ("provided Jordan with medicine")."""
        yield from _objects(token)
        if _lemma(token) in SUPPLYING:
            yield from _prep_named(token, "with")
        if self.particle:
            yield from _prep_named(token, self.particle)  # "to the peacekeeping force"


@dataclass(frozen=True, slots=True)
class Trigger:
    """A token that tells an event, with the entry that matched it."""

    token: Token
    rule: TriggerRule

    @property
    def nominal(self) -> bool:
        return self.rule.pos == "noun"


# nouns whose to-clause is what someone means to do, not what was done
INTENTIONS = frozenset(
    {"plot", "plan", "scheme", "conspiracy", "intention", "ambition", "idea", "proposal", "dream", "aim", "goal"}
    | {"wish", "desire", "hope", "right", "need", "temptation", "willingness", "readiness", "urge", "determination"}
)
# "on" and "upon" are left out: "insisted on withdrawing", "agreed on ending" tell what the trigger is about
TEMPORAL_PREPS = frozenset({"before", "after", "since", "until", "till", "while", "during"})
# a sum in one of these is money even where the recogniser tags no MONEY ("4.5 million euros")
CURRENCIES = frozenset(
    {"dollar", "euro", "pound", "yen", "yuan", "renminbi", "rupee", "franc", "ruble", "rouble", "shekel", "dinar"}
    | {"riyal", "rial", "dirham", "lira", "peso", "real", "krone", "kroner", "krona", "rand", "naira", "shilling"}
    | {"cedi", "birr", "won", "ringgit", "rupiah", "baht", "taka", "hryvnia", "zloty", "forint", "lei", "leu"}
)
ANY_PARTY = "@party"  # in an objects list: any noun that names someone
ANY_CLAUSE = "*"  # in a complements list: any to-clause ("told the US to leave")
INFLECTED_VERBS = frozenset({"VBD", "VBG", "VBN", "VBZ"})
AMOUNTS = frozenset({"MONEY", "QUANTITY", "CARDINAL"})


def _lemma(token: Token) -> str:
    return token.lemma_.lower()


def _objects(token: Token) -> Iterator[Token]:
    for child in token.children:
        if child.dep_ in OBJECT_DEPS:
            for obj in (child, *child.conjuncts):
                yield obj
                yield from _named_by(obj)
        elif child.dep_ == "prt":
            yield from (c for c in child.children if c.dep_ == "pobj")


def _subjects(verb: Token) -> Iterator[Token]:
    """The subjects of a verb and what names them ("the first contingent of Dutch peacekeepers")."""
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            for named in (child, *_named_by(child)):
                yield named
                yield from (c for c in named.children if c.dep_ == "compound")


def _negated(clause: Token) -> bool:
    return any(c.dep_ == "neg" and c.lower_ in NEGATIONS for c in clause.children)


def held_jointly(noun: Token) -> bool:
    """Whether manoeuvres are held together: "joint drills", "drills with Japan", "Chinese and Russian ships held"."""
    if any(_lemma(m) in JOINT_MODIFIERS for m in _modifiers(noun)):
        return True
    verb = governing_verb(noun)
    holders = [noun, *([verb] if verb is not None else [])]
    if any(c.dep_ == "prep" and c.lower_ in ("with", "alongside") for h in holders for c in h.children):
        return True
    performers = [c for c in noun.children if c.dep_ in ("poss", "amod", "nmod", "compound")]
    if verb is not None:
        performers += [c for c in verb.children if c.dep_ == "nsubj"]
    return any(_coordinated(p) for p in performers)


def _coordinated(token: Token) -> bool:
    """Two or more parties: "Kenya and Uganda", "French and Egyptian warships"."""
    return bool(token.conjuncts) or any(c.conjuncts for c in token.children if c.dep_ in MODIFIER_DEPS)


def _listed(obj: Token, objects: frozenset[str]) -> bool:
    """Whether the object is one the entry lists; a sum of money ("$4 million", "6 million euros") is "money"; with
    "@party", any noun that names someone ("captured two jihadists", "seized a reporter")."""
    money = obj.ent_type_ == "MONEY" or (_lemma(obj) in CURRENCIES and any(c.like_num for c in obj.subtree))
    if _lemma(obj) in objects or obj.lower_ in objects or (money and "money" in objects):
        return True
    return ANY_PARTY in objects and obj.dep_ != "compound" and names_party(obj)


def _prep_named(token: Token, preposition: str) -> Iterator[Token]:
    """The objects of one of the token's prepositions, their conjuncts, and what names them."""
    for child in token.children:
        if child.dep_ == "prep" and _lemma(child) == preposition:
            for obj in (o for c in child.children if c.dep_ == "pobj" for o in (c, *c.conjuncts)):
                yield obj
                yield from _named_by(obj)


def _named_by(obj: Token) -> Iterator[Token]:
    """What else names the object: "mediation efforts", "aid program"; "part of a stronghold"."""
    yield from (c for c in obj.children if c.dep_ == "compound")
    if obj.ent_type_ in AMOUNTS or any(c.dep_ == "nummod" for c in obj.children):  # "$4 million in aid"
        yield from (o for p in obj.children if p.dep_ == "prep" and p.lower_ in ("in", "of") for o in p.children)
    if obj.lower_ in PART_WORDS or _lemma(obj) in GROUP_WORDS or obj.like_num:  # "two of the militants"
        yield from (o for p in obj.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children)


def has_particle(token: Token, particle: str) -> bool:
    """Whether the particle is a child of the token, or marks a clause it governs ("pushed for Spain to act")."""
    for child in token.children:
        if _lemma(child) == particle:
            return True
        if child.dep_ in ("advcl", "ccomp") and any(m.dep_ == "mark" and _lemma(m) == particle for m in child.children):
            return True
    return False


def _complements(token: Token) -> Iterator[Token]:
    """The clauses a verb governs: "ordered the paper to close", "vowed to fight", "prepared to attack".

    A clause aimed at a social ill is left out: "vowed to fight corruption" threatens nobody.
    """
    for child in token.children:
        purpose = child.dep_ == "advcl" and infinitive(child)
        if (child.dep_ in CONTENT_DEPS or purpose) and child.pos_ in VERB_TAGS:
            # "prepared to resume shelling": the clause the aspect verb governs
            clauses = (child, *(c for c in child.children if c.dep_ == "xcomp" and c.pos_ in VERB_TAGS))
            yield from (c for c in clauses if not _aimed_at_ill(c))


def gives_to_party(verb: Token) -> bool:
    """Whether a verb of giving names a party it gives to ("returned the paintings to Italy", "handed
    over trucks to the Red Cross", "sent rockets to the rebels") and what it gives is a thing, not
    words or envoys ("sent a letter to Iran", "sent a delegation to Cairo")."""
    given = list(_objects(verb))
    if not given or any(_lemma(o) in NOT_GIVEN for o in given):
        return False  # "returned to Geneva" gives nothing
    groups = (c for c in verb.children if c.dep_ in ("prep", "dative") and c.lower_ == "to")
    received = (t for prep in groups for t in prep.subtree)
    return any(t.ent_type_ in RECIPIENT_ENTITIES or (t.dep_ == "pobj" and names_party(t)) for t in received)


def _aimed_at_ill(clause: Token) -> bool:
    return any(c.dep_ in ("dobj", "pobj", "prep") and _ill(c) for c in clause.children)


def _ill(token: Token) -> bool:
    if token.dep_ == "prep":  # "fight against poverty"
        return any(_lemma(o) in SOCIAL_ILLS for o in token.children if o.dep_ == "pobj")
    return _lemma(token) in SOCIAL_ILLS


def _modifiers(token: Token) -> Iterator[Token]:
    yield from (c for c in token.children if c.dep_ in MODIFIER_DEPS)


def _expanded(words: Any, sections: Mapping[str, frozenset[str]]) -> frozenset[str]:
    """A word list with each "@TYPE" replaced by the verbs the lexicon lists under that type."""
    found: set[str] = set()
    for word in words or ():
        word = str(word)
        found |= sections.get(word[1:], frozenset()) if word.startswith("@") else {word}
    return frozenset(found)


def _rules(
    pos: str, event_type: str, lemma: str, spec: Any, sections: Mapping[str, frozenset[str]]
) -> Iterator[TriggerRule]:
    for option in spec if isinstance(spec, list) else [spec or {}]:
        yield TriggerRule(
            lemma=lemma,
            pos=pos,
            event_type=str(option.get("type", event_type)),
            mode=option.get("mode"),
            symmetric=option.get("symmetric"),
            preps=frozenset(option.get("preps") or ()),
            objects=frozenset(str(o).lower() for o in option.get("objects") or ()),
            particle=option.get("particle"),
            modifiers=frozenset(option.get("modifiers") or ()),
            complements=_expanded(option.get("complements"), sections),
            excluded=frozenset(option.get("excluded") or ()),
            mandative=bool(option.get("mandative", False)),
            subjects=frozenset(str(o).lower() for o in option.get("subjects") or ()),
            joint=bool(option.get("joint", False)),
            governors=frozenset(option.get("governors") or ()),
            reporting=bool(option.get("reporting", False)),
            negated=bool(option.get("negated", False)),
            recipient=bool(option.get("recipient", False)),
        )


def _index(
    pos: str, section: Mapping[str, Mapping[str, Any]], sections: Mapping[str, frozenset[str]]
) -> dict[str, tuple[TriggerRule, ...]]:
    found: dict[str, list[TriggerRule]] = {}
    for event_type, entries in section.items():
        for lemma, spec in entries.items():
            found.setdefault(lemma.lower(), []).extend(_rules(pos, event_type, lemma.lower(), spec, sections))
    # conditional entries ("lift" + sanctions) are tried before unconditional ones
    return {k: tuple(sorted(v, key=_unconditional)) for k, v in found.items()}


def _unconditional(rule: TriggerRule) -> bool:
    conditions = (rule.objects, rule.particle, rule.modifiers, rule.complements, rule.mandative, rule.subjects)
    return not (any(conditions) or rule.joint or rule.governors or rule.reporting or rule.negated or rule.recipient)


def cameo_rule(match: CameoMatch) -> TriggerRule:
    """The entry a PETRARCH2 match stands for: type, mode and the pattern's own CAMEO code."""
    event = match.event
    return TriggerRule(
        lemma=match.verb,
        pos="verb",
        event_type=event.event_type,
        mode=event.mode,
        cameo=event.cameo,
        goldstein=event.goldstein,
        source=PETRARCH,
    )


class TriggerLexicon:
    """Verb and noun trigger entries, indexed by lemma, with PETRARCH2's verb dictionary as a fallback."""

    def __init__(
        self,
        verbs: Mapping[str, tuple[TriggerRule, ...]],
        nouns: Mapping[str, tuple[TriggerRule, ...]],
        cameo: CameoMatcher | None = None,
    ):
        self._verbs = dict(verbs)
        self._nouns = dict(nouns)
        self._cameo = cameo

    @classmethod
    def load(cls, petrarch: bool = True) -> TriggerLexicon:
        """Read the shipped lexicon (``data/triggers.yaml``), and unless ``petrarch`` is False the
        PETRARCH2 layer (``data/vendor/CAMEO.2.0.txt``) with the options of its ``petrarch`` section."""
        text = resources.files("worldorder.coding").joinpath("data/triggers.yaml").read_text("utf-8")
        raw: dict[str, Any] = yaml.safe_load(text)
        options = CameoOptions.from_spec(raw.get("petrarch"))
        cameo = CameoMatcher.load(EventTypeTable.load(), options) if petrarch and options.enabled else None
        # "@ASSAULT" in a word list stands for every verb listed under ASSAULT ("vowed to <any act of violence>")
        sections = {kind: frozenset(str(v).lower() for v in entries) for kind, entries in raw["verbs"].items()}
        return cls(_index("verb", raw["verbs"], sections), _index("noun", raw["nouns"], sections), cameo)

    def rules(self) -> Iterator[TriggerRule]:
        """Every entry, verbs first."""
        for table in (self._verbs, self._nouns):
            for rules in table.values():
                yield from rules

    def match(self, token: Token) -> TriggerRule | None:
        """The first entry whose word and conditions fit the token, if any."""
        # "in March 2022", "the Summit Hotel"; an inflected verb is never a name, whatever NER says
        # ("eased curfew hours" read as a time)
        if token.ent_type_ in NAME_ENTITIES and token.tag_ not in INFLECTED_VERBS:
            return None
        verbal = token.pos_ in VERB_TAGS or tagged_as_noun(token)
        if verbal:
            candidates = self._verbs.get(_lemma(token), ())
        elif token.pos_ in NOUN_TAGS:
            # the word as written after its lemma: "sanctions" has an entry of its own beside "sanction"
            written = self._nouns.get(token.lower_, ()) if token.lower_ != _lemma(token) else ()
            candidates = (*self._nouns.get(_lemma(token), ()), *written)
        else:
            return None
        own = next((rule for rule in candidates if rule.accepts(token)), None)
        if own is not None or self._cameo is None or not verbal or self._silenced(token):
            return own
        match = self._cameo.match(token)
        return cameo_rule(match) if match is not None else None

    def find(self, sentence: Span | Iterable[Token]) -> list[Trigger]:
        """The triggers of a sentence after the precedence rules (see ``outranked``)."""
        found = self._second_layer([Trigger(t, rule) for t in sentence if (rule := self.match(t)) is not None])
        # "hosted talks between A and B": the noun the entry asks a governor for tells the event
        governed = {v.i for t in found if t.rule.governors and (v := governing_verb(t.token)) is not None}
        found = [t for t in found if t.token.i not in governed]
        # a cancelled entry still governs its content: "declined to discuss details" tells no meeting
        heads = {t.token.i for t in found} | {t.i for t in sentence if self._silenced(t)}
        # an accusation keeps what it accuses of as an alleged event ("accused X of supplying arms")
        about = {t.token.i for t in found if t.rule.event_type != "ACCUSE"}
        return [t for t in found if not outranked(t, heads) and not prepositional_content(t.token, about)]

    def _second_layer(self, found: list[Trigger]) -> list[Trigger]:
        """PETRARCH2 triggers give way to our own: one that governs an own trigger ("sought to impose
        sanctions", "struck a deal") is dropped, and with ``sentence_fallback`` all are dropped from a
        sentence with an own trigger."""
        own = [t for t in found if t.rule.source != PETRARCH]
        if self._cameo is None or len(own) == len(found):
            return found
        if self._cameo.options.sentence_fallback and own:
            return own
        inside = {a.i for t in own for a in _governors(t.token)}
        return [t for t in found if t.rule.source != PETRARCH or t.token.i not in inside]

    def _silenced(self, token: Token) -> bool:
        table = self._verbs if token.pos_ in VERB_TAGS else self._nouns
        return any(rule.silences(token) for rule in table.get(_lemma(token), ()))


def tagged_as_noun(token: Token) -> bool:
    """A verb the tagger read as a noun while the parser gave it a verb's frame, a subject and a
    direct object: "the ministry cut funding to the agency" ("cut" NN, ROOT)."""
    deps = {c.dep_ for c in token.children}
    return token.pos_ == "NOUN" and "nsubj" in deps and "dobj" in deps


def _governors(token: Token) -> Iterator[Token]:
    """The words above a token up to a clause with its own subject it is conjoined to: in "X looted
    the town, but Y said he was working with Z" the second clause is no content of "looted"; in
    "dropped his guns and surrendered" the verbs still share one."""
    while token.head.i != token.i and not (token.dep_ == "conj" and has_subject(token)):
        token = token.head
        yield token


def has_subject(verb: Token) -> bool:
    """Whether a verb has a subject of its own (a clause, not a second predicate of one subject)."""
    return any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children)


def infinitive(clause: Token) -> bool:
    """Whether a clause is a to-infinitive ("to attack", "to support refugees")."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children)


def outranked(trigger: Trigger, trigger_heads: set[int]) -> bool:
    """Whether a larger trigger already tells this one.

    A verb trigger swallows the nouns among its arguments ("rejected the offer", "lifted
    sanctions", "accused them of attacks") and a verb trigger governing another through a
    control verb wins over it ("agreed to provide aid" is AGREE, "refused to meet" is REJECT).
    A noun kept by a verb of upkeep names a standing state, not an event ("monitor the truce").
    """
    token = trigger.token
    if trigger.nominal:
        if token.dep_ == "compound" and token.head.i in trigger_heads:  # "war games", "aid suspension"
            return True
        if _lemma(token) in DURATIVE_NOUNS and hosting_verb(token) is None:  # "Russia's war", "victims of the war"
            return True
        if token.dep_ == "pobj" and token.head.lower_ == "without":  # "the talks ended without agreement"
            return True
        if topic_of_noun(token, trigger_heads):  # "a demand for the release", "in protest of the refusal"
            return True
        governor = governing_verb(token)
        if governor is None:
            return False
        if _lemma(governor) in STATE_GOVERNORS and token.dep_ in OBJECT_DEPS:
            return True
        # "threatened to launch an offensive", "promised to continue aid": the noun is the content
        content = governor.dep_ in CONTENT_DEPS and governor.head.i in trigger_heads
        # "would meet him if he gave them a veto": the noun is the condition of another event
        condition = governor.dep_ == "advcl" and governor.head.i in trigger_heads and _conditional(governor)
        return governor.i in trigger_heads or content or condition
    if token.head.i == token.i:
        return False
    if purpose_of_trigger(token, trigger_heads):  # "staged rallies to demand reforms"
        return True
    if intended(token):  # "foiled a plot to blow up the embassy": planned, not done
        return True
    if aspect_content(token, trigger_heads):  # "prepared to resume shelling"
        return True
    if condition_of_content(token, trigger_heads):  # "threatened to attack unless Iraq accepted"
        return True
    if subjunctive(token):  # "reiterated its demand that Israel ease restrictions": what is asked
        return True
    if conjoined_content(token, trigger_heads):  # "refused to let the planes land and evacuate them"
        return True
    if token.head.i not in trigger_heads:
        return False
    # "an invitation to visit Russia", "demanded that the US cancel": what is asked, not an event
    if token.dep_ in CONTENT_DEPS:
        return True
    # "threatened to strike unless Iraq withdraws": the condition belongs to the threat
    return token.dep_ == "advcl" and _conditional(token)


def conjoined_content(verb: Token, trigger_heads: set[int]) -> bool:
    """Whether the verb is conjoined to the content clause of a trigger ("agreed to meet and sign")."""
    first = verb.head
    return verb.dep_ == "conj" and first.dep_ in CONTENT_DEPS and first.head.i in trigger_heads


def subjunctive(verb: Token) -> bool:
    """Whether the verb heads a mandative that-clause ("demanded that Chad release them"): asked, not told."""
    if verb.tag_ not in ("VB", "VBP") or verb.dep_ not in ("ccomp", "acl"):
        return False
    children = list(verb.children)
    subjects = [c for c in children if c.dep_ in ("nsubj", "nsubjpass")]
    # a base form after a singular subject ("that Egypt lift") is no present tense
    base = verb.tag_ == "VB" or any(s.tag_ in ("NN", "NNP") for s in subjects)
    marked = any(c.dep_ == "mark" and c.lower_ == "that" for c in children)
    return base and marked and bool(subjects) and not any(c.dep_ in ("aux", "auxpass") for c in children)


def prepositional_content(verb: Token, trigger_heads: set[int]) -> bool:
    """Whether the verb is what a trigger verb is about, through a preposition ("arrested for collaborating")."""
    prep = verb.head
    # "before invading the town, he told ...": a time, not a topic, of the other event
    if prep.lower_ in TEMPORAL_PREPS:
        return False
    return verb.dep_ == "pcomp" and prep.dep_ == "prep" and prep.head.i in trigger_heads


def aspect_content(verb: Token, trigger_heads: set[int]) -> bool:
    """Whether the verb is the content of a trigger through an aspect verb ("vowed to keep fighting")."""
    aspect = verb.head
    return (
        verb.dep_ == "xcomp"
        and aspect.dep_ == "xcomp"
        and aspect.i not in trigger_heads
        and aspect.head.i in trigger_heads
    )


def topic_of_noun(noun: Token, trigger_heads: set[int]) -> bool:
    """Whether the noun is what another event noun is about ("the threat of sanctions", "support for the truce")."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.dep_ != "prep" or prep.lower_ not in TOPIC_PREPS:
        return False
    return prep.head.pos_ in NOUN_TAGS and prep.head.i in trigger_heads


def _conditional(clause: Token) -> bool:
    return any(c.dep_ == "mark" and c.lower_ in CONDITION_MARKS for c in clause.children)


def condition_of_content(verb: Token, trigger_heads: set[int]) -> bool:
    """Whether the verb is the condition of a trigger's content ("threatened to strike unless X withdrew")."""
    content = verb.head
    if verb.dep_ != "advcl" or content.dep_ not in CONTENT_DEPS or content.head.i not in trigger_heads:
        return False
    return _conditional(verb)


def purpose_of_trigger(verb: Token, trigger_heads: set[int]) -> bool:
    """Whether the verb is the purpose infinitive of another event ("began a strike to protest")."""
    if verb.dep_ != "advcl" or not infinitive(verb):
        return False
    governor = verb.head
    return governor.i in trigger_heads or any(c.i in trigger_heads for c in governor.children if c.dep_ == "dobj")


def intended(verb: Token) -> bool:
    """Whether the verb is the to-clause of a noun of intention ("a plot to blow up", "plans to build")."""
    if not infinitive(verb):
        return False
    if verb.dep_ == "acl":
        return _lemma(verb.head) in INTENTIONS
    # the parser often hangs the clause on the verb: "foiled [a plot] [to blow up]"
    return verb.dep_ == "advcl" and any(c.dep_ == "dobj" and _lemma(c) in INTENTIONS for c in verb.head.children)


def governing_verb(noun: Token) -> Token | None:
    """The verb a noun is an argument of, directly or through a preposition or particle, or as
    the second of coordinated arguments ("food supplies and aid have been cut off")."""
    if noun.dep_ == "conj" and noun.head.pos_ in NOUN_TAGS and noun.head.i != noun.i:
        return governing_verb(noun.head)
    head = noun.head
    if noun.dep_ in OBJECT_DEPS and head.pos_ in VERB_TAGS:
        return head
    if noun.dep_ == "pobj" and head.dep_ in ("prep", "prt", "agent") and head.head.pos_ in VERB_TAGS:
        return head.head
    span = measured_span(noun)
    return governing_verb(span) if span is not None else None


def measured_span(noun: Token) -> Token | None:
    """The span or group an event noun is measured by: "two days of talks", "a series of bombings"."""
    head = noun.head
    if noun.dep_ != "pobj" or head.lower_ != "of" or head.head.i == head.i:
        return None
    span = head.head
    return span if _lemma(span) in MEASURE_WORDS or _lemma(span) in GROUP_WORDS else None


# named parties a verb of giving can give to, and what it sends that is no gift
RECIPIENT_ENTITIES = frozenset({"GPE", "NORP", "ORG", "PERSON"})
NOT_GIVEN = frozenset(
    {"letter", "message", "note", "signal", "invitation", "condolence", "condolences", "greeting", "greetings",
     "warning", "envoy", "delegation", "team", "official", "minister", "diplomat", "representative", "troop",
     "troops", "soldier", "soldiers", "force", "forces", "ultimatum", "request", "demand", "proposal", "report",
     "complaint", "protest", "word", "congratulations", "thanks", "welcome", "reception", "speech", "address",
     "interview", "statement", "briefing", "assurance", "assurances", "blessing", "approval", "endorsement",
     "backing", "support", "personnel", "staff", "expert", "experts", "mission", "observer", "observers",
     "inspector", "inspectors", "investigator", "investigators", "monitor", "monitors", "peacekeeper",
     "peacekeepers", "doctor", "doctors", "ambassador", "emissary", "mediator", "negotiator", "negotiators",
     "sympathy", "sympathies", "order", "orders", "instruction", "instructions", "priority", "attention",
     "permission", "consent", "go-ahead", "notice", "advice", "thought", "thoughts", "prayer", "prayers"}
)
# verbs that tell what an attack did, with the attack as their subject: "air strikes hit a market",
# "the ambush left six dead", "clashes claimed ten lives"
IMPACT_VERBS = frozenset(
    {"hit", "strike", "kill", "wound", "injure", "destroy", "damage", "target", "level", "flatten", "raze",
     "leave", "claim", "rock", "shake", "pound", "devastate", "wreck", "tear", "rip", "displace"}
)
# nouns for a state of affairs rather than an act, which a verb of impact does not make an event:
# "the war has killed thousands"
DURATIVE_NOUNS = frozenset({"war", "conflict", "crisis", "violence", "insurgency", "occupation", "unrest", "tension"})


def impact_verb(noun: Token) -> Token | None:
    """The verb an event noun is the subject of when it tells what the act did: "strikes hit a market"."""
    verb = noun.head
    if noun.dep_ != "nsubj" or verb.pos_ != "VERB" or _lemma(verb) not in IMPACT_VERBS:
        return None
    return None if _lemma(noun) in DURATIVE_NOUNS else verb


def hosting_verb(noun: Token) -> Token | None:
    """The verb whose subject performs a nominal event: "held talks", "arrived on a visit"; for a
    conjunct, its first conjunct's ("launched air and artillery strikes")."""
    while noun.dep_ == "conj" and noun.head.pos_ in ("NOUN", "PROPN") and noun.head.i < noun.i:
        noun = noun.head
    governor = governing_verb(noun)
    if governor is None:
        return None
    if noun.dep_ in OBJECT_DEPS or noun.head.lower_ in EVENT_FRAME_PREPS:
        return governor
    span = measured_span(noun)  # "launched a week of war games"
    if span is not None and (span.dep_ in OBJECT_DEPS or span.head.lower_ in EVENT_FRAME_PREPS):
        return governor
    return None
