"""What the learned second opinion costs: loading the shipped model once, judging each sentence,
and coding whole documents with it and without it.

    .venv/bin/python benchmarks/bench_clause_model.py [CORPUS.jsonl] [--limit N]

Parses the first N articles with the spaCy model once, then times ``ClauseModel.load`` (in a
process where spaCy is already imported, as in the pipeline), ``judge`` over every sentence, and
``EventCoder.code`` over the parsed documents with the model in the shipped mode and switched off.
"""

from __future__ import annotations

import argparse
import json
import time
from itertools import islice
from pathlib import Path

from spacy.tokens import Doc

from worldorder.coding.actors import ActorKB
from worldorder.coding.clause_model import ClauseModel, SecondOpinion
from worldorder.coding.events import EventCoder
from worldorder.config import Settings
from worldorder.nlp import load_nlp

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "bbc.jsonl"


def read_texts(corpus: Path, limit: int) -> list[str]:
    with corpus.open(encoding="utf-8") as lines:
        return [json.loads(line)["text"] for line in islice((x for x in lines if x.strip()), limit)]


def coding_seconds(coder: EventCoder, docs: list[Doc]) -> float:
    started = time.perf_counter()
    for doc in docs:
        coder.code(doc, None)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--limit", type=int, default=200)
    args = parser.parse_args()
    settings = Settings()
    nlp = load_nlp(settings.spacy_model)
    docs = list(nlp.pipe(read_texts(args.corpus, args.limit)))
    sentences = [s.text for d in docs for s in d.sents]
    words = sum(len(d) for d in docs)
    started = time.perf_counter()
    model = ClauseModel.load()
    loaded = time.perf_counter() - started
    started = time.perf_counter()
    model.judge(sentences)
    judged = time.perf_counter() - started
    kb = ActorKB.load()
    second = SecondOpinion(model, settings.clause_model, settings.clause_veto_at, recall_at=settings.clause_recall_at)
    without, with_model = coding_seconds(EventCoder(kb), docs), coding_seconds(EventCoder(kb, None, second), docs)
    print(f"ClauseModel.load: {loaded:.2f} s")
    print(f"{len(docs)} articles, {len(sentences):,} sentences, {words:,} tokens")
    print(f"judge: {judged / len(sentences) * 1e6:.0f} us/sentence ({len(sentences) / judged:,.0f} sentences/s)")
    print(f"EventCoder.code without the model: {without:.2f} s; mode {settings.clause_model!r}: {with_model:.2f} s")
    print(f"added per sentence: {(with_model - without) / len(sentences) * 1e6:.0f} us")


if __name__ == "__main__":
    main()
