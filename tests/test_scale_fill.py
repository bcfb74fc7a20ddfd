"""The fusion-at-scale benchmark's bulk fill writes what the store API writes, and its stand-in events
never reach what the timed incremental fusion reads."""

from __future__ import annotations

import dataclasses
import importlib.util
import random
from pathlib import Path

from newsfuse.pipeline import FUSION_INDEXED, add_fusion_pending, fuse_pending, fuse_stored, fusion_block
from newsfuse.store import open_store

ROOT = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location("scale_bench", ROOT / "benchmarks" / "scale.py")
assert _spec is not None and _spec.loader is not None
scale = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(scale)

FILLED_TABLES = {
    "articles": "SELECT * FROM articles ORDER BY seq",
    "article_sources": "SELECT * FROM article_sources ORDER BY article_id, source_path",
    "articles_fts": "SELECT article_id, title, body FROM articles_fts ORDER BY article_id",
    "mentions": "SELECT * FROM mentions ORDER BY id",
    "fusion_keys": "SELECT key, lo, hi, article_id FROM fusion_keys ORDER BY article_id, key, lo",
}


def rows(store, sql: str) -> list[tuple]:
    return [tuple(r) for r in store._exec(sql).fetchall()]


def test_bulk_fill_writes_the_rows_of_the_api_fill(tmp_path):
    bulk = scale.fill_fusion_store(str(tmp_path / "bulk.db"), 700, random.Random(9), chunk=300)
    api = open_store(str(tmp_path / "api.db"))
    with api.transaction():
        scale.add_synthetic(api, scale.synthetic_mentions(700, random.Random(9)))
    for table, sql in FILLED_TABLES.items():
        expected = rows(api, sql)
        assert len(expected) >= 700, table
        assert rows(bulk, sql) == expected, table
    assert bulk._count("SELECT COUNT(*) FROM event_mentions") == 700  # one stand-in event per mention
    assert bulk._count("PRAGMA cache_size") == api._count("PRAGMA cache_size")  # the fill's cache is gone
    bulk.close()
    api.close()


def test_the_timed_fusion_reads_and_gives_the_events_of_a_fully_fused_store(tmp_path):
    """Stand-in events outside the block, the block's stored part fused exactly before the timing:
    the timed fusion finds every event of its block as a full fusion left it, and leaves every
    mention of the block with the event a full fusion of the grown store gives it."""
    size, added = 3000, 60
    store = scale.fill_fusion_store(str(tmp_path / "f.db"), size, random.Random(5))
    store.set_state(FUSION_INDEXED, b"1")
    stored = scale.synthetic_mentions(size, random.Random(5))
    new = scale.synthetic_mentions(added, random.Random(6), start=size)
    # half of them report stored events again (same type, actors and day: they fuse across stories)
    new[::2] = [dataclasses.replace(m, id=n.id, article_id=n.article_id) for m, n in zip(stored[::97], new[::2])]
    ids = {m.article_id for m in new}
    with store.transaction():
        scale.add_synthetic(store, new)
        add_fusion_pending(store, ids, {scale.story_of_synthetic(m) for m in new}, set())
    assert scale.fuse_stored_block(store, ids, exact_events=False) > added
    block = store.mentions_of(fusion_block(store, ids, set()))
    old_articles = [a for a in store.articles() if a.id not in ids]
    before = events_by_mention(fuse_stored([m for m in store.mentions() if m.article_id not in ids], old_articles))
    assert all(stored_event(store, m.id) == before[m.id] for m in block if m.article_id not in ids)
    events_before = store._count("SELECT COUNT(*) FROM events")
    fuse_pending(store)
    after = events_by_mention(fuse_stored(store.mentions(), store.articles()))
    assert all(stored_event(store, m.id) == after[m.id] for m in block)
    assert store._count("SELECT COUNT(*) FROM events") < events_before + added  # some fused with stored ones
    store.close()


def events_by_mention(events) -> dict:
    return {ref.mention_id: e for e in events for ref in e.mentions}


def stored_event(store, mention_id: str):
    row = store._exec("SELECT event_id FROM event_mentions WHERE mention_id = ?", (mention_id,)).fetchone()
    return store.event(row[0])


def test_full_refusion_is_not_run_above_full_max(tmp_path, monkeypatch):
    monkeypatch.setattr(scale.tempfile, "tempdir", str(tmp_path))
    out = scale.part_fusion([400, 800], added=20, full_max=400)
    assert isinstance(out["sizes"][400]["full_refusion_seconds"], float)
    assert out["sizes"][800]["full_refusion_seconds"] == "not run"
    assert out["sizes"][800]["block_articles"] >= 20
    assert not list(tmp_path.glob("**/*.db"))  # the stores are deleted
