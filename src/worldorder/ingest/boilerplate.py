"""Recognise page furniture in scraped text without touching the text.

Boilerplate lines (share prompts, bylines, photo credits, image captions, section labels)
become excluded spans; the text keeps every byte, so offsets found later point into it.
The rules are data (``data/boilerplate.yaml``), compiled once into a ``BoilerplateRules``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources
from typing import Any

import yaml

from worldorder.errors import ConfigError
from worldorder.model import Span

# A line longer than this is prose, whatever it looks like: captions and credits are short,
# and the longest furniture line in our samples is about 190 characters.
MAX_FURNITURE_CHARS = 400
# Slash-separated credits ("Name/Agency") never hold sentence punctuation or many words.
MAX_CREDIT_WORDS = 8


@dataclass(frozen=True, slots=True)
class BoilerplateRules:
    exact: frozenset[str]
    patterns: tuple[tuple[str, re.Pattern[str]], ...]

    @classmethod
    def from_mapping(cls, data: dict[str, Any]) -> BoilerplateRules:
        lines = data.get("exact", [])
        bad = [line for line in lines if not isinstance(line, str)]
        if bad:  # YAML 1.1 turns a bare on/off/yes/no into a boolean: quote such lines
            raise ConfigError(f"boilerplate 'exact' entries must be strings, got {bad!r}")
        exact = frozenset(line.lower() for line in lines)
        patterns = tuple(
            (name, re.compile(pattern, re.IGNORECASE)) for name, pattern in data.get("patterns", {}).items()
        )
        return cls(exact, patterns)

    @classmethod
    def shipped(cls) -> BoilerplateRules:
        text = resources.files("worldorder.ingest").joinpath("data/boilerplate.yaml").read_text("utf-8")
        return cls.from_mapping(yaml.safe_load(text))

    def classify(self, line: str) -> str | None:
        """The name of the rule that marks ``line`` as furniture, or None for content."""
        stripped = line.strip()
        if not stripped or len(stripped) > MAX_FURNITURE_CHARS:
            return None
        if stripped.lower().rstrip(":") in self.exact:
            return "exact"
        for name, pattern in self.patterns:
            if pattern.search(stripped) and _plausible(name, stripped):
                return name
        return None


def _plausible(rule: str, line: str) -> bool:
    """Extra shape checks for rules whose pattern alone would catch prose."""
    if rule == "photo_credit_slash":
        return len(line.split()) <= MAX_CREDIT_WORDS and not re.search(r"[.;:!?]\s", line)
    return True


def iter_lines(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of every line of ``text``, without its line break."""
    start = 0
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        yield start, start + len(body)
        start += len(line)


def find_boilerplate(text: str, rules: BoilerplateRules) -> tuple[Span, ...]:
    """Excluded spans for every furniture line of ``text``, labelled with their rule."""
    spans = []
    for start, end in iter_lines(text):
        rule = rules.classify(text[start:end])
        if rule:
            lead = len(text[start:end]) - len(text[start:end].lstrip())
            trail = len(text[start:end]) - len(text[start:end].rstrip())
            spans.append(Span(start + lead, end - trail, rule))
    return tuple(spans)


def blank_spans(text: str, spans: tuple[Span, ...]) -> str:
    """``text`` with each span replaced by spaces of equal length, for analysis that keeps offsets."""
    if not spans:
        return text
    chars = list(text)
    for span in spans:
        chars[span.start : span.end] = " " * (span.end - span.start)
    return "".join(chars)
