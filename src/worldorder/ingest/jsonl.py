"""JSON Lines documents: ``id``, ``text``, ``published``, ``title``, ``url``; other fields are ignored.

A record is one line ended by ``\\n`` (``\\r\\n`` too). Only ``\\n`` ends a line: U+2028, U+2029
and U+0085 are valid inside JSON strings (``json.dumps(ensure_ascii=False)`` writes them raw),
so splitting on them, as ``str.splitlines`` does, would cut records in two.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from typing import Any

from worldorder.errors import MalformedInput, UnreadableInput
from worldorder.ingest.boilerplate import BoilerplateRules, find_boilerplate
from worldorder.ingest.dates import parse_published
from worldorder.ingest.reading import BINARY_SNIFF_BYTES, decode_text, wide_encoding
from worldorder.model import DateBasis, Document, Failure

# json.loads turns "\ud800" into a lone surrogate, which UTF-8 (hashing, the tokenizer, Arrow)
# cannot encode; a well-formed pair ("\ud83d\ude00") is already one character by then.
SURROGATE = re.compile("[\ud800-\udfff]")
OPTIONAL_FIELDS = ("id", "title", "url")
UTF8_BOM = b"\xef\xbb\xbf"
# What JSON counts as white space; a line of other characters str.strip() drops (\x1f, \x0c,
# U+0085) is a malformed record, not a blank line.
JSON_WHITESPACE = " \t\r"


def read_jsonl(
    text: str, origin: str, rules: BoilerplateRules, date_order: str = "MDY"
) -> Iterator[Document | Failure]:
    """One document per non-blank line; a bad line becomes a failure naming its line number."""
    yield from _records(enumerate(text.split("\n"), 1), origin, rules, date_order)


def read_jsonl_bytes(
    data: bytes, origin: str, rules: BoilerplateRules, date_order: str = "MDY"
) -> Iterator[Document | Failure]:
    """Like ``read_jsonl``, each line decoded alone: a stray byte fails its line, not the file.

    UTF-16 and UTF-32 files (a byte-order mark, or NUL bytes between ASCII) are decoded whole.
    """
    if not data or wide_encoding(data[:BINARY_SNIFF_BYTES]):
        yield from read_jsonl(decode_text(data), origin, rules, date_order)
        return
    lines = enumerate(data.removeprefix(UTF8_BOM).split(b"\n"), 1)
    yield from _records(((n, _decoded(line)) for n, line in lines), origin, rules, date_order)


def _decoded(line: bytes) -> str | UnicodeDecodeError:
    try:
        return line.decode("utf-8")
    except UnicodeDecodeError as exc:
        return exc


def _records(
    lines: Iterable[tuple[int, str | UnicodeDecodeError]], origin: str, rules: BoilerplateRules, date_order: str
) -> Iterator[Document | Failure]:
    blank = True
    for number, line in lines:
        where = f"{origin}:{number}"
        if isinstance(line, UnicodeDecodeError):
            bad = line.object[line.start]
            yield Failure(where, f"line {number}: not valid UTF-8 (byte 0x{bad:02x} at column {line.start + 1})")
            blank = False
            continue
        if not line.strip(JSON_WHITESPACE):
            continue
        blank = False
        try:
            yield parse_line(line.removesuffix("\r"), where, rules, date_order)
        except MalformedInput as exc:
            yield Failure(where, f"line {number}: {exc}")
    if blank:
        raise UnreadableInput("no text (only white space)")


def parse_line(line: str, origin: str, rules: BoilerplateRules, date_order: str = "MDY") -> Document:
    """The document of one JSON Lines record; MalformedInput says in one line what is wrong."""
    record = _load(line)
    text, repaired = _repaired(_text(record))
    fields: dict[str, str | None] = {}
    notes = []
    for name in OPTIONAL_FIELDS:
        value, problem = _optional_str(record.get(name))
        fields[name], count = _repaired(value) if value is not None else (None, 0)
        repaired += count
        if problem:
            notes.append(f"ignored '{name}': {problem}")
    published = parse_published(record.get("published"), date_order)
    raw, count = _repaired(published.raw) if published.raw is not None else (None, 0)
    repaired += count
    if repaired:
        notes.insert(0, f"replaced {repaired} unpaired surrogate{'s' * (repaired > 1)} with U+FFFD")
    return Document(
        text=text,
        origin=origin,
        kind="jsonl",
        id=fields["id"],
        title=fields["title"],
        url=fields["url"],
        published=published.day,
        published_basis=_basis(published.day is not None, raw is not None),
        published_raw=raw,
        excluded=find_boilerplate(text, rules),
        notes=tuple(notes),
    )


def _load(line: str) -> dict[str, Any]:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise MalformedInput(f"not JSON ({exc.msg} at column {exc.colno})") from exc
    except RecursionError as exc:
        raise MalformedInput("JSON nested too deeply to read") from exc
    except Exception as exc:  # whatever else one record's parsing raises is that record's failure
        raise MalformedInput(f"not JSON ({type(exc).__name__}: {exc})") from exc
    if not isinstance(record, dict):
        raise MalformedInput(f"expected a JSON object, got {json_kind(record)}")
    return record


def _text(record: dict[str, Any]) -> str:
    if "text" not in record or record["text"] is None:
        raise MalformedInput("no 'text' field")
    text = record["text"]
    if not isinstance(text, str):
        raise MalformedInput(f"'text' is {json_kind(text)}, not a string")
    if not text.strip():
        raise MalformedInput("'text' is empty")
    return text


def _optional_str(value: object) -> tuple[str | None, str | None]:
    """A string field's value (numbers as written), or None with what was wrong with it."""
    if value is None or value == "":
        return None, None
    if isinstance(value, str):
        return value, None
    if isinstance(value, int | float) and not isinstance(value, bool):
        return json.dumps(value), None
    return None, f"{json_kind(value)}, not a string"


def _repaired(text: str) -> tuple[str, int]:
    """``text`` with every unpaired surrogate replaced by U+FFFD, and how many there were."""
    return SURROGATE.subn("\ufffd", text)


def _basis(parsed: bool, unparsed: bool) -> DateBasis:
    if parsed:
        return DateBasis.INPUT
    return DateBasis.UNPARSED if unparsed else DateBasis.UNKNOWN


def json_kind(value: object) -> str:
    """How JSON calls a value's type, with its article: 'a list', 'a number', 'null'."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return "a string"
