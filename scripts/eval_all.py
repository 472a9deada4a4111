#!/usr/bin/env python3
"""The whole picture of the event coder and the place finder in one table: ``make eval``.

    .venv/bin/python scripts/eval_all.py [--shared DIR] [--sets seed,gsr] [--keep DIR] [--json PATH]

Loads the pipeline once, runs the real extractor (``run_extract``, exactly what
``worldorder extract GOLD -o out.jsonl`` writes) over every gold set, scores each with the shared
scorer (``score.py events GOLD PRED --json``; ``places`` for GeoVirus and GeoWebNews) and prints
one table of event sets (with the accuracy of the dates and places of matched events), one of
place sets, then recall by PLOVER type, recall by quad class on the ConfliBERT sentences, and
what lower-, upper- or title-casing the text costs. Sets whose gold file is missing are skipped with one line saying so.

Derived gold files (our own dev/test splits, the lower/upper/title-cased copies, the per-class subsets)
are written to a temporary directory, never into the repository.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from worldorder.pipeline import Pipeline

ROOT = Path(__file__).resolve().parents[1]
OWN_GOLD = ROOT / "tests" / "gold" / "events.jsonl"
SHARED_FILES = {
    "seed": "seed.jsonl",
    "gsr": "plover_gsr.jsonl",
    "confli_dev": "confli_dev.jsonl",
    "rams_dev": "rams_dev.jsonl",
    "guardian_gold": "guardian_gold.jsonl",
}
# place sets: scored with ``score.py places`` (toponym recall, accuracy within 161 and 25 km)
PLACE_FILES = {"geovirus": "geovirus.jsonl", "geowebnews": "geowebnews.jsonl"}
OWN_SPLITS = {"own_dev": "dev", "own_test": "test"}
# words a Title Case headline leaves in lower case (after its first word)
TITLE_SMALL = frozenset({"a", "an", "the", "and", "but", "or", "for", "of", "on", "in", "at", "to", "by", "as", "from"})


def title_cased(text: str) -> str:
    """Headline style: every word capitalised but the small ones ("Rebels Seize Town in Eastern Congo")."""
    parts = re.split(r"(\s+)", text)
    first = next((i for i, p in enumerate(parts) if p.strip()), 0)
    return "".join(
        p[:1].upper() + p[1:] if p.strip() and (i == first or p.lower() not in TITLE_SMALL) else p
        for i, p in enumerate(parts)
    )


CASES: dict[str, Callable[[str], str]] = {"lower": str.lower, "upper": str.upper, "title": title_cased}
CASED = {f"{base}_{case}": (base, case) for base in ("confli_dev", "gsr") for case in CASES}
SET_NAMES = (*SHARED_FILES, *OWN_SPLITS, *CASED, *PLACE_FILES)
# sets whose gold events each name the PLOVER type they stand for (the scorer counts the first)
TYPED_SETS = ("seed", "gsr", "gsr_lower", "gsr_upper", "gsr_title", "rams_dev", "guardian_gold", "own_dev", "own_test")
CLASS_SETS = ("confli_dev", "confli_dev_lower", "confli_dev_upper", "confli_dev_title")
QUAD_CLASSES = (1, 2, 3, 4)
PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)  # fmt: skip


# --- our own gold split ---------------------------------------------------------------------
# A record of tests/gold/events.jsonl belongs to the test split when the SHA-256 hex digest of
# its id (UTF-8) starts with 0, 1, 2 or 3 (a quarter of the hash space), else to dev. The rule
# depends on the id alone, so adding records never moves existing ones between the splits. The
# file stores the result in each record's "split" field; tests/test_eval_all.py checks they agree.


def split_of(record_id: str) -> str:
    """``test`` for about a quarter of the ids, ``dev`` for the rest; see the rule above."""
    return "test" if hashlib.sha256(record_id.encode("utf-8")).hexdigest()[0] in "0123" else "dev"


def with_split(record: dict[str, Any]) -> dict[str, Any]:
    """The record with its ``split`` field set by the rule."""
    return record | {"split": split_of(str(record["id"]))}


# --- gold files ------------------------------------------------------------------------------


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def write_jsonl(path: Path, records: Iterable[dict[str, Any]]) -> Path:
    with path.open("w", encoding="utf-8") as sink:
        sink.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
    return path


def recased(record: dict[str, Any], case: str) -> dict[str, Any]:
    """The record with ``text`` (and ``title``) in the given case; ids and gold fields untouched."""
    change = CASES[case]
    copy = dict(record)
    for name in ("text", "title"):
        if isinstance(copy.get(name), str):
            copy[name] = change(copy[name])
    return copy


def of_split(records: Iterable[dict[str, Any]], split: str) -> list[dict[str, Any]]:
    return [r for r in records if (r.get("split") or split_of(str(r["id"]))) == split]


def of_class(records: Iterable[dict[str, Any]], label: int) -> list[dict[str, Any]]:
    return [r for r in records if r.get("label") == label]


def shared_gold(shared: Path, name: str) -> Path:
    return shared / "gold" / (PLACE_FILES.get(name) or SHARED_FILES[name])


def source_of(name: str, shared: Path) -> Path:
    """The file a set is read or derived from."""
    if name in OWN_SPLITS:
        return OWN_GOLD
    return shared_gold(shared, CASED[name][0] if name in CASED else name)


def gold_for(name: str, shared: Path, scratch: Path) -> Path:
    """The gold file of a set, derived into ``scratch`` where it is a split or a cased copy."""
    source = source_of(name, shared)
    if name in OWN_SPLITS:
        return write_jsonl(scratch / f"{name}.gold.jsonl", of_split(read_jsonl(source), OWN_SPLITS[name]))
    if name in CASED:
        case = CASED[name][1]
        return write_jsonl(scratch / f"{name}.gold.jsonl", (recased(r, case) for r in read_jsonl(source)))
    return source


# --- extracting and scoring ------------------------------------------------------------------


@dataclass
class SetResult:
    name: str
    seconds: float
    failures: int
    scores: dict[str, Any]
    by_class: dict[str, dict[str, Any]] = field(default_factory=dict)
    documents: int = 0

    def as_json(self) -> dict[str, Any]:
        return {"seconds": round(self.seconds, 1), "failures": self.failures, "scores": self.scores} | (
            {"recall_by_class": self.by_class} if self.by_class else {}
        )


def load_pipeline() -> Pipeline:
    """The pipeline ``worldorder extract`` loads: settings from defaults and WORLDORDER_* variables."""
    from worldorder.config import load_settings
    from worldorder.pipeline import Pipeline

    return Pipeline.load(load_settings())


def extract(pipeline: Pipeline, gold: Path, out: Path) -> int:
    """Write what ``worldorder extract GOLD -o OUT`` writes; the number of failed inputs."""
    from worldorder.runners.extract import run_extract

    with out.open("w", encoding="utf-8") as sink:

        def write(record: dict[str, Any]) -> None:
            sink.write(json.dumps(record, ensure_ascii=False) + "\n")

        report = run_extract([str(gold)], pipeline, write, None, _print_failure)
    return len(report.failures)


def _print_failure(failure: Any) -> None:
    print(f"failed {failure.origin}: {failure.reason}", file=sys.stderr)


def score(scorer: Path, gold: Path, pred: Path, what: str = "events") -> dict[str, Any]:
    """The shared scorer's ``--json`` summary of PRED against GOLD (``what``: events or places)."""
    command = [sys.executable, str(scorer), what, str(gold), str(pred), "--json"]
    done = subprocess.run(command, check=True, capture_output=True, text=True)
    result: dict[str, Any] = json.loads(done.stdout)
    return result


