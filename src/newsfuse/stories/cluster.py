"""Online story clustering.

An added article is compared with the member articles of candidate stories (average linkage over
the story's most recent members, blended with the best single member), not with one running
profile: a story of two earthquakes never averages into "an earthquake". Pair similarity weighs
content words, names and places by their rarity among the articles seen so far (IDF, online), adds
the embeddings' cosine, and subtracts what conflicts: salient names one side has and the other
never mentions, and publication dates far apart. A story also asks more of a newcomer the closer its
own members are to each other (its cohesion): many reports of one event are much closer to each
other than to a report of another event of the same kind, even when that report shares their topic
words. A story whose members fall into two groups far apart (it grew over two events of one kind,
through reports close to both) is split in two. An article that came before its story had grown
stays where it fitted then (alone, or in another event's story) unless it is re-homed: when a story
grows, the member that fits least in each neighbouring story moves into it when it fits there better
than at home. Idf may start from a background document-frequency table instead of from zero.
Candidates come from an inverted index (names, actors, places, event keys, the article's most
telling words, random-hyperplane buckets of its embedding); keys shared by too many stories are
skipped, so the work per article stays flat as the store grows. A new article's similarities to all
its candidates' members are computed at once, as arrays (``vectors``: the idf of every word once,
each member's words numbered once). The same input order always gives the same stories.
A story's title is the headline of the member closest to its centre; the story keeps its best few
candidates, so that a join to a big story does not read every member's embedding, and picks from
all members while it is small and whenever its article count reaches a power of two (``_pick_title``).
"""

from __future__ import annotations

import base64
import heapq
import json
import math
import re
import zlib
from collections import Counter
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property, lru_cache
from itertools import chain, product
from pathlib import Path
from typing import Any, NamedTuple, Protocol

import numpy as np
from scipy.cluster.hierarchy import linkage

from ..model import Article, Story
from .config import DATA, load
from .embed import DIM
from .items import StoryItem, log_tf_unit
from .packed import ARRAYS, Packed, is_packed, pack, unpack
from .vectors import Stack, Vocabulary, field_cosines, lacking_shares, stack

# a member's word vectors compared by idf-weighted cosine, and the vocabulary (document frequencies)
# each is weighed by; a word of field k has the key (its id in that vocabulary) * 4 + k
_COSINE_FIELDS = (("terms", "terms"), ("lead", "terms"), ("names", "names"), ("persons", "names"))
_KINDS = ("terms", "names")
_FIELD_KIND = np.array([_KINDS.index(kind) for _, kind in _COSINE_FIELDS])


@dataclass
class _Member:
    """What a story keeps of one member article to compare new articles with."""

    article_id: str
    terms: dict[str, float]
    names: dict[str, float]
    salient: tuple[str, ...]
    places: tuple[str, ...]
    published: str | None
    emb: np.ndarray
    years: tuple[str, ...] = ()
    dates: tuple[str, ...] = ()
    numbers: tuple[str, ...] = ()
    lead: dict[str, float] = field(default_factory=dict)  # the lead's content lemmas
    persons: dict[str, float] = field(default_factory=dict)  # people's last names
    actor_ids: tuple[str, ...] = ()
    keys: tuple[str, ...] = ()  # its index keys: what a story split off with it is found by
    arrays: _Arrays | None = field(default=None, repr=False, compare=False)  # ``StoryClusterer._give_ids``
    # ``_plain_side``: made the first time the member is compared (the fields it reads never change after)
    plain: _PlainSide | None = field(default=None, init=False, repr=False, compare=False)


@dataclass
class _Arrays:
    """A member's word vectors as arrays, its words numbered in ``vocabularies`` (terms, names)."""

    vocabularies: tuple[Vocabulary, ...]
    keys: np.ndarray  # the words of its ``_COSINE_FIELDS``, field after field (see there)
    weights: np.ndarray  # their weights
    names: np.ndarray  # its names' ids
    salient: np.ndarray  # its salient names' ids


# a member's weighted words, in the order their weights follow each other in a packed row
_WEIGHTED = ("terms", "names", "lead", "persons")


class _PackedMember(_Member):
    """A member read from a packed row: its weighted words stay as the row holds them (per field of
    ``_WEIGHTED``, the words joined in key order, and an array of their weights), which is all that
    comparing it or saving it again needs, until they are asked for as lists (``words``) or dicts
    (the same dicts, in the same key order, as a member read from a JSON row has)."""

    head_words: list[str | list[str]]  # per field, as the row holds them (``_joined``)
    head_keys: str | list[str]  # its index keys, as the row holds them
    weights: dict[str, np.ndarray]  # field -> its weights

    def __getattr__(self, name: str) -> Any:
        known = self.__dict__
        if "head_words" not in known or (name != "words" and name not in _WEIGHTED):
            raise AttributeError(name)
        if name == "words":
            known["words"] = {f: _split(w) for f, w in zip(_WEIGHTED, self.head_words)}
        else:
            for f in _WEIGHTED:
                known[f] = dict(zip(self.words[f], self.weights[f].tolist()))
        return known[name]

    @cached_property
    def keys(self) -> tuple[str, ...]:  # type: ignore[override]  # (a field with a default: a class attribute)
        return tuple(_split(self.head_keys))


def _words_of(member: _Member, name: str) -> Collection[str]:
    """The words of one of a member's weighted fields (in its dict's key order)."""
    return member.words[name] if isinstance(member, _PackedMember) else getattr(member, name)


def _weights_of(member: _Member, names: Iterable[str]) -> np.ndarray:
    """The weights of these weighted fields of a member, field after field, in their key order."""
    if isinstance(member, _PackedMember):
        return np.concatenate([member.weights[name] for name in names])
    return np.array([w for name in names for w in getattr(member, name).values()], dtype=np.float64)


@dataclass
class _Story:
    id: str
    order: int
    article_ids: list[str] = field(default_factory=list)
    titles: list[str] = field(default_factory=list)
    # article id -> its publication date, so that the story's record needs no article read (a row from
    # before these: empty, and the record reads its articles)
    published: dict[str, str | None] = field(default_factory=dict)
    embs: list[np.ndarray] = field(default_factory=list)
    emb_sum: np.ndarray = field(default_factory=lambda: np.zeros(DIM, dtype=np.float32))
    members: list[_Member] = field(default_factory=list)
    names: Counter = field(default_factory=Counter)
    actors: Counter = field(default_factory=Counter)
    keys: set[str] = field(default_factory=set)
    # whether ``keys`` holds all its index keys: a story read by key from a row that keeps them apart (in
    # the store's keys rows) holds those found or added so far; a join asks for the keys it brings only
    # (``_know_keys``), a merge or the story's removal reads them all (``_all_keys``)
    keys_whole: bool = True
    keys_added: set[str] = field(default_factory=set)  # keys it gained since it was read or saved
    # whether its saved keys rows are to be replaced by ``keys`` (a new story, whose id may be one a
    # removed story had, or a row that held its keys, saved before keys rows)
    keys_reset: bool = True
    first: str | None = None
    last: str | None = None
    sims: np.ndarray = field(default_factory=lambda: np.zeros((0, 0), dtype=np.float32))  # members x members
    sims_at: int = 0  # how many articles had been seen (idf) when ``sims`` was computed
    # read from its recent row only (``_read_candidates``): ``members`` holds its recent members only,
    # ``sims`` their similarities only (``_padded``), ``articles`` counts its articles, the other lists
    # are empty; the rest is read when it changes
    partial: bool = False
    articles: int = 0
    # its add-only lists (``article_ids``, ``titles``, ``embs``, and ``published`` of those articles) hold
    # their items from chunk ``held`` on (``CHUNK_ARTICLES`` each; 0: all): a story read by key to join
    # holds its last chunk only, and ``_complete`` reads the rest before anything but an append
    held: int = 0
    dirty: int | None = None  # the first chunk changed since it was read or saved (None: none)
    # the members its title is picked from, best first: (article id, title, embedding) of the
    # ``TITLE_CANDIDATES`` that scored highest at the last pick (``_pick_title``); empty: the title is
    # picked from all members when asked (a row saved before picks were kept, or a member without embedding)
    title_pick: list[tuple[str, str, np.ndarray]] = field(default_factory=list)
    # the place in its list the next article it gains gets (``pop_ranks``: what a store that lists a
    # story's articles by their places keeps); None: not numbered yet (a row saved before places were
    # kept: numbered when next read whole); -1: not numbered, its record lists its articles itself (an
    # article's date is not kept, so the record reads the articles)
    next_rank: int | None = 0


# the items of each add-only list of a story per chunk row: a join rewrites the story's last chunk
# only, so it writes and reads at most this many articles' ids, titles, dates and embeddings
CHUNK_ARTICLES = 16
# the title candidates a story keeps (``_Story.title_pick``): a join scores these and the new member
# only, so the title costs the same at 5,000 articles as at 10 (issue 17)
TITLE_CANDIDATES = 4


def _picks_exactly(count: int) -> bool:
    """Whether a story of this many articles picks its title from all its members: while its lists fit
    in one chunk (a join holds them all), and whenever its count reaches a power of two, so that the
    reading is amortised O(1) per article and the kept candidates are never older than half the story.
    A rule on the count alone, so a story built article by article and one built in one batch agree."""
    return count <= CHUNK_ARTICLES or count & (count - 1) == 0


def _lists_aligned(story: _Story) -> bool:
    """Whether every article of the story has its title and embedding in its lists."""
    return len(story.article_ids) == len(story.titles) == len(story.embs)


def _numbered(story: _Story) -> bool:
    """Whether the story's record is made from its row alone: its articles have their places (a store
    lists them by these) and its title candidates are kept."""
    return story.next_rank is not None and story.next_rank >= 0 and bool(story.title_pick)


def _top_actors(story: _Story) -> tuple[str, ...]:
    """The story's ten actors its articles name most (a record's)."""
    return tuple(a for a, _ in sorted(story.actors.items(), key=lambda kv: (-kv[1], kv[0]))[:10])


def _best_titles(story: _Story, candidates: list[tuple[str, str, np.ndarray]]) -> list[tuple[str, str, np.ndarray]]:
    """The ``TITLE_CANDIDATES`` of these (article id, title, embedding) that come closest to the story's
    centre, best first (on a tie the earlier): a headline scores 2 more than a title that stands in for
    an untitled article's (a first sentence is longer than ``headline_max_words``), and no title 2 less
    than any."""
    centre = story.emb_sum / (np.linalg.norm(story.emb_sum) or 1.0)
    longest = int(load("clustering.yaml")["headline_max_words"])
    scores = [
        float(e.astype(np.float32) @ centre) + 2.0 * (len(t.split()) <= longest) if t else -2.0
        for _, t, e in candidates
    ]
    best = sorted(range(len(candidates)), key=lambda k: (-scores[k], k))[:TITLE_CANDIDATES]
    return [(candidates[k][0], candidates[k][1], candidates[k][2].astype(np.float16)) for k in best]


def _article_count(story: _Story) -> int:
    return story.articles if story.partial else story.held * CHUNK_ARTICLES + len(story.article_ids)


