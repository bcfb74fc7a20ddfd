"""The grouping's shortcuts (distinct signatures, kept verdicts, fitting sets kept up to date) give
the clusters of the plain greedy rule: each mention, in the canonical order, joins the first
cluster with the best score among those whose every member it is compatible with."""

from __future__ import annotations

import random

import pytest

from newsfuse.model import ActorRef, EventMention
from newsfuse.stories import fuse as F

PEOPLE = [ActorRef(f"Person {i}", "AAA", "GOV", None, f"p{i}") for i in range(5)]
DATES = [None, "2025-11-10", "2025-11-11", "2025-11-12", "2025-11-14", "2025-W46", "2025-W47", "2025-11", "2025"]
PRECISION = {10: "day", 8: "week", 7: "month", 4: "year"}


def _mentions(rng: random.Random, n: int) -> list[EventMention]:
    out = []
    for i in range(n):
        actors = tuple(rng.sample(PEOPLE, rng.choice([0, 1, 1, 2, 2, 3])))
        date = rng.choice(DATES)
        out.append(
            EventMention(
                id=f"m{i:04d}",
                article_id=f"a{i % 120}",
                type=rng.choice(["CONSULT", "ASSAULT", "ACCUSE"]),
                mode=rng.choice([None, None, "phone"]),
                cameo=None,
                source_actors=actors[:1],
                target_actors=actors[1:],
                date=date,
                date_precision=PRECISION[len(date)] if date else None,
                status="occurred",
                topics=(),
                sentence="s",
                start=0,
                end=1,
                symmetric=rng.random() < 0.3,
            )
        )
    return out


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_the_grouping_equals_the_plain_greedy_rule_on_repetitive_stories(seed, plain_greedy_fusion):
    rng = random.Random(seed)
    mentions = _mentions(rng, 700)
    story_of = {f"a{i}": f"s{i % 3}" for i in range(120) if i % 11}  # three big stories, some articles in none
    got = [[m.id for m in c] for c in F.cluster_mentions(mentions, story_of)]
    assert got == plain_greedy_fusion(mentions, story_of)
    assert len(got) < len(mentions) // 2  # big clusters: signatures repeat, the shortcuts are exercised
