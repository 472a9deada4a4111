"""Whether a noun the actor base does not know names a party (someone who acts or is acted on).

"Met with the lobbyist", "arrested the driver", "donated money to a charity": the act is told
with its party even though no dictionary codes "lobbyist" or "driver". "Discussed trade" or
"investigated the breach" name a topic, not a party. With no semantic lexicon in the small
spaCy model, the test is morphological: names of people and bodies, agent nouns whose stem is
itself a common word ("driver" from "drive", "investor" from "invest", "lobbyist"), and a short
list of collective nouns. Word frequencies come from the installed ``wordfreq`` package.
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Token

PARTY_ENTITIES = frozenset({"PERSON", "ORG", "NORP"})
# collective and relational nouns that stand for people or bodies
PARTY_NOUNS = frozenset(
    {"people", "person", "man", "woman", "child", "family", "group", "company", "firm", "campaign", "charity"}
    | {"foundation", "organisation", "organization", "association", "committee", "council", "board", "club"}
    | {"team", "crew", "staff", "agency", "union", "party", "crowd", "mob", "gang", "couple", "friend", "relative"}
    | {"neighbour", "neighbor", "colleague", "rival", "partner", "ally", "counterpart", "delegation", "guest"}
    | {"boy", "girl", "son", "daughter", "wife", "husband", "mother", "father", "brother", "sister", "victim"}
    | {"suspect", "candidate", "nominee", "client", "customer", "donor", "fan", "youth", "hostage", "captive"}
    | {"bank", "institute", "university", "hospital", "network", "coalition", "alliance", "movement", "federation"}
    | {"soldier", "troop", "militant", "insurgent", "rebel", "guerrilla", "gunman", "policeman", "officer", "guard"}
    | {"commander", "leader", "official", "minister", "diplomat", "envoy", "student", "resident", "citizen", "national"}
    | {"militia", "faction", "army", "force", "unit", "regime", "government", "authority", "police", "migrant"}
)
# words that look like agent nouns and are not
THINGS = frozenset(
    {"number", "center", "centre", "matter", "quarter", "corner", "chapter", "manner", "character", "container"}
    | {"register", "theatre", "theater", "sector", "factor", "error", "component", "degree", "percent", "amount"}
)
PERSON_SUFFIXES = ("ist", "ian", "ee")  # lobbyist, civilian, employee
AGENT_SUFFIXES = ("er", "or", "ant", "ent")  # driver, investor, informant, correspondent
COMMON_WORD = 3.5  # Zipf frequency of a stem that is a word in its own right ("drive", "invest")


def names_party(token: Token) -> bool:
    """Whether the noun phrase headed by ``token`` names someone rather than something."""
    if token.ent_type_ in PARTY_ENTITIES or token.pos_ == "PROPN":
        return token.ent_type_ not in ("DATE", "TIME", "MONEY", "GPE", "LOC", "FAC")
    if token.pos_ != "NOUN":
        return False
    return party_lemma(token.lemma_.lower())


@cache
def party_lemma(lemma: str) -> bool:
    if lemma in PARTY_NOUNS:
        return True
    if lemma in THINGS:
        return False
    if len(lemma) > 5 and lemma.endswith(PERSON_SUFFIXES):
        return True
    for suffix in AGENT_SUFFIXES:
        if lemma.endswith(suffix) and len(lemma) > len(suffix) + 3:
            stem = lemma[: -len(suffix)]
            return max(_zipf(stem), _zipf(stem + "e")) >= COMMON_WORD
    return False


@cache
def _zipf(word: str) -> float:
    import wordfreq  # read from the installed package; it fetches nothing

    return float(wordfreq.zipf_frequency(word, "en"))
