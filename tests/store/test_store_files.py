"""8 and 10. The database file as users meet it: damaged, or held by another process."""

from __future__ import annotations

import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner
from tests.store.builders import event, report

from worldorder.cli.main import main
from worldorder.errors import StoreBusy, StoreError
from worldorder.store import Store

HOLD = """
import sys, time
from worldorder.store import Store
with Store.open(sys.argv[1]) as store:
    store.count()  # opens the file
    print("holding", flush=True)
    time.sleep(float(sys.argv[2]))
"""


def sample_database(path: Path, n: int = 300) -> bytes:
    items = [report(f"a{i}", date(2024, 10, 1), event("AUT", "IRN", "2024-10-11")) for i in range(n)]
    with Store.open(path) as store:
        store.add([a for a, _ in items], [c for _, c in items])
    return path.read_bytes()


@pytest.mark.parametrize("keep", [0.001, 0.25, 0.5, 0.9])
def test_store_truncated_file_is_one_line_saying_damaged(tmp_path: Path, keep: float) -> None:
    data = sample_database(tmp_path / "whole.duckdb")
    damaged = tmp_path / "damaged.duckdb"
    damaged.write_bytes(data[: int(len(data) * keep)])
    for read_only in (True, False):
        with pytest.raises(StoreError, match=r"^the database file is damaged: ") as caught:
            Store.open(damaged, read_only=read_only)
        assert "\n" not in str(caught.value) and "-readonly" not in str(caught.value)
    result = CliRunner().invoke(main, ["articles", "--db", str(damaged)])
    assert result.exit_code == 3 and result.output.startswith("worldorder: the database file is damaged")
    assert len(result.output.strip().splitlines()) == 1


def test_store_text_file_as_database_is_damaged_too(tmp_path: Path) -> None:
    path = tmp_path / "notes.duckdb"
    path.write_text("not a database at all\n" * 400, encoding="utf-8")
    with pytest.raises(StoreError, match=r"damaged.*not a valid DuckDB database file"):
        Store.open(path, read_only=True)


def hold(path: Path, seconds: float) -> subprocess.Popen[str]:
    """Another process holding the database open, writable, for ``seconds``."""
    holder = subprocess.Popen([sys.executable, "-c", HOLD, str(path), str(seconds)], stdout=subprocess.PIPE, text=True)
    assert holder.stdout is not None and holder.stdout.readline().strip() == "holding"
    return holder


def stop(holder: subprocess.Popen[str]) -> None:
    holder.kill()
    holder.communicate()


def test_store_second_writer_is_refused_at_once(tmp_path: Path) -> None:
    path = tmp_path / "x.duckdb"
    sample_database(path, 1)
    holder = hold(path, 30)
    try:
        started = time.monotonic()
        with pytest.raises(StoreBusy, match=r"is being written by worldorder process \d+; wait for it to finish"):
            Store.open(path)
        assert time.monotonic() - started < 2
    finally:
        stop(holder)


def test_store_reader_waits_for_the_writer_to_let_go(tmp_path: Path) -> None:
    path = tmp_path / "x.duckdb"
    sample_database(path, 3)
    holder = hold(path, 1.5)
    try:
        with pytest.raises(StoreBusy, match=r"in use by process \d+ \(an ingest writing a batch\?\); try again"):
            Store.open(path, read_only=True, wait=0.2)
        with Store.open(path, read_only=True, wait=20) as store:
            assert store.count() == 3
    finally:
        stop(holder)


def test_store_release_lets_another_process_read(tmp_path: Path) -> None:
    path = tmp_path / "x.duckdb"
    sample_database(path, 2)
    read = [
        sys.executable,
        "-c",
        f"from worldorder.store import Store; print(Store.open({str(path)!r}, read_only=True, wait=0).count())",
    ]
    with Store.open(path) as store:
        store.count()
        assert subprocess.run(read, capture_output=True, text=True).returncode != 0
        store.release()
        assert subprocess.run(read, capture_output=True, text=True).stdout.strip() == "2"
        assert store.count() == 2  # and the next use opens it again
