"""JSON Lines documents: ``id``, ``text``, ``published``, ``title``, ``url``; other fields are ignored."""

from __future__ import annotations

import json
from collections.abc import Iterator

from worldorder.errors import MalformedInput
from worldorder.ingest.boilerplate import BoilerplateRules, find_boilerplate
from worldorder.ingest.dates import parse_published
from worldorder.model import DateBasis, Document, Failure


def read_jsonl(text: str, origin: str, rules: BoilerplateRules) -> Iterator[Document | Failure]:
    """One document per non-blank line; a bad line becomes a failure naming its line number."""
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{origin}:{number}"
        try:
            yield parse_line(line, where, rules)
        except MalformedInput as exc:
            yield Failure(where, f"line {number}: {exc}")


def parse_line(line: str, origin: str, rules: BoilerplateRules) -> Document:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise MalformedInput(f"not JSON ({exc.msg} at column {exc.colno})") from exc
    if not isinstance(record, dict):
        raise MalformedInput(f"expected a JSON object, got {type(record).__name__}")
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise MalformedInput("no 'text' field with text in it")
    try:
        published = parse_published(record.get("published"))
    except ValueError as exc:
        raise MalformedInput(str(exc)) from exc
    return Document(
        text=text,
        origin=origin,
        kind="jsonl",
        id=_optional_str(record.get("id")),
        title=_optional_str(record.get("title")),
        url=_optional_str(record.get("url")),
        published=published,
        published_basis=DateBasis.INPUT if published else DateBasis.UNKNOWN,
        excluded=find_boilerplate(text, rules),
    )


def _optional_str(value: object) -> str | None:
    if value is None or value == "":
        return None
    return str(value)
