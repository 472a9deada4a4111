"""9. Cross-article events do not depend on the batch size: reports merge in input order."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from tests.store.builders import event, report

from worldorder.store import Store

# Read in this order, published in the reverse one: a month-wide report first, then two days.
# One at a time, the month absorbs October 11 (narrowing to it) and October 4 stands alone.
# Sorting a batch by publication date, as clustering once did, paired the month with the 4th.
REPORTS = [
    report("late", date(2024, 10, 20), event("AUT", "IRN", "2024-10")),
    report("middle", date(2024, 10, 12), event("AUT", "IRN", "2024-10-11")),
    report("early", date(2024, 10, 5), event("AUT", "IRN", "2024-10-04")),
    report("again", date(2024, 10, 3), event("IRN", "AUT", "2024-10-11")),
]


def grouping(path: Path, size: int) -> set[frozenset[str]]:
    with Store.open(path) as store:
        for start in range(0, len(REPORTS), size):
            batch = REPORTS[start : start + size]
            store.add([a for a, _ in batch], [c for _, c in batch])
        members = store.rows("cluster_members").to_pylist()
    groups: dict[int, set[str]] = {}
    for row in members:
        groups.setdefault(row["cluster_id"], set()).add(row["article_id"])
    return {frozenset(g) for g in groups.values()}


@pytest.mark.parametrize("size", [1, 2, 3, 4])
def test_store_batch_size_changes_no_grouping(tmp_path: Path, size: int) -> None:
    assert grouping(tmp_path / "x.duckdb", size) == {frozenset({"late", "middle", "again"}), frozenset({"early"})}


def test_store_rows_come_in_insertion_order(store: Store) -> None:
    store.add([a for a, _ in REPORTS], [c for _, c in REPORTS])
    assert store.rows("articles").column("id").to_pylist() == ["late", "middle", "early", "again"]
