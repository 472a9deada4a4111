"""Who a claim comes from: "according to Tass", "Tass reported", "officials said".

``modality`` finds the claimant token (a reporting verb or the object of "according
to"); this module turns it into an actor.
"""

from __future__ import annotations

from spacy.tokens import Token

from worldorder.coding.dyads import ActorFinder, source_heads
from worldorder.model import ActorMention

VERB_POS = frozenset({"VERB", "AUX"})


def attribute(claimant: Token | None, finder: ActorFinder) -> ActorMention | None:
    """The actor behind a claim, or None when the text credits nobody we can code."""
    if claimant is None:
        return None
    heads = source_heads(claimant) if claimant.pos_ in VERB_POS else [claimant]
    found = [m for h in heads for m in finder.actors(h)]
    return found[0] if found else None
