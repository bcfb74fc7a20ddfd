"""Fit the event coder's confidence model (events/calibration.py) and choose its show threshold by cross-validation.

Examples: every mention the coder codes (RuleExtractor.featured) in the gsr-dev sentences and in the read
PolNeAR sets (A-I: each sentence coded in its article, as `newsfuse ingest` codes it), labelled right when its
type and roles are right (gsr-dev: the type and the actors' codes, events.actors_right; PolNeAR: the type and
both sides, events.sides_right). Folds: gsr-dev by sentence (events.folds_of, the events benchmark's own), PolNeAR by
article (the same dealing over the sorted article names). Per fold, an L2-regularised logistic regression
(numpy, Newton steps) is fitted on the other four folds and scores this one; on the pooled out-of-fold
probabilities, the precision and recall of the mention shown first in each sentence are printed for each
threshold, and the show threshold is the lowest one whose out-of-fold precision is at least TARGET_PRECISION
on gsr-dev and on the PolNeAR sets alike. The model written is fitted on all the examples. Set J (held out:
drawn and labelled after the model was designed, never used here) is scored with the coder's hand-set factors
(before) and with the model (after) only with --held-out: figures only, no mention printed.

    python benchmarks/accuracy/events_calibration.py [--write] [--held-out] [--cache FILE]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
import events as bench  # noqa: E402

from newsfuse.events import (
    RuleExtractor,  # noqa: E402
    calibration,  # noqa: E402
)
from newsfuse.events import precision as prec  # noqa: E402
from newsfuse.events.ontology import load_abstain  # noqa: E402
from newsfuse.pipeline import analyse, read_and_clean  # noqa: E402
from newsfuse.text.yamlfile import load_yaml  # noqa: E402

TARGET_PRECISION = 0.85
TARGET_RECALL = 0.70  # issue 19: the precision target holds at this type recall
L2 = 1.0  # the penalty on the weights (not on the intercept): a few hundred examples, some two dozen features
FIT_SETS = "ABCDEFGHI"  # the PolNeAR sets the model is fitted on; set J is held out
THRESHOLDS = [round(0.05 * k, 2) for k in range(1, 20)]


# ---------------------------------------------------------------------- examples


def gsr_examples(path: Path) -> list[dict[str, Any]]:
    """Each coded mention of each gsr-dev sentence, with its features and whether type and codes are right."""
    records = bench.load(path, 0)
    annotated, _ = bench.annotate_records(records)
    fold = bench.folds_of(len(records))
    extractor = RuleExtractor()
    out = []
    for i, (r, a) in enumerate(zip(records, annotated)):
        for k, (m, f) in enumerate(extractor.featured(a)):
            right = m.type == r["event_type"] and bench.actors_right(r, m)
            out.append(example("gsr", r["id"], fold[i], k, m.type, right, f, type_right=m.type == r["event_type"]))
    return out


def polnear_examples() -> tuple[list[dict[str, Any]], list[str]]:
    """Each coded mention of each labelled PolNeAR sentence, coded in its article; the sentences not found."""
    rows = bench.load_sample(bench.POLNEAR_SAMPLE)
    articles = sorted({r["id"].rsplit("/", 1)[0] for r in rows})
    fold_of = dict(zip(articles, bench.folds_of(len(articles))))
    inputs = bench.polnear_inputs(rows)
    out, problems = [], []
    by_article: dict[str, list[dict]] = defaultdict(list)
    for r in rows:
        by_article[r["id"].rsplit("/", 1)[0]].append(r)
    extractor = RuleExtractor()
    for name, sentences in by_article.items():
        _, cleaned, _ = read_and_clean(inputs[name])
        if not cleaned:
            problems.append(name)
            continue
        result = analyse(cleaned[:1], with_embeddings=False)[0]
        features = {m.id: f for m, f in extractor.featured(result.annotated)}
        text = result.annotated.article.text
        for r in sentences:
            span = bench.locate(r["text"], text)
            if span is None:
                problems.append(r["id"])
                continue
            ms = [m for m in result.mentions if 0 <= m.start < span[1] and span[0] < m.end and m.id in features]
            for k, m in enumerate(ms):
                out.append(polnear_example(r, fold_of[name], k, m, features[m.id]))
    return out, problems


def polnear_example(r: dict, fold: int, k: int, m: Any, f: dict[str, float]) -> dict[str, Any]:
    typed = r["event_type"] != "NONE" and m.type == r["event_type"]
    right = typed and bench.sides_right(r, m)
    ex = example(f"polnear-{r['set']}", r["id"], fold, k, m.type, right, f, type_right=typed)
    ex["accepted_type"] = r["event_type"] != "NONE" and m.type in {r["event_type"], *r["also"]}
    return ex


def example(
    group: str, unit: str, fold: int, k: int, type_: str, right: bool, f: dict[str, float], type_right: bool
) -> dict[str, Any]:
    return {
        "group": group,
        "unit": unit,
        "fold": fold,
        "order": k,
        "type": type_,
        "right": right,
        "type_right": type_right,
        "features": f,
    }


def units(path: Path) -> dict[str, dict[str, Any]]:
    """Every scored sentence: its group and whether it has an event (gsr-dev: always)."""
    out = {r["id"]: {"group": "gsr", "event": True} for r in bench.load(path, 0)}
    for r in bench.load_sample(bench.POLNEAR_SAMPLE):
        out[r["id"]] = {"group": f"polnear-{r['set']}", "event": r["event_type"] != "NONE"}
    return out


# ---------------------------------------------------------------------- the model


def matrix(examples: list[dict[str, Any]], names: list[str]) -> np.ndarray:
    return np.array([[e["features"].get(n, 0.0) for n in names] for e in examples], dtype=float)


def fit(x: np.ndarray, y: np.ndarray, l2: float = L2) -> tuple[float, np.ndarray]:
    """L2-regularised logistic regression by Newton steps (the intercept unpenalised)."""
    xb = np.hstack([np.ones((len(x), 1)), x])
    w = np.zeros(xb.shape[1])
    penalty = np.full(xb.shape[1], l2)
    penalty[0] = 0.0
    for _ in range(50):
        p = 1.0 / (1.0 + np.exp(-xb @ w))
        grad = xb.T @ (p - y) + penalty * w
        hess = xb.T @ (xb * (p * (1 - p))[:, None]) + np.diag(penalty + 1e-9)
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return float(w[0]), w[1:]


def predict(intercept: float, weights: np.ndarray, x: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-(intercept + x @ weights)))


def hand_set(e: dict[str, Any]) -> float:
    """The coder's confidence without the model: the product of the weak signs' hand-set factors."""
    value = 1.0
    for key in calibration.signs_present(e["features"]):
        value *= prec.factor(key)
    return round(value, 3)


def out_of_fold(examples: list[dict[str, Any]], names: list[str]) -> np.ndarray:
    """Each fitted example's probability from the model fitted on the other folds."""
    x, y = matrix(examples, names), np.array([e["right"] for e in examples], dtype=float)
    folds = np.array([e["fold"] for e in examples])
    p = np.zeros(len(examples))
    for f in sorted(set(folds.tolist())):
        b, w = fit(x[folds != f], y[folds != f])
        p[folds == f] = predict(b, w, x[folds == f])
    return p


