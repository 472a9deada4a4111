"""Building the spaCy pipeline worldorder analyses text with, and restoring the case of its input."""

from worldorder.nlp.loading import load_nlp
from worldorder.nlp.names import load_truecaser
from worldorder.nlp.truecase import Truecaser

__all__ = ["Truecaser", "load_nlp", "load_truecaser"]
