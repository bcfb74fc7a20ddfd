"""A pronoun object fills the recipient's slot: the coder does not resolve it, and no actor deeper in
the clause stands in for it (seen in ECB+ train: letters 'urging them to overturn the last-minute Bush
rule change' coded as a request to Bush). Sentences written here."""

from __future__ import annotations

import pytest

from newsfuse.model import Article, Block
from newsfuse.pipeline import analyse


def _mentions(sentence: str):
    article = Article("p1", "p1.json", "json", None, "2026-03-12", None, None, (Block("paragraph", sentence),))
    [result] = analyse([article], with_embeddings=False)
    return result.mentions


@pytest.mark.parametrize(
    "sentence",
    [
        "Egypt urged them to accept the ceasefire proposed by Qatar.",
        "The ministers sent letters to both agencies urging them to overturn the last-minute Bush rule change.",
    ],
)
def test_no_deeper_actor_becomes_the_recipient_of_a_pronoun_object(sentence):
    for m in _mentions(sentence):
        assert not {a.name for a in m.target_actors} & {"Qatar", "George W. Bush"}, (m.type, m.target_actors)


def test_a_named_object_is_still_the_recipient():
    [m] = [
        m for m in _mentions("The United States urged Israel to halt settlement construction.") if m.type == "REQUEST"
    ]
    assert [a.name for a in m.target_actors] == ["Israel"]
