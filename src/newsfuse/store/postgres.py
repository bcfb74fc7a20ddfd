"""The team store: PostgreSQL (psycopg 3), same interface and migrations as SQLite.

Keys are content hashes and every insert is an upsert, so several processes can ingest at
once without duplicates. Full-text search uses PostgreSQL's own tsvector.
"""

from __future__ import annotations

import contextlib
import re
import threading
import time
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

import psycopg

from ..model import Article, Event, InputFile
from . import serde
from .serde import EncodedAnalysis
from .sql import SQLStore

MIGRATIONS: list[str] = [
    """
    CREATE TABLE inputs (
        sha256 TEXT PRIMARY KEY, path TEXT NOT NULL, size BIGINT NOT NULL, format TEXT,
        data BYTEA NOT NULL, first_seen DOUBLE PRECISION NOT NULL
    );
    CREATE TABLE failures (
        path TEXT NOT NULL, cause TEXT NOT NULL, input_sha256 TEXT, at DOUBLE PRECISION NOT NULL,
        PRIMARY KEY (path, cause)
    );
    CREATE TABLE articles (
        id TEXT PRIMARY KEY, seq BIGSERIAL, source_path TEXT NOT NULL, format TEXT NOT NULL,
        url TEXT, external_id TEXT, title TEXT, published TEXT, outlet TEXT, author TEXT,
        duplicate_of TEXT, story_id TEXT, input_sha256 TEXT, doc TEXT NOT NULL, signature BYTEA,
        fts TSVECTOR
    );
    CREATE INDEX articles_seq ON articles (seq);
    CREATE INDEX articles_story ON articles (story_id);
    CREATE INDEX articles_fts ON articles USING GIN (fts);
    CREATE TABLE article_sources (
        article_id TEXT NOT NULL, source_path TEXT NOT NULL, PRIMARY KEY (article_id, source_path)
    );
    CREATE TABLE quotes (
        article_id TEXT NOT NULL, speaker TEXT, body TEXT NOT NULL, fts TSVECTOR
    );
    CREATE INDEX quotes_article ON quotes (article_id);
    CREATE INDEX quotes_fts ON quotes USING GIN (fts);
    CREATE TABLE annotations (article_id TEXT PRIMARY KEY, doc BYTEA NOT NULL);
    CREATE TABLE mentions (
        id TEXT PRIMARY KEY, article_id TEXT NOT NULL, seq INTEGER NOT NULL, type TEXT, doc TEXT NOT NULL
    );
    CREATE INDEX mentions_article ON mentions (article_id, seq);
    CREATE TABLE stories (id TEXT PRIMARY KEY, doc TEXT NOT NULL);
    CREATE TABLE events (
        id TEXT PRIMARY KEY, type TEXT, date TEXT, sort_key TEXT NOT NULL, story_id TEXT, doc TEXT NOT NULL
    );
    CREATE INDEX events_order ON events (sort_key, id);
    CREATE INDEX events_story ON events (story_id);
    CREATE TABLE event_terms (
        term TEXT NOT NULL, sort_key TEXT NOT NULL, event_id TEXT NOT NULL, PRIMARY KEY (term, sort_key, event_id)
    );
    CREATE TABLE event_actors (
        event_id TEXT NOT NULL, side TEXT NOT NULL, name TEXT NOT NULL, country TEXT, actor_id TEXT
    );
    CREATE INDEX event_actors_name ON event_actors (lower(name));
    CREATE INDEX event_actors_country ON event_actors (country);
    CREATE INDEX event_actors_event ON event_actors (event_id);
    CREATE TABLE state (key TEXT PRIMARY KEY, value BYTEA NOT NULL);
    CREATE TABLE embeddings (article_id TEXT PRIMARY KEY, vector BYTEA NOT NULL)
    """,
    # 2: incremental fusion: which fused event holds each mention, and each mention's cross-story key
    """
    CREATE TABLE event_mentions (mention_id TEXT PRIMARY KEY, event_id TEXT NOT NULL);
    CREATE INDEX event_mentions_event ON event_mentions (event_id);
    CREATE TABLE fusion_keys (key TEXT NOT NULL, lo INTEGER NOT NULL, hi INTEGER NOT NULL, article_id TEXT NOT NULL);
    CREATE INDEX fusion_keys_key ON fusion_keys (key, lo);
    CREATE INDEX fusion_keys_article ON fusion_keys (article_id);
    CREATE INDEX event_terms_event ON event_terms (event_id)
    """,
    # 3: the story clusterer's state row by row (was one blob in state): a batch writes what it changed
    """
    CREATE TABLE cluster_stories (story_id TEXT PRIMARY KEY, state BYTEA NOT NULL);
    CREATE TABLE cluster_counts (kind TEXT NOT NULL, term TEXT NOT NULL, n BIGINT NOT NULL, PRIMARY KEY (kind, term));
    CREATE TABLE cluster_postings (key TEXT PRIMARY KEY, story_ids TEXT NOT NULL)
    """,
    # 4: near-duplicate lookup by key: each stored original's MinHash band keys (LSH), read per new article
    """
    CREATE TABLE dedup_keys (key BIGINT NOT NULL, article_id TEXT NOT NULL, PRIMARY KEY (key, article_id))
    """,
    # 5: each story row's order beside it, so that a clusterer reading rows by key knows the highest
    """
    ALTER TABLE cluster_stories ADD COLUMN ord BIGINT;
    CREATE INDEX cluster_stories_ord ON cluster_stories (ord)
    """,
    # 6: incremental fusion reads what it needs by key: each article's readout claims found once (not
    # its text per batch), and each fused event's digest (an unchanged event is told by it, not its doc)
    """
    CREATE TABLE fusion_claims (article_id TEXT PRIMARY KEY, version TEXT NOT NULL, claims TEXT NOT NULL);
    ALTER TABLE events ADD COLUMN digest TEXT
    """,
    # 7: a fusion block's look-ups answered from indexes alone: the types of an article's mentions
    # (not each mention's row), and the articles of a fusion key in a range of days
    """
    CREATE INDEX mentions_article_type ON mentions (article_id, type);
    CREATE INDEX fusion_keys_span ON fusion_keys (key, lo, hi, article_id);
    DROP INDEX fusion_keys_key
    """,
    # a stored article found by its record's own id or its URL (`newsfuse show`, the citation marks)
    """
    CREATE INDEX articles_external ON articles (external_id);
    CREATE INDEX articles_url ON articles (url);
    """,
    # what scoring a new article against a story reads of it (its recent members), a third of its row:
    # a candidate story that the article does not join is not read whole
    """
    CREATE TABLE cluster_story_recent (story_id TEXT PRIMARY KEY, recent BYTEA NOT NULL);
    """,
    # each event's actor terms on its own row: the keys of its event_terms rows that a rewrite or a
    # delete must find are read from the row it reads anyway, so the index of the terms by event id goes
    """
    ALTER TABLE events ADD COLUMN terms TEXT;
    UPDATE events e SET terms = t.terms FROM (
        SELECT event_id, sort_key, '[' || string_agg(to_json(term)::text, ',' ORDER BY term COLLATE "C") || ']' AS terms
        FROM event_terms GROUP BY event_id, sort_key
    ) t WHERE t.event_id = e.id AND t.sort_key = e.sort_key;
    UPDATE events SET terms = '[]' WHERE terms IS NULL;
    DROP INDEX event_terms_event
    """,
    # an article's mentions in order and their types from one index (was: two, both by article)
    """
    CREATE INDEX mentions_article_seq_type ON mentions (article_id, seq, type);
    DROP INDEX mentions_article;
    DROP INDEX mentions_article_type
    """,
    # a story's add-only lists (its articles' ids, titles, dates and embeddings) in chunk rows of a fixed
    # size beside its row: an article joining a big story writes the row and its last chunk, not them all
    """
    CREATE TABLE cluster_story_chunks (
        story_id TEXT NOT NULL, chunk BIGINT NOT NULL, data BYTEA NOT NULL, PRIMARY KEY (story_id, chunk)
    )
    """,
    # each article's place in its story's list: a story's record lists its articles from this index, not
    # from a list in its row that grows with the story and was rewritten whole after every batch; the index
    # serves story_id alone too, so the one on story_id goes (one index less to write per article)
    """
    ALTER TABLE articles ADD COLUMN story_rank BIGINT;
    CREATE INDEX articles_story_rank ON articles (story_id, story_rank);
    DROP INDEX articles_story
    """,
    # a story's index keys on rows of their own beside its row (they grow with every member it ever had: 34 KB
    # at 5,000 articles): a join looks up and adds the keys its article brings, a merge or a removal reads them all
    """
    CREATE TABLE cluster_story_keys (story_id TEXT NOT NULL, key TEXT NOT NULL, PRIMARY KEY (story_id, key))
    """,
]


