"""Each event row keeps its actor terms (the keys of its event_terms rows), so that a rewrite or a
delete finds those rows from the event's own row and the index of the terms by event id can go; an
article's mentions, in order, and their types come from one index. A store from before is migrated in
place, on SQLite and PostgreSQL, and then holds and gives what a store written by this code holds and
gives."""

from __future__ import annotations

import json
import shutil
import sqlite3

from conftest import sqlite_file_at_version, written_article

from newsfuse.pipeline import ingest_paths
from newsfuse.store import EventFilter, open_store, serde
from newsfuse.store.postgres import MIGRATIONS as PG_MIGRATIONS
from newsfuse.store.postgres import PostgresStore
from newsfuse.store.sqlite import MIGRATIONS as SQLITE_MIGRATIONS
from newsfuse.store.sqlite import SQLiteStore

ARTICLE = written_article("The talks were held in Lisbon.")


def _rows(store) -> dict[str, list[tuple]]:
    tables = {
        "events": "SELECT id, type, date, sort_key, story_id, doc, terms FROM events",
        "event_terms": "SELECT term, sort_key, event_id FROM event_terms",
        "event_actors": "SELECT event_id, side, name, country, actor_id FROM event_actors",
        "event_mentions": "SELECT mention_id, event_id FROM event_mentions",
        "fusion_keys": "SELECT article_id, key, lo, hi FROM fusion_keys",
        "mentions": "SELECT id, article_id, seq, type, doc FROM mentions",
    }
    return {name: sorted(tuple(r) for r in store._exec(sql).fetchall()) for name, sql in tables.items()}


def _before(migrations: list[str]) -> int:
    """How many migrations there were before the terms came onto the event rows."""
    return next(v for v, script in enumerate(migrations) if "ADD COLUMN terms" in script)


def _postgres_from_before(store: PostgresStore) -> str:
    """A PostgreSQL schema as the code from before these migrations made it, with the store's rows."""
    old = f"{store.schema}_old"
    conn = store._conn
    conn.execute(f"CREATE SCHEMA {old}")
    conn.execute(f"SET search_path TO {old}")
    conn.execute("CREATE TABLE schema_version (version INTEGER NOT NULL)")
    for version, script in enumerate(PG_MIGRATIONS[: _before(PG_MIGRATIONS)], start=1):
        for statement in script.split(";"):
            if statement.strip():
                conn.execute(statement)
        conn.execute("INSERT INTO schema_version VALUES (%s)", (version,))
    conn.execute(f"SET search_path TO {store.schema}")

    def columns(schema: str, table: str) -> list[str]:
        sql = "SELECT column_name FROM information_schema.columns WHERE table_schema = %s AND table_name = %s"
        return [r[0] for r in conn.execute(sql + " ORDER BY ordinal_position", (schema, table)).fetchall()]

    tables = (
        "SELECT table_name FROM information_schema.tables WHERE table_schema = %s AND table_name != 'schema_version'"
    )
    for table in [r[0] for r in conn.execute(tables, (old,)).fetchall()]:
        wanted = set(columns(store.schema, table))
        shared = ", ".join(c for c in columns(old, table) if c in wanted)
        conn.execute(f"INSERT INTO {old}.{table} ({shared}) SELECT {shared} FROM {store.schema}.{table}")
    return old


def _migrated_from_before(store, tmp_path):
    """The store's rows in the layout from before, opened (and so migrated) by this code."""
    if isinstance(store, PostgresStore):
        return PostgresStore(store.url, schema=_postgres_from_before(store))
    path = str(tmp_path / "old.db")
    sqlite_file_at_version(store.path, path, _before(SQLITE_MIGRATIONS))
    return SQLiteStore(path)


def test_every_event_row_holds_the_terms_of_its_term_rows(any_store, synthetic_events):
    events = synthetic_events(ARTICLE, 40, seed=3)
    any_store.replace_events(events)
    rows = _rows(any_store)
    keys = {
        key for i, _, _, sort_key, _, _, terms in rows["events"] for key in serde.event_term_rows(i, sort_key, terms)
    }
    assert keys == set(rows["event_terms"]) and len(keys) > 40
    assert {json.loads(r[-1]) == sorted(json.loads(r[-1])) for r in rows["events"]} == {True}


