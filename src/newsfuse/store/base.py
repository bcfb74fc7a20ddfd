"""The store interface. Only modules under ``newsfuse.store`` contain SQL.

SQLite (default) and PostgreSQL implement the same methods and pass one shared test suite.
All writes are idempotent upserts keyed on content hashes, so re-running an ingest changes nothing.
"""

from __future__ import annotations

import abc
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import Any

from ..model import AnnotatedArticle, Article, Event, EventMention, InputFile, Story
from . import serde
from .serde import EncodedAnalysis

FUSED_TOKEN = "fused_events_token"  # state: see ``Store.fused_token``


@dataclass(frozen=True)
class EventFilter:
    actor: str | None = None  # matches actor name (case-insensitive substring) or country code
    type: str | None = None
    since: str | None = None  # ISO date, inclusive
    until: str | None = None  # ISO date, inclusive
    story_id: str | None = None
    limit: int = 1000
    after: str | None = None  # cursor: the last event id of the previous page
    with_actors: tuple[str, ...] = ()  # with ``actor``: further actors every event must involve too


class Store(abc.ABC):
    url: str

    # -- lifecycle
    @abc.abstractmethod
    def close(self) -> None: ...

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @abc.abstractmethod
    def transaction(self) -> AbstractContextManager[Store]:
        """Context manager: one transaction (one document batch)."""

    # -- inputs (raw bytes are kept; failures recorded)
    @abc.abstractmethod
    def save_input(self, item: InputFile, fmt: str | None) -> bool:
        """Store raw bytes; True when the input was not stored before."""

    @abc.abstractmethod
    def record_failure(self, path: str, cause: str, input_sha256: str | None = None) -> None: ...

    @abc.abstractmethod
    def failures(self) -> list[dict]: ...

    @abc.abstractmethod
    def input_bytes(self, sha256: str) -> bytes | None: ...

    # -- articles
    @abc.abstractmethod
    def has_article(self, article_id: str) -> bool: ...

    @abc.abstractmethod
    def add_article(self, article: Article, signature: bytes | None = None) -> bool:
        """Insert; if the id exists, only record source_path as another source. True if new."""

    @abc.abstractmethod
    def add_source_alias(self, article_id: str, source_path: str) -> None: ...

    @abc.abstractmethod
    def sources(self, article_id: str) -> list[str]:
        """Every source path this article was read from (exact duplicates add paths)."""

    @abc.abstractmethod
    def article(self, article_id: str) -> Article | None: ...

    @abc.abstractmethod
    def articles_named(self, handle: str) -> list[Article]:
        """The stored articles whose own record id (``external_id``, as a briefing cites a record
        without outlet or URL) or URL is ``handle``, at most two: more than one is ambiguous."""

    @abc.abstractmethod
    def articles(self, limit: int | None = None, after: str | None = None) -> list[Article]:
        """Articles ordered by (published, id); ``after`` is the last id of the previous page."""

    @abc.abstractmethod
    def count_articles(self) -> int: ...

    @abc.abstractmethod
    def signatures(self) -> Iterator[tuple[str, bytes]]:
        """(article id, MinHash signature) of stored non-duplicate articles."""

    @abc.abstractmethod
    def add_dedup_keys(self, rows: Iterable[tuple[str, Sequence[int]]]) -> None:
        """Index stored original articles by their near-duplicate keys: (article id, its keys) rows."""

    @abc.abstractmethod
    def dedup_candidates(self, keys: Sequence[int]) -> list[tuple[str, int, bytes]]:
        """(id, seq, signature) of stored non-duplicate articles sharing one of ``keys``, by seq."""

    @abc.abstractmethod
    def set_story(self, article_id: str, story_id: str | None, rank: int | None = None) -> None:
        """An article's story, and its place in the story's list of articles (``rank``: a story whose
        stored record has no article ids lists its articles by these places)."""

    @abc.abstractmethod
    def search(self, query: str, limit: int = 20) -> list[dict]:
        """Full-text search over titles, text and quotes: dicts with article_id, title, snippet, kind."""

    # -- annotations
    def save_annotations(self, annotated: AnnotatedArticle) -> None:
        self.save_encoded_annotations(serde.encode_analysis(annotated, ()))

    @abc.abstractmethod
    def save_encoded_annotations(self, encoded: EncodedAnalysis) -> None:
        """Replace one article's annotations and its quotes in the full-text index (the mentions aside)."""

    def save_encoded(self, encoded: EncodedAnalysis) -> None:
        """One article's annotations and mentions, encoded already: the same rows as ``save_annotations`` and
        ``save_mentions`` of the records they were encoded from."""
        with self.transaction():
            self.save_encoded_annotations(encoded)
            self.save_encoded_mentions(encoded.article_id, encoded.mentions)

    @abc.abstractmethod
    def annotations(self, article_id: str) -> AnnotatedArticle | None: ...

    # -- event mentions
    def save_mentions(self, article_id: str, mentions: Iterable[EventMention]) -> None:
        """Replace the mentions of one article."""
        self.save_encoded_mentions(article_id, serde.mention_rows(mentions))

    @abc.abstractmethod
    def save_encoded_mentions(self, article_id: str, rows: Sequence[tuple[str, str, str]]) -> None:
        """Replace the mentions of one article with these (id, type, JSON) rows, in article order."""

    @abc.abstractmethod
    def mentions(self, article_id: str | None = None) -> list[EventMention]: ...

    # -- incremental fusion: the block a batch touched, read by key
    @abc.abstractmethod
    def mentions_of(self, article_ids: Iterable[str]) -> list[EventMention]:
        """The mentions of these articles (read through the index on mentions.article_id)."""

    @abc.abstractmethod
    def articles_by_id(self, article_ids: Iterable[str]) -> list[Article]: ...

    @abc.abstractmethod
    def stories_of(self, article_ids: Iterable[str]) -> dict[str, str | None]:
        """Article id -> its story id, for the stored ones of these articles."""

    @abc.abstractmethod
    def articles_in_stories(self, story_ids: Iterable[str]) -> dict[str, str]:
        """Article id -> story id, for every article in these stories."""

    @abc.abstractmethod
    def mention_types(self, article_ids: Iterable[str]) -> dict[str, set[str]]:
        """Article id -> the event types of its stored mentions (articles without mentions left out)."""

    @abc.abstractmethod
    def story_mention_types(self, story_ids: Iterable[str]) -> dict[str, tuple[str, set[str]]]:
        """Article id -> (its story, the event types of its mentions), for every article of these
        stories that has mentions: ``articles_in_stories`` and ``mention_types`` in one read."""

    @abc.abstractmethod
    def save_fusion_keys(self, article_id: str, keys: Iterable[tuple[str, int, int]]) -> None:
        """Replace the article's cross-story fusion keys: (key, first day, last day) per dated mention."""

    @abc.abstractmethod
    def fusion_neighbours(self, article_ids: Iterable[str], days: int) -> set[str]:
        """Articles with a fusion key equal to one of these articles' and a day range within ``days``."""

    @abc.abstractmethod
    def replace_events_of(self, mention_ids: Iterable[str], events: Iterable[Event]) -> None:
        """Delete the fused events that hold any of these mentions, then insert ``events``."""

    def fused_token(self) -> bytes | None:
        """A token that every write of fused events changes (``replace_events_of`` chains a digest of
        what it wrote onto it; ``replace_events`` removes it): what was kept of the fused events, or of
        the mentions fused, at one token still holds while the store's token is the same."""
        return self.get_state(FUSED_TOKEN)

    @abc.abstractmethod
    def fusion_articles(self, article_ids: Iterable[str]) -> dict[str, tuple[str | None, str | None]]:
        """Article id -> (outlet, story id): what fusion reads of an article besides its claims."""

    @abc.abstractmethod
    def fusion_claims(self, article_ids: Iterable[str], version: str) -> dict[str, list[tuple[str, str]]]:
        """Article id -> the readout claims (kind, words) kept for its text under ``version``."""

    @abc.abstractmethod
    def save_fusion_claims(self, claims: Mapping[str, Sequence[tuple[str, str]]], version: str) -> None:
        """Keep each article's readout claims (found in its analysed text) under ``version``."""

    # -- stories and fused events (replaced as a whole by fusion)
    @abc.abstractmethod
    def save_stories(self, stories: Iterable[Story]) -> None: ...

    @abc.abstractmethod
    def replace_stories_of(self, story_ids: Iterable[str], stories: Iterable[Story]) -> None:
        """Delete the records of these stories (and of ``stories``), then insert ``stories``: the
        stories a batch touched are saved again, those that vanished (merged away) are gone."""

    @abc.abstractmethod
    def stories(self, limit: int | None = None, after: str | None = None) -> list[Story]:
        """Stories ordered by id; ``after`` is the last id of the previous page."""

    @abc.abstractmethod
    def story(self, story_id: str) -> Story | None: ...

    @abc.abstractmethod
    def replace_events(self, events: Iterable[Event]) -> None: ...

    @abc.abstractmethod
    def events(self, flt: EventFilter | None = None) -> list[Event]: ...

    @abc.abstractmethod
    def event_records(self, flt: EventFilter | None = None) -> list[dict[str, Any]]:
        """The fused events of ``events(flt)``, each as its ``to_dict()``, read without building records."""

    @abc.abstractmethod
    def event(self, event_id: str) -> Event | None: ...

    # -- small key/value state for stages (clusterer index, watch checkpoints, jobs)
    @abc.abstractmethod
    def get_state(self, key: str) -> bytes | None: ...

    @abc.abstractmethod
    def set_state(self, key: str, value: bytes) -> None: ...

    @abc.abstractmethod
    def lock_state(self, key: str) -> None:
        """Inside a transaction: no other writer reads ``key`` under this lock, or writes the
        store, until the transaction ends (check a value, then change it, with nobody between)."""

    @abc.abstractmethod
    def delete_state(self, key: str) -> None: ...

    # -- the story clusterer's state, row by row: a batch writes the rows it changed
    @abc.abstractmethod
    def save_cluster_stories(
        self,
        rows: Mapping[str, bytes],
        removed: Iterable[str],
        orders: Mapping[str, int] | None = None,
        recent: Mapping[str, bytes] | None = None,
        chunks: Mapping[str, tuple[int, Mapping[int, bytes]]] | None = None,
    ) -> None:
        """Insert or replace these stories' rows (story id -> state, with its order when given) and
        their recent rows (a story of ``rows`` that ``recent`` lacks keeps none); ``chunks``: story id ->
        (how many chunk rows it has, the chunk rows that changed by number), its chunks past that count
        deleted; delete the rows and chunks of ``removed``."""

    @abc.abstractmethod
    def save_cluster_story_keys(self, keys: Mapping[str, tuple[bool, Collection[str]]]) -> None:
        """Story id -> (replace, index keys): add these keys rows of each story (``replace``: its keys rows
        are these, those it had are deleted)."""

    @abc.abstractmethod
    def save_cluster_recent_rows(self, recent: Mapping[str, bytes | None]) -> None:
        """Insert or replace these stories' recent rows (None: delete it)."""

    @abc.abstractmethod
    def add_cluster_counts(self, counts: Iterable[tuple[str, str, int]]) -> None:
        """Add each (kind, term, n) to the stored count of (kind, term) (a new one starts at 0)."""

    @abc.abstractmethod
    def save_cluster_postings(self, postings: Mapping[str, Sequence[str]]) -> None:
        """Insert or replace each index key's list of story ids."""

    @abc.abstractmethod
    def clear_cluster_state(self) -> None:
        """Delete every story row, recent row, chunk row, keys row, count and posting list."""

    @abc.abstractmethod
    def cluster_stories(self) -> dict[str, bytes]:
        """Story id -> its row."""

    @abc.abstractmethod
    def cluster_story_recents(self) -> dict[str, bytes]:
        """Story id -> its recent row."""

    @abc.abstractmethod
    def cluster_counts(self) -> list[tuple[str, str, int]]: ...

    @abc.abstractmethod
    def cluster_postings(self) -> list[tuple[str, list[str]]]: ...

    # the same, read by key (a clusterer that reads only what a new article touches)
    @abc.abstractmethod
    def cluster_story_rows(self, story_ids: Iterable[str]) -> dict[str, bytes]: ...

    @abc.abstractmethod
    def cluster_story_chunks(self, first: Mapping[str, int]) -> dict[str, list[bytes]]:
        """Story id -> its chunk rows from number ``first[story id]`` on, in order (those that have any)."""

    @abc.abstractmethod
    def cluster_story_keys(self, story_ids: Iterable[str]) -> dict[str, list[str]]:
        """Story id -> all its index keys (its keys rows, sorted), for those that have any."""

    @abc.abstractmethod
    def cluster_story_keys_among(self, story_id: str, keys: Iterable[str]) -> list[str]:
        """Those of these keys that the story's keys rows hold (what a join looks up: its article's keys)."""

    @abc.abstractmethod
    def cluster_story_recent_rows(self, story_ids: Iterable[str]) -> dict[str, bytes]:
        """Story id -> its recent row (what scoring a new article against it reads), for those that have one."""

    @abc.abstractmethod
    def cluster_counts_of(self, kind: str, terms: Iterable[str]) -> dict[str, int]: ...

    @abc.abstractmethod
    def cluster_postings_of(self, keys: Iterable[str]) -> dict[str, list[str]]: ...

    @abc.abstractmethod
    def cluster_story_orders(self, story_ids: Iterable[str]) -> dict[str, int]: ...

    @abc.abstractmethod
    def cluster_story_ids(self) -> list[str]:
        """The ids of every story row, sorted (a pass over the rows a chunk at a time)."""

    @abc.abstractmethod
    def cluster_max_order(self, excluding: Iterable[str]) -> int | None:
        """The highest story order among the story rows not in ``excluding`` (None: no such row)."""

    @abc.abstractmethod
    def cluster_orders_missing(self) -> bool:
        """Whether some story row was saved without its order (before orders were kept)."""

    # -- embeddings (story clustering)
    @abc.abstractmethod
    def save_embedding(self, article_id: str, vector: bytes) -> None: ...

    @abc.abstractmethod
    def embeddings(self) -> Iterator[tuple[str, bytes]]: ...

    @abc.abstractmethod
    def has_embeddings(self) -> bool:
        """Whether any article's embedding is stored (one row read, not the table)."""