def _ts_query(query: str) -> str:
    words = re.findall(r"\w+", query, flags=re.UNICODE)
    return " ".join(words)


class PostgresStore(SQLStore):
    def __init__(self, url: str, schema: str | None = None):
        self.url = url
        self.schema = schema
        self._conn = psycopg.connect(url, autocommit=True)
        self._lock = threading.RLock()
        self._depth = 0
        if schema:
            if not re.fullmatch(r"[a-z_][a-z0-9_]*", schema):
                raise ValueError(f"invalid schema name {schema!r}")
            self._conn.execute(f"CREATE SCHEMA IF NOT EXISTS {schema}")
            self._conn.execute(f"SET search_path TO {schema}")
        self._migrate()

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    def drop_schema(self) -> None:
        if self.schema:
            self._conn.execute(f"DROP SCHEMA IF EXISTS {self.schema} CASCADE")

    def _migrate(self) -> None:
        with self._lock, self._conn.transaction():
            # one migrator at a time, even when several processes start together
            self._conn.execute("SELECT pg_advisory_xact_lock(727101)")
            self._conn.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")
            current = self._max_version()
            for version, script in enumerate(MIGRATIONS, start=1):
                if version > current:
                    for statement in script.split(";"):
                        if statement.strip():
                            self._conn.execute(statement)
                    self._conn.execute("INSERT INTO schema_version VALUES (%s)", (version,))

    def schema_version(self) -> int:
        return self._max_version()

    def _max_version(self) -> int:
        row = self._conn.execute("SELECT MAX(version) FROM schema_version").fetchone()
        return int(row[0] or 0) if row else 0

    @contextlib.contextmanager
    def transaction(self) -> Iterator[PostgresStore]:
        with self._lock:
            self._depth += 1
            try:
                if self._depth == 1:
                    with self._conn.transaction():
                        yield self
                else:
                    yield self
            finally:
                self._depth -= 1

    def _exec(self, sql: str, params: tuple | list = ()) -> psycopg.Cursor[Any]:
        with self._lock:
            return self._conn.execute(sql.replace("?", "%s"), params)

    # ------------------------------------------------------------------ inputs
    def save_input(self, item: InputFile, fmt: str | None) -> bool:
        cur = self._exec(
            "INSERT INTO inputs (sha256, path, size, format, data, first_seen) VALUES (%s,%s,%s,%s,%s,%s)"
            " ON CONFLICT (sha256) DO NOTHING",
            (item.sha256, item.path, len(item.data), fmt, item.data, time.time()),
        )
        return cur.rowcount == 1

    def record_failure(self, path: str, cause: str, input_sha256: str | None = None) -> None:
        self._exec(
            "INSERT INTO failures (path, cause, input_sha256, at) VALUES (%s,%s,%s,%s) ON CONFLICT DO NOTHING",
            (path, cause, input_sha256, time.time()),
        )

    # ------------------------------------------------------------------ articles
    def add_article(self, article: Article, signature: bytes | None = None) -> bool:
        with self.transaction():
            cur = self._exec(
                "INSERT INTO articles (id, source_path, format, url, external_id, title, published, outlet, author,"
                " duplicate_of, story_id, input_sha256, doc, signature, fts) VALUES"
                " (%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,"
                " setweight(to_tsvector('english', %s), 'A') || to_tsvector('english', %s))"
                " ON CONFLICT (id) DO NOTHING",
                (
                    article.id,
                    article.source_path,
                    article.format,
                    article.url,
                    article.external_id,
                    article.title,
                    article.published,
                    article.outlet,
                    article.author,
                    article.duplicate_of,
                    article.story_id,
                    article.input_sha256,
                    serde.dumps(serde.article_record(article)),
                    signature,
                    article.title or "",
                    article.text,
                ),
            )
            self.add_source_alias(article.id, article.source_path)
            return cur.rowcount == 1

    def add_source_alias(self, article_id: str, source_path: str) -> None:
        self._exec("INSERT INTO article_sources VALUES (%s, %s) ON CONFLICT DO NOTHING", (article_id, source_path))

    def search(self, query: str, limit: int = 20) -> list[dict]:
        words = _ts_query(query)
        if not words:
            return []
        opts = "StartSel=[, StopSel=], MaxWords=24, MinWords=8"
        rows = self._exec(
            "SELECT a.id, a.title, ts_headline('english', a.doc::json->>'title' || ' ' ||"
            " (SELECT string_agg(b->>'text', ' ') FROM json_array_elements(a.doc::json->'blocks') b), q, %s),"
            " ts_rank(a.fts, q) FROM articles a, plainto_tsquery('english', %s) q WHERE a.fts @@ q"
            " ORDER BY 4 DESC, a.seq LIMIT %s",
            (opts, words, limit),
        ).fetchall()
        out = [
            {"kind": "article", "article_id": r[0], "title": r[1], "snippet": r[2], "score": float(r[3])} for r in rows
        ]
        rows = self._exec(
            "SELECT x.article_id, x.speaker, ts_headline('english', x.body, q, %s), ts_rank(x.fts, q)"
            " FROM quotes x, plainto_tsquery('english', %s) q WHERE x.fts @@ q ORDER BY 4 DESC LIMIT %s",
            (opts, words, limit),
        ).fetchall()
        out += [
            {"kind": "quote", "article_id": r[0], "title": r[1], "snippet": r[2], "score": float(r[3])} for r in rows
        ]
        return out

    # ------------------------------------------------------------------ annotations
    def save_encoded_annotations(self, encoded: EncodedAnalysis) -> None:
        aid = encoded.article_id
        with self.transaction():
            self._exec(
                "INSERT INTO annotations (article_id, doc) VALUES (%s, %s)"
                " ON CONFLICT (article_id) DO UPDATE SET doc = EXCLUDED.doc",
                (aid, encoded.annotations),
            )
            self._exec("DELETE FROM quotes WHERE article_id = %s", (aid,))
            for speaker, text in encoded.quotes:
                self._exec(
                    "INSERT INTO quotes (article_id, speaker, body, fts) VALUES (%s,%s,%s, to_tsvector('english', %s))",
                    (aid, speaker, text, text),
                )

    # ------------------------------------------------------------------ mentions
    def save_encoded_mentions(self, article_id: str, rows: Sequence[tuple[str, str, str]]) -> None:
        with self.transaction():
            self._exec("DELETE FROM mentions WHERE article_id = %s", (article_id,))
            for seq, (mid, kind, doc) in enumerate(rows):
                self._exec(
                    "INSERT INTO mentions (id, article_id, seq, type, doc) VALUES (%s,%s,%s,%s,%s)"
                    " ON CONFLICT (id) DO UPDATE SET article_id = EXCLUDED.article_id, seq = EXCLUDED.seq,"
                    " type = EXCLUDED.type, doc = EXCLUDED.doc",
                    (mid, article_id, seq, kind, doc),
                )

    # ------------------------------------------------------------------ stories, events
    def replace_events(self, events: Iterable[Event]) -> None:
        with self.transaction():
            self._forget_fused()
            for table in ("events", "event_actors", "event_terms", "event_mentions"):
                self._exec(f"DELETE FROM {table}")
            self._insert_events(events)
            with self._conn.cursor() as cur:
                # fresh statistics, or the planner guesses from the old table and picks a scan
                cur.execute("ANALYZE events")
                cur.execute("ANALYZE event_terms")

    def _insert_events(self, events: Iterable[Event]) -> None:
        events = list(events)
        event_rows, actor_rows, term_rows = serde.event_table_rows(events, self._encoded_event, self._stored_doc)
        with self.transaction(), self._conn.cursor() as cur:
            with cur.copy("COPY events (id, type, date, sort_key, story_id, doc, digest, terms) FROM STDIN") as copy:
                for row in event_rows:
                    copy.write_row(row)
            with cur.copy("COPY event_actors (event_id, side, name, country, actor_id) FROM STDIN") as copy:
                for row in actor_rows:
                    copy.write_row(row)
            with cur.copy("COPY event_terms (term, sort_key, event_id) FROM STDIN") as copy:
                for row in sorted(set(term_rows)):
                    copy.write_row(row)
            with cur.copy("COPY event_mentions (mention_id, event_id) FROM STDIN") as copy:
                for row in dict(self._event_mention_rows(events)).items():
                    copy.write_row(row)

    # ------------------------------------------------------------------ state, embeddings
    def set_state(self, key: str, value: bytes) -> None:
        self._exec(
            "INSERT INTO state (key, value) VALUES (%s, %s) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value",
            (key, value),
        )

    def lock_state(self, key: str) -> None:
        """A transaction-scoped advisory lock on the key (in this schema), held until the transaction
        ends: READ COMMITTED alone would let two writers read the same value and both change it."""
        self._exec("SELECT pg_advisory_xact_lock(hashtext(?))", (f"{self.schema or ''}:{key}",))

    def _many(self, sql: str, rows: list[tuple]) -> None:
        if rows:
            with self.transaction(), self._conn.cursor() as cur:
                cur.executemany(sql.replace("?", "%s"), rows)

    def save_embedding(self, article_id: str, vector: bytes) -> None:
        self._exec(
            "INSERT INTO embeddings (article_id, vector) VALUES (%s, %s)"
            " ON CONFLICT (article_id) DO UPDATE SET vector = EXCLUDED.vector",
            (article_id, vector),
        )
