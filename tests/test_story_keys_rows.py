"""A story's index keys (the names, actors, places, event keys, top words and embedding buckets of every
member it ever had) on keys rows of their own beside its row (issue 17): an article joining a big story
looks up the keys it brings and writes the ones the story lacks, not the story's thousands; a merge or a
story's removal reads them all. The stories are those of one clusterer kept in memory; a store saved
before keys rows gets them once. SQLite and PostgreSQL."""

from __future__ import annotations

import sqlite3

import pytest
from conftest import as_saved_before_keys_rows, keys_rows, sqlite_file_at_version
from test_story_chunk_rows import _recorded, _reports, _save
from test_story_record_listed import LOOSE, _batches
from test_story_rows_packed import CONFIG, added_one_by_one_by_key
from test_story_state_rows import CHURN, _bridged, _three_events

from newsfuse.pipeline import STORIES_META, load_clusterer
from newsfuse.store import open_store
from newsfuse.store.sqlite import MIGRATIONS
from newsfuse.stories.cluster import StoryClusterer
from newsfuse.stories.packed import unpack

BRIDGING = {"threshold": 0.2, "merge_threshold": -10.0, "split_threshold": None}  # (``_bridged``: a merge)


def _kept_keys(clusterer: StoryClusterer) -> dict[str, list[str]]:
    return {s.id: sorted(s.keys) for s in clusterer.stories_list() if s.keys}


def test_a_join_looks_up_and_writes_only_the_keys_its_article_brings(any_store):
    items = _reports(40)
    kept = StoryClusterer(CONFIG)
    for item in items[:-1]:
        kept.add(item)
    (story,) = kept.stories_list()
    _save(any_store, StoryClusterer.from_bytes(kept.to_bytes()))
    assert "keys" not in unpack(any_store.cluster_story_rows([story.id])[story.id]).head
    before = set(keys_rows(any_store)[story.id])
    whole, among = _recorded(any_store, "cluster_story_keys"), _recorded(any_store, "cluster_story_keys_among")
    written = _recorded(any_store, "save_cluster_story_keys")
    opened = load_clusterer(any_store)
    assert opened.add(items[-1]) == kept.add(items[-1]) == story.id
    _save(any_store, opened)
    brought = set(kept.stories_list()[0].members[-1].keys)
    assert whole == [] and [(sid, set(keys)) for sid, keys in among] == [(story.id, brought)]
    assert brought - before and len(before) > 3 * len(brought)
    assert written == [({story.id: (False, sorted(brought - before))},)]
    kept.pop_changes()
    assert keys_rows(any_store) == _kept_keys(kept)
    assert load_clusterer(any_store).to_bytes() == kept.to_bytes()


@pytest.mark.parametrize("config, items", [(CHURN, _three_events()), (BRIDGING, _bridged())])
def test_stories_that_merge_split_and_move_by_key_keep_the_keys_rows_of_one_kept_clusterer(any_store, config, items):
    """Articles opened by key one at a time, stories merging or splitting on the way: the keys rows are
    those of the kept clusterer (a story merged away has none left)."""
    kept = StoryClusterer(config)
    _save(any_store, StoryClusterer(config))
    added_one_by_one_by_key(any_store, items, kept)
    assert keys_rows(any_store) == _kept_keys(kept)
    assert len(kept.stories_list()) < len({f"s-{i.article_id}" for i in items})  # stories merged or split


def test_a_store_saved_before_keys_rows_gets_them_once_and_makes_the_same_stories(any_store):
    items = [item for batch in _batches(10, 1) for item in batch]
    kept, saved = StoryClusterer(LOOSE), StoryClusterer(LOOSE)
    for item in items[:20]:
        assert saved.add(item) == kept.add(item)
    _save(any_store, saved)
    kept.pop_changes()
    kept.pop_moved()
    rows, keys = any_store.cluster_stories(), keys_rows(any_store)
    as_saved_before_keys_rows(any_store)
    assert keys_rows(any_store) == {} and all("keys" in unpack(r).head for r in any_store.cluster_stories().values())
    load_clusterer(any_store)
    assert any_store.cluster_stories() == rows and keys_rows(any_store) == keys
    assert StoryClusterer.keys_apart(any_store.get_state(STORIES_META) or b"")
    moved = _recorded(any_store, "cluster_story_ids")
    added_one_by_one_by_key(any_store, items[20:], kept)
    assert moved == []  # moved once
    assert keys_rows(any_store) == _kept_keys(kept)


def test_a_row_that_holds_its_keys_read_by_key_gives_them_to_its_keys_rows_at_its_next_save(any_store):
    """A row written with its keys into a store whose meta says keys are apart (by code from before, after
    the move) is read as it is, and its keys rows are written whole at its next change."""
    items = _reports(20)
    kept = StoryClusterer(CONFIG)
    for item in items[:-1]:
        kept.add(item)
    _save(any_store, StoryClusterer.from_bytes(kept.to_bytes()))
    meta = any_store.get_state(STORIES_META)
    as_saved_before_keys_rows(any_store)
    any_store.set_state(STORIES_META, meta or b"")
    added_one_by_one_by_key(any_store, items[-1:], kept)
    assert keys_rows(any_store) == _kept_keys(kept)


def test_a_sqlite_file_from_before_keys_rows_is_migrated_and_its_keys_moved_into_them(tmp_path):
    path, written = str(tmp_path / "old.db"), str(tmp_path / "new.db")
    clusterer = StoryClusterer(LOOSE)
    for item in [item for batch in _batches(6, 1) for item in batch]:
        clusterer.add(item)
    with open_store(written) as store:
        _save(store, clusterer)
        rows, keys = store.cluster_stories(), keys_rows(store)
        as_saved_before_keys_rows(store)
    version = next(v for v, script in enumerate(MIGRATIONS) if "TABLE cluster_story_keys" in script)
    sqlite_file_at_version(written, path, version)  # the file as the code before keys rows left it
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT name FROM sqlite_master WHERE name = 'cluster_story_keys'").fetchone() is None
    with open_store(path) as store:
        assert keys_rows(store) == {}
        load_clusterer(store)
        assert store.cluster_stories() == rows and keys_rows(store) == keys == _kept_keys(clusterer)
        assert load_clusterer(store).to_bytes() == clusterer.to_bytes()
