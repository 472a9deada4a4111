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
    """UTF-8 text from ``data`` (a BOM is dropped); binary, invalid or empty input is refused."""
    if not data:
        raise UnreadableInput("empty file")
    if b"\x00" in data[:BINARY_SNIFF_BYTES]:
        raise UnreadableInput("binary file (NUL bytes), not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UnreadableInput(f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start})") from exc
    if not text.strip():
        raise UnreadableInput("no text (only white space)")
    return text


def looks_like_html(text: str) -> bool:
    head = text[:1024].lstrip().lower()
    return head.startswith(("<!doctype html", "<html", "<?xml")) or "<body" in head or "<article" in head


def looks_like_jsonl(text: str) -> bool:
    return text.lstrip().startswith("{")
