"""Composes the stages: read -> clean -> dedup -> analyse -> store -> stories -> fusion.

Stages never call each other; this module does. The per-document part (``analysis.analyse``, a
module of its own: all that an analysis worker imports) is a pure function over model objects, so
batch and distributed runners (Dask) call the same code. The
store side is an ``IngestSession``: one store's dedup index and story clusterer, loaded once and
kept across files and batches (``ingest_paths`` opens one per call; ``watch``, the API's job
runner and the Dask runner keep theirs).
"""

from __future__ import annotations

import bisect
import contextlib
import dataclasses
import functools
import json
import sys
import threading
import weakref
from collections import deque
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import FIRST_COMPLETED, CancelledError, Future, wait
from concurrent.futures.process import BrokenProcessPool
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from types import FrameType
from typing import Any, BinaryIO

from .analysis import (  # the per-document part (the workers import that module alone); its entry points stay here too
    Analysis,
    StorableAnalysis,
    analyse_storable,
    analyse_within,
    article_vectors,
    start_analysis_worker,
    storable,
    with_embedding,
)
from .analysis import analyse as analyse
from .analysis import prepare_analysis as prepare_analysis
from .clean import CleanError, clean_document
from .clean.dedup import NearDuplicateIndex, band_keys, similarity, text_signature
from .ingest import iter_inputs, read_input
from .model import (
    Article,
    Event,
    EventMention,
    InputError,
    InputFile,
    RawDocument,
    joined_ranges,
)
from .nlp.pipeline import max_analysed_chars
from .store.base import Store
from .stories import fuse_events, fusion_keys, fusion_reach_days
from .stories.cluster import StoryClusterer
from .stories.embed import TEXT_WORD_PIECES, UNRECORDED_TEXT_WORD_PIECES, limit_threads, thread_limit
from .stories.readout_claims import claims_version, find_claims
from .workers import (
    WORKER_MODELS,
    AnalysisWorkers,
    even_chunks,
    fill_the_cores,
    stop_signals_handled,
    tapered_chunks,
)

BATCH_SIZE = 16
DOC_TIME_LIMIT = 60.0  # seconds of analysis one document may take (None or 0: no limit)


class IngestInterrupted(BaseException):
    """Ctrl-C while a document was being read or analysed: the work in hand is dropped."""