# ---------------------------------------------------------------------- figures


def first_shown(examples: list[dict[str, Any]], conf: np.ndarray, threshold: float) -> dict[str, dict[str, Any]]:
    """Each sentence's first mention with confidence >= threshold."""
    out: dict[str, dict[str, Any]] = {}
    for e, c in sorted(zip(examples, conf), key=lambda ec: (ec[0]["unit"], ec[0]["order"])):
        if c >= threshold and e["unit"] not in out:
            out[e["unit"]] = e
    return out


def figures(shown: dict[str, dict[str, Any]], sentences: dict[str, dict[str, Any]], group: str) -> dict[str, Any]:
    """Precision (type and roles right) of the shown mentions and type recall over the sentences with an event."""
    ids = [u for u, s in sentences.items() if s["group"].startswith(group)]
    picked = [shown[u] for u in ids if u in shown]
    events = [u for u in ids if sentences[u]["event"]]
    right = sum(e["right"] for e in picked)
    return {
        "shown": len(picked),
        "precision": round(right / len(picked), 3) if picked else None,
        "type_precision": round(sum(e["type_right"] for e in picked) / len(picked), 3) if picked else None,
        "type_recall": round(sum(shown[u]["type_right"] for u in events if u in shown) / len(events), 3)
        if events
        else None,
    }


def curve(examples, conf, sentences, groups) -> list[dict[str, Any]]:
    return [
        {"threshold": t, **{g: figures(first_shown(examples, conf, t), sentences, g) for g in groups}}
        for t in THRESHOLDS
    ]


def choose_threshold(rows: list[dict[str, Any]], groups: tuple[str, ...]) -> float | None:
    """The lowest threshold whose out-of-fold precision reaches TARGET_PRECISION on every group."""
    for row in rows:
        if all((row[g]["precision"] or 0.0) >= TARGET_PRECISION for g in groups if row[g]["shown"]):
            return float(row["threshold"])
    return None