def test_a_store_from_before_the_terms_is_migrated_and_rewrites_as_a_fresh_one(any_store, synthetic_events, tmp_path):
    """Migrated: the same rows plus each event's terms, no index by event id; then the same
    incremental rewrite (events changed, gone, new) leaves the rows a full replace writes."""
    before, after = synthetic_events(ARTICLE, 40, seed=3), synthetic_events(ARTICLE, 50, seed=4)
    any_store.replace_events(before)
    written = _rows(any_store)
    migrated = _migrated_from_before(any_store, tmp_path)
    try:
        assert migrated.schema_version() == any_store.schema_version()
        assert _rows(migrated) == written
        assert "event_terms_event" not in _indexes(migrated)
        mention_ids = sorted({m.mention_id for e in before + after for m in e.mentions})
        migrated.replace_events_of(mention_ids, after)
        incremental = _rows(migrated)
        migrated.replace_events(after)
        assert incremental == _rows(migrated)
        stored = sorted((e.to_dict() for e in migrated.events(EventFilter(limit=100))), key=lambda d: d["id"])
        assert stored == sorted((e.to_dict() for e in after), key=lambda d: d["id"])
    finally:
        if isinstance(migrated, PostgresStore):
            migrated.drop_schema()
        migrated.close()


def _indexes(store) -> set[str]:
    sql = (
        "SELECT indexname FROM pg_indexes WHERE schemaname = current_schema()"
        if isinstance(store, PostgresStore)
        else "SELECT name FROM sqlite_master WHERE type = 'index'"
    )
    return {r[0] for r in store._exec(sql).fetchall()}


def test_a_real_store_from_before_gives_the_same_stories_and_events_after_an_ingest(
    seeds_store_path, examples_dir, tmp_path
):
    """The seeds through the real pipeline, as written and copied into the layout from before these
    migrations (migrated on opening). Both take the same examples file: they hold the same
    stories, events and event rows, and the old one has this code's tables and indexes."""
    fresh = tmp_path / "fresh.db"
    shutil.copy(seeds_store_path, fresh)
    sqlite_file_at_version(seeds_store_path, tmp_path / "old.db", _before(SQLITE_MIGRATIONS))
    with sqlite3.connect(tmp_path / "old.db") as conn:
        assert "terms" not in {r[1] for r in conn.execute("PRAGMA table_info(events)")}
    added = [str(examples_dir / "gullwing_lisbon_talks.txt")]
    results = []
    for path in (fresh, tmp_path / "old.db"):
        with open_store(str(path)) as store:
            ingest_paths(store, added)
            events = [e.to_dict() for e in store.events(EventFilter(limit=1000))]
            results.append(([s.to_dict() for s in store.stories()], events, _rows(store), _layout(path)))
    assert results[0] == results[1]
    stories, events, rows, _ = results[0]
    assert stories and events and all(rows[t] for t in ("event_terms", "event_mentions", "fusion_keys", "mentions"))


def _layout(path) -> list[tuple]:
    with sqlite3.connect(path) as conn:
        return sorted(conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master").fetchall())


def test_an_articles_mentions_and_their_types_are_read_from_one_index(tmp_path) -> None:
    path = str(tmp_path / "m.db")
    SQLiteStore(path).close()
    with sqlite3.connect(path) as conn:

        def plan(sql: str) -> str:
            return " ".join(str(r[-1]) for r in conn.execute(f"EXPLAIN QUERY PLAN {sql}", ["a"] * sql.count("?")))

        indexes = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE tbl_name = 'mentions'")}
        types = plan("SELECT DISTINCT article_id, type FROM mentions WHERE article_id IN (?, ?)")
        in_order = plan("SELECT doc FROM mentions WHERE article_id = ? ORDER BY seq")
    assert indexes == {"mentions", "sqlite_autoindex_mentions_1", "mentions_article_seq_type"}
    assert "COVERING INDEX mentions_article_seq_type" in types
    assert "mentions_article_seq_type" in in_order and "TEMP B-TREE" not in in_order
