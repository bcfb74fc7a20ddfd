"""Story clustering parameters chosen by topic-wise cross-validation on ECB+ train.

ECB+ train topics are dealt into ``--folds`` folds by topic (seed ``SEED``). Every setting of the
small grid ``GRID`` (the story threshold, the best-member share and the split threshold, around the values in
``clustering.yaml``; the weights stay fixed) clusters each fold's articles on its own, one at a
time, in file order and in ``--seeds`` shuffled orders (seeds 0, 1, ...). For each held-out fold the
setting with the best criterion on the other folds (the mean of the file order's B-cubed F1 and the
shuffled orders' mean F1) is scored on the held-out fold; the TF-IDF average-linkage anchor's
distance threshold is chosen the same way on the same folds. Printed: the per-fold held-out figures
of both, and the pooled figure (all held-out folds' clusters scored together); "online_shuffled" is
seed 0's order, "online_shuffled_seeds" the mean, least and most F1 over the seeds' orders. Then the
setting chosen on all of ECB+ train is scored, never tuned, on ECB+ dev and GVC dev, beside the
anchor with its threshold chosen the same way. The values in clustering.yaml (fitted on all of ECB+
train, so in-sample there) are scored on the same folds for comparison.
"""

from __future__ import annotations

import argparse
import itertools
import random
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
import stories  # noqa: E402
from common import SHARED, emit, machine, versions  # noqa: E402

ECBPLUS = SHARED / "corpus" / "clustering" / "ecbplus"
GVC = SHARED / "corpus" / "clustering" / "gvc"
SEED = 2024  # deals the topics into folds
FOLDS = 5
SHUFFLE_SEEDS = 10  # shuffled input orders per setting and fold: a feed's order is arbitrary
GRID: dict[str, tuple[Any, ...]] = {
    "threshold": (0.18, 0.22, 0.26),
    "max_weight": (0.4, 0.5, 0.6),
    "split_threshold": (0.35, 0.4, 0.45),
}  # merge_threshold stays: two stories merge at max(merge_threshold, split_threshold), so below the
# split threshold it changes nothing
ANCHOR_GRID = tuple(round(0.5 + 0.05 * i, 2) for i in range(10))  # cosine distance 0.50-0.95


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ECBPLUS, help=f"ECB+ folder (default {ECBPLUS})")
    parser.add_argument("--gvc", type=Path, default=GVC, help=f"GVC folder (default {GVC})")
    parser.add_argument("--folds", type=int, default=FOLDS, help=f"folds of ECB+ train topics (default {FOLDS})")
    parser.add_argument(
        "--seeds", type=int, default=SHUFFLE_SEEDS, help=f"shuffled orders per run (default {SHUFFLE_SEEDS})"
    )
    parser.add_argument("--cache", type=Path, default=None, help="folder to keep analysed articles in (e.g. /tmp/x)")
    parser.add_argument("--json", action="store_true", help="last line of output: one JSON object")
    parser.add_argument(
        "--explain", action="store_true", help="only print why GVC dev incidents split (current clustering.yaml)"
    )
    return parser.parse_args(argv)


# ---------------------------------------------------------------------- folds and grid


def topic_folds(docs: Sequence[dict], k: int, seed: int = SEED) -> list[list[int]]:
    """Indices of ``docs`` per fold: the topics, sorted then shuffled with ``seed``, dealt in turn."""
    topics = sorted({str(d["topic"]) for d in docs}, key=lambda t: (len(t), t))
    random.Random(seed).shuffle(topics)
    fold_of = {t: i % k for i, t in enumerate(topics)}
    return [[i for i, d in enumerate(docs) if fold_of[str(d["topic"])] == f] for f in range(k)]


def grid_settings(grid: dict[str, tuple[Any, ...]] = GRID) -> list[dict[str, Any]]:
    keys = sorted(grid)
    return [dict(zip(keys, values)) for values in itertools.product(*(grid[k] for k in keys))]


def current_setting(grid: dict[str, tuple[Any, ...]] = GRID) -> dict[str, Any]:
    from newsfuse.stories.config import load

    cfg = load("clustering.yaml")
    return {k: cfg[k] for k in sorted(grid)}


# ---------------------------------------------------------------------- scoring one set of articles


