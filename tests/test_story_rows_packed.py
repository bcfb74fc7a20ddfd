"""Story rows saved packed (the numbers as arrays, not JSON text): read back, a row is the story the
compressed JSON row written before gave, field by field and in the same key order; a store of JSON
rows (saved by the code before) is repacked once when its clusterer is loaded and goes on making the
same stories. SQLite and PostgreSQL."""

from __future__ import annotations

import dataclasses
import json
import zlib

import numpy as np

from newsfuse.pipeline import STORIES_META, load_clusterer, save_clusterer
from newsfuse.store.base import Store
from newsfuse.stories import StoryItem
from newsfuse.stories.cluster import (
    StateChanges,
    StoryClusterer,
    _decoded_row,
    _decoded_rows,
    _Story,
    _story_packed,
    _story_state,
)
from newsfuse.stories.embed import DIM
from newsfuse.stories.packed import EARLIER_MAGIC, MAGIC, is_packed, pack

CONFIG = {"threshold": 0.1, "merge_threshold": 0.0, "split_threshold": 0.4, "split_min_members": 3}
EVENTS = {
    "quake": ({"quake": 3, "magnitude": 2, "rescue": 1, "7.1": 1}, ("chile", "santiago"), "2024-03-0"),
    "flood": ({"flood": 3, "river": 2, "rain": 2, "dam": 1}, ("dhaka", "a|b name"), "2024-05-1"),
    "vote": ({"election": 3, "ballot": 2, "turnout": 1, "62": 1, "eleição": 1}, ("lisbon", "são paulo"), "2024-09-2"),
}


def _item(event: str, k: int) -> StoryItem:
    """A report with every field a story member keeps: words, names (one with the row's separator in
    it), lead words, persons, places, dates, years, actors, event keys and an embedding."""
    words, names, month = EVENTS[event]
    rng = np.random.default_rng(len(event) * 100 + k)
    base = np.random.default_rng(len(event)).standard_normal(DIM)
    emb = (base + 0.3 * rng.standard_normal(DIM)).astype(np.float32)
    return StoryItem(
        article_id=f"{event}{k}",
        published=f"{month}{k % 9 + 1}",
        title=f"{event} report {k}",
        embedding=emb / np.linalg.norm(emb),
        actor_ids=tuple(f"person:{n}" for n in names[:1]),
        places=names[:1],
        event_keys=(f"{event}:key",),
        dates=(f"{month}{k % 3 + 1}",),
        terms=tuple(sorted({**words, f"{event}-detail{k}": 1, "said": 1}.items())),
        names=names,
        salient=names[:1],
        name_mentions=names + names[:1],
        years=(month[:4],),
        lead_terms=tuple(sorted(list(words.items())[:2])),
        persons=((f"speaker{k % 2}", 2),) if k % 3 else (),
    )


def added_one_by_one_by_key(store: Store, items: list[StoryItem], kept: StoryClusterer) -> None:
    """Each item added by a clusterer opened afresh from ``store`` (what it reads by key) and saved, and by
    ``kept`` in memory: the same story, the same moves, and at the end the same state."""
    for item in items:
        opened = load_clusterer(store)
        assert opened.add(item) == kept.add(item)
        assert opened.pop_moved() == kept.pop_moved()
        with store.transaction():
            save_clusterer(store, opened)
        kept.pop_changes()
    assert load_clusterer(store).to_bytes() == kept.to_bytes()


def _items() -> list[StoryItem]:
    return [_item(event, k) for k in range(6) for event in EVENTS]


def _json_row(clusterer: StoryClusterer, story_id: str) -> bytes:
    """A story row as the code before packed rows saved it."""
    state = {"pos": clusterer._pos[story_id], "story": _story_state(clusterer._stories[story_id])}
    return zlib.compress(json.dumps(state, sort_keys=True).encode("utf-8"))


def _assert_same(a: object, b: object, where: str = "") -> None:
    """Equal values of equal types (a member read from a packed row is a ``_Member`` that makes its
    word dicts when asked), arrays of the same dtype and shape, dicts in the same key order."""
    assert isinstance(a, type(b)) or isinstance(b, type(a)), where
    if isinstance(a, np.ndarray):
        assert a.dtype == b.dtype and a.shape == b.shape and np.array_equal(a, b), where
    elif isinstance(a, dict):
        assert list(a) == list(b), where
        for key in a:
            _assert_same(a[key], b[key], f"{where}.{key}")
    elif isinstance(a, list | tuple):
        assert len(a) == len(b), where
        for k, (x, y) in enumerate(zip(a, b)):
            _assert_same(x, y, f"{where}[{k}]")
    elif hasattr(a, "__dataclass_fields__"):
        for name in a.__dataclass_fields__:
            # the member's arrays are made when it is first compared; a story read from a row that held
            # its keys writes them all at its next save (its keys rows are made then)
            if name not in ("arrays", "keys_reset"):
                _assert_same(getattr(a, name), getattr(b, name), f"{where}.{name}")
    else:
        assert a == b, where


def _stories(rows: dict[str, bytes]) -> dict[str, tuple[int, _Story]]:
    return {sid: _decoded_row(row) for sid, row in rows.items()}