def class_scores(scorer: Path, gold: Path, pred: Path, scratch: Path) -> dict[str, dict[str, Any]]:
    """Recall per quad class: the scorer run on each class's sentences alone."""
    records = read_jsonl(gold)
    out = {}
    for label in QUAD_CLASSES:
        subset = write_jsonl(scratch / f"{gold.stem}.class{label}.jsonl", of_class(records, label))
        found = score(scorer, subset, pred)
        out[str(label)] = {k: found[k] for k in ("matched", "gold_required", "recall")}
    return out


def run_set(pipeline: Pipeline, name: str, scorer: Path, gold: Path, dirs: tuple[Path, Path]) -> SetResult:
    """Extract, score and time one set; ``dirs`` is (predictions, scratch)."""
    started = time.perf_counter()
    pred = dirs[0] / f"{name}.jsonl"
    failures = extract(pipeline, gold, pred)
    scores = score(scorer, gold, pred, "places" if name in PLACE_FILES else "events")
    by_class = class_scores(scorer, gold, pred, dirs[1]) if name in CLASS_SETS else {}
    documents = sum(1 for line in gold.open(encoding="utf-8") if line.strip())
    return SetResult(name, time.perf_counter() - started, failures, scores, by_class, documents)


# --- rendering -------------------------------------------------------------------------------


def ratio(part: int, whole: int) -> str:
    return f"{part}/{whole}"


def figure(value: float | None, digits: int = 3) -> str:
    return "-" if value is None else f"{value:.{digits}f}"