class Split:
    """One set of articles scored on its own: gold labels, story items, texts for the anchor."""

    def __init__(self, docs: Sequence[dict], items: Sequence, texts: Sequence[str]) -> None:
        self.docs, self.items, self.texts = list(docs), list(items), list(texts)
        self.gold = [stories.gold_label(d) for d in docs]

    def online(self, config: dict[str, Any], seeds: int = 1) -> dict[str, Any]:
        """Predicted story per article, added in file order ("file_order") and in the shuffled orders
        of seeds 0 .. ``seeds`` - 1 ("seeds"; "shuffled": seed 0's)."""
        n = len(self.items)
        file_order, _ = stories.online(self.items, list(range(n)), config)
        shuffled = [stories.online(self.items, stories.shuffled_order(n, seed), config)[0] for seed in range(seeds)]
        return {"file_order": file_order, "shuffled": shuffled[0], "seeds": shuffled}

    def anchor(self, threshold: float) -> list[str]:
        return stories.tfidf_anchor(self.texts, threshold)


def criterion(pred: dict[str, Any], gold: Sequence[str]) -> float:
    """What a setting is chosen by: the mean of the file order's B-cubed F1 and the shuffled orders' mean."""
    shuffled = [stories.bcubed(p, gold)["f1"] for p in pred["seeds"]]
    return (stories.bcubed(pred["file_order"], gold)["f1"] + sum(shuffled) / len(shuffled)) / 2


def best_on(table: list[list[float]], folds: Sequence[int]) -> int:
    """Index of the row with the best mean over ``folds`` (the first such row on a tie)."""
    means = [sum(row[f] for f in folds) / len(folds) for row in table]
    return max(range(len(means)), key=lambda i: (means[i], -i))


# ---------------------------------------------------------------------- cross-validation


def cross_validate(
    folds: Sequence[Split], settings: Sequence[dict], anchor_grid: Sequence[float], seeds: int = SHUFFLE_SEEDS
) -> dict[str, Any]:
    """Every setting on every fold; for each held-out fold, the best on the others scored on it."""
    k = len(folds)
    preds = [[fold.online(s, seeds) for fold in folds] for s in settings]
    table = [[criterion(preds[i][f], folds[f].gold) for f in range(k)] for i in range(len(settings))]
    anchor_preds = [[fold.anchor(t) for fold in folds] for t in anchor_grid]
    anchor_table = [[stories.bcubed(p[f], folds[f].gold)["f1"] for f in range(k)] for p in anchor_preds]
    per_fold: list[dict[str, Any]] = []
    pooled: dict[str, list[str]] = {"file_order": [], "shuffled": [], "anchor": [], "gold": []}
    pooled_seeds: list[list[str]] = [[] for _ in range(seeds)]
    for held in range(k):
        rest = [f for f in range(k) if f != held]
        i, a = best_on(table, rest), best_on(anchor_table, rest)
        pred, gold = preds[i][held], folds[held].gold
        per_fold.append(
            {
                "fold": held,
                "documents": len(gold),
                "topics": sorted({str(d["topic"]) for d in folds[held].docs}, key=lambda t: (len(t), t)),
                "chosen": settings[i],
                "online_file_order": stories.bcubed(pred["file_order"], gold),
                "online_shuffled": stories.bcubed(pred["shuffled"], gold),
                "online_shuffled_seeds": stories.over_seeds(pred["seeds"], gold),
                "anchor_threshold": anchor_grid[a],
                "anchor_tfidf_avg_linkage": stories.bcubed(anchor_preds[a][held], gold),
            }
        )
        for key in ("file_order", "shuffled"):
            pooled[key] += [f"{held}:{x}" for x in pred[key]]
        for seed, labels in enumerate(pred["seeds"]):
            pooled_seeds[seed] += [f"{held}:{x}" for x in labels]
        pooled["anchor"] += [f"{held}:{x}" for x in anchor_preds[a][held]]
        pooled["gold"] += gold
    everywhere = list(range(k))
    return {
        "per_fold": per_fold,
        "pooled": {
            "online_file_order": stories.bcubed(pooled["file_order"], pooled["gold"]),
            "online_shuffled": stories.bcubed(pooled["shuffled"], pooled["gold"]),
            "online_shuffled_seeds": stories.over_seeds(pooled_seeds, pooled["gold"]),
            "anchor_tfidf_avg_linkage": stories.bcubed(pooled["anchor"], pooled["gold"]),
        },
        "above_anchor_on_every_fold": all(
            min(f["online_file_order"]["f1"], f["online_shuffled"]["f1"]) > f["anchor_tfidf_avg_linkage"]["f1"]
            for f in per_fold
        ),
        "chosen_on_all_train": settings[best_on(table, everywhere)],
        "anchor_threshold_on_all_train": anchor_grid[best_on(anchor_table, everywhere)],
        "grid_mean_criterion": [{**s, "mean": round(sum(row) / k, 4)} for s, row in zip(settings, table)],
    }


