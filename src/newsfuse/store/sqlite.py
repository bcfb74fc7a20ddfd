"""The embedded store: one SQLite file, WAL mode, versioned migrations, FTS5 search."""

from __future__ import annotations

import contextlib
import logging
import os
import re
import sqlite3
import threading
import time
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from ..model import Article, Event, InputFile
from . import serde
from .serde import EncodedAnalysis
from .sql import SQLStore

log = logging.getLogger(__name__)
# a store with at least this many articles says so on stderr before it is upgraded (minutes at 1M articles)
UPGRADE_NOTE_ARTICLES = 10_000

# the SQL function that the migration packing the stored docs calls (registered on each connection)
PACK_DOC = "newsfuse_packed_doc"
# settings a migration may change for its own run: each connection's are put back after the migrations
MIGRATION_PRAGMAS = ("secure_delete",)
# the columns of an articles row that the migration packing the docs copies as they are
ARTICLE_COLUMNS = (
    "id, seq, source_path, format, url, external_id, title, published, outlet, author, duplicate_of, story_id,"
    " input_sha256, signature, story_rank"
)


def _packed(column: str) -> str:
    """SQL: a stored doc compressed, one already compressed as it is."""
    return f"CASE WHEN typeof({column}) = 'text' THEN {PACK_DOC}({column}) ELSE {column} END"


