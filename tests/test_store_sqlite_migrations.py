"""The SQLite store's migrations: an older file is brought up to date in place, rows kept, and the
per-article number lookup reads an index."""

from __future__ import annotations

import sqlite3

from newsfuse.store.sqlite import MIGRATIONS, PAGE_CACHE_KIB, WAL_AUTOCHECKPOINT_PAGES, SQLiteStore


def _plan(path: str, sql: str) -> str:
    with sqlite3.connect(path) as conn:
        return " ".join(str(row[-1]) for row in conn.execute(f"EXPLAIN QUERY PLAN {sql}"))


def test_next_article_number_reads_an_index(tmp_path) -> None:
    path = str(tmp_path / "n.db")
    SQLiteStore(path).close()
    assert "articles_seq" in _plan(path, "SELECT COALESCE(MAX(seq), 0) + 1 FROM articles")


def test_a_connection_keeps_the_pages_a_session_reads_again(tmp_path) -> None:
    store = SQLiteStore(str(tmp_path / "c.db"))
    try:  # negative: KiB, not pages; larger than SQLite's default 2 MB
        assert store._conn.execute("PRAGMA cache_size").fetchone()[0] == -PAGE_CACHE_KIB
        assert PAGE_CACHE_KIB > 2000
    finally:
        store.close()


def test_writes_stay_in_the_wal_past_sqlites_default_checkpoint(tmp_path) -> None:
    """Three commits of ~2 MB each (~1,500 pages: past SQLite's 1,000-frame default, under the
    store's own threshold) stay in the WAL; closing the store copies them into the file."""
    path = tmp_path / "w.db"
    store = SQLiteStore(str(path))
    try:
        assert store._conn.execute("PRAGMA wal_autocheckpoint").fetchone()[0] == WAL_AUTOCHECKPOINT_PAGES > 1500
        before = path.stat().st_size
        for key in ("a", "b", "c"):
            store.set_state(key, bytes(range(256)) * 8000)
        assert path.stat().st_size == before
        assert (tmp_path / "w.db-wal").stat().st_size > 6_000_000
    finally:
        store.close()
    assert path.stat().st_size > 6_000_000
    reopened = SQLiteStore(str(path))
    try:
        assert reopened.get_state("c") == bytes(range(256)) * 8000
    finally:
        reopened.close()


def test_a_version_2_file_is_migrated_in_place_with_its_rows(tmp_path) -> None:
    path = str(tmp_path / "old.db")
    with sqlite3.connect(path) as conn:  # the file as the store of two migrations ago left it
        conn.execute("CREATE TABLE schema_version (version INTEGER NOT NULL)")
        for version, script in enumerate(MIGRATIONS[:2], start=1):
            conn.executescript(script)
            conn.execute("INSERT INTO schema_version VALUES (?)", (version,))
        conn.execute("INSERT INTO articles (id, seq, source_path, format, doc) VALUES ('a1', 7, 'x.txt', 'text', '{}')")
    assert "articles_seq" not in _plan(path, "SELECT MAX(seq) FROM articles")
    store = SQLiteStore(path)
    try:
        assert store.schema_version() == len(MIGRATIONS)
    finally:
        store.close()
    assert "articles_seq" in _plan(path, "SELECT MAX(seq) FROM articles")
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT id, seq FROM articles").fetchall() == [("a1", 7)]
