"""The day-of-mixed-news story benchmark: its pair scoring on hand-worked cases, its labels against
the shared pages, and one real run over a few of them."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks" / "accuracy"))

import stories_wild as W  # noqa: E402

SAME = [{"a", "b", "c"}]
UNSURE = [{"c", "d"}]


def test_a_pair_is_same_unsure_or_different():
    assert W.pair_label("a", "b", SAME, UNSURE) == "same"
    assert W.pair_label("c", "d", SAME, UNSURE) == "unsure"
    assert W.pair_label("a", "d", SAME, UNSURE) == "different"
    assert W.pair_label("e", "f", SAME, UNSURE) == "different"


def test_pairs_are_counted_by_hand():
    names = ["a", "b", "c", "d", "e"]
    # a, b together (right); c, d together (unsure: not scored); e with a? no: e alone
    pred = ["1", "1", "2", "2", "3"]
    s = W.pairwise(pred, names, SAME, UNSURE)
    # labelled pairs: ab, ac, bc (3); put together: ab right, cd unsure
    assert (s["p"], s["r"], s["pairs_together"], s["pairs_together_wrongly"]) == (1.0, round(1 / 3, 4), 1, 0)
    # everything in one story: ab ac bc right; cd unsure; ad bd ae be ce de wrong
    s = W.pairwise(["x"] * 5, names, SAME, UNSURE)
    assert (s["pairs_together"], s["pairs_together_wrongly"], s["r"]) == (9, 6, 1.0)
    assert s["p"] == round(3 / 9, 4)
    assert s["pages_with_another_event"] == 5
    # nothing together: precision has nothing to judge (1.0), recall 0
    s = W.pairwise(["1", "2", "3", "4", "5"], names, SAME, UNSURE)
    assert (s["p"], s["r"], s["f1"]) == (1.0, 0.0, 0.0)


@pytest.mark.skipif(not W.DEFAULT.exists(), reason="needs ../shared/corpus/extraction/scrapinghub")
def test_every_labelled_page_is_one_of_the_shared_pages():
    same, unsure = W.load_labels(W.LABELS)
    names = {W.page_name(p) for p in W.DEFAULT.iterdir()}
    assert len(same) >= 15 and unsure
    assert {n for g in same + unsure for n in g} <= names
    assert all(len(g) >= 2 for g in same + unsure)


@pytest.mark.skipif(not W.DEFAULT.exists(), reason="needs ../shared/corpus/extraction/scrapinghub")
def test_a_run_over_a_few_real_pages(tmp_path):
    """Two reports of one event (Sweden drops the Assange investigation) and a page of another day's
    news go through the ingest path: the two are one story, the other is alone."""
    same, _ = W.load_labels(W.LABELS)
    assange = next(g for g in same if len(g) == 2 and any("Assange" in line for line in _comments(g)))
    others = sorted(p for p in W.DEFAULT.iterdir() if W.page_name(p) not in set().union(*same))[:1]
    for p in [*(next(W.DEFAULT.glob(n + "*")) for n in sorted(assange)), *others]:
        shutil.copy(p, tmp_path / p.name)
    pages, analyses = W.analysed_pages(tmp_path)
    names = [W.page_name(p) for p in pages]
    figures = W.score(W.items_of(analyses), [W.text_of(a) for a in analyses], names, (same, []), seeds=1)
    assert figures["online_file_order"]["p"] == 1.0
    assert figures["online_file_order"]["r"] == 1.0
    assert figures["stories_of_two_or_more"] == 1


def _comments(group: set[str]) -> list[str]:
    lines = W.LABELS.read_text(encoding="utf-8").splitlines()
    return [line for line in lines if any(n in line for n in group)]
