"""A newcomer's similarities to the story it joins are taken from its scoring, with exactly the values
``_pairs`` gives over the story's members (real ECB+ dev reports through the real stages)."""

from __future__ import annotations

import pytest
from conftest import ecbplus_dev_clusterer

TOPICS = ("18", "21", "34")
PER_TOPIC = 5


@pytest.fixture(scope="module")
def clusterer():
    return ecbplus_dev_clusterer(TOPICS, PER_TOPIC)


def test_join_sims_from_the_scoring_are_the_pairs_bit_for_bit(clusterer):
    stories = clusterer.stories_list()
    assert len(stories) >= 3 and any(len(s.members) > 1 for s in stories)
    reused = 0
    for newcomer in (stories[0].members[-1], stories[-1].members[0]):
        scored, parts = clusterer._scored(newcomer, stories)
        assert [s.id for s, _ in scored] == [s.id for s in stories] and set(parts) == {s.id for s in stories}
        for story in stories:
            assert clusterer._sims_to(newcomer, story, parts) == clusterer._pairs(newcomer, story.members)
            reused += len(story.members) <= int(clusterer.cfg["max_members"])
    assert reused  # the scoring's parts were used, not made again
