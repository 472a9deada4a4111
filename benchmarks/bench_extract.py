"""Extract throughput next to bare spaCy on the same texts, model and process count.

    .venv/bin/python benchmarks/bench_extract.py [CORPUS.jsonl] [--limit N]

Runs ``nlp.pipe`` alone, then the whole analysis (``Pipeline.analyse``: parsing, dates, places,
actors, events, merging), over the first N articles, and prints documents/s, words/s and the
ratio of the two. Target: a ratio of at least 0.7.
"""

from __future__ import annotations

import argparse
import time
from itertools import islice
from pathlib import Path

import spacy

from worldorder.config import Settings
from worldorder.ingest import Reader, make_article
from worldorder.ingest.language import LanguageIdentifier
from worldorder.model import Article, Document
from worldorder.pipeline import Pipeline

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "bbc.jsonl"


def load_articles(corpus: Path, limit: int, settings: Settings) -> list[Article]:
    """The first ``limit`` articles of ``corpus``, read as ``worldorder ingest`` reads them."""
    languages = LanguageIdentifier()
    with Reader(settings) as reader:
        documents = (d for d in reader.read([str(corpus)]) if isinstance(d, Document))
        return [make_article(d, languages, settings) for d in islice(documents, limit)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--limit", type=int, default=600)
    args = parser.parse_args()
    settings = Settings()
    started = time.perf_counter()
    spacy.load(settings.spacy_model)
    model_only = time.perf_counter() - started
    started = time.perf_counter()
    pipeline = Pipeline.load(settings)
    startup = time.perf_counter() - started
    articles = load_articles(args.corpus, args.limit, settings)
    texts = [a.text for a in articles]
    words = sum(len(t.split()) for t in texts)
    list(pipeline.nlp.pipe(texts[:20]))  # warm up both paths
    pipeline.analyse(articles[:20])

    started = time.perf_counter()
    for _ in pipeline.nlp.pipe(texts, batch_size=settings.batch_size):
        pass
    bare = time.perf_counter() - started

    started = time.perf_counter()
    coded = pipeline.analyse(articles)
    full = time.perf_counter() - started

    events = sum(len(c.events) for c in coded)
    print(f"{len(texts):,} articles, {words:,} words, model {settings.spacy_model}, 1 process")
    print(f"bare nlp.pipe : {len(texts) / bare:7.1f} docs/s {words / bare:9,.0f} words/s")
    print(f"extract       : {len(texts) / full:7.1f} docs/s {words / full:9,.0f} words/s ({events:,} events)")
    print(f"ratio extract / bare spaCy: {bare / full:.2f} (target >= 0.7)")
    print(f"start-up: spaCy model alone {model_only:.2f} s; whole pipeline {startup:.2f} s", end=" ")
    print("(model, actor base, gazetteer, trigger lexicon with the PETRARCH2 layer, truecaser, clause model)")


if __name__ == "__main__":
    main()
