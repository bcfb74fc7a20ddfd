"""How many candidate stories an added article needs scored (``max_candidates``), on real reports.

Every ECB+ (train and dev) and GVC report goes into one StoryClusterer (850 reports, a more crowded
store than either benchmark split), in file order and in a shuffled order (seed 17). Printed: B-cubed
against the gold stories with the clusterer's ``max_candidates`` as shipped and with each of
``--caps``, and whether any report's story differs; how many candidates each added report had; and
how far down its candidates (ranked by shared index keys, as ``_candidates`` ranks them) the lowest
story scoring at the threshold was. Issue 17 (2026-12-05): 32 -> 16 and 8 changed no label in either
order; the lowest story at the threshold was 11th at most, so 16 was adopted (8 left no margin).
Usage: python benchmarks/story_candidates.py [--cache DIR] [--caps 32,16,8]
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks" / "accuracy"))
import stories as bench  # noqa: E402
from common import SHARED  # noqa: E402

from newsfuse.stories import cluster  # noqa: E402

SEED = 17


def all_reports(cache: Path | None) -> tuple[list, list[str]]:
    items, gold = [], []
    for name in ("ecbplus", "gvc"):
        data = SHARED / "corpus" / "clustering" / name
        docs = bench.read_documents(data)
        items += bench.story_items(docs, bench.analysed(data, 0, cache))
        gold += [f"{name}:{bench.gold_label(doc)}" for doc in docs]
    return items, gold


def counted_scoring(candidates: Counter, lowest: Counter):
    """``StoryClusterer._scored`` that also counts the candidates and the rank of the lowest one at the threshold."""
    original = cluster.StoryClusterer._scored

    def scored(self, doc, stories):
        result = original(self, doc, stories)
        reach = [k for k, (_, score) in enumerate(result[0]) if score >= float(self.cfg["threshold"])]
        candidates[len(stories)] += 1
        if reach:
            lowest[max(reach) + 1] += 1
        return result

    return original, scored


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache", type=Path, default=None, help="folder to keep analysed articles in")
    parser.add_argument("--caps", default="16,8", help="max_candidates to compare with the shipped one")
    args = parser.parse_args()
    items, gold = all_reports(args.cache)
    order = list(range(len(items)))
    shuffled = order[:]
    random.Random(SEED).shuffle(shuffled)
    candidates, lowest = Counter(), Counter()
    original, scored = counted_scoring(candidates, lowest)
    for name, ordering in (("file order", order), ("shuffled", shuffled)):
        cluster.StoryClusterer._scored = scored
        shipped, _ = bench.online(items, ordering)
        cluster.StoryClusterer._scored = original
        print(f"{name}: {len(items)} reports, shipped cap: {bench.bcubed(shipped, gold)}")
        for cap in (int(c) for c in args.caps.split(",")):
            labels, _ = bench.online(items, ordering, {"max_candidates": cap})
            changed = sum(a != b for a, b in zip(labels, shipped))
            print(f"  max_candidates {cap}: {bench.bcubed(labels, gold)}, reports in another story: {changed}")
    print("candidates per added report (count: reports):", dict(sorted(candidates.items())))
    print("rank of the lowest candidate at the threshold (rank: reports):", dict(sorted(lowest.items())))


if __name__ == "__main__":
    main()
