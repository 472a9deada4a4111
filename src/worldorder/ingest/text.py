"""Plain text documents, scraped pages included: boilerplate is kept as excluded spans."""

from __future__ import annotations

from worldorder.ingest.boilerplate import BoilerplateRules, find_boilerplate
from worldorder.model import Document


def read_text(text: str, origin: str, rules: BoilerplateRules) -> Document:
    """A document whose text is ``text`` byte for byte, its furniture lines marked excluded."""
    return Document(text=text, origin=origin, kind="text", excluded=find_boilerplate(text, rules))
