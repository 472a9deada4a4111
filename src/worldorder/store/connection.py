"""Opening the database file so that one writer and many readers can take turns.

DuckDB lets one process open a file at a time, even read-only. So nobody holds it for long:
``worldorder serve`` opens it for each request, an ingest opens it for each batch and lets go
while it analyses the next, and whoever finds it taken waits a little (``wait`` seconds) and
tries again. Writers also hold ``DB.lock`` (an advisory ``flock``) for their whole run, so a
second ingest into the same file is refused at once instead of interleaving its batches.

DuckDB's own messages ("open this database in read-only mode, e.g. by using the -readonly
parameter in the CLI") speak of its CLI; they become one line about worldorder here.
"""

from __future__ import annotations

import os
import re
import time
from pathlib import Path
from typing import IO

import duckdb

from worldorder.errors import StoreBusy, StoreError

try:
    import fcntl
except ImportError:  # Windows: DuckDB's own lock still refuses a second writer, only later
    fcntl = None  # type: ignore[assignment]

# A reader waits out a batch being written (a 500-document batch with clustering takes about
# a second) and a writer waits out page requests (milliseconds each).
DEFAULT_WAIT_SECONDS = 15.0
RETRY_SECONDS = 0.05
LOCK_HELD = "Could not set lock"
DAMAGED = ("Could not read enough bytes", "not a valid DuckDB database", "Corrupt", "checksum", "Serialization")


def connect(path: Path, read_only: bool, wait: float = DEFAULT_WAIT_SECONDS) -> duckdb.DuckDBPyConnection:
    """A connection to ``path``, waiting up to ``wait`` seconds while another process holds it."""
    deadline = time.monotonic() + wait
    while True:
        try:
            return duckdb.connect(str(path), read_only=read_only)
        except duckdb.Error as exc:
            if LOCK_HELD not in str(exc) or time.monotonic() >= deadline:
                raise translate(exc, path) from exc
        time.sleep(RETRY_SECONDS)


def translate(exc: Exception, path: Path) -> StoreError:
    """One line a user can act on for a DuckDB error met while opening ``path``."""
    message = str(exc)
    if LOCK_HELD in message:
        pid = re.search(r"\(PID (\d+)\)", message)
        holder = f"process {pid.group(1)}" if pid else "another process"
        return StoreBusy(f"{path} is in use by {holder} (an ingest writing a batch?); try again in a moment")
    if any(marker.lower() in message.lower() for marker in DAMAGED) or isinstance(exc, duckdb.SerializationException):
        return StoreError(
            f"the database file is damaged: {path} ({_first_line(message)}); restore a copy or ingest into a new file"
        )
    return StoreError(f"cannot open {path}: {_first_line(message)}")


def _first_line(message: str) -> str:
    """DuckDB's message without its hints and links."""
    line = message.splitlines()[0] if message else ""
    line = re.sub(r"\s*See also https?://\S+", "", line)
    return line.split(". If ")[0].strip()


class WriterLock:
    """An exclusive ``flock`` on ``DB.lock``, held by the one process that writes to ``DB``."""

    def __init__(self, handle: IO[str] | None) -> None:
        self._handle = handle

    @classmethod
    def acquire(cls, db: Path) -> WriterLock:
        if fcntl is None:
            return cls(None)
        lock_path = db.with_name(db.name + ".lock")
        try:
            handle = open(lock_path, "a+", encoding="utf-8")  # noqa: SIM115 - held until release()
        except OSError as exc:
            raise StoreError(f"cannot write next to {db}: {exc.strerror or exc}") from exc
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            handle.seek(0)
            holder = handle.read().strip() or "another process"
            handle.close()
            raise StoreBusy(f"{db} is being written by {holder}; wait for it to finish") from exc
        handle.seek(0)
        handle.truncate()
        handle.write(f"worldorder process {os.getpid()}")
        handle.flush()
        return cls(handle)

    def release(self) -> None:
        if self._handle is not None:
            self._handle.close()  # closing the file drops the flock
            self._handle = None
