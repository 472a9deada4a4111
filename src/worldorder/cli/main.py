"""``worldorder``: each command parses its arguments, calls one library function, renders.

Exit codes: 0 success; 1 some inputs failed while the rest were processed; 2 usage error;
3 nothing could be done (no database, no readable input, a store error).
"""

from __future__ import annotations

import json
import sys
from dataclasses import asdict
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click
from rich.console import Console

from worldorder.cli import render
from worldorder.cli.common import EXIT_FATAL, EXIT_OK, EXIT_PARTIAL, db_option, fail, parse_day
from worldorder.config import Settings, load_settings
from worldorder.errors import WorldorderError
from worldorder.ingest.sources import Source, count_documents, expand
from worldorder.model import Failure
from worldorder.runners.ingest import IngestReport, run_ingest
from worldorder.store import Store

if TYPE_CHECKING:
    from worldorder.pipeline import Pipeline

published_option = click.option(
    "--published",
    callback=parse_day,
    metavar="YYYY-MM-DD",
    help="Publication date for inputs that carry none.",
)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="worldorder")
@click.pass_context
def main(ctx: click.Context) -> None:
    """Turn world news into structured political event data."""
    try:
        ctx.obj = load_settings()
    except WorldorderError as exc:
        raise click.UsageError(str(exc)) from exc


def settings_for(ctx: click.Context, **overrides: Any) -> Settings:
    settings: Settings = ctx.obj
    return settings.with_overrides(**overrides)


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@db_option
@published_option
@click.option("--no-nlp", is_flag=True, help="Store articles only; skip event coding.")
@click.option("--batch-size", type=click.IntRange(1, 10_000), default=None, help="Documents per transaction.")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar; only the summary.")
@click.pass_context
def ingest(
    ctx: click.Context,
    inputs: tuple[str, ...],
    db_path: Path | None,
    published: date | None,
    no_nlp: bool,
    batch_size: int | None,
    quiet: bool,
) -> None:
    """Read INPUTS (files, directories, globs, URLs, or - for stdin) and store their articles.

    Plain text (scraped pages too), HTML pages and JSON Lines (id, text, published, title, url)
    are recognised. Each batch is stored in one transaction; running twice adds nothing.
    """
    settings = settings_for(ctx, db_path=db_path, batch_size=batch_size)
    console = Console(stderr=True)
    try:
        with Store.open(settings.db_path) as store:
            analyser = None if no_nlp else _analyser(settings)
            total = sum(count_documents(s) for s in expand(inputs) if isinstance(s, Source))
            with render.ingest_progress(console, total, quiet) as hook:
                report = run_ingest(inputs, store, settings, analyser, published, hook)
    except WorldorderError as exc:
        fail(str(exc))
    Console().print(render.ingest_summary(report))
    if report.already_present and not report.stored:
        click.echo(f"nothing new: all {report.already_present:,} articles were already present")
    sys.exit(_ingest_exit(report))


def _analyser(settings: Settings) -> Pipeline:
    from worldorder.pipeline import Pipeline  # loads spaCy: only when analysis is asked for

    return Pipeline.load(settings)


def _ingest_exit(report: IngestReport) -> int:
    if report.failures:
        return EXIT_PARTIAL if report.read else EXIT_FATAL
    return EXIT_OK


@main.command()
@click.argument("article_id", required=False)
@db_option
@click.option("--limit", type=click.IntRange(1, 100_000), default=50, show_default=True)
@click.option("--offset", type=click.IntRange(0), default=0, show_default=True)
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.pass_context
def articles(
    ctx: click.Context, article_id: str | None, db_path: Path | None, limit: int, offset: int, fmt: str
) -> None:
    """List stored articles, or show one (its text, excluded spans and events) by ARTICLE_ID."""
    settings = settings_for(ctx, db_path=db_path)
    try:
        with Store.open(settings.db_path, read_only=True) as store:
            if article_id:
                _show_article(store, article_id, fmt)
            else:
                rows = store.list_articles(limit, offset)
                if fmt == "json":
                    _echo_json([asdict(r) for r in rows])
                else:
                    Console().print(render.articles_table(rows))
                    click.echo(f"{store.count():,} articles in {settings.db_path}")
    except WorldorderError as exc:
        fail(str(exc))


def _show_article(store: Store, article_id: str, fmt: str) -> None:
    article = store.article(article_id)
    if article is None:
        fail(f"no article {article_id!r}")
    record = asdict(article) | {"events": store.events_of(article_id)}
    if fmt == "json":
        _echo_json(record)
        return
    console = Console()
    console.print(render.article_panel(article, record["events"]))


def _echo_json(value: Any) -> None:
    click.echo(json.dumps(value, default=_json_default, ensure_ascii=False, indent=2))


def _json_default(value: Any) -> Any:
    if isinstance(value, date | datetime):
        return value.isoformat()
    raise TypeError(f"cannot serialise {type(value).__name__}")


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("-o", "--output", type=click.File("w", encoding="utf-8"), default="-", help="Output file (stdout).")
@published_option
@click.pass_context
def extract(ctx: click.Context, inputs: tuple[str, ...], output: Any, published: date | None) -> None:
    """Code the events, places and dates of INPUTS; write one JSON document per line.

    Each line holds the input's id, its reference date and how it was found, and its events
    (type, CAMEO, Goldstein, source, target, date, location, modality, attribution, sentence
    and offsets), places and dates. Nothing is stored; see `worldorder ingest` for that.
    """
    from worldorder.runners.extract import run_extract

    def write(record: dict[str, Any]) -> None:
        output.write(json.dumps(record, ensure_ascii=False) + "\n")

    def on_failure(failure: Failure) -> None:
        click.echo(f"failed {failure.origin}: {failure.reason}", err=True)

    try:
        report = run_extract(inputs, _analyser(settings_for(ctx)), write, published, on_failure)
    except WorldorderError as exc:
        fail(str(exc))
    click.echo(f"{report.documents:,} documents, {report.events:,} events, {len(report.failures)} failed", err=True)
    sys.exit(EXIT_PARTIAL if report.failures and report.documents else EXIT_FATAL if report.failures else EXIT_OK)


@main.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to listen on (loopback by default).")
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True)
@click.pass_context
def serve(ctx: click.Context, db_path: Path | None, host: str, port: int) -> None:
    """Serve the web page and its JSON API over the database, read-only, at http://HOST:PORT/."""
    from worldorder.web import server  # loads FastAPI only when asked

    settings = settings_for(ctx, db_path=db_path)
    try:
        app = server.app_for(settings)
    except WorldorderError as exc:
        fail(str(exc))
    click.echo(f"worldorder: serving {settings.db_path} at {server.page_url(host, port)} (Ctrl+C to stop)", err=True)
    server.run(app, host, port)


def _register_queries() -> None:
    from worldorder.cli.queries import COMMANDS

    for command in COMMANDS:
        main.add_command(command)


_register_queries()