MIGRATIONS: list[str] = [
    # 1: the foundation
    """
    CREATE TABLE inputs (
        sha256 TEXT PRIMARY KEY, path TEXT NOT NULL, size INTEGER NOT NULL, format TEXT,
        data BLOB NOT NULL, first_seen REAL NOT NULL
    );
    CREATE TABLE failures (
        path TEXT NOT NULL, cause TEXT NOT NULL, input_sha256 TEXT, at REAL NOT NULL,
        PRIMARY KEY (path, cause)
    );
    CREATE TABLE articles (
        id TEXT PRIMARY KEY, seq INTEGER NOT NULL, source_path TEXT NOT NULL, format TEXT NOT NULL,
        url TEXT, external_id TEXT, title TEXT, published TEXT, outlet TEXT, author TEXT,
        duplicate_of TEXT, story_id TEXT, input_sha256 TEXT, doc TEXT NOT NULL, signature BLOB
    );
    CREATE INDEX articles_order ON articles (published, id);
    CREATE INDEX articles_story ON articles (story_id);
    CREATE TABLE article_sources (
        article_id TEXT NOT NULL, source_path TEXT NOT NULL, PRIMARY KEY (article_id, source_path)
    );
    CREATE VIRTUAL TABLE articles_fts USING fts5 (article_id UNINDEXED, title, body, tokenize='unicode61');
    CREATE VIRTUAL TABLE quotes_fts USING fts5 (article_id UNINDEXED, speaker, body, tokenize='unicode61');
    CREATE TABLE annotations (article_id TEXT PRIMARY KEY, doc BLOB NOT NULL);
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
    ) WITHOUT ROWID;
    CREATE TABLE event_actors (
        event_id TEXT NOT NULL, side TEXT NOT NULL, name TEXT NOT NULL, country TEXT, actor_id TEXT
    );
    CREATE INDEX event_actors_name ON event_actors (name COLLATE NOCASE);
    CREATE INDEX event_actors_country ON event_actors (country);
    CREATE INDEX event_actors_event ON event_actors (event_id);
    CREATE TABLE state (key TEXT PRIMARY KEY, value BLOB NOT NULL);
    CREATE TABLE embeddings (article_id TEXT PRIMARY KEY, vector BLOB NOT NULL);
    """,
    # 2: incremental fusion: which fused event holds each mention, and each mention's cross-story key
    """
    CREATE TABLE event_mentions (mention_id TEXT PRIMARY KEY, event_id TEXT NOT NULL);
    CREATE INDEX event_mentions_event ON event_mentions (event_id);
    CREATE TABLE fusion_keys (key TEXT NOT NULL, lo INTEGER NOT NULL, hi INTEGER NOT NULL, article_id TEXT NOT NULL);
    CREATE INDEX fusion_keys_key ON fusion_keys (key, lo);
    CREATE INDEX fusion_keys_article ON fusion_keys (article_id);
    CREATE INDEX event_terms_event ON event_terms (event_id);
    """,
    # 3: the next article number (MAX(seq) on every added article) read from an index, not a scan
    """
    CREATE INDEX articles_seq ON articles (seq);
    """,
    # 4: the story clusterer's state row by row (was one blob in state): a batch writes what it changed
    """
    CREATE TABLE cluster_stories (story_id TEXT PRIMARY KEY, state BLOB NOT NULL);
    CREATE TABLE cluster_counts (
        kind TEXT NOT NULL, term TEXT NOT NULL, n INTEGER NOT NULL, PRIMARY KEY (kind, term)
    ) WITHOUT ROWID;
    CREATE TABLE cluster_postings (key TEXT PRIMARY KEY, story_ids TEXT NOT NULL);
    """,
    # 5: near-duplicate lookup by key: each stored original's MinHash band keys (LSH), read per new article
    """
    CREATE TABLE dedup_keys (
        key INTEGER NOT NULL, article_id TEXT NOT NULL, PRIMARY KEY (key, article_id)
    ) WITHOUT ROWID;
    """,
    # 6: each story row's order beside it, so that a clusterer reading rows by key knows the highest
    """
    ALTER TABLE cluster_stories ADD COLUMN ord INTEGER;
    CREATE INDEX cluster_stories_ord ON cluster_stories (ord);
    """,
    # 7: the orders of a new article's candidate stories read from an index: in the table, a row's order
    # lies after its state, a blob of many overflow pages that reading the order walked through
    """
    CREATE INDEX cluster_stories_story_ord ON cluster_stories (story_id, ord);
    """,
    # 8: incremental fusion reads what it needs by key: each article's readout claims found once (not
    # its text per batch), and each fused event's digest (an unchanged event is told by it, not its doc)
    """
    CREATE TABLE fusion_claims (article_id TEXT PRIMARY KEY, version TEXT NOT NULL, claims TEXT NOT NULL);
    ALTER TABLE events ADD COLUMN digest TEXT;
    """,
    # 9: a fusion block's look-ups answered from indexes alone: the types of an article's mentions
    # (not each mention's row), and the articles of a fusion key in a range of days
    """
    CREATE INDEX mentions_article_type ON mentions (article_id, type);
    CREATE INDEX fusion_keys_span ON fusion_keys (key, lo, hi, article_id);
    DROP INDEX fusion_keys_key;
    """,
    # a stored article found by its record's own id or its URL (`newsfuse show`, the citation marks)
    """
    CREATE INDEX articles_external ON articles (external_id);
    CREATE INDEX articles_url ON articles (url);
    """,
    # what scoring a new article against a story reads of it (its recent members), a third of its row:
    # a candidate story that the article does not join is not read whole
    """
    CREATE TABLE cluster_story_recent (story_id TEXT PRIMARY KEY, recent BLOB NOT NULL);
    """,
    # each event's actor terms on its own row: the keys of its event_terms rows that a rewrite or a
    # delete must find are read from the row it reads anyway, so the index of the terms by event id
    # (as big as the table, one more leaf read and written per changed event) goes
    """
    ALTER TABLE events ADD COLUMN terms TEXT;
    UPDATE events SET terms = (
        SELECT json_group_array(term) FROM (
            SELECT term FROM event_terms t WHERE t.event_id = events.id AND t.sort_key = events.sort_key ORDER BY term
        )
    );
    DROP INDEX event_terms_event;
    """,
    # an article's mentions in order and their types from one index (was: two, both by article: a new
    # article's mentions took a leaf of each, at random in a big store, a disk read past the page cache)
    """
    CREATE INDEX mentions_article_seq_type ON mentions (article_id, seq, type);
    DROP INDEX mentions_article;
    DROP INDEX mentions_article_type;
    """,
    # a story's add-only lists (its articles' ids, titles, dates and embeddings) in chunk rows of a fixed
    # size beside its row: an article joining a big story writes the row and its last chunk, not them all
    """
    CREATE TABLE cluster_story_chunks (
        story_id TEXT NOT NULL, chunk INTEGER NOT NULL, data BLOB NOT NULL, PRIMARY KEY (story_id, chunk)
    ) WITHOUT ROWID;
    """,
    # each article's place in its story's list: a story's record lists its articles from this index, not
    # from a list in its row that grows with the story and was rewritten whole after every batch; the index
    # serves story_id alone too, so the one on story_id goes (one index less to write per article)
    """
    ALTER TABLE articles ADD COLUMN story_rank INTEGER;
    CREATE INDEX articles_story_rank ON articles (story_id, story_rank);
    DROP INDEX articles_story;
    """,
    # a story's index keys on rows of their own beside its row (they grow with every member it ever had: 34 KB
    # at 5,000 articles): a join looks up and adds the keys its article brings, a merge or a removal reads them all
    """
    CREATE TABLE cluster_story_keys (
        story_id TEXT NOT NULL, key TEXT NOT NULL, PRIMARY KEY (story_id, key)
    ) WITHOUT ROWID;
    """,
    # the JSON docs of articles, mentions and fused events compressed (serde.packed_doc, the function
    # PACK_DOC): a third to a half of their text, which took 12.6 of 28 KB per article, so a big store holds
    # them in fewer pages (issue 17: the store outgrew the page cache from ~500,000 articles). The tables
    # are written anew, in their order: a row compressed in place left its page as it was (one row of an
    # article or an event per page), and the pages they leave are reused by the rows added after. Those
    # pages are not overwritten with zeros (secure_delete, on in some builds, wrote each into the WAL: 3.9 GB
    # of WAL for 256,000 articles); their content is in the new rows
    f"""
    PRAGMA secure_delete = FAST;
    CREATE TABLE articles_packed (
        id TEXT PRIMARY KEY, seq INTEGER NOT NULL, source_path TEXT NOT NULL, format TEXT NOT NULL,
        url TEXT, external_id TEXT, title TEXT, published TEXT, outlet TEXT, author TEXT,
        duplicate_of TEXT, story_id TEXT, input_sha256 TEXT, doc TEXT NOT NULL, signature BLOB, story_rank INTEGER
    );
    INSERT INTO articles_packed (rowid, {ARTICLE_COLUMNS}, doc)
        SELECT rowid, {ARTICLE_COLUMNS}, {_packed("doc")} FROM articles ORDER BY rowid;
    DROP TABLE articles;
    ALTER TABLE articles_packed RENAME TO articles;
    CREATE INDEX articles_order ON articles (published, id);
    CREATE INDEX articles_seq ON articles (seq);
    CREATE INDEX articles_external ON articles (external_id);
    CREATE INDEX articles_url ON articles (url);
    CREATE INDEX articles_story_rank ON articles (story_id, story_rank);
    CREATE TABLE mentions_packed (
        id TEXT PRIMARY KEY, article_id TEXT NOT NULL, seq INTEGER NOT NULL, type TEXT, doc TEXT NOT NULL
    );
    INSERT INTO mentions_packed (rowid, id, article_id, seq, type, doc)
        SELECT rowid, id, article_id, seq, type, {_packed("doc")} FROM mentions ORDER BY rowid;
    DROP TABLE mentions;
    ALTER TABLE mentions_packed RENAME TO mentions;
    CREATE INDEX mentions_article_seq_type ON mentions (article_id, seq, type);
    CREATE TABLE events_packed (
        id TEXT PRIMARY KEY, type TEXT, date TEXT, sort_key TEXT NOT NULL, story_id TEXT, doc TEXT NOT NULL,
        digest TEXT, terms TEXT
    );
    INSERT INTO events_packed (rowid, id, type, date, sort_key, story_id, doc, digest, terms)
        SELECT rowid, id, type, date, sort_key, story_id, {_packed("doc")}, digest, terms FROM events ORDER BY rowid;
    DROP TABLE events;
    ALTER TABLE events_packed RENAME TO events;
    CREATE INDEX events_order ON events (sort_key, id);
    CREATE INDEX events_story ON events (story_id);
    """,
]


