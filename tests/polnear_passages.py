"""PolNeAR articles from the shared corpus, cut to passages and linked as the actors benchmark reads them
(shared by the actor tests that read their own paragraphs)."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import SHARED

from newsfuse.actors import link
from newsfuse.model import AnnotatedArticle, Article, Block
from newsfuse.nlp import annotate

POLNEAR = SHARED / "corpus" / "quotes" / "polnear"


def polnear_article(split: str, prefix: str) -> str:
    found = sorted((POLNEAR / split / "text").glob(prefix + "*.txt"))
    if not found:
        pytest.skip("the shared PolNeAR corpus is not here")
    return Path(found[0]).read_text(encoding="utf-8")


def passage(text: str, first: str, last: str) -> str:
    """The article's words from ``first`` to the end of ``last``."""
    start = text.index(first)
    return text[start : text.index(last, start) + len(last)]


def linked(text: str, id_prefix: str) -> AnnotatedArticle:
    """PolNeAR's articles carry no date: the passage is linked as the benchmark reads those articles."""
    blocks = tuple(Block("paragraph", p) for p in text.split("\n\n"))
    (annotated,) = annotate([Article(id_prefix + text[:12], "test", "text", None, None, None, None, blocks)])
    return link(annotated)