@dataclass
class IngestSummary:
    inputs: int = 0  # input files read (including ones that failed to parse)
    documents: int = 0  # documents found in them
    new: int = 0
    duplicate: int = 0  # exact or near duplicates of a stored article (linked, not stored twice)
    unchanged: int = 0  # already stored from this same source: nothing to do
    failed: int = 0
    errors: list[str] = field(default_factory=list)
    new_ids: list[str] = field(default_factory=list)
    interrupted: bool = False

    @property
    def nothing_read(self) -> bool:
        return self.documents == 0 and self.failed > 0

    def to_dict(self) -> dict:
        d = dataclasses.asdict(self)
        d["nothing_read"] = self.nothing_read
        return d

    def add(self, other: IngestSummary) -> None:
        """Count ``other`` in too (one input's counts into its batch's)."""
        for name in ("inputs", "documents", "new", "duplicate", "unchanged", "failed"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.errors += other.errors
        self.new_ids += other.new_ids
        self.interrupted = self.interrupted or other.interrupted


# ---------------------------------------------------------------------------- per document


def read_and_clean(item: InputFile) -> tuple[str | None, list[Article], list[InputError]]:
    """One input file -> its format, cleaned articles and per-record errors."""
    result = read_input(item)
    articles: list[Article] = []
    errors = list(result.errors)
    for doc in result.documents:
        try:
            articles.append(clean_document(doc))
        except CleanError as exc:
            errors.append(InputError(_record_path(doc), str(exc)))
        except Exception as exc:  # noqa: BLE001 - a cleaner bug must not stop the batch
            errors.append(InputError(_record_path(doc), f"cleaning failed: {type(exc).__name__}: {exc}"))
    return result.format, articles, errors


def _record_path(doc: RawDocument) -> str:
    return doc.source_path if doc.record == 0 else f"{doc.source_path} (record {doc.record + 1})"


# ---------------------------------------------------------------------------- store side


DEDUP_MAX_CHARS = 200_000  # a longer article's near-duplicate signature is taken over its start


DEDUP_KEYS_STATE = "dedup:keys"  # state: set once every stored original's near-duplicate keys are indexed


class Deduper:
    """Exact duplicates share an id; near duplicates are found by MinHash: the stored originals are
    looked up by their LSH band keys (``dedup_keys`` rows, read per new article, so opening a session
    costs the same at any store size), the articles added since the session opened in memory. For an
    article longer than DEDUP_MAX_CHARS (a book on one line) the MinHash covers its start, which
    bounds the cost per document."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.index = NearDuplicateIndex()  # added in this session and not yet stored
        self.dropped: set[str] = set()
        index_stored_keys(store)

    def signature(self, article: Article) -> bytes:
        return dedup_signature(article)

    def match(self, sig: bytes) -> str | None:
        """The earliest article this signature nearly repeats: stored originals come before any article
        of this session; an article given up (``forget``) is nobody's original."""
        keys = band_keys(sig)
        if not keys:
            return None
        candidates = self.store.dedup_candidates(keys)  # by seq: the first similar one is the earliest
        stored = next((aid for aid, _, other in candidates if similarity(sig, other) >= self.index.threshold), None)
        found = stored if stored is not None else self.index.match(sig)
        return None if found in self.dropped else found

    def add(self, article_id: str, sig: bytes) -> None:
        self.index.add(article_id, sig)
        self.dropped.discard(article_id)

    def forget(self, article_id: str) -> None:
        """An article that was not stored after all: it is nobody's original."""
        self.dropped.add(article_id)

    def keep_only(self, pending: Sequence[tuple[Article, bytes]]) -> None:
        """Hold in memory only these articles in hand (the others were stored, or given up): the others
        leave the index one by one (renewing it re-added every article still in hand after each batch,
        which grew with the square of the articles admitted ahead of their analysis, as Dask's are)."""
        keep = {article.id: sig for article, sig in pending if article.duplicate_of is None}
        for article_id in self.index.ids():
            if article_id not in keep:
                self.index.remove(article_id)
        for article_id, sig in keep.items():
            self.index.add(article_id, sig)  # a no-op for those held already


def dedup_signature(article: Article) -> bytes:
    """An article's near-duplicate (MinHash) signature, over its first DEDUP_MAX_CHARS characters. It
    depends on the article alone: a Dask worker makes it beside the read (``read_partition``), and the
    driver, whose time every worker waits on, only looks it up."""
    text = article.text
    return text_signature(text if len(text) <= DEDUP_MAX_CHARS else text[:DEDUP_MAX_CHARS])


def index_stored_keys(store: Store) -> None:
    """Index the near-duplicate keys of a store's originals stored before the keys were (once)."""
    if store.get_state(DEDUP_KEYS_STATE) is not None:
        return
    with store.transaction():
        store.add_dedup_keys((article_id, band_keys(sig)) for article_id, sig in store.signatures())
        store.set_state(DEDUP_KEYS_STATE, b"1")


EMBEDDING_PIECES_STATE = "embed:pieces"  # state: the word pieces of title and lead this store's embeddings read


def embedding_pieces(store: Store) -> int:
    """The word pieces of an article's title and lead that this store's embeddings read, so that it
    compares vectors made one way: the cut it recorded; else, for a store that holds embeddings but no
    record (made before the cut was recorded, at 256 pieces), that old cut; else the current one. Asked
    when a session first embeds for the store, or stores embeddings made elsewhere (before they are
    stored), it records what it decides, and the store keeps it."""
    raw = store.get_state(EMBEDDING_PIECES_STATE)
    if raw is not None:
        return int(raw)
    with store.transaction():
        store.lock_state(EMBEDDING_PIECES_STATE)
        raw = store.get_state(EMBEDDING_PIECES_STATE)  # another writer may have recorded it meanwhile
        if raw is not None:
            return int(raw)
        pieces = UNRECORDED_TEXT_WORD_PIECES if store.has_embeddings() else TEXT_WORD_PIECES
        store.set_state(EMBEDDING_PIECES_STATE, str(pieces).encode())
    return pieces


STORIES_STATE = "stories"  # state: the StoryClusterer as one blob (stores from before its rows)
STORIES_META = "stories:meta"  # state: the StoryClusterer's config and article count (the rest: the cluster_* rows)
GENERATION = "ingest:generation"  # state: bumped by every batch an ingest session stores


def store_generation(store: Store) -> int:
    """How many batches ingest sessions have stored in this store (0: none yet)."""
    raw = store.get_state(GENERATION)
    return int(raw) if raw else 0


def load_clusterer(store: Store) -> StoryClusterer:
    """The store's clusterer: from its rows, or from the blob of a store saved before them (the next
    ``save_clusterer`` moves it into the rows), or a new one."""
    blob = store.get_state(STORIES_STATE)
    if blob:
        return StoryClusterer.from_bytes(blob)
    meta = store.get_state(STORIES_META)
    if meta is None:
        return StoryClusterer()
    if StoryClusterer.readable_by_key(meta) and not store.cluster_orders_missing():
        if not StoryClusterer.rows_packed(meta) or not StoryClusterer.has_recent_rows(meta):
            meta = repack_cluster_rows(store, meta)
        if not StoryClusterer.rows_chunked(meta):
            meta = chunk_cluster_rows(store, meta)
        if not StoryClusterer.keys_apart(meta):
            meta = unkey_cluster_rows(store, meta)
        return StoryClusterer.from_source(meta, StoredClusterRows(store))
    rows = store.cluster_stories()
    chunks, keys = store.cluster_story_chunks(dict.fromkeys(rows, 0)), store.cluster_story_keys(rows)
    counts, postings = store.cluster_counts(), store.cluster_postings()
    clusterer = StoryClusterer.from_rows(meta, rows.values(), counts, postings, chunks, keys)
    clusterer.save_whole_next()  # rows saved before their orders were: the next save writes them all
    return clusterer


REPACK_CHUNK = 256  # story rows repacked per read and write


def _story_row_parts(store: Store) -> Iterator[list[str]]:
    """The ids of every stored story row, ``REPACK_CHUNK`` at a time (a migration reads and writes a part at a time)."""
    ids = store.cluster_story_ids()
    for start in range(0, len(ids), REPACK_CHUNK):
        yield ids[start : start + REPACK_CHUNK]


def repack_cluster_rows(store: Store, meta: bytes) -> bytes:
    """Pack the story rows saved as JSON before rows were packed, and give every story its recent row
    (what scoring a new article against it reads), made anew for a store whose last save was by code
    from before them (once per store, a chunk of rows at a time, in one transaction; the stories read
    the same), and say so in the meta, which is returned."""
    with store.transaction():
        for chunk in _story_row_parts(store):
            rows = store.cluster_story_rows(chunk)
            repacked = {sid: StoryClusterer.repacked_row(row) for sid, row in rows.items()}
            changed = {sid: row for sid, row in repacked.items() if row is not rows[sid]}
            store.save_cluster_stories(changed, [], store.cluster_story_orders(changed))
            store.save_cluster_recent_rows({sid: StoryClusterer.recent_row(meta, row) for sid, row in repacked.items()})
        meta = StoryClusterer.with_recent_rows(meta)
        store.set_state(STORIES_META, meta)
    return meta


def chunk_cluster_rows(store: Store, meta: bytes) -> bytes:
    """Move the add-only lists of the story rows saved before chunk rows (every article's id, title,
    date and embedding) into their chunk rows, and their index keys into their keys rows (once per
    store, a chunk of rows at a time, in one transaction; the stories read the same), and say so in the
    meta, which is returned."""
    with store.transaction():
        for part in _story_row_parts(store):
            rows = store.cluster_story_rows(part)
            split = {sid: got for sid, row in rows.items() if (got := StoryClusterer.chunked_row(row)) is not None}
            heads = {sid: head for sid, (head, _, _) in split.items()}
            recent = store.cluster_story_recent_rows(split)
            chunks = {sid: changed for sid, (_, changed, _) in split.items()}
            store.save_cluster_stories(heads, [], store.cluster_story_orders(split), recent, chunks)
            store.save_cluster_story_keys({sid: (True, keys) for sid, (_, _, keys) in split.items()})
        meta = StoryClusterer.with_chunks(meta)
        store.set_state(STORIES_META, meta)
    return meta


def unkey_cluster_rows(store: Store, meta: bytes) -> bytes:
    """Move the index keys of the story rows saved before keys rows into their keys rows (once per
    store, a chunk of rows at a time, in one transaction; the stories read the same), and say so in the
    meta, which is returned."""
    with store.transaction():
        for part in _story_row_parts(store):
            rows = store.cluster_story_rows(part)
            split = {sid: got for sid, row in rows.items() if (got := StoryClusterer.unkeyed_row(row)) is not None}
            heads = {sid: head for sid, (head, _) in split.items()}
            recent = store.cluster_story_recent_rows(split)
            store.save_cluster_stories(heads, [], store.cluster_story_orders(split), recent)
            store.save_cluster_story_keys({sid: (True, keys) for sid, (_, keys) in split.items()})
        meta = StoryClusterer.with_keys_apart(meta)
        store.set_state(STORIES_META, meta)
    return meta


class StoredClusterRows:
    """The store's clusterer rows read by key (``StoryClusterer.from_source``)."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def story_rows(self, story_ids: Collection[str]) -> dict[str, bytes]:
        return self.store.cluster_story_rows(story_ids)

    def recent_rows(self, story_ids: Collection[str]) -> dict[str, bytes]:
        return self.store.cluster_story_recent_rows(story_ids)

    def story_chunks(self, first: Mapping[str, int]) -> dict[str, list[bytes]]:
        return self.store.cluster_story_chunks(first)

    def all_story_rows(self) -> Iterable[bytes]:
        return self.store.cluster_stories().values()

    def story_keys(self, story_ids: Collection[str]) -> dict[str, list[str]]:
        return self.store.cluster_story_keys(story_ids)

    def story_keys_among(self, story_id: str, keys: Collection[str]) -> list[str]:
        return self.store.cluster_story_keys_among(story_id, keys)

    def max_story_order(self, excluding: Collection[str]) -> int | None:
        return self.store.cluster_max_order(excluding)

    def story_orders(self, story_ids: Collection[str]) -> dict[str, int]:
        return self.store.cluster_story_orders(story_ids)

    def postings(self, keys: Collection[str]) -> dict[str, list[str]]:
        return self.store.cluster_postings_of(keys)

    def counts(self, kind: str, terms: Collection[str]) -> dict[str, int]:
        return self.store.cluster_counts_of(kind, terms)

    def story_of(self, article_ids: Collection[str]) -> dict[str, str]:
        return {a: s for a, s in self.store.stories_of(article_ids).items() if s}

    def all_postings(self) -> Iterable[tuple[str, list[str]]]:
        return self.store.cluster_postings()

    def all_counts(self) -> Iterable[tuple[str, str, int]]:
        return self.store.cluster_counts()


def save_clusterer(store: Store, clusterer: StoryClusterer) -> None:
    """Write what changed in the clusterer since it was loaded or last saved: the rows of the stories
    a batch changed, the counts it added, the index keys it changed (every row, replacing the old
    ones and the blob, the first time a clusterer read from a blob or a new one is saved)."""
    changes = clusterer.pop_changes()
    with store.transaction():
        if changes.whole:
            store.clear_cluster_state()
            store.delete_state(STORIES_STATE)
        store.save_cluster_stories(changes.stories, changes.removed, changes.orders, changes.recent, changes.chunks)
        store.save_cluster_story_keys(changes.keys)
        store.add_cluster_counts(changes.counts)
        store.save_cluster_postings(changes.postings)
        store.set_state(STORIES_META, changes.meta)


class IngestSession:
    """One store's ingest state, opened once and kept across files and batches: the Deduper (every
    stored MinHash signature) and the StoryClusterer are loaded once, not per file (``watch`` keeps
    one session for its whole run, the API's job runner one for its thread).

    Each stored batch saves what it changed in the clusterer (the rows of the stories it changed, see
    ``save_clusterer``) and bumps the store's generation in the batch's own transaction, so a crash
    loses nothing and other processes see it. Another process may write the
    same store (a CLI ingest while ``serve`` runs): before the session reads or changes its state it
    compares the store's generation with the one its state was loaded at (under ``lock_state`` when
    it is about to write) and reloads when another writer came between; it never saves a stale
    clusterer over another writer's."""

    def __init__(self, store: Store, workers: int = 1, embed_in_workers: bool = False) -> None:
        self.store = store
        self.generation: int | None = None  # the store's generation the loaded state matches
        self._deduper: Deduper | None = None
        self._clusterer: StoryClusterer | None = None
        self.pending: list[tuple[Article, bytes]] = []  # admitted, not stored yet
        self.loads = {"deduper": 0, "clusterer": 0}  # how often each was (re)loaded from the store
        self.workers = workers  # analysis processes beside this one (1: analyse here)
        self.embed_in_workers = embed_in_workers  # the workers embed too (else this process, before storing)
        self._pool: AnalysisWorkers | None = None
        self._in_flight: deque[_SentBatch] = deque()  # batches being analysed by the workers, in order
        self._pieces: int | None = None  # the store's embedding cut, once asked
        self._vectors: dict[str, bytes] = {}  # embeddings of articles in hand made ahead (``_embed_ahead``)
        self._threads_before: list[int | None] = []  # the encoder's threads before the pool's start cut them

    def start_workers(self) -> None:
        """Start the analysis workers now, for a long-lived session (``watch``): from then on every
        flush, even of a few articles, is shared out among them (else they start only for an input
        that gives more than one batch). Loading their models overlaps whatever comes next."""
        if self.workers > 1 and self._pool is None:
            self._pool = self._new_pool()
            self._pool.start_beside()

    def _new_pool(self) -> AnalysisWorkers:
        """Workers forked from a server that loaded the models once (``WORKER_MODELS``)."""
        initializer = functools.partial(start_analysis_worker, self.embed_in_workers)
        if not self.embed_in_workers and fill_the_cores(self.workers) and not self._threads_before:
            # this process embeds beside the fork server's loading, then the workers: a second encoder thread would
            # only take a core from them (the vectors are the same with one thread or two)
            self._threads_before.append(thread_limit())
            limit_threads(1)
        return AnalysisWorkers(self.workers, initializer, preload=WORKER_MODELS)

    def close(self) -> None:
        """End the analysis workers, if any were started."""
        if self._pool is not None:
            self._pool.close()
            self._pool = None
        self._restore_threads()

    def _restore_threads(self) -> None:
        """The encoder's threads as before the pool: this process may analyse alone again."""
        if self._threads_before:
            limit_threads(self._threads_before.pop())

    # ------------------------------------------------------------------ state

    def sync(self) -> None:
        """Drop the loaded state when the store's generation is not the one it was loaded at."""
        generation = store_generation(self.store)
        if generation != self.generation:
            self._deduper = self._clusterer = None
            self.generation = generation

    def invalidate(self) -> None:
        """Forget the loaded state (a write rolled back, a document given up): the next step reloads it."""
        self._deduper = self._clusterer = None
        self.generation = None

    @property
    def deduper(self) -> Deduper:
        if self._deduper is None:
            self._deduper = Deduper(self.store)
            for article, sig in self.pending:
                if article.duplicate_of is None:
                    self._deduper.add(article.id, sig)
            self.loads["deduper"] += 1
        return self._deduper

    def pieces(self) -> int:
        """The word pieces this store's embeddings read (``embedding_pieces``): asked once, when the
        session first embeds or stores an embedding (a store's cut never changes once recorded)."""
        if self._pieces is None:
            self._pieces = embedding_pieces(self.store)
        return self._pieces

    @property
    def clusterer(self) -> StoryClusterer:
        if self._clusterer is None:
            self._clusterer = load_clusterer(self.store)
            self.loads["clusterer"] += 1
        return self._clusterer

    # ------------------------------------------------------------------ one call

    def ingest(
        self,
        paths: Sequence[str],
        *,
        analyse_articles: bool = True,
        batch_size: int = BATCH_SIZE,
        progress: Callable[[int, str], None] | None = None,
        stdin: BinaryIO | None = None,
        fuse: bool = True,
        on_error: Callable[[str], None] | None = None,
        time_limit: float | None = DOC_TIME_LIMIT,
        per_input: dict[str, IngestSummary] | None = None,
        last: bool = False,
    ) -> IngestSummary:
        """Read every input, store new articles with their analysis, then update stories and events:
        ``send`` then ``store_sent``, then the fusion.

        ``per_input``, when given, receives each input path's own counts (the summary is their sum).
        ``last``: no call follows on this session, so its workers end once everything is sent to them,
        while this process stores and fuses (``AnalysisWorkers.close_beside``).

        A document whose analysis takes longer than ``time_limit`` seconds is an input failure
        (``error: PATH: analysis took longer than N s``) and the batch goes on without it.
        Ctrl-C stops within moments: a document being read or analysed is dropped (the next run
        does it again), the batches already stored stay, and stories and events are brought up to date.
        """
        sent = self.send(
            paths,
            analyse_articles=analyse_articles,
            batch_size=batch_size,
            progress=progress,
            stdin=stdin,
            on_error=on_error,
            time_limit=time_limit,
            per_input=per_input,
        )
        if last and self._pool is not None:
            self._pool.close_beside()
        summary = self.store_sent(sent)
        if fuse and analyse_articles and summary.new:
            self.update_stories_and_events()
        return summary

    def send(
        self,
        paths: Sequence[str],
        *,
        analyse_articles: bool = True,
        batch_size: int = BATCH_SIZE,
        progress: Callable[[int, str], None] | None = None,
        stdin: BinaryIO | None = None,
        on_error: Callable[[str], None] | None = None,
        time_limit: float | None = DOC_TIME_LIMIT,
        per_input: dict[str, IngestSummary] | None = None,
        slots: int = 0,
    ) -> SentInputs:
        """The first half of ``ingest``: read the inputs, dedup their articles and hand them to the
        analysis workers, without waiting for them (with no workers, analyse and store them here);
        ``store_sent`` stores what the workers give back. A long-lived caller (``watch``) sends the next
        inputs before storing the last ones, so that the workers analyse while this process stores.
        ``slots``: the workers free to take the last, short chunks (0: all of them; see ``_flush_to_workers``)."""
        sent = SentInputs(IngestSummary(), {} if per_input is None else per_input, time_limit, on_error, slots=slots)
        try:
            with _graceful_interrupt(sent.ctl) as ctl:
                try:
                    self._read_and_send(paths, sent, analyse_articles, batch_size, progress, stdin)
                except IngestInterrupted:
                    self._interrupted(sent)
                sent.summary.interrupted = ctl.stop.is_set()
        except BaseException:
            self.abandon()
            raise
        return sent

    def store_sent(self, sent: SentInputs) -> IngestSummary:
        """The second half of ``ingest``: wait for the workers' analyses of ``sent`` (and of anything sent
        before it) and store them in the order sent, one transaction per batch; its summary. A Ctrl-C
        here drops what is not stored yet (the summary says ``interrupted``)."""
        try:
            with _graceful_interrupt(sent.ctl) as ctl:
                try:
                    while any(batch.sent is sent for batch in self._in_flight):
                        self._store_oldest(ctl.abortable)
                except IngestInterrupted:
                    self._interrupted(sent)
                sent.summary.interrupted = ctl.stop.is_set()
        except BaseException:
            self.abandon()
            raise
        self._counted(sent)
        return sent.summary

    def store_sent_together(self, sents: Sequence[SentInputs]) -> list[IngestSummary]:
        """``store_sent`` of several sends (and of anything sent before them), their batches stored in one
        transaction instead of one each: ``watch`` stores together the sends the workers are done with,
        and each transaction saves every story its batch changed, a big story's rows whole (per batch,
        that is most of the cost of storing a few articles into a grown store). Their summaries."""
        ctl = sents[0].ctl
        try:
            with _graceful_interrupt(ctl):
                try:
                    taken = [self._taken(batch, ctl.abortable) for batch in self._through(*sents)]
                    self._store_parts(taken)
                    for _ in taken:
                        self._in_flight.popleft()
                except IngestInterrupted:
                    self._interrupted(sents[0])
        except BaseException:
            self.abandon()
            raise
        for sent in sents:
            sent.summary.interrupted = ctl.stop.is_set()
            self._counted(sent)
        return [sent.summary for sent in sents]

    def _counted(self, sent: SentInputs) -> None:
        """After a store of ``sent``: each input's new articles in its own counts."""
        for article_id in sent.summary.new_ids:
            if article_id in sent.owner:
                sent.per_input.setdefault(sent.owner[article_id], IngestSummary()).new_ids.append(article_id)
        if self._deduper is not None and self._deduper.dropped:
            self.invalidate()  # articles given up: the next call dedups against the store as it is

    def analysed(self, sent: SentInputs) -> bool:
        """Whether the workers are done with ``sent`` and every batch sent before it (``store_sent``
        would not wait for them)."""
        return all(batch.future is None or batch.future.done() for batch in self._through(sent))

    def analysing(self) -> int:
        """How many batches out the workers have not given back yet (being analysed or queued for it)."""
        return sum(1 for batch in self._in_flight if batch.future is not None and not batch.future.done())

    def wait_worker_free(self, timeout: float) -> None:
        """Wait up to ``timeout`` seconds for any batch out to come back from the workers."""
        futures = [batch.future for batch in self._in_flight if batch.future is not None and not batch.future.done()]
        if futures:
            wait(futures, timeout=timeout, return_when=FIRST_COMPLETED)

    def wait_analysed(self, sent: SentInputs, timeout: float) -> None:
        """Wait up to ``timeout`` seconds for the workers to be done with ``sent`` and what came before it."""
        futures = [batch.future for batch in self._through(sent) if batch.future is not None]
        if futures:
            wait(futures, timeout=timeout)

    def abandon(self) -> None:
        """Ctrl-C or a failure between or in the halves: what is sent and not stored is dropped (the
        articles stored so far stay), the workers are ended, and the state is read again when needed."""
        self._abandon_in_flight()
        self.pending.clear()
        self._vectors.clear()
        self.invalidate()

    def _through(self, *sents: SentInputs) -> list[_SentBatch]:
        """The batches out up to the last of ``sents``', in the order sent."""
        last = max((k for k, batch in enumerate(self._in_flight) if any(batch.sent is s for s in sents)), default=-1)
        return list(self._in_flight)[: last + 1]

    def _interrupted(self, sent: SentInputs) -> None:
        self._abandon_in_flight()
        _drop(self.pending, sent.summary)
        self._vectors.clear()
        self.invalidate()
        print_error(
            "stopping now: the batches stored so far stay, the documents in hand were dropped (run again to go on)"
        )

    def _read_and_send(
        self,
        paths: Sequence[str],
        sent: SentInputs,
        analyse_articles: bool,
        batch_size: int,
        progress: Callable[[int, str], None] | None,
        stdin: BinaryIO | None,
    ) -> None:
        store = self.store
        ctl = sent.ctl
        inputs = iter_inputs(list(paths), stdin=stdin)
        following = next(inputs, None)
        while following is not None:
            # read one input ahead: what the last one leaves in hand is all there is, shared out at once (``_flush``)
            item, following = following, next(inputs, None)
            one = IngestSummary()  # this input's counts
            if isinstance(item, InputError):
                record_failure(store, one, item, None, sent.on_error)
                sent.count(item.path, one)
                continue
            one.inputs += 1
            with ctl.abortable():
                fmt, articles, errors = read_and_clean(item)
            store.save_input(item, fmt)
            for err in errors:
                record_failure(store, one, err, item.sha256, sent.on_error)
            with ctl.abortable():  # a huge document's MinHash takes a while
                self.admit(articles, one)
            sent.owner.update((a.id, item.path) for a in articles)
            sent.count(item.path, one)
            if len(self._unsent()) >= batch_size and following is not None:
                self._flush(sent, analyse_articles, batch_size, final=False)
            if progress:
                progress(sent.summary.inputs, item.path)
            if ctl.stop.is_set():
                break  # the batch in hand is stored below; the next run goes on from there
        self._flush(sent, analyse_articles, batch_size, final=True)

    def _unsent(self) -> list[tuple[Article, bytes]]:
        """The articles in hand not out to the workers."""
        out = {id(x) for batch in self._in_flight for x in batch.chunk}
        return [x for x in self.pending if id(x) not in out]

    def _flush(
        self, sent: SentInputs, analyse_articles: bool, batch_size: int = BATCH_SIZE, final: bool = True
    ) -> None:
        """Analyse and store the articles in hand, ``batch_size`` at a time (one file of many records,
        a feed or a WARC, is many batches: each is analysed together within the time limit and
        stored in its own transaction).

        With workers, an input that gives more than one batch starts them: batches go to them as they
        fill, and are stored in their order as they come back (``store_sent``)."""
        guard = sent.ctl.abortable
        more_than_a_batch = not final or len(self._unsent()) >= batch_size  # a last input's, in hand at once
        if analyse_articles and self.workers > 1 and self._pool is None and more_than_a_batch:
            self._pool = self._new_pool()
            self._pool.start_beside()  # this process reads on and embeds meanwhile (``_flush_to_workers``)
        if analyse_articles and self._pool is not None:
            self._flush_to_workers(sent, batch_size, final)
            return
        while self._in_flight:  # sent before the workers stopped
            self._store_oldest(guard)
        while self.pending:
            chunk = self.pending[:batch_size]
            batch, analyses, given_up = analyse_batch(chunk, analyse_articles, sent.time_limit, guard, self.pieces())
            self._store_parts([_Analysed(chunk, batch, [storable(x) for x in analyses], given_up, sent)])

    def _store_parts(self, parts: Sequence[_Analysed]) -> None:
        """Store analysed chunks in one transaction, in order, and let them leave ``pending``."""
        for part in parts:
            for article in part.given_up:
                self._give_up(article, part.sent)
        self.store_storable([x for part in parts for x in part.kept], [x for part in parts for x in part.storables])
        for part in parts:
            part.sent.summary.new_ids.extend(a.id for a, _ in part.kept)
        done = {id(x) for part in parts for x in part.chunk}
        self.pending[:] = [x for x in self.pending if id(x) not in done]
        for part in parts:
            for article, _ in part.chunk:
                self._vectors.pop(article.id, None)

    def _give_up(self, article: Article, sent: SentInputs) -> None:
        """An article whose analysis ran past the time limit: a failure of its input, not stored."""
        lost = IngestSummary(new=-1)
        self.deduper.forget(article.id)
        cause = f"analysis took longer than {sent.time_limit:g} s"
        record_failure(self.store, lost, InputError(article.source_path, cause), article.input_sha256, sent.on_error)
        sent.count(sent.owner.get(article.id), lost)

    def _flush_to_workers(self, sent: SentInputs, batch_size: int, final: bool) -> None:
        """Send the full batches in hand (and at the end what is left: more than a round of batches in
        chunks that shrink to one article, ``tapered_chunks``) to the workers; store the oldest batch out
        whenever more than two per worker of this call's are out (``store_sent`` stores the rest). Each
        batch's embeddings are made here, just before it is stored."""
        pool = self._pool
        if pool is not None and pool.starting():
            with sent.ctl.abortable():  # the workers' models load: this process's share is done meanwhile
                if not self.embed_in_workers:
                    self._embed_ahead(lambda: not pool.starting())
                pool.wait_started()
        unsent, slots = self._unsent(), sent.slots or self.workers
        if final and len(unsent) > slots * batch_size:  # the last rounds in smaller chunks: the workers end together
            chunks = tapered_chunks(unsent, batch_size, slots)
        else:
            full = len(unsent) - len(unsent) % batch_size
            chunks = [unsent[i : i + batch_size] for i in range(0, full, batch_size)]
            if final and unsent[full:]:  # the rest is shared out, so that no worker waits idle for it
                chunks += even_chunks(unsent[full:], batch_size, slots)
        for chunk in chunks:
            self._in_flight.append(self._send(chunk, sent))
            # a round more than the workers take is out: a worker done with its chunk finds the next one waiting
            while sum(batch.sent is sent for batch in self._in_flight) > 2 * self.workers:
                self._store_oldest(sent.ctl.abortable)

    def _send(self, chunk: list[tuple[Article, bytes]], sent: SentInputs) -> _SentBatch:
        """Hand a chunk to a worker, which makes its analyses storable (``analyse_storable``: what comes
        back is encoded, not every token's row). Unless the workers embed, its embeddings are made here
        while the workers analyse (``_embed_ahead``), so that every chunk of a flush is out at once. A
        long-lived session whose own process is busy storing (``watch``) has the workers embed, beside
        their parse."""
        originals = [a for a, _ in chunk if a.duplicate_of is None]
        future: Future[Any] | None = None
        if self._pool is not None and originals:
            try:
                pieces = self.pieces() if self.embed_in_workers else None
                future = self._pool.submit(analyse_storable, originals, sent.time_limit, pieces)
            except BrokenProcessPool:
                self._give_up_workers()
        return _SentBatch(chunk, originals, future, sent)

    def _store_oldest(self, guard: Callable[[], AbstractContextManager[None]]) -> None:
        """Wait for the oldest batch out and store it as ``_flush`` stores a batch analysed here."""
        self._store_parts([self._taken(self._in_flight[0], guard)])
        self._in_flight.popleft()

    def _taken(self, batch: _SentBatch, guard: Callable[[], AbstractContextManager[None]]) -> _Analysed:
        """Wait for a batch out; what the workers made of it, to store."""
        storables, given_up = self._analysed(batch, guard)
        return _Analysed(batch.chunk, without_late(batch.chunk, given_up), storables, given_up, batch.sent)

    def _analysed(
        self, batch: _SentBatch, guard: Callable[[], AbstractContextManager[None]]
    ) -> tuple[list[StorableAnalysis], list[Article]]:
        """A sent batch's analyses, made storable (by the workers when they embed, else here with the
        embeddings made here); if its worker died (killed, out of memory), the batch is analysed here
        and the workers are given up for the rest of the session."""
        originals = batch.originals
        if not originals:
            return [], []
        if self.embed_in_workers:
            with guard():
                return self._result(batch) or analyse_storable(originals, batch.sent.time_limit, self.pieces())
        with guard():  # Ctrl-C drops the embedding in hand too
            if batch.future is not None:
                self._embed_ahead(batch.future.done)
            vectors = self._vectors_of(originals)
            storables, late = self._result(batch) or analyse_storable(originals, batch.sent.time_limit, None)
        return [with_embedding(x, vectors.get(x.article_id)) for x in storables], late

    def _embed_ahead(self, ready: Callable[[], bool]) -> None:
        """Until what this process waits for is ``ready`` (the workers started, or done with the batch to
        store next), embed the articles in hand, one at a time, in the order they are stored (each text
        is embedded alone, so a vector does not depend on when it is made): this process's share of the
        work is done while it would wait, not after, when the workers are busy."""
        todo = (a for a, _ in self.pending if a.duplicate_of is None and a.id not in self._vectors)
        while not ready():
            article = next(todo, None)
            if article is None:
                return
            self._vectors[article.id] = article_vectors([article], self.pieces())[0]

    def _vectors_of(self, articles: Sequence[Article]) -> dict[str, bytes]:
        """The articles' embeddings: made ahead (``_embed_ahead``) or now; they leave the ones made ahead."""
        missing = [a for a in articles if a.id not in self._vectors]
        made = dict(zip([a.id for a in missing], article_vectors(missing, self.pieces()))) if missing else {}
        return {a.id: made[a.id] if a.id in made else self._vectors.pop(a.id) for a in articles}

    def _result(self, batch: _SentBatch) -> Any:
        """What the batch's worker gave back; None when the worker died (the workers are given up)."""
        if batch.future is None:
            return None
        try:
            return batch.future.result()
        except (BrokenProcessPool, CancelledError):  # cancelled: out when an earlier batch's worker died
            self._give_up_workers()
            return None

    def _abandon_in_flight(self) -> None:
        """Ctrl-C or a failure: the batches out are dropped (their articles stay pending for the caller)
        and the workers, busy with them, are ended."""
        self._in_flight.clear()
        self._stop_workers()

    def _stop_workers(self) -> None:
        if self._pool is not None:
            self._pool.stop()
            self._pool = None
        self._restore_threads()

    def _give_up_workers(self) -> None:
        """A worker died (killed, out of memory): this session analyses in its own process from now on."""
        if self._pool is not None:
            print_error("warning: an analysis worker stopped; analysing in this process from now on")
        self._stop_workers()
        self.workers = 1

    # ------------------------------------------------------------------ steps (the Dask runner calls these too)

    def admit(
        self, articles: Sequence[Article], summary: IngestSummary, signatures: Sequence[bytes] | None = None
    ) -> None:
        """Dedup each article against the store and the articles in hand; the kept ones join ``pending``.
        ``signatures``: the articles' ``dedup_signature``, when made elsewhere already."""
        self.sync()
        admit_all(self.store, self.deduper, articles, self.pending, summary, signatures)

    def store_analysed(self, batch: Sequence[tuple[Article, bytes]], analyses: Sequence[Analysis]) -> None:
        """``store_storable`` of the analyses, made storable here."""
        self.store_storable(batch, [storable(x) for x in analyses])

    def store_storable(self, batch: Sequence[tuple[Article, bytes]], analyses: Sequence[StorableAnalysis]) -> None:
        """One transaction per batch: articles, their annotations, mentions, embeddings, stories, and
        the clusterer with the next generation; the batch leaves ``pending``."""
        for x in analyses:
            for line in x.warnings:
                print_error(line)
        store = self.store
        try:
            with store.transaction():
                store.lock_state(GENERATION)
                self.sync()
                if any(x.embedding is not None for x in analyses):
                    self.pieces()  # recorded before the store's first embedding
                save_batch(store, batch, analyses)
                if analyses:
                    by_id = {x.article_id: x for x in analyses}
                    assign_stories(store, self.clusterer, [by_id[a.id] for a, _ in batch if a.id in by_id])
                self.generation = store_generation(store) + 1
                store.set_state(GENERATION, str(self.generation).encode())
        except BaseException:
            self.invalidate()
            raise
        stored = {id(x) for x in batch}
        self.pending[:] = [x for x in self.pending if id(x) not in stored]
        if self._deduper is not None:  # the stored ones are found by key now: memory keeps the rest only
            self._deduper.keep_only(self.pending)

    def update_stories_and_events(self) -> None:
        """Save the story records the stored batches touched and re-fuse their events (see
        ``update_stories_and_events``), with this session's clusterer, brought up to date first."""
        store = self.store
        try:
            with store.transaction():
                store.lock_state(GENERATION)
                self.sync()
                update_stories_and_events(store, self.clusterer)
        except BaseException:
            self.invalidate()
            raise


