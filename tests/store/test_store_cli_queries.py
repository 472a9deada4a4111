"""The query and export commands over a database built from hand-coded articles."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner
from tests.store.builders import event, report

from worldorder.cli.main import main
from worldorder.store import Store


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "q.duckdb"
    items = [
        report("a1", date(2024, 10, 12), event("AUT", "IRN", "2024-10-11", "Vienna", sentence="Envoys talked.")),
        report("a2", date(2024, 10, 12), event("IRN", "AUT", "2024-10-11", sentence="The two sides conferred.")),
        report("a3", date(2024, 11, 2), event("TUR", "IRN", "2024-11-01")),
    ]
    with Store.open(path) as store:
        store.add([a for a, _ in items], [c for _, c in items])
    return path


def invoke(*args: str) -> str:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False, env={"COLUMNS": "250"})
    assert result.exit_code == 0, result.output
    return result.output


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("--pair", "IRN", "AUT"), 1),
        (("--actor", "IRN"), 2),
        (("--text", "conferred"), 1),
        (("--since", "2024-11-01"), 1),
    ],
)
def test_cli_events_filters_as_json(db: Path, args: tuple[str, ...], expected: int) -> None:
    rows = json.loads(invoke("events", "--db", str(db), "--format", "json", *args))
    assert len(rows) == expected


def test_cli_event_shows_every_mention_and_why(db: Path) -> None:
    [row] = json.loads(invoke("events", "--db", str(db), "--format", "json", "--pair", "AUT", "IRN"))
    detail = json.loads(invoke("event", str(row["event_id"]), "--db", str(db), "--format", "json"))
    assert [m["merged_by"].split(";")[0] for m in detail["mentions"]] == ["first report", "same CONSULT|AUT|IRN|+"]
    assert "The two sides conferred." in invoke("event", str(row["event_id"]), "--db", str(db))


@pytest.mark.parametrize("fmt", ["table", "json", "csv"])
def test_cli_relations_and_actors_render(db: Path, fmt: str) -> None:
    assert "2024-10-01" in invoke("relations", "AUT", "IRN", "--db", str(db), "--by", "month", "--format", fmt)
    assert "IRN" in invoke("actors", "--db", str(db), "--format", fmt)
    assert "AUT" in invoke("actors", "--pairs", "--db", str(db), "--format", fmt)


def test_cli_export_gdelt_to_a_file(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "events.tsv"
    CliRunner().invoke(main, ["export", "--db", str(db), "--format", "gdelt", "-o", str(out)], catch_exceptions=False)
    assert [len(line.split("\t")) for line in out.read_text(encoding="utf-8").splitlines()] == [61, 61]


def test_cli_event_unknown_id_exits_fatal(db: Path) -> None:
    result = CliRunner().invoke(main, ["event", "999", "--db", str(db)])
    assert result.exit_code == 3
