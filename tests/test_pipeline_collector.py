"""pipeline.analyse runs with the cyclic garbage collector held off, and leaves it as it found it; the
models load with no automatic collection at all, though spaCy's loader switches the collector on."""

from __future__ import annotations

import gc
import json
import os
import subprocess
import sys

import pytest

from newsfuse import actors, analysis, pipeline
from newsfuse.model import Article, Block, article_id
from newsfuse.workers import collections_held_off

BLOCKS = (Block("paragraph", "The foreign minister met the ambassador in Paris on Monday, officials said."),)
ARTICLE = Article(article_id(BLOCKS), "written.txt", "text", None, "2024-03-04", None, None, BLOCKS)


@pytest.fixture
def collector_seen(monkeypatch) -> list[bool]:
    """Whether the collector was on while the actors stage ran, for each article it linked."""
    pipeline.analyse([ARTICLE], with_embeddings=False)  # models loaded first (spaCy's loader switches it on)
    seen: list[bool] = []
    link = actors.link

    def linking(ann):
        seen.append(gc.isenabled())
        return link(ann)

    monkeypatch.setattr(actors, "link", linking)
    return seen


def test_the_collector_is_off_during_the_analysis_and_on_again_after_it(collector_seen):
    assert gc.isenabled()
    result = pipeline.analyse([ARTICLE], with_embeddings=False)
    assert collector_seen == [False]
    assert gc.isenabled()
    assert result[0].annotated.sentences  # the analysis itself ran as ever


def test_a_collector_switched_off_before_stays_off():
    gc.disable()
    try:
        pipeline.analyse([ARTICLE], with_embeddings=False)
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_the_collector_is_back_on_when_the_analysis_fails(monkeypatch):
    def failing(articles, batch_size=32):
        raise RuntimeError("parser down")

    monkeypatch.setattr(analysis.nlp, "annotate", failing)
    with pytest.raises(RuntimeError, match="parser down"):
        pipeline.analyse([ARTICLE], with_embeddings=False)
    assert gc.isenabled()


def _cycles(counted: list[int]) -> None:
    """Many objects in reference cycles, the collector switched on halfway (as srsly's msgpack reader
    does); ``counted`` gets the automatic collections that ran meanwhile."""
    seen: list[int] = []

    def count(phase, info):
        if phase == "start":
            seen.append(info["generation"])

    gc.callbacks.append(count)
    try:
        for k in range(50_000):
            a: list = [k]
            a.append(a)
            if k == 100:
                gc.enable()
    finally:
        gc.callbacks.remove(count)
    counted.append(len(seen))


def test_collections_held_off_hold_though_the_collector_is_switched_on_inside():
    before = gc.get_threshold()
    outside: list[int] = []
    _cycles(outside)
    assert outside[0] > 0  # the same objects, outside the block: collected as they come
    inside: list[int] = []
    with collections_held_off():
        with collections_held_off():  # a block inside another keeps them off until the outer one ends
            _cycles(inside)
        _cycles(inside)
    assert inside == [0, 0]
    assert gc.get_threshold() == before and gc.isenabled()


PREPARED = """
import gc, json
seen = []
gc.callbacks.append(lambda phase, info: seen.append(info["generation"]) if phase == "start" else None)
before = gc.get_threshold()
from newsfuse.analysis import prepare_analysis
imported = len(seen)
prepare_analysis(False)
print(json.dumps([len(seen) - imported, gc.get_threshold() == before, gc.isenabled(), gc.get_freeze_count()]))
"""


def test_the_models_load_with_no_collection_and_are_frozen_after():
    """A fresh process loading every stage's models (spaCy's reads its files through srsly, which switches the
    collector on after each): no automatic collection while they load, the thresholds as they were after,
    and what was loaded out of the collector's sight (frozen)."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in sys.path if p)}
    out = subprocess.run([sys.executable, "-c", PREPARED], check=True, capture_output=True, text=True, env=env)
    collections, thresholds_back, enabled, frozen = json.loads(out.stdout)
    assert collections == 0 and thresholds_back and enabled
    assert frozen > 100_000
