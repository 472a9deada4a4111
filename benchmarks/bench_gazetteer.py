"""What the offline gazetteer costs: building its index, loading it from the cache, memory, look-ups.

    .venv/bin/python benchmarks/bench_gazetteer.py [--min-city-population 500] [--no-build]

Builds the index from the installed data packages into a temporary cache directory, in a child
process (unless ``--no-build``: then the user cache is read), then loads it back as
``OfflineGazetteer`` does on every later start, and prints the seconds of each step, this
process's resident memory before and after loading, the size of the cache file, how many
entries and names the index holds, and the time of a name look-up.
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from worldorder.geo import OfflineGazetteer
from worldorder.geo.offline import default_cache_dir

NAMES = ("Paris", "Springfield", "Georgia", "Kandahar", "Ont.", "NSW", "New York", "Kremlin", "Nowhereville")
BUILD = "import sys; from pathlib import Path; from worldorder.geo import OfflineGazetteer; " \
        "OfflineGazetteer(int(sys.argv[1]), cache_dir=Path(sys.argv[2]))"


def resident_mb() -> float:
    """The resident memory of this process now, in MB (Linux /proc; peak RSS elsewhere)."""
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def build(cache: Path, threshold: int) -> float:
    """Seconds a fresh process takes to build and cache the index (imports included)."""
    started = time.perf_counter()
    subprocess.run([sys.executable, "-c", BUILD, str(threshold), str(cache)], check=True)
    return time.perf_counter() - started


def lookup_microseconds(gazetteer: OfflineGazetteer, rounds: int = 2000) -> float:
    started = time.perf_counter()
    for _ in range(rounds):
        for name in NAMES:
            gazetteer.candidates(name)
    return (time.perf_counter() - started) / (rounds * len(NAMES)) * 1e6


def measure(cache: Path, threshold: int) -> None:
    before = resident_mb()
    started = time.perf_counter()
    gazetteer = OfflineGazetteer(threshold, cache_dir=cache)
    loaded = time.perf_counter() - started
    after = resident_mb()
    size = sum(f.stat().st_size for f in cache.glob(f"gazetteer-*-{threshold}-*.marshal")) / 1e6
    indexes = gazetteer.indexes
    print(f"load from cache: {loaded:.2f} s; cache file {size:.0f} MB")
    print(f"resident memory: {before:.0f} MB before, {after:.0f} MB after (+{after - before:.0f} MB)")
    print(f"index: {len(indexes.rows):,} entries, {len(indexes.names):,} names, "
          f"{len(indexes.abbreviations):,} abbreviations, {len(indexes.demonyms):,} demonyms")
    print(f"look-up: {lookup_microseconds(gazetteer):.1f} us a name")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--min-city-population", type=int, default=500, choices=(500, 1000, 5000, 15000))
    parser.add_argument("--no-build", action="store_true", help="time the load from the user cache only")
    args = parser.parse_args()
    threshold = args.min_city_population
    if args.no_build:
        measure(default_cache_dir(), threshold)
        return
    with tempfile.TemporaryDirectory(prefix="worldorder-bench-") as scratch:
        print(f"build index (cities >= {threshold}, fresh process): {build(Path(scratch), threshold):.1f} s")
        measure(Path(scratch), threshold)


if __name__ == "__main__":
    main()
