"""benchmarks/accuracy/events.py --variants: a lexicon use is chosen on four folds and scored on the fifth."""

from __future__ import annotations

import sys
from pathlib import Path
from types import SimpleNamespace

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks" / "accuracy"))
import events as bench  # noqa: E402


def _record(type_: str) -> dict:
    return {"event_type": type_, "source": [{"code": "FRA"}], "target": [{"code": "DEU"}], "markup": ""}


def _mention(type_: str) -> SimpleNamespace:
    fra, deu = SimpleNamespace(country="FRA", sector=None), SimpleNamespace(country="DEU", sector=None)
    return SimpleNamespace(type=type_, source_actors=(fra,), target_actors=(deu,), symmetric=False)


def test_each_fold_is_scored_with_the_variant_chosen_on_the_other_folds():
    n = 20
    records = [_record("ACCUSE") for _ in range(n)]
    fold = bench.folds_of(n)
    right = [_mention("ACCUSE") for _ in range(n)]
    # "good" is right everywhere; "odd" is right only on fold 0, so it never wins on the other folds
    odd = [_mention("ACCUSE") if fold[i] == 0 else _mention("ASSAULT") for i in range(n)]
    coded = {"odd": (odd, odd), "good": (right, right)}
    out = bench.select_variants(records, coded, ["ACCUSE"] * n, fold)
    assert [row["chosen"] for row in out["folds"]] == ["good"] * bench.FOLDS
    assert out["held_out"]["type_accuracy"] == 1.0 and out["held_out"]["precision"] == 1.0
    assert out["in_sample_per_variant"]["odd"]["type_accuracy"] == round(fold.count(0) / n, 3)
    assert out["folds"][1]["train_score"]["good"] > out["folds"][1]["train_score"]["odd"]


def test_variants_option_is_split_from_the_common_ones():
    variants, only, rest = bench.split_variants(["--variants", "fallback,off", "--json", "--limit", "3"])
    assert variants == ["fallback", "off"] and only == "" and rest == ["--json", "--limit", "3"]
    assert bench.split_variants(["--json"]) == ([], "", ["--json"])
    assert bench.split_variants(["--sample", "--json"]) == ([], "sample", ["--json"])
    assert bench.split_variants(["--polnear"]) == ([], "polnear", [])
