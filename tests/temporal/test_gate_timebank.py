"""Quality gate: date recognition and normalisation on the TimeBank gold set must not regress.

Runs ``scripts/eval_dates.py`` and the shared scorer exactly as docs/dates.md describes, and checks
the figures against floors pinned a little under the last measurement (docs/dates.md).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO.parent / "shared"
GOLD = SHARED / "gold" / "timebank.jsonl"
SCORER = SHARED / "eval" / "score.py"

# Measured recall 0.990, precision 0.955, value accuracy 0.914 (docs/dates.md); the floors leave
# room for jitter between model versions.
FLOORS = {"recall": 0.97, "precision": 0.93, "value_accuracy": 0.89}


@pytest.fixture(scope="module")
def timebank_scores(tmp_path_factory: pytest.TempPathFactory) -> dict[str, float]:
    if not GOLD.exists() or not SCORER.exists():
        pytest.skip(f"gold set not available at {GOLD}")
    output = tmp_path_factory.mktemp("timebank") / "dates.jsonl"
    subprocess.run([sys.executable, str(REPO / "scripts" / "eval_dates.py"), str(GOLD), str(output)], check=True)
    scored = subprocess.run(
        [sys.executable, str(SCORER), "dates", str(GOLD), str(output), "--json"],
        check=True,
        capture_output=True,
        text=True,
    )
    scores: dict[str, float] = json.loads(scored.stdout)
    return scores


@pytest.mark.model
@pytest.mark.parametrize(("metric", "floor"), sorted(FLOORS.items()))
def test_gate_timebank_dates_stay_above_floor(timebank_scores: dict[str, float], metric: str, floor: float) -> None:
    assert timebank_scores[metric] >= floor
