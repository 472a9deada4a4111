"""Who did it to whom: sources and targets of a trigger, read from the dependency parse.

Covers active and passive voice, coordination ("accused both Russia and Iran": two
targets; "A and B held talks": one symmetric pair), prepositional targets ("met with",
"sanctions on"), subjects inherited through control and purpose clauses ("travelled to
Paris to meet Macron"), relative clauses ("an invitation, which X accepted"), nominal events
("Russia's invasion of Ukraine", "held talks with ...") and the owners of the things an
actor accepts or rejects ("rejected a US offer").
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date
from itertools import chain
from typing import Protocol

from spacy.tokens import Doc, Span, Token

from worldorder.coding.coref import PRONOUNS, DiscourseMemory, clause_subject, is_person, is_pronoun, speaker
from worldorder.coding.event_types import EventType
from worldorder.coding.parties import names_party
from worldorder.coding.triggers import ANY_PARTY, Trigger, governing_verb, hosting_verb, impact_verb
from worldorder.geo.location import AREA_WORDS, area_object
from worldorder.model import ActorCode, ActorMention

VERB_POS = frozenset({"VERB", "AUX"})
NOUN_POS = frozenset({"NOUN", "PROPN", "PRON"})
# verbs that give what the source has: bare forces they give are its own ("offered troops to help X")
GIVING = frozenset({"offer", "send", "deploy", "dispatch", "contribute", "pledge", "promise", "provide", "lend"})
FORCES = frozenset({"MIL", "COP", "UAF"})  # troops, police, armed forces
ACTOR_ENTITIES = frozenset({"GPE", "ORG", "NORP", "PERSON", "LOC", "FAC"})
RELATIVE_TAGS = frozenset({"WDT", "WP", "WP$"})
LEADING_NOISE = frozenset({"DET", "PUNCT", "CCONJ", "ADP", "PART"})
# "officials from Britain", "leaders of Romania's government", "rebels in Liberia"
MEMBER_PREPS = frozenset({"from", "of", "in"})
STRICT_MEMBER_PREPS = frozenset({"from", "of"})
# subjects pass down these links: "travelled ... to meet", "continued to send", "..., killing"
INHERITING_DEPS = frozenset({"xcomp", "advcl", "conj", "acomp"})
# verbs whose object is the subject of their infinitive: "urged Iraq to comply"
OBJECT_CONTROL = frozenset(
    [
        "urge",
        "ask",
        "invite",
        "order",
        "force",
        "persuade",
        "press",
        "encourage",
        "tell",
        "help",
        "push",
        "pressure",
        "call",
        "allow",
        "compel",
        "instruct",
        "lead",
        "prompt",
        "cause",
        "spur",
        "drive",
    ]
)
# verbs that make their object do what their to-clause says ("prompted the minister to convene a
# call", "forced the army to withdraw"): the clause tells what happened
IMPLICATIVE = frozenset({"lead", "prompt", "cause", "spur", "drive", "force", "compel"})
AGENT_PREPS = frozenset({"by"})
SENDER_PREPS = frozenset({"from"})  # "calls from Iran"; but "the withdrawal of X from Y" leaves from Y
CONTENT_CLAUSES = frozenset({"xcomp", "advcl", "ccomp", "acl"})
NOMINAL_TARGET_PREPS = frozenset({"of", "between"})
MAX_MEMBER_DEPTH = 2
THREATEN = "THREATEN"
MATERIAL_CONFLICT = 4
# verbs whose subject suffers an act told in their phrase ("15 people died in clashes"): no doer
SUFFERING = frozenset({"die", "perish", "suffer", "drown", "starve", "flee", "escape", "survive"})
# acts of harm a threat announces: the subject of such a clause is the threatening side, its object the threatened
HARM_VERBS = frozenset(
    {"attack", "strike", "hit", "bomb", "shell", "invade", "destroy", "crush", "punish", "retaliate", "respond"}
    | {"target", "kill", "annihilate", "obliterate", "wipe", "sanction", "expel", "retake", "devastate", "fight"}
)
COMPLEMENT_PREPS = frozenset({"to", "with", "against", "on", "for", "from", "of", "into", "toward", "towards"})
PLACE_PREPS = frozenset({"in", "into", "near", "at", "across", "outside", "inside", "throughout"})
WEAPONS = "agent.weapons"  # the agent entry of weapons named for their users ("tanks shelled")
# the other party inside an object or purpose phrase: "aid to X", "a war against X", "an offensive ... with X"
PARTY_PREPS = frozenset({"to", "against", "with", "toward", "towards"})
# the links followed from a verb to such a phrase: objects, their preposition chains and infinitives
PARTY_PATH_DEPS = frozenset({"dobj", "prep", "pobj", "xcomp"})
# what a complaint is about: "complained to A over B", "protested to A about B" (A is only the addressee)
GRIEVANCE_PREPS = frozenset({"over", "about", "against", "at", "concerning", "regarding"})
ADDRESSEE_PREPS = frozenset({"to"})
# nouns that only frame the event a compound before them names: "a mediation effort", "a peace mission"
PAIR_PREPS = frozenset({"between", "among"})
# a party named as fighting beside or backing the doer, never its target
ALLY_PREPS = frozenset({"alongside", "beside", "along"})
BACKING_VERBS = frozenset({"back", "support", "help", "aid", "assist", "arm", "equip", "fund", "join", "accompany"})
SELF_RULE = frozenset({"independence", "autonomy", "secession", "self-rule", "separation"})
BORDER_NOUNS = frozenset({"border", "frontier", "boundary"})
# nouns whose infinitive tells a foiled or unowned deed: "an attempt to assassinate X", "a plot to kill X"
ATTEMPT_NOUNS = frozenset({"attempt", "plot", "bid", "try", "conspiracy"})
FRAME_NOUNS = frozenset({"effort", "mission", "initiative", "bid", "attempt", "drive", "campaign", "move"})
RESIDENT_SECTOR = "CVL"  # an ethnic group with no other role is civilians
FLEEING = frozenset({"flee", "escape"})  # "refugees fleeing the war in Liberia" come from Liberia
GENERIC_SECTORS = frozenset({"IGO", "NGO", "IMG", "MNC"})  # the sectors the scorer codes without a country
NAMED_ACTORS = frozenset({"GPE", "NORP", "ORG"})
# entity types that are never a party an act is done to
NOT_PARTIES = frozenset({"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL", "LOC", "GPE", "FAC"})
# who tells or believes the news is no party to it ("U.S. officials believe Iran ...")
CREDITING = frozenset(
    {"say", "report", "tell", "announce", "quote", "add", "confirm", "accord", "believe", "claim", "suspect"}
)
QUOTING = frozenset({"state", "write", "note", "explain", "insist", "argue", "warn", "allege", "ask", "reply"})


class ActorResolver(Protocol):
    """What the coder needs from the actor knowledge base."""

    def resolve(self, phrase: Span, on: date | None) -> ActorMention | None: ...

    def names_place(self, phrase: Span) -> bool: ...


@dataclass(frozen=True, slots=True)
class Dyad:
    """The actors of one trigger: every source and every target it names."""

    sources: tuple[ActorMention, ...]
    targets: tuple[ActorMention, ...]
    placed: bool = False  # the targets are only where it happened ("shelled positions near Rafah")
    where: str | None = None  # the country of the first place named in the sentence, if any
    # with no target coded: the party the clause acts on that the actor base does not know
    # ("met with local fundraisers", "donated money to a charity"), of unknown country and sector
    unnamed: tuple[ActorMention, ...] = ()


def noun_phrase(head: Token) -> Span:
    """The head with its left modifiers ("Russian President Vladimir Putin"), without a leading article."""
    start = min((c.left_edge.i for c in head.lefts), default=head.i)
    while start < head.i and head.doc[start].pos_ in LEADING_NOISE:
        start += 1
    return head.doc[start : head.i + 1]


def unnamed_party(head: Token) -> ActorMention:
    """A party the actor base does not know ("the company", "a local official"): an actor of
    unknown country and sector, kept as the text names it."""
    phrase = head.doc[head.left_edge.i : head.i + 1]
    code = ActorCode(None, None, None)
    return ActorMention(code, phrase.text, phrase.start_char, phrase.end_char, country_basis="unknown")


def codable(mention: ActorMention) -> bool:
    """Whether a mention says enough to code: a country, an organisation or a sector.

    A sector alone ("police", "rebels") is completed with a country by ``events.localised``.
    """
    code = mention.code
    return bool(code.country or code.known_group or code.sector)


def placed(mention: ActorMention) -> bool:
    """Whether a mention has a country or an organisation (not only a sector)."""
    return bool(mention.code.country or mention.code.known_group)


def _unique(mentions: Iterable[ActorMention]) -> list[ActorMention]:
    seen: dict[tuple[int, int], ActorMention] = {}
    for m in mentions:
        seen.setdefault((m.start, m.end), m)
    return list(seen.values())


def coordinated(head: Token) -> list[Token]:
    """The head and the words coordinated with it ("both Russia and Iran")."""
    return [head] if head.dep_ == "conj" else split_fronted(head)[0]


def split_fronted(head: Token) -> tuple[list[Token], list[Token]]:
    """Undo a common parse error: the subject glued onto a fronted phrase as a conjunct.

    In "After the invasion of Ukraine, Moscow and Tehran signed ..." the small English model
    often makes "Moscow" a conjunct of "Ukraine" and leaves "signed" without a subject. When
    the chain ends right before a subjectless main verb, the part after the comma is that
    verb's subject.
    """
    chain = sorted([head, *head.conjuncts], key=lambda t: t.i)
    verb = _next_token(chain[-1].right_edge)
    if verb is None or verb.dep_ != "ROOT" or verb.pos_ not in VERB_POS or _has_subject(verb):
        return chain, []
    for j, member in enumerate(chain[1:], start=1):
        before = member.left_edge.i - 1
        if before >= 0 and member.doc[before].text == ",":
            return chain[:j], chain[j:]
    return chain, []


def _next_token(token: Token) -> Token | None:
    return token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None


def _has_subject(verb: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl") for c in verb.children)


def fronted_subject(verb: Token) -> list[Token]:
    """The subject ``split_fronted`` recovers for a subjectless main verb."""
    if verb.i == 0 or verb.dep_ != "ROOT":
        return []
    # a headline's second verb parsed as the main one: "Minister wants talks, invites rivals to Rome"
    # (not a quotation's reporting verb: "'... opened an inquiry,' the complaint states")
    fronted = [c for c in verb.children if c.dep_ == "ccomp" and c.i < verb.i]
    telling = verb.lemma_.lower() in CREDITING | QUOTING
    if fronted and not telling and (subjects := _children(fronted[0], "nsubj")):
        return subjects
    before = verb.doc[verb.i - 1]
    if before.dep_ != "conj":
        return []
    first = min([before, *before.conjuncts], key=lambda t: t.i)
    return split_fronted(first)[1]


class ActorFinder:
    """Turns noun-phrase heads into actor mentions, for one document."""

    def __init__(self, kb: ActorResolver, on: date | None, memory: DiscourseMemory) -> None:
        self._kb = kb
        self._on = on
        self.memory = memory
        self._cache: dict[int, list[ActorMention]] = {}

    def actors(self, head: Token, loose: bool = False) -> list[ActorMention]:
        """The actors a noun phrase and its conjuncts name.

        ``loose`` also reads a national modifier as the actor when the head word is unknown
        ("Iraqi Kurds", "Palestinian youths"); it is used for sources and for the victims
        of conflict events, not for what is supplied ("Iranian drones").
        """
        return _unique(m for h in coordinated(head) for m in self._loosely(h, loose))

    def _loosely(self, head: Token, loose: bool) -> list[ActorMention]:
        found = self.actor(head)
        if found or not loose or head.pos_ not in ("NOUN", "PROPN"):
            return found
        return self._modifier_actors(head)

    def _modifier_actors(self, head: Token) -> list[ActorMention]:
        """The group a modifier of an unknown head names: "Iraqi Kurds", "opposition groups"."""
        modifiers = (c for c in head.children if c.dep_ in ("amod", "compound", "nmod", "poss"))
        return next((m for m in map(self.actor, modifiers) if m), [])

    def actor(self, head: Token, depth: int = 0) -> list[ActorMention]:
        """The actors one noun phrase names (several for "officials from Britain and NATO")."""
        if head.i not in self._cache:
            self._cache[head.i] = []  # a cycle ("its" -> subject -> "its") finds nothing
            self._cache[head.i] = self._find(head, depth)
        return self._cache[head.i]

    def is_place(self, head: Token) -> bool:
        """Whether the noun phrase is a capital after a locative ("in Ashgabat"): where, not whom."""
        return self._kb.names_place(noun_phrase(head))

    def names_actor(self, head: Token) -> bool:
        """Whether the head word itself is an actor (not "drones" in "Iranian drones")."""
        if head.pos_ == "PROPN" or head.ent_type_ in ACTOR_ENTITIES or is_pronoun(head):
            return True
        return self._kb.resolve(head.doc[head.i : head.i + 1], self._on) is not None

    def _find(self, head: Token, depth: int) -> list[ActorMention]:
        if is_pronoun(head):
            return self._pronoun(head)
        mention = self._kb.resolve(noun_phrase(head), self._on)
        if mention is None and head.text[:1].isupper():  # tagging of rare surnames varies: PROPN, ADJ
            mention = self.memory.surname(head) or self._titled(head)
        if mention is None and head.pos_ == "NOUN":
            mention = self._unjoined(head)
        if mention is not None and not placed(mention):
            if _describes(head, mention):
                return []
            mention = self._fled(self._owned(self._led_by(head, mention), head), head)
        if mention is not None and _people(head, mention):
            return self._residents(head, mention, depth)
        if mention is not None and placed(mention):
            role = self._role(head, mention, depth)
            if role:
                return role
            self.memory.remember(head, mention)
            return [mention]
        # "officials from Britain", "leaders of Iraq"; "in" only after a word for people
        # ("rebels in Liberia"), since "efforts in Ukraine" are no actor in Ukraine
        preps = MEMBER_PREPS if mention is not None else STRICT_MEMBER_PREPS
        found = self._members(head, depth, preps) or self._apposition(head, depth)
        if mention is not None and mention.code.sector:  # "the mayor of Kandahar": the town's country, a mayor's sector
            found = [_with_sector(m, mention.code.sector) for m in found]
        titled = mention is not None and is_person(head) and mention.code.sector is not None  # "President Jean Dupont"
        if (
            found
            or mention is None
            or not codable(mention)
            or ((head.pos_ == "PROPN" or is_person(head)) and not (titled or _named_by_agent(head, mention)))
        ):
            return found
        if _named_by_agent(head, mention):  # the body's whole name, not only its head noun
            mention = _spanning(mention, head)
        return [mention]  # a bare sector ("police", "activists"): ``events.localised`` adds the country

    def _led_by(self, head: Token, mention: ActorMention) -> ActorMention:
        """"Ethiopian-led forces": a bare sector led by a nation is that nation's (CAMEO codes the leader)."""
        for led in head.children:
            if led.dep_ == "amod" and led.lower_ == "led" and led.i >= 2 and led.doc[led.i - 1].text == "-":
                alone = Doc(led.doc.vocab, words=[led.doc[led.i - 2].text])  # outside "X-led", X is a name
                leader = self._kb.resolve(alone[:], self._on)
                if leader is not None and leader.code.country and not leader.code.sector:
                    return replace(mention, code=replace(mention.code, country=leader.code.country))
        return mention

    def _owned(self, mention: ActorMention, head: Token) -> ActorMention:
        """A bare sector whose state or organisation is named among its modifiers but not next to
        the agent word, so the name matcher could not join them: "Palestinian suicide bombers",
        "Lebanon's new President Jean Dupont", "the United Nations special envoy"."""
        if placed(mention):
            return mention
        for modifier in _left_modifiers(head):
            found = self._kb.resolve(noun_phrase(modifier), self._on)
            if found is None:
                continue
            if found.code.known_group:  # its members speak for the organisation
                return replace(mention, code=found.code)
            if found.code.country and not found.code.sector:
                return _spanning(replace(mention, code=replace(mention.code, country=found.code.country)), head)
        return mention

    def _fled(self, mention: ActorMention, head: Token) -> ActorMention:
        """People fleeing a place are coded with its country, as refugees are with the state they
        come from (CAMEO codes refugees by origin): "refugees fleeing the fighting in Darfur" -> SDN."""
        if placed(mention) or mention.code.sector not in (RESIDENT_SECTOR, "REF"):
            return mention
        for verb in (c for c in head.children if c.dep_ == "acl" and _lemma(c) in FLEEING):
            for token in verb.subtree:
                found = self._kb.resolve(noun_phrase(token), self._on) if token.pos_ == "PROPN" else None
                if found is not None and found.code.country and not (found.code.sector or found.code.known_group):
                    return replace(mention, code=replace(mention.code, country=found.code.country))
        return mention

    def _unjoined(self, head: Token) -> ActorMention | None:
        """An agent word that needs a state or body to say whose it is ("officials", "leaders"),
        named with it across words the base does not know: "Montenegro Municipality Association
        officials" are read as "Montenegro officials"."""
        for modifier in _left_modifiers(head):
            owner = noun_phrase(modifier)
            found = self._kb.resolve(owner, self._on)
            if found is None or not (found.code.known_group or (found.code.country and not found.code.sector)):
                continue
            joined = Doc(head.doc.vocab, words=[*(t.text for t in owner), head.text])
            mention = self._kb.resolve(joined[:], self._on)
            if mention is not None and placed(mention) and mention.end > joined[-1].idx:  # the head joined in
                phrase = noun_phrase(head)
                return replace(mention, text=phrase.text, start=phrase.start_char, end=phrase.end_char)
        return None

    def _residents(self, head: Token, mention: ActorMention, depth: int) -> list[ActorMention]:
        """A people or group named by ethnicity is coded to the country it lives in (the PLOVER and
        CAMEO convention): "Albanians of southern Serbia", "ethnic Turks in Sweden" -> the place's
        country, and so does a national modifier ("Bosnian Serbs" -> BIH); "ethnic Turks" with no
        place keeps only a sector, and ``events.localised`` gives it the country of the place where they act."""
        home = self._national_modifier(head, mention)
        if home is not None:
            return [replace(mention, code=replace(mention.code, country=home))]
        for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ in ("in", "of")):
            homes = [m for o in _children(prep, "pobj") for m in self.actor(o, depth + 1) if m.code.country]
            if homes and depth < MAX_MEMBER_DEPTH:
                return [replace(mention, code=replace(mention.code, country=homes[0].code.country))]
        if not _ethnic(head):
            return [mention]
        sector = mention.code.sector or RESIDENT_SECTOR
        home = self._place_named(head)
        return [replace(mention, code=replace(mention.code, country=home, name=None, sector=sector))]

    def _place_named(self, head: Token) -> str | None:
        """The country of the first place the sentence names after a locative: "killed ethnic Turks
        in a raid in northern Cyprus", "villages near Greece's border"; where a minority lives."""
        for token in head.sent:
            governor = token.head.head if token.dep_ == "poss" else token.head
            if token.dep_ in ("pobj", "poss") and token.pos_ == "PROPN" and governor.lower_ in PLACE_PREPS:
                found = self._kb.resolve(noun_phrase(token), self._on)
                if found is not None and found.code.country and not (found.code.sector or found.code.known_group):
                    return found.code.country
        return None

    def _national_modifier(self, head: Token, mention: ActorMention) -> str | None:
        """The country of another nation's adjective before a people: "Bosnian" in "Bosnian Serbs"."""
        for modifier in (c for c in head.lefts if c.dep_ in ("amod", "compound", "nmod") and c.pos_ != "DET"):
            found = self._kb.resolve(head.doc[modifier.i : modifier.i + 1], self._on)
            if found is not None and found.code.country not in (None, mention.code.country):
                return found.code.country
        return None

    def _titled(self, head: Token) -> ActorMention | None:
        """A person the base lacks, read by the title before the name: "President Jean Dupont" is GOV.

        The mention has only a sector; ``events.localised`` gives it the country the sentence names.
        """
        if not is_person(head):
            return None
        for title in (c for c in head.lefts if c.dep_ == "compound" and not is_person(c)):
            found = self._kb.resolve(head.doc[title.i : title.i + 1], self._on)
            if found is not None and found.code.sector and not placed(found):
                return replace(found, text=head.text, start=head.idx, end=head.idx + len(head.text))
        return None

    def _pronoun(self, head: Token) -> list[ActorMention]:
        said_by = clause_subject(head) if head.dep_ == "poss" else None
        said_by = said_by or speaker(head)
        if said_by is not None and said_by.i != head.i:
            found = self.actor(said_by)
            if found:
                return [ActorMention(found[0].code, head.text, head.idx, head.idx + len(head.text))]
        mention = self.memory.pronoun(head)
        return [] if mention is None else [mention]

    def _members(self, head: Token, depth: int, preps: frozenset[str]) -> list[ActorMention]:
        if depth >= MAX_MEMBER_DEPTH:
            return []
        for prep in head.children:
            if prep.dep_ == "prep" and prep.lower_ in preps:
                objects = [c for c in prep.children if c.dep_ == "pobj"]
                found = [m for o in objects for h in coordinated(o) for m in self._member(h, depth + 1)]
                if found:
                    return _unique(found)
        return []

    def _member(self, head: Token, depth: int) -> list[ActorMention]:
        """A group named after "of"/"from", read loosely: "thousands of Iraqi Kurds"."""
        found = self.actor(head, depth)
        return found or self._modifier_actors(head)

    def _role(self, head: Token, mention: ActorMention, depth: int) -> list[ActorMention]:
        """The appositive role of a name read only as a place: in "Jan Kowal, the United Nations
        relief coordinator" the gazetteer may take "Kowal" for a town; the role says whose he is."""
        if mention.code.entry is not None or head.pos_ != "PROPN":
            return []
        roles = self._apposition(head, depth)
        return roles if any(m.code.sector or m.code.known_group for m in roles) else []

    def _apposition(self, head: Token, depth: int) -> list[ActorMention]:
        for child in head.children:
            if child.dep_ == "appos" and depth < MAX_MEMBER_DEPTH:
                return self.actor(child, depth + 1)
        return []


