"""The grouping's shortcuts (distinct signatures, kept verdicts, fitting sets kept up to date) give
the clusters of the plain greedy rule: each mention, in the canonical order, joins the first
cluster with the best score among those whose every member it is compatible with."""

from __future__ import annotations

import random

import pytest
from conftest import drawn_mention

from newsfuse.model import EventMention
from newsfuse.stories import fuse as F

DATES = [None, "2025-11-10", "2025-11-11", "2025-11-12", "2025-11-14", "2025-W46", "2025-W47", "2025-11", "2025"]


def _mentions(rng: random.Random, n: int) -> list[EventMention]:
    return [drawn_mention(rng, f"m{i:04d}", f"a{i % 120}", ["CONSULT", "ASSAULT", "ACCUSE"], DATES) for i in range(n)]


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_the_grouping_equals_the_plain_greedy_rule_on_repetitive_stories(seed, plain_greedy_fusion):
    rng = random.Random(seed)
    mentions = _mentions(rng, 700)
    story_of = {f"a{i}": f"s{i % 3}" for i in range(120) if i % 11}  # three big stories, some articles in none
    got = [[m.id for m in c] for c in F.cluster_mentions(mentions, story_of)]
    assert got == plain_greedy_fusion(mentions, story_of)
    assert len(got) < len(mentions) // 2  # big clusters: signatures repeat, the shortcuts are exercised
