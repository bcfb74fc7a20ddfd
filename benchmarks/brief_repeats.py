"""Can a test tell a brief's line that tells one fact again from one that adds a detail?

The brief drops a near-duplicate of a line it has taken (``stories/brief.py`` ``_says_more``:
``near_duplicate_overlap`` of the shorter line's content-word stems) and a remark quoted twice;
a paraphrase passes both. ``benchmarks/data/brief_repeats_train.jsonl`` holds pairs of lines of the
ECB+ train briefs (``faithfulness.briefs``), labelled by hand from the articles: "same fact" when the
later line gives no detail the earlier lacks, "adds something" when it gives any (a name, a number,
a time, a place, a charge). Two kinds of pair (field ``pair``):

- two account lines: every pair of one brief whose later line has 40% or more of its content-word
  stems in the earlier one, and a seeded sample (``random.Random(180)``) of 40 of those with 30-40%
  and of 40 with 20-30% (pairs sharing less were not labelled);
- an account line and a later candidate the near-duplicate test dropped for it: a seeded sample
  (``random.Random(180)``) of 60 of the 708 distinct pairs.

Candidate repeat tests, each dropping the later line when it holds:

- ``near_duplicate``: the brief's test, at each share;
- ``near_duplicate_unless_detail``: the brief's test, unless the later line gives a detail (a figure,
  a capitalised word after its first) the earlier lacks;
- ``words``: every detail of the later line stands in the earlier one, and this share of its
  content-word stems does (a line adds nothing when its own details are all in an earlier line);
- ``minilm``: the cosine of the two lines' all-MiniLM-L6-v2 embeddings (``stories.embed``);
- ``both``: the details test and the cosine.

Each test's threshold is chosen by cross-validation over ECB+ topics (folds by topic, fixed seed):
on the training folds, the threshold dropping the most "same fact" lines among those dropping no
"adds something" line (a lost detail is worse than a repeat; ties go to the stricter threshold,
and where none is safe the test is off); the held-out folds are scored with it. In-sample counts at
every threshold are printed too.

    python benchmarks/brief_repeats.py [--json]
"""

from __future__ import annotations

import argparse
import json
import random
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

from newsfuse.stories.config import load
from newsfuse.stories.embed import embed_texts
from newsfuse.stories.sentences import content_words, overlap, stems

ROOT = Path(__file__).resolve().parents[1]
LABELS = ROOT / "benchmarks" / "data" / "brief_repeats_train.jsonl"
SHARES = (0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95, 1.0)
COSINES = (0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95)
FOLDS, SEED = 5, 180
OFF = float("inf")  # a threshold no pair reaches: the test drops nothing

Test = Callable[[dict[str, Any], float], bool]


def load_labels(path: Path = LABELS) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def details(text: str) -> frozenset[str]:
    """Figures and capitalised words after the first (names, places, days, months), lower case, less
    the titles before a name ("Mr .", "Gov .": the brief's ``references.name_titles``)."""
    tokens = re.findall(r"[A-Za-z0-9]+", text)
    found = {t.lower() for k, t in enumerate(tokens) if any(c.isdigit() for c in t) or (k and t[0].isupper())}
    return frozenset(found - set(load("brief.yaml")["references"]["name_titles"]))


def details_said(r: dict[str, Any]) -> bool:
    return details(r["later"]) <= {w.lower() for w in re.findall(r"[A-Za-z0-9]+", r["earlier"])}


def containment(r: dict[str, Any]) -> float:
    words = stems(content_words(r["later"]))
    return len(words & stems(content_words(r["earlier"]))) / len(words) if words else 0.0


def with_cosines(rows: list[dict[str, Any]]) -> None:
    """Each pair's cosine of its two lines' sentence embeddings, as ``cosine``."""
    a, b = embed_texts([r["earlier"] for r in rows]), embed_texts([r["later"] for r in rows])
    cos = (a * b).sum(1) / (np.linalg.norm(a, axis=1) * np.linalg.norm(b, axis=1))
    for r, c in zip(rows, cos, strict=True):
        r["cosine"] = float(c)


def near_duplicate(r: dict[str, Any], share: float) -> bool:
    """The brief's test before: ``share`` of the shorter line's content-word stems are shared."""
    return overlap(stems(content_words(r["later"])), stems(content_words(r["earlier"]))) >= share


TESTS: dict[str, tuple[Test, tuple[float, ...]]] = {
    "near_duplicate": (near_duplicate, SHARES),
    "near_duplicate_unless_detail": (lambda r, t: details_said(r) and near_duplicate(r, t), SHARES),
    "words": (lambda r, t: details_said(r) and containment(r) >= t, SHARES),
    "minilm": (lambda r, t: r["cosine"] >= t, COSINES),
    "both": (lambda r, t: details_said(r) and r["cosine"] >= t, COSINES),
}


def confusion(rows: list[dict[str, Any]], test: Test, threshold: float) -> dict[str, int]:
    """Lines dropped and kept by ``test`` at ``threshold``, by label."""
    out = {"same_dropped": 0, "same_kept": 0, "adds_dropped": 0, "adds_kept": 0}
    for r in rows:
        dropped = threshold != OFF and test(r, threshold)
        out[f"{'same' if r['label'] == 'same fact' else 'adds'}_{'dropped' if dropped else 'kept'}"] += 1
    return out


def choose(rows: list[dict[str, Any]], test: Test, grid: tuple[float, ...]) -> float:
    """The threshold dropping the most repeats among those dropping no line that adds a detail."""
    safe = [(c["same_dropped"], t) for t in grid if not (c := confusion(rows, test, t))["adds_dropped"]]
    best = max(safe, default=(0, OFF))
    return best[1] if best[0] else OFF


def folds(rows: list[dict[str, Any]]) -> list[set[str]]:
    topics = sorted({r["topic"] for r in rows}, key=int)
    random.Random(SEED).shuffle(topics)
    return [set(topics[k::FOLDS]) for k in range(FOLDS)]


def cross_validated(rows: list[dict[str, Any]], test: Test, grid: tuple[float, ...]) -> dict[str, Any]:
    total = {"same_dropped": 0, "same_kept": 0, "adds_dropped": 0, "adds_kept": 0}
    chosen: list[float | str] = []
    for held in folds(rows):
        t = choose([r for r in rows if r["topic"] not in held], test, grid)
        chosen.append("off" if t == OFF else t)
        for k, v in confusion([r for r in rows if r["topic"] in held], test, t).items():
            total[k] += v
    return {"held_out": total, "chosen_per_fold": chosen}


def main(argv: list[str] | None = None) -> dict[str, Any]:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    rows = load_labels()
    with_cosines(rows)
    result: dict[str, Any] = {
        "pairs": len(rows),
        "same_fact": sum(r["label"] == "same fact" for r in rows),
        "folds": f"{FOLDS} by topic, seed {SEED}",
        "tests": {
            name: {
                "cross_validated": cross_validated(rows, test, grid),
                "in_sample": {str(t): confusion(rows, test, t) for t in grid},
            }
            for name, (test, grid) in TESTS.items()
        },
    }
    if args.json:
        print(json.dumps(result))
        return result
    print(f"{result['pairs']} labelled pairs, {result['same_fact']} 'same fact'; folds {result['folds']}")
    for name, r in result["tests"].items():
        cv = r["cross_validated"]
        print(f"{name}: held out {cv['held_out']}, chosen per fold {cv['chosen_per_fold']}")
        for t, c in r["in_sample"].items():
            print(f"    in sample at {t}: {c}")
    return result


if __name__ == "__main__":
    main()