def _people(head: Token, mention: ActorMention) -> bool:
    """Whether the phrase names a people or a group by ethnicity: "Albanians", "ethnic Albanian
    rebels"; not a state ("Albania") nor its organs ("Albanian police")."""
    code = mention.code
    if code.country is None or code.known_group is not None:
        return False
    if _ethnic(head):
        return True
    return code.sector is None and head.tag_ in ("NNS", "NNPS")


def _spanning(mention: ActorMention, head: Token) -> ActorMention:
    """The mention stretched over the whole noun phrase of its head, when that holds it: the
    owner named among the modifiers is part of the actor's text ("Zambia Tea Growers Federation")."""
    phrase = noun_phrase(head)
    if not phrase.start_char <= mention.start <= mention.end <= phrase.end_char:
        return mention
    return replace(mention, text=phrase.text, start=phrase.start_char, end=phrase.end_char)


def _named_by_agent(head: Token, mention: ActorMention) -> bool:
    """Whether a proper-noun head is itself the agent word of the mention, as the head noun of a
    body's name the base lacks is: "Forum" in "the Global Water Forum" (a sector, no country)."""
    return head.pos_ == "PROPN" and mention.start <= head.idx < mention.end


def _with_sector(member: ActorMention, sector: str) -> ActorMention:
    """A place-only member ("Kandahar" in "the mayor of Kandahar") given the sector of the agent
    it belongs to; states with a sector, organisations and people keep their own code."""
    code = member.code
    if code.sector or code.known_group or code.country is None:
        return member
    return replace(member, code=replace(code, sector=sector))


