from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from tests.store.builders import event, report
from worldorder.errors import WorldorderError
from worldorder.export import export_events
from worldorder.store import Store

# The GDELT 2.0 event table, as listed in the GDELT 2.0 Event Codebook (written out here on
# purpose, independently of the exporter's own constant).
GDELT2_EVENT_COLUMNS = [
    "GlobalEventID",
    "Day",
    "MonthYear",
    "Year",
    "FractionDate",
    "Actor1Code",
    "Actor1Name",
    "Actor1CountryCode",
    "Actor1KnownGroupCode",
    "Actor1EthnicCode",
    "Actor1Religion1Code",
    "Actor1Religion2Code",
    "Actor1Type1Code",
    "Actor1Type2Code",
    "Actor1Type3Code",
    "Actor2Code",
    "Actor2Name",
    "Actor2CountryCode",
    "Actor2KnownGroupCode",
    "Actor2EthnicCode",
    "Actor2Religion1Code",
    "Actor2Religion2Code",
    "Actor2Type1Code",
    "Actor2Type2Code",
    "Actor2Type3Code",
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    "Actor1Geo_Type",
    "Actor1Geo_FullName",
    "Actor1Geo_CountryCode",
    "Actor1Geo_ADM1Code",
    "Actor1Geo_ADM2Code",
    "Actor1Geo_Lat",
    "Actor1Geo_Long",
    "Actor1Geo_FeatureID",
    "Actor2Geo_Type",
    "Actor2Geo_FullName",
    "Actor2Geo_CountryCode",
    "Actor2Geo_ADM1Code",
    "Actor2Geo_ADM2Code",
    "Actor2Geo_Lat",
    "Actor2Geo_Long",
    "Actor2Geo_FeatureID",
    "ActionGeo_Type",
    "ActionGeo_FullName",
    "ActionGeo_CountryCode",
    "ActionGeo_ADM1Code",
    "ActionGeo_ADM2Code",
    "ActionGeo_Lat",
    "ActionGeo_Long",
    "ActionGeo_FeatureID",
    "DATEADDED",
    "SOURCEURL",
]


def read_gdelt(text: str) -> list[dict[str, str]]:
    """A GDELT 2.0 reader: tab-separated, no header, exactly the published columns."""
    rows = list(csv.reader(io.StringIO(text), delimiter="\t", quoting=csv.QUOTE_NONE))
    assert all(len(row) == len(GDELT2_EVENT_COLUMNS) for row in rows)
    return [dict(zip(GDELT2_EVENT_COLUMNS, row, strict=True)) for row in rows]


@pytest.fixture
def filled(store: Store) -> Store:
    items = [
        report("a1", date(2024, 10, 12), event("ROU", "IRN", "2024-10-11", "Vienna"), url="https://one.example/a"),
        report("a2", date(2024, 10, 12), event("IRN", "ROU", "2024-10-11", "Vienna"), url="https://two.example/b"),
        report("a3", date(2024, 11, 2), event("NATO", None, "2024-11-01", "Austria")),
    ]
    store.add([a for a, _ in items], [c for _, c in items])
    return store


def test_export_gdelt_loads_with_the_published_column_list(filled: Store) -> None:
    out = io.StringIO()
    assert export_events(filled, "gdelt", out) == 2
    meeting, nato = read_gdelt(out.getvalue())
    assert len(GDELT2_EVENT_COLUMNS) == 61
    assert (meeting["Day"], meeting["MonthYear"], meeting["Year"]) == ("20241011", "202410", "2024")
    assert (meeting["Actor1Code"], meeting["Actor1CountryCode"], meeting["Actor1Type1Code"]) == ("ROMGOV", "ROM", "GOV")
    assert (meeting["NumArticles"], meeting["NumSources"], meeting["QuadClass"]) == ("2", "2", "1")
    assert (meeting["ActionGeo_CountryCode"], meeting["ActionGeo_Type"]) == ("AU", "4")
    assert meeting["SOURCEURL"] == "https://one.example/a"
    assert (nato["Actor1KnownGroupCode"], nato["Actor2Code"], nato["ActionGeo_Type"]) == ("NATO", "", "1")
    assert float(meeting["FractionDate"]) == pytest.approx(2024.78, abs=0.01)


def test_export_plover_records_carry_the_spec_fields(filled: Store) -> None:
    out = io.StringIO()
    export_events(filled, "plover", out)
    record = json.loads(out.getvalue().splitlines()[0])
    assert {"id", "date", "source", "recipient", "event", "mode", "context", "event_loc", "text"} <= set(record)
    assert record["event"] == ["CONSULT"] and record["source"][0]["code"] == "ROU"
    assert record["event_loc"]["name"] == "Vienna" and record["num_articles"] == 2


@pytest.mark.parametrize("fmt", ["csv", "jsonl"])
def test_export_text_tables_have_one_row_per_event(filled: Store, fmt: str, tmp_path: Path) -> None:
    path = tmp_path / f"events.{fmt}"
    assert export_events(filled, fmt, path) == 2
    lines = path.read_text(encoding="utf-8").splitlines()
    assert len(lines) == (3 if fmt == "csv" else 2)


def test_export_parquet_needs_a_file_and_round_trips(filled: Store, tmp_path: Path) -> None:
    with pytest.raises(WorldorderError, match="binary"):
        export_events(filled, "parquet", io.StringIO())
    export_events(filled, "parquet", tmp_path / "e.parquet")
    assert pq.read_table(tmp_path / "e.parquet").num_rows == 2


def test_export_filters_by_period(filled: Store) -> None:
    out = io.StringIO()
    assert export_events(filled, "jsonl", out, start=date(2024, 11, 1)) == 1