def date_cell(scores: dict[str, Any], attribute: str = "date") -> str:
    checked = scores.get("attributes", {}).get(attribute, {})
    if not checked.get("checked"):
        return "-"
    return f"{ratio(checked['correct'], checked['checked'])} {figure(checked['accuracy'], 2)}"


MAIN_COLUMNS = (
    ("set", 17), ("docs", 5), ("pred", 5), ("matched/req", 11), ("prec", 5), ("recall", 6),
    ("F1", 5), ("dup", 4), ("date ok", 10), ("place ok", 10), ("time", 7),
)  # fmt: skip


def line(cells: Iterable[str], widths: Iterable[int]) -> str:
    """Cells padded to their widths: the first left-aligned, the rest right-aligned."""
    parts = [c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(cells, widths, strict=True))]
    return "  ".join(parts).rstrip()


def main_row(result: SetResult) -> list[str]:
    s = result.scores
    return [
        result.name, str(s["documents"]), str(s["predicted"]), ratio(s["matched"], s["gold_required"]),
        figure(s["precision"]), figure(s["recall"]), figure(s["f1"]), str(s["duplicates"]),
        date_cell(s), date_cell(s, "location"), f"{result.seconds:.1f}s",
    ]  # fmt: skip


def main_table(results: list[SetResult]) -> list[str]:
    widths = [w for _, w in MAIN_COLUMNS]
    header = line((h for h, _ in MAIN_COLUMNS), widths)
    rows = [line(main_row(r), widths) for r in results if r.name not in PLACE_FILES]
    return [header, "-" * len(header), *rows]


PLACE_COLUMNS = (
    ("set", 17), ("docs", 5), ("gold", 5), ("pred", 5), ("recall", 6), ("prec", 5), ("161 km", 6), ("25 km", 6),
    ("median km", 9), ("time", 7),
)  # fmt: skip


def place_row(result: SetResult) -> list[str]:
    s = result.scores
    median = s["median_error_km"]
    return [
        result.name, str(result.documents), str(s["gold_toponyms"]), str(s["predicted"]), figure(s["recall"]),
        figure(s["precision"]), figure(s["acc_at_161km"]), figure(s["acc_at_25km"]),
        "-" if median is None else f"{median:.1f}", f"{result.seconds:.1f}s",
    ]  # fmt: skip


def place_table(results: list[SetResult]) -> list[str]:
    placed = [r for r in results if r.name in PLACE_FILES]
    if not placed:
        return []
    widths = [w for _, w in PLACE_COLUMNS]
    header = line((h for h, _ in PLACE_COLUMNS), widths)
    title = "Places (score.py places: toponym recall and precision; accuracy of the recognised within 161/25 km)"
    return [title, header, *(line(place_row(r), widths) for r in placed)]


def type_cell(scores: dict[str, Any], event_type: str) -> str:
    found = scores.get("recall_by_type", {}).get(event_type)
    if not found:
        return "."
    return f"{ratio(found['matched'], found['gold'])} {figure(found['recall'], 2)}"


def type_table(results: list[SetResult]) -> list[str]:
    typed = [r for r in results if r.name in TYPED_SETS]
    if not typed:
        return []
    widths = [9, *(max(10, len(r.name)) for r in typed)]
    header = line(["type", *(r.name for r in typed)], widths)
    rows = [line([t, *(type_cell(r.scores, t) for r in typed)], widths) for t in PLOVER_TYPES]
    return ["Recall by PLOVER type (matched/required recall; the first of a gold event's types)", header, *rows]


CLASS_TITLE = "Recall by quad class (1 verbal coop., 2 material coop., 3 verbal conflict, 4 material conflict)"


def class_cell(by_class: dict[str, dict[str, Any]], label: str) -> str:
    found = by_class[label]
    return f"{ratio(found['matched'], found['gold_required'])} {figure(found['recall'], 2)}"


def class_table(results: list[SetResult]) -> list[str]:
    found = {r.name: r.by_class for r in results if r.by_class}
    if not found:
        return []
    names = [n for n in CLASS_SETS if n in found]
    widths = [5, *(max(12, len(n)) for n in names)]
    rows = [line([label, *(class_cell(found[n], label) for n in names)], widths) for label in map(str, QUAD_CLASSES)]
    return [CLASS_TITLE, line(["class", *names], widths), *rows]


def case_gaps(results: list[SetResult]) -> list[dict[str, Any]]:
    """For each cased copy run beside its original: recall cased, as written, and the gap per class."""
    by_name = {r.name: r for r in results}
    return [
        case_gap(by_name[name], by_name[base])
        for name, (base, _) in CASED.items()
        if name in by_name and base in by_name
    ]