def _left_modifiers(head: Token) -> list[Token]:
    """The modifiers before a head, also those of its compound parts, nearest first:
    "Lebanon" in "Lebanon's new President Jean Dupont" (a possessor of the title "President")."""
    found: list[Token] = []
    todo = [head]
    while todo:
        token = todo.pop(0)
        for child in sorted(token.lefts, key=lambda t: -t.i):
            if child.dep_ in ("amod", "compound", "nmod", "poss"):
                found.append(child)
                todo.append(child)
    return found


def _describes(head: Token, mention: ActorMention) -> bool:
    """Whether a bare sector word describes a thing: the adjective "military" in "military aid" or
    "a new military offensive", a weapon in "artillery shells"; neither names an actor (in
    "military officials" the noun names it)."""
    if head.head.pos_ != "NOUN" or head.head.i == head.i:
        return False
    adjective = head.pos_ == "ADJ" and head.dep_ == "amod"
    return adjective or (head.dep_ == "compound" and mention.code.entry == WEAPONS)


def _stative(verb: Token) -> bool:
    """A passive form without an agent that describes its subject's stance or activity: "is opposed
    to", "were engaged in" (their subject acts; "talks were held" names no actor anyway)."""
    return is_passive(verb) and not _children(verb, "agent")


def _stance_holders(verb: Token) -> list[Token]:
    """Who holds a stance told in the passive ("Israel is opposed to", "his government is committed
    to"), wherever the parser hangs the subject: on the participle or on its auxiliary."""
    found = _children(verb, "nsubjpass", "nsubj")
    return found or [s for aux in _children(verb, "auxpass", "aux") for s in _children(aux, "nsubj", "nsubjpass")]


