"""SQLite keeps the JSON docs of articles, mentions and fused events compressed (issue 17: a smaller
store, fewer pages per row); a store written before, whose docs are text, is migrated at open and then
holds, reads and grows as a store written by this code: on the real seed articles through the real
pipeline."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from conftest import sqlite_file_at_version

from newsfuse.pipeline import ingest_paths
from newsfuse.store import open_store, serde
from newsfuse.store import sqlite as sqlite_store

PACKED = ("articles", "mentions", "events")


def _seeds(seeds_dir: Path) -> list[str]:
    found = sorted(str(p) for p in seeds_dir.glob("*.txt"))
    assert len(found) == 3
    return found


def _docs(db: Path, table: str) -> list:
    with sqlite3.connect(db) as conn:
        return [r[0] for r in conn.execute(f"SELECT doc FROM {table}")]


def _as_text(db: Path) -> None:
    """The docs as the store wrote them before they were compressed: their JSON as text."""
    with sqlite3.connect(db) as conn:
        conn.create_function("doc_text", 1, serde.doc_text)
        for table in PACKED:
            conn.execute(f"UPDATE {table} SET doc = doc_text(doc)")


def _reads(db: Path) -> tuple:
    with open_store(str(db)) as store:
        ids = [a.id for a in store.articles()]
        return (
            store.articles(),
            store.articles_by_id(ids),
            [store.article(i) for i in ids],
            store.mentions(),
            store.mentions_of(ids),
            store.events(),
            store.event_records(),
            [store.event(e.id) for e in store.events()],
            store.stories(),
        )


def test_docs_are_stored_compressed(seeds_store_path):
    for table in PACKED:
        docs = _docs(seeds_store_path, table)
        assert docs and all(isinstance(d, bytes) for d in docs)
        text = sum(len(serde.doc_text(d).encode("utf-8")) for d in docs)
        assert sum(map(len, docs)) < 0.7 * text


def test_a_store_with_text_docs_is_migrated_and_reads_and_grows_as_a_new_one(tmp_path, seeds_dir):
    first, last = _seeds(seeds_dir)[:2], _seeds(seeds_dir)[2:]
    packed, old = tmp_path / "packed.db", tmp_path / "old.db"
    with open_store(str(packed)) as store:
        ingest_paths(store, first)
        version = store.schema_version()
    sqlite_file_at_version(packed, old, version - 1)
    _as_text(old)
    assert all(isinstance(d, str) for table in PACKED for d in _docs(old, table))
    before = _reads(packed)
    with sqlite3.connect(":memory:") as conn:
        default_secure_delete = conn.execute("PRAGMA secure_delete").fetchone()[0]
    with open_store(str(old)) as store:
        assert store.schema_version() == version
        assert store._count("PRAGMA secure_delete") == default_secure_delete  # back after the migration
    assert all(isinstance(d, bytes) for table in PACKED for d in _docs(old, table))
    assert {t: _docs(old, t) for t in PACKED} == {t: _docs(packed, t) for t in PACKED}
    assert _reads(old) == before
    for db in (packed, old):
        with open_store(str(db)) as store:
            ingest_paths(store, last)
    assert _reads(old) == _reads(packed) != before


def test_docs_stored_as_text_read_as_compressed_ones(tmp_path, seeds_store_path):
    text = tmp_path / "text.db"
    shutil.copy(seeds_store_path, text)
    _as_text(text)
    assert _reads(text) == _reads(seeds_store_path)


def test_a_big_store_says_it_is_being_upgraded(tmp_path, seeds_store_path, monkeypatch, caplog):
    old = tmp_path / "old.db"
    with open_store(str(seeds_store_path)) as store:
        version = store.schema_version()
    sqlite_file_at_version(seeds_store_path, old, version - 1)
    small = tmp_path / "small.db"
    shutil.copy(old, small)
    with caplog.at_level("WARNING", logger="newsfuse.store.sqlite"):
        open_store(str(small)).close()  # three articles: upgraded without a word
        assert not caplog.records
        monkeypatch.setattr(sqlite_store, "UPGRADE_NOTE_ARTICLES", 3)
        open_store(str(old)).close()
        open_store(str(old)).close()  # upgraded already: nothing to say
    [record] = caplog.records
    assert str(old) in record.getMessage() and f"schema {version - 1} to {version}" in record.getMessage()
