"""The offline gazetteer's on-disk index cache, on a tiny index (no data packages read)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from worldorder.geo.offline import (
    GazetteerIndexes,
    IndexBuilder,
    IndexedGazetteer,
    load_cached,
    save_cached,
)

from .conftest import PARIS_FR, PARIS_TX, TEXAS


def tiny_indexes() -> GazetteerIndexes:
    builder = IndexBuilder()
    names = builder.index([("Paris", PARIS_FR), ("Paris", PARIS_TX), ("Texas", TEXAS)])
    abbreviations = builder.index([("Tex.", TEXAS)])
    return GazetteerIndexes(builder.rows, names, abbreviations, ["iranian"])


def test_offline_cache_round_trips(tmp_path: Path) -> None:
    path = tmp_path / "gazetteer-2-500-py311-abc.marshal"
    save_cached(path, tiny_indexes())
    assert load_cached(path) == tiny_indexes()


@pytest.mark.parametrize("content", [b"", b"not marshal at all", None])
def test_offline_cache_ignores_missing_or_broken_files(tmp_path: Path, content: bytes | None) -> None:
    path = tmp_path / "gazetteer.marshal"
    if content is not None:
        path.write_bytes(content)
    assert load_cached(path) is None


def test_offline_cache_keeps_the_most_recently_used_indexes_of_a_threshold(tmp_path: Path) -> None:
    olds = [tmp_path / f"gazetteer-1-500-py311-old{n}.marshal" for n in range(4)]
    for age, path in enumerate(olds):
        path.write_bytes(b"x")
        os.utime(path, (1_000_000 + age, 1_000_000 + age))  # old3 used last
    other_threshold = tmp_path / "gazetteer-1-15000-py311-old.marshal"
    other_threshold.write_bytes(b"x")
    save_cached(tmp_path / "gazetteer-2-500-py311-new.marshal", tiny_indexes())
    assert [p.exists() for p in olds] == [False, False, True, True]  # the new one and the two last used
    assert other_threshold.exists()


def test_indexed_gazetteer_reads_dotted_abbreviations_as_states() -> None:
    gazetteer = IndexedGazetteer(tiny_indexes())
    assert list(gazetteer.candidates("Tex.")) == [TEXAS]
    assert set(gazetteer.candidates("paris")) == {PARIS_FR, PARIS_TX}
    assert gazetteer.candidates("tex") == []
    assert gazetteer.is_demonym("Iranian") and not gazetteer.is_demonym("Iran")
