"""The event coder: one ``Event`` per (trigger, source, target) telling in a parsed document.

``EventCoder.code`` walks the sentences in order, finds triggers (``triggers``), reads
their actors (``dyads``), modality (``modality``) and attribution (``attribution``), and
looks up CAMEO code, quad class and Goldstein weight (``event_types``). Date and location
are left empty: the pipeline attaches them, then calls ``merge.merge_mentions``.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date

from spacy.tokens import Doc, Span, Token

from worldorder.coding.attribution import attribute
from worldorder.coding.clause_model import Opinion, SecondOpinion
from worldorder.coding.coref import DiscourseMemory
from worldorder.coding.dyads import (
    GENERIC_SECTORS,
    IMPLICATIVE,
    SUFFERING,
    ActorFinder,
    ActorResolver,
    Dyad,
    DyadReader,
    antecedent,
    codable,
    mention_phrase,
    placed,
    scene_actor,
    source_heads,
    subject_heads,
    unnamed_party,
)
from worldorder.coding.event_types import EventType, EventTypeTable
from worldorder.coding.modality import Cue, ModalityCues, ModalityReader, Reading
from worldorder.coding.parties import names_party
from worldorder.coding.places import PlacedResolver
from worldorder.coding.triggers import (
    DURATIVE_NOUNS,
    Trigger,
    TriggerLexicon,
    TriggerRule,
    has_particle,
    has_subject,
    hosting_verb,
    impact_verb,
    infinitive,
    intended,
)
from worldorder.geo.gazetteer import Gazetteer
from worldorder.model import ActorCode, ActorMention, Event, Mention

PEOPLE_ENTITIES = frozenset({"NORP", "PERSON"})  # peoples and persons may act at home
# how an actor's country was found (``ActorMention.country_basis``); "source"/"target": taken from the
# other party of a domestic event ("police arrested Kenyan activists": Kenyan police)
NAMED_BASIS, PLACE_BASIS, UNKNOWN_BASIS = "named", "place", "unknown"
SOURCE_BASIS, TARGET_BASIS = "source", "target"
MATERIAL_CONFLICT = 4
# rebels, troops, insurgents, separatists, armed forces in general
ARMED_SECTORS = frozenset({"REB", "MIL", "INS", "SEP", "UAF"})
YIELDING = frozenset({"RETREAT", "CONCEDE"})  # releases and concessions are mostly made at home
# what harms with no one acting: "the earthquake killed 300" is no event
# verbs whose to-clause happens as they are told: "continued to pound", "began to withdraw"
ASPECT_VERBS = frozenset({"continue", "keep", "begin", "start", "resume", "proceed", "go"})
# verbs that say an act took place, with the act as their subject: "the shelling resumed", "fighting
# erupted", "the raid took place on Monday" (a state of affairs, "the war continued", is no act)
OCCURRENCE_VERBS = ASPECT_VERBS | frozenset(
    {"erupt", "occur", "happen", "intensify", "escalate", "rage", "spread", "break", "take"}
)
NATURAL_FORCES = frozenset(
    {"earthquake", "quake", "flood", "storm", "hurricane", "cyclone", "typhoon", "tornado", "fire", "blaze"}
    | {"wildfire", "landslide", "mudslide", "avalanche", "drought", "disease", "virus", "outbreak", "epidemic"}
    | {"pandemic", "accident", "crash", "collapse", "heatwave", "lightning", "tsunami", "eruption", "famine"}
)
# verbs of being, having and spending time: a sentence resting on one tells a state, not an act the
# learned second opinion could anchor ("X is not party to the deal", "he spent a month as a medic")
STATE_VERBS = frozenset({"be", "have", "remain", "stay", "seem", "appear", "become", "spend", "leave", "look"})
# third-person pronouns: an unresolved "they attacked two villages" still tells the attack (the
# first and second person are mostly the writer or a quoted speaker talking)
PERSONAL_DOERS = frozenset({"he", "she", "they"})
# what the text presents as having happened; plans, purposes and conditions need their actors named
FACTUAL = frozenset({"asserted", "reported", "alleged"})
HOME_SECTOR = "GOV"  # an unstated protest or concession target is the actor's own government
CONSULT, REQUEST, THREATEN = "CONSULT", "REQUEST", "THREATEN"
STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY"})
IF = frozenset({"if"})
# qualifiers of a bare actor standing for several states, none named ("Western governments")
MULTINATIONAL = frozenset(
    {
        "western",
        "european",
        "arab",
        "african",
        "asian",
        "gulf",
        "nordic",
        "baltic",
        "balkan",
        "foreign",
        "international",
        "regional",
        "neighbouring",
        "neighboring",
        "allied",
        "latin",
        "muslim",
        "islamic",
        "member",
        "other",
    }
)
# state bodies whose reach ends at their country's borders: a judge or the police act at home
JURISDICTIONAL_SECTORS = frozenset({"COP", "JUD"})
# verbs besides reporting ones whose "that X must ..." clause is a demand on X
DEMANDING = frozenset({"reiterate", "conclude", "insist", "maintain", "warn", "stress", "believe"})


def placeless(actor: ActorMention) -> bool:
    return actor.code.country is None and actor.code.known_group is None


def _with_country(actor: ActorMention, country: str, basis: str) -> ActorMention:
    return replace(actor, code=replace(actor.code, country=country), country_basis=basis)


def localised(
    source: ActorMention,
    target: ActorMention | None,
    where: str | None,
    domestic: bool,
    abroad: bool = False,
    inward: bool = True,
    visiting: bool = False,
) -> tuple[ActorMention, ActorMention | None]:
    """Give bare sectors a country: "protesters in Kirkuk", "police arrested activists".

    A source takes the country of the place the sentence names, or for domestic-prone types
    (target policy ``home``) a state sector takes its target's country ("President X banned
    Ugandan candidates"), and a non-state sector always does (see ``_at_home``); a target
    takes its source's. A source left with neither country nor
    organisation keeps its sector and an unknown country: "insurgents fired on soldiers" is an
    event whoever the insurgents are (the pipeline may still find their country from the dateline
    or the article, see ``homeland``).

    A bare target ("civilians", "refugees", "students") is of the country where it happened when
    the sentence names one ("aid to refugees fleeing the war in Liberia"), else its source's when the
    act is one mostly done at home (``domestic`` or ``inward``: force, coercion, releases); one
    qualified as several states' (``abroad``: "accused Western governments") takes neither.
    A source ``visiting`` the place (see ``visiting``) is not of it.
    """
    if placeless(source):
        here = None if visiting else where
        country = here or (target.code.country if target is not None and _at_home(source, domestic) else None)
        source = _with_country(source, country, PLACE_BASIS if here else TARGET_BASIS) if country else source
    # a party the actor base does not know keeps an unknown country, but in an act at home
    # ("outlawed a militant organisation", "stripped a dissident of citizenship") it is the source's
    known = target is not None and (target.code.sector is not None or domestic)
    # an armed party's country is its source's only in acts mostly done at home (arrests, shootings,
    # releases): "Chadian soldiers ... to back the rebel militia" are no Chadian rebels
    armed = target is not None and target.code.sector in ARMED_SECTORS
    inherited = source.code.country if domestic or inward or not armed else None
    if target is not None and known and placeless(target) and not abroad and (where or inherited):
        target = _with_country(target, where or str(inherited), PLACE_BASIS if where else SOURCE_BASIS)
    return source, target


# verbs of coming to a place: whoever comes is a visitor there ("arrived in Moscow on a visit")
MOTION_VERBS = frozenset({"visit", "travel", "arrive", "fly", "come", "head", "journey", "tour", "land"})


def visiting(trigger: Trigger) -> bool:
    """Whether a meeting's source came to the place it happened: a visit, or a journey to talks
    ("travelled to Tokyo for talks", "arrived in Moscow on a visit")."""
    token = trigger.token
    verbs = [token, token.head, *([hosting_verb(token)] if trigger.nominal else [])]
    return trigger.rule.mode == "visit" or any(v is not None and _lemma(v) in MOTION_VERBS for v in verbs)


def multinational(actor: ActorMention, doc: Doc) -> bool:
    """Whether a bare actor is qualified as belonging to several states, none named: "Western
    governments", "European countries", "Arab states", "foreign powers"."""
    span = mention_phrase(actor, doc)
    if span is None or len(span) == 0:
        return False
    return any(t.lower_ in MULTINATIONAL for t in span.root.children if t.dep_ in ("amod", "compound"))


