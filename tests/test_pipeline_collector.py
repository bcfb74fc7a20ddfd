"""pipeline.analyse runs with the cyclic garbage collector held off, and leaves it as it found it."""

from __future__ import annotations

import gc

import pytest

from newsfuse import actors, analysis, pipeline
from newsfuse.model import Article, Block, article_id

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
