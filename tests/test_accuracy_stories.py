"""Smoke tests of the story-clustering and event-coreference benchmarks on a few real documents."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / ".." / "shared" / "corpus" / "clustering"
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "benchmarks" / "accuracy"))

import coref  # noqa: E402
import stories  # noqa: E402


def test_stories_benchmark_runs_on_a_few_gvc_documents():
    figures = stories.main(["--data", str(DATA / "gvc"), "--limit", "6", "--json"])
    dev = figures["dev"]
    assert dev["documents"] == 6
    for key in ("online_file_order", "online_shuffled", "anchor_tfidf_avg_linkage"):
        assert 0.0 < dev[key]["f1"] <= 1.0


def test_coref_benchmark_contract_on_a_few_ecb_documents(capsys):
    result = coref.main(["--data", str(DATA / "ecbplus"), "--limit", "4", "--json"])
    assert set(result) == {"muc", "b3", "ceafe", "conll", "baseline_conll", "mentions"}
    assert result["mentions"] > 0 and 0.0 <= result["conll"] <= 1.0
    assert capsys.readouterr().out.strip().splitlines()[-1].startswith("{")


def test_scorer_gives_one_for_a_perfect_answer_and_known_values():
    key = [{"a", "b", "c"}, {"d"}]
    assert coref.scores(key, key)["conll"] == 1.0
    # Pradhan et al. 2014 style check: splitting {a,b,c} into {a,b},{c}
    got = coref.scores(key, [{"a", "b"}, {"c"}, {"d"}])
    assert got["muc"] == round(2 * 1.0 * 0.5 / 1.5, 4)
    assert got["b3"] == 0.8  # P = 1, R = (2/3 + 2/3 + 1/3 + 1) / 4