def _at_home(source: ActorMention, domestic: bool) -> bool:
    """Whether a country-less source acts in its target's country: rebels, workers and parties
    always do ("rebels demanded that Burundi's government ..."); state bodies only in
    domestic-prone types, since "Western governments accuse Iran" are not Iranian; but a judge or
    the police only act within their own jurisdiction ("a judge opened investigations against
    Chilean officials")."""
    sector = source.code.sector
    if sector is None or sector in GENERIC_SECTORS:
        return False
    return domestic or sector not in STATE_SECTORS or sector in JURISDICTIONAL_SECTORS


def refusal(event_type: EventType, reading: Reading) -> bool:
    """A negated cooperative event ("will not accept", "failed to reach agreement") is a rejection."""
    return reading.modality == "negated" and event_type.negated is not None


def obligations(sentence: Span, cues: ModalityCues) -> Iterator[Token]:
    """The "must"/"should" auxiliaries of a sentence."""
    return (t for t in sentence if t.dep_ == "aux" and t.lower_ in cues.obligation_auxiliaries)


@dataclass(frozen=True, slots=True)
class _Telling:
    """What one trigger says, before it is split into events per source and target."""

    trigger: Trigger
    event_type: EventType
    dyad: Dyad
    mention: Mention
    retyped: bool  # coded as a pledge or threat rather than as the event the trigger names
    target_policy: str = "required"  # of the type the trigger names ("will impose a curfew": COERCE's)