def _ethnic(head: Token) -> bool:
    return any(_lemma(t) == "ethnic" for t in head.doc[head.left_edge.i : head.i])


def scene_actor(country: str, at: Token) -> ActorMention:
    """The state where an event happened, standing in for a party the text does not name (the
    field's convention for unknown perpetrators, and for the host of a visit)."""
    return ActorMention(ActorCode(country, None, None), "", at.idx, at.idx, country_basis="place")


def _of_whom(number: Token) -> list[Token]:
    """What a number counts: "two of the militants"."""
    return [o for p in _children(number, "prep") if p.lower_ == "of" for o in _children(p, "pobj")]


def _children(token: Token, *deps: str) -> list[Token]:
    return [c for c in token.children if c.dep_ in deps]


def _names_any(token: Token, preps: frozenset[str]) -> bool:
    """Whether one of these prepositions of the token has an object."""
    return next(_prep_objects(token, preps), None) is not None


def _prep_objects(token: Token, preps: frozenset[str]) -> Iterator[list[Token]]:
    for prep in token.children:
        if prep.dep_ in ("prep", "prt", "dative") and prep.lower_ in preps:
            objects = _children(prep, "pobj")
            if objects:
                yield objects


def is_passive(verb: Token) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)


def subject_heads(verb: Token) -> list[Token]:
    """The grammatical subject of a verb, inherited from governing clauses when unstated."""
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            relative = child.tag_ in RELATIVE_TAGS and verb.dep_ == "relcl"
            return [verb.head] if relative else [child]
    return _inherited_subject(verb)


FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})


def _sole_verb(verb: Token) -> bool:
    """A past form hung on a noun that is the root of a sentence with no finite verb of its own:
    "A British report called for sanctions" (called: VBN, acl of "report"), "The rebels handed over
    their weapons"; not "a report called Futures was published"."""
    if verb.tag_ not in ("VBD", "VBN") or verb.head.pos_ not in ("NOUN", "PROPN"):
        return False
    return not any(t.tag_ in FINITE_TAGS for t in verb.sent if t.i != verb.i)


def _inherited_subject(verb: Token) -> list[Token]:
    head, dep = verb.head, verb.dep_
    if head.i == verb.i:
        return fronted_subject(verb)
    if dep == "acl" and verb.tag_ == "VBG":
        return [head]
    if dep == "acl" and head.dep_ == "ROOT" and _sole_verb(verb):  # "The rebels handed over ...": a misparse
        return [head]  # the sentence's only verb, hung as a clause of its subject
    if dep == "pcomp":
        return _gerund_subject(head)
    if dep not in INHERITING_DEPS or head.pos_ not in VERB_POS | {"ADJ"}:
        return []
    if dep == "xcomp" and head.lemma_.lower() in OBJECT_CONTROL:
        objects = _children(head, "dobj")
        if objects:
            return objects
    return subject_heads(head)


def _gerund_subject(prep: Token) -> list[Token]:
    """Who does what a preposition's gerund says: "Iran's record of supplying" is Iran's, and in
    "accused Iran of supplying" or "blamed Iraq for attacking" the one accused does it."""
    governor = prep.head
    if governor.pos_ in NOUN_POS:
        return _owner_heads(governor)
    objects = _children(governor, "dobj") if prep.lower_ in ("of", "for") else []
    return objects or subject_heads(governor)


def source_heads(verb: Token) -> list[Token]:
    """Who acts: the agent of a passive verb, otherwise the subject."""
    if is_passive(verb):
        return [o for a in _children(verb, "agent") for o in _children(a, "pobj")]
    return subject_heads(verb)


def owner_groups(noun: Token) -> Iterator[list[Token]]:
    """Whose thing a noun is, most explicit first: "Iraq's proposal", "calls by Annan", "calls from
    Iran", "a US offer", "a demonstration staged by students". With an "of" phrase, "from" is where
    from ("the withdrawal of Greek troops from Cyprus": the troops')."""
    yield _children(noun, "poss")
    yield from _prep_objects(noun, AGENT_PREPS)
    if not _names_any(noun, NOMINAL_TARGET_PREPS - {"between"}):
        yield from _prep_objects(noun, SENDER_PREPS)
    yield from ([m] for m in _modifiers(noun))
    for participle in _children(noun, "acl"):
        if participle.tag_ == "VBN":
            yield [o for a in _children(participle, "agent") for o in _children(a, "pobj")]


def _owner_heads(noun: Token) -> list[Token]:
    """The first candidate owner of a noun (see ``owner_groups``)."""
    return next((group for group in owner_groups(noun) if group), [])


