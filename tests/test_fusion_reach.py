"""The reach of the fusion keys (incremental fusion's block) covers every pair of mentions in different
stories that fusion may group: same key, and days no further apart than ``fusion_reach_days()``."""

from __future__ import annotations

import itertools

from conftest import event_mention

from newsfuse.model import ActorRef, EventMention
from newsfuse.stories import fuse as F
from newsfuse.stories import fusion_keys, fusion_reach_days
from newsfuse.stories.dates import day_range

PUTIN = ActorRef("Vladimir Putin", "RUS", "GOV", "President", "person:putin")
ERDOGAN = ActorRef("Recep Tayyip Erdogan", "TUR", "GOV", "President", "person:erdogan")
DATES = [  # (value, precision): two days a day apart, three days apart, their week, month and year
    ("2025-11-15", "day"),
    ("2025-11-16", "day"),
    ("2025-11-18", "day"),
    ("2025-W46", "week"),
    ("2025-11", "month"),
    ("2025-12", "month"),
    ("2025", "year"),
]


def mention(i: int, kind: str, sides: tuple, date: tuple[str, str]) -> EventMention:
    return event_mention(
        id=f"m{i}",
        article_id=f"a{i}",
        type=kind,
        source_actors=sides[0],
        target_actors=sides[1],
        date=date[0],
        date_precision=date[1],
        sentence="They met.",
        end=9,
    )


def all_mentions() -> list[EventMention]:
    sides = [((PUTIN,), (ERDOGAN,)), ((ERDOGAN,), (PUTIN,)), ((PUTIN,), ())]
    combos = itertools.product(["CONSULT", "ACCUSE"], sides, DATES)
    return [mention(i, kind, side, date) for i, (kind, side, date) in enumerate(combos)]


def gap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(a[0] - b[1], b[0] - a[1], 0)


def test_mentions_of_different_stories_fuse_only_within_the_reach_of_a_shared_key():
    mentions = all_mentions()
    story_of = {m.article_id: f"s{i % 2}" for i, m in enumerate(mentions)}
    reach = fusion_reach_days()
    fused_pairs = 0
    for m, n in itertools.permutations(mentions, 2):
        if story_of[m.article_id] == story_of[n.article_id] or not F.compatible(m, n, story_of):
            continue
        fused_pairs += 1
        keys_m, keys_n = fusion_keys([m]), fusion_keys([n])
        assert keys_m and keys_n and keys_m[0][0] == keys_n[0][0], (m, n)
        assert gap(keys_m[0][1:], keys_n[0][1:]) <= reach, (m.date, n.date)
        assert m.date == n.date and m.date_precision == "day"  # a week, month or year matches nothing
    assert fused_pairs > 0  # the same stated day, in both orders


def test_different_days_a_day_apart_are_out_of_reach_across_stories():
    """A reach of one day or more would put the next day's mention of the same key in the block."""
    day, next_day = day_range("2025-11-15"), day_range("2025-11-16")
    assert day is not None and next_day is not None
    assert gap(day, next_day) > fusion_reach_days()