def _mention(trigger: Trigger, sentence: Span) -> Mention:
    token = trigger.token
    return Mention(
        sentence=sentence.text,
        sentence_start=sentence.start_char,
        sentence_end=sentence.end_char,
        trigger=token.text,
        trigger_start=token.idx,
        trigger_end=token.idx + len(token.text),
        rule=trigger.rule.rule_id,
    )


def modality_anchor(trigger: Trigger) -> Token:
    """The clause head whose cues decide the modality: the light verb of a nominal trigger."""
    if trigger.nominal:
        return hosting_verb(trigger.token) or trigger.token
    return trigger.token


def conditional(verb: Token) -> bool:
    """Whether an "if" clause hangs on the verb: "may cut aid if the fighting goes on"."""
    return any(c.dep_ == "advcl" and marked(c, IF) for c in verb.children)


def marked(clause: Token, marks: frozenset[str]) -> bool:
    """Whether the clause is introduced by one of these subordinators ("if", "after", ...)."""
    return any(c.dep_ == "mark" and c.lower_ in marks for c in clause.children)


def home_target(source: ActorMention, at: Token) -> ActorMention | None:
    """The source's own government, for events whose target the text leaves unstated."""
    if source.code.country is None:
        return None
    code = ActorCode(country=source.code.country, known_group=None, sector=HOME_SECTOR)
    return ActorMention(code=code, text="", start=at.idx, end=at.idx)


def is_symmetric(telling: _Telling) -> bool:
    rule = telling.trigger.rule
    return rule.symmetric if rule.symmetric is not None else telling.event_type.symmetric


def dyad_pairs(telling: _Telling) -> Iterator[tuple[ActorMention, ActorMention | None, bool]]:
    """(source, target, symmetric) for every event the telling stands for."""
    sources, targets = telling.dyad.sources, telling.dyad.targets
    symmetric = is_symmetric(telling)
    if telling.dyad.placed and len(sources) > 1 and symmetric:
        targets = ()  # "Spain and Portugal held talks in Madrid": the pair, not Madrid
    if targets:
        yield from ((s, t, symmetric) for s in sources for t in targets if (s.start, s.end) != (t.start, t.end))
    elif len(sources) > 1 and symmetric:
        yield from ((sources[0], other, True) for other in sources[1:])
    else:
        yield from ((s, t, False) for s in sources for t in _untargeted(telling, s))


def self_dyad(source: ActorMention, target: ActorMention | None, doc: Doc) -> bool:
    """A state named as acting on itself ("Moscow and Tehran have rejected ... Russia"): a parse slip.

    Only two place names of one country count: peoples, pronouns and sectors acting at home
    ("Bosnian Serbs demanded ... Bosnia", "police arrested activists") are real domestic events.
    """
    if target is None or source.code != target.code or source.code.sector or source.code.known_group:
        return False
    return _place_name(source, doc) and _place_name(target, doc)


def _host(source: ActorMention, where: str | None, at: Token) -> ActorMention | None:
    """The country where a visit or meeting took place, as its other party, when it is not the source's."""
    if where is None or where == source.code.country:
        return None
    return scene_actor(where, at)


def own_adjective(source: ActorMention, target: ActorMention | None, doc: Doc) -> bool:
    """A visit or meeting "with" the source's own nationality adjective ("visited a Russian airbase
    in Syria", said of Putin): the adjective says whose the place is, not whom the source met;
    "met Russian officials" is a real meeting at home."""
    if target is None or target.code.sector or target.code.known_group or not target.code.country:
        return False
    if target.code.country != source.code.country:
        return False
    span = mention_phrase(target, doc)
    if span is None or span.root.dep_ != "amod" or span.root.ent_type_ != "NORP":
        return False
    return not names_party(span.root.head)


def _place_name(actor: ActorMention, doc: Doc) -> bool:
    """Whether the actor is a place name standing alone; in "the Croatia Assembly" it names a body of that state."""
    span = mention_phrase(actor, doc)
    if span is None or len(span) == 0:
        return False
    root = span.root
    return root.pos_ == "PROPN" and root.ent_type_ not in PEOPLE_ENTITIES and root.dep_ not in ("compound", "nmod")


