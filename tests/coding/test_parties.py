"""Which nouns name a party rather than a thing (worldorder.coding.parties)."""

from __future__ import annotations

import pytest

from worldorder.coding.parties import party_lemma


@pytest.mark.parametrize("lemma", ["driver", "lobbyist", "investor", "employee", "civilian", "informant", "charity"])
def test_agent_nouns_and_bodies_are_parties(lemma: str) -> None:
    assert party_lemma(lemma)


@pytest.mark.parametrize("lemma", ["trade", "breach", "border", "order", "power", "number", "agreement", "statement"])
def test_things_and_look_alike_agent_nouns_are_not(lemma: str) -> None:
    assert not party_lemma(lemma)
