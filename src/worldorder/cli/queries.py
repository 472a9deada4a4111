"""Query and export commands: ``events``, ``event``, ``relations``, ``actors``, ``export``.

Each parses its options, calls one ``Store`` method (or ``export_events``), and renders the
typed records as a rich table, JSON or CSV.
"""

from __future__ import annotations

import csv
import dataclasses
import json
import sys
from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any

import click
from rich.console import Console, Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from worldorder.cli.common import db_option, fail, parse_day
from worldorder.errors import WorldorderError
from worldorder.store import ActorRef, EventFilter, EventSummary, Store

OUTPUTS = ("table", "json", "csv")

format_option = click.option("--format", "fmt", type=click.Choice(OUTPUTS), default="table", show_default=True)


since_option = click.option("--since", "start", callback=parse_day, metavar="YYYY-MM-DD", help="From this day.")
until_option = click.option("--until", "end", callback=parse_day, metavar="YYYY-MM-DD", help="Up to this day.")


def _open(ctx: click.Context, db_path: Path | None) -> Store:
    settings = ctx.obj.with_overrides(db_path=db_path)
    try:
        return Store.open(settings.db_path, read_only=True)
    except WorldorderError as exc:
        fail(str(exc))


def _plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, date | datetime):
        return value.isoformat()
    return value