def ingest_paths(
    store: Store,
    paths: Sequence[str],
    *,
    analyse_articles: bool = True,
    batch_size: int = BATCH_SIZE,
    progress: Callable[[int, str], None] | None = None,
    stdin: BinaryIO | None = None,
    fuse: bool = True,
    on_error: Callable[[str], None] | None = None,
    time_limit: float | None = DOC_TIME_LIMIT,
    workers: int = 1,
) -> IngestSummary:
    """One ingest: a session opened for this call only (see ``IngestSession.ingest``), with
    ``workers`` analysis processes when the input gives more than one batch."""
    session = IngestSession(store, workers=workers)
    try:
        return session.ingest(
            paths,
            analyse_articles=analyse_articles,
            batch_size=batch_size,
            progress=progress,
            stdin=stdin,
            fuse=fuse,
            on_error=on_error,
            time_limit=time_limit,
            last=True,
        )
    finally:
        session.close()


@dataclass
class _SentBatch:
    """A batch out to the workers: its entries, the originals they analyse, the future of what they
    give back, and the call that sent it."""

    chunk: list[tuple[Article, bytes]]
    originals: list[Article]
    future: Future[Any] | None  # (analyses, or storable ones where the workers embed; articles past the limit)
    sent: SentInputs  # the call that sent it, whose counts it goes to


