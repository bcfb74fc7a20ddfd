"""Smoke test: the event-coding benchmark runs on a handful of real PLOVER records."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / ".." / "shared" / "corpus" / "events" / "plover" / "gsr-dev.jsonl"


def test_events_benchmark_smoke():
    out = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "accuracy" / "events.py"), "--data", str(DATA), "--json",
         "--limit", "8"],
        capture_output=True, text=True, timeout=300, check=True, env={"HF_HUB_OFFLINE": "1", "PATH": "/usr/bin:/bin",
                                                                     "PYTHONPATH": str(ROOT / "src")},
    )
    figures = json.loads(out.stdout.strip().splitlines()[-1])
    assert figures["records"] == 8
    assert 0.0 <= figures["type_accuracy"] <= 1.0
    assert 0.0 <= figures["anchor_knn7_type_accuracy"] <= 1.0
    assert figures["type_accuracy"] >= 0.5  # the first eight are AGREE records the patterns code
    assert set(figures["confusion"]) <= {"AGREE"}