def _flat(record: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    flat: dict[str, Any] = {}
    for key, value in record.items():
        if isinstance(value, dict):
            flat |= _flat(value, f"{prefix}{key}_")
        else:
            flat[f"{prefix}{key}"] = ";".join(map(str, value)) if isinstance(value, list) else value
    return flat


def _flat_rows(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Flat rows with the same columns: a missing record (an event without target) as empty cells."""
    shapes: dict[str, dict[str, None]] = {}
    for record in records:
        for key, value in record.items():
            if isinstance(value, dict):
                shapes.setdefault(key, dict.fromkeys(value))
    return [_flat({k: shapes[k] if v is None and k in shapes else v for k, v in r.items()}) for r in records]


def emit(records: Sequence[Any], fmt: str, table: RenderableType | None) -> None:
    """Print ``records`` as JSON, CSV, or the given rich rendering."""
    plain = [_plain(r) for r in records]
    if fmt == "json":
        click.echo(json.dumps(plain, ensure_ascii=False, indent=2))
    elif fmt == "csv":
        rows = _flat_rows(plain)
        writer = csv.DictWriter(sys.stdout, fieldnames=list(rows[0]) if rows else ["empty"])
        writer.writeheader()
        writer.writerows(rows)
    elif table is not None:
        Console().print(table)


GUESSED_BASES = ("place", "dateline", "article")  # a country the coder inferred, not one the text names


def actor_label(actor: ActorRef | None) -> str:
    """``RUS GOV``; ``police (COP, country unknown)`` for an actor with no country or group."""
    if actor is None:
        return "-"
    code = " ".join(part for part in (actor.key, actor.sector) if part)
    if actor.key is None:
        who = actor.text or "unnamed actor"  # agentless reports ("a man was killed") have no text
        return f"{who} ({code + ', ' if code else ''}country unknown)"
    if actor.country_basis in GUESSED_BASES and actor.key == actor.country:
        return f"{code} (country from {actor.country_basis})"
    return code


def _actor_label(summary: EventSummary, role: str) -> str:
    return actor_label(getattr(summary, role))


def events_table(rows: Sequence[EventSummary]) -> Group:
    """One block per event: its codes on one line, the sentence that tells it under them.

    A table squeezes the sentence into a sliver on an 80-column terminal; blocks read at any width.
    """
    blocks: list[RenderableType] = []
    for e in rows:
        articles = f"{e.articles} article{'s' if e.articles != 1 else ''}"
        head = Text.assemble(
            (f"#{e.event_id}", "bold"), f"  {e.date or 'undated'}  ", (e.event_type, "bold cyan"),
            f"  {_actor_label(e, 'source')} > {_actor_label(e, 'target')}",
            f"  at {e.place}" if e.place else "", f"  {e.modality}  {articles}",
        )  # fmt: skip
        blocks += [head, Padding(Text(e.sentence or "", style="dim"), (0, 0, 1, 4))]
    return Group(*blocks)


@click.command()
@db_option
@click.option("--actor", help="Country or group code on either side (RUS, NATO).")
@click.option("--country", help="Country code of either actor or of the place.")
@click.option("--sector", help="PLOVER sector of either actor (GOV, MIL, ...).")
@click.option("--pair", nargs=2, default=None, metavar="A B", help="Two actor codes, either order.")
@click.option("--type", "event_type", help="PLOVER event type (CONSULT, ASSAULT, ...).")
@click.option("--quad", "quad_class", type=click.IntRange(1, 4), help="1 verbal coop .. 4 material conflict.")
@click.option("--modality", help="asserted, reported, alleged, planned, intended, hypothetical, negated.")
@since_option
@until_option
@click.option("--place", help="Place name (substring) or country code of the place.")
@click.option("--text", help="Words in any sentence telling the event.")
@click.option("--limit", type=click.IntRange(1, 100_000), default=50, show_default=True)
@click.option("--offset", type=click.IntRange(0), default=0, show_default=True)
@format_option
@click.pass_context
def events(ctx: click.Context, db_path: Path | None, fmt: str, **filters: Any) -> None:
    """List cross-article events, newest first, filtered by the options."""
    flt = EventFilter(**filters)
    with _open(ctx, db_path) as store:
        matches, rows = store.search_page(flt)
    emit(rows, fmt, events_table(rows))
    if fmt == "table":
        click.echo(f"{len(rows):,} of {matches.total:,} events ({matches.undated:,} undated, "
                   f"{matches.unlocated:,} without a place)")  # fmt: skip


@click.command()
@click.argument("event_id", type=int)
@db_option
@click.option("--format", "fmt", type=click.Choice(("table", "json")), default="table", show_default=True)
@click.pass_context
def event(ctx: click.Context, event_id: int, db_path: Path | None, fmt: str) -> None:
    """Show one event with every mention, its sentence, offsets, source and why it was merged."""
    with _open(ctx, db_path) as store:
        detail = store.event_detail(event_id)
    if detail is None:
        fail(f"no event {event_id}")
        return
    if fmt == "json":
        click.echo(json.dumps(_plain(detail), ensure_ascii=False, indent=2))
        return
    Console().print(events_table([detail.summary]))
    table = Table("report", "published", "source", "sentence [offsets]", "merged by", title=f"key {detail.cluster_key}")
    for m in detail.mentions:
        table.add_row(m.report_id, str(m.published or "-"), m.source,
                      f"{m.sentence} [{m.sentence_start}:{m.sentence_end}]", m.merged_by)  # fmt: skip
    Console().print(table)


@click.command()
@click.argument("a")
@click.argument("b")
@db_option
@click.option("--by", "interval", type=click.Choice(("day", "week", "month")), default="month", show_default=True)
@since_option
@until_option
@format_option
@click.pass_context
def relations(ctx: click.Context, a: str, b: str, db_path: Path | None, interval: str, start: date | None,
              end: date | None, fmt: str) -> None:  # fmt: skip
    """Cooperation and conflict between actors A and B over time, with counts and Goldstein sums."""
    with _open(ctx, db_path) as store:
        points = store.relations(a, b, interval, start, end)
    table = Table("period", "verbal coop", "material coop", "verbal conflict", "material conflict", "goldstein",
                  "events", title=f"{a.upper()} - {b.upper()} by {interval}")  # fmt: skip
    for p in points:
        table.add_row(p.period.isoformat(), str(p.verbal_cooperation), str(p.material_cooperation),
                      str(p.verbal_conflict), str(p.material_conflict), f"{p.goldstein:+.1f}",
                      " ".join(map(str, p.event_ids[:8])) + (" ..." if len(p.event_ids) > 8 else ""))  # fmt: skip
    emit(points, fmt, table)


@click.command()
@db_option
@click.option("--limit", type=click.IntRange(1, 10_000), default=15, show_default=True)
@click.option("--pairs", is_flag=True, help="Rank pairs of actors instead of actors.")
@since_option
@until_option
@format_option
@click.pass_context
def actors(ctx: click.Context, db_path: Path | None, limit: int, pairs: bool, start: date | None, end: date | None,
           fmt: str) -> None:  # fmt: skip
    """The most active actors (or pairs), by number of events."""
    with _open(ctx, db_path) as store:
        if pairs:
            dyads = store.top_pairs(limit, start, end)
            table = Table("pair", "events", "v.coop", "m.coop", "v.confl", "m.confl", "goldstein", title="top pairs")
            for d in dyads:
                table.add_row(f"{d.a} - {d.b}", str(d.events), str(d.verbal_cooperation),
                              str(d.material_cooperation), str(d.verbal_conflict), str(d.material_conflict),
                              f"{d.goldstein:+.1f}")  # fmt: skip
            emit(dyads, fmt, table)
            return
        ranked = store.top_actors(limit, start, end)
    table = Table("actor", "events", "as source", "as target", "goldstein", title="most active actors")
    for r in ranked:
        table.add_row(r.key, str(r.events), str(r.as_source), str(r.as_target), f"{r.goldstein:+.1f}")
    emit(ranked, fmt, table)


@click.command()
@db_option
@click.option("--format", "fmt", type=click.Choice(("gdelt", "plover", "parquet", "csv", "jsonl")), required=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Output file (stdout when omitted; required for parquet).")  # fmt: skip
@since_option
@until_option
@click.pass_context
def export(ctx: click.Context, db_path: Path | None, fmt: str, output: Path | None, start: date | None,
           end: date | None) -> None:  # fmt: skip
    """Export the cross-article events as GDELT 2.0 (TSV), PLOVER JSON lines, Parquet, CSV or JSON lines."""
    from worldorder.export import export_events

    try:
        with _open(ctx, db_path) as store:
            written = export_events(store, fmt, output or sys.stdout, start, end)
    except WorldorderError as exc:
        fail(str(exc))
        return
    click.echo(f"{written:,} events exported as {fmt}" + (f" to {output}" if output else ""), err=True)


COMMANDS = (events, event, relations, actors, export)