@dataclass(frozen=True)
class _Analysed:
    """An analysed chunk, to store: its entries, those kept (less the articles given up past the time
    limit, and their duplicates), their storable analyses, the articles given up, and the call that sent it."""

    chunk: list[tuple[Article, bytes]]
    kept: list[tuple[Article, bytes]]
    storables: Sequence[StorableAnalysis]
    given_up: list[Article]
    sent: SentInputs


@dataclass(eq=False)
class SentInputs:
    """One ``IngestSession.send``: its counts (the summary, each input's), which input each article came
    from, the settings its batches are analysed with, and its Ctrl-C state, which ``store_sent`` keeps."""

    summary: IngestSummary
    per_input: dict[str, IngestSummary]
    time_limit: float | None
    on_error: Callable[[str], None] | None
    owner: dict[str, str] = field(default_factory=dict)  # article id -> the input it was read from
    ctl: _Interrupt = field(default_factory=lambda: _Interrupt())
    slots: int = 0  # the workers its last, short chunks are shared out among (0: all)

    def count(self, path: str | None, one: IngestSummary) -> None:
        """Count one input's (or one article's) outcome in the summary and, for a path, in its own."""
        self.summary.add(one)
        if path is not None:
            self.per_input.setdefault(path, IngestSummary()).add(one)