def held_out_score(split: Split, setting: dict[str, Any], anchor_threshold: float, seeds: int = 1) -> dict[str, Any]:
    pred = split.online(setting, seeds)
    return {
        "documents": len(split.gold),
        "gold_stories": len(set(split.gold)),
        "online_file_order": stories.bcubed(pred["file_order"], split.gold),
        "online_shuffled": stories.bcubed(pred["shuffled"], split.gold),
        "online_shuffled_seeds": stories.over_seeds(pred["seeds"], split.gold),
        "predicted_stories": len(set(pred["file_order"])),
        "anchor_tfidf_avg_linkage": stories.bcubed(split.anchor(anchor_threshold), split.gold),
    }


# ---------------------------------------------------------------------- why gold stories split


def explain_splits(split: Split, setting: dict[str, Any]) -> dict[str, Any]:
    """Gold stories the clusterer (file order) spreads over several stories, with their articles'
    titles and dates, and for every pair of articles what each similarity component adds or takes,
    averaged over same-story and different-story pairs (with how often each penalty fires)."""
    from newsfuse.stories.cluster import StoryClusterer

    n = len(split.items)
    pred, _ = stories.online(split.items, list(range(n)), setting)
    clusterer = StoryClusterer(setting)
    for item in split.items:
        if item is not None:
            clusterer.add(item)
    present = [i for i in range(n) if split.items[i] is not None]
    same: list[dict[str, float]] = []
    other: list[dict[str, float]] = []
    for x, i in enumerate(present):
        for j in present[x + 1 :]:
            parts = clusterer.explain(split.items[i], split.items[j])
            (same if split.gold[i] == split.gold[j] else other).append(parts)
    return {
        "split_gold_stories": _split_gold(split, pred),
        "same_story_pairs": _component_summary(same, float(clusterer.cfg["threshold"])),
        "different_story_pairs": _component_summary(other, float(clusterer.cfg["threshold"])),
    }


def _split_gold(split: Split, pred: Sequence[str]) -> list[dict[str, Any]]:
    out = []
    for gold in sorted(set(split.gold)):
        members = [i for i, g in enumerate(split.gold) if g == gold]
        if len({pred[i] for i in members}) > 1:
            out.append(
                {
                    "gold": gold,
                    "articles": [
                        {
                            "story": pred[i],
                            "date": split.docs[i].get("date"),
                            "title": split.docs[i].get("title") or split.texts[i][:80],
                        }
                        for i in members
                    ],
                }
            )
    return out


def _component_summary(pairs: Sequence[dict[str, float]], threshold: float) -> dict[str, Any]:
    if not pairs:
        return {"pairs": 0}
    keys = list(pairs[0])
    return {
        "pairs": len(pairs),
        "mean": {k: round(sum(p[k] for p in pairs) / len(pairs), 4) for k in keys},
        "penalty_fires": {k: round(sum(p[k] < 0 for p in pairs) / len(pairs), 3) for k in keys},
        "mean_total": round(sum(sum(p.values()) for p in pairs) / len(pairs), 4),
        "below_threshold": round(sum(sum(p.values()) < threshold for p in pairs) / len(pairs), 3),
    }


# ---------------------------------------------------------------------- run


def load_splits(data: Path, cache: Path | None) -> dict[str, Split]:
    """The corpus's articles, analysed as ``newsfuse ingest`` does, one Split per split."""
    docs = stories.read_documents(data)
    analyses = stories.analysed(data, 0, cache)
    items = stories.story_items(docs, analyses)
    out: dict[str, Split] = {}
    for name in sorted({d.get("split") or "all" for d in docs}):
        chosen = [i for i, d in enumerate(docs) if (d.get("split") or "all") == name]
        out[name] = Split(
            [docs[i] for i in chosen],
            [items[i] for i in chosen],
            [stories._text(docs[i], analyses) for i in chosen],
        )
    return out


