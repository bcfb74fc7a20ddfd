"""The brief's repeat test against pairs of ECB+ train lines labelled by hand
(benchmarks/data/brief_repeats_train.jsonl: "same fact" / "adds something", read from the articles):
a change to the test must neither let a labelled repeat back in nor drop a line labelled as adding a
detail that it keeps now (benchmarks/brief_repeats.py scores candidate tests on all the pairs)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsfuse.stories.brief import _says_more
from newsfuse.stories.config import load
from newsfuse.stories.sentences import Sentence, content_words
from newsfuse.stories.statements import Statement

LABELS = Path(__file__).resolve().parents[2] / "benchmarks" / "data" / "brief_repeats_train.jsonl"
ROWS = [json.loads(line) for line in LABELS.read_text(encoding="utf-8").splitlines() if line.strip()]
ACCOUNT_PAIRS = [r for r in ROWS if r["pair"].startswith("two account lines")]
DROPPED = [r for r in ROWS if not r["pair"].startswith("two account lines")]


def _later_says_more(row: dict) -> bool:
    later = Sentence("b", row["later"], 0, content_words(row["later"]))
    return _says_more(later, [Statement(row["earlier"], ("a",), "quoted")], load("brief.yaml"))


def test_every_label_has_its_provenance():
    assert ACCOUNT_PAIRS and DROPPED
    for r in ROWS:
        assert r["corpus"] == "ecbplus" and r["split"] == "train"
        assert r["label"] in ("same fact", "adds something")
        assert r["story"] and r["records"] and r["topic"] and r["by"].startswith("hand") and r["why"] and r["date"]


@pytest.mark.parametrize(
    "row", [r for r in ACCOUNT_PAIRS if r["label"] == "adds something"], ids=lambda r: r["later"][:40]
)
def test_a_line_that_adds_a_detail_is_kept_after_the_line_it_follows(row):
    assert _later_says_more(row)


@pytest.mark.parametrize("row", [r for r in DROPPED if r["label"] == "same fact"], ids=lambda r: r["later"][:40])
def test_a_line_that_tells_the_same_fact_again_is_dropped(row):
    # "Damage to the church is estimated at one-million dollars ." after "Damage to the Wasilla Bible
    # Church was estimated at $ 1 million , authorities said Saturday ."
    assert not _later_says_more(row)
