"""Which dates of a sentence date an event mention (stories/coref.py ``trigger_dates``): the date in
the trigger's own clause, not one that dates another event of the sentence; on sentences written
for these tests."""

from __future__ import annotations

import dataclasses

import pytest

from newsfuse.model import Article, Block
from newsfuse.nlp.pipeline import annotate
from newsfuse.stories.coref import AnyMention, allowed, trigger_dates

SENTENCES = [
    "A jury on Tuesday convicted a man charged in the shooting of two clerks.",
    "A man shot two clerks on Monday at a store in Troy, police said.",
    "The suspect, who was arrested on Wednesday, shot two clerks at a store.",
    "He was arrested on Monday and charged on Thursday.",
]


@pytest.fixture(scope="module")
def parsed():
    articles = [
        Article(f"d{i}", "", "text", None, "2024-03-08", None, None, (Block("paragraph", text),))
        for i, text in enumerate(SENTENCES)
    ]
    return annotate(articles)


def dates_of(annotated, word: str) -> frozenset[str]:
    head = next(t for t in annotated.tokens if t.text == word)
    return trigger_dates(annotated.tokens, head, annotated.dates)


def test_a_date_of_another_clause_does_not_date_the_trigger(parsed):
    convicted, shot, arrested_first, _ = parsed
    assert dates_of(convicted, "convicted") == {"2024-03-05"}
    assert dates_of(convicted, "shooting") == frozenset()
    assert dates_of(arrested_first, "shot") == frozenset()  # Wednesday dates the arrest (a relative clause)
    assert dates_of(arrested_first, "arrested") == {"2024-03-06"}


def test_the_trigger_own_date_is_kept(parsed):
    assert dates_of(parsed[1], "shot") == {"2024-03-04"}


def test_coordinated_events_keep_their_own_dates(parsed):
    both = parsed[3]
    assert dates_of(both, "arrested") == {"2024-03-04"}
    assert dates_of(both, "charged") == {"2024-03-07"}


def test_only_the_trigger_dates_keep_two_mentions_apart(parsed):
    # the shooting of the jury sentence may be the Monday shooting: the conviction's Tuesday is no conflict
    jury = AnyMention("m1", "s1", "shooting", dates=dates_of(parsed[0], "shooting"), article="a1")
    report = AnyMention("m2", "s1", "shoot", dates=dates_of(parsed[1], "shot"), article="a2")
    assert allowed(jury, report)
    arrest = AnyMention("m3", "s1", "arrest", dates=dates_of(parsed[3], "arrested"), article="a3")
    charge = AnyMention("m4", "s1", "charge", dates=dates_of(parsed[3], "charged"), article="a3")
    assert not allowed(arrest, charge)


def test_dates_a_day_apart_do_not_keep_two_mentions_of_one_story_apart():
    sunday = AnyMention("m1", "s1", "shoot", dates=frozenset({"2024-03-03"}), article="a1")
    monday = AnyMention("m2", "s1", "shoot", dates=frozenset({"2024-03-04"}), article="a2")
    wednesday = AnyMention("m3", "s1", "shoot", dates=frozenset({"2024-03-06"}), article="a3")
    assert allowed(sunday, monday)
    assert not allowed(sunday, wednesday)
    assert not allowed(dataclasses.replace(monday, story="s2"), sunday)
