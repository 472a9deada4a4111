from __future__ import annotations

from datetime import date
from pathlib import Path

import duckdb
import pytest

from worldorder.errors import StoreError
from worldorder.model import Article, DateBasis, Span
from worldorder.store import Store
from worldorder.store.migrations import MIGRATIONS


def make_article(n: int, text: str = "Envoys met in Vienna.") -> Article:
    return Article(
        id=f"a{n}",
        text=f"{text} ({n})",
        origin="test",
        kind="text",
        title=f"Report {n}",
        url=None,
        site=None,
        author=None,
        published=date(2024, 1, n % 28 + 1),
        published_basis=DateBasis.INPUT,
        language="en",
        skipped=None,
        excluded=(Span(0, 6, "exact"),),
    )


def test_store_add_is_idempotent(store: Store) -> None:
    batch = [make_article(n) for n in range(5)]
    assert store.add(batch).stored == 5
    again = store.add(batch)
    assert (again.stored, again.already_present) == (0, 5)
    assert store.count() == 5


def test_store_duplicate_ids_within_one_batch_count_once(store: Store) -> None:
    result = store.add([make_article(1), make_article(1), make_article(2)])
    assert (result.stored, result.already_present) == (2, 1)


def test_store_round_trips_an_article(store: Store) -> None:
    article = make_article(7, text="Kosovo and Serbia – talks in Brussels “resumed”")
    store.add([article])
    assert store.article("a7") == article
    assert store.article("nope") is None


def test_store_records_migrations(settings_db: Path) -> None:
    Store.open(settings_db).close()
    Store.open(settings_db).close()  # a second open applies nothing again
    con = duckdb.connect(str(settings_db))
    versions = [row[0] for row in con.execute("SELECT version FROM schema_migrations ORDER BY 1").fetchall()]
    assert versions == [m.version for m in MIGRATIONS]


def test_store_read_only_open_of_missing_file_says_what_to_do(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="run `worldorder ingest` first"):
        Store.open(tmp_path / "absent.duckdb", read_only=True)


def test_store_failed_batch_leaves_nothing(store: Store) -> None:
    good = make_article(1)
    bad = make_article(2)
    object.__setattr__(bad, "text", None)  # violates NOT NULL: the whole batch must roll back
    with pytest.raises(duckdb.Error):
        store.add([good, bad])
    assert store.count() == 0


@pytest.fixture
def settings_db(tmp_path: Path) -> Path:
    return tmp_path / "m.duckdb"


def test_store_read_only_open_migrates_an_older_database_first(tmp_path: Path) -> None:
    path = tmp_path / "old.duckdb"
    with Store.open(path) as store:
        store.add([make_article(1)])
    con = duckdb.connect(str(path))
    con.execute("DROP INDEX cluster_members_by_cluster")  # as before migration 6
    con.execute("ALTER TABLE cluster_members DROP COLUMN search_text")
    con.execute("CREATE INDEX cluster_members_by_cluster ON cluster_members (cluster_id)")
    con.execute("DELETE FROM schema_migrations WHERE version = 6")
    con.close()
    with Store.open(path, read_only=True) as store:
        assert store.count() == 1
    con = duckdb.connect(str(path), read_only=True)
    versions = {row[0] for row in con.execute("SELECT version FROM schema_migrations").fetchall()}
    assert versions == {m.version for m in MIGRATIONS}
