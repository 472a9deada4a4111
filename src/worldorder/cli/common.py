"""What every command shares: exit codes, option parsers, and the one way to fail."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path
from typing import NoReturn

import click

from worldorder.ingest.dates import parse_day_text

EXIT_OK, EXIT_PARTIAL, EXIT_FATAL = 0, 1, 3


def parse_day(_ctx: click.Context, _param: click.Parameter, value: str | None) -> date | None:
    """A ``YYYY-MM-DD`` option value as a date, or a usage error saying what is expected."""
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise click.BadParameter(f"{value!r} is not a date like 2024-10-11") from exc


def parse_published_day(ctx: click.Context, _param: click.Parameter, value: str | None) -> date | None:
    """A publication date as news archives write it (ISO, "Dec 11, 2016", "13/12/2016"), or a usage error."""
    if value is None:
        return None
    settings = ctx.find_root().obj
    day = parse_day_text(value.strip(), getattr(settings, "date_order", "MDY"))
    if day is None:
        raise click.BadParameter(f"{value!r} names no day (try 2016-12-11 or 'Dec 11, 2016')")
    return day


db_option = click.option(
    "--db",
    "db_path",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="DuckDB file (default: worldorder.duckdb, or $WORLDORDER_DB_PATH).",
)


def fail(message: str) -> NoReturn:
    """Print ``worldorder: message`` on stderr and exit with the fatal code."""
    click.echo(f"worldorder: {message}", err=True)
    sys.exit(EXIT_FATAL)
