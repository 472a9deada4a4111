"""What the truecaser costs: loading its tables once, and restoring text per word.

    .venv/bin/python benchmarks/bench_truecase.py [CORPUS.jsonl] [--limit N]

Loads the actor base, then times ``load_truecaser`` (names from the actor base, gazetteer
sources and calendar, weighed against wordfreq), then ``restore`` over the first N articles as
written (prose: checked and returned unchanged), lower-cased and upper-cased.
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Callable
from itertools import islice
from pathlib import Path

from worldorder.coding.actors import ActorKB
from worldorder.nlp import Truecaser, load_truecaser

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "bbc.jsonl"


def read_texts(corpus: Path, limit: int) -> list[str]:
    with corpus.open(encoding="utf-8") as lines:
        return [json.loads(line)["text"] for line in islice((x for x in lines if x.strip()), limit)]


def per_word(truecaser: Truecaser, texts: list[str], case: Callable[[str], str]) -> float:
    """Microseconds per word to restore ``texts`` written in ``case``."""
    cased = [case(t) for t in texts]
    words = sum(len(t.split()) for t in cased)
    started = time.perf_counter()
    for text in cased:
        truecaser.restore(text)
    return (time.perf_counter() - started) / words * 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--limit", type=int, default=300)
    args = parser.parse_args()
    kb = ActorKB.load()
    started = time.perf_counter()
    truecaser = load_truecaser(kb)
    loaded = time.perf_counter() - started
    texts = read_texts(args.corpus, args.limit)
    print(f"load_truecaser: {loaded:.2f} s ({len(truecaser.names.forms):,} names)")
    print(f"{len(texts)} articles, {sum(len(t.split()) for t in texts):,} words")
    for label, case in (("as written", str), ("lower case", str.lower), ("upper case", str.upper)):
        print(f"restore {label:10}: {per_word(truecaser, texts, case):6.2f} us/word")


if __name__ == "__main__":
    main()