def told_as_fact(trigger: Trigger, modality: str) -> bool:
    """Whether a trigger the rules found no pair for still tells an event that happened: a verb
    stated as done ("police arrested two men", "a man was killed"), not a purpose or a plan ("plans
    to attack", "to prevent"), whoever did it (an unresolved "he" is an unknown source); a noun only as
    what a verb performs ("launched air strikes") or with its time ("clashes on Tuesday"), never as
    a backdrop ("the war", "the summit")."""
    token = trigger.token
    if modality not in FACTUAL:
        return False
    if trigger.nominal:
        occurred = _occurred(token) and trigger.rule.event_type != CONSULT  # "the summit took place": told again
        told = hosting_verb(token) is not None or impact_verb(token) is not None or occurred
        # a date measures a standing state rather than timing an act: "the seven-year war"
        timed = _lemma(token) not in DURATIVE_NOUNS and any(c.ent_type_ in ("DATE", "TIME") for c in token.subtree)
        return told or timed
    # a doer we could not resolve ("he", "they") is an unknown source: the act is still told
    subordinate = token.dep_ in ("xcomp", "relcl", "amod") or infinitive(token)
    return _done_clause(token) or not subordinate


def _done_clause(clause: Token) -> bool:
    """A to-clause that tells an act done: under a verb of aspect ("continued to shell the town") or
    an implicative one ("prompted the minister to convene a call"), or a perfect infinitive
    ("claimed to have recaptured the town")."""
    if clause.dep_ != "xcomp":
        return False
    perfect = any(c.dep_ == "aux" and _lemma(c) == "have" for c in clause.children)
    return perfect or _lemma(clause.head) in ASPECT_VERBS | IMPLICATIVE


def _occurred(noun: Token) -> bool:
    """Whether an act noun is the subject of a verb saying it took place: "air strikes resumed on
    Monday", "clashes broke out", "the raid took place at dawn"; not "the war continued"."""
    verb = noun.head
    if noun.dep_ != "nsubj" or verb.pos_ != "VERB" or _lemma(noun) in DURATIVE_NOUNS:
        return False
    lemma = _lemma(verb)
    if lemma == "break":
        return has_particle(verb, "out")
    if lemma == "take":
        return any(c.dep_ == "dobj" and c.lower_ == "place" for c in verb.children)
    return lemma in OCCURRENCE_VERBS


def fallback_pairs(telling: _Telling) -> Iterator[tuple[ActorMention, ActorMention | None, bool]]:
    """The event a clause tells when the rules find no coded pair: "police arrested two persons",
    "unidentified gunmen shot dead a shopkeeper", "a man was killed in a gun attack".

    A kind of actor is an actor whether or not its country is known, and an agentless report has
    an unknown source; a target the clause does not name stays empty. Only sources the parse gives
    count, never a country merely named nearby.
    """
    dyad = telling.dyad
    sources = [_basis(s, dyad.where) for s in dyad.sources if codable(s)]
    targets = [] if dyad.placed else [_basis(t, dyad.where) for t in dyad.targets if codable(t)]
    targets = targets or list(dyad.unnamed)
    if telling.target_policy == "required" and not targets and _untold_target(telling, sources):
        return
    doers = _doers(telling)
    if not sources and any(_lemma(d) in NATURAL_FORCES | DURATIVE_NOUNS for d in doers):
        return  # "the earthquake killed 300": no one acted; "the war has killed thousands": a backdrop
    unnamed = [_unnamed_actor(d) for d in doers if _lemma(d) not in telling.event_type.agentless_causes]
    for source in sources or unnamed[:1] or [unknown_actor(telling.trigger.token)]:
        yield source, (targets[0] if targets else None), False


def _untold_target(telling: _Telling, sources: list[ActorMention]) -> bool:
    """A named party, or a bare "officials", acting on no one named is mostly a backdrop ("their
    growing cooperation", "officials met"), unless a verb performs the act: "launched air strikes"."""
    doers = _doers(telling)
    # "bandits killed nine", "a bank gave $20 million": the act is told, whoever it is on, when
    # a party did it (not "the summit took place", "their departure opened a new front")
    acted = sources or not doers or any(names_party(d) or d.lower_ in PERSONAL_DOERS for d in doers)
    if acted and not telling.trigger.nominal and any(c.dep_ == "dobj" for c in telling.trigger.token.children):
        return False
    if not sources and (telling.dyad.sources or doers):
        return True
    performed = telling.trigger.nominal and hosting_verb(telling.trigger.token) is not None
    return any(map(placed, sources)) and not (performed and not is_symmetric(telling))  # talks need two