def _drop(pending: list[tuple[Article, bytes]], summary: IngestSummary) -> None:
    """Uncount the batch in hand (not stored)."""
    for article, _ in pending:
        if article.duplicate_of:
            summary.duplicate -= 1
        else:
            summary.new -= 1
    pending.clear()


class _Interrupt:
    """Ctrl-C state: ``stop`` once pressed; while ``abortable`` work runs, Ctrl-C aborts it at once."""

    def __init__(self) -> None:
        self.stop = threading.Event()
        self.in_abortable = False

    @contextlib.contextmanager
    def abortable(self) -> Iterator[None]:
        if self.stop.is_set():
            raise IngestInterrupted
        self.in_abortable = True
        try:
            yield
        finally:
            self.in_abortable = False

    def on_sigint(self, signum: int, frame: FrameType | None) -> None:
        if self.in_abortable:
            self.stop.set()
            self.in_abortable = False
            raise IngestInterrupted
        if self.stop.is_set():
            raise KeyboardInterrupt
        self.stop.set()
        print("stopping after the current batch (Ctrl-C again to stop now)", file=sys.stderr, flush=True)


@contextlib.contextmanager
def _graceful_interrupt(ctl: _Interrupt | None = None) -> Iterator[_Interrupt]:
    """First Ctrl-C: drop the document in hand (or finish the store write in hand), then stop.
    A second Ctrl-C during a store write or the final fusion stops at once (its transaction rolls back).
    A SIGTERM (a service manager stopping the ingest) counts as a Ctrl-C. ``ctl``: the state of an
    earlier block of the same ingest (its other half), else a new one."""
    ctl = ctl or _Interrupt()
    with stop_signals_handled(ctl.on_sigint):
        yield ctl


def record_failure(
    store: Store, summary: IngestSummary, err: InputError, sha: str | None, on_error: Callable[[str], None] | None
) -> None:
    """Count, keep (once) in the store and report an input that could not be read."""
    summary.failed += 1
    summary.errors.append(err.line())
    store.record_failure(err.path, err.cause, sha)
    if on_error:
        on_error(err.line())


