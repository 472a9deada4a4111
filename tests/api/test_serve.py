from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from worldorder.cli.main import main
from worldorder.web.server import page_url


def test_serve_without_a_database_says_to_ingest_first(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["serve", "--db", str(tmp_path / "missing.duckdb")])
    assert result.exit_code == 3
    assert "run `worldorder ingest` first" in result.output
    assert "serving" not in result.output


def test_serve_listens_on_loopback_by_default() -> None:
    serve = main.commands["serve"]
    host = next(p for p in serve.params if p.name == "host")
    assert host.default == "127.0.0.1"
    assert page_url("127.0.0.1", 8000) == "http://127.0.0.1:8000/"