def _doers(telling: _Telling) -> list[Token]:
    """Who the clause says acted: the subject or agent of the trigger, or of the verb performing a
    nominal trigger ("launched air strikes"); none for "a man was killed" or "clashes broke out"."""
    token = telling.trigger.token
    verb = (hosting_verb(token) if telling.trigger.nominal else token) or token
    if telling.trigger.nominal and _lemma(verb) in SUFFERING:
        return []  # "15 people died in clashes": the dead did not clash
    return source_heads(verb) if verb.pos_ in ("VERB", "AUX") else []


def _unnamed_actor(head: Token) -> ActorMention:
    """A doer the actor base does not know ("the company", "a local official")."""
    return unnamed_party(head)


def with_basis(actor: ActorMention) -> ActorMention:
    """The actor saying how its country was found, when no earlier step said so."""
    if actor.country_basis is not None:
        return actor
    return replace(actor, country_basis=NAMED_BASIS if actor.code.country else UNKNOWN_BASIS)


def _lemma(token: Token) -> str:
    return token.lemma_.lower()


def unknown_actor(at: Token) -> ActorMention:
    """Who did it, when the text does not say: an empty mention at the trigger."""
    return ActorMention(ActorCode(None, None, None), "", at.idx, at.idx, country_basis=UNKNOWN_BASIS)


def _basis(actor: ActorMention, where: str | None) -> ActorMention:
    """The actor with the country of where it happened when it names none ("protesters in Kirkuk")."""
    if actor.code.country or actor.code.known_group:
        return actor if actor.country_basis else replace(actor, country_basis=NAMED_BASIS)
    if where and actor.code.sector not in GENERIC_SECTORS:
        return replace(actor, code=replace(actor.code, country=where), country_basis=PLACE_BASIS)
    return replace(actor, country_basis=UNKNOWN_BASIS)


def _untargeted(telling: _Telling, source: ActorMention) -> Iterator[ActorMention | None]:
    policy = telling.target_policy
    if telling.dyad.unnamed:  # "met with local fundraisers": a party the actor base does not know
        yield telling.dyad.unnamed[0]
    elif policy == "optional":
        yield None
    elif policy == "home" or _domestic_demand(telling, source):
        home = home_target(source, telling.trigger.token)
        if home is not None:
            yield home


def _domestic_demand(telling: _Telling, source: ActorMention) -> bool:
    """ "Opposition leaders demanded early elections": a non-state party's demand with no one named is
    on its own government; a state body's ("the government demanded ...") is left without a target."""
    sector = source.code.sector
    return telling.event_type.name == REQUEST and sector is not None and sector not in STATE_SECTORS | GENERIC_SECTORS


