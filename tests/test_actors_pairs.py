"""Pair anaphors ("both sides", "the two men", "both governments") on parsed text: when they point back to
two actors, and which two."""

from __future__ import annotations

import pytest

PAIRS = {
    "sides_subject": "Armenia and Azerbaijan met in Geneva. Both sides agreed to talk again.",
    "correlative": (
        "Hillary Clinton won in Virginia, while Bernie Sanders won in Vermont. Clinton led among both men and women."
    ),
    "partitive": "Paul Ryan met Donald Trump on Thursday. The group backs candidates on both sides of the aisle.",
    "camps": (
        "Hillary Clinton attacked Donald Trump on Monday. As the charges intensify on both sides, voters appear tired."
    ),
    "possessor": (
        "The foreign ministers of Portugal and Indonesia met in Lisbon on Wednesday. Indonesian officials praised "
        "the talks. The ministers discussed Kenya's plan for a fund, which both governments said they would support."
    ),
}


@pytest.fixture(scope="module")
def pairs(linked_sentences):
    return linked_sentences(PAIRS)


def resolved(ann, words: str) -> set[str | None]:
    return {m.actor.country for m in ann.actors if not m.bare and m.text.lower() == words}


def test_both_sides_as_subject_is_the_pair_just_named(pairs):
    assert resolved(pairs["sides_subject"], "both sides") == {"ARM", "AZE"}


@pytest.mark.parametrize(
    "key,words", [("correlative", "both men"), ("partitive", "both sides"), ("camps", "both sides")]
)
def test_no_pair_where_the_words_name_no_two_actors(pairs, key, words):
    assert resolved(pairs[key], words) == set()


def test_the_owner_of_what_the_pair_acts_on_is_not_one_of_them(pairs):
    assert resolved(pairs["possessor"], "both governments") == {"PRT", "IDN"}
