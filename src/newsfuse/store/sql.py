"""What the SQLite and PostgreSQL stores share: the reads and the simple writes, in one SQL dialect.

Queries use "?" placeholders; the PostgreSQL store's ``_exec`` turns them into psycopg's "%s".
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import time
import weakref
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence, Sized
from functools import lru_cache
from typing import Any, Protocol, TypeVar

from ..model import AnnotatedArticle, Article, Event, EventMention, Story, joined_ranges
from . import serde
from .base import FUSED_TOKEN, EventFilter, Store


class Cursor(Protocol):
    """What the stores read from a DB-API cursor, sqlite3's or psycopg's; rows are tuples."""

    @property
    def rowcount(self) -> int: ...

    def fetchone(self) -> Any: ...

    def fetchall(self) -> list[Any]: ...


IN_CHUNK = 500  # ids per "IN (...)" list: under SQLite's limit on bound variables
MAX_POSTINGS_COUNTED = 10_000_000  # an actor term's postings are counted no further
TERM_COUNT_SECONDS = 300.0  # how long a store remembers how many events carry an actor term
MAX_TERMS_REMEMBERED = 4096
_TERM_COUNTS: dict[tuple[str, str, str], tuple[int, float]] = {}  # (database, schema, term) -> (events, when)


K = TypeVar("K", str, int)


def _chunks(ids: Iterable[K]) -> Iterator[list[K]]:
    ordered = sorted(set(ids))
    for i in range(0, len(ordered), IN_CHUNK):
        yield ordered[i : i + IN_CHUNK]


# the tables of a story's clusterer rows, by story id: its row, recent row, chunk rows and keys rows
_STORY_TABLES = ("cluster_stories", "cluster_story_recent", "cluster_story_chunks", "cluster_story_keys")


def _marks(ids: Sized) -> str:
    return ",".join("?" * len(ids))


KEPT = 1 << 15  # decoded mentions (and fused rows) kept for the next fusion of the same block
ARTICLES_KEPT = 1 << 12  # decoded articles kept for the same reason ...
ARTICLE_CHARS_KEPT = 1 << 26  # ... and no more than this many characters of their stored docs
_ARTICLES: dict[str, Article] = {}  # stored doc -> the article it decodes to
_article_chars = 0  # characters of the docs in _ARTICLES
# id(event) -> (that event, weakly: the entry goes with it; its doc, digest). The events live as long as
# fusion keeps them: an entry that held its event kept every superseded version of a growing event
# (and its mention refs) until a count of entries, so a watch's heap grew with the square of a story.
_EVENT_DOCS: dict[int, tuple[weakref.ref[Event], str, str]] = {}


@lru_cache(maxsize=KEPT)
def _mention_of_doc(doc: str) -> EventMention:
    """A stored mention decoded once per doc: re-fusing a block reads the same docs again."""
    return serde.mention_from(json.loads(doc))


def _with_story(article: Article, story_id: str | None) -> Article:
    """The article with the story its row holds (the doc keeps the story it was stored with)."""
    return article if story_id == article.story_id else dataclasses.replace(article, story_id=story_id)


def _article_of_row(row: tuple[str | bytes, str | None]) -> Article:
    """A stored article (doc, story id) decoded once per doc: re-fusing a block reads its articles again.
    The docs kept are bounded in number and in characters (an article may be a book on one line)."""
    global _article_chars
    doc = serde.doc_text(row[0])
    found = _ARTICLES.get(doc)
    if found is None:
        if len(_ARTICLES) >= ARTICLES_KEPT or _article_chars + len(doc) > ARTICLE_CHARS_KEPT:
            _ARTICLES.clear()
            _article_chars = 0
        found = serde.article_from(json.loads(doc))
        if len(doc) <= ARTICLE_CHARS_KEPT:
            _ARTICLES[doc] = found
            _article_chars += len(doc)
    return _with_story(found, row[1])


def _digest_of_event(event: Event) -> str:
    """The ``serde.doc_digest`` of an event's doc, computed once per event object with its doc."""
    return _encoded_event(event)[1]


def _encoded_event(event: Event) -> tuple[str, str]:
    """(doc, digest) of an event, encoded once per event object and kept while it lives (fusion hands
    back the same object for an event it did not rebuild)."""
    key = id(event)
    found = _EVENT_DOCS.get(key)
    if found is None or found[0]() is not event:
        doc = serde.dumps_event(event)
        found = _EVENT_DOCS[key] = (weakref.ref(event, _forget_doc(key)), doc, serde.doc_digest(doc))
    return found[1], found[2]


def _forget_doc(key: int) -> Callable[[weakref.ref[Event]], None]:
    """The callback that drops an event's entry when the event goes."""

    def forget(_: weakref.ref[Event]) -> None:
        _EVENT_DOCS.pop(key, None)

    return forget


