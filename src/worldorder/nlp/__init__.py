"""Building the spaCy pipeline worldorder analyses text with."""

from worldorder.nlp.loading import load_nlp

__all__ = ["load_nlp"]