def case_gap(cased: SetResult, written: SetResult) -> dict[str, Any]:
    classes = {
        label: round(found["recall"] - written.by_class[label]["recall"], 3) for label, found in cased.by_class.items()
    }
    recall, as_written = cased.scores["recall"], written.scores["recall"]
    return {"set": cased.name, "recall": recall, "as_written": as_written, "gap": round(recall - as_written, 3)} | (
        {"gap_by_class": classes} if classes else {}
    )


GAP_COLUMNS = (("set", 17), ("recall", 6), ("as written", 10), ("gap", 6), *((f"class {c}", 7) for c in QUAD_CLASSES))


def gap_row(found: dict[str, Any]) -> list[str]:
    classes = found.get("gap_by_class", {})
    per_class = [f"{classes[str(c)]:+.3f}" if str(c) in classes else "" for c in QUAD_CLASSES]
    return [found["set"], figure(found["recall"]), figure(found["as_written"]), f"{found['gap']:+.3f}", *per_class]


def gap_table(results: list[SetResult]) -> list[str]:
    gaps = case_gaps(results)
    if not gaps:
        return []
    widths = [w for _, w in GAP_COLUMNS]
    rows = [line(gap_row(g), widths) for g in gaps]
    return ["Recall gap of the cased copies to the text as written", line((h for h, _ in GAP_COLUMNS), widths), *rows]


def render(results: list[SetResult], heading: str) -> str:
    blocks = [
        [heading, *main_table(results)], place_table(results), type_table(results), class_table(results),
        gap_table(results),
    ]
    return "\n\n".join("\n".join(b) for b in blocks if b)


# --- the command -----------------------------------------------------------------------------


def commit() -> str:
    """The commit measured, with ``-dirty`` when the working tree has changes."""
    done = subprocess.run(["git", "describe", "--always", "--dirty"], cwd=ROOT, capture_output=True, text=True)
    return done.stdout.strip() or "unknown"


def wanted_sets(option: str | None) -> list[str]:
    if not option:
        return list(SET_NAMES)
    names = [n.strip() for n in option.split(",") if n.strip()]
    unknown = [n for n in names if n not in SET_NAMES]
    if unknown:
        raise SystemExit(f"unknown sets: {', '.join(unknown)} (known: {', '.join(SET_NAMES)})")
    return names


def present(names: list[str], shared: Path) -> Iterator[str]:
    """The sets whose gold file exists; one line for each that is skipped."""
    for name in names:
        if source_of(name, shared).exists():
            yield name
        else:
            print(f"skipped {name}: no {source_of(name, shared)}", file=sys.stderr)


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared", help="the shared folder (../shared)")
    parser.add_argument("--sets", help=f"comma-separated sets to run (all: {','.join(SET_NAMES)})")
    parser.add_argument("--keep", type=Path, help="keep the predictions in this directory (<set>.jsonl)")
    parser.add_argument("--json", type=Path, dest="json_path", help="also write every figure as JSON here")
    return parser.parse_args(argv)


def run_all(names: list[str], shared: Path, keep: Path | None, scratch: Path) -> list[SetResult]:
    pipeline = load_pipeline()
    predictions = keep or scratch
    predictions.mkdir(parents=True, exist_ok=True)
    scorer = shared / "eval" / "score.py"
    results = []
    for name in names:
        results.append(run_set(pipeline, name, scorer, gold_for(name, shared, scratch), (predictions, scratch)))
        print(f"{name}: {results[-1].seconds:.1f}s", file=sys.stderr)
    return results


def report_json(results: list[SetResult], measured: str, seconds: float) -> dict[str, Any]:
    return {
        "commit": measured,
        "date": date.today().isoformat(),
        "seconds": round(seconds, 1),
        "sets": {r.name: r.as_json() for r in results},
        "case_gaps": case_gaps(results),
    }


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    scorer = args.shared / "eval" / "score.py"
    if not scorer.exists():
        raise SystemExit(f"no scorer at {scorer}: pass --shared")
    names = list(present(wanted_sets(args.sets), args.shared))
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="worldorder-eval-") as scratch:
        results = run_all(names, args.shared, args.keep, Path(scratch))
    seconds = time.perf_counter() - started
    measured = commit()
    print(render(results, f"worldorder event coder, commit {measured}, {date.today()}, {seconds:.0f}s in all"))
    if args.json_path:
        figures = report_json(results, measured, seconds)
        args.json_path.write_text(json.dumps(figures, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