class DyadReader:
    """Reads sources and targets of triggers with one document's ``ActorFinder``."""

    def __init__(self, finder: ActorFinder) -> None:
        self._finder = finder

    def read(self, trigger: Trigger, event_type: EventType) -> Dyad:
        """Every source and target the parse gives the trigger, and where it happened."""
        dyad = self._read(trigger, event_type)
        if all(placed(m) for m in (*dyad.sources, *dyad.targets)):
            return dyad
        venue = event_type.venue and trigger.rule.symmetric is not False
        return replace(dyad, where=self._where(trigger.token, (*dyad.sources, *dyad.targets), venue))

    def _scene_before(self, token: Token) -> str | None:
        """The country of the first place after a locative in the sentence before the token's
        ("Fighting flared in Idlib province. Forces pounded the area.")."""
        start = token.sent.start
        if start == 0:
            return None
        previous = token.doc[start - 1].sent
        return self._place_in(range(previous.start, previous.end), token.doc)

    def scene(self, token: Token) -> str | None:
        """The country where the clause of ``token`` happened, if the text says (see ``_where``)."""
        return self._where(token)

    def agentless(self, trigger: Trigger, dyad: Dyad, causes: frozenset[str]) -> Dyad:
        """ "A roadside bomb killed two soldiers": with no perpetrator named, the country where it
        happened is the source (the PLOVER/CAMEO convention for unknown perpetrators), else the
        victims' own country; the victims stay the target."""
        verb = trigger.token
        if trigger.nominal or dyad.sources or not caused_by(verb, causes):
            return dyad
        victims = () if dyad.placed else dyad.targets
        scene = self._where(verb, victims) or (self._where(verb.head) if _attempted(verb) else None)
        scene = scene or next((v.code.country for v in dyad.targets if v.code.country), None)
        if scene is None:
            return dyad
        return replace(dyad, sources=(scene_actor(scene, verb),), where=scene)

    def by_authorities(self, trigger: Trigger, dyad: Dyad) -> Dyad:
        """ "A former soldier was jailed in Turkey": an act only authorities perform, told in the
        passive with no agent, is coded to the state where it happened."""
        verb = trigger.token
        if trigger.nominal or dyad.sources or not is_passive(verb) or _children(verb, "agent"):
            return dyad
        scene = self._where(verb, () if dyad.placed else dyad.targets)
        if scene is None:
            return dyad
        return replace(dyad, sources=(scene_actor(scene, verb),), where=scene)

    def _where(self, token: Token, parties: Sequence[ActorMention] = (), venue: bool = False) -> str | None:
        """The country of the first place in the trigger's clause ("protesters in Kirkuk"), else in
        the phrase of a party without a country ("refugees fleeing the war in Liberia"), else
        of the first country that clause names at all ("X resigned to allow Haiti's elections").

        Places of other clauses ("accuse Iran of supplying drones for its war in Ukraine") and of
        who tells the news ("officials in Nairobi said") say nothing about who acted, and neither
        do the other parties ("governments accuse Iran") nor the capital where a meeting is held
        (``venue``).
        """
        clause = clause_tokens(token)
        if (country := self._place_in(sorted(clause), token.doc, venue)) is not None:
            return country
        bare = (mention_phrase(p, token.doc) for p in parties if not placed(p))  # "refugees fleeing the war in X"
        if country := self._place_in(sorted({i for b in bare if b for i in _unrelated(b.root)}), token.doc):
            return country
        named_in = self.named_in(token.sent, places=not venue, within=clause)
        named = (m for m in named_in if not any(p.start <= m.start and m.end <= p.end for p in parties))
        return next(
            (
                m.code.country
                for m in named
                if m.code.country and not _at_border(m, token.doc) and not self._of_another_party(m, token.doc)
            ),
            None,
        )

    def _of_another_party(self, mention: ActorMention, doc: Doc) -> bool:
        """Whether a country is named only as whose another party is: "against the Chilean navy",
        "Peruvian-trained police"; such a name says where that party is from, not where it happened
        ("Malian villages", "the Greek island of X" still do)."""
        span = mention_phrase(mention, doc)
        if span is None:
            return False
        root = span.root
        if root.dep_ not in ("amod", "compound", "poss") or root.ent_type_ != "NORP" or root.head.pos_ not in NOUN_POS:
            return False
        return names_party(root.head) or any(m.code.sector for m in self._finder.actor(root.head))

    def _place_in(self, indices: Sequence[int], doc: Doc, venue: bool = False) -> str | None:
        """The country of the first place after a locative among the tokens, outside "X said"."""
        for prep in (doc[i] for i in indices):
            if prep.dep_ == "prep" and prep.lower_ in PLACE_PREPS and not _in_credit(prep):
                objects = [o for o in _children(prep, "pobj") if not (venue and self._finder.is_place(o))]
                found = [m for o in objects for m in self._placename(o) if m.code.country]
                if found:
                    return found[0].code.country
        return None

    def _placename(self, head: Token) -> list[ActorMention]:
        """The actors a place phrase names, also through "of" or a possessive: "near the town of
        Tikrit", "in Cyprus's biggest trial"."""
        found = self._finder.actor(head)
        if found:
            return found
        owners = (m for o in _children(head, "poss") for m in self._finder.actor(o) if m.code.sector is None)
        named = (o for p in _children(head, "prep") if p.lower_ == "of" for o in _children(p, "pobj"))
        # "in Idlib province", "in the Kunar region": the name before a word of kind
        kind = _lemma(head) in AREA_WORDS | {"state", "county", "governorate", "prefecture"}
        compounds = (
            m for o in _children(head, "compound") if kind for m in self._finder.actor(o) if m.code.sector is None
        )
        return [*owners, *(m for o in named if self._finder.is_place(o) for m in self._finder.actor(o)), *compounds]

    def named_in(
        self, sentence: Span, places: bool = True, within: frozenset[int] | None = None
    ) -> Iterator[ActorMention]:
        """The actors the named entities of a sentence stand for, in order, outside "X said".

        Without ``places`` a capital after a locative ("met in Ashgabat") is left out; with
        ``within``, only entities whose head is one of those token indices count.
        """
        for entity in sentence.ents:
            root = entity.root
            if entity.label_ not in NAMED_ACTORS or _in_credit(root) or (within is not None and root.i not in within):
                continue
            if places or not self._finder.is_place(root):
                yield from self._finder.actor(root)

    def _read(self, trigger: Trigger, event_type: EventType) -> Dyad:
        preps = event_type.preps | trigger.rule.preps
        venue = event_type.venue and (trigger.rule.symmetric is not False)
        elsewhere = event_type.target != "optional"
        if trigger.nominal:
            return self._nominal(trigger.token, preps, venue, elsewhere)
        verb = trigger.token
        stative = trigger.rule.particle is not None and _stative(verb)  # "Israel is opposed to ..."
        doers = _stance_holders(verb) if stative else source_heads(verb)
        sources = self._first([doers, *_deputies(doers), _far_agent(verb)])
        harm = _threatened_harm(verb) if event_type.name == THREATEN else None
        if harm is not None:  # "warned that Turkey would strike Kurdish fighters": the fighters
            if all(is_pronoun(d) for d in doers) and not any(placed(s) for s in sources):  # "he warned Turkey would"
                sources = self._first([subject_heads(harm)]) or sources
            harmed = self._first([_children(verb, "dative"), *self._verb_targets(harm, COMPLEMENT_PREPS)], sources)
            if harmed:
                return Dyad(tuple(sources), tuple(harmed))
        # an object the entry asks for ("shared intelligence", "lifted the curfew") is a thing, not a target
        # ("captured two militants": an entry asking for any party acts on it, no thing)
        thing = bool(trigger.rule.objects - {ANY_PARTY}) or event_type.object_is_thing
        groups = chain(
            self._verb_targets(verb, preps, thing),
            self._complement_targets(verb),
            _condition_subjects(verb),  # "threatened to walk out unless Israel withdraws"
            _ruled_from(verb),  # "rioted ..., demanding independence from Serbian rule"
        )
        targets = self._first(groups, sources)
        if _own_side(targets, sources):  # "sent army reservists for a war against X": X, not the army
            targets = self._foreign(_party_groups(verb), sources) or targets
        if event_type.target == "optional" and _own_forces(targets, sources):
            targets = []  # "withdrawing American forces": what is moved, the target is where from

        if targets:
            return Dyad(tuple(sources), tuple(targets))
        area = area_object(verb) if event_type.quad_class == MATERIAL_CONFLICT else None
        country = self._scene_before(verb) if area is not None else None
        if area is not None and country is not None:  # "forces continue to pound the area": the place just named
            return Dyad(tuple(sources), (scene_actor(country, area),), where=country)
        dyad = self._placed(verb, sources, _place_groups(verb), venue, elsewhere)
        if dyad.targets:
            return dyad
        return replace(dyad, unnamed=tuple(self._unnamed(verb, preps, thing, sources)[:1]))

    def _unnamed(
        self, verb: Token, preps: frozenset[str], thing: bool, sources: Sequence[ActorMention]
    ) -> list[ActorMention]:
        """The party the clause itself acts on when the actor base codes none: the passive subject,
        the indirect or direct object (unless the entry's object is a thing), or the object of a
        target preposition, as a noun phrase of its own ("the lobbyist", "a charity"). Never a
        place, a time, an amount, a pronoun or one of the doers."""
        groups: list[list[Token]] = []
        if is_passive(verb) and not thing:
            groups.append(_children(verb, "nsubjpass"))
        groups.append(_children(verb, "dative"))
        if not thing:
            groups.append(_children(verb, "dobj"))
        groups.extend(_prep_objects(verb, preps - PLACE_PREPS))
        doers = {(s.start, s.end) for s in sources}
        for heads in groups:
            for head in heads:
                if self._party_like(head) and (head.idx, head.idx + len(head.text)) not in doers:
                    return [unnamed_party(head)]
        return []

    def _party_like(self, head: Token) -> bool:
        return (
            names_party(head)
            and head.ent_type_ not in NOT_PARTIES
            and not head.like_num
            and not self._finder.is_place(head)
            and not self._finder.actors(head, loose=True)
        )

    def _foreign(self, groups: Iterable[list[Token]], sources: Sequence[ActorMention]) -> list[ActorMention]:
        """The first group that names a party with a country or organisation other than the sources'."""
        own = _own_codes(sources)
        for heads in groups:
            found = [m for m in self._first([heads], sources) if placed(m) and _code_of(m) not in own]
            if found:
                return found
        return []

    def _placed(
        self,
        anchor: Token,
        sources: Sequence[ActorMention],
        places: Iterable[list[Token]],
        venue: bool = False,
        elsewhere: bool = True,
    ) -> Dyad:
        """Without a target the syntax gives, the other country the sentence names is the target.

        First where it happened ("shelled positions near Rafah"), then, for types that need a
        target, any other country named ("declined the offer, citing a US-led war"): one event a
        sentence mostly concerns them. A type whose target is optional (a show of force, an
        alert) only takes one named inside the trigger's own phrase ("deployed troops along its
        border with China"), never from another clause ("As China's navy manoeuvred, India ...").
        """
        within = None if elsewhere else frozenset(t.i for t in anchor.subtree)
        targets = self._place(places, sources, venue) or self._elsewhere(anchor, sources, venue, within)
        return Dyad(tuple(sources), tuple(targets), placed=True)

    def _elsewhere(
        self, anchor: Token, sources: Sequence[ActorMention], venue: bool = False, within: frozenset[int] | None = None
    ) -> list[ActorMention]:
        own = {s.code.country for s in sources} | {s.code.known_group for s in sources}
        named = self.named_in(anchor.sent, places=not venue, within=within)
        others = (m for m in named if (m.code.country or m.code.known_group) not in own)
        kept = (m for m in others if not _reflexive(m, sources) and not _allied(m, anchor.doc))
        return [m for m in kept if not _at_border(m, anchor.doc, sides=False)][:1]

    def _place(
        self, groups: Iterable[list[Token]], sources: Sequence[ActorMention], venue: bool = False
    ) -> list[ActorMention]:
        """A country where it happened other than the sources' own; not the venue of a meeting."""
        if venue:
            groups = ([h for h in heads if not self._finder.is_place(h)] for heads in groups)
        found = self._first(groups, sources)
        own = {s.code.country for s in sources}
        return [m for m in found if m.code.country and m.code.country not in own]

    def _first(self, groups: Iterable[list[Token]], exclude: Sequence[ActorMention] = ()) -> list[ActorMention]:
        """The actors of the first group of candidate heads that names any besides ``exclude``.

        A pronoun standing for one of the excluded actors ("its borders" after "Syria") is the
        actor itself, not a second party.
        """
        for heads in groups:
            found = _unique(m for h in heads for m in self._split(h, self._finder.actors(h, loose=True)))
            found = [self._shared_nation(m, found, heads[0].doc) for m in found]
            found = [m for m in found if m not in exclude and not _reflexive(m, exclude)]
            found = [m for m in found if not _at_border(m, heads[0].doc, sides=False)]
            found = [m for m in found if not (exclude and _allied(m, heads[0].doc))]  # a target, never an ally
            if found:
                return found
        return []

    def _shared_nation(self, mention: ActorMention, found: list[ActorMention], doc: Doc) -> ActorMention:
        """A bare conjunct shares the nation of the first conjunct's adjective: "Israeli helicopters and
        tanks" are Israeli tanks; not "Israeli troops and militants" (another sector)."""
        span = mention_phrase(mention, doc)
        if placed(mention) or span is None or span.root.dep_ != "conj" or _modified(span.root):
            return mention
        first = span.root.head
        while first.dep_ == "conj":
            first = first.head
        for other in found:
            inside = first.left_edge.idx <= other.start and other.end <= first.idx + len(first.text)
            kin = other.code.sector in (None, mention.code.sector)
            if inside and other.code.country and kin and any(m.dep_ == "amod" for m in first.children):
                return replace(mention, code=replace(mention.code, country=other.code.country))
        return mention

    def _split(self, head: Token, found: list[ActorMention]) -> list[ActorMention]:
        """One mention per nation for coordinated national adjectives on one head: "senior Polish and
        Czech officials" are Polish officials and Czech officials, not one of them twice."""
        nationals = _coordinated_modifiers(head)
        if len(found) != 1 or len(nationals) < 2:
            return found
        codes = [m.code for n in nationals for m in self._finder.actor(n) if m.code.country]
        if len(codes) != len(nationals) or len({c.country for c in codes}) < 2:
            return found
        mention = found[0]
        return [
            replace(
                mention,
                code=replace(mention.code, country=c.country),
                text=f"{n.text} {head.text}",
                start=n.idx,
                end=n.idx + len(n.text),
            )
            for n, c in zip(nationals, codes, strict=True)
        ]

    def _verb_targets(self, verb: Token, preps: frozenset[str], thing: bool = False) -> Iterator[list[Token]]:
        if is_passive(verb) and not thing:
            subjects = _children(verb, "nsubjpass")
            yield subjects
            yield [w for s in subjects if s.like_num for w in _of_whom(s)]  # "two of the militants were seized"
        yield _children(verb, "dative")
        yield from _grievances(verb, preps)
        recipients = self._recipient(verb, preps)
        for obj in _children(verb, "dobj"):
            yield from self._object_targets(verb, obj, thing, recipients)
        yield from _prep_objects(verb, preps)
        for clause in _children(verb, "ccomp", "xcomp"):
            yield [s for s in _children(clause, "nsubj", "nsubjpass") if s.tag_ not in RELATIVE_TAGS]
        for clause in _infinitives(verb):  # "supplied drones to bolster Russia's war"
            for obj in _children(clause, "dobj"):
                yield from owner_groups(obj)
                yield [obj]

    def _recipient(self, verb: Token, preps: frozenset[str]) -> bool:
        """Whether a preposition names a party the object goes to ("supplied tanks to Ukraine"); not a
        place or time ("killed two Albanians in a gunbattle on Friday")."""
        groups = _prep_objects(verb, preps - PLACE_PREPS)
        return any(placed(m) for heads in groups for h in heads for m in self._finder.actor(h))

    def _complement_targets(self, verb: Token) -> Iterator[list[Token]]:
        """Targets named inside what the verb governs: "threatened to cut off power to X"."""
        for clause in _children(verb, "xcomp", "ccomp"):
            yield from self._verb_targets(clause, COMPLEMENT_PREPS)
            for inner in _children(clause, "xcomp"):
                yield from self._verb_targets(inner, COMPLEMENT_PREPS)

    def _object_targets(
        self, verb: Token, obj: Token, thing: bool, recipients: bool = False
    ) -> Iterator[list[Token]]:
        if obj.tag_ in RELATIVE_TAGS and verb.dep_ == "relcl":
            obj = antecedent(verb.head)
        if _own_possession(obj) and not self._names_party(obj):  # "offered its troops": the source's own
            yield from _prep_objects(obj, COMPLEMENT_PREPS)
            return
        if _lemma(verb) in GIVING and self._bare_forces(obj):  # "offered troops to help X": its own, too
            yield from _prep_objects(obj, COMPLEMENT_PREPS)
            return
        # "supplied tanks to Ukraine": a bare sector object beside a recipient is what is moved
        if not thing and self._finder.names_actor(obj) and not (recipients and self._bare(obj)):
            yield [obj]
        yield from owner_groups(obj)  # "rejected a US offer", "accepted Iraq's proposal"
        light = governing_verb(obj)
        if light is not None and light.i != verb.i:  # "an invitation X extended, which Y accepted"
            yield source_heads(light)
        yield from _prep_objects(obj, COMPLEMENT_PREPS)
        for parties in _prep_objects(obj, PAIR_PREPS):  # "halt mediation efforts among Sudan's factions"
            yield parties
            yield from (group for party in parties for group in owner_groups(party))
        yield from _inner_parties(obj)

    def _bare_forces(self, obj: Token) -> bool:
        """Armed forces of no named country ("troops", "two battalions of soldiers")."""
        found = self._finder.actors(obj, loose=True)
        return bool(found) and all(m.code.sector in FORCES and not placed(m) for m in found)

    def _bare(self, obj: Token) -> bool:
        found = self._finder.actors(obj, loose=True)
        return bool(found) and not any(placed(m) for m in found)

    def _names_party(self, obj: Token) -> bool:
        """Whether a possessed object is an actor of its own: "his Iranian counterpart", not "its troops"."""
        return any(placed(m) for m in self._finder.actor(obj))

    def _nominal(self, noun: Token, preps: frozenset[str], venue: bool = False, elsewhere: bool = True) -> Dyad:
        noun = _framed(noun)
        light = hosting_verb(noun) or _framing_clause(noun)
        candidates = [_children(noun, "poss"), [o for g in _prep_objects(noun, frozenset({"by"})) for o in g]]
        candidates += [[m] for m in _modifiers(noun)]
        if light is not None and _lemma(light) not in SUFFERING:  # "held talks"; "were engaged in ethnic cleansing"
            candidates.append(_children(light, "nsubjpass") if _stative(light) else source_heads(light))
        sources = self._first(candidates)
        target_groups = list(_prep_objects(noun, preps | NOMINAL_TARGET_PREPS))
        target_groups += [g for heads in list(target_groups) for h in heads for g in owner_groups(h)]
        if light is not None:
            target_groups += [_children(light, "dative"), *_prep_objects(light, preps)]
        impact = impact_verb(noun)
        if impact is not None:  # "air strikes hit rebel positions in Idlib"
            target_groups += [_children(impact, "dobj")]
        targets = self._first(target_groups, exclude=sources)
        if not sources and len(targets) > 1:  # "clashes between A and B": A and B are the pair
            return Dyad(tuple(targets), ())
        if targets:
            return Dyad(tuple(sources), tuple(targets))
        places = [*_place_groups(noun), *(g for v in (light, impact) if v is not None for g in _place_groups(v))]
        if light is None and impact is None:  # "as part of their cooperation": a backdrop, not an event between the two
            return Dyad(tuple(sources), tuple(self._place(places, sources, venue)), placed=True)
        return self._placed(noun, sources, places, venue, elsewhere)


