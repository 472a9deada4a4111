"""The command line, run as users run it: a real process on real files."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest
from tests.conftest import REPO, SHARED

from worldorder.cli.main import main

BATCH = 50


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "worldorder", *args], capture_output=True, text=True, input=stdin, timeout=300
    )


def write_feed(path: Path, n: int) -> None:
    lines = (
        json.dumps({"id": f"d{i}", "text": f"Report {i}: the envoys of two states met in Vienna on Monday."})
        for i in range(n)
    )
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


COMMANDS = sorted(main.commands)


@pytest.mark.parametrize("command", COMMANDS)
def test_cli_every_command_has_help(command: str) -> None:
    result = run(command, "--help")
    assert result.returncode == 0 and "Usage:" in result.stdout


@pytest.mark.parametrize("command", COMMANDS)
def test_cli_every_command_is_in_the_readme(command: str) -> None:
    assert f"worldorder {command}" in (REPO / "README.md").read_text(encoding="utf-8")


def test_cli_ingest_twice_adds_nothing_the_second_time(tmp_path: Path) -> None:
    feed, db = tmp_path / "feed.jsonl", str(tmp_path / "x.duckdb")
    write_feed(feed, 120)
    first = run("ingest", "--no-nlp", "--db", db, str(feed))
    second = run("ingest", "--no-nlp", "--db", db, str(feed))
    assert first.returncode == 0 and "120" in first.stdout
    assert second.returncode == 0 and "all 120 articles were already present" in second.stdout


def test_cli_ingest_reports_failures_and_exits_partial(tmp_path: Path) -> None:
    good, empty = tmp_path / "good.txt", tmp_path / "empty.txt"
    good.write_text("The foreign ministers met in Oslo on Tuesday.", encoding="utf-8")
    empty.write_bytes(b"")
    result = run("ingest", "--no-nlp", "--db", str(tmp_path / "x.duckdb"), str(good), str(empty))
    assert result.returncode == 1
    assert f"{empty}: empty file" in result.stderr
    assert "failed (empty file)" in result.stdout


def test_cli_ingest_nothing_readable_is_fatal(tmp_path: Path) -> None:
    result = run("ingest", "--no-nlp", "--db", str(tmp_path / "x.duckdb"), str(tmp_path / "missing.txt"))
    assert result.returncode == 3


def test_cli_articles_lists_and_shows_json(tmp_path: Path) -> None:
    db = str(tmp_path / "x.duckdb")
    run("ingest", "--no-nlp", "--db", db, "-", stdin=json.dumps({"id": "p1", "text": "Talks in Doha ended."}))
    listing = run("articles", "--db", db, "--format", "json")
    shown = run("articles", "p1", "--db", db, "--format", "json")
    assert [a["id"] for a in json.loads(listing.stdout)] == ["p1"]
    assert json.loads(shown.stdout)["text"] == "Talks in Doha ended."
    assert run("articles", "nope", "--db", db).returncode == 3


def test_cli_killed_ingest_leaves_whole_batches_only(tmp_path: Path) -> None:
    feed, db = tmp_path / "feed.jsonl", tmp_path / "x.duckdb"
    write_feed(feed, 200_000)
    args = ["-m", "worldorder", "ingest", "--no-nlp", "-q", "--batch-size", str(BATCH), "--db", str(db), str(feed)]
    process = subprocess.Popen([sys.executable, *args], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(6)
    assert process.poll() is None, "ingest finished before it could be killed"
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    con = duckdb.connect(str(db))
    stored = con.execute("SELECT count(*) FROM articles").fetchone()
    assert stored is not None and stored[0] > 0 and stored[0] % BATCH == 0
    sample = con.execute("SELECT id, text FROM articles ORDER BY random() LIMIT 20").fetchall()
    assert all(text.startswith(f"Report {id_[1:]}:") for id_, text in sample)


@pytest.mark.skipif(not (SHARED / "seed").is_dir(), reason="needs ../shared/seed")
def test_cli_seed_article_keeps_text_and_excludes_boilerplate(tmp_path: Path) -> None:
    db = str(tmp_path / "x.duckdb")
    seed = next((SHARED / "seed").iterdir())
    run("ingest", "--no-nlp", "--db", db, str(seed))
    [listed] = json.loads(run("articles", "--db", db, "--format", "json").stdout)
    article = json.loads(run("articles", listed["id"], "--db", db, "--format", "json").stdout)
    original = seed.read_text(encoding="utf-8")
    assert article["text"] == original
    excluded = {original[s["start"] : s["end"]] for s in article["excluded"]}
    assert {"Connect with us", "Published", "on", "Continue Reading"} <= excluded
    assert any("Getty Images" in line for line in excluded)



@pytest.mark.model
def test_cli_ingest_warc_sample_stores_its_pages_once(tmp_path: Path) -> None:
    db = str(tmp_path / "x.duckdb")
    warc = str(REPO / "examples" / "warc" / "news.warc.gz")
    first = run("ingest", "-q", "--db", db, warc)
    second = run("ingest", "-q", "--db", db, warc)
    assert first.returncode == 0, first.stderr
    assert "skipped (warc record: HTTP 404)" in first.stdout and "skipped (warc record: not HTML)" in first.stdout
    assert second.returncode == 0 and "all 10 articles were already present" in second.stdout
    con = duckdb.connect(db, read_only=True)
    rows = con.execute("SELECT kind, count(*), count(crawled), min(url) FROM articles GROUP BY kind").fetchall()
    events = con.execute("SELECT count(*) FROM events").fetchone()
    con.close()
    assert rows == [("warc", 10, 10, "https://capitalwire.test/politics/nato-summit-washington-ukraine-declaration")]
    assert events is not None and events[0] >= 10


def test_cli_ingest_workers_refuse_no_nlp_and_a_second_cluster(tmp_path: Path) -> None:
    db = str(tmp_path / "x.duckdb")
    both = run("ingest", "--db", db, "--workers", "2", "--scheduler", "tcp://127.0.0.1:1", "x.txt")
    bare = run("ingest", "--db", db, "--no-nlp", "--workers", "2", "x.txt")
    assert both.returncode == 2 and "give one of them" in both.stderr
    assert bare.returncode == 2 and "--no-nlp stores articles here" in bare.stderr
