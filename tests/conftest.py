"""Shared fixtures: settings, a fresh store, paths to the shared gold sets."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from worldorder.config import Settings
from worldorder.store import Store

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(db_path=tmp_path / "test.duckdb")


@pytest.fixture
def store(settings: Settings) -> Iterator[Store]:
    with Store.open(settings.db_path) as opened:
        yield opened