def clause_head(token: Token) -> Token:
    """The verb whose clause the token belongs to (the root when there is none)."""
    while token.pos_ not in VERB_POS and token.head.i != token.i:
        token = token.head
    return token


def clause_tokens(trigger: Token) -> frozenset[int]:
    """The trigger's clause with its subjects' phrases, the clauses it inherits its subject
    from, its purpose clauses and what it says ("demands that X grant ...").

    "Protesters gathered in Kirkuk to demand ...": the place belongs to "demand" too.
    """
    own = clause_head(trigger)
    linked = (c for t in {own, trigger} for c in t.children if c.dep_ in CONTENT_CLAUSES)
    heads = {own.i, *(c.i for c in linked)}
    while own.dep_ in INHERITING_DEPS and own.head.i != own.i:
        own = own.head
        heads.add(own.i)
    subjects = (c for h in heads for c in trigger.doc[h].children if c.dep_ in ("nsubj", "nsubjpass"))
    in_clause = (t.i for t in trigger.sent if clause_head(t).i in heads)
    return frozenset([*in_clause, *(t.i for s in subjects for t in s.subtree)])


def _at_border(mention: ActorMention, doc: Doc, sides: bool = True) -> bool:
    """Whether a country is named for a border ("on the Thai border", with ``sides`` also "the border
    with Chad"): a border has two sides, so it says neither where something happened nor, unless
    it is the other side ("along its border with Chad"), whom it concerns."""
    phrase = mention_phrase(mention, doc)
    if phrase is None:
        return False
    root = phrase.root
    if root.dep_ == "pobj" and not sides:
        return False
    governor = root.head.head if root.dep_ == "pobj" else root.head
    return _lemma(governor) in BORDER_NOUNS


