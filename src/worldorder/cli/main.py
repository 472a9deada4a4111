"""``worldorder``: each command parses its arguments, calls one library function, renders.

Exit codes: 0 success; 1 some inputs failed while the rest were processed; 2 usage error;
3 nothing could be done (no database, no readable input, a store error).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from dataclasses import asdict
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click
from rich.console import Console

from worldorder.cli import render
from worldorder.cli.common import EXIT_FATAL, EXIT_OK, EXIT_PARTIAL, db_option, fail, parse_published_day
from worldorder.config import Settings, load_settings
from worldorder.errors import WorldorderError
from worldorder.ingest.sources import Source, count_documents, expand
from worldorder.model import Failure, Notice
from worldorder.runners import PARTITION_SIZE, DaskOptions
from worldorder.runners.ingest import IngestReport, run_ingest, run_ingest_on_cluster
from worldorder.store import Store

if TYPE_CHECKING:
    from worldorder.pipeline import Pipeline

published_option = click.option(
    "--published",
    callback=parse_published_day,
    metavar="DATE",
    help="Publication date for inputs that carry none or one that cannot be read "
    "(2016-12-11, 'Dec 11, 2016', 13/12/2016; WORLDORDER_DATE_ORDER=DMY reads 05/06/2016 as 5 June).",
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


def cluster_options(command: Callable[..., None]) -> Callable[..., None]:
    """--workers, --scheduler and --partition-size: code on Dask workers (docs/scale.md)."""
    for option in reversed(
        (
            click.option("--workers", type=click.IntRange(1, 1024), default=None,
                         help="Code on a local Dask cluster of N worker processes."),
            click.option("--scheduler", metavar="tcp://HOST:PORT", default=None,
                         help="Code on the existing Dask cluster of this scheduler."),
            click.option("--partition-size", type=click.IntRange(1, 1_000_000), default=PARTITION_SIZE,
                         show_default=True, help="Documents per Dask task."),
        )
    ):  # fmt: skip
        command = option(command)
    return command


def dask_options(workers: int | None, scheduler: str | None, partition_size: int) -> DaskOptions:
    if workers and scheduler:
        raise click.UsageError("--workers starts a local cluster; --scheduler uses another: give one of them")
    return DaskOptions(workers, scheduler, partition_size)


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@db_option
@published_option
@click.option("--no-nlp", is_flag=True, help="Store articles only; skip event coding.")
@click.option(
    "--batch-size",
    type=click.IntRange(1, 10_000),
    default=None,
    help="Documents per nlp.pipe batch and per transaction (default 64): speed, and what a kill loses; "
    "results, cross-article events included, do not depend on it.",
)
@cluster_options
@click.option(
    "--output",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Write partitioned Parquet to this folder instead of the database (see `worldorder load`).",
)
@click.option("-q", "--quiet", is_flag=True, help="No progress bar; only the summary.")
@click.pass_context
def ingest(
    ctx: click.Context,
    inputs: tuple[str, ...],
    db_path: Path | None,
    published: date | None,
    no_nlp: bool,
    batch_size: int | None,
    workers: int | None,
    scheduler: str | None,
    partition_size: int,
    output: Path | None,
    quiet: bool,
) -> None:
    """Read INPUTS (files, directories, globs, URLs, or - for stdin) and store their articles.

    Plain text (scraped pages too), HTML pages, JSON Lines (id, text, published, title, url) and
    web archives (.warc, .warc.gz) are recognised. Each batch is stored in one transaction;
    running twice adds nothing. With --workers or --scheduler the coding runs on Dask workers
    and this process stays the one writer; --output writes Parquet instead (on one worker if
    neither is given).
    `worldorder serve` may run beside it on the same database; a second ingest into it is refused.
    """
    settings = settings_for(ctx, db_path=db_path, batch_size=batch_size)
    options = dask_options(workers or (1 if output and not scheduler else None), scheduler, partition_size)
    if no_nlp and options.wanted:
        raise click.UsageError("--no-nlp stores articles here; --workers, --scheduler and --output are for coding")
    console = Console(stderr=True)
    try:
        with Store.open(":memory:" if output else settings.db_path) as store:
            total = sum(count_documents(s) for s in expand(inputs) if isinstance(s, Source))
            with render.ingest_progress(console, total, quiet) as hook:
                if options.wanted:
                    report = run_ingest_on_cluster(inputs, store, settings, options, published, hook, output)
                else:
                    analyser = None if no_nlp else _analyser(settings)
                    report = run_ingest(inputs, store, settings, analyser, published, hook)
    except WorldorderError as exc:
        fail(str(exc))
    Console().print(render.ingest_summary(report))
    if report.already_present and not report.stored:
        click.echo(f"nothing new: all {report.already_present:,} articles were already present")
    sys.exit(_ingest_exit(report))


def _analyser(settings: Settings) -> Pipeline:
    from worldorder.api import pipeline_for  # loads spaCy: only when analysis is asked for

    return pipeline_for(settings)


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
@cluster_options
@click.pass_context
def extract(
    ctx: click.Context,
    inputs: tuple[str, ...],
    output: Any,
    published: date | None,
    workers: int | None,
    scheduler: str | None,
    partition_size: int,
) -> None:
    """Code the events, places and dates of INPUTS; write one JSON document per line.

    Each line holds the input's id, its reference date and how it was found, and its events
    (type, CAMEO, Goldstein, source, target, date, location, modality, attribution, sentence
    and offsets), places and dates. Nothing is stored; see `worldorder ingest` for that.
    With --workers or --scheduler the coding runs on Dask workers; the output keeps input order.
    """
    from worldorder.runners.extract import run_extract, run_extract_on_cluster

    def write(record: dict[str, Any]) -> None:
        output.write(json.dumps(record, ensure_ascii=False) + "\n")

    def on_failure(item: Failure | Notice) -> None:
        if isinstance(item, Failure):
            click.echo(f"failed {item.origin}: {item.reason}", err=True)
        else:
            click.echo(f"note {item.origin}: {item.message}", err=True)

    options = dask_options(workers, scheduler, partition_size)
    try:
        if options.wanted:
            report = run_extract_on_cluster(inputs, settings_for(ctx), options, write, published, on_failure)
        else:
            report = run_extract(inputs, _analyser(settings_for(ctx)), write, published, on_failure)
    except WorldorderError as exc:
        fail(str(exc))
    unreadable = f", {report.unparsed_dates:,} with an unreadable publication date" if report.unparsed_dates else ""
    counts = f"{report.documents:,} documents, {report.events:,} events, {len(report.failures):,} failed"
    click.echo(counts + unreadable, err=True)
    sys.exit(EXIT_PARTIAL if report.failures and report.documents else EXIT_FATAL if report.failures else EXIT_OK)


def parse_every(_ctx: click.Context, _param: click.Parameter, value: str) -> float:
    """``15m``, ``30s``, ``1h`` or plain seconds, as seconds."""
    units = {"s": 1, "m": 60, "h": 3600}
    number, unit = (value[:-1], value[-1]) if value[-1:] in units else (value, "s")
    try:
        seconds = float(number) * units[unit]
    except ValueError as exc:
        raise click.BadParameter(f"{value!r} is not a period like 15m, 30s or 1h") from exc
    if seconds <= 0:
        raise click.BadParameter("the period must be more than zero")
    return seconds


@main.command()
@click.argument("feeds", nargs=-1, required=True)
@db_option
@click.option("--every", callback=parse_every, default="15m", show_default=True, metavar="PERIOD",
              help="Time between polls: 30s, 15m, 1h.")  # fmt: skip
@click.option("--polls", type=click.IntRange(1), default=None, help="Stop after this many polls (default: never).")
@click.option("--no-nlp", is_flag=True, help="Store articles only; skip event coding.")
@click.pass_context
def watch(ctx: click.Context, feeds: tuple[str, ...], db_path: Path | None, every: float, polls: int | None,
          no_nlp: bool) -> None:  # fmt: skip
    """Follow RSS or Atom FEEDS (URLs or feed files) and store the pages of their new items.

    Each poll fetches every feed (sending the ETag and Last-Modified it last gave, so an
    unchanged feed costs a 304), fetches the pages of items not yet stored with the URL reader
    and stores them as `worldorder ingest` does; it logs one line. Ctrl-C stops between batches.
    """
    from worldorder.runners.watch import watch_feeds

    settings = settings_for(ctx, db_path=db_path)

    def on_failure(failure: Failure) -> None:
        click.echo(f"failed {failure.origin}: {failure.reason}", err=True)

    try:
        with Store.open(settings.db_path) as store:
            analyser = None if no_nlp else _analyser(settings)
            done = watch_feeds(feeds, store, settings, analyser, every, polls, click.echo, on_failure)
    except WorldorderError as exc:
        fail(str(exc))
    click.echo(f"stopped after {done} polls", err=True)


@main.command()
@click.argument("directory", type=click.Path(exists=True, file_okay=False, path_type=Path))
@db_option
@click.pass_context
def load(ctx: click.Context, directory: Path, db_path: Path | None) -> None:
    """Store the partitioned Parquet that `worldorder ingest --output DIRECTORY` wrote.

    Each partition is one transaction; articles already stored are left as they are, so loading
    twice adds nothing. Events are clustered across articles as ingest clusters them.
    """
    from worldorder.store.parquet import load_parquet

    settings = settings_for(ctx, db_path=db_path)
    try:
        with Store.open(settings.db_path) as store:
            report = load_parquet(directory, store)
    except WorldorderError as exc:
        fail(str(exc))
    stored, present = f"{report.stored:,}", f"{report.already_present:,}"
    click.echo(f"{report.parts:,} partitions: {stored} articles stored, {present} already present")


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
