"""Smoke test: the extraction accuracy script runs on a handful of real pages and prints its JSON."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SCRIPT = REPO / "benchmarks" / "accuracy" / "extraction.py"
DATA = REPO / ".." / "shared" / "corpus" / "extraction" / "scrapinghub"


def test_extraction_script_json_on_five_pages() -> None:
    proc = subprocess.run([sys.executable, str(SCRIPT), "--data", str(DATA), "--limit", "5", "--json"],
                          capture_output=True, text=True, timeout=300, cwd=REPO)
    assert proc.returncode == 0, proc.stderr
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    assert result["pages"] == 5 and result["task"] == "extraction"
    for name in ("newsfuse", "trafilatura"):
        figures = result[name]
        assert {"f1", "precision", "recall", "accuracy", "pages_per_s"} <= set(figures)
        assert 0.0 <= figures["f1"] <= 1.0 and figures["pages_per_s"] > 0
    assert result["newsfuse"]["f1"] > 0.8  # real text was extracted, not an empty body
    assert set(result["metadata_found"]) == {"title", "author", "published", "outlet"}
    assert result["failed"] == 0 and result["speed_vs_trafilatura"] > 0
