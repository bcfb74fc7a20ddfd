"""A story's add-only lists (its articles' ids, titles, dates and embeddings) in chunk rows beside its
row: an article joining a big story reads and writes the story's row and its last chunk only, the
other chunks are read only for a merge, a split, a move or the story's record, and the stories are
the ones a clusterer that reads every row whole makes; a store saved before chunk rows gets them once.
SQLite and PostgreSQL."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from typing import Any

import pytest
from conftest import sqlite_file_at_version
from test_story_rows_packed import CONFIG, _item, added_one_by_one_by_key

from newsfuse.pipeline import STORIES_META, load_clusterer, save_clusterer
from newsfuse.store import open_store
from newsfuse.store.base import Store
from newsfuse.store.sqlite import MIGRATIONS
from newsfuse.stories import StoryItem
from newsfuse.stories.cluster import CHUNK_ARTICLES, StoryClusterer, _story_packed
from newsfuse.stories.packed import pack


def _reports(n: int) -> list[StoryItem]:
    """Reports of one event: they make one story of more articles than two chunks hold."""
    return [_item("quake", k) for k in range(n)]


def _save(store: Store, clusterer: StoryClusterer) -> None:
    with store.transaction():
        save_clusterer(store, clusterer)


def _recorded(store: Store, method: str) -> list[tuple[Any, ...]]:
    """The arguments of every call of ``store.method``."""
    calls: list[tuple[Any, ...]] = []
    original: Callable[..., Any] = getattr(store, method)

    def recorded(*args: Any) -> Any:
        calls.append(args)
        return original(*args)

    setattr(store, method, recorded)
    return calls


def _biggest(clusterer: StoryClusterer) -> tuple[str, int]:
    story = max(clusterer.stories_list(), key=lambda s: len(s.article_ids))
    return story.id, len(story.article_ids)


def _all_but_the_last_added(n: int) -> tuple[StoryClusterer, list[StoryItem], str, int]:
    """A clusterer that took all but the last of ``n`` reports of one event, the reports, and its biggest
    story's id and size."""
    items = _reports(n)
    clusterer = StoryClusterer(CONFIG)
    for item in items[:-1]:
        clusterer.add(item)
    sid, size = _biggest(clusterer)
    return clusterer, items, sid, size


