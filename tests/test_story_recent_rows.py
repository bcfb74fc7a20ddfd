"""Candidate stories scored from their recent rows (the recent members a new article is compared
with, the members' similarities, the story's order and size: a third of a story row), the whole row
read only for a story that changes: the same stories as a clusterer that reads every candidate whole;
a store saved by code from before the recent rows gets them once. SQLite and PostgreSQL."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from typing import Any

import numpy as np
from conftest import bare_story_item, sqlite_file_at_version
from test_story_rows_packed import CONFIG, _assert_same, _item, added_one_by_one_by_key, whole_row

from newsfuse.pipeline import STORIES_META, load_clusterer, save_clusterer
from newsfuse.store import open_store
from newsfuse.store.base import Store
from newsfuse.store.sqlite import MIGRATIONS
from newsfuse.stories import StoryItem
from newsfuse.stories.cluster import StoryClusterer, _article_count, _fill, _partial_row


def _grown_items() -> list[StoryItem]:
    """Reports of two events, more of each than a story's recent members."""
    return [_item(event, k) for k in range(16) for event in ("quake", "vote")]


def _clustered(items: list[StoryItem]) -> StoryClusterer:
    clusterer = StoryClusterer(CONFIG)
    for item in items:
        clusterer.add(item)
    return clusterer


def _save(store: Store, clusterer: StoryClusterer) -> None:
    with store.transaction():
        save_clusterer(store, clusterer)


def _calls(store: Store, method: str) -> list[list[str]]:
    """The story ids of every call of ``store.method``."""
    calls: list[list[str]] = []
    original: Callable[..., Any] = getattr(store, method)

    def counted(story_ids: Any) -> Any:
        calls.append(sorted(story_ids))
        return original(story_ids)

    setattr(store, method, counted)
    return calls


def test_a_story_read_from_its_recent_row_then_whole_is_the_story_its_row_gives():
    clusterer = _clustered(_grown_items())
    changes = clusterer.pop_changes()
    kept = int(clusterer.cfg["max_members"])
    assert any(len(whole_row(changes, sid)[1].members) > kept for sid in changes.stories)
    assert changes.recent.keys() == changes.stories.keys()
    for sid, row in changes.stories.items():
        pos, whole = whole_row(changes, sid)
        at, partial = _partial_row(changes.recent[sid])
        assert at == pos and partial.partial and partial.id == sid and partial.order == whole.order
        assert _article_count(partial) == len(whole.article_ids) and partial.article_ids == []
        _assert_same(partial.members, whole.members[-kept:], sid)
        n = len(partial.members)
        assert partial.sims.shape == whole.sims.shape and partial.sims_at == whole.sims_at
        recent_sims, whole_sims = partial.sims[-n:, -n:], whole.sims[-n:, -n:]
        assert np.array_equal(recent_sims, whole_sims)
        assert recent_sims.sum().tobytes() == whole_sims.sum().tobytes()  # (cohesion's sum, to the last bit)
        assert recent_sims.sum(axis=1).tobytes() == whole_sims.sum(axis=1).tobytes()  # (_weakest's)
        assert len(changes.recent[sid]) < len(row)  # (without the older members)
        recent = list(partial.members)
        _fill(partial, whole_row(changes, sid)[1])
        assert not partial.partial and all(a is b for a, b in zip(partial.members[-kept:], recent))
        _assert_same(partial, whole, sid)


def test_candidates_are_scored_from_recent_rows_and_only_the_joined_story_is_read_whole(any_store):
    """A new article shares a word with every story: four are scored, one joined; the store's story
    rows read are the joined story's alone, and the stories are those of a clusterer kept in memory."""
    kept = StoryClusterer()
    for i in range(40):
        for k in range(2):
            kept.add(bare_story_item(f"a{i}-{k}", {f"word{i}": 2, f"thing{i}": 1, "report": 1}, (f"person{i}",)))
    _save(any_store, kept)
    whole = _calls(any_store, "cluster_story_rows")
    recent = _calls(any_store, "cluster_story_recent_rows")
    opened = load_clusterer(any_store)
    new = bare_story_item("new", {"word7": 2, "thing7": 1, "report": 1}, ("person7",))
    assert opened.add(new) == kept.add(new) == "s-a7-0"
    assert whole == [["s-a7-0"]]
    [candidates] = recent
    assert "s-a7-0" in candidates and len(candidates) == 4
    assert opened.pop_moved() == kept.pop_moved()
    _save(any_store, opened)
    assert load_clusterer(any_store).to_bytes() == kept.to_bytes()


def _as_saved_before_recent_rows(store: Store, stale: dict[str, bytes]) -> None:
    """The store as code from before the recent rows leaves it: its meta without their mark, and the
    recent rows of a save before its own (``stale``: what the newer code wrote before the older saved)."""
    meta = json.loads(store.get_state(STORIES_META) or b"{}")
    del meta["recent_rows"]
    with store.transaction():
        store.save_cluster_recent_rows({sid: None for sid in store.cluster_story_recents()})
        store.save_cluster_recent_rows(stale)
        store.set_state(STORIES_META, json.dumps(meta, sort_keys=True).encode("utf-8"))


def test_a_store_saved_before_recent_rows_gets_them_once_and_makes_the_same_stories(any_store):
    items = _grown_items()
    kept, saved = StoryClusterer(CONFIG), StoryClusterer(CONFIG)
    for item in items[:6]:
        assert saved.add(item) == kept.add(item)
    _save(any_store, saved)
    stale = any_store.cluster_story_recents()
    for item in items[6:20]:
        assert saved.add(item) == kept.add(item)
    _save(any_store, saved)
    kept.pop_changes()
    fresh = any_store.cluster_story_recents()
    assert any(stale[sid] != row for sid, row in fresh.items() if sid in stale)
    _as_saved_before_recent_rows(any_store, stale)
    assert not StoryClusterer.has_recent_rows(any_store.get_state(STORIES_META) or b"{}")

    load_clusterer(any_store)
    assert any_store.cluster_story_recents() == fresh
    assert StoryClusterer.has_recent_rows(any_store.get_state(STORIES_META) or b"{}")
    added_one_by_one_by_key(any_store, items[20:], kept)
    assert sorted(any_store.cluster_story_recents()) == sorted(any_store.cluster_stories())


def test_a_sqlite_file_from_before_recent_rows_is_migrated_and_its_stories_get_them(tmp_path):
    path, written = str(tmp_path / "old.db"), str(tmp_path / "new.db")
    with open_store(written) as store:
        _save(store, _clustered(_grown_items()[:10]))
        rows = store.cluster_stories()
    recent = next(v for v, script in enumerate(MIGRATIONS) if "TABLE cluster_story_recent" in script)
    sqlite_file_at_version(written, path, recent)  # the file as the code before the recent rows left it
    with sqlite3.connect(path) as conn:
        meta = json.loads(conn.execute("SELECT value FROM state WHERE key = ?", (STORIES_META,)).fetchone()[0])
        del meta["recent_rows"]
        conn.execute("UPDATE state SET value = ? WHERE key = ?", (json.dumps(meta).encode(), STORIES_META))
    with open_store(path) as store:
        assert store.cluster_story_recents() == {}
        load_clusterer(store)
        assert sorted(store.cluster_story_recents()) == sorted(rows) and store.cluster_stories() == rows
