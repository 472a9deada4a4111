"""Turn raw bytes into text, or say in one line why they are not text."""

from __future__ import annotations

from pathlib import Path

from worldorder.errors import UnreadableInput

BINARY_SNIFF_BYTES = 8192


def megabytes(n: int) -> str:
    return f"{n / (1024 * 1024):.1f} MB"


def read_file_bytes(path: Path, max_bytes: int) -> bytes:
    """The bytes of ``path``, refusing missing, unreadable and oversized files."""
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise UnreadableInput(f"file is {megabytes(size)}, over the {megabytes(max_bytes)} limit")
        return path.read_bytes()
    except FileNotFoundError as exc:
        raise UnreadableInput("no such file or directory") from exc
    except PermissionError as exc:
        raise UnreadableInput("permission denied") from exc
    except IsADirectoryError as exc:
        raise UnreadableInput("is a directory") from exc
    except OSError as exc:
        raise UnreadableInput(f"cannot read: {exc.strerror or exc}") from exc


def decode_text(data: bytes) -> str:
    """Text from ``data``: UTF-8 (a BOM is dropped), or UTF-16/32 when a BOM or the NUL pattern
    says so; binary, invalid or empty input is refused."""
    if not data:
        raise UnreadableInput("empty file")
    encoding = wide_encoding(data[:BINARY_SNIFF_BYTES])
    if encoding is None and b"\x00" in data[:BINARY_SNIFF_BYTES]:
        raise UnreadableInput("binary file (NUL bytes), not text")
    try:
        text = data.decode(encoding or "utf-8-sig")
    except UnicodeDecodeError as exc:
        name = (encoding or "utf-8").upper().replace("-SIG", "").replace("-LE", "").replace("-BE", "")
        raise UnreadableInput(f"not valid {name} (byte 0x{data[exc.start]:02x} at offset {exc.start})") from exc
    text = text.removeprefix("\ufeff")
    if not text.strip():
        raise UnreadableInput("no text (only white space)")
    return text


def wide_encoding(head: bytes) -> str | None:
    """"utf-32"/"utf-16" when a byte-order mark says so, "utf-16-le"/"-be" when ASCII text shows
    as every other byte NUL (Windows tools write UTF-16 without a BOM too); else None."""
    if head.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        return "utf-32"
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    even, odd = head[0::2], head[1::2]
    if len(head) >= 4 and odd.count(0) > 0.9 * len(odd) and not even.count(0):
        return "utf-16-le"
    if len(head) >= 4 and even.count(0) > 0.9 * len(even) and not odd.count(0):
        return "utf-16-be"
    return None


def looks_like_html(text: str) -> bool:
    head = text[:1024].lstrip().lower()
    return head.startswith(("<!doctype html", "<html", "<?xml")) or "<body" in head or "<article" in head


def looks_like_jsonl(text: str) -> bool:
    return text.lstrip().startswith("{")