class EventCoder:
    """Codes PLOVER events in parsed documents; lexicon and tables are loaded once."""

    def __init__(
        self, kb: ActorResolver, gazetteer: Gazetteer | None = None, second_opinion: SecondOpinion | None = None
    ) -> None:
        """``gazetteer``, when given, gives towns the actor base lacks their country ("in Mosul");
        ``second_opinion``, the learned model that may veto or add events (``clause_model``)."""
        self._kb = kb if gazetteer is None else PlacedResolver(kb, gazetteer)
        self._second = second_opinion
        self._types = EventTypeTable.load()
        self._lexicon = TriggerLexicon.load()
        self._modality = ModalityReader(ModalityCues.load())

    def code(self, doc: Doc, reference: date | None) -> list[Event]:
        """Every event told in ``doc``; dates and places are left for the pipeline."""
        finder = ActorFinder(self._kb, reference, DiscourseMemory())
        dyads = DyadReader(finder)
        events: list[Event] = []
        opinions = self._opinions(doc)
        for sentence in doc.sents:
            told = [(t, self._code_trigger(t, sentence, dyads, finder)) for t in self._lexicon.find(sentence)]
            coded = [e for t, found in told if not secondary(t.token, found, told) for e in found]
            main = [t.token for t, found in told if found]
            for must in obligations(sentence, self._modality.cues):
                if not any(_behind(must, other) for other in main):  # "staged rallies, saying he must resign"
                    coded.extend(self._code_obligation(must, sentence, finder))
            events.extend(self._reconsidered(coded, sentence, opinions.get(sentence.start), dyads, finder))
            _remember_subjects(sentence, finder)
        return events

    # --- the learned second opinion (clause_model.py); a no-op without one -------------------------

    def _opinions(self, doc: Doc) -> dict[int, Opinion]:
        """The model's opinion of each sentence, by its first token; none without a model."""
        if self._second is None:
            return {}
        sentences = list(doc.sents)
        return {s.start: o for s, o in zip(sentences, self._second.judge([s.text for s in sentences]), strict=True)}

    def _reconsidered(
        self, coded: list[Event], sentence: Span, opinion: Opinion | None, dyads: DyadReader, finder: ActorFinder
    ) -> list[Event]:
        """The rule events the model does not veto; where none are left, the event the model is
        confident of, read from the sentence's main verb like a rule trigger."""
        if opinion is None or self._second is None:
            return coded
        kept = [e for e in coded if not self._second.vetoes(opinion, e.event_type)]
        event_type = None if coded else self._second.adds(opinion)
        if event_type is None:
            return kept
        if any(intended(t) for t in sentence):
            return kept  # "... drawing up plans to shell the camps": what the model reads is planned, not done
        anchor = sentence.root
        if anchor.lemma_.lower() in STATE_VERBS:
            return kept  # "the displaced have nowhere left to run": what the words are about, no act
        rule = TriggerRule(anchor.lemma_.lower(), "model", event_type)
        return self._code_trigger(Trigger(anchor, rule), sentence, dyads, finder)

    def _code_trigger(self, trigger: Trigger, sentence: Span, dyads: DyadReader, finder: ActorFinder) -> list[Event]:
        reading = self._modality.read(modality_anchor(trigger))
        if Cue.OBLIGATION in reading.cues:
            return []  # "Libya must hand over ...": a demand, coded by ``_code_obligation``
        told_type = self._types[trigger.rule.event_type]
        event_type = self._retyped(told_type, reading, modality_anchor(trigger))
        dyad = dyads.read(trigger, told_type)
        if told_type.agentless_causes:
            dyad = dyads.agentless(trigger, dyad, told_type.agentless_causes)
        if trigger.rule.mode in told_type.state_modes:
            dyad = dyads.by_authorities(trigger, dyad)
        retyped = event_type is not told_type
        telling = _Telling(trigger, event_type, dyad, _mention(trigger, sentence), retyped, told_type.target)
        claimed_by = attribute(reading.claimant, finder)
        modality = reading.affirmed if refusal(told_type, reading) else reading.modality
        domestic = told_type.target == "home"
        inward = told_type.quad_class == MATERIAL_CONFLICT or told_type.name in YIELDING
        doc = sentence.doc
        came = told_type.venue and visiting(trigger)
        pairs = [
            (*localised(s, t, dyad.where, domestic, t is not None and multinational(t, doc), inward, came), sym)
            for s, t, sym in dyad_pairs(telling)
        ]
        kept = [(s, t, sym) for s, t, sym in pairs if not self_dyad(s, t, sentence.doc)]
        if event_type.venue:  # "visited a Russian airbase in Syria", said of Putin: Syria hosts the visit
            kept = [
                (s, (_host(s, dyads.scene(trigger.token), trigger.token) or t) if own_adjective(s, t, doc) else t, sym)
                for s, t, sym in kept
            ]
        if not pairs and told_as_fact(trigger, modality):  # keep the event with what the clause does say
            kept = list(fallback_pairs(telling))
        return [self._event(telling, s, t, sym, modality, claimed_by) for s, t, sym in kept]

    def _retyped(self, event_type: EventType, reading: Reading, anchor: Token) -> EventType:
        """PLOVER codes refusals as REJECT, pledges as AGREE, conditional or announced harm as THREATEN
        ("may halt mediation if ...": CAMEO 135 threaten to halt mediation, 13 threaten)."""
        if refusal(event_type, reading):
            return self._types[str(event_type.negated)]
        if Cue.THREAT in reading.cues and event_type.intent is not None:
            return self._types[THREATEN]
        if reading.modality == "hypothetical" and event_type.intent == THREATEN and conditional(anchor):
            return self._types[THREATEN]
        if Cue.COMMITMENT in reading.cues and Cue.SCHEDULE not in reading.cues and event_type.intent:
            return self._types[event_type.intent]
        return event_type

    def _code_obligation(self, must: Token, sentence: Span, finder: ActorFinder) -> list[Event]:
        """ "Russia said Sudan must return the helicopter": Russia REQUEST Sudan."""
        clause = must.head
        speaker = clause.head
        if clause.dep_ != "ccomp" or speaker.lemma_.lower() not in self._modality.cues.reporting | DEMANDING:
            return []
        sources = [m for h in source_heads(speaker) for m in finder.actors(h, loose=True)]
        targets = [m for h in subject_heads(clause) for m in finder.actors(h, loose=True)]
        rule = TriggerRule(must.lower_, "aux", REQUEST, mode="demand")
        telling = _Telling(
            Trigger(must, rule),
            self._types[REQUEST],
            Dyad(tuple(sources[:1]), tuple(targets)),
            _mention(Trigger(must, rule), sentence),
            False,
        )
        modality = self._modality.read(speaker).modality
        return [self._event(telling, s, t, sym, modality, None) for s, t, sym in dyad_pairs(telling)]

    def _event(
        self,
        telling: _Telling,
        source: ActorMention,
        target: ActorMention | None,
        symmetric: bool,
        modality: str,
        attribution: ActorMention | None,
    ) -> Event:
        mode = None if telling.retyped else telling.trigger.rule.mode
        code = telling.event_type.code(mode)
        code = code if telling.retyped else telling.trigger.rule.code(code)  # a PETRARCH2 pattern's own code
        source, target = with_basis(source), target and with_basis(target)
        return Event(
            event_type=telling.event_type.name,
            mode=mode,
            cameo=code.cameo,
            quad_class=code.quad_class,
            goldstein=code.goldstein,
            source=source,
            target=target,
            modality=modality,
            attribution=attribution,
            mentions=(telling.mention,),
            symmetric=symmetric,
        )


