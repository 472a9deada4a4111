from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from tests.api.live import live_server, sample_database


@pytest.fixture(scope="session")
def api(tmp_path_factory: pytest.TempPathFactory) -> Iterator[httpx.Client]:
    """An HTTP client on a live server over the ingested sample news."""
    database = sample_database(tmp_path_factory.getbasetemp())
    with (
        live_server(database, tmp_path_factory.mktemp("api") / "api.duckdb") as url,
        httpx.Client(base_url=url) as client,
    ):
        yield client
