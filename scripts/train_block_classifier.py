"""Fit the block classifier of ``newsfuse.clean.blocks`` and measure it, cross-validated by site.

Pages: both shared extraction corpora (scrapinghub, WCXB dev articles), split into the same 5 site
folds as ``benchmarks/accuracy/extraction.py`` (its ``site_folds`` with its fixed ``SEED``). For
each fold, a model fitted on the pages of the other 4 decides the blocks of that fold's pages; the
page-averaged F1 of those held-out bodies (the benchmark's own metric) is printed per corpus beside
the second opinion's arbitration (default setting) and trafilatura (comments off), all from the
same run. Then one model is fitted on every page and written to ``clean/data/block_model.json``
(with ``--write``). No page is read by eye here: the folds only split, fit and score.

    python scripts/train_block_classifier.py [--cache FILE] [--limit N] [--write]

``--cache FILE`` keeps each page's parts (both bodies, markup, link texts) and trafilatura's body
in a pickle so a second run only fits (the cache is rebuilt when missing).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import pickle
import sys
from dataclasses import replace
from pathlib import Path
from statistics import mean
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks" / "accuracy"))
import extraction as bench  # noqa: E402

from newsfuse.clean import blocks  # noqa: E402

FOLDS = bench.FOLDS
CARD = blocks.DATA / "BLOCK_MODEL_CARD.md"


def page_records(limit: int) -> list[dict[str, Any]]:
    """One record per page of both corpora: corpus, id, url, truth, parts, trafilatura's body."""
    records = []
    for name, folder in bench.corpus_folders(bench.EXTRACTION).items():
        truth, pages = bench.load_pages(folder, limit)
        for i, data in pages.items():
            v = bench.newsfuse_variants(f"{i}.html", data)
            records.append(
                {
                    "corpus": name,
                    "id": i,
                    "url": truth[i].get("url"),
                    "truth": truth[i]["articleBody"],
                    "parts": v.parts if v else None,
                    "anchor": bench.trafilatura_no_comments(f"{i}.html", data),
                }
            )
    return records


def load_records(cache: Path | None, limit: int) -> list[dict[str, Any]]:
    if cache and cache.exists():
        with cache.open("rb") as fh:
            records: list[dict[str, Any]] = pickle.load(fh)  # noqa: S301 - our own cache file
        if blocks.structure_on() and with_structure(records, limit):
            save(cache, records)
        return records
    records = page_records(limit)
    if cache:
        save(cache, records)
    return records


def save(cache: Path, records: list[dict[str, Any]]) -> None:
    with cache.open("wb") as fh:
        pickle.dump(records, fh)


def with_structure(records: list[dict[str, Any]], limit: int) -> bool:
    """Add the page structure to cached parts made before it was read (only the tree is parsed,
    nothing re-extracted); True when any record changed."""
    missing = {(r["corpus"], r["id"]) for r in records if r["parts"] and r["parts"].structure is None}
    if not missing:
        return False
    found = {}
    for name, folder in bench.corpus_folders(bench.EXTRACTION).items():
        _, pages = bench.load_pages(folder, limit)
        for i, data in pages.items():
            if (name, i) in missing:
                docs = bench.raw_documents(f"{i}.html", data)
                found[(name, i)] = blocks.page_structure(bench.H._parse(docs[0].text)) if docs else None
    for r in records:
        if (r["corpus"], r["id"]) in missing:
            r["parts"] = replace(r["parts"], structure=found.get((r["corpus"], r["id"])))
    return True


def with_candidates(records: list[dict[str, Any]]) -> None:
    """Features of every page's candidates and its fold (site folds of the benchmark)."""
    folds = bench.site_folds({(r["corpus"], r["id"]): r["url"] for r in records})
    for r in records:
        r["fold"] = folds[(r["corpus"], r["id"])]
        r["cands"] = blocks.candidates(r["parts"]) if r["parts"] else []


def arbitrated(parts: blocks.PageParts | None) -> str:
    if parts is None:
        return ""
    return "\n".join(b.text for b in (parts.own if parts.chosen == "own" else parts.other))


def cross_fitted(records: list[dict[str, Any]]) -> dict[tuple[str, str], str]:
    """Each page's body decided by the model fitted on the other folds."""
    bodies = {}
    for k in range(FOLDS):
        train = [(r["cands"], r["truth"]) for r in records if r["fold"] != k and r["cands"]]
        fitted = blocks.fit_pages(train)
        for r in records:
            if r["fold"] == k:
                kept = blocks.decide(r["cands"], fitted) if r["cands"] else []
                body = "\n".join(b.text for b in kept) if kept else arbitrated(r["parts"])
                bodies[(r["corpus"], r["id"])] = body
    return bodies


