"""A new article's candidate stories are the ``max_candidates`` stories its index keys list most
often, ties broken by the stories' order. Only the orders of the stories that can be among them are
read (those listed at least as often as the ``max_candidates``-th most listed; in a big store a key
lists hundreds of stories): on real ECB+ dev reports, for every member's keys and several caps, the
candidates are those that ranking every listed story (the computation before, written out here as
the reference) gives, in the same order."""

from __future__ import annotations

from collections import Counter

import pytest
from conftest import ecbplus_dev_clusterer

from newsfuse.stories.cluster import StoryClusterer, _contenders

TOPICS = ("2", "5", "35")  # three ECB+ dev topics, several reports each
PER_TOPIC = 4


@pytest.fixture(scope="module")
def clusterer() -> StoryClusterer:
    """A clusterer that took real ECB+ dev reports of three topics through the real stages."""
    return ecbplus_dev_clusterer(TOPICS, PER_TOPIC)


def every_story_ranked(clusterer: StoryClusterer, keys: list[str], wanted: int) -> list[str]:
    """The candidates as they were chosen before: every story a key lists ranked by hits, then order."""
    hits: Counter = Counter()
    for key in keys:
        postings = clusterer.index.get(key, ())
        if len(postings) <= int(clusterer.cfg["max_postings"]):
            hits.update(postings)
    orders = {sid: clusterer._stories[sid].order for sid in hits}
    return sorted(hits, key=lambda sid: (-hits[sid], orders[sid]))[:wanted]


def test_the_candidates_are_those_that_ranking_every_listed_story_gives(clusterer):
    members = [m for story in clusterer.stories_list() for m in story.members]
    assert len(clusterer.stories_list()) >= 3 and len(members) >= 10
    cut = 0  # lookups where some listed stories could not be candidates (their orders not read)
    for wanted in (1, 2, 3, 16):
        clusterer.cfg["max_candidates"] = wanted
        for member in members:
            keys = list(member.keys)
            assert keys
            chosen = [story.id for story in clusterer._candidates(keys)]
            assert chosen == every_story_ranked(clusterer, keys, wanted), (wanted, member.article_id)
            hits = Counter(sid for key in keys for sid in clusterer.index.get(key, ()))
            cut += len(_contenders(hits, wanted)) < len(hits)
    assert cut > 0


def test_stories_tied_at_the_cut_are_all_contenders():
    hits = Counter({"a": 3, "b": 2, "c": 2, "d": 2, "e": 1})
    assert _contenders(hits, 2) == ["a", "b", "c", "d"]  # the second most is 2: every story with 2 may be it
    assert _contenders(hits, 1) == ["a"]
    assert _contenders(hits, 5) == list(hits)
    assert _contenders(hits, 9) == list(hits)
    assert _contenders(hits, 0) == []