def whole_row(changes: StateChanges, sid: str) -> tuple[int, _Story]:
    """A story as a save gave it: its row with its chunk rows and keys rows."""
    chunks = {sid: list(changes.chunks[sid][1].values())}
    return _decoded_rows([changes.stories[sid]], chunks, {sid: changes.keys[sid][1]})[0]


def test_a_packed_row_reads_as_the_json_row_did():
    clusterer = StoryClusterer(CONFIG)
    for item in _items():
        clusterer.add(item)
    changes = clusterer.pop_changes()
    assert len(changes.stories) >= 3
    for sid, row in changes.stories.items():
        old = _json_row(clusterer, sid)
        assert is_packed(row) and not is_packed(old)
        pos, story = whole_row(changes, sid)
        assert story.sims.shape[0] == len(story.members) >= 4 and all(m.emb.size == DIM for m in story.members)
        assert any("a|b name" in m.names for m in story.members) or "flood" not in sid
        _assert_same((pos, story), _decoded_row(old), sid)
        repacked = StoryClusterer.repacked_row(old)
        assert StoryClusterer.repacked_row(repacked) is repacked
        _assert_same(_decoded_row(repacked), (pos, story), sid)
        assert StoryClusterer.chunked_row(repacked) == (row, changes.chunks[sid], changes.keys[sid][1])
        assert StoryClusterer.chunked_row(row) is None  # (its chunk rows hold its lists already)


def _clustered(items: list[StoryItem]) -> StoryClusterer:
    clusterer = StoryClusterer(CONFIG)
    for item in items:
        clusterer.add(item)
    return clusterer


def test_a_member_embedding_is_kept_once_in_its_story_row():
    """A member's embedding is one of its story's embeddings: the row keeps it there only (where it
    is, ``emb_at``), not again beside the member, and reads back the same member; a member without
    an embedding keeps none."""
    items = _items()
    items[4] = dataclasses.replace(items[4], embedding=np.zeros(0, dtype=np.float32))
    clusterer = _clustered(items)
    for sid, story in clusterer._stories.items():
        packed = _story_packed(story, clusterer._pos[sid])
        with_emb = [m for m in packed.head["members"] if m["emb"]]
        assert with_emb and all("emb_at" in m for m in with_emb)
        assert not any("emb_at" in m for m in packed.head["members"] if not m["emb"])
        assert packed.arrays["member_embs"].size == 0
        _assert_same(_decoded_row(pack(packed)), _decoded_row(_json_row(clusterer, sid)), sid)
    assert any(m.emb.size == 0 for s in clusterer._stories.values() for m in s.members)


def test_a_row_with_every_member_embedding_beside_its_member_reads_the_same():
    """A row saved before ``emb_at`` (marked NFS2, every member's embedding in ``member_embs``) reads
    as before; a row saved now is marked NFS3, which the code before refuses rather than misreads."""
    clusterer = _clustered(_items())
    for sid, story in clusterer._stories.items():
        packed = _story_packed(story, clusterer._pos[sid])
        assert pack(packed)[:4] == MAGIC == b"NFS3"
        for head in packed.head["members"]:
            head.pop("emb_at", None)
        packed.arrays["member_embs"] = np.concatenate([m.emb.astype(np.float16) for m in story.members])
        earlier = EARLIER_MAGIC + pack(packed)[len(MAGIC) :]
        assert is_packed(earlier)
        _assert_same(_decoded_row(earlier), _decoded_row(_json_row(clusterer, sid)), sid)


def _as_saved_before_packing(store: Store, clusterer: StoryClusterer) -> None:
    """Rewrite the store's story rows as JSON rows and its meta without the packed mark."""
    rows = {sid: _json_row(clusterer, sid) for sid in clusterer._stories}
    meta = json.loads(store.get_state(STORIES_META) or b"{}")
    del meta["rows"]
    with store.transaction():
        store.save_cluster_stories(rows, [], {sid: s.order for sid, s in clusterer._stories.items()})
        store.set_state(STORIES_META, json.dumps(meta, sort_keys=True).encode("utf-8"))


def test_a_store_of_json_rows_is_repacked_once_and_makes_the_same_stories(any_store):
    items = _items()
    kept, saved = StoryClusterer(CONFIG), StoryClusterer(CONFIG)
    for item in items[:9]:
        assert saved.add(item) == kept.add(item)
    kept.pop_changes()
    with any_store.transaction():
        save_clusterer(any_store, saved)
    _as_saved_before_packing(any_store, saved)
    json_rows = any_store.cluster_stories()
    assert json_rows and not any(is_packed(row) for row in json_rows.values())
    assert not StoryClusterer.rows_packed(any_store.get_state(STORIES_META) or b"{}")

    opened = load_clusterer(any_store)
    packed_rows = any_store.cluster_stories()
    assert opened._source is not None and sorted(packed_rows) == sorted(json_rows)
    assert all(is_packed(row) for row in packed_rows.values())
    assert StoryClusterer.rows_packed(any_store.get_state(STORIES_META) or b"{}")
    _assert_same(_stories(packed_rows), _stories(json_rows))
    assert any_store.cluster_story_orders(packed_rows) == {sid: s.order for sid, s in saved._stories.items()}

    load_clusterer(any_store)
    assert any_store.cluster_stories() == packed_rows  # repacked once: loaded again, nothing is rewritten
    added_one_by_one_by_key(any_store, items[9:], kept)
    assert len(kept.stories_list()) == len(EVENTS)