def admit_all(
    store: Store,
    deduper: Deduper,
    articles: Sequence[Article],
    pending: list[tuple[Article, bytes]],
    summary: IngestSummary,
    signatures: Sequence[bytes] | None = None,
) -> None:
    """Dedup each article against the store and the batch in hand, counting new/duplicate/unchanged
    (``signatures``: each article's ``dedup_signature``, when made already; else made here as needed)."""
    for k, article in enumerate(articles):
        summary.documents += 1
        outcome = _admit(store, deduper, article, pending, None if signatures is None else signatures[k])
        setattr(summary, outcome, getattr(summary, outcome) + 1)


def _admit(
    store: Store, deduper: Deduper, article: Article, pending: list[tuple[Article, bytes]], sig: bytes | None = None
) -> str:
    if store.has_article(article.id) or any(a.id == article.id for a, _ in pending):
        if article.source_path in store.sources(article.id) or any(
            a.id == article.id and a.source_path == article.source_path for a, _ in pending
        ):
            return "unchanged"
        store.add_source_alias(article.id, article.source_path)
        return "duplicate"
    if sig is None:
        sig = deduper.signature(article)
    original = deduper.match(sig)
    if original is not None:
        article = dataclasses.replace(article, duplicate_of=original)
    else:
        deduper.add(article.id, sig)
    pending.append((article, sig))
    return "duplicate" if original else "new"


def analyse_batch(
    batch: Sequence[tuple[Article, bytes]],
    analyse_articles: bool = True,
    time_limit: float | None = None,
    guard: Callable[[], AbstractContextManager[None]] | None = None,
    pieces: int = TEXT_WORD_PIECES,
) -> tuple[list[tuple[Article, bytes]], list[Analysis], list[Article]]:
    """Analyse the batch's original (non-duplicate) articles within ``time_limit`` each: (the batch
    less the articles whose analysis ran past it and their duplicates, the analyses, the articles
    given up). ``guard`` (a context manager) wraps the analysis, e.g. to let Ctrl-C abort it."""
    originals = [a for a, _ in batch if a.duplicate_of is None]
    if not analyse_articles or not originals:
        return list(batch), [], []
    with guard() if guard else contextlib.nullcontext():
        analyses, late = analyse_within(originals, time_limit, pieces=pieces)
    return without_late(batch, late), analyses, late


def without_late(batch: Sequence[tuple[Article, bytes]], late: Sequence[Article]) -> list[tuple[Article, bytes]]:
    """The batch less the articles given up past the time limit and their duplicates."""
    late_ids = {a.id for a in late}
    return [(a, sig) for a, sig in batch if a.id not in late_ids and a.duplicate_of not in late_ids]


def save_batch(store: Store, batch: Sequence[tuple[Article, bytes]], analyses: Sequence[StorableAnalysis]) -> None:
    """The batch's articles with their annotations, mentions, fusion keys and embeddings."""
    by_id = {x.article_id: x for x in analyses}
    with store.transaction():
        for article, sig in batch:
            if store.add_article(article, sig) and article.duplicate_of is None and sig:
                store.add_dedup_keys([(article.id, band_keys(sig))])
            result = by_id.get(article.id)
            if result is None:
                continue
            store.save_encoded(result.encoded)
            store.save_fusion_keys(article.id, result.fusion_keys)
            if result.embedding is not None:
                store.save_embedding(article.id, result.embedding)


def assign_stories(store: Store, clusterer: StoryClusterer, analyses: Sequence[StorableAnalysis]) -> None:
    """Online story clustering: each new article joins a candidate story or starts one, and each article
    whose story or place in it changed gets them (``pop_moved``, ``pop_ranks``); what changed in
    the clusterer is saved. The new articles and every story that gained or lost an article are kept for the next
    fusion (and the next save of story records)."""
    added: dict[str, str] = {}
    for result in analyses:
        added[result.article_id] = clusterer.add(result.story)
    touched_articles, touched_stories = set(added), set(added.values())
    moved = clusterer.pop_moved()  # merged or split off since
    before = {**store.stories_of([a for a in moved if a not in added]), **{a: added[a] for a in moved if a in added}}
    regrouped = {s for s in before.values() if s} | set(moved.values())
    ranks = clusterer.pop_ranks()  # their places in their stories' lists
    for article_id, story_id in {**added, **moved}.items():  # one write per article, with its place if it has one
        story_id, rank = ranks.pop(article_id, (story_id, None))
        store.set_story(article_id, story_id, rank)
    for article_id, (story_id, rank) in ranks.items():
        store.set_story(article_id, story_id, rank)
    save_clusterer(store, clusterer)
    add_fusion_pending(store, touched_articles, touched_stories | regrouped, regrouped)


FUSION_PENDING = "fusion_pending"  # state: articles and stories stored since the last fusion
FUSION_INDEXED = "fusion_indexed"  # state: set once event_mentions and fusion_keys cover the whole store


def add_fusion_pending(store: Store, article_ids: set[str], story_ids: set[str], regrouped: set[str]) -> None:
    """Remember for the next fusion: the articles stored, the stories whose records changed, and the
    stories that merged or split (``regrouped``: all their articles may group differently; a story
    that only gained articles reaches its other articles through the new ones' types)."""
    articles, stories = fusion_pending(store)
    before = regrouped_pending(store)
    pending = {
        "articles": sorted(articles | article_ids),
        "stories": sorted(stories | story_ids),
        "regrouped": sorted(before | regrouped),
    }
    store.set_state(FUSION_PENDING, json.dumps(pending).encode())


def fusion_pending(store: Store) -> tuple[set[str], set[str]]:
    raw = store.get_state(FUSION_PENDING)
    pending = json.loads(raw) if raw else {}
    return set(pending.get("articles", ())), set(pending.get("stories", ()))


def regrouped_pending(store: Store) -> set[str]:
    """Stories merged or split since the last fusion; a pending list from before this distinction
    counts every touched story as regrouped (the old, wider block)."""
    raw = store.get_state(FUSION_PENDING)
    pending = json.loads(raw) if raw else {}
    return set(pending["regrouped"] if "regrouped" in pending else pending.get("stories", ()))


def update_stories_and_events(store: Store, clusterer: StoryClusterer | None = None) -> None:
    """Save the records of the stories touched since the last fusion, and re-fuse the block of event
    mentions that the articles stored since then can change (see ``fusion_block``); the other
    stories and fused events stay as stored."""
    if clusterer is None:
        clusterer = load_clusterer(store)
    with store.transaction():
        save_touched_stories(store, clusterer)
        fuse_pending(store)


def save_touched_stories(store: Store, clusterer: StoryClusterer) -> None:
    """Story records for the stories pending fusion, from what the clusterer keeps of them (their rows;
    a record without article ids, which the store lists by the places ``assign_stories`` wrote; the
    articles are read only for stories saved before the clusterer kept their dates); the records of
    stories merged away are deleted. A store from before incremental fusion gets every record whole."""
    if store.get_state(FUSION_INDEXED) is None:
        store.save_stories(clusterer.stories({a.id: a for a in store.articles()}))
        return
    _, story_ids = fusion_pending(store)
    if not story_ids:
        return
    members = {a.id: a for a in store.articles_by_id(clusterer.articles_to_read(story_ids))}
    store.replace_stories_of(story_ids, clusterer.records_by_id(story_ids, members))


def fuse_pending(store: Store) -> None:
    """Bring the fused events up to date with the articles stored since the last fusion."""
    with store.transaction():
        if store.get_state(FUSION_INDEXED) is None:
            refuse_all(store)
        else:
            refuse_touched(store)
        store.set_state(FUSION_PENDING, b"{}")


def refuse_all(store: Store) -> None:
    """Fuse every stored mention (a store from before incremental fusion: index it on the way)."""
    articles = store.articles()
    mentions = store.mentions()
    by_article: dict[str, list[EventMention]] = {a.id: [] for a in articles}
    for m in mentions:
        by_article.setdefault(m.article_id, []).append(m)
    for article_id, ms in by_article.items():
        store.save_fusion_keys(article_id, fusion_keys(ms))
    store.replace_events(fuse_stored(mentions, articles))
    store.set_state(FUSION_INDEXED, b"1")


def refuse_touched(store: Store) -> None:
    """Fuse the mentions of the block the pending articles and stories reach, and replace their events;
    the block's mentions and claims are kept for the next fusion (``kept_block``)."""
    article_ids, _ = fusion_pending(store)
    regrouped = regrouped_pending(store)
    kept = kept_block(store)
    settled = _Settled(kept, article_ids, regrouped)
    block, whole = reached_block(store, article_ids, regrouped, settled)
    if not block:
        return
    by_article = block_mentions(store, block, article_ids, kept)
    claims = block_claims(store, block, article_ids, kept)
    mentions = [m for a in sorted(by_article) for m in by_article[a]]
    known = settled.rows(block)  # the others' rows are read: stored since, or their story regrouped
    rows = known | store.fusion_articles(block - known.keys())
    store.replace_events_of([m.id for m in mentions], fuse_block(store, mentions, block, claims, rows))
    keep_block(store, by_article, claims, rows, kept, whole=whole and len(article_ids) == 1)