# pages a connection keeps in memory, in KiB (SQLite's default: 2 MB). An ingest session reads the
# story clusterer's counts, postings and rows and the fusion indexes by key for every batch: in a big
# store those lookups land on more pages than 2 MB holds, and each batch read the inner pages of the
# same indexes again from the file (issue 17: cost per added article as the store grows)
PAGE_CACHE_KIB = 65536

# WAL frames after which a commit copies the WAL back into the file (SQLite's default: 1000). Each
# watched file appends ~200-370 frames, many of them pages that the next files rewrite (the story
# clusterer's word counts, the fused events' index leaves); a checkpoint copies each page once,
# however often the WAL holds it, so a longer WAL writes fewer pages into the file per article:
# 40 watched files on a 64,000-article store, 265 -> 152 pages copied back per file (16,000: 168 -> 77;
# 1,000: 100 -> 27). The WAL file grows to ~40 MB (4 KiB pages) and is reused, not regrown.
WAL_AUTOCHECKPOINT_PAGES = 10000


# where Linux lists this process's open files: SQLite opens the store's file itself, and the
# descriptors it reads through are found here by the file's path
OPEN_FILES = Path("/proc/self/fd")


class ReadAhead:
    """The OS's readahead on the descriptors SQLite reads a store's file through (Linux; nothing
    elsewhere): off (POSIX_FADV_RANDOM) while a write transaction runs, back to the OS's own after it.
    A write transaction reads by key: a page here and there, or a long row's overflow chain, which the
    kernel, finding the pages before one in its cache or pages asked one after another, took for a
    sequential stream and read ahead of, up to the device's window (8 MiB on the growth probe's
    machine): in a store bigger than the page cache the disk served several times the pages SQLite
    asked for, and evicted pages it would read again (issue 17). A whole-table read outside a write
    transaction (an export, a listing) keeps the readahead, which serves it several times faster.
    Another connection of this process to the same file, opened before, is advised with it: only one
    write transaction runs at a time, and its reads meanwhile are by key too."""

    def __init__(self, path: str) -> None:
        self.path = os.path.realpath(path)
        self.descriptors = [fd for fd in self._open() if self._points_here(fd)]

    @staticmethod
    def _open() -> list[int]:
        if not hasattr(os, "posix_fadvise") or not OPEN_FILES.is_dir():
            return []
        return [int(entry.name) for entry in OPEN_FILES.iterdir()]

    def _points_here(self, fd: int) -> bool:
        try:
            return os.readlink(OPEN_FILES / str(fd)) == self.path
        except OSError:  # closed meanwhile, or not a file
            return False

    def random(self, on: bool) -> int:
        """Readahead off (``on``) or back to the OS's own; how many descriptors were advised (one
        closed since, its number perhaps another file's now, is left alone)."""
        advice = os.POSIX_FADV_RANDOM if on else os.POSIX_FADV_NORMAL
        advised = [fd for fd in self.descriptors if self._points_here(fd)]
        for fd in advised:
            os.posix_fadvise(fd, 0, 0, advice)
        return len(advised)


