"""Smoke tests of the story-clustering and event-coreference benchmarks on a few real documents,
and the coreference scorer checked on hand-worked cases and against the published ``scorch``."""

from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / ".." / "shared" / "corpus" / "clustering"
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "benchmarks" / "accuracy"))

import coref  # noqa: E402
import stories  # noqa: E402


def test_stories_benchmark_runs_on_a_few_gvc_documents():
    figures = stories.main(["--data", str(DATA / "gvc"), "--limit", "6", "--json", "--scale", "50"])
    dev = figures["dev"]
    assert dev["documents"] == 6
    for key in ("online_file_order", "online_shuffled", "anchor_tfidf_avg_linkage"):
        assert 0.0 < dev[key]["f1"] <= 1.0
    assert figures["ms_per_added_article_at"]["50"] > 0


def test_coref_benchmark_contract_on_a_few_ecb_documents(capsys):
    result = coref.main(["--data", str(DATA / "ecbplus"), "--limit", "4", "--json"])
    assert set(result) == {"muc", "b3", "ceafe", "conll", "baseline_conll", "mentions"}
    assert result["mentions"] > 0 and 0.0 <= result["conll"] <= 1.0
    assert capsys.readouterr().out.strip().splitlines()[-1].startswith("{")


def test_scorer_gives_one_for_a_perfect_answer_and_known_values():
    key = [{"a", "b", "c"}, {"d"}]
    assert coref.scores(key, key)["conll"] == 1.0
    # splitting {a,b,c} into {a,b},{c}: MUC R = 1/2, P = 1; B-cubed R = (2/3+2/3+1/3+1)/4, P = 1
    got = coref.scores(key, [{"a", "b"}, {"c"}, {"d"}])
    assert got["muc"] == round(2 * 1.0 * 0.5 / 1.5, 4)
    assert got["b3"] == 0.8


def random_partition(items: list[str], rng: random.Random) -> list[set]:
    groups: dict[int, set] = {}
    for x in items:
        groups.setdefault(rng.randrange(max(1, len(items) // 2)), set()).add(x)
    return list(groups.values())


def test_scorer_agrees_with_scorch():
    scorch = pytest.importorskip("scorch.scores")  # the published implementation, when installed
    rng = random.Random(3)
    for _ in range(30):
        items = [f"m{i}" for i in range(rng.randrange(2, 14))]
        key, response = random_partition(items, rng), random_partition(items, rng)
        ours = coref.scores(key, response)
        assert ours["muc"] == pytest.approx(scorch.muc(key, response)[2], abs=1e-4)
        assert ours["b3"] == pytest.approx(scorch.b_cubed(key, response)[2], abs=1e-4)
        assert ours["ceafe"] == pytest.approx(scorch.ceaf_e(key, response)[2], abs=1e-4)
        assert ours["conll"] == pytest.approx(scorch.conll2012(key, response), abs=1e-4)