BLOCK_KEPT = 1 << 15  # mentions of the last fused block kept in memory for the next fusion


@dataclass(frozen=True)
class _KeptBlock:
    """The mentions and readout claims of the last block this process fused into a store, each
    article's as stored, valid while the store's ``fused_token`` is ``token`` (no fused events
    written since), the claims while their version is ``claims_version``; and the links between
    its articles (``_Links``)."""

    store: weakref.ReferenceType[Store]
    token: bytes | None
    mentions: dict[str, list[EventMention]]  # article id -> its mentions, in stored order
    claims: dict[str, list[tuple[str, str]]]  # article id -> its readout claims (``article_claims``)
    claims_version: str
    links: _Links
    whole: bool  # the block was reached from one article (``reached_block``): its links join all its articles


_kept_block: _KeptBlock | None = None


class _Links:
    """What ``fusion_block`` follows from the articles of a kept block, indexed: each one's outlet
    and story (its row then), mention types and fusion keys, the articles of each (story, type), and
    each fusion key's day ranges by article. The next block holds most of these articles with the
    same mentions: it is brought up to date with the few that came, went or changed, not rebuilt
    (rebuilding it for each watched file walked every key of its whole story)."""

    def __init__(self) -> None:
        self.row: dict[str, tuple[str | None, str | None]] = {}  # article -> (outlet, story)
        self.types: dict[str, frozenset[str]] = {}
        self.keys: dict[str, list[tuple[str, int, int]]] = {}  # article -> its ``fusion_keys``
        self.pairs: dict[tuple[str, str], set[str]] = {}  # (story, type) -> its articles with that type
        self.spans: dict[str, list[tuple[int, int, str]]] = {}  # fusion key -> (first day, last day, article)

    def update(
        self, mentions: dict[str, list[EventMention]], rows: dict[str, tuple[str | None, str | None]], same: set[str]
    ) -> None:
        """The links of the block whose mentions and rows these are; ``same``: the articles whose
        mentions are the ones indexed (their types and keys are kept)."""
        for article in self.row.keys() - (mentions.keys() & rows.keys()):
            self._remove(article)
        for article, ms in mentions.items():
            row = rows.get(article)
            if row is None:
                continue
            if article not in same or article not in self.row:
                self._remove(article)
                self._add(article, row, frozenset(m.type or "" for m in ms), fusion_keys(ms))
            elif self.row[article] != row:
                self._set_row(article, row)

    def _add(self, article: str, row: tuple[str | None, str | None], types: frozenset[str], keys: list) -> None:
        self.types[article], self.keys[article] = types, keys
        for key, lo, hi in keys:
            self.spans.setdefault(key, []).append((lo, hi, article))
        self._set_row(article, row)

    def _set_row(self, article: str, row: tuple[str | None, str | None]) -> None:
        self._unpair(article)
        self.row[article] = row
        if (story := row[1]) is not None:
            for t in self.types[article]:
                self.pairs.setdefault((story, t), set()).add(article)

    def _unpair(self, article: str) -> None:
        old = self.row.get(article)
        if old is None or old[1] is None:
            return
        for t in self.types[article]:
            arts = self.pairs.get((old[1], t))
            if arts is not None:
                arts.discard(article)
                if not arts:
                    del self.pairs[(old[1], t)]

    def _remove(self, article: str) -> None:
        if article not in self.row:
            return
        self._unpair(article)
        for key in {key for key, _, _ in self.keys.pop(article)}:
            rows = [row for row in self.spans[key] if row[2] != article]
            if rows:
                self.spans[key] = rows
            else:
                del self.spans[key]
        del self.row[article], self.types[article]


def keep_block(
    store: Store,
    by_article: dict[str, list[EventMention]],
    claims: dict[str, list[tuple[str, str]]],
    rows: dict[str, tuple[str | None, str | None]],
    before: _KeptBlock | None = None,
    whole: bool = False,
) -> None:
    """Keep the fused block's mentions, claims and links (``rows``: each article's outlet and story)
    for the next fusion of this store in this process (a watched story re-fuses the same block with
    one article more); none past ``BLOCK_KEPT``. The links of the block ``before`` are brought up to
    date, in place: that block is not kept any more. ``whole``: see ``_KeptBlock.whole``."""
    global _kept_block
    _kept_block = None  # ``before``'s links change here: never left kept half updated
    if sum(len(ms) for ms in by_article.values()) > BLOCK_KEPT:
        return
    same = {a for a, ms in by_article.items() if before is not None and before.mentions.get(a) is ms}
    links = before.links if before is not None else _Links()
    links.update(by_article, rows, same)
    token = store.fused_token()
    _kept_block = _KeptBlock(weakref.ref(store), token, by_article, claims, fusion_claims_version(), links, whole)


def kept_block(store: Store) -> _KeptBlock | None:
    """What the last fusion of this store in this process kept, while no fusion has written events
    since (the store's ``fused_token`` is the one kept)."""
    kept = _kept_block
    if kept is None or kept.token is None or kept.store() is not store or kept.token != store.fused_token():
        return None
    return kept


def block_mentions(
    store: Store, block: set[str], pending: set[str], kept: _KeptBlock | None
) -> dict[str, list[EventMention]]:
    """Article id -> its stored mentions (in stored order), for each of the block's articles: those of
    an article of the ``kept`` block that is not pending from memory (an article's mentions are
    written only with the article pending fusion, so they are the ones read then), the others read."""
    known = {a: kept.mentions[a] for a in block - pending if a in kept.mentions} if kept else {}
    out: dict[str, list[EventMention]] = {a: [] for a in block - known.keys()}
    for m in store.mentions_of(list(out)) if out else ():
        out[m.article_id].append(m)
    return out | known


def block_claims(
    store: Store, block: set[str], pending: set[str], kept: _KeptBlock | None
) -> dict[str, list[tuple[str, str]]]:
    """``article_claims`` of the block's articles: those of an article of the ``kept`` block that is not
    pending from memory, when kept under the same rules (an article's text, like its mentions, is
    written only with it pending), the others read."""
    same = kept is not None and kept.claims_version == fusion_claims_version()
    known = {a: kept.claims[a] for a in block - pending if a in kept.claims} if kept and same else {}
    return article_claims(store, block - known.keys()) | known if len(known) < len(block) else known


def fusion_block(store: Store, article_ids: set[str], story_ids: set[str], settled: _Settled | None = None) -> set[str]:
    """The articles whose mentions a fusion of these articles and stories may group differently.

    A mention only ever fuses with one of its own type that shares its story or a cross-story fusion
    key within reach (``cluster_mentions`` looks no further), so the block is closed under: every
    article of a story that merged or split (``story_ids``); the articles of a block article's story
    that have a mention of one of its types; and the articles sharing a fusion key within reach. The
    other articles' fused events are what a full re-fusion would give. A story that only gained
    articles is reached through the new articles' types, and a story links its articles only through
    a shared type: linking all of a story's articles re-fused a big story whole for each added
    article, and chained unrelated blocks into one that grew with the store.

    The links of the ``settled`` articles (of the last block, untouched since) are followed in memory;
    the stories that merged or split are not looked up again: all their articles are in the block.
    Where the last block is one whole (``_Settled.whole``), reaching one of its articles reaches them
    all: they are added at once, and none of their links is followed again."""
    return reached_block(store, article_ids, story_ids, settled)[0]


def reached_block(
    store: Store, article_ids: set[str], story_ids: set[str], settled: _Settled | None = None
) -> tuple[set[str], bool]:
    """``fusion_block``, and whether its links join each of its articles to ``article_ids``: the
    articles reached from these alone, before those of the regrouped stories are started from (a
    closure does not depend on the order it is followed in), are all of it; and the last block was
    not taken whole while stories regrouped (a part of it may then hang only on their new links)."""
    reach = fusion_reach_days()
    settled = settled if settled is not None else _Settled(None, set(), set())
    block: set[str] = set()
    regrouped = store.articles_in_stories(story_ids) if story_ids else {}
    linked: set[tuple[str, str]] = set()  # (story, type) pairs whose articles are already in reach
    known = _BlockArticles(store, settled, regrouped)
    whole = settled.whole()
    todo, later = set(article_ids), set(regrouped)
    joined = True
    while todo or later:
        if not todo:  # then from the articles of the regrouped stories not reached
            todo, later = later - block, set()
            joined = joined and not todo
            continue
        new = todo - block
        block |= new
        unsettled = {a for a in new if not settled.holds(a)}
        if whole and len(unsettled) < len(new):  # a settled article: the whole last block, closed
            block |= whole
            new, whole, joined = unsettled, set(), joined and not story_ids
        todo = settled.neighbours(new, reach) | _story_mates(known, new, linked, story_ids)
        if unsettled:
            todo |= store.fusion_neighbours(unsettled, reach)
        todo -= block
    return block, joined