def report(records: list[dict[str, Any]], bodies: dict[tuple[str, str], str]) -> dict[str, Any]:
    scorer = bench.load_scorer(bench.EXTRACTION)
    out: dict[str, Any] = {}
    for name in sorted({r["corpus"] for r in records}):
        rs = [r for r in records if r["corpus"] == name]
        truth = {r["id"]: {"articleBody": r["truth"]} for r in rs}
        runs = {
            "blocks_cv": {r["id"]: bodies[(name, r["id"])] for r in rs},
            "arbitration_default": {r["id"]: arbitrated(r["parts"]) for r in rs},
            "trafilatura_no_comments": {r["id"]: r["anchor"] for r in rs},
        }
        out[name] = {key: bench.figures(scorer, truth, b) for key, b in runs.items()}
        f1 = {key: {i: bench.page_f1(scorer, truth[i]["articleBody"], b[i]) for i in truth} for key, b in runs.items()}
        out[name]["collapses"] = sum(
            1
            for i in truth
            if f1["blocks_cv"][i] < bench.COLLAPSE_BELOW and f1["trafilatura_no_comments"][i] > bench.ANCHOR_ABOVE
        )
        out[name]["folds"] = [
            {
                "fold": k,
                **{
                    key: round(mean(f1[key][r["id"]] for r in rs if r["fold"] == k), 4)
                    for key in ("blocks_cv", "arbitration_default")
                },
            }
            for k in range(FOLDS)
            if any(r["fold"] == k for r in rs)
        ]
    return out


def write_model(records: list[dict[str, Any]], result: dict[str, Any]) -> str:
    """The model fitted on every page, as ``block_model.json``, and its card beside it."""
    fitted = blocks.fit_pages([(r["cands"], r["truth"]) for r in records if r["cands"]])
    text = json.dumps(fitted.to_json(), indent=1) + "\n"
    blocks.MODEL.write_text(text, encoding="utf-8")
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    CARD.write_text(model_card(records, result, digest), encoding="utf-8")
    return digest


def verdict(result: dict[str, Any]) -> str:
    """Whether the figures allow switching the decision on (the rule the card states)."""
    rises = all(c["blocks_cv"]["f1"] > c["arbitration_default"]["f1"] for c in result.values())
    safe = all(
        c["collapses"] == 0 and c["blocks_cv"]["f1"] >= c["trafilatura_no_comments"]["f1"] for c in result.values()
    )
    if rises and safe:
        return "the block classifier beats the arbitration on both corpora with no collapse: it may be switched on."
    return (
        "the block classifier does not beat the arbitration between whole bodies on both corpora, so "
        "`blocks.enabled` stays false (adopted only if it rises on both, scrapinghub stays >= 0.97 and >= "
        "trafilatura, and no page collapses)."
    )


def model_card(records: list[dict[str, Any]], result: dict[str, Any], digest: str) -> str:
    rows = [
        f"| {name} | {sum(1 for r in records if r['corpus'] == name)} | {c['blocks_cv']['f1']} | "
        f"{c['arbitration_default']['f1']} | {c['trafilatura_no_comments']['f1']} | {c['collapses']} |"
        for name, c in result.items()
    ]
    return "\n".join(
        [
            "# Block classifier (`clean/blocks.py`, weights `block_model.json`)",
            "",
            "What it is: a logistic regression over the blocks of a page's two finished bodies (newsfuse's own",
            "extraction and trafilatura's full extraction, each after the post-filter), merged in page order;",
            f"features: {', '.join(blocks.FEATURES)} (standardised; no site names, no class/id names).",
            "",
            "Data: every page of the two shared extraction corpora (`../shared/corpus/extraction`: scrapinghub,",
            "WCXB dev articles), labels from their true main text (a block is the article's when at least",
            "`blocks.label_share` of its 4-token shingles are in it; a block under 4 tokens when its words stand",
            "together in it), each page weighing alike.",
            "",
            "Command: `.venv/bin/python scripts/train_block_classifier.py --write` (no randomness: Newton's",
            f"method; the folds are the benchmark's site folds, seed {bench.SEED}).",
            "",
            f"sha256 of block_model.json: `{digest}`",
            "",
            "Cross-validated by site (5 folds; for each fold a model fitted on the other 4 decides its pages;",
            "page-averaged F1 of the benchmark's metric; the arbitration between whole bodies at the default",
            "setting and trafilatura measured in the same run):",
            "",
            "| corpus | pages | block classifier | arbitration (default) | trafilatura, comments off | collapses |",
            "| --- | --- | --- | --- | --- | --- |",
            *rows,
            "",
            f"Verdict: {verdict(result)}",
            "",
            "The benchmark's figure (`benchmarks/accuracy/extraction.py`, the arbitration's setting chosen on 4",
            "folds as well) is the one to quote; `blocks.enabled` in `html_rules.yaml` says whether it is used.",
            "",
        ]
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache", type=Path, help="pickle of the extracted page parts (made when missing)")
    parser.add_argument("--limit", type=int, default=0, help="first N pages of each corpus (0: all)")
    parser.add_argument("--write", action="store_true", help="write clean/data/block_model.json (all pages)")
    args = parser.parse_args(argv)
    records = load_records(args.cache, args.limit)
    with_candidates(records)
    result = report(records, cross_fitted(records))
    print(json.dumps(result, indent=1))
    if args.write:
        print("block_model.json sha256", write_model(records, result))


if __name__ == "__main__":
    main()