def secondary(token: Token, found: list[Event], told: list[tuple[Trigger, list[Event]]]) -> bool:
    """Whether the events of a trigger are a backdrop to the sentence's main event, left out since
    one sentence mostly tells one event (PLOVER codes one event a sentence): a trigger in a background
    position that another trigger with events is not in (see ``background``), a noun in a credit
    phrase ("according to a press release"), or an event with no named perpetrator beside one with a
    named actor. What an actor is accused of ("accused Belarus of supplying Russia") is kept, marked
    alleged."""
    others = [t.token for t, events in told if events and t.token.i != token.i]
    if not found or not others:
        return False
    alleged = token.dep_ == "pcomp" and all(e.modality == "alleged" for e in found)
    if (not alleged and any(_behind(token, other) for other in others)) or _credited(token):
        return True
    # in a clause of the agentless event's own, only the same kind of act names who did it: "23 were
    # killed as jets bombed the town" is the bombing; "a bomb killed two, weeks after X announced a
    # withdrawal" is two events
    types = {e.event_type for e in found}
    named = (
        e
        for t, events in told
        if t.token.i != token.i and not _hidden(t.token, told)
        for e in events
        if e.event_type in types or not token.is_ancestor(t.token)
    )
    return all(not e.source.text for e in found) and any(e.source.text for e in named)


def _hidden(token: Token, told: list[tuple[Trigger, list[Event]]]) -> bool:
    """Whether a trigger is in the background of another one that has events."""
    return any(events and t.token.i != token.i and _behind(token, t.token) for t, events in told)


# what runs beside the main event or explains it: "during the talks", "as the opposition threatened";
# what happened before or after it ("after rebels shot down a plane") is told as happening too
BACKGROUND_PREPS = frozenset({"during", "amid", "amidst", "despite", "because", "since"})
BACKGROUND_MARKS = frozenset({"because", "since", "as", "while", "when", "until", "once"})
CONDITIONS = frozenset({"if", "unless"})
CONTRASTS = frozenset({"but", "yet", "while", "whereas"})
# a gerund stating the grounds of the main event: "accused X of violating", "arrested for collaborating"
GROUNDS_PREPS = frozenset({"of", "for"})
# participles that work as prepositions ("an encounter given Iran's role in ..."): no clause of their own
DEVERBAL_PREPOSITIONS = frozenset({"give", "include", "regard", "concern", "consider", "follow", "exclude"})
PARTICIPLES = frozenset({"VBG", "VBN"})
# speech verbs whose trailing participle glosses the main event ("..., saying it would ...")
SPEECH_PARTICIPLES = frozenset({"say", "add", "claim", "argue", "explain", "note", "insist", "stress", "urge"})


def background(link: Token, verbal: bool) -> bool:
    """Whether a dependency link puts its phrase in the background of its head's event: a relative
    clause or participle of an argument ("refugees fleeing the war", "troops who overran the town"),
    the grounds of an accusation or arrest, a condition, a noun's "that" clause, a finite verb
    coordinated after another with the same subject (see ``_added``), and for a verb trigger
    (``verbal``) a clause or phrase of what runs beside the main event or explains it ("as the
    opposition threatened ...", "because ..."). What happened before or after it stays ("one day
    after rebels shot down ..."), as does a named event in a temporal phrase ("following Russia's
    invasion of Ukraine"): the news codes those as well."""
    dep = link.dep_
    if dep == "relcl":
        return True
    if dep == "conj":
        return _added(link)
    if dep == "acl":
        return _content(link) or (link.tag_ in PARTICIPLES and link.lemma_.lower() not in DEVERBAL_PREPOSITIONS)
    if dep == "pcomp":
        return link.head.lower_ in GROUNDS_PREPS
    if dep == "advcl" and marked(link, CONDITIONS):
        return True  # "would meet him if he gave them a veto": the condition is no event yet
    if not verbal:
        return False
    if dep == "prep":
        return link.lower_ in BACKGROUND_PREPS
    if dep != "advcl":
        return False
    purpose = infinitive(link)  # "sent aid to support refugees"
    return purpose or _afterthought(link) or marked(link, BACKGROUND_MARKS)