def _inner_parties(obj: Token) -> Iterator[list[Token]]:
    """Parties one step further inside an object phrase, nearest the head first: "an invitation to a
    meeting of Iraqi factions", "an invitation to attend a meeting of Iraqi factions"."""
    inner = [o for group in _prep_objects(obj, COMPLEMENT_PREPS) for o in group]
    inner += [o for c in _children(obj, "acl") if _children(c, "aux") for o in _children(c, "dobj")]
    for head in inner:
        yield [head]
        yield from _prep_objects(head, NOMINAL_TARGET_PREPS)


def _ruled_from(verb: Token) -> Iterator[list[Token]]:
    """Who a call for independence is against: "independence/autonomy from X (rule)" anywhere in
    the verb's phrase names X, the state the actors want to leave."""
    for noun in verb.subtree:
        if _lemma(noun) in SELF_RULE:
            for objects in _prep_objects(noun, SENDER_PREPS):
                yield objects
                yield from (g for o in objects for g in owner_groups(o))


def _far_agent(verb: Token) -> list[Token]:
    """The agent set off by a comma after a long phrase, which the parse hangs elsewhere: "X has
    been accused of ..., much of it ..., by Y officials" is Y's accusation."""
    if not is_passive(verb) or _children(verb, "agent"):
        return []
    after = (t for t in verb.sent if t.i > verb.i + 1 and t.lower_ == "by" and t.dep_ in ("agent", "prep"))
    agents = (t for t in after if t.doc[t.i - 1].text == "," and t.head.i != verb.i)
    return next((_children(a, "pobj") for a in agents), [])


def _deputies(doers: list[Token]) -> Iterator[list[Token]]:
    """Who stands behind a subject that is no actor: the owner of a thing that did it ("US drone
    strikes killed ...", "a Hamas car bomb wounded ..."), and for a statement ("issued a declaration
    demanding ...", "released a statement accusing ...") whoever issued it."""
    for doer in doers:
        yield from owner_groups(doer)
        if doer.dep_ in ("dobj", "pobj") and doer.head.pos_ in VERB_POS:
            yield source_heads(doer.head)


def _framed(noun: Token) -> Token:
    """The head a nominal trigger names the kind of, when that head names the parties: "a mediation
    effort between A and B" is read from "effort", whose phrase holds them and the verb hosting it."""
    head = noun.head
    if noun.dep_ != "compound" or head.i != noun.i + 1 or head.lemma_.lower() not in FRAME_NOUNS:
        return noun
    return head if _names_any(head, PAIR_PREPS) else noun


def _framing_clause(noun: Token) -> Token | None:
    """The verb a "during" phrase hangs on: in "X threw stones during protests against Y" the
    clause's subject is who protests."""
    prep = noun.head
    if noun.dep_ == "pobj" and prep.lower_ == "during" and prep.head.pos_ in VERB_POS:
        return prep.head
    return None


def _modified(head: Token) -> bool:
    return any(c.dep_ in ("amod", "compound", "poss", "nmod") for c in head.children)


