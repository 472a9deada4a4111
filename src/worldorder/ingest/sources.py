"""Expand what the user named (files, directories, globs, ``-``, URLs) into readable sources."""

from __future__ import annotations

import glob
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from worldorder.model import Failure

STDIN = "-"
GLOB_CHARS = frozenset("*?[")


@dataclass(frozen=True, slots=True)
class Source:
    """One thing to read: a file, standard input, or a URL."""

    location: str
    kind: str  # "file", "stdin", "url"


def is_url(name: str) -> bool:
    return name.startswith(("http://", "https://"))


def expand(names: Iterable[str]) -> Iterator[Source | Failure]:
    """Every source the names stand for, in order; a name that stands for nothing is a failure."""
    for name in names:
        if name == STDIN:
            yield Source("<stdin>", "stdin")
        elif is_url(name):
            yield Source(name, "url")
        else:
            yield from _expand_path(name)


def _expand_path(name: str) -> Iterator[Source | Failure]:
    path = Path(name)
    if path.is_dir():
        files = sorted(p for p in path.rglob("*") if p.is_file() and not _hidden(p.relative_to(path)))
        if not files:
            yield Failure(name, "directory holds no files")
        yield from (Source(str(p), "file") for p in files)
    elif path.exists() or path.is_symlink() or not GLOB_CHARS & set(name):
        yield Source(name, "file")
    else:
        matches = sorted(glob.glob(name, recursive=True))
        if not matches:
            yield Failure(name, "no file matches this pattern")
        for match in matches:
            yield from _expand_path(match)


def _hidden(relative: Path) -> bool:
    return any(part.startswith(".") for part in relative.parts)


def count_documents(source: Source) -> int:
    """A cheap estimate of how many documents a source holds, for progress bars."""
    if source.kind != "file" or not source.location.endswith((".jsonl", ".ndjson")):
        return 1
    try:
        with open(source.location, "rb") as handle:
            return max(1, sum(chunk.count(b"\n") for chunk in iter(lambda: handle.read(1 << 20), b"")))
    except OSError:
        return 1
