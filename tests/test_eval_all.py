"""The pure parts of scripts/eval_all.py (``make eval``): no model, no ../shared."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "eval_all.py"


def load_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("eval_all", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


eval_all: Any = load_script()

RECORD = {
    "id": "doc-1",
    "title": "Talks In Oslo",
    "text": "Norway and Sweden held talks.",
    "published": "2024-05-06",
    "events": [{"id": "e1", "types": ["CONSULT"], "source": ["NOR"], "target": ["SWE"], "symmetric": True}],
    "label": 1,
}


def scores(matched: int, required: int, recall: float, **extra: Any) -> dict[str, Any]:
    return {
        "documents": 10, "predicted": 12, "matched": matched, "gold_required": required, "precision": 0.75,
        "recall": recall, "f1": 0.8, "duplicates": 1, "attributes": {}, "recall_by_type": {},
    } | extra  # fmt: skip


def test_recased_copy_changes_text_and_title_only() -> None:
    cases = (
        ("lower", "norway and sweden held talks."),
        ("upper", "NORWAY AND SWEDEN HELD TALKS."),
        ("title", "Norway and Sweden Held Talks."),
    )
    for case, expected in cases:
        copy = eval_all.recased(RECORD, case)
        assert copy["text"] == expected
        assert copy["title"] == eval_all.CASES[case](RECORD["title"])
        assert {k: v for k, v in copy.items() if k not in ("text", "title")} == {
            k: v for k, v in RECORD.items() if k not in ("text", "title")
        }
    assert RECORD["text"] == "Norway and Sweden held talks."


def test_cased_gold_is_written_to_scratch_with_the_same_ids(tmp_path: Path) -> None:
    shared = tmp_path / "shared"
    (shared / "gold").mkdir(parents=True)
    eval_all.write_jsonl(shared / "gold" / "confli_dev.jsonl", [RECORD, RECORD | {"id": "doc-2", "text": "Ab Cd"}])
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    copy = eval_all.gold_for("confli_dev_upper", shared, scratch)
    assert copy.parent == scratch
    written = eval_all.read_jsonl(copy)
    assert [r["id"] for r in written] == ["doc-1", "doc-2"]
    assert written[1]["text"] == "AB CD"
    assert written[0]["events"] == RECORD["events"]


def test_split_rule_is_deterministic_and_takes_about_a_quarter() -> None:
    ids = [f"record-{n}" for n in range(400)]
    first = [eval_all.split_of(i) for i in ids]
    assert first == [eval_all.split_of(i) for i in ids]
    assert set(first) == {"dev", "test"}
    assert 0.15 < first.count("test") / len(ids) < 0.35


def test_own_gold_records_carry_the_split_the_rule_gives() -> None:
    records = eval_all.read_jsonl(eval_all.OWN_GOLD)
    assert all(r["split"] == eval_all.split_of(r["id"]) for r in records)
    dev, test = eval_all.of_split(records, "dev"), eval_all.of_split(records, "test")
    assert len(dev) + len(test) == len(records)
    assert test and len(test) < len(dev)


def test_main_table_formats_the_figures() -> None:
    attributes = {"date": {"correct": 11, "checked": 12, "accuracy": 0.917},
                  "location": {"correct": 3, "checked": 4, "accuracy": 0.75}}
    results = [
        eval_all.SetResult("seed", 0.24, 0, scores(13, 13, 1.0, attributes=attributes)),
        eval_all.SetResult("gsr", 12.0, 0, scores(260, 321, 0.81)),
    ]
    lines = eval_all.render(results, "heading").splitlines()
    assert lines[0] == "heading"
    assert " ".join(lines[1].split()) == "set docs pred matched/req prec recall F1 dup date ok place ok time"
    assert lines[3].split() == [
        "seed", "10", "12", "13/13", "0.750", "1.000", "0.800", "1", "11/12", "0.92", "3/4", "0.75", "0.2s",
    ]  # fmt: skip
    assert lines[4].split() == ["gsr", "10", "12", "260/321", "0.750", "0.810", "0.800", "1", "-", "-", "12.0s"]
    assert max(len(line) for line in lines) <= 120


def test_place_sets_get_a_table_of_their_own() -> None:
    found = {"gold_toponyms": 2170, "predicted": 2271, "recognised": 2027, "precision": 0.894, "recall": 0.934,
             "f1": 0.914, "acc_at_161km": 0.774, "acc_at_25km": 0.494, "median_error_km": 27.0}
    results = [eval_all.SetResult("geovirus", 30.0, 0, found, documents=229)]
    lines = eval_all.render(results, "heading").splitlines()
    assert len(lines) == 3 + 1 + 3  # an empty event table, a blank line, the place table: title, header, row
    assert lines[-1].split() == ["geovirus", "229", "2170", "2271", "0.934", "0.894", "0.774", "0.494", "27.0", "30.0s"]
    assert max(len(line) for line in lines) <= 120


def test_place_sets_are_read_from_the_shared_gold(tmp_path: Path) -> None:
    assert eval_all.gold_for("geowebnews", tmp_path, tmp_path) == tmp_path / "gold" / "geowebnews.jsonl"
    assert "geovirus" in eval_all.wanted_sets("geovirus,seed")


def test_type_class_and_gap_tables() -> None:
    by_type = {"ASSAULT": {"matched": 3, "gold": 4, "recall": 0.75}}
    written = {str(c): {"matched": 5, "gold_required": 10, "recall": 0.5} for c in range(1, 5)}
    lowered = written | {"4": {"matched": 2, "gold_required": 10, "recall": 0.2}}
    results = [
        eval_all.SetResult("gsr", 1.0, 0, scores(3, 4, 0.75, recall_by_type=by_type)),
        eval_all.SetResult("confli_dev", 1.0, 0, scores(20, 40, 0.5), written),
        eval_all.SetResult("confli_dev_lower", 1.0, 0, scores(17, 40, 0.425), lowered),
    ]
    text = eval_all.render(results, "heading")
    assert "ASSAULT      3/4 0.75" in text
    assert any(line.split() == ["4", "5/10", "0.50", "2/10", "0.20"] for line in text.splitlines())
    gap = eval_all.case_gaps(results)
    assert gap == [
        {
            "set": "confli_dev_lower",
            "recall": 0.425,
            "as_written": 0.5,
            "gap": -0.075,
            "gap_by_class": {"1": 0.0, "2": 0.0, "3": 0.0, "4": -0.3},
        }
    ]
    assert max(len(line) for line in text.splitlines()) <= 120
    json.dumps(eval_all.report_json(results, "abc", 3.0))


def test_unknown_sets_are_refused() -> None:
    assert eval_all.wanted_sets("seed, gsr") == ["seed", "gsr"]
    with pytest.raises(SystemExit):
        eval_all.wanted_sets("seed,nope")