def _coordinated_modifiers(head: Token) -> list[Token]:
    """Adjectives or names coordinated before one head: "Polish" and "Czech" in "Polish and Czech officials"."""
    for child in head.children:
        if child.dep_ in ("amod", "compound") and child.i < head.i:
            chain = [child, *(c for c in child.conjuncts if c.i < head.i)]
            if len(chain) > 1:
                return sorted(chain, key=lambda t: t.i)
    return []


def _unrelated(head: Token) -> Iterator[int]:
    """The phrase of a head without its relative clauses ("refugees who have lived in Iraq" tell of
    another time, not of where the event happens)."""
    for child in head.children:
        if child.dep_ != "relcl":
            yield from _unrelated(child)
    yield head.i


def mention_phrase(mention: ActorMention, doc: Doc) -> Span | None:
    """The words of a mention, when it has any (a country coded from a place has none)."""
    return doc.char_span(mention.start, mention.end, alignment_mode="expand") if mention.end > mention.start else None


def _in_credit(token: Token) -> bool:
    """Whether the token names who tells the news: "..., the French embassy said", "according to AFP"."""
    governor = next((a for a in token.ancestors if a.pos_ in VERB_POS or a.lower_ == "according"), None)
    return governor is not None and governor.lemma_.lower() in CREDITING


def antecedent(noun: Token) -> Token:
    """What a relative pronoun stands for; "an invitation to attend the summit, which X accepted"
    is the invitation, not the summit."""
    while noun.dep_ in ("dobj", "pobj") and noun.head.dep_ in ("acl", "prep") and noun.head.head.pos_ in NOUN_POS:
        noun = noun.head.head
    return noun


def caused_by(verb: Token, causes: frozenset[str]) -> bool:
    """Whether only a thing is said to have done it: "a car bomb killed ...", "were killed in a
    bombing", "killed by an explosive device"; not "they killed ..." nor "were killed in Iraq"."""
    if _attempted(verb):
        return True
    doers = source_heads(verb)
    if any(_lemma(d) not in causes for d in doers):
        return False
    framed = (o for p in _children(verb, "prep") if p.lower_ in ("in", "by", "during") for o in _children(p, "pobj"))
    return bool(doers) or any(_lemma(o) in causes for o in framed)


def _attempted(verb: Token) -> bool:
    """ "An attempt to assassinate X was foiled": an unowned attempt whose infinitive tells the deed."""
    head = verb.head
    return verb.dep_ == "acl" and _lemma(head) in ATTEMPT_NOUNS and not _owner_heads(head)


def _lemma(token: Token) -> str:
    return token.lemma_.lower()


def _condition_subjects(verb: Token) -> Iterator[list[Token]]:
    for clause in [verb, *_children(verb, "xcomp")]:
        for condition in _children(clause, "advcl"):
            if any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in condition.children):
                yield _children(condition, "nsubj", "nsubjpass")


def _infinitives(verb: Token) -> list[Token]:
    return [c for c in _children(verb, "advcl", "xcomp") if any(a.lower_ == "to" for a in _children(c, "aux"))]


def _modifiers(noun: Token) -> list[Token]:
    """Modifiers that may name an actor; not the first half of "UN-brokered" or "Iranian-backed"."""
    found = []
    for child in noun.children:
        following = child.doc[child.i + 1] if child.i + 1 < len(child.doc) else None
        if child.dep_ in ("compound", "amod", "nmod") and not (following is not None and following.text == "-"):
            found.append(child)
    return found


def _reflexive(mention: ActorMention, others: Sequence[ActorMention]) -> bool:
    text = mention.text.lower()
    return text in PRONOUNS and any(
        o.code.country == mention.code.country and o.code.known_group == mention.code.known_group for o in others
    )


def _allied(mention: ActorMention, doc: Doc) -> bool:
    """Whether the sentence names the party as on the doer's side, not acted on: "backed by Iranian
    and Russian allies", "troops fighting alongside the SDF"."""
    span = mention_phrase(mention, doc)
    if span is None or len(span) == 0:
        return False
    head = span.root
    while head.dep_ in ("conj", "amod", "compound", "poss") and head.head.i != head.i:  # "Iranian and Russian allies"
        head = head.head
    prep = head.head if head.dep_ == "pobj" else None
    if prep is None:
        return False
    return prep.lower_ in ALLY_PREPS or (prep.dep_ == "agent" and _lemma(prep.head) in BACKING_VERBS)


def _own_possession(noun: Token) -> bool:
    return any(c.dep_ == "poss" and is_pronoun(c) for c in noun.children)


def _grievances(verb: Token, preps: frozenset[str]) -> Iterator[list[Token]]:
    """What is complained about when the verb also names an addressee: in "complained to the UN over
    Israeli raids" PLOVER's target is who carried out the raids, the UN only hears the complaint."""
    if not preps & ADDRESSEE_PREPS or not _names_any(verb, ADDRESSEE_PREPS):
        return
    for objects in _prep_objects(verb, GRIEVANCE_PREPS):
        yield objects
        for obj in objects:
            yield from owner_groups(obj)
    # "complained ... about Turkish drilling off its coast": a gerund parsed as a verb keeps its modifiers
    for prep in _children(verb, "prep"):
        if prep.lower_ in GRIEVANCE_PREPS:
            yield [m for g in _children(prep, "pcomp") for m in _children(g, "amod", "poss")]


def _own_forces(targets: Sequence[ActorMention], sources: Sequence[ActorMention]) -> bool:
    """Whether every target is an armed force of the sources' own country ("American forces" an
    American president withdraws or mobilises)."""
    own = _own_codes(sources)
    return bool(targets) and bool(own) and all(t.code.sector in FORCES and _code_of(t) in own for t in targets)


def _threatened_harm(verb: Token) -> Token | None:
    """The act a warning or threat says its own side would commit: "warned that Turkey would strike
    Kurdish fighters" (strike), not what another would suffer ("warned that Iran would face ...")."""
    for clause in _children(verb, "ccomp", "xcomp"):
        if _lemma(clause) in HARM_VERBS:
            return clause
    return None


def _own_side(targets: Sequence[ActorMention], sources: Sequence[ActorMention]) -> bool:
    """Whether every target is only a bare sector ("army reservists", "its troops"), which would take the
    sources' own country; a named compatriot ("Croatian extremists") is a real domestic target."""
    return bool(targets) and bool(_own_codes(sources)) and not any(placed(t) for t in targets)


def _own_codes(sources: Sequence[ActorMention]) -> set[str]:
    return {c for c in map(_code_of, sources) if c}


def _code_of(mention: ActorMention) -> str | None:
    return mention.code.country or mention.code.known_group


def _party_groups(verb: Token) -> Iterator[list[Token]]:
    """Parties named in "to/against/with" phrases inside the verb's objects and infinitives, in order:
    "continue military aid to X", "offered its troops to X's president", "launch an offensive ... with X".
    Relative and participial clauses are not followed: they tell of other events."""
    for prep in _along(verb, PARTY_PATH_DEPS):
        if prep.dep_ == "prep" and prep.lower_ in PARTY_PREPS:
            for obj in _children(prep, "pobj"):
                yield [obj]
                yield from owner_groups(obj)


def _along(token: Token, deps: frozenset[str]) -> list[Token]:
    """The descendants reached from ``token`` through ``deps`` links only, in sentence order."""
    found: list[Token] = []
    frontier = [token]
    while frontier:
        children = [c for t in frontier for c in t.children if c.dep_ in deps]
        found.extend(children)
        frontier = children
    return sorted(found, key=lambda t: t.i)


def _place_groups(token: Token) -> Iterator[list[Token]]:
    """Where it happened, as a last resort for the target: "shelled positions near Rafah"."""
    clauses = [token, *_children(token, "xcomp")]
    for anchor in [*clauses, *(o for c in clauses for o in _children(c, "dobj"))]:
        yield from _prep_objects(anchor, PLACE_PREPS)