class _Settled:
    """The articles of the last fused block (``kept``) not stored since: their mention types and
    fusion keys are those they had then, and so are their stories where these neither merged nor
    split (``regrouped``). What ``fusion_block`` follows from them is what it followed then, which
    that block held (it is closed under those links), but for the articles stored since and those
    of the regrouped stories, which are in the block from the start: it is followed here, in memory,
    not asked of the store (a watched story's block read its whole story and keys for each file).
    A view of the kept block's ``_Links``, less the ``pending`` articles and regrouped stories."""

    def __init__(self, kept: _KeptBlock | None, pending: set[str], regrouped: set[str]) -> None:
        self.kept = kept
        self.links = kept.links if kept is not None else _Links()
        self.pending = pending
        self.regrouped = regrouped

    def whole(self) -> set[str]:
        """The settled articles, where reaching one of them reaches them all (else none): the kept
        block was reached from one article, so its links join all its articles (``_KeptBlock.whole``)
        and no other article (it is closed), and none of them was stored since. A story that
        regrouped since drops only links between its own articles, all of which are in the block
        from the start: each part of the kept block that such links held to the rest is reached."""
        kept = self.kept
        if kept is None or not kept.whole or not self.pending.isdisjoint(kept.mentions):
            return set()
        return set(self.links.row) if len(self.links.row) == len(kept.mentions) else set()

    def holds(self, article: str) -> bool:
        """Whether the article is settled: kept, and not stored since."""
        return article in self.links.row and article not in self.pending

    def story(self, article: str) -> tuple[bool, str | None]:
        """(known, story) of a settled article whose story neither merged nor split."""
        if not self.holds(article):
            return False, None
        story = self.links.row[article][1]
        return story not in self.regrouped, story

    def pair(self, pair: tuple[str, str]) -> set[str]:
        """The settled articles of a (story, type) whose story did not regroup."""
        if pair[0] in self.regrouped:
            return set()
        return self.links.pairs.get(pair, set()) - self.pending

    def rows(self, articles: set[str]) -> dict[str, tuple[str | None, str | None]]:
        """The rows (outlet, story) of those of these articles whose row is the kept one: settled,
        their story neither merged nor split (an article's story changes only with it stored or
        its story regrouped; its outlet never)."""
        return {a: self.links.row[a] for a in articles if self.story(a)[0]}

    def neighbours(self, articles: set[str], reach: int) -> set[str]:
        """The settled articles with a fusion key whose days lie within ``reach`` of the days of one
        of these articles (the settled ones among them) for that key: ``store.fusion_neighbours``."""
        keys, pending = self.links.keys, self.pending
        spans: dict[str, list[tuple[int, int]]] = {}
        for article in articles:
            if article in keys and article not in pending:
                for key, lo, hi in keys[article]:
                    spans.setdefault(key, []).append((lo - reach, hi + reach))
        out: set[str] = set()
        for key, ranges in spans.items():
            joined = joined_ranges(ranges)
            starts = [lo for lo, _ in joined]
            for lo, hi, article in self.links.spans.get(key, ()):
                j = bisect.bisect_right(starts, hi) - 1
                if j >= 0 and joined[j][1] >= lo:
                    out.add(article)
        return out - pending


class _BlockArticles:
    """The story and mention types of the articles a ``fusion_block`` met, each read once: a story's
    articles come with their types in one read, and the articles reached through them are not
    looked up again in the next round; the ``settled`` ones are known from the start, and the
    stories of the articles of the ``regrouped`` stories (article id -> its story now)."""

    def __init__(self, store: Store, settled: _Settled, regrouped: dict[str, str]) -> None:
        self.store = store
        self.settled = settled
        self.read_story: dict[str, str | None] = dict(regrouped)  # read here; over the settled ones
        self.read_types: dict[str, Collection[str]] = {}
        self.read_both: set[str] = set()  # the articles whose story and types were read here
        self.members: dict[str, dict[str, set[str]]] = {}  # story -> its articles with mentions -> their types

    def stories_and_types(self, articles: Iterable[str]) -> Iterator[tuple[str | None, Collection[str]]]:
        """(story, mention types) of each of these articles, read here or settled."""
        for a in articles:
            if a in self.read_story:
                story = self.read_story[a]
            else:
                known, story = self.settled.story(a)
                story = story if known else None
            if a in self.read_types:
                yield story, self.read_types[a]
            else:
                yield story, self.settled.links.types[a] if self.settled.holds(a) else ()

    def read(self, articles: set[str]) -> None:
        """Read the story and types of those of these articles that are neither read nor settled with
        a known story (a settled one's story is unknown where it regrouped: then it was read)."""
        settled = {a for a in articles if self.settled.story(a)[0] or (a in self.read_story and self.settled.holds(a))}
        unknown = articles - self.read_both - settled
        if unknown:
            self.read_types.update(self.store.mention_types(unknown))
            self.read_story.update(dict.fromkeys(unknown) | self.store.stories_of(unknown))
            self.read_both |= unknown

    def of_stories(self, story_ids: set[str]) -> dict[str, dict[str, set[str]]]:
        unread = story_ids - self.members.keys()
        if unread:
            self.members.update({s: {} for s in unread})
            for article, (story, types) in self.store.story_mention_types(unread).items():
                self.members[story][article] = types
                self.read_story[article], self.read_types[article] = story, types
                self.read_both.add(article)
        return {s: self.members[s] for s in story_ids}


def _story_mates(
    known: _BlockArticles, articles: set[str], linked: set[tuple[str, str]], regrouped: set[str]
) -> set[str]:
    """Articles of these articles' stories with a mention of a type these articles have (each story
    and type looked up once: ``linked`` remembers them), but for the ``regrouped`` stories, whose
    articles are all in the block. A story and type that a settled article has are those settled
    articles (the others of that story and type were stored since: pending)."""
    known.read(articles)
    wanted = {(s, t) for s, types in known.stories_and_types(articles) if s and s not in regrouped for t in types}
    wanted -= linked
    if not wanted:
        return set()
    linked |= wanted
    settled = {pair: arts for pair in wanted if (arts := known.settled.pair(pair))}
    out = set().union(*settled.values())
    wanted -= settled.keys()
    if not wanted:
        return out
    members = known.of_stories({s for s, _ in wanted})
    return out | {a for s, arts in members.items() for a, types in arts.items() if any((s, t) in wanted for t in types)}


def fuse_block(
    store: Store,
    mentions: Sequence[EventMention],
    block: set[str],
    claims: dict[str, list[tuple[str, str]]] | None = None,
    rows: dict[str, tuple[str | None, str | None]] | None = None,
) -> list[Event]:
    """``fuse_stored`` of a block's mentions, its articles read by key: each one's outlet and story
    from its row (``store.fusion_articles``, unless given), its readout claims as kept in the store
    (``article_claims``, unless given), not its text."""
    rows = store.fusion_articles(block) if rows is None else rows
    outlets = {a: outlet for a, (outlet, _) in rows.items()}
    story_of = {a: story for a, (_, story) in rows.items() if story}
    return fuse_events(
        mentions, outlets, story_of, claims_of=article_claims(store, block) if claims is None else claims
    )


def fusion_claims_version() -> str:
    """The version the store keeps readout claims under: the rules and the analysed part of a text."""
    return f"{claims_version()}:{max_analysed_chars()}"


def article_claims(store: Store, article_ids: set[str]) -> dict[str, list[tuple[str, str]]]:
    """Each article's readout claims in its analysed text (what ``fuse_stored`` finds), read from the
    store; an article fused for the first time (or since the rules changed) has its text read once."""
    version = fusion_claims_version()
    found = store.fusion_claims(article_ids, version)
    missing = article_ids - found.keys()
    if missing:
        analysed = max_analysed_chars()
        new = {a.id: find_claims(a.text[:analysed]) for a in store.articles_by_id(missing)}
        store.save_fusion_claims(new, version)
        found.update(new)
    return found


def fuse_stored(mentions: Sequence[EventMention], articles: Sequence[Article]) -> list[Event]:
    analysed = max_analysed_chars()
    outlets = {a.id: a.outlet for a in articles}
    story_of = {a.id: a.story_id for a in articles if a.story_id}
    texts = {a.id: a.text[:analysed] for a in articles}  # claims in the analysed part only
    return fuse_events(mentions, outlets, story_of, texts=texts)


def print_error(line: str) -> None:
    print(line, file=sys.stderr, flush=True)
