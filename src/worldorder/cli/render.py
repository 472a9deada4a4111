"""How the CLI shows things: progress, summaries and tables."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from rich.console import Console, Group
from rich.markup import escape
from rich.panel import Panel
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.table import Table
from rich.text import Text

from worldorder.model import Article, Failure, Notice
from worldorder.runners.ingest import IngestReport, ProgressHook
from worldorder.store import ArticleSummary


class RateColumn(ProgressColumn):
    """Documents per second."""

    def render(self, task: Task) -> Text:
        elapsed = task.finished_time if task.finished else task.elapsed
        speed = task.completed / elapsed if elapsed else None
        return Text(f"{speed:,.0f} docs/s" if speed else "- docs/s", style="progress.data.speed")


@contextmanager
def ingest_progress(console: Console, total: int, quiet: bool = False) -> Iterator[ProgressHook]:
    """A progress bar (documents/s, ETA) unless ``quiet``; yields the hook the ingest job calls.

    Failures are printed one line each in every case.
    """
    columns = (
        TextColumn("[bold]ingest"),
        BarColumn(),
        MofNCompleteColumn(),
        RateColumn(),
        TimeElapsedColumn(),
        TextColumn("ETA"),
        TimeRemainingColumn(),
    )
    with Progress(*columns, console=console, transient=False, disable=quiet) as progress:
        task = progress.add_task("ingest", total=total)

        def advance(n: int, item: Failure | Notice | None) -> None:
            if item:
                progress.console.print(report_line(item), highlight=False, soft_wrap=True, emoji=False)
            progress.update(task, advance=n, total=max(total, progress.tasks[0].completed + n))

        yield advance


def report_line(item: Failure | Notice) -> str:
    """One printed line (rich markup) for a failed input or a repair made while reading one."""
    if isinstance(item, Failure):
        return f"[red]failed[/red] {escape(item.origin)}: {escape(item.reason)}"
    return f"[yellow]note[/yellow] {escape(item.origin)}: {escape(item.message)}"


def ingest_summary(report: IngestReport) -> Table:
    table = Table(title="ingest summary", show_header=False, title_justify="left")
    table.add_row("stored", f"{report.stored:,}")
    table.add_row("already present", f"{report.already_present:,}")
    if report.events:
        table.add_row("events", f"{report.events:,}")
    if report.unparsed_dates:
        table.add_row("publication date unreadable (kept as given)", f"{report.unparsed_dates:,}")
    for reason, n in report.skipped.most_common():
        table.add_row(f"skipped ({reason})", f"{n:,}")
    for reason, n in report.failed_by_reason().most_common():
        table.add_row(f"failed ({reason})", f"{n:,}")
    if report.notices:
        table.add_row("repaired while reading (see notes)", f"{len(report.notices):,}")
    return table


def _as_given(article: Article) -> str:
    return f", given as {article.published_raw!r}" if article.published_raw else ""


def articles_table(rows: list[ArticleSummary]) -> Table:
    table = Table("id", "published", "lang", "chars", "events", "title / status")
    for row in rows:
        status = row.title or ""
        if row.skipped:
            status = f"[yellow]skipped: {row.skipped}[/yellow] {status}"
        table.add_row(row.id, str(row.published or "-"), row.language, f"{row.chars:,}", str(row.events), status)
    return table


def article_panel(article: Article, events: list[dict[str, Any]]) -> Group:
    """An article with its metadata, its text (excluded spans dimmed) and its events."""
    meta = Table.grid(padding=(0, 2))
    for label, value in (
        ("id", article.id),
        ("title", article.title),
        ("published", f"{article.published or 'unknown'} ({article.published_basis}){_as_given(article)}"),
        ("origin", f"{article.origin} [{article.kind}]"),
        ("url", article.url),
        ("site", article.site),
        ("language", article.language + (f" - skipped: {article.skipped}" if article.skipped else "")),
        ("excluded", f"{len(article.excluded)} spans of page furniture"),
    ):
        if value:
            meta.add_row(f"[bold]{label}[/bold]", escape(str(value)))
    body = Text(article.text)
    for span in article.excluded:
        body.stylize("dim strike", span.start, span.end)
    parts: list[Any] = [meta, Panel(body, title="text (dimmed: excluded)")]
    if events:
        parts.append(events_table(events))
    return Group(*parts)


def events_table(events: list[dict[str, Any]]) -> Table:
    table = Table("type", "source", "target", "date", "place", "modality", title="events")
    for e in events:
        table.add_row(
            e["event_type"],
            _actor(e, "source"),
            _actor(e, "target"),
            e.get("date") or "-",
            e.get("location_name") or "-",
            e.get("modality") or "-",
        )
    return table


def _actor(row: dict[str, Any], role: str) -> str:
    """``RUS GOV``; ``police (COP, country unknown)`` for a stored actor with no country or group."""
    code = row.get(f"{role}_country") or row.get(f"{role}_group")
    sector = row.get(f"{role}_sector")
    if code is None and row.get(f"{role}_text") is None and sector is None:
        return "-"  # no such actor (an event without a target)
    if code is None:
        who = escape(row.get(f"{role}_text") or "unnamed actor")  # article text: may hold [brackets]
        return f"{who} ({sector + ', ' if sector else ''}country unknown)"
    return f"{code} {sector}" if sector else code