def test_a_join_reads_and_writes_the_story_row_and_its_last_chunk_only(any_store):
    kept, items, sid, n = _all_but_the_last_added(2 * CHUNK_ARTICLES + 8)
    assert n > 2 * CHUNK_ARTICLES
    saved = StoryClusterer.from_bytes(kept.to_bytes())
    _save(any_store, saved)
    read = _recorded(any_store, "cluster_story_chunks")
    written = _recorded(any_store, "save_cluster_stories")
    opened = load_clusterer(any_store)
    assert opened.add(items[-1]) == kept.add(items[-1]) == sid
    _save(any_store, opened)
    assert read == [({sid: n // CHUNK_ARTICLES},)]  # the chunk the new article goes in, and none before it
    [(rows, removed, _, _, chunks)] = written
    assert list(rows) == [sid] and removed == []
    assert {s: (count, list(changed)) for s, (count, changed) in chunks.items()} == {
        sid: (n // CHUNK_ARTICLES + 1, [n // CHUNK_ARTICLES])
    }
    kept.pop_changes()
    assert load_clusterer(any_store).to_bytes() == kept.to_bytes()
    (record,) = load_clusterer(any_store).stories_by_id([sid], {})
    (whole,) = kept.stories_by_id([sid], {})
    assert record == whole and len(record.article_ids) == n + 1


def test_articles_added_by_key_one_at_a_time_make_the_stories_of_one_kept_clusterer(any_store):
    """Two events' reports interleaved, opened by key for each: joins, merges, splits and moves read
    what they need and save what they changed; the stories and their records are the same."""
    items = [_item(event, k) for k in range(2 * CHUNK_ARTICLES) for event in ("quake", "vote")]
    kept = StoryClusterer(CONFIG)
    _save(any_store, StoryClusterer(CONFIG))
    added_one_by_one_by_key(any_store, items, kept)
    ids = [s.id for s in kept.stories_list()]
    assert load_clusterer(any_store).stories_by_id(ids, {}) == kept.stories_by_id(ids, {})


def test_a_story_whose_chunks_are_not_all_stored_is_not_read(any_store):
    clusterer, items, sid, _ = _all_but_the_last_added(2 * CHUNK_ARTICLES + 4)
    _save(any_store, clusterer)
    any_store.save_cluster_stories({}, [], chunks={sid: (1, {})})  # its chunks from 1 on lost
    with pytest.raises(ValueError, match=sid):
        load_clusterer(any_store).add(items[-1])
    with pytest.raises(ValueError, match=sid):
        load_clusterer(any_store).stories_by_id([sid], {})


def _as_saved_before_chunk_rows(store: Store, clusterer: StoryClusterer) -> None:
    """The store as code from before chunk rows leaves it: each story's row holding its lists, no chunk
    rows, its meta without their mark (``clusterer``: the one the store holds the stories of)."""
    meta = json.loads(store.get_state(STORIES_META) or b"{}")
    del meta["chunks"]
    stories = clusterer.stories_list()
    rows = {s.id: pack(_story_packed(s, clusterer._pos[s.id])) for s in stories}
    with store.transaction():
        recent = store.cluster_story_recents()
        chunks: dict[str, tuple[int, dict[int, bytes]]] = {s.id: (0, {}) for s in stories}
        store.save_cluster_stories(rows, [], {s.id: s.order for s in stories}, recent, chunks)
        store.set_state(STORIES_META, json.dumps(meta, sort_keys=True).encode("utf-8"))


def _chunk_rows(store: Store) -> dict[str, list[bytes]]:
    return store.cluster_story_chunks(dict.fromkeys(store.cluster_story_ids(), 0))


def test_a_store_saved_before_chunk_rows_gets_them_once_and_makes_the_same_stories(any_store):
    items = [_item(event, k) for k in range(2 * CHUNK_ARTICLES) for event in ("quake", "vote")]
    kept, saved = StoryClusterer(CONFIG), StoryClusterer(CONFIG)
    for item in items[:40]:
        assert saved.add(item) == kept.add(item)
    _save(any_store, saved)
    kept.pop_changes()
    rows, chunks = any_store.cluster_stories(), _chunk_rows(any_store)
    assert max(len(c) for c in chunks.values()) >= 2
    _as_saved_before_chunk_rows(any_store, saved)
    assert _chunk_rows(any_store) == {} and not StoryClusterer.rows_chunked(any_store.get_state(STORIES_META) or b"")
    load_clusterer(any_store)
    assert any_store.cluster_stories() == rows and _chunk_rows(any_store) == chunks
    assert StoryClusterer.rows_chunked(any_store.get_state(STORIES_META) or b"")
    chunked = _recorded(any_store, "cluster_story_ids")
    added_one_by_one_by_key(any_store, items[40:], kept)
    assert chunked == []  # split once


def test_a_sqlite_file_from_before_chunk_rows_is_migrated_and_its_stories_split_into_them(tmp_path):
    path, written = str(tmp_path / "old.db"), str(tmp_path / "new.db")
    clusterer = StoryClusterer(CONFIG)
    for item in _reports(2 * CHUNK_ARTICLES + 3):
        clusterer.add(item)
    with open_store(written) as store:
        _save(store, clusterer)
        rows, chunks = store.cluster_stories(), _chunk_rows(store)
        _as_saved_before_chunk_rows(store, clusterer)
    version = next(v for v, script in enumerate(MIGRATIONS) if "TABLE cluster_story_chunks" in script)
    sqlite_file_at_version(written, path, version)  # the file as the code before the chunk rows left it
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT name FROM sqlite_master WHERE name = 'cluster_story_chunks'").fetchone() is None
    with open_store(path) as store:
        assert _chunk_rows(store) == {}
        load_clusterer(store)
        assert store.cluster_stories() == rows and _chunk_rows(store) == chunks
        assert load_clusterer(store).to_bytes() == clusterer.to_bytes()