def main(argv: list[str] | None = None) -> dict[str, Any]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=bench.DEFAULT)
    parser.add_argument("--cache", type=Path, help="examples read from (or, if missing, written to) this JSON file")
    parser.add_argument("--write", action="store_true", help="store the model in events/data/calibration.yaml")
    parser.add_argument("--held-out", action="store_true", help="score set J (held out) before and after: figures only")
    parser.add_argument("--json", action="store_true", help="accepted for run_all: the last line is always the JSON")
    args = parser.parse_args(argv)
    if args.cache and args.cache.exists():
        examples = json.loads(args.cache.read_text())
    else:
        examples = gsr_examples(args.data) + polnear_examples()[0]
        if args.cache:
            args.cache.write_text(json.dumps(examples))
    sentences = units(args.data)
    fitted = [e for e in examples if e["group"] == "gsr" or e["group"][-1] in FIT_SETS]
    held = [e for e in examples if e["group"] == "polnear-J"]
    names = sorted({n for e in fitted for n in e["features"]})
    oof = out_of_fold(fitted, names)
    fit_sentences = {u: s for u, s in sentences.items() if s["group"] == "gsr" or s["group"][-1] in FIT_SETS}
    rows = curve(fitted, oof, fit_sentences, ("gsr", "polnear"))
    before = np.array([hand_set(e) for e in fitted])
    threshold = choose_threshold(rows, ("gsr", "polnear"))
    intercept, weights = fit(matrix(fitted, names), np.array([e["right"] for e in fitted], dtype=float))
    report: dict[str, Any] = {
        "examples": len(fitted),
        "right": int(sum(e["right"] for e in fitted)),
        "out_of_fold_curve": rows,
        "show_threshold": threshold,
        "hand_set_in_sample": {
            g: figures(first_shown(fitted, before, min_shown()), fit_sentences, g) for g in ("gsr", "polnear")
        },
        "coefficients": {n: round(float(w), 3) for n, w in zip(names, weights)},
        "intercept": round(intercept, 3),
    }
    if threshold is not None:
        report["out_of_fold_at_threshold"] = {
            g: figures(first_shown(fitted, oof, threshold), fit_sentences, g)
            for g in ["gsr", "polnear", *(f"polnear-{k}" for k in FIT_SETS)]
        }
    if threshold is not None and args.held_out:
        report["set_j"] = set_j(held, sentences, names, intercept, weights, threshold)
    for row in rows:
        print("OOF " + " ".join(f"{k}={v}" for k, v in row.items()))
    report["target"] = {"precision": TARGET_PRECISION, "type_recall": TARGET_RECALL}
    print(json.dumps({"task": "event confidence model, cross-validated", **report}))
    if args.write and threshold is not None:
        write_model(names, intercept, weights, threshold, len(fitted))
    return report


def min_shown() -> float:
    return float(load_abstain()["min_confidence"])


def set_j(held, sentences, names, intercept, weights, threshold) -> dict[str, Any]:
    """Set J (held out): the hand-set factors at the old threshold (before) and the model at its threshold (after)."""
    j = {u: s for u, s in sentences.items() if s["group"] == "polnear-J"}
    before = np.array([hand_set(e) for e in held])
    after = predict(intercept, weights, matrix(held, names)) if held else np.array([])
    return {
        "before": figures(first_shown(held, before, min_shown()), j, "polnear-J"),
        "after": figures(first_shown(held, after, threshold), j, "polnear-J"),
    }


def write_model(names: list[str], intercept: float, weights: np.ndarray, threshold: float, n: int) -> None:
    """The model, with its provenance, into events/data/calibration.yaml (the rest of the file kept)."""
    path = calibration.DATA
    text = path.read_text(encoding="utf-8")
    head = text[: text.index("model:")]
    kept = [(nm, float(w)) for nm, w in zip(names, weights) if abs(w) >= 0.0005]
    lines = [
        "model:",
        f"  # fitted by benchmarks/accuracy/events_calibration.py --write on {n} coded mentions: gsr-dev (folds by",
        f"  # sentence, seed {bench.SEED}) and PolNeAR sets {', '.join(FIT_SETS)} ({bench.POLNEAR_SAMPLE.name}, each",
        f"  # sentence in its article; folds by article); L2 {L2}; label: type and roles right. show_threshold: the",
        f"  # lowest threshold whose out-of-fold precision of shown mentions is >= {TARGET_PRECISION} on both corpora",
        f"  show_threshold: {threshold}",
        f"  intercept: {intercept:.3f}",
        "  coefficients:",
        *(f"    {nm}: {w:.3f}" for nm, w in kept),
    ]
    path.write_text(head + "\n".join(lines) + "\n", encoding="utf-8")
    load_yaml(path.read_text(encoding="utf-8"))


if __name__ == "__main__":
    main()
