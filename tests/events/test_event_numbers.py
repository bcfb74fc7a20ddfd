"""Counts on an event: a number in a date ("On March 3") counts no one (seen in an ECB+ train brief:
'Request (Barack Obama – ...): protesters: 3'). Sentences written here."""

from __future__ import annotations

from newsfuse.model import Article, Block
from newsfuse.pipeline import analyse


def _mentions(sentence: str):
    article = Article("n1", "n1.json", "json", None, "2009-04-28", None, None, (Block("paragraph", sentence),))
    [result] = analyse([article], with_embeddings=False)
    return result.mentions


def test_a_day_of_march_is_no_count_of_marchers():
    mentions = _mentions(
        "On March 3, President Obama directed the Commerce and Interior departments to review the rule."
    )
    assert mentions and all("protesters" not in m.numbers for m in mentions)


def test_a_count_of_protesters_is_kept():
    [m] = [m for m in _mentions("Some 3,000 protesters marched on the parliament in Kiev on Sunday, police said.")]
    assert m.numbers == {"protesters": 3000}