def _fts_query(query: str) -> str:
    """User words -> a safe FTS5 query (each word quoted; no FTS syntax from the user)."""
    words = re.findall(r"\w+", query, flags=re.UNICODE)
    return " ".join('"' + w.replace('"', "") + '"' for w in words)


class SQLiteStore(SQLStore):
    INSERTS_REPLACE = True  # event_mentions rows are written INSERT OR REPLACE

    def __init__(self, path: str | Path):
        self.path = str(path)
        self.url = self.path
        if self.path != ":memory:":
            Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        self._conn = sqlite3.connect(self.path, timeout=60, isolation_level=None, check_same_thread=False)
        self._lock = threading.RLock()
        self._depth = 0
        self._conn.execute("PRAGMA journal_mode=WAL")
        self._conn.execute("PRAGMA synchronous=NORMAL")
        self._conn.execute("PRAGMA foreign_keys=ON")
        self._conn.execute(f"PRAGMA cache_size=-{PAGE_CACHE_KIB}")
        self._conn.execute(f"PRAGMA wal_autocheckpoint={WAL_AUTOCHECKPOINT_PAGES}")
        self._conn.create_function(PACK_DOC, 1, serde.packed_doc, deterministic=True)
        self._migrate()
        self.readahead = ReadAhead(self.path) if self.path != ":memory:" else None

    # ------------------------------------------------------------------ lifecycle
    def close(self) -> None:
        with self._lock:
            self._conn.close()

    def _migrate(self) -> None:
        with self._lock:
            self._conn.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")
            row = self._conn.execute("SELECT MAX(version) FROM schema_version").fetchone()
            current = row[0] or 0
            if 0 < current < len(MIGRATIONS):
                self._note_upgrade(current)
            kept = {name: self._conn.execute(f"PRAGMA {name}").fetchone()[0] for name in MIGRATION_PRAGMAS}
            try:
                for version, script in enumerate(MIGRATIONS, start=1):
                    if version > current:
                        self._migrate_to(version, script)
            finally:
                for name, value in kept.items():
                    self._conn.execute(f"PRAGMA {name} = {int(value)}")

    def _note_upgrade(self, current: int) -> None:
        """Say that a big store is being upgraded: a migration may rewrite whole tables, silent minutes."""
        articles = self._conn.execute("SELECT COALESCE(MAX(rowid), 0) FROM articles").fetchone()[0]
        if articles >= UPGRADE_NOTE_ARTICLES:
            log.warning(
                "%s: upgrading the store's format (schema %d to %d, about %s articles): once, may take minutes",
                self.path,
                current,
                len(MIGRATIONS),
                f"{articles:,}",
            )

    def _migrate_to(self, version: int, script: str) -> None:
        self._conn.execute("BEGIN IMMEDIATE")
        try:
            for statement in script.split(";"):
                if statement.strip():
                    self._conn.execute(statement)
            self._conn.execute("INSERT INTO schema_version VALUES (?)", (version,))
            self._conn.execute("COMMIT")
        except Exception:
            self._conn.execute("ROLLBACK")
            raise

    def schema_version(self) -> int:
        return int(self._conn.execute("SELECT MAX(version) FROM schema_version").fetchone()[0] or 0)

    @contextlib.contextmanager
    def transaction(self) -> Iterator[SQLiteStore]:
        with self._lock:
            outer = self._depth == 0
            if outer:
                self._conn.execute("BEGIN IMMEDIATE")
                self._random_reads(True)
            self._depth += 1
            try:
                yield self
            except BaseException:
                self._depth -= 1
                if outer:
                    self._end("ROLLBACK")
                raise
            self._depth -= 1
            if outer:
                self._end("COMMIT")

    def _end(self, how: str) -> None:
        try:
            self._conn.execute(how)
        finally:
            self._random_reads(False)

    def _random_reads(self, on: bool) -> None:
        if self.readahead is not None:
            self.readahead.random(on)

    def _exec(self, sql: str, params: tuple | list = ()) -> sqlite3.Cursor:
        with self._lock:
            return self._conn.execute(sql, params)

    # ------------------------------------------------------------------ inputs
    def save_input(self, item: InputFile, fmt: str | None) -> bool:
        with self.transaction():
            cur = self._exec(
                "INSERT OR IGNORE INTO inputs (sha256, path, size, format, data, first_seen) VALUES (?,?,?,?,?,?)",
                (item.sha256, item.path, len(item.data), fmt, item.data, time.time()),
            )
            return cur.rowcount == 1

    def record_failure(self, path: str, cause: str, input_sha256: str | None = None) -> None:
        with self.transaction():
            self._exec(
                "INSERT OR IGNORE INTO failures (path, cause, input_sha256, at) VALUES (?,?,?,?)",
                (path, cause, input_sha256, time.time()),
            )

    # ------------------------------------------------------------------ articles
    def add_article(self, article: Article, signature: bytes | None = None) -> bool:
        with self.transaction():
            if self.has_article(article.id):
                self.add_source_alias(article.id, article.source_path)
                return False
            seq = self._exec("SELECT COALESCE(MAX(seq), 0) + 1 FROM articles").fetchone()[0]
            self._exec(
                "INSERT INTO articles (id, seq, source_path, format, url, external_id, title, published, outlet,"
                " author, duplicate_of, story_id, input_sha256, doc, signature) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (
                    article.id,
                    seq,
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
                    self._stored_doc(serde.dumps(serde.article_record(article))),
                    signature,
                ),
            )
            self._exec("INSERT OR IGNORE INTO article_sources VALUES (?, ?)", (article.id, article.source_path))
            self._exec(
                "INSERT INTO articles_fts (article_id, title, body) VALUES (?,?,?)",
                (article.id, article.title or "", article.text),
            )
            return True

    def add_source_alias(self, article_id: str, source_path: str) -> None:
        with self.transaction():
            self._exec("INSERT OR IGNORE INTO article_sources VALUES (?, ?)", (article_id, source_path))

    def search(self, query: str, limit: int = 20) -> list[dict]:
        fts = _fts_query(query)
        if not fts:
            return []
        out: list[dict] = []
        rows = self._exec(
            "SELECT article_id, title, snippet(articles_fts, 2, '[', ']', ' … ', 12), bm25(articles_fts)"
            " FROM articles_fts WHERE articles_fts MATCH ? ORDER BY bm25(articles_fts) LIMIT ?",
            (fts, limit),
        ).fetchall()
        out += [{"kind": "article", "article_id": r[0], "title": r[1], "snippet": r[2], "score": -r[3]} for r in rows]
        rows = self._exec(
            "SELECT article_id, speaker, snippet(quotes_fts, 2, '[', ']', ' … ', 12), bm25(quotes_fts)"
            " FROM quotes_fts WHERE quotes_fts MATCH ? ORDER BY bm25(quotes_fts) LIMIT ?",
            (fts, limit),
        ).fetchall()
        out += [{"kind": "quote", "article_id": r[0], "title": r[1], "snippet": r[2], "score": -r[3]} for r in rows]
        return out

    # ------------------------------------------------------------------ annotations
    def save_encoded_annotations(self, encoded: EncodedAnalysis) -> None:
        aid = encoded.article_id
        with self.transaction():
            again = self._exec("SELECT 1 FROM annotations WHERE article_id = ?", (aid,)).fetchone() is not None
            self._exec("INSERT OR REPLACE INTO annotations (article_id, doc) VALUES (?, ?)", (aid, encoded.annotations))
            if again:  # its quotes were indexed with them: a scan of every quote (article_id is UNINDEXED)
                self._exec("DELETE FROM quotes_fts WHERE article_id = ?", (aid,))
            rows = [(aid, speaker, text) for speaker, text in encoded.quotes]
            self._many("INSERT INTO quotes_fts (article_id, speaker, body) VALUES (?,?,?)", rows)

    # ------------------------------------------------------------------ mentions
    def save_encoded_mentions(self, article_id: str, rows: Sequence[tuple[str, str, str]]) -> None:
        with self.transaction():
            self._exec("DELETE FROM mentions WHERE article_id = ?", (article_id,))
            self._many(
                "INSERT OR REPLACE INTO mentions (id, article_id, seq, type, doc) VALUES (?,?,?,?,?)",
                [(mid, article_id, seq, kind, self._stored_doc(doc)) for seq, (mid, kind, doc) in enumerate(rows)],
            )

    # ------------------------------------------------------------------ stories, events
    def replace_events(self, events: Iterable[Event]) -> None:
        with self.transaction():
            self._forget_fused()
            for table in ("events", "event_actors", "event_terms", "event_mentions"):
                self._exec(f"DELETE FROM {table}")
            self._insert_events(events)

    def _insert_events(self, events: Iterable[Event]) -> None:
        events = list(events)
        event_rows, actor_rows, term_rows = serde.event_table_rows(events, self._encoded_event, self._stored_doc)
        with self._lock:
            self._conn.executemany(
                "INSERT INTO events (id, type, date, sort_key, story_id, doc, digest, terms) VALUES (?,?,?,?,?,?,?,?)",
                event_rows,
            )
            self._conn.executemany(
                "INSERT INTO event_actors (event_id, side, name, country, actor_id) VALUES (?,?,?,?,?)", actor_rows
            )
            self._conn.executemany(
                "INSERT OR IGNORE INTO event_terms (term, sort_key, event_id) VALUES (?,?,?)", term_rows
            )
            self._conn.executemany(
                "INSERT OR REPLACE INTO event_mentions (mention_id, event_id) VALUES (?,?)",
                self._event_mention_rows(events),
            )

    # ------------------------------------------------------------------ state, embeddings
    @staticmethod
    def _stored_doc(doc: str) -> bytes:
        """Compressed: SQLite keeps a value as it is given (PostgreSQL compresses a long one itself)."""
        return serde.packed_doc(doc)

    def set_state(self, key: str, value: bytes) -> None:
        with self.transaction():
            self._exec("INSERT OR REPLACE INTO state (key, value) VALUES (?, ?)", (key, value))

    def lock_state(self, key: str) -> None:
        """Nothing to take: a transaction here is BEGIN IMMEDIATE, which holds the file's one write
        lock, and every reader of a key that is then changed reads it in such a transaction."""

    def _many(self, sql: str, rows: list[tuple]) -> None:
        with self._lock:
            self._conn.executemany(sql, rows)

    def save_embedding(self, article_id: str, vector: bytes) -> None:
        with self.transaction():
            self._exec("INSERT OR REPLACE INTO embeddings (article_id, vector) VALUES (?, ?)", (article_id, vector))
