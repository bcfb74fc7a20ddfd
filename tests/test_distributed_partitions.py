"""The Dask runner's analysis partitions: sent in input order while articles are admitted, the last round
short and shared out so that every worker ends on a small task."""

from __future__ import annotations

import pytest

from newsfuse.distributed import (
    PARTITION_ARTICLES,
    STORE_ARTICLES,
    TAIL_ARTICLES,
    full_partitions,
    last_round,
    store_round_end,
)


def partitions_as_admitted(admitted_per_read: list[int], slots: int) -> list[list[int]]:
    """What the runner sends when each read task admits these many articles: full partitions as they
    may go, then the last round."""
    pending: list[int] = []
    sent: list[list[int]] = []
    done = 0
    for count in admitted_per_read:
        pending += range(len(pending), len(pending) + count)
        for batch in full_partitions(pending[done:], slots):
            sent.append(batch)
            done += len(batch)
    return sent + last_round(pending[done:], slots)


CASES = [([8] * 50, 2), ([8] * 50 + [1], 2), ([1] * 33, 4), ([0, 3], 8), ([17], 1), ([1], 2), ([40, 0, 0, 400], 3)]


@pytest.mark.parametrize("admitted, slots", CASES)
def test_partitions_keep_input_order_and_end_with_a_short_shared_round(admitted, slots):
    parts = partitions_as_admitted(admitted, slots)
    assert [x for p in parts for x in p] == list(range(sum(admitted)))
    full = [p for p in parts if len(p) == PARTITION_ARTICLES]
    tail = parts[len(full) :]
    assert all(len(p) == PARTITION_ARTICLES for p in parts[: len(full)])  # the full ones come first
    assert all(1 <= len(p) <= TAIL_ARTICLES for p in tail)
    assert len(tail) % slots == 0 or len(tail) == sum(len(p) for p in tail)  # every worker in the last round
    assert max(len(p) for p in tail) - min(len(p) for p in tail) <= 1


def test_full_partitions_go_as_soon_as_a_last_round_is_held_back():
    slots = 2
    held = slots * TAIL_ARTICLES
    assert full_partitions(list(range(PARTITION_ARTICLES + held - 1)), slots) == []
    assert full_partitions(list(range(PARTITION_ARTICLES + held)), slots) == [list(range(PARTITION_ARTICLES))]
    # 400 generated articles on 2 workers: 24 full partitions, then two of 8 (26 store transactions, as before)
    parts = partitions_as_admitted([8] * 50, 2)
    assert [len(p) for p in parts] == [PARTITION_ARTICLES] * 24 + [8, 8]


def test_a_store_round_takes_the_analysed_partitions_after_the_first_in_order_up_to_its_size():
    sizes = [PARTITION_ARTICLES] * 6 + [TAIL_ARTICLES] * 2
    ready = [True, True, False, True, True, True, True, True]
    assert store_round_end(sizes, ready, 0) == 2  # the third is not analysed yet: the round stops before it
    assert store_round_end(sizes, ready, 2) == 2 + STORE_ARTICLES // PARTITION_ARTICLES  # at most STORE_ARTICLES
    assert store_round_end(sizes, ready, 6) == 8  # the last round's short partitions together
    assert store_round_end(sizes, [False] * 8, 3) == 4  # the one waited for alone when nothing else is in
    rounds, first = [], 0
    while first < len(sizes):
        rounds.append((first, store_round_end(sizes, [True] * 8, first)))
        first = rounds[-1][1]
    assert rounds[0][0] == 0 and rounds[-1][1] == len(sizes)  # every partition once, in order
    assert all(a[1] == b[0] for a, b in zip(rounds, rounds[1:]))
    assert all(sum(sizes[a:b]) <= STORE_ARTICLES for a, b in rounds)
