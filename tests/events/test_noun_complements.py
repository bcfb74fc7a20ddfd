"""A request noun is a request only with what is asked for (events/patterns.py ``completed``): "an
appeal for calm", "a plea to NATO to close the skies", "a demand that its fighters leave"; a
candidate's "appeal" with nothing asked for is his attraction (seen in a brief of PolNeAR train
articles: a status 'difference' between two such mentions). Sentences written for these tests."""

from __future__ import annotations

import pytest

from newsfuse.events import extract_events
from newsfuse.model import Article, Block
from newsfuse.nlp.pipeline import annotate

TEXTS = [
    "While the columnist acknowledges Donald Trump's appeal as a forceful persona, he prefers Chris Christie.",
    "Donald Trump's appeal to working-class voters in Ohio surprised Hillary Clinton's campaign.",
    "The UN secretary-general made an appeal for calm between Israel and Hamas on Monday.",
    "Ukraine's president issued a plea to NATO to close the skies over Kyiv on Monday.",
]


@pytest.fixture(scope="module")
def triggers() -> list[set[str]]:
    articles = [
        Article(f"n{i}", "", "text", None, "2024-03-08", None, None, (Block("paragraph", t),))
        for i, t in enumerate(TEXTS)
    ]
    return [
        {(m.trigger or "").split()[-1] for m in extract_events(a, None) if m.type == "REQUEST"}
        for a in annotate(articles)
    ]


def test_an_appeal_with_nothing_asked_for_is_no_request(triggers):
    assert "appeal" not in triggers[0] and "acknowledges" not in triggers[0]
    assert "appeal" not in triggers[1] and "surprised" not in triggers[1]


def test_a_request_noun_with_what_is_asked_is_coded(triggers):
    assert triggers[2] and triggers[3]
