"""Smoke test: the event-coding benchmark runs on a handful of real PLOVER records."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from newsfuse.events.ontology import min_confidence

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / ".." / "shared" / "corpus" / "events" / "plover" / "gsr-dev.jsonl"


def test_events_benchmark_smoke():
    out = subprocess.run(
        [
            sys.executable,
            str(ROOT / "benchmarks" / "accuracy" / "events.py"),
            "--data",
            str(DATA),
            "--json",
            "--limit",
            "8",
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
        env={"HF_HUB_OFFLINE": "1", "PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT / "src")},
    )
    figures = json.loads(out.stdout.strip().splitlines()[-1])
    assert figures["records"] == 8
    assert 0.0 <= figures["type_accuracy"] <= 1.0
    assert 0.0 <= figures["anchor_knn7_type_accuracy"] <= 1.0
    assert figures["type_accuracy"] >= 0.5  # the first eight are AGREE records the patterns code
    assert set(figures["confusion"]) <= {"AGREE"}
    # 5-fold cross-validation by sentence: per-fold figures, and precision among the shown mentions
    assert len(figures["folds"]) == 5 and sum(f["records"] for f in figures["folds"]) == 8
    assert figures["min_confidence"] == min_confidence()  # the cross-validated show threshold (events/calibration.py)
    assert figures["shown"] <= 8 and 0.0 <= figures["type_recall"] <= figures["shown"] / 8
    if figures["shown"]:
        assert 0.0 <= figures["precision"] <= figures["type_precision"] <= 1.0


def test_folds_are_fixed_by_the_seed_and_balanced():
    sys.path.insert(0, str(ROOT / "benchmarks" / "accuracy"))
    import events as bench

    folds = bench.folds_of(220)
    assert folds == bench.folds_of(220)  # the seed is written in the script
    assert sorted(folds.count(f) for f in range(5)) == [44] * 5
    assert folds != [i % 5 for i in range(220)]  # shuffled, not in file order