def _chunk_count(story: _Story) -> int:
    """How many chunk rows the story's add-only lists fill."""
    most = max(len(story.article_ids), len(story.titles), len(story.embs))
    return story.held + -(-most // CHUNK_ARTICLES)


def _chunk_row(story: _Story, k: int) -> bytes:
    """Chunk ``k`` of the story's add-only lists (a story that holds it), packed."""
    start = (k - story.held) * CHUNK_ARTICLES
    if start < 0:
        raise AssertionError(f"story {story.id}: chunk {k} saved before it was read")
    ids = story.article_ids[start : start + CHUNK_ARTICLES]
    embs = story.embs[start : start + CHUNK_ARTICLES]
    head = {
        "ids": ids,
        "titles": story.titles[start : start + CHUNK_ARTICLES],
        "published": {a: story.published[a] for a in ids if a in story.published},
    }
    arrays = {name: np.zeros(0) for name, _ in ARRAYS}
    arrays["embs"] = np.stack(embs).astype(np.float16) if embs else np.zeros((0, DIM), dtype=np.float16)
    return pack(Packed(head, arrays))


def _chunk_lists(chunks: list[bytes]) -> tuple[list[str], list[str], dict[str, str | None], list[np.ndarray]]:
    """The add-only lists these chunk rows hold, one after another."""
    ids: list[str] = []
    titles: list[str] = []
    published: dict[str, str | None] = {}
    embs: list[np.ndarray] = []
    for raw in chunks:
        chunk = unpack(raw)
        ids += chunk.head["ids"]
        titles += chunk.head["titles"]
        published.update(chunk.head["published"])
        embs += list(chunk.arrays["embs"].reshape(-1, DIM))
    return ids, titles, published, embs


def _attach(story: _Story, chunks: list[bytes], first: int) -> None:
    """Give a story read from its head row its add-only lists from chunk ``first`` on."""
    story.article_ids, story.titles, story.published, story.embs = _chunk_lists(chunks)
    story.held, story.dirty = first, None


def _prepend(story: _Story, chunks: list[bytes]) -> None:
    """Put the chunks before the ones a story holds in front of its lists (it holds them all then)."""
    if len(chunks) != story.held:
        raise ValueError(f"story {story.id}: {len(chunks)} of its {story.held} first chunks are stored")
    ids, titles, published, embs = _chunk_lists(chunks)
    story.article_ids[:0], story.titles[:0], story.embs[:0] = ids, titles, embs
    story.published = {**published, **story.published}
    story.held = 0


def _tail_chunk(lengths: list[int]) -> int:
    """The chunk where the next item of each add-only list of these lengths goes (the first a join changes)."""
    return min(n // CHUNK_ARTICLES for n in lengths)


ROWS_PACKED = "packed"  # the meta's "rows" when the story rows are packed (``packed``), not JSON
_NUMBER = re.compile(r"^\d[\d,.]*$")


def _numbers(terms: dict[str, float]) -> tuple[str, ...]:
    """Counts and figures the article states (not years): how many died, the magnitude, the score."""
    return tuple(sorted(t for t in terms if _NUMBER.match(t) and not (len(t) == 4 and t[:2] in ("19", "20"))))


def _nested(x: str, y: str) -> bool:
    """One place name holds the other as whole words."""
    short, long = (x, y) if len(x) <= len(y) else (y, x)
    return f" {short} " in f" {long} "


# caps on the work an added article costs, not on what a story is: a saved clusterer takes the code's
# cap where it is lower (its other settings stay as saved, so that its stories go on as they began)
WORK_CAPS = ("max_candidates",)


def saved_config(saved: dict[str, Any]) -> dict[str, Any]:
    """A saved clusterer's config as it is read back: as saved, but for ``WORK_CAPS`` lowered to the
    code's (issue 17: ``max_candidates`` 32 -> 16 -> 8 -> 4 made a store of saved clusterers cheaper
    per article only with this)."""
    current = load("clustering.yaml")
    lowered = {k: min(int(saved[k]), int(current[k])) for k in WORK_CAPS if k in saved and k in current}
    return {**saved, **lowered}


@lru_cache(maxsize=4)
def background(name: str | None) -> tuple[int, dict[str, int], dict[str, int]]:
    """A document-frequency table (articles read, content-lemma df, name df) that idf starts from, so
    the first articles are already weighed by how telling their words are; TSV: kind, key, df."""
    if not name:
        return 0, {}, {}
    path = Path(name) if Path(name).is_absolute() else DATA / name
    n = 0
    terms: dict[str, int] = {}
    names: dict[str, int] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        kind, key, count = line.split("\t")
        if kind == "docs":
            n = int(count)
        else:
            (terms if kind == "t" else names)[key] = int(count)
    return n, terms, names


def _arrays(member: _Member, vocabularies: tuple[Vocabulary, ...]) -> _Arrays:
    """The member's word vectors as arrays (its words have ids in ``vocabularies`` already), the ids of
    each vocabulary's words looked up at once: ``_COSINE_FIELDS`` are terms and lead (content lemmas),
    then names and persons (names)."""
    terms, names = vocabularies
    words = [_words_of(member, name) for name, _ in _COSINE_FIELDS]
    term_ids = terms.ids_of([*words[0], *words[1]])
    name_ids = names.ids_of([*words[2], *words[3], *member.salient])
    cosine = len(words[2]) + len(words[3])  # the names of the cosine fields, before the salient ones
    keys = np.concatenate([term_ids, name_ids[:cosine]]) * len(_COSINE_FIELDS)
    keys += np.repeat(np.arange(len(_COSINE_FIELDS)), [len(w) for w in words])
    return _Arrays(
        vocabularies,
        keys,
        _weights_of(member, (name for name, _ in _COSINE_FIELDS)),
        name_ids[: len(words[2])],
        name_ids[cosine:],
    )


class _PlainSide(NamedTuple):
    """What the parts of a member's similarity that need no idf read of it, made once per member."""

    numbers: frozenset[str]
    years: frozenset[str]
    dates: frozenset[str]
    places: tuple[str, ...]
    place_set: frozenset[str]
    emb32: np.ndarray | None  # its embedding as float32 (None: it has none)
    day: float  # its publication date's day ordinal (nan: none, or not a date)


def _plain_side(m: _Member) -> _PlainSide:
    """The member's ``_PlainSide``, kept on it once made."""
    if m.plain is None:
        m.plain = _made_plain_side(m)
    return m.plain


def _made_plain_side(m: _Member) -> _PlainSide:
    day = _days(m.published)
    return _PlainSide(
        frozenset(m.numbers),
        frozenset(m.years),
        frozenset(m.dates),
        m.places,
        frozenset(m.places),
        m.emb.astype(np.float32) if m.emb.size == DIM else None,
        math.nan if day is None else float(day),
    )


def _place_conflict(a: _PlainSide, b: _PlainSide) -> float:
    """1 when both name places and share none of them; a place named at a finer or coarser grain
    ("los angeles" and "los angeles county", "stockton" and "south stockton") is the same place."""
    if not a.places or not b.places or a.place_set & b.place_set:
        return 0.0
    return float(not any(_nested(x, y) for x in a.places for y in b.places))


def _conflict(a: Collection[str], b: Collection[str]) -> float:
    """1 when both sides state values of one kind and share none of them."""
    return float(bool(a) and bool(b) and (a if isinstance(a, frozenset) else set(a)).isdisjoint(b))


_SET_PARTS = ("shared_numbers", "places", "years", "dates", "numbers")


def _both_stating(rows: list[_PlainSide], cols: list[_PlainSide], kind: str) -> product[tuple[int, int]]:
    """The (row, column) index pairs whose both sides state values of this kind (a ``_PlainSide``
    field): the only pairs where a set part can be other than 0."""
    return product(
        [i for i, side in enumerate(rows) if getattr(side, kind)],
        [j for j, side in enumerate(cols) if getattr(side, kind)],
    )


def _set_parts(rows: list[_PlainSide], cols: list[_PlainSide]) -> dict[str, np.ndarray]:
    """The shared-number jaccard and the place, year, date and number conflicts, each rows x cols,
    unweighted; looked at pair by pair only where both sides state values of the kind."""
    parts = {kind: np.zeros((len(rows), len(cols))) for kind in _SET_PARTS}
    for i, j in _both_stating(rows, cols, "numbers"):
        a, b = rows[i].numbers, cols[j].numbers
        parts["shared_numbers"][i, j] = len(a & b) / len(a | b)
        parts["numbers"][i, j] = _conflict(a, b)
    for kind in ("years", "dates"):
        for i, j in _both_stating(rows, cols, kind):
            parts[kind][i, j] = _conflict(getattr(rows[i], kind), getattr(cols[j], kind))
    for i, j in _both_stating(rows, cols, "places"):
        parts["places"][i, j] = _place_conflict(rows[i], cols[j])
    return parts


def _summed(parts: dict[str, np.ndarray], rows: int, cols: int) -> np.ndarray:
    """The parts of a block of pairs added up, rows x cols, in their order (the sum's last bits depend on it)."""
    total = np.zeros((rows, cols))
    for part in parts.values():
        total += part
    return total


def _embedding_products(rows: list[_PlainSide], cols: list[_PlainSide]) -> np.ndarray:
    """The dot products of the rows' and the columns' embeddings (float32), rows x cols, as one
    matrix product; 0 where either side has none."""
    out = np.zeros((len(rows), len(cols)))
    r = [(i, side.emb32) for i, side in enumerate(rows) if side.emb32 is not None]
    c = [(j, side.emb32) for j, side in enumerate(cols) if side.emb32 is not None]
    if r and c:
        products = np.stack([emb for _, emb in r]) @ np.stack([emb for _, emb in c]).T
        out[np.ix_([i for i, _ in r], [j for j, _ in c])] = products
    return out


def _days_apart(rows: list[_PlainSide], cols: list[_PlainSide]) -> np.ndarray:
    """How many days apart the rows' and the columns' publication dates are, rows x cols (nan where
    either has none)."""
    return np.abs(np.array([side.day for side in rows])[:, None] - np.array([side.day for side in cols])[None, :])


def _days(iso: str | None) -> int | None:
    try:
        return date.fromisoformat(iso[:10]).toordinal() if iso else None
    except ValueError:
        return None


def _contenders(hits: Counter, wanted: int) -> list[str]:
    """The stories (in ``hits``' order) that can be among the ``wanted`` with the most hits, ties
    broken by their order: those with at least as many hits as the ``wanted``-th most; any other ranks
    after all of them, whatever its order, so its order need not be read."""
    if len(hits) <= wanted:
        return list(hits)
    if wanted <= 0:
        return []
    least = heapq.nlargest(wanted, hits.values())[-1]
    return [sid for sid, n in hits.items() if n >= least]


class ClusterSource(Protocol):
    """Where a clusterer opened by key (``StoryClusterer.from_source``) reads the rows that
    ``pop_changes`` gave, a few at a time: the state of the stories, index keys and terms a new
    article touches, instead of all of them when it opens."""

    def story_rows(self, story_ids: Collection[str]) -> dict[str, bytes]: ...

    def recent_rows(self, story_ids: Collection[str]) -> dict[str, bytes]:
        """Story id -> its recent row (``pop_changes``), for those of these stories that have one."""
        ...

    def story_chunks(self, first: Mapping[str, int]) -> dict[str, list[bytes]]:
        """Story id -> its chunk rows from number ``first[story id]`` on, in order."""
        ...

    def all_story_rows(self) -> Iterable[bytes]: ...

    def story_keys(self, story_ids: Collection[str]) -> dict[str, list[str]]:
        """Story id -> all its index keys (its keys rows), for those of these stories that have any."""
        ...

    def story_keys_among(self, story_id: str, keys: Collection[str]) -> list[str]:
        """Those of these keys that the story's keys rows hold."""
        ...

    def max_story_order(self, excluding: Collection[str]) -> int | None: ...

    def story_orders(self, story_ids: Collection[str]) -> dict[str, int]: ...

    def postings(self, keys: Collection[str]) -> dict[str, list[str]]: ...

    def counts(self, kind: str, terms: Collection[str]) -> dict[str, int]: ...

    def story_of(self, article_ids: Collection[str]) -> dict[str, str]: ...

    def all_postings(self) -> Iterable[tuple[str, list[str]]]: ...

    def all_counts(self) -> Iterable[tuple[str, str, int]]: ...


class _Counts(Counter):
    """Document frequencies read from a ``ClusterSource`` term by term as they are first asked for."""

    def __init__(self, source: ClusterSource, kind: str) -> None:
        super().__init__()
        self._source, self._kind = source, kind
        self._asked: set[str] = set()

    def fetch(self, terms: Iterable[str]) -> None:
        wanted = {t for t in terms if t not in self._asked}
        if wanted:
            self._asked |= wanted
            self._add(self._source.counts(self._kind, wanted).items())

    def take_all(self, counts: Iterable[tuple[str, int]]) -> None:
        """Count in every stored (term, count) of this kind that was not read yet."""
        unread = [(t, n) for t, n in counts if t not in self._asked]
        self._asked.update(t for t, _ in unread)
        self._add(unread)

    def _add(self, counts: Iterable[tuple[str, int]]) -> None:
        read = dict(counts)
        for term in [t for t in read if dict.__contains__(self, t)]:  # counted here before it was read
            read[term] += dict.__getitem__(self, term)
        dict.update(self, read)

    def get(self, term, default=None):
        if term not in self._asked:
            self.fetch((term,))
        return dict.get(self, term, default)

    def __missing__(self, term):
        return self.get(term, 0)


class StoryClusterer:
    def __init__(self, config: dict[str, Any] | None = None) -> None:
        self.cfg = dict(load("clustering.yaml"))
        self.cfg.update(config or {})
        self._stories: dict[str, _Story] = {}
        self.article_story: dict[str, str] = {}
        self.df: Counter = Counter()
        self.name_df: Counter = Counter()
        self.n_docs = 0
        self.index: dict[str, list[str]] = {}
        self._idf_cache: dict[str, float] = {}
        # word ids and document frequencies of "terms" (df) and "names" (name_df), for comparing many
        # members at once (made anew when df or name_df is replaced)
        self._vocabularies: dict[str, Vocabulary] = {}
        self._moved: set[str] = set()  # articles a merge or a split moved since ``pop_moved``
        self._ranks: dict[str, tuple[str, int]] = {}  # article id -> (story id, its place) since ``pop_ranks``
        # what changed since ``pop_changes``: what a store that keeps the state row by row must write
        self._changed: set[str] = set()  # stories added or changed
        self._removed: set[str] = set()  # stories merged away
        self._changed_keys: set[str] = set()  # index keys whose postings changed
        self._df_added: Counter = Counter()
        self._name_df_added: Counter = Counter()
        self._unsaved = True  # never saved as rows (new, or read from a blob): the next save is whole
        self._pos: dict[str, int] = {}  # story id -> when it joined ``_stories`` (its place when reloaded)
        self._next_pos = 0
        # opened by key (``from_source``): the stories, postings and counts read so far stand in for
        # all of them; ``_n_stories`` counts the stories there are, read or not
        self._source: ClusterSource | None = None
        self._n_stories = 0
        self._posted: set[str] = set()  # index keys whose postings were read
        self.prior_n, self.prior_df, self.prior_name_df = background(self.cfg.get("background_df"))
        rng = np.random.default_rng(int(self.cfg["lsh_seed"]))
        self.planes = rng.standard_normal((int(self.cfg["lsh_bits"]) * int(self.cfg["lsh_bands"]), DIM)).astype(
            np.float32
        )

    # ------------------------------------------------------------------ public

    def add(self, item: StoryItem) -> str:
        """Put one article into its story (an existing one, or a new one); returns the story id."""
        known = self.story_of(item.article_id)
        if known is not None:
            return known
        self._count(item)
        member = self._member(item)
        keys = self._keys(item, member)
        member.keys = tuple(keys)
        best, best_score = None, -math.inf
        scored, sims = self._scored(member, self._candidates(keys))
        for story, score in scored:
            if score > best_score:
                best, best_score = story, score
        if best is None or best_score < float(self.cfg["threshold"]):
            best = _Story(id="s-" + item.article_id, order=self._story_count())
            self._insert(best)
        self._whole(best)
        self._join(best, item, member, keys, self._sims_to(member, best, sims))
        self._merge_bridged(best, scored, best_score)
        self._split_if_two(self._stories[self.article_story[item.article_id]])
        self._rehome(self._stories[self.article_story[item.article_id]], scored)
        return self.article_story[item.article_id]

    def story_of(self, article_id: str) -> str | None:
        found = self.article_story.get(article_id)
        if found is None and self._source is not None:
            found = self._source.story_of([article_id]).get(article_id)
            if found is not None:
                self.article_story[article_id] = found
        return found

    def pop_moved(self) -> dict[str, str]:
        """Article id -> its story now, for the articles that a merge or a split moved to another
        story since the last call (what a store that keeps each article's story must update)."""
        moved = {aid: self.article_story[aid] for aid in sorted(self._moved) if aid in self.article_story}
        self._moved.clear()
        return moved

    def pop_ranks(self) -> dict[str, tuple[str, int]]:
        """Article id -> (its story, its place in the story's list), for the articles that got a place
        since the last call: each added article, and every article of a story that a merge or a split
        reordered (a story's record lists its articles by their places, ``records_by_id``)."""
        ranks = {aid: r for aid, r in sorted(self._ranks.items()) if self.article_story.get(aid) == r[0]}
        self._ranks.clear()
        return ranks

    def explain(self, a: StoryItem, b: StoryItem) -> dict[str, float]:
        """The components of two articles' similarity, weighed by what this clusterer has seen so far."""
        return self.pair_parts(self._member(a), self._member(b))

    def stories_list(self) -> list[_Story]:
        self._read_all()
        return list(self._stories.values())

    def stories(self, articles: dict[str, Article]) -> list[Story]:
        return [self._story(s, articles) for s in self.stories_list()]

    def member_ids(self, story_ids: Iterable[str]) -> set[str]:
        """The ids of every article in those of these stories that exist."""
        found = self._read_complete(story_ids)
        return {a for s in found.values() for a in s.article_ids}

    def articles_to_read(self, story_ids: Iterable[str]) -> set[str]:
        """The member articles ``stories_by_id`` and ``records_by_id`` need for these stories' records:
        those of the stories whose members' dates this clusterer does not know (rows saved before it
        kept them)."""
        out: set[str] = set()
        for story in self._read_listed(story_ids).values():
            if not _numbered(story) and any(a not in story.published for a in story.article_ids):
                out.update(story.article_ids)
        return out

    def records_by_id(self, story_ids: Iterable[str], articles: dict[str, Article]) -> list[Story]:
        """``stories_by_id`` as a store keeps them: the record of a story whose articles have their
        places (``pop_ranks``) without its article ids (the store lists them by their places), made
        from its row alone, at a cost that does not grow with the story."""
        found = self._read_listed(story_ids)
        return [
            self._story(s, articles) if not _numbered(s) else self._unlisted(s, articles)
            for _, s in sorted(found.items())
        ]

    def _read_listed(self, story_ids: Iterable[str]) -> dict[str, _Story]:
        """``_read``, with the add-only lists whole of the stories whose records list their articles."""
        found = self._read(story_ids)
        self._complete_many([s for s in found.values() if not _numbered(s)])
        return found

    def stories_by_id(self, story_ids: Iterable[str], articles: dict[str, Article]) -> list[Story]:
        """``stories`` for a few: the records of those of these stories that exist (``articles``
        needs to hold their ``articles_to_read`` only: titles and dates are kept here)."""
        found = self._read_complete(story_ids)
        return [self._story(found[sid], articles) for sid in sorted(found)]

    # ------------------------------------------------------------------ scoring

    def _scored(
        self, doc: _Member, stories: list[_Story]
    ) -> tuple[list[tuple[_Story, float]], dict[str, dict[str, np.ndarray]]]:
        """Each story with its score for ``doc`` (its pairs with every story's recent members at once),
        and by story id the parts (``_parts_block``) of the pairs of ``doc`` with its recent members
        that its score came from."""
        recent = [self._recent(story) for story in stories]
        cols = [m for members in recent for m in members]
        parts = self._parts_block([doc], cols) if cols else {}
        sims = _summed(parts, 1, len(cols))[0].tolist()
        ends = np.cumsum([len(members) for members in recent]).tolist()
        scored, by_story = [], {}
        for story, members, end in zip(stories, recent, ends):
            scored.append((story, self._story_score(sims[end - len(members) : end], story)))
            by_story[story.id] = {part: value[:, end - len(members) : end] for part, value in parts.items()}
        return scored, by_story

    def _sims_to(self, doc: _Member, story: _Story, scored: dict[str, dict[str, np.ndarray]]) -> list[float]:
        """``_pairs`` of ``doc`` with the story's members. When scoring it covered all of them (nothing
        has changed the idf since), its parts are taken from there but for the embedding products,
        made again over these members alone: a matrix product's last bits depend on its shape, and
        the values are the ones ``_pairs`` gives."""
        parts = scored.get(story.id)
        if parts is None or not story.members or parts["embedding"].shape[1] != len(story.members):
            return self._pairs(doc, story.members)
        products = _embedding_products([_plain_side(doc)], [_plain_side(m) for m in story.members])
        parts = {**parts, "embedding": self.cfg["weights"]["embedding"] * products}
        return _summed(parts, 1, len(story.members))[0].tolist()

    def _linkage_score(self, sims: list[float]) -> float:
        """Average linkage over the story's kept members, blended with its closest member."""
        mix = float(self.cfg["max_weight"])
        return (1 - mix) * sum(sims) / len(sims) + mix * max(sims)

    def _recent(self, story: _Story) -> list[_Member]:
        """The members a newcomer is compared with: the story's most recent ``max_members``."""
        return story.members[-int(self.cfg["max_members"]) :]

    def _story_score(self, sims: list[float], story: _Story) -> float:
        """Average linkage over the story's kept members, blended with its closest member, less a
        share of how close its members are to each other: a tight story (many reports of one event)
        asks more of a newcomer than a loose one, so a report of another event of the same kind,
        close on topic words but not as close as the story's own reports, starts its own story."""
        if not sims:
            return -math.inf
        score = self._linkage_score(sims)
        if score < float(self.cfg["threshold"]):
            # the cohesion share only lowers a score: this story is out of reach either way (neither
            # joined nor merged), so its members' similarities are not brought up to date for it (that
            # was most of what a new article cost in a big store: every cold candidate was refreshed)
            return score
        cohesion = self.cohesion(story)
        return score - float(self.cfg["cohesion_weight"]) * max(0.0, cohesion) if cohesion is not None else score

    def cohesion(self, story: _Story) -> float | None:
        """Mean similarity between the story's recent members (None while it has too few)."""
        n = min(story.sims.shape[0], int(self.cfg["max_members"]))
        if n < int(self.cfg["cohesion_min_members"]) or n < 2:
            return None
        self._refresh(story)
        recent = story.sims[-n:, -n:]
        return float((recent.sum() - np.trace(recent)) / (n * (n - 1)))

    def _refresh(self, story: _Story) -> None:
        if self.n_docs > story.sims_at * float(self.cfg["cohesion_refresh"]):
            self._resimilar(story)  # idf has moved on since: the members' similarities are stale

    def pair(self, a: _Member, b: _Member) -> float:
        return float(self._pair_block([a], [b])[0, 0])

    def pair_parts(self, a: _Member, b: _Member) -> dict[str, float]:
        """What each component adds to (or, negative, takes from) the similarity of two articles."""
        return {part: float(value[0, 0]) for part, value in self._parts_block([a], [b]).items()}

    def _pairs(self, a: _Member, members: list[_Member]) -> list[float]:
        """``pair`` of ``a`` with each of ``members``."""
        return self._pair_block([a], members)[0].tolist()

    def _pair_block(self, rows: list[_Member], cols: list[_Member]) -> np.ndarray:
        """``pair`` of every (row, column) member pair, rows x cols: the sum of the parts."""
        return _summed(self._parts_block(rows, cols) if rows and cols else {}, len(rows), len(cols))

    def _parts_block(self, rows: list[_Member], cols: list[_Member]) -> dict[str, np.ndarray]:
        """``pair_parts`` of every (row, column) member pair, each part an array rows x cols: the
        word cosines and missing names for all pairs at once, the rest pair by pair."""
        w = self.cfg["weights"]
        given = self._give_ids(rows + cols)
        row_arrays, col_arrays = given[: len(rows)], given[len(rows) :]
        cos = field_cosines(self._weighted(row_arrays), self._weighted(col_arrays), len(_COSINE_FIELDS))
        row_sides, col_sides = [_plain_side(m) for m in rows], [_plain_side(m) for m in cols]
        sets = _set_parts(row_sides, col_sides)
        embedding = _embedding_products(row_sides, col_sides)
        published = self._date_penalties(row_sides, col_sides)
        return {
            "terms": w["terms"] * cos[0],
            "names": w["names"] * cos[2],
            # .get: a clusterer saved before these existed keeps its own weights (none for them)
            "lead_terms": w.get("lead_terms", 0.0) * cos[1],
            "persons": w.get("persons", 0.0) * cos[3],
            "shared_numbers": w.get("shared_numbers", 0.0) * sets["shared_numbers"],  # the same toll
            "embedding": w["embedding"] * embedding,
            "missing_names": -w["missing_names"] * self._missing(row_arrays, col_arrays),
            "places": -w["places"] * sets["places"],
            "years": -w["years"] * sets["years"],
            "dates": -w["dates"] * sets["dates"],
            "numbers": -w["numbers"] * sets["numbers"],
            "published": -published,
        }

    def _idf(self, term: str, df: Counter) -> float:
        key = ("n:" if df is self.name_df else "t:") + term
        value = self._idf_cache.get(key)
        if value is None:
            prior = self.prior_name_df if df is self.name_df else self.prior_df
            seen = df.get(term, 0) + prior.get(term, 0)
            value = math.log((self.prior_n + self.n_docs + 1) / (seen + 1)) + 1.0
            self._idf_cache[key] = value
        return value

    def _vocabulary(self, kind: str) -> Vocabulary:
        """The word ids and counts of content lemmas ("terms": df) or names ("names": name_df)."""
        counts, prior = (self.df, self.prior_df) if kind == "terms" else (self.name_df, self.prior_name_df)
        vocabulary = self._vocabularies.get(kind)
        if vocabulary is None or vocabulary.counts is not counts:
            fetch = counts.fetch if isinstance(counts, _Counts) else None
            vocabulary = self._vocabularies[kind] = Vocabulary(counts, prior, fetch)
        return vocabulary

    def _give_ids(self, members: list[_Member]) -> list[_Arrays]:
        """Each member's word vectors as arrays, kept on the member: made for the members not compared
        before, with the counts of their words not read yet read in one go per vocabulary (a member
        read from the source is compared with its recent fellows only, so the others' words are not read)."""
        vocabularies = tuple(self._vocabulary(kind) for kind in _KINDS)
        fresh = [m for m in members if m.arrays is None or m.arrays.vocabularies != vocabularies]
        if fresh:
            terms, names = vocabularies
            terms.add(chain.from_iterable(_words_of(m, name) for m in fresh for name in ("terms", "lead")))
            names.add(
                chain.from_iterable([*_words_of(m, "names"), *_words_of(m, "persons"), *m.salient] for m in fresh)
            )
            for m in fresh:
                m.arrays = _arrays(m, vocabularies)
        return [m.arrays for m in members if m.arrays is not None]

    def _weighted(self, arrays: list[_Arrays]) -> Stack:
        """These members' ``_COSINE_FIELDS`` vectors one after another, each weight times its word's idf now."""
        words = stack([a.keys for a in arrays], [a.weights for a in arrays])
        ids, kind = words.ids // len(_COSINE_FIELDS), _FIELD_KIND[words.ids % len(_COSINE_FIELDS)]
        idf = np.empty(ids.size)
        for k, vocabulary in enumerate(arrays[0].vocabularies if arrays else ()):
            idf[kind == k] = vocabulary.idf(ids[kind == k], self.prior_n + self.n_docs)
        return Stack(words.ids, words.weights * idf, words.owner, words.n)

    def _missing(self, rows: list[_Arrays], cols: list[_Arrays]) -> np.ndarray:
        """Idf-weighted share of each side's salient names that the other never mentions (the mean
        of the two sides), rows x cols."""
        lacking = lacking_shares(self._salient(rows), stack([a.names for a in cols]))
        lacked = lacking_shares(self._salient(cols), stack([a.names for a in rows]))
        return (lacking + lacked.T) / 2

    def _salient(self, arrays: list[_Arrays]) -> Stack:
        """These members' salient names one after another, each weighted by its idf now."""
        names = stack([a.salient for a in arrays])
        idf = self._vocabulary("names").idf(names.ids, self.prior_n + self.n_docs)
        return Stack(names.ids, idf, names.owner, names.n)

    def _date_penalties(self, rows: list[_PlainSide], cols: list[_PlainSide]) -> np.ndarray:
        """``date_penalty`` where a pair's publication dates are more than ``date_window_days`` apart
        (none where either has no date), rows x cols."""
        apart = _days_apart(rows, cols) > int(self.cfg["date_window_days"])  # (nan: False)
        return np.where(apart, float(self.cfg["date_penalty"]), 0.0)

    # ------------------------------------------------------------------ index

    def _member(self, item: StoryItem) -> _Member:
        cap = int(self.cfg["max_terms_per_member"])
        terms = log_tf_unit(dict(item.terms))
        if len(terms) > cap:
            terms = dict(sorted(terms.items(), key=lambda kv: (-kv[1] * self._idf(kv[0], self.df), kv[0]))[:cap])
        emb = np.asarray(item.embedding, dtype=np.float32)
        return _Member(
            article_id=item.article_id,
            terms=terms,
            names=log_tf_unit(dict(Counter(item.name_mentions or item.names))),
            salient=tuple(item.salient),
            places=tuple(item.places),
            published=item.published,
            emb=emb.astype(np.float16) if emb.size == DIM else np.zeros(0, dtype=np.float16),
            years=tuple(item.years),
            dates=tuple(item.dates),
            numbers=_numbers(terms),
            lead=log_tf_unit(dict(item.lead_terms)),
            persons=log_tf_unit(dict(item.persons)),
            actor_ids=tuple(item.actor_ids),
        )

    def _keys(self, item: StoryItem, member: _Member) -> list[str]:
        ranked = sorted(member.terms.items(), key=lambda kv: (-kv[1] * self._idf(kv[0], self.df), kv[0]))
        top = ranked[: int(self.cfg["index_terms_per_article"])]
        keys = [f"n:{n}" for n in item.names] + [f"a:{a}" for a in item.actor_ids]
        keys += [f"p:{p}" for p in item.places] + [f"e:{e}" for e in item.event_keys]
        keys += [f"t:{t}" for t, _ in top] + self._lsh_keys(item.embedding)
        return list(dict.fromkeys(keys))

    def _lsh_keys(self, emb: np.ndarray) -> list[str]:
        if not emb.size or not np.any(emb):
            return []
        bits = (self.planes @ emb) > 0
        width = int(self.cfg["lsh_bits"])
        return [
            f"h:{b}:" + "".join("1" if x else "0" for x in bits[b * width : (b + 1) * width])
            for b in range(int(self.cfg["lsh_bands"]))
        ]

    def _candidates(self, keys: list[str]) -> list[_Story]:
        hits: Counter = Counter()
        limit = int(self.cfg["max_postings"])
        self._read_postings(keys)
        for key in keys:
            postings = self.index.get(key, ())
            if len(postings) > limit:
                continue
            hits.update(postings)
        wanted = int(self.cfg["max_candidates"])
        contenders = _contenders(hits, wanted)
        orders = self._orders(contenders)  # (not those of every story a key lists: hundreds in a big store)
        ranked = sorted(contenders, key=lambda sid: (-hits[sid], orders[sid]))[:wanted]
        found = self._read_candidates(ranked)  # only the candidates kept are read, by their recent rows
        return [found[sid] for sid in ranked]

    # ------------------------------------------------------------------ second chance

    def _merge_bridged(self, story: _Story, scored: list[tuple[_Story, float]], best_score: float) -> None:
        """An article that also reaches another story bridges the two: merge them when their members,
        compared all against all (average linkage), are as close as one story's members should be.
        Only stories the new article itself scored at or above the threshold are looked at."""
        threshold = float(self.cfg["threshold"])
        if best_score < threshold:
            return
        for other, score in scored:
            if other.id == story.id or other.id not in self._stories or score < threshold:
                continue
            if self._linkage(story, other) >= self._merge_threshold():
                self._absorb(story, other)

    def _merge_threshold(self) -> float:
        """``merge_threshold``, raised to ``split_threshold``: two stories far enough apart to split
        are never merged back (no split-merge churn)."""
        split = self.cfg.get("split_threshold")
        return max(float(self.cfg["merge_threshold"]), float(split) if split is not None else -math.inf)

    def _linkage(self, a: _Story, b: _Story) -> float:
        sims = self._pair_block(self._recent(a), self._recent(b)).ravel().tolist()
        return sum(sims) / len(sims) if sims else -math.inf

    def _absorb(self, story: _Story, other: _Story) -> None:
        """Move ``other``'s articles, members and index keys into ``story`` (whose id stays)."""
        self._complete(story)
        self._complete(other)
        story.dirty = 0
        self._remove(other)
        self._mark(story)
        story.article_ids[:0] = other.article_ids
        story.titles[:0] = other.titles
        story.published.update(other.published)
        story.embs[:0] = other.embs
        story.emb_sum = story.emb_sum + other.emb_sum
        story.members[:0] = other.members
        del story.members[: -self._window()]
        self._resimilar(story)
        story.names.update(other.names)
        story.actors.update(other.actors)
        story.first = min(filter(None, [story.first, other.first]), default=None)
        story.last = max(filter(None, [story.last, other.last]), default=None)
        self._pick_title(story)
        self._rerank(story)
        self._unpost(other, into=story)
        story.keys_added |= other.keys - story.keys
        story.keys |= other.keys
        for aid in other.article_ids:
            self.article_story[aid] = story.id
        self._moved.update(other.article_ids)

    # ------------------------------------------------------------------ splitting

    def _window(self) -> int:
        return max(int(self.cfg["max_members"]), int(self.cfg.get("split_window", 0)))

    def _split_if_two(self, story: _Story) -> None:
        """A story whose kept members fall into two groups that are far apart (average linkage: two
        clusters, their mean cross similarity below ``split_threshold``, each of at least
        ``split_min_members``) is two stories, grown together through reports close to both:
        the group without the oldest kept member leaves as a story of its own (articles older than
        the kept members stay). Checked after every join, on the story's last ``split_window`` members."""
        if self.cfg.get("split_threshold") is None:
            return
        smallest = int(self.cfg["split_min_members"])
        n = len(story.members)
        if n < 2 * smallest:
            return
        self._refresh(story)
        sims = story.sims.astype(np.float64)
        distance = sims.max() - sims
        first = first_of_two(linkage(distance[np.triu_indices(n, 1)], method="average"))
        old = [k for k in range(n) if first[k] == first[0]]
        new = [k for k in range(n) if first[k] != first[0]]
        if len(old) < smallest or len(new) < smallest:
            return
        if float(sims[np.ix_(old, new)].mean()) < float(self.cfg["split_threshold"]):
            self._split_off(story, old, new)

    def _split_off(self, story: _Story, old: list[int], new: list[int]) -> None:
        """Move the members at positions ``new`` (and their articles) into a story of their own."""
        self._complete(story)
        story.dirty = 0
        moved = [story.members[k] for k in new]
        gone = {m.article_id for m in moved}
        order = self._max_order() + 1
        sid = "s-" + moved[0].article_id
        fresh = _Story(id=sid if not self._read([sid]) else f"{sid}-{order}", order=order)
        fresh.sims = story.sims[np.ix_(new, new)].copy()
        fresh.sims_at = story.sims_at
        fresh.dirty = 0
        story.sims = story.sims[np.ix_(old, old)].copy()
        story.members = [story.members[k] for k in old]
        for attr in ("titles", "embs"):
            values = getattr(story, attr)
            if len(values) == len(story.article_ids):
                setattr(fresh, attr, [v for a, v in zip(story.article_ids, values) if a in gone])
                setattr(story, attr, [v for a, v in zip(story.article_ids, values) if a not in gone])
        fresh.published = {a: d for a, d in story.published.items() if a in gone}
        story.published = {a: d for a, d in story.published.items() if a not in gone}
        fresh.article_ids = [a for a in story.article_ids if a in gone]
        story.article_ids = [a for a in story.article_ids if a not in gone]
        fresh.emb_sum, story.emb_sum = _emb_sum(fresh.embs), _emb_sum(story.embs)
        fresh.members = moved
        for m in moved:
            story.names.subtract(set(m.names))
            story.actors.subtract(set(m.actor_ids))
            fresh.names.update(set(m.names))
            fresh.actors.update(set(m.actor_ids))
        story.names, story.actors = +story.names, +story.actors  # drop the names no member has left
        days = sorted(m.published for m in moved if m.published)
        fresh.first, fresh.last = (days[0], days[-1]) if days else (None, None)
        self._pick_title(story)
        self._pick_title(fresh)
        self._rerank(story)
        self._rerank(fresh)
        self._insert(fresh)
        self._mark(story)
        self._moved.update(fresh.article_ids)
        for m in moved:
            self.article_story[m.article_id] = fresh.id
            self._post_keys(fresh, m.keys)

    # ------------------------------------------------------------------ re-homing

    def _rehome(self, grown: _Story, scored: list[tuple[_Story, float]]) -> None:
        """An article that came before its story had grown sits where it fitted then: alone, or in a
        story of another event of the same kind. When a story grows, the kept member that fits its own
        story least, in each other story the new article was scored against, moves into the grown story
        when that scores it at or above the threshold and higher than its own story does without it.
        One member per such story: the work per article stays flat."""
        if not self.cfg.get("rehome_weakest") or _article_count(grown) < 2:
            return
        threshold = float(self.cfg["threshold"])
        for other, _ in scored:
            if other.id == grown.id or other.id not in self._stories:
                continue
            member = self._weakest(other)
            if member is None:
                continue
            there = self._story_score(self._pairs(member, self._recent(grown)), grown)
            if there >= threshold and self._fits_less_at_home(other, member, there):
                self._move(member, other, grown)

    def _weakest(self, story: _Story) -> _Member | None:
        """The recent member least similar on average to the story's other recent members (a lone
        article's member; None when the story keeps one member of several articles, or none)."""
        recent = self._recent(story)
        if len(recent) < 2:
            return recent[0] if recent and _article_count(story) == 1 else None
        n = len(recent)
        return recent[int(np.argmin(story.sims[-n:, -n:].sum(axis=1)))]

    def _fits_less_at_home(self, story: _Story, member: _Member, there: float) -> bool:
        """Whether the story scores one of its members below ``there``: from the member's pairs with
        the other recent members, less the story's cohesion share as for a newcomer (a story of one
        scores its member -inf). The share only lowers the score: it is looked at only when needed (it
        may bring the story's similarities up to date)."""
        rest = [m for m in self._recent(story) if m is not member]
        if not rest:
            return True
        score = self._linkage_score(self._pairs(member, rest))
        if score < there:
            return True
        cohesion = self.cohesion(story)
        return cohesion is not None and score - float(self.cfg["cohesion_weight"]) * max(0.0, cohesion) < there

    def _move(self, member: _Member, source: _Story, target: _Story) -> None:
        """Move one kept member and its article from ``source`` to ``target`` (a story left without
        articles is removed)."""
        title = self._take_out(source, member)
        sims = self._pairs(member, target.members)
        self._append(target, member, title, (member.names, member.actor_ids), sims)
        self._post_keys(target, member.keys)
        self.article_story[member.article_id] = target.id
        self._moved.add(member.article_id)
        if source.article_ids:
            self._mark(source)
        else:
            self._drop_empty(source)

    def _take_out(self, story: _Story, member: _Member) -> str:
        """Remove a kept member and its article from the story; returns the article's title."""
        self._complete(story)
        story.dirty = 0
        k, at = story.members.index(member), story.article_ids.index(member.article_id)
        titled = len(story.titles) == len(story.article_ids)
        title = story.titles.pop(at) if titled else ""
        if len(story.embs) == len(story.article_ids):
            del story.embs[at]
            story.emb_sum = _emb_sum(story.embs)
        del story.article_ids[at]
        story.published.pop(member.article_id, None)
        del story.members[k]
        keep = [i for i in range(story.sims.shape[0]) if i != k]
        story.sims = story.sims[np.ix_(keep, keep)].copy()
        story.names.subtract(set(member.names))
        story.actors.subtract(set(member.actor_ids))
        story.names, story.actors = +story.names, +story.actors  # drop the names no member has left
        if len(story.published) == len(story.article_ids):  # (a row from before dates were kept: as it was)
            days = sorted(d for d in story.published.values() if d)
            story.first, story.last = (days[0], days[-1]) if days else (None, None)
        self._pick_title(story)
        return title

    def _drop_empty(self, story: _Story) -> None:
        """Remove a story left without articles, and its postings."""
        self._remove(story)
        self._unpost(story)

    def _unpost(self, story: _Story, into: _Story | None = None) -> None:
        """Take ``story`` out of the postings of its keys; ``into``, where given, takes its place under
        the keys it is not posted under yet."""
        self._whole(story)
        self._all_keys(story)
        if into is not None:
            self._know_keys(into, story.keys)
        self._read_postings(story.keys)
        for key in story.keys:
            postings = self.index.get(key, [])
            if story.id in postings:
                postings.remove(story.id)
                if into is not None and key not in into.keys:
                    postings.append(into.id)
                self._changed_keys.add(key)

    def _post_keys(self, story: _Story, keys) -> None:
        """Index ``story`` under ``keys`` (a key already shared by too many stories is not extended)."""
        self._whole(story)
        limit = int(self.cfg["max_postings"]) + 1
        self._read_postings(keys)
        self._know_keys(story, keys)
        for key in keys:
            if key in story.keys:
                continue
            self._mark(story)
            story.keys.add(key)
            story.keys_added.add(key)
            postings = self.index.setdefault(key, [])
            if len(postings) < limit:
                postings.append(story.id)
                self._changed_keys.add(key)

    # ------------------------------------------------------------------ updates

    def _count(self, item: StoryItem) -> None:
        if isinstance(self.df, _Counts) and isinstance(self.name_df, _Counts):  # read the article's terms at once
            self.df.fetch([*(t for t, _ in item.terms), *(t for t, _ in item.lead_terms)])
            self.name_df.fetch([*item.names, *item.name_mentions, *item.salient, *(p for p, _ in item.persons)])
        self.n_docs += 1
        self._idf_cache.clear()
        terms = [t for t, _ in item.terms]
        self.df.update(terms)
        self._vocabulary("terms").counted(terms)
        self._df_added.update(terms)
        self.name_df.update(item.names)
        self._vocabulary("names").counted(item.names)
        self._name_df_added.update(item.names)

    def _resimilar(self, story: _Story) -> None:
        self._whole(story)
        self._mark(story)
        members = story.members
        story.sims_at = self.n_docs
        story.sims = self._pair_matrix(members)

    def _pair_matrix(self, members: list[_Member]) -> np.ndarray:
        """The members' pair similarities (zero diagonal), all pairs at once; the upper triangle
        (row before column, as ``pair`` takes them) is mirrored, so the matrix is symmetric."""
        n = len(members)
        upper = np.triu_indices(n, 1)
        sims = np.zeros((n, n), dtype=np.float32)
        sims[upper] = sims.T[upper] = self._pair_block(members, members)[upper]
        return sims

    def _add_sims(self, story: _Story, sims: list[float]) -> None:
        """Grow the members' similarity matrix by the new member (sims: to the members before it)."""
        n = story.sims.shape[0]
        if len(sims) != n:
            self._resimilar(story)
            return
        grown = np.zeros((n + 1, n + 1), dtype=np.float32)
        grown[:n, :n] = story.sims
        grown[n, :n] = grown[:n, n] = sims
        story.sims_at = story.sims_at or self.n_docs
        keep = self._window()
        story.sims = grown[-keep:, -keep:]

    def _join(
        self, story: _Story, item: StoryItem, member: _Member, keys: list[str], sims: list[float] | None = None
    ) -> None:
        self._append(story, member, item.title or "", (item.names, item.actor_ids), list(sims or []))
        self._post_keys(story, keys)
        self.article_story[item.article_id] = story.id

    def _append(
        self, story: _Story, member: _Member, title: str, names: tuple[Iterable[str], Iterable[str]], sims: list[float]
    ) -> None:
        """Add an article to the story: its member (``sims``: to the members before it), its title, date
        and embedding, and its (names, actor ids) to the story's counts."""
        self._whole(story)
        if story.next_rank is None:
            self._complete(story)  # (a row saved before places were kept: numbered once, below)
        self._mark(story)
        at = story.held * CHUNK_ARTICLES + min(len(story.article_ids), len(story.titles), len(story.embs))
        story.dirty = min(story.dirty, at // CHUNK_ARTICLES) if story.dirty is not None else at // CHUNK_ARTICLES
        story.article_ids.append(member.article_id)
        story.titles.append(title)
        story.published[member.article_id] = member.published
        if member.emb.size == DIM:
            story.embs.append(member.emb)
            story.emb_sum = story.emb_sum + member.emb.astype(np.float32)
        story.members.append(member)
        self._add_sims(story, sims)
        del story.members[: -self._window()]
        story.names.update(set(names[0]))
        story.actors.update(set(names[1]))
        if member.published:
            story.first = min(filter(None, [story.first, member.published]))
            story.last = max(filter(None, [story.last, member.published]))
        self._pick_title(story, (member.article_id, title, member.emb))
        if story.next_rank is None:
            self._rerank(story)
        elif story.next_rank >= 0:
            self._ranks[member.article_id] = (story.id, story.next_rank)
            story.next_rank += 1

    def _pick_title(self, story: _Story, new: tuple[str, str, np.ndarray] | None = None) -> None:
        """Keep the story's title candidates up to date after it changed (``new``: the member it just
        gained, its only change): the kept candidates and the new member, scored against the story's
        new centre, when the count does not call for a pick from all members (``_picks_exactly``);
        from all members otherwise (merges, splits and moves read them all anyway)."""
        if not _lists_aligned(story):
            story.title_pick = []
        elif new is not None and story.title_pick and not _picks_exactly(_article_count(story)):
            story.title_pick = _best_titles(story, [*story.title_pick, new])
        else:
            self._complete(story)
            story.title_pick = _best_titles(story, list(zip(story.article_ids, story.titles, story.embs)))

    def _story(self, s: _Story, articles: dict[str, Article]) -> Story:
        if s.held or s.partial:
            raise AssertionError(f"story {s.id}: its record asked for before it was read whole")
        dates = (
            getattr(articles[a], "published", None) if a in articles else s.published.get(a) for a in s.article_ids
        )
        published = sorted(p for p in dates if p)
        return Story(
            id=s.id,
            title=self._central_title(s, articles),
            article_ids=tuple(s.article_ids),
            first_published=published[0] if published else s.first,
            last_published=published[-1] if published else s.last,
            actors=_top_actors(s),
        )

    def _unlisted(self, s: _Story, articles: dict[str, Article]) -> Story:
        """A numbered story's record without its article ids: its dates are kept for every article, so
        its first and last are those of its row."""
        return Story(
            id=s.id,
            title=self._central_title(s, articles),
            article_ids=(),
            first_published=s.first,
            last_published=s.last,
            actors=_top_actors(s),
        )

    def _rerank(self, story: _Story) -> None:
        """Number a story held whole: each article its place in the list, and its first and last dates
        those of its articles (a split left them as they were before, dates of articles gone); none
        when an article's date is not kept (its record lists its articles, and reads their dates)."""
        if any(a not in story.published for a in story.article_ids):
            story.next_rank = -1
            return
        days = sorted(d for d in story.published.values() if d)
        story.first, story.last = (days[0], days[-1]) if days else (None, None)
        for k, aid in enumerate(story.article_ids):
            self._ranks[aid] = (story.id, k)
        story.next_rank = len(story.article_ids)

    def _central_title(self, s: _Story, articles: dict[str, Article]) -> str:
        """The title of the member closest to the story's centre, a headline before the first sentence
        that stands in for an untitled article's title (a headline is short): the best of its kept
        candidates (``_pick_title``: exact while it is small and whenever its count reaches a power of
        two; between those, the best of the candidates kept then and the members added since)."""
        if s.title_pick:
            aid, title, _ = s.title_pick[0]
            return getattr(articles.get(aid), "title", None) or title
        titles = [(getattr(articles.get(a), "title", None) or t) for a, t in zip(s.article_ids, s.titles)]
        if len(s.embs) != len(titles) or not titles:
            longest = int(load("clustering.yaml")["headline_max_words"])
            headlines = [bool(t) and len(t.split()) <= longest for t in titles]
            return next((t for t, h in zip(titles, headlines) if h), next((t for t in titles if t), ""))
        return _best_titles(s, list(zip(s.article_ids, titles, s.embs)))[0][1]

    # ------------------------------------------------------------------ persistence

    def _insert(self, story: _Story) -> None:
        self._stories[story.id] = story
        self._pos[story.id] = self._next_pos
        self._next_pos += 1
        self._n_stories += 1
        self._mark(story)

    def _remove(self, story: _Story) -> None:
        del self._stories[story.id]
        del self._pos[story.id]
        self._n_stories -= 1
        self._changed.discard(story.id)
        self._removed.add(story.id)

    # ------------------------------------------------------------------ reading by key (from_source)

    def _story_count(self) -> int:
        return self._n_stories if self._source is not None else len(self._stories)

    def _max_order(self) -> int:
        """The highest order of the stories there are (the next split-off story's is one more)."""
        orders = [s.order for s in self._stories.values()]
        if self._source is not None:
            stored = self._source.max_story_order(self._removed)
            orders += [stored] if stored is not None else []
        return max(orders)

    def _orders(self, story_ids: Iterable[str]) -> dict[str, int]:
        """The order of each of these stories (that exist), without reading the ones not read yet."""
        ids = set(story_ids)
        out = {sid: self._stories[sid].order for sid in ids if sid in self._stories}
        missing = ids - out.keys() - self._removed
        if self._source is not None and missing:
            out.update(self._source.story_orders(missing))
        return out

    def _read(self, story_ids: Iterable[str]) -> dict[str, _Story]:
        """Those of these stories that exist, whole: read from the source when not read yet, or read
        from their recent rows only."""
        ids = set(story_ids)
        missing = ids - self._stories.keys() - self._removed
        missing |= {sid for sid in ids & self._stories.keys() if self._stories[sid].partial}
        if self._source is not None and missing:
            self._read_rows(self._source.story_rows(missing).values())
        return {sid: self._stories[sid] for sid in sorted(ids) if sid in self._stories}

    def _read_candidates(self, story_ids: Iterable[str]) -> dict[str, _Story]:
        """Those of these stories that exist, the ones not read yet from their recent rows (what scoring
        a new article against them needs; ``_whole`` reads the rest of a story that changes)."""
        ids = set(story_ids)
        missing = ids - self._stories.keys() - self._removed
        if self._source is not None and missing:
            recent = self._source.recent_rows(missing)
            for pos, story in sorted((_partial_row(row) for row in recent.values()), key=lambda r: r[0]):
                self._stories[story.id] = story
                self._pos[story.id] = pos
            self._read(missing - recent.keys())  # (a row saved before recent rows were: read whole)
        return {sid: self._stories[sid] for sid in sorted(ids) if sid in self._stories}

    def _whole(self, story: _Story) -> None:
        """Read the rest of a story read from its recent row, in place (it stays the same object): its
        row, and of its add-only lists the last chunk only (what a join changes)."""
        if story.partial:
            self._read([story.id])

    def _complete(self, story: _Story) -> None:
        """Read all of a story, its add-only lists whole (before anything but an append changes them)."""
        self._whole(story)
        self._complete_many([story])

    def _complete_many(self, stories: Iterable[_Story]) -> None:
        held = [s for s in stories if s.held]
        if not held:
            return
        if self._source is None:
            raise AssertionError("a story holds part of its lists, and there is nothing to read the rest from")
        read = self._source.story_chunks({s.id: 0 for s in held})
        for story in held:
            _prepend(story, read.get(story.id, [])[: story.held])

    def _know_keys(self, story: _Story, keys: Iterable[str]) -> None:
        """Make ``story.keys`` tell for each of these keys whether the story has it: of a story that holds
        part of its keys, the ones it does not hold yet are looked up (a join reads the few keys its
        article brings, not the story's thousands)."""
        if story.keys_whole or self._source is None:
            return
        asked = [k for k in dict.fromkeys(keys) if k not in story.keys]
        if asked:
            story.keys.update(self._source.story_keys_among(story.id, asked))

    def _all_keys(self, story: _Story) -> None:
        """Read all of a story's keys (a merge or its removal takes it out of all its postings)."""
        self._all_keys_many([story])

    def _all_keys_many(self, stories: Iterable[_Story]) -> None:
        held = [s for s in stories if not s.keys_whole]
        if not held:
            return
        if self._source is None:
            raise AssertionError("a story holds part of its keys, and there is nothing to read the rest from")
        read = self._source.story_keys([s.id for s in held])
        for story in held:
            story.keys.update(read.get(story.id, ()))
            story.keys_whole = True

    def _read_complete(self, story_ids: Iterable[str]) -> dict[str, _Story]:
        """``_read``, each story with its add-only lists whole (what its record needs)."""
        found = self._read(story_ids)
        self._complete_many(found.values())
        return found

    def _unread(self, story_id: str) -> bool:
        """Whether a saved row of this story is to be read: not read yet (nor removed), or read partly."""
        known = self._stories.get(story_id)
        return known.partial if known is not None else story_id not in self._removed

    def _read_rows(self, rows: Iterable[bytes], complete: bool = False) -> None:
        """Read these saved story rows, in their saved order, but for stories read whole or removed
        already, with the last chunk of their add-only lists (``complete``: all their chunks)."""
        decoded = [row for row in _decoded_heads(rows) if self._unread(row[1].id)]
        first = {story.id: 0 if complete else _tail_chunk(n) for _, story, n in decoded if n is not None}
        chunks = self._source.story_chunks(first) if first and self._source is not None else {}
        _attach_all(decoded, first, chunks)
        for pos, story, _ in decoded:
            known = self._stories.get(story.id)
            if known is not None:
                _fill(known, story)
                self._read_story(known, pos)
            else:
                self._read_story(story, pos)

    def _read_story(self, story: _Story, pos: int) -> None:
        # the counts of the members' words are read when the members are first compared (``_give_ids``)
        self._stories[story.id] = story
        self._pos[story.id] = pos
        for aid in story.article_ids:
            self.article_story[aid] = story.id
        if story.sims.shape[0] != len(story.members):
            self._resimilar(story)

    def _read_all(self) -> None:
        if self._source is None:
            return
        self._read_rows(self._source.all_story_rows(), complete=True)
        self._complete_many(list(self._stories.values()))
        self._stories = dict(sorted(self._stories.items(), key=lambda kv: self._pos[kv[0]]))

    def _read_everything(self) -> None:
        """Every saved row, as ``from_rows`` would read them (what ``to_bytes`` writes whole)."""
        if self._source is None:
            return
        self._read_all()
        self._all_keys_many(self._stories.values())
        for key, ids in self._source.all_postings():
            if key not in self._posted:
                self._posted.add(key)
                self.index.setdefault(key, list(ids))
        counts: dict[str, list[tuple[str, int]]] = {"t": [], "n": []}
        for kind, term, n in self._source.all_counts():
            counts[kind].append((term, n))
        for df, kind in ((self.df, "t"), (self.name_df, "n")):
            if isinstance(df, _Counts):
                df.take_all(counts[kind])

    def _read_postings(self, keys: Iterable[str]) -> None:
        if self._source is None:
            return
        wanted = set(keys) - self._posted
        if wanted:
            self._posted |= wanted
            for key, ids in self._source.postings(wanted).items():
                self.index.setdefault(key, list(ids))

    def _mark(self, story: _Story) -> None:
        """``story`` changed: its row is written at the next save."""
        if story.partial:
            raise AssertionError(f"story {story.id} changed before it was read whole")
        self._changed.add(story.id)
        self._removed.discard(story.id)

    def pop_changes(self) -> StateChanges:
        """What changed since the last call, as rows (every row when never saved as rows before)."""
        whole = self._unsaved
        story_ids = list(self._stories) if whole else sorted(self._changed)
        chunks = {sid: self._chunk_rows(sid, whole) for sid in story_ids}
        changes = StateChanges(
            whole=whole,
            meta=json.dumps(
                {
                    "cfg": self.cfg,
                    "n_docs": self.n_docs,
                    "n_stories": self._story_count(),
                    "next_pos": self._next_pos,
                    "rows": ROWS_PACKED,
                    "recent_rows": True,
                    "chunks": CHUNK_ARTICLES,
                    "keys_apart": True,
                },
                sort_keys=True,
            ).encode("utf-8"),
            stories={sid: self._story_row(sid) for sid in story_ids},
            recent={sid: row for sid in story_ids if (row := self._recent_row(sid))},
            chunks=chunks,
            keys={sid: keys for sid in story_ids if (keys := self._keys_rows(sid, whole)) is not None},
            orders={sid: self._stories[sid].order for sid in story_ids},
            removed=[] if whole else sorted(self._removed),
            counts=_count_rows(self.df if whole else self._df_added, self.name_df if whole else self._name_df_added),
            postings={k: list(self.index[k]) for k in (self.index if whole else sorted(self._changed_keys))},
        )
        self._changed.clear()
        self._removed.clear()
        self._changed_keys.clear()
        self._df_added.clear()
        self._name_df_added.clear()
        self._unsaved = False
        for sid in story_ids:
            story = self._stories[sid]
            story.dirty, story.keys_reset = None, False
            story.keys_added.clear()
        return changes

    def _story_row(self, story_id: str) -> bytes:
        story = self._stories[story_id]
        if story.partial:
            raise AssertionError(f"story {story_id} saved before it was read whole")
        return pack(_story_head(story, self._pos[story_id]))

    def _chunk_rows(self, story_id: str, whole: bool) -> tuple[int, dict[int, bytes]]:
        """The story's chunk count and the chunk rows changed since it was read or saved (all: ``whole``)."""
        story = self._stories[story_id]
        first = 0 if whole else story.dirty
        count = _chunk_count(story)
        return count, {k: _chunk_row(story, k) for k in range(count if first is None else first, count)}

    def _keys_rows(self, story_id: str, whole: bool) -> tuple[bool, list[str]] | None:
        """The story's keys rows to save: (True, all its keys) where they replace its saved ones (``whole``:
        every row is written anew), else (False, the keys it gained since it was read or saved); None: none."""
        story = self._stories[story_id]
        if whole or story.keys_reset:
            if not story.keys_whole:
                raise AssertionError(f"story {story_id}: its keys saved whole before they were read whole")
            return True, sorted(story.keys)
        return (False, sorted(story.keys_added)) if story.keys_added else None

    def _recent_row(self, story_id: str) -> bytes | None:
        return _recent_row(self._stories[story_id], self._pos[story_id], int(self.cfg["max_members"]))

    @classmethod
    def from_rows(
        cls,
        meta: bytes,
        stories: Iterable[bytes],
        counts: Iterable[tuple[str, str, int]],
        postings: Iterable[tuple[str, list[str]]],
        chunks: Mapping[str, list[bytes]] | None = None,
        keys: Mapping[str, Iterable[str]] | None = None,
    ) -> StoryClusterer:
        """A clusterer from the rows that ``pop_changes`` gave (in any order; ``chunks``: each story's
        chunk rows, in order; ``keys``: each story's index keys, its keys rows): the same as the one saved."""
        head = json.loads(meta.decode("utf-8"))
        self = cls(saved_config(head["cfg"]))
        self.n_docs = head["n_docs"]
        for kind, term, n in counts:
            (self.df if kind == "t" else self.name_df)[term] = n
        self.index = {key: list(ids) for key, ids in postings}
        rows = _decoded_rows(stories, chunks or {}, keys or {})
        self._restore([story for _, story in rows], [pos for pos, _ in rows])
        self._unsaved = False
        return self

    @classmethod
    def from_source(cls, meta: bytes, source: ClusterSource) -> StoryClusterer:
        """A clusterer that reads the saved rows by key as it needs them: the same answers as
        ``from_rows`` over all of them, at a cost per article that does not grow with the store."""
        head = json.loads(meta.decode("utf-8"))
        self = cls(saved_config(head["cfg"]))
        self.n_docs = head["n_docs"]
        self._n_stories = int(head["n_stories"])
        self._next_pos = int(head["next_pos"])
        self._source = source
        self.df, self.name_df = _Counts(source, "t"), _Counts(source, "n")
        self._unsaved = False
        return self

    def save_whole_next(self) -> None:
        """Make the next ``pop_changes`` give every row (e.g. to write what older rows lack)."""
        self._unsaved = True

    @staticmethod
    def readable_by_key(meta: bytes) -> bool:
        """Whether rows saved with this meta can be read by key (saved with their story count)."""
        head = json.loads(meta.decode("utf-8"))
        return "n_stories" in head and "next_pos" in head

    @staticmethod
    def rows_packed(meta: bytes) -> bool:
        """Whether the story rows saved with this meta are packed (rows saved before they were are
        compressed JSON: ``repacked_row`` turns one into the other)."""
        return json.loads(meta.decode("utf-8")).get("rows") == ROWS_PACKED

    @staticmethod
    def repacked_row(row: bytes) -> bytes:
        """A story row saved before rows were packed, packed (the same story when read)."""
        return repacked_row(row)

    @staticmethod
    def rows_chunked(meta: bytes) -> bool:
        """Whether the story rows saved with this meta keep their add-only lists in chunk rows (rows saved
        before hold them: ``chunked_row`` splits one)."""
        return bool(json.loads(meta.decode("utf-8")).get("chunks"))

    @staticmethod
    def chunked_row(row: bytes) -> tuple[bytes, tuple[int, dict[int, bytes]], list[str]] | None:
        """A story row that holds its add-only lists, as its row without them (nor its index keys), its
        chunk rows and its index keys (None: the row holds no lists, its chunk rows do)."""
        [(pos, story, lengths)] = _decoded_heads([row])
        if lengths is not None:
            return None
        head = pack(_story_head(story, pos))
        chunks = (_chunk_count(story), {k: _chunk_row(story, k) for k in range(_chunk_count(story))})
        return head, chunks, sorted(story.keys)

    @staticmethod
    def unkeyed_row(row: bytes) -> tuple[bytes, list[str]] | None:
        """A story row (its lists in chunk rows) that holds its index keys, as its row without them and
        its keys (None: the row holds none, its keys rows do; or it holds its lists: ``chunked_row``)."""
        if not is_packed(row):
            return None
        packed = unpack(row)
        if "keys" not in packed.head or "chunked" not in packed.head:
            return None
        keys = packed.head.pop("keys")
        return pack(packed), sorted(keys)

    @staticmethod
    def keys_apart(meta: bytes) -> bool:
        """Whether the story rows saved with this meta keep their index keys in keys rows (rows saved
        before hold them: ``unkeyed_row`` takes them out)."""
        return bool(json.loads(meta.decode("utf-8")).get("keys_apart"))

    @staticmethod
    def with_keys_apart(meta: bytes) -> bytes:
        """This meta, saying that its story rows keep their index keys in keys rows."""
        head = json.loads(meta.decode("utf-8"))
        head["keys_apart"] = True
        return json.dumps(head, sort_keys=True).encode("utf-8")

    @staticmethod
    def with_chunks(meta: bytes) -> bytes:
        """This meta, saying that its story rows keep their add-only lists in chunk rows."""
        head = json.loads(meta.decode("utf-8"))
        head["chunks"] = CHUNK_ARTICLES
        return json.dumps(head, sort_keys=True).encode("utf-8")

    @staticmethod
    def has_recent_rows(meta: bytes) -> bool:
        """Whether the stories saved with this meta have their recent rows (saved by code before them,
        or by it since, they have none, or old ones)."""
        return bool(json.loads(meta.decode("utf-8")).get("recent_rows"))

    @staticmethod
    def recent_row(meta: bytes, row: bytes) -> bytes | None:
        """The recent row of a story row saved with this meta (None: the story's similarities are to
        be made again when it is read, which needs it whole)."""
        kept = int(saved_config(json.loads(meta.decode("utf-8"))["cfg"])["max_members"])
        [(pos, story, lengths)] = _decoded_heads([row])
        return _recent_row(story, pos, kept, lengths[0] if lengths else None)

    @staticmethod
    def with_recent_rows(meta: bytes) -> bytes:
        """This meta, saying that its story rows are packed and have their recent rows."""
        head = json.loads(meta.decode("utf-8"))
        head.update(rows=ROWS_PACKED, recent_rows=True)
        return json.dumps(head, sort_keys=True).encode("utf-8")

    def _restore(self, stories: list[_Story], positions: list[int]) -> None:
        for story, pos in zip(stories, positions):
            if story.sims.shape[0] != len(story.members):
                self._resimilar(story)
            self._stories[story.id] = story
            self._pos[story.id] = pos
            for aid in story.article_ids:
                self.article_story[aid] = story.id
        self._next_pos = max(positions, default=-1) + 1

    def to_bytes(self) -> bytes:
        self._read_everything()
        state = {
            "cfg": self.cfg,
            "n_docs": self.n_docs,
            "df": dict(self.df),
            "name_df": dict(self.name_df),
            "index": self.index,
            "stories": [_story_state(s) for s in self._stories.values()],
        }
        return zlib.compress(json.dumps(state, sort_keys=True).encode("utf-8"))

    @classmethod
    def from_bytes(cls, data: bytes) -> StoryClusterer:
        """A clusterer saved whole (``to_bytes``); its first ``pop_changes`` gives every row."""
        state = json.loads(zlib.decompress(data).decode("utf-8"))
        self = cls(saved_config(state["cfg"]))
        self.n_docs = state["n_docs"]
        self.df = Counter(state["df"])
        self.name_df = Counter(state["name_df"])
        self.index = {k: list(v) for k, v in state["index"].items()}
        stories = [_story_from_state(raw) for raw in state["stories"]]
        self._restore(stories, list(range(len(stories))))
        return self


@dataclass
class StateChanges:
    """What changed in a clusterer since its last save, as rows a store keeps (``whole``: every row,
    the tables are to be replaced)."""

    whole: bool
    meta: bytes  # the config and the article count
    stories: dict[str, bytes]  # story id -> its row, for the stories added or changed
    removed: list[str]  # the stories merged away
    counts: list[tuple[str, str, int]]  # (kind: "t" term / "n" name, term, articles added that have it)
    postings: dict[str, list[str]]  # index key -> the story ids it lists now
    orders: dict[str, int] = field(default_factory=dict)  # story id -> its order, for the rows in ``stories``
    recent: dict[str, bytes] = field(default_factory=dict)  # story id -> its recent row, for the rows in ``stories``
    # story id -> (its chunk count, its chunk rows that changed by number), for the rows in ``stories``
    chunks: dict[str, tuple[int, dict[int, bytes]]] = field(default_factory=dict)
    # story id -> (whether they replace its saved keys rows, its index keys to save), for rows in ``stories``
    keys: dict[str, tuple[bool, list[str]]] = field(default_factory=dict)


def _decoded_rows(
    rows: Iterable[bytes], chunks: Mapping[str, list[bytes]], keys: Mapping[str, Iterable[str]]
) -> list[tuple[int, _Story]]:
    """Saved story rows (``_story_row`` with each story's chunk rows and keys rows, or a row saved
    before chunks, packed or the compressed JSON of rows saved before it packed them) decoded, with
    their positions, in the order the stories were saved in."""
    decoded = _decoded_heads(rows)
    _attach_all(decoded, {story.id: 0 for _, story, n in decoded if n is not None}, chunks)
    for _, story, _ in decoded:
        if not story.keys_whole:
            story.keys, story.keys_whole = set(keys.get(story.id, ())), True
    return [(pos, story) for pos, story, _ in decoded]


def _decoded_heads(rows: Iterable[bytes]) -> list[tuple[int, _Story, list[int] | None]]:
    """Saved story rows decoded, in their saved order, with the lengths of their add-only lists
    where their chunk rows hold them (None: the row does)."""
    out = []
    for row in rows:
        if is_packed(row):
            packed = unpack(row)
            pos, story = _story_from_packed(packed)
            out.append((pos, story, packed.head.get("chunked")))
        else:
            out.append((*_decoded_row(row), None))
    return sorted(out, key=lambda r: r[0])


def _attach_all(
    decoded: list[tuple[int, _Story, list[int] | None]], first: Mapping[str, int], chunks: Mapping[str, list[bytes]]
) -> None:
    """Give each story read from its head row its add-only lists from chunk ``first[its id]`` on; a
    story whose stored chunks do not hold all its lists' items from there is not read (never saved)."""
    for _, story, lengths in decoded:
        if lengths is None:
            continue
        _attach(story, list(chunks.get(story.id, [])), first[story.id])
        held = story.held * CHUNK_ARTICLES
        found = [held + len(story.article_ids), held + len(story.titles), held + len(story.embs)]
        if found != list(lengths):
            raise ValueError(f"story {story.id}: its chunks hold {found} items of its lists, its row says {lengths}")


def repacked_row(row: bytes) -> bytes:
    """A saved story row, packed (as it is, when it is packed already)."""
    if is_packed(row):
        return row
    pos, story = _decoded_row(row)
    return pack(_story_packed(story, pos))


def _decoded_row(row: bytes) -> tuple[int, _Story]:
    if is_packed(row):
        return _story_from_packed(unpack(row))
    raw = json.loads(zlib.decompress(row).decode("utf-8"))
    return raw["pos"], _story_from_state(raw["story"])


def _story_packed(s: _Story, pos: int, with_lists: bool = True) -> Packed:
    """A story's row as packed parts; every word list in key order, as the JSON rows kept them. A
    member's embedding that the story's own embeddings hold (the same bytes) is kept once, as its
    place there (``emb_at``): a candidate story's row is read whole, and these copies were a quarter of it.
    Without its lists (``with_lists`` False: a row saved since chunk rows and keys rows) every member's
    embedding is apart, and its index keys are left out (its keys rows hold them)."""
    weights = [_sorted_weights(m, name) for m in s.members for name in _WEIGHTED]
    embs = np.stack(s.embs).astype(np.float16) if s.embs and with_lists else np.zeros((0, DIM), dtype=np.float16)
    places = {row.tobytes(): k for k, row in reversed(list(enumerate(embs)))}
    at = [places.get(m.emb.astype(np.float16).tobytes()) if m.emb.size == DIM else None for m in s.members]
    head = {
        "pos": pos,
        "id": s.id,
        "order": s.order,
        "article_ids": s.article_ids,
        "titles": s.titles,
        "published": s.published,
        "names": dict(s.names),
        "actors": dict(s.actors),
        "first": s.first,
        "last": s.last,
        "sims_at": s.sims_at,
        "members": [_member_head(m, k) for m, k in zip(s.members, at)],
        "title_pick": _title_pick_state(s),
        "next_rank": s.next_rank,
    }
    if with_lists:
        head["keys"] = sorted(s.keys)
    else:
        for name in ("article_ids", "titles", "published"):
            del head[name]
    apart = [m.emb.astype(np.float16) for m, k in zip(s.members, at) if k is None]
    arrays = {
        "weights": np.concatenate(weights or [np.zeros(0)]),
        "embs": embs,
        "member_embs": np.concatenate(apart or [np.zeros(0, np.float16)]),
        "emb_sum": s.emb_sum.astype(np.float32),
        "sims": s.sims.astype(np.float32),
    }
    return Packed(head, arrays)


def _story_head(s: _Story, pos: int) -> Packed:
    """A story's row without its add-only lists (their chunk rows hold them) and its index keys (its
    keys rows hold them): what a join reads and writes, bounded whatever the story's size; every
    member's embedding is in ``member_embs``."""
    packed = _story_packed(s, pos, with_lists=False)
    held = s.held * CHUNK_ARTICLES
    packed.head["chunked"] = [held + len(s.article_ids), held + len(s.titles), held + len(s.embs)]
    return packed


def _recent_row(s: _Story, pos: int, kept: int, articles: int | None = None) -> bytes | None:
    """What scoring a new article against the story reads of it (``_read_candidates``), packed: its
    recent members (``_recent``) whole, with their embeddings and similarities, and the few numbers
    it is ranked and scored by (its older kept members stay in its row; its article list, titles and
    every article's embedding, which grow with it, in its chunk rows). ``articles``: its article
    count, where its lists are not read (a row saved since chunk rows). None for a story whose
    similarities do not cover its members (they are made again when it is read whole)."""
    if s.partial or s.sims.shape[0] != len(s.members):
        return None
    members = s.members[-kept:]
    head = {
        "pos": pos,
        "id": s.id,
        "order": s.order,
        "sims_at": s.sims_at,
        "articles": _article_count(s) if articles is None else articles,
        "kept": len(s.members),
        "members": [_member_head(m) for m in members],
    }
    weights = [_sorted_weights(m, name) for m in members for name in _WEIGHTED]
    arrays = {
        "weights": np.concatenate(weights or [np.zeros(0)]),
        "embs": np.zeros(0, dtype=np.float16),
        "member_embs": np.concatenate([m.emb.astype(np.float16) for m in members] or [np.zeros(0, np.float16)]),
        "emb_sum": np.zeros(0, dtype=np.float32),
        "sims": s.sims[len(s.members) - len(members) :, len(s.members) - len(members) :],
    }
    return pack(Packed(head, arrays))


def _sorted_weights(m: _Member, name: str) -> np.ndarray:
    if isinstance(m, _PackedMember):
        return m.weights[name]
    weights = getattr(m, name)
    return np.array([weights[w] for w in sorted(weights)], dtype=np.float64)


def _member_head(m: _Member, emb_at: int | None = None) -> dict[str, Any]:
    """A member's fields in a packed row's head; ``emb_at``: where the story's embeddings hold its own."""
    if isinstance(m, _PackedMember):
        words, counts, keys = m.head_words, [m.weights[name].size for name in _WEIGHTED], m.head_keys
    else:
        words = [_joined(sorted(getattr(m, name))) for name in _WEIGHTED]
        counts, keys = [len(getattr(m, name)) for name in _WEIGHTED], _joined(m.keys)
    head = {
        "id": m.article_id,
        "words": words,
        "counts": counts,  # how many words each field has (its weights' count)
        "salient": list(m.salient),
        "places": list(m.places),
        "published": m.published,
        "emb": int(m.emb.size),
        "years": list(m.years),
        "dates": list(m.dates),
        "numbers": list(m.numbers),
        "actors": list(m.actor_ids),
        "keys": keys,
    }
    if emb_at is not None:
        head["emb_at"] = emb_at  # its embedding is the story's embedding at this place (not in member_embs)
    return head


_SEPARATOR = "|"


def _joined(words: Iterable[str]) -> str | list[str]:
    """Words as one string (a list splits it faster than JSON reads a list), or as a list when a
    word holds the separator (or it is empty)."""
    words = list(words)
    joined = _SEPARATOR.join(words)
    return joined if words and _SEPARATOR not in joined.replace(_SEPARATOR, "", len(words) - 1) else words


def _split(words: str | list[str]) -> list[str]:
    return words.split(_SEPARATOR) if isinstance(words, str) else words


def _packed_members(packed: Packed, story_embs: list[np.ndarray]) -> list[_Member]:
    heads = packed.head["members"]
    counts = [m["counts"] if "counts" in m else [len(_split(w)) for w in m["words"]] for m in heads]
    weights = _pieces(packed.arrays["weights"], [n for fields in counts for n in fields])
    embs = _member_embs(heads, packed.arrays["member_embs"], story_embs)
    return [
        _member_from_head(m, weights[len(_WEIGHTED) * k : len(_WEIGHTED) * (k + 1)], emb)
        for k, (m, emb) in enumerate(zip(heads, embs))
    ]


def _story_from_packed(packed: Packed) -> tuple[int, _Story]:
    story_embs = list(packed.arrays["embs"].reshape(-1, DIM))
    members = _packed_members(packed, story_embs)
    head, arrays = packed.head, packed.arrays
    keys = head.get("keys")  # (None: its keys rows hold them)
    story = _Story(
        id=head["id"],
        order=head["order"],
        article_ids=head.get("article_ids", []),
        titles=head.get("titles", []),
        published=head.get("published", {}),
        embs=story_embs,
        emb_sum=arrays["emb_sum"],
        members=members,
        names=Counter(head["names"]),
        actors=Counter(head["actors"]),
        keys=set(keys or ()),
        keys_whole=keys is not None,
        keys_reset=keys is not None,
        first=head["first"],
        last=head["last"],
        sims=_square(arrays["sims"]),
        sims_at=int(head["sims_at"]),
        title_pick=_title_pick_from(head.get("title_pick", [])),
        next_rank=head.get("next_rank"),
    )
    return int(head["pos"]), story


def _partial_row(row: bytes) -> tuple[int, _Story]:
    """A story read from its recent row (``_recent_row``), with its position."""
    packed = unpack(row)
    head = packed.head
    story = _Story(
        id=head["id"],
        order=head["order"],
        members=_packed_members(packed, []),
        sims=_padded(_square(packed.arrays["sims"]), int(head["kept"])),
        sims_at=int(head["sims_at"]),
        keys_whole=False,
        keys_reset=False,
        partial=True,
        articles=int(head["articles"]),
    )
    return int(head["pos"]), story


def _padded(recent: np.ndarray, kept: int) -> np.ndarray:
    """The recent members' similarities where they are in the matrix of all kept members', zeros
    elsewhere: a sum over a part of a matrix (``cohesion``, ``_weakest``) runs over it in another order
    than over the same values copied out, and its last bits would differ from the whole story's."""
    sims = np.zeros((kept, kept), dtype=np.float32)
    n = recent.shape[0]
    sims[kept - n :, kept - n :] = recent
    return sims


def _fill(partial: _Story, whole: _Story) -> None:
    """Make a story read from its recent row the whole story, in place: its recent members stay the
    objects they are (compared already, and held by whoever scored them)."""
    members = whole.members[: len(whole.members) - len(partial.members)] + partial.members
    if [m.article_id for m in members] != [m.article_id for m in whole.members]:
        raise ValueError(f"story {whole.id}: its recent row is not the end of its row")
    for name in whole.__dataclass_fields__:
        setattr(partial, name, getattr(whole, name))
    partial.members = members


def _member_embs(heads: list[dict[str, Any]], apart: np.ndarray, story_embs: list[np.ndarray]) -> list[np.ndarray]:
    """Each member's embedding: the story's at its ``emb_at``, else the next piece of ``apart`` (a row
    saved before ``emb_at`` holds every member's there)."""
    pieces = iter(_pieces(apart, [0 if "emb_at" in m else m["emb"] for m in heads]))
    return [story_embs[m["emb_at"]] if "emb_at" in m else next(pieces) for m in heads]


def _pieces(flat: np.ndarray, sizes: list[int]) -> list[np.ndarray]:
    """``flat`` cut into consecutive pieces of these sizes (views)."""
    ends = np.cumsum(sizes).tolist()
    return [flat[end - size : end] for size, end in zip(sizes, ends)]


def _member_from_head(raw: dict[str, Any], weights: list[np.ndarray], emb: np.ndarray) -> _PackedMember:
    """A member of a packed row; its weighted words are split and made dicts only when asked for."""
    member = _PackedMember.__new__(_PackedMember)
    member.__dict__.update(
        article_id=raw["id"],
        salient=tuple(raw["salient"]),
        places=tuple(raw["places"]),
        published=raw["published"],
        emb=emb,
        years=tuple(raw["years"]),
        dates=tuple(raw["dates"]),
        numbers=tuple(raw["numbers"]),
        actor_ids=tuple(raw["actors"]),
        arrays=None,
        head_words=raw["words"],
        head_keys=raw["keys"],
        weights=dict(zip(_WEIGHTED, weights)),
    )
    return member


def _count_rows(terms: Counter, names: Counter) -> list[tuple[str, str, int]]:
    return [("t", t, n) for t, n in sorted(terms.items())] + [("n", t, n) for t, n in sorted(names.items())]


def _emb_sum(embs: list[np.ndarray]) -> np.ndarray:
    return sum((e.astype(np.float32) for e in embs), np.zeros(DIM, dtype=np.float32))


def _b64(arr: np.ndarray) -> str:
    return base64.b64encode(np.ascontiguousarray(arr).tobytes()).decode("ascii")


def _f16(raw: str) -> np.ndarray:
    return np.frombuffer(base64.b64decode(raw), dtype=np.float16).copy()


def _member_state(m: _Member) -> dict[str, Any]:
    return {
        "id": m.article_id,
        "terms": m.terms,
        "names": m.names,
        "salient": list(m.salient),
        "places": list(m.places),
        "published": m.published,
        "emb": _b64(m.emb.astype(np.float16)),
        "years": list(m.years),
        "dates": list(m.dates),
        "numbers": list(m.numbers),
        "lead": m.lead,
        "persons": m.persons,
        "actors": list(m.actor_ids),
        "keys": list(m.keys),
    }


def _member_from_state(raw: dict[str, Any]) -> _Member:
    return _Member(
        raw["id"],
        dict(raw["terms"]),
        dict(raw["names"]),
        tuple(raw["salient"]),
        tuple(raw["places"]),
        raw["published"],
        _f16(raw["emb"]),
        tuple(raw.get("years", ())),
        tuple(raw.get("dates", ())),
        tuple(raw.get("numbers", ())),
        dict(raw.get("lead", {})),
        dict(raw.get("persons", {})),
        tuple(raw.get("actors", ())),
        tuple(raw.get("keys", ())),
    )


def _story_state(s: _Story) -> dict[str, Any]:
    if not s.keys_whole:
        raise AssertionError(f"story {s.id}: saved whole before its keys were read whole")
    embs = np.stack(s.embs) if s.embs else np.zeros((0, DIM), dtype=np.float16)
    return {
        "id": s.id,
        "order": s.order,
        "article_ids": s.article_ids,
        "titles": s.titles,
        "published": s.published,
        "embs": _b64(embs.astype(np.float16)),
        "emb_sum": _b64(s.emb_sum.astype(np.float32)),
        "members": [_member_state(m) for m in s.members],
        "names": dict(s.names),
        "actors": dict(s.actors),
        "keys": sorted(s.keys),
        "first": s.first,
        "last": s.last,
        "sims": _b64(s.sims.astype(np.float32)),
        "sims_at": s.sims_at,
        "title_pick": _title_pick_state(s),
        "next_rank": s.next_rank,
    }


def _story_from_state(raw: dict[str, Any]) -> _Story:
    return _Story(
        id=raw["id"],
        order=raw["order"],
        article_ids=list(raw["article_ids"]),
        titles=list(raw["titles"]),
        published=dict(raw.get("published", {})),
        embs=list(_f16(raw["embs"]).reshape(-1, DIM)),
        emb_sum=np.frombuffer(base64.b64decode(raw["emb_sum"]), dtype=np.float32).copy(),
        members=[_member_from_state(m) for m in raw["members"]],
        names=Counter(raw["names"]),
        actors=Counter(raw["actors"]),
        keys=set(raw["keys"]),
        first=raw["first"],
        last=raw["last"],
        sims=_f32_square(raw.get("sims")),
        sims_at=int(raw.get("sims_at", 0)),
        title_pick=_title_pick_from(raw.get("title_pick", [])),
        next_rank=raw.get("next_rank"),
    )


def _title_pick_state(s: _Story) -> list[list[str]]:
    return [[aid, title, _b64(emb.astype(np.float16))] for aid, title, emb in s.title_pick]


def _title_pick_from(raw: list[list[str]]) -> list[tuple[str, str, np.ndarray]]:
    return [(aid, title, _f16(emb)) for aid, title, emb in raw]


def _f32_square(raw: str | None) -> np.ndarray:
    return _square(np.frombuffer(base64.b64decode(raw), dtype=np.float32).copy() if raw else np.zeros(0, np.float32))


def _square(flat: np.ndarray) -> np.ndarray:
    n = int(round(math.sqrt(flat.size)))
    return flat.reshape(n, n)


def first_of_two(merges: np.ndarray) -> list[bool]:
    """For each observation, whether it lies in the first of the two groups the last merge of a
    monotone linkage joined: scipy's ``fcluster(merges, 2, criterion="maxclust")`` without its check
    of the linkage on every call (a third of the splitting test's time). When the last two merges
    are at one height no cut gives two groups: every observation is in the first."""
    n = len(merges) + 1
    if n < 2 or (n > 2 and merges[-1, 2] == merges[-2, 2]):
        return [True] * n
    inside = [False] * n
    todo = [int(merges[-1, 0])]
    while todo:
        node = todo.pop()
        if node < n:
            inside[node] = True
        else:
            todo += [int(merges[node - n, 0]), int(merges[node - n, 1])]
    return inside
