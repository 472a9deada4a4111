"""How the text presents an event: asserted, reported, alleged, planned, intended, hypothetical, negated.

The reader walks up from the trigger through the clauses that govern it ("officials
believe that ...", "is scheduled to ...", "if ... escalate") and reports the strongest cue
it meets, together with the token that credits the claim to someone (the reporting verb
or the object of "according to"), which ``attribution`` turns into an actor.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources
from typing import Any

import yaml
from spacy.tokens import Token

# Strongest first: a claim that is negated or only possible is that before anything else.
PRECEDENCE = ("negated", "hypothetical", "alleged", "intended", "planned", "reported", "asserted")
CLAUSE_LINKS = frozenset({"xcomp", "ccomp", "advcl", "conj", "acomp", "relcl", "pcomp", "parataxis"})
ACCUSATION_PREPOSITIONS = frozenset({"of", "for"})
MAX_CLAUSE_DEPTH = 6  # deeper chains are parse noise; 6 covers "said it would be ready to agree"


@dataclass(frozen=True, slots=True)
class ModalityCues:
    """Word lists from ``data/modality.yaml``."""

    reporting: frozenset[str]
    belief: frozenset[str]
    accusing: frozenset[str]
    alleging_adverbs: frozenset[str]
    intention: frozenset[str]
    effort: frozenset[str]
    plan: frozenset[str]
    planning_auxiliaries: frozenset[str]
    hypothetical_auxiliaries: frozenset[str]
    intending_auxiliaries: frozenset[str]
    conditions: frozenset[str]
    threat_conditions: frozenset[str]
    obligation_auxiliaries: frozenset[str]
    hypothetical_verbs: frozenset[str]
    negating_verbs: frozenset[str]

    @classmethod
    def load(cls) -> ModalityCues:
        """Read the shipped cue lists."""
        text = resources.files("worldorder.coding").joinpath("data/modality.yaml").read_text("utf-8")
        raw: dict[str, Any] = yaml.safe_load(text)
        return cls(**{name: frozenset(str(w) for w in raw[name]) for name in cls.__dataclass_fields__})


@dataclass(frozen=True, slots=True)
class Reading:
    """The modality of one event, the cues that decided it, and the token crediting the claim."""

    modality: str
    claimant: Token | None = None  # a reporting verb, or the object of "according to"
    cues: frozenset[str] = frozenset()  # commitment, schedule, threat, obligation (see Cue)
    affirmed: str = "asserted"  # the modality without the negation: how a refusal is told


class Cue:
    """Cue names that decide more than the modality (``events`` retypes on them)."""

    COMMITMENT = "commitment"  # "will withdraw", "is ready to send", "plans to impose"
    SCHEDULE = "schedule"  # "is scheduled to meet": a fixed plan, not a pledge
    THREAT = "threat"  # "... unless X complies"
    OBLIGATION = "obligation"  # "X must hand over"


Found = tuple[str, str | None]  # (modality, cue)


def _strongest(found: list[Found]) -> str:
    return min((m for m, _ in found), key=PRECEDENCE.index) if found else "asserted"


class ModalityReader:
    """Reads modality cues around a trigger token."""

    def __init__(self, cues: ModalityCues) -> None:
        self._cues = cues

    @property
    def cues(self) -> ModalityCues:
        return self._cues

    def read(self, anchor: Token) -> Reading:
        """The modality of the event whose clause is headed by ``anchor``."""
        found: list[Found] = []
        claimant: Token | None = None
        for depth, clause in enumerate(_clause_chain(anchor)):
            upward, speaker = self._link(clause)
            found.extend(self._local(clause, reported=speaker is not None, own=depth == 0))
            found.extend(upward)
            claimant = claimant or speaker
        source = according_to(anchor)
        if source is not None:
            found.append(("reported", None))
            claimant = claimant or source
        affirmed = _strongest([f for f in found if f[0] != "negated"])
        return Reading(_strongest(found), claimant, frozenset(c for _, c in found if c), affirmed)

    def _local(self, clause: Token, reported: bool, own: bool) -> Iterator[Found]:
        cues = self._cues
        for child in clause.children:
            word, dep = child.lower_, child.dep_
            if own and (dep == "neg" or (dep == "det" and word == "no")):
                yield "negated", None
            elif dep in ("aux", "auxpass") and word in cues.planning_auxiliaries:
                yield "planned", Cue.COMMITMENT
            elif dep == "aux" and word in cues.obligation_auxiliaries:
                yield "hypothetical", Cue.OBLIGATION
            elif dep == "aux" and word in cues.hypothetical_auxiliaries:
                yield ("planned", Cue.COMMITMENT) if reported and word == "would" else self._possible(word, clause)
            elif dep == "mark" and word in cues.conditions:
                yield "hypothetical", Cue.THREAT if word in cues.threat_conditions else None
            elif dep == "advcl" and any(m.lower_ in cues.threat_conditions for m in child.children):
                yield "planned", Cue.THREAT  # "will close the border unless ..."
            elif dep == "advmod" and word in cues.alleging_adverbs:
                yield "alleged", None

    def _possible(self, auxiliary: str, clause: Token) -> Found:
        """ "may halt mediation": a possibility the actor holds out, coded as its intent (CAMEO 03x / 13x).

        "may have prevented" guesses at the past: no intent.
        """
        perfect = any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in clause.children)
        intent = auxiliary in self._cues.intending_auxiliaries and not perfect
        return "hypothetical", Cue.COMMITMENT if intent else None

    def _link(self, clause: Token) -> tuple[list[Found], Token | None]:
        """What the governing word says about ``clause``, and the reporting verb if it is one."""
        head, cues = clause.head, self._cues
        if head.i == clause.i or clause.dep_ not in CLAUSE_LINKS:
            return [], _reporting_parataxis(clause, cues)
        accuser = _accuser(clause, cues)
        if accuser is not None:
            return [("alleged", None)], accuser
        lemma = head.lemma_.lower()
        if clause.dep_ in ("xcomp", "acomp") or (clause.dep_ == "ccomp" and head.pos_ == "ADJ"):
            return _control(lemma, cues), None
        if lemma in cues.belief:
            return [("alleged", None)], head
        if lemma in cues.reporting:
            return [("reported", None)], head
        if lemma in cues.hypothetical_verbs:
            return [("hypothetical", None)], None
        return [], None


def _accuser(clause: Token, cues: ModalityCues) -> Token | None:
    """The accusing verb of "accuse X of supplying ...": the gerund is only the accuser's claim."""
    preposition = clause.head
    if clause.dep_ != "pcomp" or preposition.lower_ not in ACCUSATION_PREPOSITIONS:
        return None
    verb = preposition.head
    return verb if verb.i != preposition.i and verb.lemma_.lower() in cues.accusing else None