@dataclasses.dataclass(frozen=True)
class _FusedRows:
    """What a store's last ``replace_events_of`` left in the event tables for its mentions, valid while
    the store's ``fused_token`` is ``token``."""

    token: bytes
    event_of: dict[str, str]  # mention id -> the id of the event holding it
    digests: dict[str, str]  # event id -> its stored doc's digest


class SQLStore(Store):
    """Shared implementation; subclasses provide ``_exec``, ``transaction`` and the dialect-specific writes."""

    PLACEHOLDER = "?"
    INSERTS_REPLACE = False  # whether ``_insert_events`` replaces a mention's row held by another event
    _fused: _FusedRows | None = None  # the last replace_events_of's rows (per store object)

    def _exec(self, sql: str, params: tuple | list = ()) -> Cursor:
        raise NotImplementedError

    def _count(self, sql: str, params: tuple | list = ()) -> int:
        """The integer in the first column of the first row (COUNT, MAX, ...); 0 for NULL."""
        return int(self._exec(sql, params).fetchone()[0] or 0)

    def failures(self) -> list[dict]:
        rows = self._exec("SELECT path, cause, input_sha256 FROM failures ORDER BY at, path").fetchall()
        return [{"path": r[0], "cause": r[1], "input_sha256": r[2]} for r in rows]

    def input_bytes(self, sha256: str) -> bytes | None:
        row = self._exec("SELECT data FROM inputs WHERE sha256 = ?", (sha256,)).fetchone()
        return bytes(row[0]) if row else None

    def count_inputs(self) -> int:
        return self._count("SELECT COUNT(*) FROM inputs")

    def has_article(self, article_id: str) -> bool:
        return self._exec("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone() is not None

    def sources(self, article_id: str) -> list[str]:
        rows = self._exec("SELECT source_path FROM article_sources WHERE article_id = ? ORDER BY 1", (article_id,))
        return [r[0] for r in rows.fetchall()]

    def _article_row(self, row: tuple[str | bytes, str | None]) -> Article:
        return _with_story(serde.article_from(json.loads(serde.doc_text(row[0]))), row[1])

    def _rows_in(self, sql: str, ids: Iterable[K], before: Sequence[Any] = ()) -> Iterator[Any]:
        """The rows of ``sql`` (its ``{marks}`` the placeholders of an IN list) over all ``ids``, a
        chunk at a time; ``before`` are the parameters ahead of the list."""
        chunk: list[K]
        for chunk in _chunks(ids):
            yield from self._exec(sql.format(marks=_marks(chunk)), [*before, *chunk]).fetchall()

    def article(self, article_id: str) -> Article | None:
        row = self._exec("SELECT doc, story_id FROM articles WHERE id = ?", (article_id,)).fetchone()
        return self._article_row(row) if row else None

    def articles_named(self, handle: str) -> list[Article]:
        rows = self._exec(
            "SELECT doc, story_id FROM articles WHERE external_id = ? UNION "
            "SELECT doc, story_id FROM articles WHERE url = ? LIMIT 2",
            (handle, handle),
        ).fetchall()
        return [self._article_row(r) for r in rows]

    def articles(self, limit: int | None = None, after: str | None = None) -> list[Article]:
        sql = "SELECT doc, story_id FROM articles"
        params: list = []
        if after:
            sql += " WHERE seq > (SELECT seq FROM articles WHERE id = ?)"
            params.append(after)
        sql += " ORDER BY seq"
        if limit is not None:
            sql += " LIMIT ?"
            params.append(int(limit))
        return [self._article_row(r) for r in self._exec(sql, params).fetchall()]

    def count_articles(self) -> int:
        return self._count("SELECT COUNT(*) FROM articles")

    def signatures(self) -> Iterator[tuple[str, bytes]]:
        rows = self._exec(
            "SELECT id, signature FROM articles WHERE signature IS NOT NULL AND duplicate_of IS NULL ORDER BY seq"
        ).fetchall()
        for r in rows:
            yield r[0], bytes(r[1])

    def add_dedup_keys(self, rows: Iterable[tuple[str, Sequence[int]]]) -> None:
        with self.transaction():
            self._many(
                "INSERT INTO dedup_keys (key, article_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
                [(key, article_id) for article_id, keys in rows for key in keys],
            )

    def dedup_candidates(self, keys: Sequence[int]) -> list[tuple[str, int, bytes]]:
        sql = (
            "SELECT a.id, a.seq, a.signature FROM dedup_keys k JOIN articles a ON a.id = k.article_id"
            " WHERE k.key IN ({marks}) AND a.signature IS NOT NULL AND a.duplicate_of IS NULL"
        )
        found = {r[0]: (r[0], int(r[1]), bytes(r[2])) for r in self._rows_in(sql, keys)}
        return sorted(found.values(), key=lambda r: r[1])

    def set_story(self, article_id: str, story_id: str | None, rank: int | None = None) -> None:
        with self.transaction():
            self._exec("UPDATE articles SET story_id = ?, story_rank = ? WHERE id = ?", (story_id, rank, article_id))

    def annotations(self, article_id: str) -> AnnotatedArticle | None:
        article = self.article(article_id)
        row = self._exec("SELECT doc FROM annotations WHERE article_id = ?", (article_id,)).fetchone()
        if article is None or row is None:
            return None
        return serde.annotations_from(article, serde.unpack(bytes(row[0])))

    def mentions(self, article_id: str | None = None) -> list[EventMention]:
        if article_id:
            rows = self._exec("SELECT doc FROM mentions WHERE article_id = ? ORDER BY seq", (article_id,))
        else:
            rows = self._exec(
                "SELECT m.doc FROM mentions m JOIN articles a ON a.id = m.article_id ORDER BY a.seq, m.seq"
            )
        return [serde.mention_from(json.loads(serde.doc_text(r[0]))) for r in rows.fetchall()]

    def mentions_of(self, article_ids: Iterable[str]) -> list[EventMention]:
        out: list[EventMention] = []
        for ids in _chunks(article_ids):
            rows = self._exec(
                f"SELECT doc FROM mentions WHERE article_id IN ({_marks(ids)}) ORDER BY article_id, seq", ids
            )
            out += [_mention_of_doc(serde.doc_text(r[0])) for r in rows.fetchall()]
        return out

    def articles_by_id(self, article_ids: Iterable[str]) -> list[Article]:
        out: list[Article] = []
        for ids in _chunks(article_ids):
            rows = self._exec(f"SELECT doc, story_id FROM articles WHERE id IN ({_marks(ids)}) ORDER BY id", ids)
            out += [_article_of_row(r) for r in rows.fetchall()]
        return out

    def stories_of(self, article_ids: Iterable[str]) -> dict[str, str | None]:
        out: dict[str, str | None] = {}
        for ids in _chunks(article_ids):
            rows = self._exec(f"SELECT id, story_id FROM articles WHERE id IN ({_marks(ids)})", ids)
            out.update((r[0], r[1]) for r in rows.fetchall())
        return out

    def articles_in_stories(self, story_ids: Iterable[str]) -> dict[str, str]:
        out: dict[str, str] = {}
        for ids in _chunks(story_ids):
            rows = self._exec(f"SELECT id, story_id FROM articles WHERE story_id IN ({_marks(ids)})", ids)
            out.update((r[0], r[1]) for r in rows.fetchall())
        return out

    def mention_types(self, article_ids: Iterable[str]) -> dict[str, set[str]]:
        out: dict[str, set[str]] = {}
        for ids in _chunks(article_ids):
            rows = self._exec(
                f"SELECT DISTINCT article_id, type FROM mentions WHERE article_id IN ({_marks(ids)})", ids
            )
            for article_id, kind in rows.fetchall():
                out.setdefault(article_id, set()).add(kind or "")
        return out

    def story_mention_types(self, story_ids: Iterable[str]) -> dict[str, tuple[str, set[str]]]:
        sql = (
            "SELECT DISTINCT a.id, a.story_id, m.type FROM articles a JOIN mentions m ON m.article_id = a.id"
            " WHERE a.story_id IN ({marks})"
        )
        out: dict[str, tuple[str, set[str]]] = {}
        for article_id, story_id, kind in self._rows_in(sql, story_ids):
            out.setdefault(article_id, (story_id, set()))[1].add(kind or "")
        return out

    def save_fusion_keys(self, article_id: str, keys: Iterable[tuple[str, int, int]]) -> None:
        with self.transaction():
            self._exec("DELETE FROM fusion_keys WHERE article_id = ?", (article_id,))
            for key, lo, hi in sorted(set(keys)):
                self._exec(
                    "INSERT INTO fusion_keys (key, lo, hi, article_id) VALUES (?, ?, ?, ?)", (key, lo, hi, article_id)
                )

    def fusion_neighbours(self, article_ids: Iterable[str], days: int) -> set[str]:
        """The articles with a key whose days lie within ``days`` of one of these articles' days for
        that key: the articles' day ranges, widened and merged per key, each looked up once (not a
        join of every key row of these articles with every row of its key)."""
        spans: dict[str, list[tuple[int, int]]] = {}
        for ids in _chunks(article_ids):
            rows = self._exec(f"SELECT key, lo, hi FROM fusion_keys WHERE article_id IN ({_marks(ids)})", ids)
            for key, lo, hi in rows.fetchall():
                spans.setdefault(key, []).append((lo - days, hi + days))
        out: set[str] = set()
        for key, ranges in sorted(spans.items()):
            for lo, hi in joined_ranges(ranges):
                rows = self._exec(
                    "SELECT DISTINCT article_id FROM fusion_keys WHERE key = ? AND lo <= ? AND hi >= ?", (key, hi, lo)
                )
                out.update(r[0] for r in rows.fetchall())
        return out

    def replace_events_of(self, mention_ids: Iterable[str], events: Iterable[Event]) -> None:
        """Only what changed is written: an event stored with the same record (every table row of an
        event derives from it) keeps its rows; the other old events go, the other new ones come. A
        stored event is compared by its doc's digest (a row written before digests, by its doc)."""
        mention_ids = list(mention_ids)
        with self.transaction():
            kept = self._kept_fused()
            old = self._stored_events_of(mention_ids, kept)
            new = {e.id: (e, _digest_of_event(e)) for e in events}
            event_of = {m.mention_id: i for i, (e, _) in new.items() for m in e.mentions}
            gone = [i for i in old if i not in new]
            for ids in _chunks(gone):
                self._delete_term_rows(sorted(self._term_rows_of(ids)))
                self._exec(f"DELETE FROM events WHERE id IN ({_marks(ids)})", ids)
                for table in ("event_actors", "event_mentions"):
                    self._exec(f"DELETE FROM {table} WHERE event_id IN ({_marks(ids)})", ids)
            changed = [e for i, (e, digest) in new.items() if i in old and old[i] != digest]
            rewrites = {e.id for e in changed} | ({i for i in new if i not in old} if self.INSERTS_REPLACE else set())
            self._rewrite_events(changed, event_of, kept, rewrites)
            self._insert_events(e for i, (e, digest) in new.items() if i not in old)
            self._keep_fused(mention_ids, {i: digest for i, (_, digest) in new.items()}, event_of)

    def _rewrite_events(
        self, events: list[Event], event_of: dict[str, str], kept: _FusedRows | None, rewrites: set[str]
    ) -> None:
        """Stored events that keep their ids but changed: each event's row updated in place and, of
        its actor, term and mention rows, only those that differ deleted or added (an event that
        gains a mention keeps most of its rows; rewriting them dirtied their index pages for nothing)."""
        if not events:
            return
        event_rows, actor_rows, term_rows = serde.event_table_rows(events, self._encoded_event, self._stored_doc)
        ids = [e.id for e in events]
        sql = "SELECT id, sort_key, terms, story_id FROM events WHERE id IN ({marks})"
        stored = {r[0]: tuple(r) for r in self._rows_in(sql, ids)}  # before the rows change
        old_terms = {key for r in stored.values() for key in serde.event_term_rows(*r[:3])}
        self._update_event_rows(event_rows, {i: (r[1], r[3]) for i, r in stored.items()})
        self._rewrite_event_actors(ids, actor_rows)
        new_terms = set(term_rows)
        self._delete_term_rows(sorted(old_terms - new_terms))
        self._many("INSERT INTO event_terms (term, sort_key, event_id) VALUES (?,?,?)", sorted(new_terms - old_terms))
        self._rewrite_event_mentions(set(ids), event_of, kept, rewrites)

    def _rewrite_event_mentions(
        self, ids: set[str], event_of: dict[str, str], kept: _FusedRows | None, rewrites: set[str]
    ) -> None:
        """The ``event_mentions`` rows of events rewritten in place, diffed against what the last write
        kept when it wrote them all (else read back). A mention that moves to an event whose rows will
        replace its row (``rewrites``) is not deleted first."""
        if kept is not None and ids <= kept.digests.keys():
            old_of = kept.event_of  # its rows of other events are passed over below
        else:
            sql = "SELECT mention_id, event_id FROM event_mentions WHERE event_id IN ({marks})"
            old_of = {r[0]: r[1] for r in self._rows_in(sql, ids)}
        now, before = event_of.get, old_of.get
        dropped = [(m, i) for m, i in old_of.items() if i in ids and now(m) != i and now(m) not in rewrites]
        self._many("DELETE FROM event_mentions WHERE mention_id = ? AND event_id = ?", sorted(dropped))
        self._many(
            "INSERT INTO event_mentions (mention_id, event_id) VALUES (?,?)"
            " ON CONFLICT (mention_id) DO UPDATE SET event_id = excluded.event_id",
            sorted((m, i) for m, i in event_of.items() if i in ids and before(m) != i),
        )

    def _update_event_rows(self, event_rows: list[tuple], indexed: dict[str, tuple[str, str | None]]) -> None:
        """Update event rows in place; a row whose indexed columns (sort_key, story_id: ``indexed`` holds
        the stored ones) keep their values sets only the others, so that its index entries are not
        deleted and inserted again (SQLite rewrites an index whose column an UPDATE sets, same value or not)."""
        kept = [r for r in event_rows if indexed.get(r[0]) == (r[3], r[4])]
        moved = [r for r in event_rows if indexed.get(r[0]) != (r[3], r[4])]
        self._many(
            "UPDATE events SET type = ?, date = ?, doc = ?, digest = ?, terms = ? WHERE id = ?",
            [(r[1], r[2], r[5], r[6], r[7], r[0]) for r in kept],
        )
        self._many(
            "UPDATE events SET type = ?, date = ?, sort_key = ?, story_id = ?, doc = ?, digest = ?, terms = ?"
            " WHERE id = ?",
            [(*r[1:], r[0]) for r in moved],
        )

    def _term_rows_of(self, event_ids: Iterable[str]) -> set[tuple[str, str, str]]:
        """The ``event_terms`` keys of these stored events, from their own rows."""
        sql = "SELECT id, sort_key, terms FROM events WHERE id IN ({marks})"
        return {key for r in self._rows_in(sql, event_ids) for key in serde.event_term_rows(*r)}

    def _delete_term_rows(self, keys: list[tuple[str, str, str]]) -> None:
        self._many("DELETE FROM event_terms WHERE term = ? AND sort_key = ? AND event_id = ?", keys)

    def _rewrite_event_actors(self, ids: list[str], actor_rows: list[tuple]) -> None:
        """The actor rows of events rewritten in place: an event whose rows (a multiset: the table has
        no key) are unchanged keeps them; the others' rows are replaced."""
        sql = "SELECT event_id, side, name, country, actor_id FROM event_actors WHERE event_id IN ({marks})"
        old: dict[str, Counter] = {i: Counter() for i in ids}
        new: dict[str, Counter] = {i: Counter() for i in ids}
        for row in self._rows_in(sql, ids):
            old[row[0]][tuple(row)] += 1
        for row in actor_rows:
            new[row[0]][row] += 1
        changed = {i for i in ids if old[i] != new[i]}
        self._many("DELETE FROM event_actors WHERE event_id = ?", [(i,) for i in sorted(changed)])
        self._many(
            "INSERT INTO event_actors (event_id, side, name, country, actor_id) VALUES (?,?,?,?,?)",
            [row for row in actor_rows if row[0] in changed],
        )

    def _kept_fused(self) -> _FusedRows | None:
        """What this store object's last ``replace_events_of`` kept, while no other write of the fused
        events came since (the store's ``fused_token`` is the one it kept)."""
        kept = self._fused
        return kept if kept is not None and kept.token == self.fused_token() else None

    def _stored_events_of(self, mention_ids: list[str], kept: _FusedRows | None) -> dict[str, str]:
        """The stored events holding these mentions -> their digests: looked up in ``kept`` for the
        mentions it holds, read for the others."""
        if kept is None:
            return self._stored_event_digests(self._events_of_mentions(mention_ids))
        known = {kept.event_of[m] for m in mention_ids if m in kept.event_of}
        unknown = [m for m in mention_ids if m not in kept.event_of]
        more = self._events_of_mentions(unknown) - known if unknown else set()
        return {i: kept.digests[i] for i in known} | self._stored_event_digests(more)

    def _keep_fused(self, mention_ids: list[str], digests: dict[str, str], event_of: dict[str, str]) -> None:
        """Remember the events just written for these mentions (id -> digest; mention id -> event id)
        under the next ``fused_token``: a digest of the one before and of what was written (the same
        write from the same state, the same token)."""
        written = json.dumps([sorted(mention_ids), sorted(digests.items())]).encode()
        token = hashlib.blake2b((self.fused_token() or b"") + written, digest_size=16).digest()
        self.set_state(FUSED_TOKEN, token)
        self._fused = _FusedRows(token, event_of, digests) if len(event_of) <= KEPT else None

    def _forget_fused(self) -> None:
        """Every fused event replaced (``replace_events``): what ``replace_events_of`` kept no longer holds."""
        self._fused = None
        self._exec("DELETE FROM state WHERE key = ?", (FUSED_TOKEN,))

    def _events_of_mentions(self, mention_ids: Iterable[str]) -> set[str]:
        return {
            r[0]
            for r in self._rows_in("SELECT event_id FROM event_mentions WHERE mention_id IN ({marks})", mention_ids)
        }

    def _stored_event_digests(self, event_ids: Iterable[str]) -> dict[str, str]:
        """Event id -> its stored doc's digest (computed here for a row stored without one)."""
        sql = "SELECT id, digest, CASE WHEN digest IS NULL THEN doc END FROM events WHERE id IN ({marks})"
        return {r[0]: r[1] or serde.doc_digest(serde.doc_text(r[2])) for r in self._rows_in(sql, event_ids)}

    @staticmethod
    def _encoded_event(event: Event) -> tuple[str, str]:
        return _encoded_event(event)

    @staticmethod
    def _stored_doc(doc: str) -> str | bytes:
        """The form a row keeps a doc in (article, mention, event): the JSON itself here."""
        return doc

    def fusion_articles(self, article_ids: Iterable[str]) -> dict[str, tuple[str | None, str | None]]:
        """Article id -> (outlet, story id), read from the article rows' own columns (not their docs)."""
        sql = "SELECT id, outlet, story_id FROM articles WHERE id IN ({marks})"
        return {r[0]: (r[1], r[2]) for r in self._rows_in(sql, article_ids)}

    def fusion_claims(self, article_ids: Iterable[str], version: str) -> dict[str, list[tuple[str, str]]]:
        """Article id -> the readout claims kept for it under ``version``, for those that have them."""
        sql = "SELECT article_id, claims FROM fusion_claims WHERE version = ? AND article_id IN ({marks})"
        return {r[0]: [(k, w) for k, w in json.loads(r[1])] for r in self._rows_in(sql, article_ids, (version,))}

    def save_fusion_claims(self, claims: Mapping[str, Sequence[tuple[str, str]]], version: str) -> None:
        with self.transaction():
            self._many(
                "INSERT INTO fusion_claims (article_id, version, claims) VALUES (?, ?, ?)"
                " ON CONFLICT (article_id) DO UPDATE SET version = excluded.version, claims = excluded.claims",
                [(a, version, json.dumps([list(c) for c in found])) for a, found in sorted(claims.items())],
            )

    def _insert_events(self, events: Iterable[Event]) -> None:
        raise NotImplementedError

    @staticmethod
    def _event_mention_rows(events: Iterable[Event]) -> list[tuple[str, str]]:
        return [(m.mention_id, e.id) for e in events for m in e.mentions]

    def save_stories(self, stories: Iterable[Story]) -> None:
        with self.transaction():
            self._exec("DELETE FROM stories")
            for s in stories:
                self._exec("INSERT INTO stories (id, doc) VALUES (?, ?)", (s.id, serde.dumps(s)))

    def replace_stories_of(self, story_ids: Iterable[str], stories: Iterable[Story]) -> None:
        stories = list(stories)
        with self.transaction():
            for ids in _chunks({*story_ids, *(s.id for s in stories)}):
                self._exec(f"DELETE FROM stories WHERE id IN ({_marks(ids)})", ids)
            for s in stories:
                self._exec("INSERT INTO stories (id, doc) VALUES (?, ?)", (s.id, serde.story_doc(s)))

    def stories(self, limit: int | None = None, after: str | None = None) -> list[Story]:
        sql = "SELECT doc FROM stories"
        params: list[str | int] = []
        if after is not None:
            sql += " WHERE id > ?"
            params.append(after)
        sql += " ORDER BY id"
        if limit is not None:
            sql += " LIMIT ?"
            params.append(int(limit))
        return self._listed([json.loads(r[0]) for r in self._exec(sql, params).fetchall()])

    def story(self, story_id: str) -> Story | None:
        row = self._exec("SELECT doc FROM stories WHERE id = ?", (story_id,)).fetchone()
        return self._listed([json.loads(row[0])])[0] if row else None

    def _listed(self, docs: list[dict[str, Any]]) -> list[Story]:
        """Stored story records as stories: a record saved without its article ids lists the articles
        of its story by their places (``articles.story_rank``), read from the index of both."""
        unlisted = [d["id"] for d in docs if "article_ids" not in d]
        members: dict[str, list[str]] = {}
        sql = "SELECT story_id, id FROM articles WHERE story_id IN ({marks}) ORDER BY story_id, story_rank"
        for story_id, article_id in self._rows_in(sql, unlisted):
            members.setdefault(story_id, []).append(article_id)
        return [
            serde.story_from(d if "article_ids" in d else {**d, "article_ids": members.get(d["id"], [])}) for d in docs
        ]

    def events(self, flt: EventFilter | None = None) -> list[Event]:
        return [serde.event_from(json.loads(doc)) for doc in self._event_docs(flt or EventFilter())]

    def event_records(self, flt: EventFilter | None = None) -> list[dict[str, Any]]:
        return [serde.event_plain(json.loads(doc)) for doc in self._event_docs(flt or EventFilter())]

    def _event_docs(self, flt: EventFilter) -> list[str]:
        terms = serde.actor_filter_terms(flt)
        query = serde.event_query(flt, "?", self._rarest_first(terms) if terms else terms)
        if query is None:
            return []
        return [serde.doc_text(r[0]) for r in self._exec(*query).fetchall()]

    def _rarest_first(self, terms: list[str]) -> list[str]:
        """The actor filter's terms, those on the fewest events first (ties by term): the first
        one's postings drive the event query, the others are checked in this order."""
        if len(terms) < 2:
            return terms
        counts = {t: self._term_count(t) for t in terms}
        return sorted(terms, key=lambda t: (counts[t], t))

    def _term_count(self, term: str) -> int:
        """How many events carry ``term`` (at most MAX_POSTINGS_COUNTED), remembered for
        TERM_COUNT_SECONDS by every store this process opens on the same database (an API worker
        opens one per thread): the counts choose which postings drive, never the answer."""
        key = (self.url, getattr(self, "schema", None) or "", term)
        now = time.monotonic()
        hit = _TERM_COUNTS.get(key)
        if hit is not None and now - hit[1] < TERM_COUNT_SECONDS:
            return hit[0]
        n = self._count(
            "SELECT COUNT(*) FROM (SELECT 1 FROM event_terms WHERE term = ? LIMIT ?) c", (term, MAX_POSTINGS_COUNTED)
        )
        if len(_TERM_COUNTS) >= MAX_TERMS_REMEMBERED:
            _TERM_COUNTS.clear()
        _TERM_COUNTS[key] = (n, now)
        return n

    def event(self, event_id: str) -> Event | None:
        row = self._exec("SELECT doc FROM events WHERE id = ?", (event_id,)).fetchone()
        return serde.event_from(json.loads(serde.doc_text(row[0]))) if row else None

    def get_state(self, key: str) -> bytes | None:
        row = self._exec("SELECT value FROM state WHERE key = ?", (key,)).fetchone()
        return bytes(row[0]) if row else None

    def delete_state(self, key: str) -> None:
        with self.transaction():
            self._exec("DELETE FROM state WHERE key = ?", (key,))

    def _many(self, sql: str, rows: list[tuple]) -> None:
        """One statement over many rows (the caller holds a transaction)."""
        raise NotImplementedError

    def save_cluster_stories(
        self,
        rows: Mapping[str, bytes],
        removed: Iterable[str],
        orders: Mapping[str, int] | None = None,
        recent: Mapping[str, bytes] | None = None,
        chunks: Mapping[str, tuple[int, Mapping[int, bytes]]] | None = None,
    ) -> None:
        orders, recent = orders or {}, recent or {}
        with self.transaction():
            for ids in _chunks(removed):
                for table in _STORY_TABLES:
                    self._exec(f"DELETE FROM {table} WHERE story_id IN ({_marks(ids)})", ids)
            self._many(
                "INSERT INTO cluster_stories (story_id, state, ord) VALUES (?, ?, ?)"
                " ON CONFLICT (story_id) DO UPDATE SET state = excluded.state, ord = excluded.ord",
                [(sid, row, orders.get(sid)) for sid, row in rows.items()],
            )
            self.save_cluster_recent_rows({sid: recent.get(sid) for sid in rows})
            self._save_story_chunks(chunks or {})

    def _save_story_chunks(self, chunks: Mapping[str, tuple[int, Mapping[int, bytes]]]) -> None:
        """Each story's chunk rows: the given ones inserted or replaced, those past its count deleted."""
        for sid, (count, _) in sorted(chunks.items()):
            self._exec("DELETE FROM cluster_story_chunks WHERE story_id = ? AND chunk >= ?", (sid, count))
        self._many(
            "INSERT INTO cluster_story_chunks (story_id, chunk, data) VALUES (?, ?, ?)"
            " ON CONFLICT (story_id, chunk) DO UPDATE SET data = excluded.data",
            [(sid, k, data) for sid, (_, rows) in sorted(chunks.items()) for k, data in sorted(rows.items())],
        )

    def save_cluster_story_keys(self, keys: Mapping[str, tuple[bool, Collection[str]]]) -> None:
        with self.transaction():
            for ids in _chunks([sid for sid, (replace, _) in keys.items() if replace]):
                self._exec(f"DELETE FROM cluster_story_keys WHERE story_id IN ({_marks(ids)})", ids)
            self._many(
                "INSERT INTO cluster_story_keys (story_id, key) VALUES (?, ?) ON CONFLICT DO NOTHING",
                [(sid, key) for sid, (_, added) in sorted(keys.items()) for key in sorted(added)],
            )

    def cluster_story_keys(self, story_ids: Iterable[str]) -> dict[str, list[str]]:
        out: dict[str, list[str]] = {}
        sql = "SELECT story_id, key FROM cluster_story_keys WHERE story_id IN ({marks}) ORDER BY story_id, key"
        for sid, key in self._rows_in(sql, story_ids):
            out.setdefault(sid, []).append(key)
        return out

    def cluster_story_keys_among(self, story_id: str, keys: Iterable[str]) -> list[str]:
        sql = "SELECT key FROM cluster_story_keys WHERE story_id = ? AND key IN ({marks})"
        return sorted(r[0] for r in self._rows_in(sql, keys, (story_id,)))

    def cluster_story_chunks(self, first: Mapping[str, int]) -> dict[str, list[bytes]]:
        out: dict[str, list[bytes]] = {}
        whole = [sid for sid, k in first.items() if k <= 0]
        sql = "SELECT story_id, data FROM cluster_story_chunks WHERE story_id IN ({marks}) ORDER BY story_id, chunk"
        for sid, data in self._rows_in(sql, whole):
            out.setdefault(sid, []).append(bytes(data))
        sql = "SELECT data FROM cluster_story_chunks WHERE story_id = ? AND chunk >= ? ORDER BY chunk"
        for sid, k in sorted(first.items()):
            if k > 0:
                out[sid] = [bytes(r[0]) for r in self._exec(sql, (sid, k)).fetchall()]
        return out

    def save_cluster_recent_rows(self, recent: Mapping[str, bytes | None]) -> None:
        with self.transaction():
            for ids in _chunks([sid for sid, row in recent.items() if row is None]):
                self._exec(f"DELETE FROM cluster_story_recent WHERE story_id IN ({_marks(ids)})", ids)
            self._many(
                "INSERT INTO cluster_story_recent (story_id, recent) VALUES (?, ?)"
                " ON CONFLICT (story_id) DO UPDATE SET recent = excluded.recent",
                [(sid, row) for sid, row in recent.items() if row is not None],
            )

    def cluster_story_rows(self, story_ids: Iterable[str]) -> dict[str, bytes]:
        sql = "SELECT story_id, state FROM cluster_stories WHERE story_id IN ({marks})"
        return {r[0]: bytes(r[1]) for r in self._rows_in(sql, story_ids)}

    def cluster_story_recent_rows(self, story_ids: Iterable[str]) -> dict[str, bytes]:
        sql = "SELECT story_id, recent FROM cluster_story_recent WHERE story_id IN ({marks})"
        return {r[0]: bytes(r[1]) for r in self._rows_in(sql, story_ids)}

    def cluster_counts_of(self, kind: str, terms: Iterable[str]) -> dict[str, int]:
        """The stored count of each of these terms that has one (thousands per candidate story a
        clusterer reads: the rows go into the dict a chunk at a time, not one by one)."""
        sql = "SELECT term, n FROM cluster_counts WHERE kind = ? AND term IN ({marks})"
        out: dict[str, int] = {}
        for chunk in _chunks(terms):
            out.update(self._exec(sql.format(marks=_marks(chunk)), [kind, *chunk]).fetchall())
        return out

    def cluster_postings_of(self, keys: Iterable[str]) -> dict[str, list[str]]:
        sql = "SELECT key, story_ids FROM cluster_postings WHERE key IN ({marks})"
        return {r[0]: json.loads(r[1]) for r in self._rows_in(sql, keys)}

    def cluster_story_ids(self) -> list[str]:
        return [r[0] for r in self._exec("SELECT story_id FROM cluster_stories ORDER BY story_id").fetchall()]

    def cluster_story_orders(self, story_ids: Iterable[str]) -> dict[str, int]:
        sql = "SELECT story_id, ord FROM cluster_stories WHERE story_id IN ({marks}) AND ord IS NOT NULL"
        return {r[0]: int(r[1]) for r in self._rows_in(sql, story_ids)}

    def cluster_max_order(self, excluding: Iterable[str]) -> int | None:
        skip = set(excluding)
        sql = "SELECT story_id, ord FROM cluster_stories WHERE ord IS NOT NULL ORDER BY ord DESC LIMIT ?"
        rows = self._exec(sql, (len(skip) + 1,)).fetchall()
        return next((int(r[1]) for r in rows if r[0] not in skip), None)

    def cluster_orders_missing(self) -> bool:
        return self._exec("SELECT 1 FROM cluster_stories WHERE ord IS NULL LIMIT 1").fetchone() is not None

    def add_cluster_counts(self, counts: Iterable[tuple[str, str, int]]) -> None:
        with self.transaction():
            self._many(
                "INSERT INTO cluster_counts (kind, term, n) VALUES (?, ?, ?)"
                " ON CONFLICT (kind, term) DO UPDATE SET n = cluster_counts.n + excluded.n",
                list(counts),
            )

    def save_cluster_postings(self, postings: Mapping[str, Sequence[str]]) -> None:
        with self.transaction():
            self._many(
                "INSERT INTO cluster_postings (key, story_ids) VALUES (?, ?)"
                " ON CONFLICT (key) DO UPDATE SET story_ids = excluded.story_ids",
                [(key, json.dumps(list(ids))) for key, ids in postings.items()],
            )

    def clear_cluster_state(self) -> None:
        with self.transaction():
            for table in (*_STORY_TABLES, "cluster_counts", "cluster_postings"):
                self._exec(f"DELETE FROM {table}")

    def cluster_stories(self) -> dict[str, bytes]:
        return {r[0]: bytes(r[1]) for r in self._exec("SELECT story_id, state FROM cluster_stories").fetchall()}

    def cluster_story_recents(self) -> dict[str, bytes]:
        rows = self._exec("SELECT story_id, recent FROM cluster_story_recent").fetchall()
        return {r[0]: bytes(r[1]) for r in rows}

    def cluster_counts(self) -> list[tuple[str, str, int]]:
        return [(r[0], r[1], int(r[2])) for r in self._exec("SELECT kind, term, n FROM cluster_counts").fetchall()]

    def cluster_postings(self) -> list[tuple[str, list[str]]]:
        return [(r[0], json.loads(r[1])) for r in self._exec("SELECT key, story_ids FROM cluster_postings").fetchall()]

    def embeddings(self) -> Iterator[tuple[str, bytes]]:
        rows = self._exec("SELECT article_id, vector FROM embeddings ORDER BY article_id").fetchall()
        for r in rows:
            yield r[0], bytes(r[1])

    def has_embeddings(self) -> bool:
        return self._exec("SELECT 1 FROM embeddings LIMIT 1").fetchone() is not None