def _added(verb: Token) -> bool:
    """A finite verb coordinated after the main one adds a second telling ("defended the right ...
    and insisted ...", "refused to deploy troops and has urged ..."); not a contrast ("..., but was
    still refusing ...") nor a chain of participles ("killing one and arresting 12")."""
    if verb.pos_ not in ("VERB", "AUX") or verb.head.pos_ not in ("VERB", "AUX") or verb.tag_ == "VBG":
        return False
    if has_subject(verb):
        return False  # a clause with its own subject tells its own event: "..., and the army was put on alert"
    between = verb.doc[verb.head.i + 1 : verb.left_edge.i]
    return not any(t.dep_ == "cc" and t.lower_ in CONTRASTS for t in between)


def _afterthought(clause: Token) -> bool:
    """A speech participle after a comma that follows its verb, which glosses the main event:
    "rejected the plan, urging ...", "refused to meet him, saying ..."."""
    before = clause.doc[clause.left_edge.i - 1] if clause.left_edge.i > 0 else None
    glossing = clause.tag_ == "VBG" and clause.lemma_.lower() in SPEECH_PARTICIPLES
    return glossing and clause.i > clause.head.i and before is not None and before.text == ","


def _behind(token: Token, other: Token) -> bool:
    """Whether ``token`` hangs in a background position on its way to the phrase it shares with
    ``other``, while ``other`` does not (so of two backdrop events neither hides the other).

    A relative clause is read from what its pronoun stands for: "an invitation to visit Russia,
    which X accepted" tells of the invitation, not of Russia.
    """
    if _acted_on(token, other):
        return True
    start = antecedent(token.head) if token.dep_ == "relcl" else token
    common = _lowest_common(start, other)
    verbal = token.pos_ in ("VERB", "AUX")
    own, theirs = _path(start, common), _path(other, common)
    return _backdrop(own, token, verbal) and not _backdrop(theirs, other, other.pos_ in ("VERB", "AUX"))


def _acted_on(token: Token, other: Token) -> bool:
    """Whether a nominal trigger is what another event acts on: "ended mediation efforts",
    "suspended aid deliveries", "rejected the ceasefire" tell one event, the verb's."""
    if token.pos_ != "NOUN":
        return False
    while token.dep_ in ("compound", "conj") and token.head.pos_ == "NOUN":  # "suspended aid and arms deals"
        token = token.head
    return token.dep_ == "dobj" and token.head.i == other.i


def _backdrop(path: list[Token], trigger: Token, verbal: bool) -> bool:
    """Whether a path up from a trigger crosses a background link; the trigger's own relative or
    participial link does not count, since what an argument does may be the news itself
    ("police dispersed demonstrators protesting ...")."""
    own = (
        t for t in path if t.i == trigger.i and t.dep_ in ("relcl", "acl") and not (_content(t) or _of_subject(t))
    )
    exempt = {t.i for t in own}
    return any(background(t, verbal) for t in path if t.i not in exempt)


def _of_subject(clause: Token) -> bool:
    """A participle that describes the subject of another verb ("the coalition fighting the rebels
    has declared a truce") says who the subject is, not what it did."""
    return clause.dep_ == "acl" and clause.tag_ == "VBG" and clause.head.dep_ in ("nsubj", "nsubjpass")


def _content(clause: Token) -> bool:
    """A "that" clause of a noun states what is demanded or admitted ("its demand that Israel ease
    restrictions", "an admission that its forces killed ..."): not an event of its own."""
    return clause.dep_ == "acl" and any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children)


def _path(token: Token, top: Token) -> list[Token]:
    """The tokens from ``token`` up to ``top``, without ``top``."""
    path = []
    while token.i != top.i and token.head.i != token.i:
        path.append(token)
        token = token.head
    return path if token.i == top.i else []


def _lowest_common(token: Token, other: Token) -> Token:
    above = {token.i, *(a.i for a in token.ancestors)}
    return next((a for a in [other, *other.ancestors] if a.i in above), other.sent.root)


def _credited(token: Token) -> bool:
    """A noun in an "according to" phrase names the source of the news ("according to a press release")."""
    governor = next((a for a in token.ancestors if a.pos_ in ("VERB", "AUX") or a.lower_ == "according"), None)
    return token.pos_ == "NOUN" and governor is not None and governor.lower_ == "according"


def _remember_subjects(sentence: Span, finder: ActorFinder) -> None:
    """Resolve the subjects so later pronouns and surnames can point back to them."""
    for token in sentence:
        if token.dep_ in ("nsubj", "nsubjpass") and token.pos_ in ("NOUN", "PROPN"):
            finder.actors(token)
