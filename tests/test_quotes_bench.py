"""The quotes benchmark's split and error options: errors are listed on train only, grouped by cause."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "benchmarks" / "accuracy" / "quotes.py"


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(SCRIPT), "--no-textacy", *args], capture_output=True, text=True, timeout=300, cwd=ROOT
    )


def test_errors_are_refused_on_dev():
    for option in ("--errors", "--misses", "--breakdown"):
        proc = run(option, "3")  # dev is the default split
        assert proc.returncode == 2 and "train only" in proc.stderr, proc.stderr[-500:]


def test_errors_on_train_are_grouped_by_cause():
    proc = run("--split", "train", "--limit", "2", "--errors", "2")
    assert proc.returncode == 0, proc.stderr[-2000:]
    out = proc.stdout
    assert "polnear/train" in out
    causes = [line for line in out.splitlines() if line and not line.startswith(" ") and "(cues:" in line]
    assert causes, out[-2000:]
    known = ("not found", "cut short", "wrong speaker")
    assert all(line.startswith(known) for line in causes), causes
    assert "gold: " in out and "ours: " in out
