"""The hand labels of composed statements (benchmarks/data/composed_labels.jsonl) and their score in
benchmarks/faithfulness.py: a statement counts as supported only when every article it cites is."""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "benchmarks" / "accuracy"))

import faithfulness  # noqa: E402

FIELDS = {"set", "split", "statement", "article", "cited", "supported", "reason", "labelled", "rules_written_from_it"}


def test_every_label_says_what_when_and_why():
    rows = [json.loads(line) for line in faithfulness.LABELS.read_text(encoding="utf-8").splitlines()]
    assert rows and all(set(r) == FIELDS for r in rows)
    assert all(r["cited"] in ("cited", "also") and r["reason"] and r["labelled"] for r in rows)
    assert all(r["set"] == f"{r['set'].split('-')[0]}-{r['split']}" for r in rows)
    assert len({(r["set"], r["statement"], r["article"]) for r in rows}) == len(rows)


def test_a_statement_is_supported_only_when_every_cited_article_is():
    labels = faithfulness.composed_labels()
    talks = "Donald Trump and Paul Ryan held talks in the week of 9 May 2016, according to Priebus."
    held = [
        "politico_2016-05-05_paul-ryan-says-he-s-not-ready-to",
        "west-journal_2016-08-03_pence-endorses-paul-ryan-with-tr",
    ]
    christie = "Chris Christie accused Marco Rubio on 6 February 2016."
    debate = [
        "breitbart_2016-02-07_after-rubio-stumbles-rivals-see-",
        "huff-post_2016-02-07_the-latest-gop-debate-kicked-off",
    ]
    score = faithfulness.hand_scored(
        "polnear-train", [(talks, held), (christie, debate), ("A statement no one labelled.", debate)], labels
    )
    assert score["statements"] == 3 and score["labelled"] == 2 and score["supported_by_every_cited"] == 1
    assert score["pairs"] == 4 and score["pairs_supported"] == 3
    assert score["unlabelled"] == ["A statement no one labelled."]


def test_the_probe_counts_labels_still_composed_refused_and_reworded():
    rows = [json.loads(line) for line in faithfulness.PROBE_LABELS.read_text(encoding="utf-8").splitlines()]
    assert all(r["reason"] and r["labelled"] and r["sample"] for r in rows)
    dev = [r for r in rows if r["set"] == "polnear-dev"]
    kept, reworded = dev[0], dev[1]
    composed = {
        (kept["article"], kept["sentence"]): kept["statement"],
        (reworded["article"], reworded["sentence"]): "Someone else did something.",
    }
    score = faithfulness.probe_scored("polnear-dev", composed)
    assert score["labelled"] == len(dev) and score["still_composed"] == 1 and score["reworded"] == 1
    assert score["supported"] == int(kept["supported"]) and score["refused_since"] == len(dev) - 2