def fold_splits(train: Split, k: int) -> list[Split]:
    return [
        Split([train.docs[i] for i in idx], [train.items[i] for i in idx], [train.texts[i] for i in idx])
        for idx in topic_folds(train.docs, k)
    ]


def main(argv: Sequence[str] | None = None) -> dict[str, Any]:
    args = parse_args(argv)
    t0 = time.perf_counter()
    ecb = load_splits(args.data, args.cache)
    gvc = load_splits(args.gvc, args.cache)
    if args.explain:
        found = {"gvc_dev": explain_splits(gvc["dev"], {}), "ecbplus_train": explain_splits(ecb["train"], {})}
        emit(found, True)
        return found
    folds = fold_splits(ecb["train"], args.folds)
    settings = grid_settings()
    current = current_setting()
    if current not in settings:
        settings.append(current)
    cv = cross_validate(folds, settings, ANCHOR_GRID, args.seeds)
    chosen, anchor_t = cv["chosen_on_all_train"], cv["anchor_threshold_on_all_train"]
    figures: dict[str, Any] = {
        "protocol": (
            f"ECB+ train topics in {args.folds} folds (seed {SEED}); {len(settings)} settings of "
            f"{', '.join(sorted(GRID))}; chosen by the mean of B-cubed F1 in file order and mean F1 over "
            f"{args.seeds} shuffled orders (seeds 0-{args.seeds - 1}) on the other folds, scored on the held-out "
            f"fold; TF-IDF anchor threshold chosen the same way over "
            f"{ANCHOR_GRID[0]}-{ANCHOR_GRID[-1]}; dev sets scored with the setting chosen on all of train"
        ),
        "seed": SEED,
        "shuffle_seeds": args.seeds,
        "grid": {k: list(v) for k, v in GRID.items()},
        "current": current,
        **cv,
        "ecbplus_dev": held_out_score(ecb["dev"], chosen, anchor_t, args.seeds),
        "gvc_dev": held_out_score(gvc["dev"], chosen, anchor_t, args.seeds),
        "current_ecbplus_dev": held_out_score(ecb["dev"], current, anchor_t, args.seeds),
        "current_gvc_dev": held_out_score(gvc["dev"], current, anchor_t, args.seeds),
        "seconds": round(time.perf_counter() - t0, 1),
        "machine": machine(),
        "versions": versions("sentence-transformers", "spacy", "scikit-learn"),
    }
    if not args.json:
        print_report(figures)
    emit(figures, args.json)
    return figures


def print_report(figures: dict[str, Any]) -> None:
    for f in figures["per_fold"]:
        print(
            f"fold {f['fold']} ({f['documents']} docs, topics {','.join(f['topics'])}): "
            f"newsfuse {f['online_file_order']['f1']} (shuffled {f['online_shuffled']['f1']}; "
            f"{_seeds_line(f['online_shuffled_seeds'])}) with {f['chosen']}; "
            f"TF-IDF {f['anchor_tfidf_avg_linkage']['f1']} at {f['anchor_threshold']}"
        )
    pooled = figures["pooled"]
    print(
        f"pooled held-out: newsfuse {pooled['online_file_order']} (shuffled {pooled['online_shuffled']['f1']}; "
        f"{_seeds_line(pooled['online_shuffled_seeds'])}); "
        f"TF-IDF {pooled['anchor_tfidf_avg_linkage']}"
    )
    for key in ("ecbplus_dev", "gvc_dev", "current_ecbplus_dev", "current_gvc_dev"):
        s = figures[key]
        print(
            f"{key}: newsfuse {s['online_file_order']} (shuffled {s['online_shuffled']} "
            f"{_seeds_line(s['online_shuffled_seeds'])}); "
            f"TF-IDF {s['anchor_tfidf_avg_linkage']['f1']}"
        )


def _seeds_line(s: dict[str, Any]) -> str:
    return f"{s['seeds']} seeds: mean {s['f1_mean']}, min {s['f1_min']}, max {s['f1_max']}"


if __name__ == "__main__":
    main()
