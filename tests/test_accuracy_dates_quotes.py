"""Smoke tests: the dates and quotes accuracy scripts run on a few real records and report figures."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def run(script: str, *args: str) -> dict:
    proc = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "accuracy" / script), "--json", *args],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=ROOT,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    return json.loads(proc.stdout.strip().splitlines()[-1])


def test_dates_script_on_a_few_documents():
    out = run("dates.py", "--limit", "4", "--no-heideltime")
    assert out["documents"] == 4 and out["words"] > 0
    concrete = out["newsfuse"]["concrete"]
    assert concrete["n"] > 0 and 0.5 <= concrete["found"] <= 1 and 0 <= concrete["right"] <= concrete["found"]
    assert out["newsfuse_words_per_s"] > 0
    assert "heideltime" in out and "dateparser_gold_spans" in out
    folds = out["newsfuse_cv"]["folds"]
    assert len(folds) == 5 and sum(f["n"] for f in folds) == concrete["n"]  # every document in one fold
    assert out["newsfuse_cv"]["cv_right"] == concrete["right"]  # nothing fitted: cv = pooled
    for form in ("json", "text"):  # the same documents through read + clean
        assert out[f"ingest_{form}"]["n"] == concrete["n"] and out[f"ingest_{form}"]["found"] >= 0.5
        cleaner = out[f"ingest_{form}_cleaner"]
        assert cleaner["articles"] == 4 and cleaner["published_right"] == 4 and cleaner["titles_invented"] == 0


def test_quotes_script_on_a_few_documents():
    out = run("quotes.py", "--limit", "3")
    assert out["documents"] == 3
    scores = out["newsfuse"]
    assert scores["attributions"] > 0 and scores["reported"] > 0
    assert 0.5 <= scores["precision"] <= 1 and 0 < scores["recall"] <= scores["found"] <= 1
    assert "textacy_direct_quotations" in out
