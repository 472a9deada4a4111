"""Simple coreference: pronouns and repeated surnames point back to actors already named.

Two habits of news prose cover most cases: a pronoun subject of a reported clause is the
speaker ("Iraq said it would ..."), and a later "he"/"she" is the last person named as a
subject ("McCallum revealed ... He also warned"). A surname alone ("Pezeshkian accepted")
is the person named in full earlier in the article.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from worldorder.model import ActorCode, ActorMention

PERSONAL_PRONOUNS = frozenset({"he", "she", "him", "her", "his", "hers", "himself", "herself"})
GROUP_PRONOUNS = frozenset({"it", "its", "itself", "they", "them", "their", "theirs", "themselves"})
PRONOUNS = PERSONAL_PRONOUNS | GROUP_PRONOUNS
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
CLAUSE_LINKS = frozenset({"ccomp", "xcomp", "advcl", "conj", "parataxis"})


def is_pronoun(token: Token) -> bool:
    """Whether the token is a third-person pronoun that can stand for an actor."""
    return token.lower_ in PRONOUNS


def is_subject(token: Token) -> bool:
    """Whether the token heads a subject, or is coordinated with one ("Putin and Pezeshkian held")."""
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    return token.dep_ in SUBJECT_DEPS


def is_individual(token: Token) -> bool:
    """A singular common noun heading an actor is one person: "the prime minister"."""
    return token.tag_ == "NN" and not token.ent_type_


def is_person(token: Token) -> bool:
    """Whether the token is (the last word of) a person's name."""
    return token.ent_type_ == "PERSON"


@dataclass(slots=True)
class DiscourseMemory:
    """What an article has said so far about who is who; one per document."""

    last_person: ActorMention | None = None
    surnames: dict[str, ActorCode] = field(default_factory=dict)
    # the state or organisation a sentence's main clause is about, and where that sentence ends
    last_body: tuple[int, ActorMention] | None = None

    def remember(self, head: Token, mention: ActorMention) -> None:
        """Note an actor named with ``head`` as its last word."""
        if is_pronoun(head):
            return
        if is_person(head):
            self.surnames.setdefault(head.text, mention.code)
        if not is_subject(head):  # pronouns pick up subjects: "McCallum said ... He also warned"
            return
        if is_person(head) or is_individual(head):
            self.last_person = mention
        elif head.head.dep_ == "ROOT" and (mention.code.country or mention.code.known_group):
            self.last_body = (head.sent.end, mention)

    def surname(self, head: Token) -> ActorMention | None:
        """The actor a bare surname stood for earlier in the article."""
        code = self.surnames.get(head.text)
        return None if code is None else _at(head, code)

    def pronoun(self, head: Token) -> ActorMention | None:
        """The person a he/she stands for, by discourse recency (see ``speaker`` first).

        "it" and "they" are bound inside their sentence (``speaker``, ``clause_subject``): across
        sentences they more often stand for things and crowds than for the last actor. The one
        exception is ``_body``: a main-clause "it" right after a sentence about a state.
        """
        referent = self.last_person if head.lower_ in PERSONAL_PRONOUNS else self._body(head)
        return None if referent is None else _at(head, referent.code)

    def _body(self, head: Token) -> ActorMention | None:
        """ "Turkey has massed troops on the border. It has vowed to ...": an "it" or "they" that is
        the subject of a sentence's main clause is the state, organisation or armed group the main
        clause of the sentence just before was about ("Hamas fighters crossed the fence. They later
        attacked ..."); any other "it" or "they" is left alone."""
        if head.lower_ not in ("it", "they") or head.dep_ not in SUBJECT_DEPS or head.head.dep_ != "ROOT":
            return None
        if self.last_body is None:
            return None
        ends, mention = self.last_body
        return mention if ends == head.sent.start else None


def clause_subject(pronoun: Token) -> Token | None:
    """The subject a possessive binds to in its own clause: "Iran may expand its targets"."""
    verb = pronoun.head
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
    if subject is None or subject.i > pronoun.i or is_pronoun(subject):
        return None
    return subject


def speaker(pronoun: Token) -> Token | None:
    """The subject of the clause that reports the pronoun's clause ("Iraq said it would ...")."""
    clause = pronoun.head
    while clause.dep_ in CLAUSE_LINKS and clause.head.i != clause.i:
        clause = clause.head
        subject = next((c for c in clause.children if c.dep_ in SUBJECT_DEPS), None)
        if subject is not None and not is_pronoun(subject):
            return subject
    return None


def _at(token: Token, code: ActorCode) -> ActorMention:
    return ActorMention(code=code, text=token.text, start=token.idx, end=token.idx + len(token.text))
