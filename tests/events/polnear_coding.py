"""What the events trust tests share: a sentence of a PolNeAR train article or a gsr-dev record's text read
from ../shared (the test is skipped where the corpus is absent), and a sentence analysed and coded as an article
of its own."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from newsfuse.events import RuleExtractor
from newsfuse.model import Article, Block
from newsfuse.pipeline import analyse

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "benchmarks" / "accuracy"))
import events as bench  # noqa: E402

GSR_DEV = ROOT / ".." / "shared" / "corpus" / "events" / "plover" / "gsr-dev.jsonl"


def polnear_sentence(name: str, words: str) -> str:
    """The sentence of the PolNeAR train article ``name`` that holds ``words``."""
    return bench.polnear_sentence(name, words) or pytest.skip("the PolNeAR corpus is not in ../shared")


def gsr_text(record_id: str) -> str:
    """The text of the gsr-dev record ``record_id``."""
    if not GSR_DEV.exists():
        pytest.skip("gsr-dev is not in ../shared")
    for line in GSR_DEV.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        if record["id"] == record_id:
            return str(record["text"])
    raise LookupError(record_id)


def analysed(sentence: str, date: str | None = None):
    """The sentence analysed as the one paragraph of an article published on ``date``."""
    article = Article("r1", "r1.json", "json", None, date, None, None, (Block("paragraph", sentence),))
    [result] = analyse([article], with_embeddings=False)
    return result


def candidates(sentence: str, date: str | None = None):
    """Every act the coder finds in the sentence, with its evidence, before any is dropped."""
    return RuleExtractor().candidates(analysed(sentence, date).annotated)


def coded(sentence: str, date: str | None = None):
    """The event mentions the coder keeps for the sentence analysed as an article of its own."""
    return RuleExtractor().extract(analysed(sentence, date).annotated)


def names(actors) -> set[str]:
    """The names of these actors."""
    return {a.name for a in actors}
