"""A story's title from a few kept candidates (issue 17): a join scores the kept candidates and the new
member against the story's new centre, and the title is picked from all members only while the story
fits in one chunk and whenever its article count reaches a power of two, so that a join to a big story
reads its last chunk only. A story built article by article through a store has the same title as one
kept in memory. SQLite and PostgreSQL."""

from __future__ import annotations

import numpy as np
from test_story_chunk_rows import _recorded, _reports, _save
from test_story_rows_packed import added_one_by_one_by_key

from newsfuse.pipeline import load_clusterer
from newsfuse.stories.cluster import CHUNK_ARTICLES, TITLE_CANDIDATES, StoryClusterer
from newsfuse.stories.config import load

ONE_STORY = {"threshold": 0.1, "merge_threshold": 0.0, "split_threshold": None}  # never split: one story
SIZE = 4 * CHUNK_ARTICLES + 6  # past the powers of two 32 and 64


def _score(emb: np.ndarray, title: str, centre: np.ndarray) -> float:
    """The title rule as documented: closeness to the centre, 2 more for a headline, -2 for no title."""
    if not title:
        return -2.0
    headline = len(title.split()) <= load("clustering.yaml")["headline_max_words"]
    return float(emb.astype(np.float32) @ centre) + 2.0 * headline


def _best(candidates: list[tuple[str, str, np.ndarray]], centre: np.ndarray) -> list[tuple[str, str, np.ndarray]]:
    ranked = sorted(range(len(candidates)), key=lambda k: (-_score(candidates[k][2], candidates[k][1], centre), k))
    return [candidates[k] for k in ranked[:TITLE_CANDIDATES]]


def _expected_titles(clusterer: StoryClusterer, n: int) -> list[tuple[str, str]]:
    """For each article count 1..n of a one-story clusterer fed ``_reports(n)``: (the title from all
    members, the title the rule gives)."""
    out, members, kept = [], [], []
    total = np.zeros_like(clusterer._member(_reports(1)[0]).emb, dtype=np.float32)
    for item in _reports(n):
        emb = clusterer._member(item).emb
        members.append((item.article_id, item.title, emb))
        total = total + emb.astype(np.float32)
        centre = total / (np.linalg.norm(total) or 1.0)
        count = len(members)
        exact = count <= CHUNK_ARTICLES or count & (count - 1) == 0
        kept = _best(members if exact else [*kept, members[-1]], centre)
        out.append((_best(members, centre)[0][1], kept[0][1]))
    return out


def test_the_title_is_picked_from_all_members_while_small_and_at_each_power_of_two_else_from_the_kept():
    clusterer = StoryClusterer(ONE_STORY)
    expected = _expected_titles(StoryClusterer(ONE_STORY), SIZE)
    for count, item in enumerate(_reports(SIZE), start=1):
        sid = clusterer.add(item)
        (record,) = clusterer.stories_by_id([sid], {})
        assert len(record.article_ids) == count
        exact, kept = expected[count - 1]
        assert record.title == kept
        if count <= CHUNK_ARTICLES or count & (count - 1) == 0:
            assert record.title == exact
    assert len({kept for _, kept in expected[CHUNK_ARTICLES:]}) > 1  # the title moves with the centre


def test_a_story_built_by_key_has_the_title_of_one_kept_in_memory_and_a_join_reads_all_chunks_only_at_a_power_of_two(
    any_store,
):
    items = _reports(SIZE)
    kept = StoryClusterer(ONE_STORY)
    _save(any_store, StoryClusterer(ONE_STORY))
    added_one_by_one_by_key(any_store, items[:-CHUNK_ARTICLES], kept)  # up to 54: past 32
    read = _recorded(any_store, "cluster_story_chunks")
    added_one_by_one_by_key(any_store, items[-CHUNK_ARTICLES:], kept)  # 55 to 70: through 64
    [sid] = [s.id for s in kept.stories_list()]
    calls = iter(read)
    for count in range(SIZE - CHUNK_ARTICLES + 1, SIZE + 1):
        before = count - 1
        assert next(calls) == ({sid: before // CHUNK_ARTICLES},)  # the chunk the new article goes in
        if count & (count - 1) == 0:
            assert next(calls) == ({sid: 0},)  # the title from all members
    assert next(calls, None) == ({sid: 0},)  # added_one_by_one_by_key's last check reads all (to_bytes)
    assert load_clusterer(any_store).stories_by_id([sid], {}) == kept.stories_by_id([sid], {})


def test_a_story_saved_without_title_candidates_picks_from_all_members_at_its_next_join(any_store):
    items = _reports(3 * CHUNK_ARTICLES)
    kept, saved = StoryClusterer(ONE_STORY), StoryClusterer(ONE_STORY)
    for item in items[:-1]:
        assert saved.add(item) == kept.add(item)
    for story in saved.stories_list():
        story.title_pick = []  # as a row saved before candidates were kept
    _save(any_store, saved)
    read = _recorded(any_store, "cluster_story_chunks")
    opened = load_clusterer(any_store)
    sid = opened.add(items[-1])
    assert kept.add(items[-1]) == sid
    assert read == [({sid: 2},), ({sid: 0},)]
    assert opened.stories_by_id([sid], {}) == kept.stories_by_id([sid], {})
    assert [c[:2] for c in opened._stories[sid].title_pick] == [c[:2] for c in kept._stories[sid].title_pick]
