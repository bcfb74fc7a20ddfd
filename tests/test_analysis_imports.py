"""The analysis workers import the per-document analysis alone, not the reading, cleaning and dedup side,
nor the story clusterer (scipy's hierarchy) and the briefing, which only the ingest's own process runs."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from newsfuse import analysis, pipeline

READ_SIDE = ("newsfuse.pipeline", "newsfuse.clean", "newsfuse.ingest", "datasketch", "trafilatura")
STORIES_SIDE = ("newsfuse.stories.cluster", "newsfuse.stories.brief", "scipy")


def modules_after_import(module: str, among: tuple[str, ...] = READ_SIDE) -> set[str]:
    """The modules of ``among`` loaded in a fresh interpreter once ``module`` is imported."""
    code = f"import json, sys, {module}; print(json.dumps([m for m in {among!r} if m in sys.modules]))"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in sys.path if p)}
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True, env=env).stdout
    return set(json.loads(out))


def test_the_analysis_module_leaves_the_read_side_unimported():
    assert modules_after_import("newsfuse.analysis") == set()


def test_the_pipeline_still_reaches_the_read_side_and_the_analysis():
    assert modules_after_import("newsfuse.pipeline") == set(READ_SIDE)
    assert pipeline.analyse is analysis.analyse and pipeline.prepare_analysis is analysis.prepare_analysis


def test_the_analysis_module_leaves_the_clusterer_and_the_briefing_unimported():
    """The fork server of the workers imports the analysis: scipy (the clusterer's) was a third of a
    second of its CPU before any worker started."""
    assert modules_after_import("newsfuse.analysis", STORIES_SIDE) == set()
    assert modules_after_import("newsfuse.pipeline", STORIES_SIDE) == {"newsfuse.stories.cluster", "scipy"}