def _control(lemma: str, cues: ModalityCues) -> list[Found]:
    if lemma in cues.negating_verbs:
        return [("negated", None)]
    if lemma in cues.intention:
        return [("intended", Cue.COMMITMENT)]
    if lemma in cues.effort:
        return [("intended", None)]
    if lemma in cues.plan:
        return [("planned", Cue.SCHEDULE)]
    if lemma in cues.hypothetical_verbs:  # "is considering sending aid": its own next step, as "may send"
        return [("hypothetical", Cue.COMMITMENT)]
    return []


def _reporting_parataxis(clause: Token, cues: ModalityCues) -> Token | None:
    """ "..., officials said." attached as a parataxis child of the main clause."""
    for child in clause.children:
        if child.dep_ == "parataxis" and child.lemma_.lower() in cues.reporting:
            return child
    return None


def _clause_chain(anchor: Token) -> Iterator[Token]:
    clause = anchor
    for _ in range(MAX_CLAUSE_DEPTH):
        yield clause
        if clause.head.i == clause.i or clause.dep_ not in CLAUSE_LINKS:
            return
        clause = clause.head


def according_to(anchor: Token) -> Token | None:
    """The object of "according to" in the anchor's sentence, if there is one."""
    for token in anchor.sent:
        if token.lower_ == "according" and token.i + 1 < len(token.doc) and token.nbor().lower_ == "to":
            objects = [c for c in token.nbor().children if c.dep_ == "pobj"]
            objects += [c for c in token.children if c.dep_ == "prep" for c in c.children if c.dep_ == "pobj"]
            if objects:
                return objects[0]
    return None
