"""Does the batch size change which reports are merged into one event? Measure it on corpora.

    .venv/bin/python scripts/batch_size_clusters.py ../shared/corpus/bbc.jsonl ../shared/corpus/guardian.jsonl \\
        [--sizes 7,64,500] [--work DIR]

Each corpus is analysed once (ingested with the pipeline into ``WORK/NAME.analysed.duckdb``,
kept for later runs); its stored articles, reports and mentions are then loaded again, in input
order, into a fresh database per batch size, one transaction per batch, exactly as ``ingest``
stores them. Prints per size the events (clusters) made and how many of them are groupings of
reports that the first size did not make.
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc

from worldorder.config import Settings
from worldorder.pipeline import Pipeline
from worldorder.runners.ingest import run_ingest
from worldorder.store import Store

Partition = set[frozenset[str]]


def analysed(corpus: Path, work: Path) -> Path:
    """The corpus ingested with the pipeline (once; later runs reuse the file)."""
    path = work / f"{corpus.stem}.analysed.duckdb"
    if not path.exists():
        settings = Settings(db_path=path)
        with Store.open(path) as store:
            report = run_ingest([str(corpus)], store, settings, Pipeline.load(settings))
        print(f"{corpus.name}: analysed {report.stored:,} articles, {report.events:,} reports")
    return path


def tables(path: Path) -> dict[str, pa.Table]:
    with Store.open(path, read_only=True) as store:
        return {name: store.rows(name) for name in ("articles", "events", "mentions")}


def partition_with(source: dict[str, pa.Table], size: int, path: Path) -> Partition:
    """The grouping of reports into events when ``source`` is stored ``size`` articles at a time."""
    path.unlink(missing_ok=True)
    ids = source["articles"].column("id")
    with Store.open(path) as store:
        for start in range(0, len(ids), size):
            chunk = pa.array(ids[start : start + size].to_pylist(), pa.string())
            store.load({name: _of(table, name, chunk) for name, table in source.items()})
        members = store.rows("cluster_members").to_pylist()
    groups: dict[int, set[str]] = {}
    for row in members:
        groups.setdefault(row["cluster_id"], set()).add(row["event_id"])
    return {frozenset(g) for g in groups.values()}


def _of(table: pa.Table, name: str, articles: pa.Array) -> pa.Table:
    column = "id" if name == "articles" else "article_id"
    return table.filter(pc.is_in(table.column(column), value_set=articles))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpora", nargs="+", type=Path)
    parser.add_argument("--sizes", default="7,64,500")
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "worldorder-batch-sizes")
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    sizes = [int(s) for s in args.sizes.split(",")]
    print("| corpus | batch size | reports | events | groupings not made with size", sizes[0], "|")
    print("|---|---|---|---|---|")
    for corpus in args.corpora:
        source = tables(analysed(corpus, args.work))
        base: Partition | None = None
        for size in sizes:
            found = partition_with(source, size, args.work / f"{corpus.stem}.{size}.duckdb")
            base = found if base is None else base
            reports = sum(len(g) for g in found)
            print(f"| {corpus.name} | {size} | {reports:,} | {len(found):,} | {len(found - base):,} |")


if __name__ == "__main__":
    main()
