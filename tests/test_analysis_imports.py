"""The analysis workers import the per-document analysis alone, not the reading, cleaning and dedup side."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from newsfuse import analysis, pipeline

READ_SIDE = ("newsfuse.pipeline", "newsfuse.clean", "newsfuse.ingest", "datasketch", "trafilatura")


def modules_after_import(module: str) -> set[str]:
    """The modules of READ_SIDE loaded in a fresh interpreter once ``module`` is imported."""
    code = f"import json, sys, {module}; print(json.dumps([m for m in {READ_SIDE!r} if m in sys.modules]))"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in sys.path if p)}
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True, env=env).stdout
    return set(json.loads(out))


def test_the_analysis_module_leaves_the_read_side_unimported():
    assert modules_after_import("newsfuse.analysis") == set()


def test_the_pipeline_still_reaches_the_read_side_and_the_analysis():
    assert modules_after_import("newsfuse.pipeline") == set(READ_SIDE)
    assert pipeline.analyse is analysis.analyse and pipeline.prepare_analysis is analysis.prepare_analysis
