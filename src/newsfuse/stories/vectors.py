"""Many articles' weighted words at once, for the story clusterer's pair similarities.

``StoryClusterer`` compares a new article with up to a few hundred member articles per added
article (and a story's members with each other). Comparing pair by pair in Python, every member's
idf-weighted norm was rebuilt term by term for every added article (idf moves with every article
counted); here each side's words are stacked into arrays (word ids in a ``Vocabulary``, weights,
and which article each entry belongs to), the idf of every entry is one array operation, norms are
per-article sums, and the dot products of all pairs are sums over the words both sides have. The values are
those of the plain formulas (cosine of idf-weighted vectors; idf-weighted share of one side's
salient names the other side lacks) up to rounding in the last bits.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np


class Vocabulary:
    """The words of one kind (content lemmas, or names) that articles were compared on: an id per
    word and, per id, how many articles have it (``counts``, which may fetch a word's count when
    first asked, plus a ``background`` table), kept in step through ``counted``."""

    def __init__(
        self,
        counts: Mapping[str, int],
        background: Mapping[str, int],
        fetch: Callable[[Iterable[str]], None] | None = None,
    ) -> None:
        self.counts, self.background = counts, background
        self._fetch = fetch  # reads the counts of many words at once (counts read from a store)
        self.ids: dict[str, int] = {}
        self._seen = np.zeros(1024, dtype=np.float64)

    def ids_of(self, words: Collection[str]) -> np.ndarray:
        """The ids of ``words`` (given ids by ``add`` before)."""
        return np.fromiter(map(self.ids.__getitem__, words), dtype=np.intp, count=len(words))

    def add(self, words: Iterable[str]) -> None:
        """Give ids to those of ``words`` that have none (in the order first listed), their counts
        read in one go."""
        new = [w for w in dict.fromkeys(words) if w not in self.ids]
        if not new:
            return
        if self._fetch is not None:
            self._fetch(new)
        start = len(self.ids)
        self.ids.update(zip(new, range(start, start + len(new))))
        while self._seen.size < len(self.ids):
            self._seen = np.concatenate([self._seen, np.zeros(self._seen.size, dtype=np.float64)])
        self._seen[start : len(self.ids)] = self._counts_of(new)

    def _counts_of(self, words: list[str]) -> list[int]:
        """How many articles have each of ``words`` (counts and background). Once fetched, a word's
        count is the plain dict's: read without the per-word fetch check of counts that fetch
        (thousands of words per candidate story read from a store), the same numbers."""
        counts, background = self.counts, self.background
        get = dict.get.__get__(counts) if self._fetch is not None and isinstance(counts, dict) else counts.get
        if not background:
            return [get(w, 0) for w in words]
        return [get(w, 0) + background.get(w, 0) for w in words]

    def counted(self, words: Iterable[str]) -> None:
        """One more article has each of ``words`` (as ``Counter.update``: a word listed twice counts twice)."""
        for word in words:
            i = self.ids.get(word)
            if i is not None:
                self._seen[i] += 1

    def idf(self, ids: np.ndarray, articles: int) -> np.ndarray:
        """log((articles + 1) / (seen + 1)) + 1 for each id (``articles``: all seen, background included)."""
        return np.log((articles + 1) / (self._seen[ids] + 1)) + 1.0


@dataclass(frozen=True)
class Stack:
    """Several articles' sparse vectors one after another: word id, weight, and which article (0..n-1)."""

    ids: np.ndarray
    weights: np.ndarray
    owner: np.ndarray
    n: int


def stack(ids: Sequence[np.ndarray], weights: Sequence[np.ndarray] | None = None) -> Stack:
    """Per article, its word ids and (None: all 1) their weights, one article after another."""
    if not ids:
        empty = np.zeros(0, dtype=np.intp)
        return Stack(empty, np.zeros(0, dtype=np.float64), empty, 0)
    every = np.concatenate(ids)
    return Stack(
        every,
        np.concatenate(weights) if weights is not None else np.ones(every.size),
        np.repeat(np.arange(len(ids)), [len(i) for i in ids]),
        len(ids),
    )


def field_cosines(rows: Stack, cols: Stack, fields: int) -> np.ndarray:
    """Cosine of every row article's vector with every column article's, for each of ``fields``
    vectors per article (fields x rows x cols; 0 where a side is empty or they share no word). A
    word's id is its key: id * ``fields`` + its field, so that only words of one field meet. The
    weights are the final ones (idf applied)."""
    row_norm = _norms(rows, fields)
    col_norm = _norms(cols, fields)
    words, row_word = np.unique(rows.ids, return_inverse=True)
    left = np.zeros((rows.n, words.size))
    left[rows.owner, row_word] = rows.weights
    shared, at = _found(words, cols.ids)
    slot = ((cols.ids % fields) * cols.n + cols.owner)[shared]  # (field, column) of each shared word
    weight, at = cols.weights[shared], at[shared]
    summed = np.zeros((rows.n, fields * cols.n))
    for i in range(rows.n):  # (bincount sums in order, and gives integers when given nothing)
        summed[i] = np.bincount(slot, weights=left[i, at] * weight, minlength=fields * cols.n)
    dots = summed.reshape(rows.n, fields, cols.n).transpose(1, 0, 2)
    scale = row_norm[:, :, None] * col_norm[:, None, :]
    return np.divide(dots, scale, out=np.zeros_like(dots), where=(dots != 0) & (scale != 0))


def lacking_shares(salient: Stack, names: Stack) -> np.ndarray:
    """For every row article (its salient names, weighted) and column article (its names): the
    weighted share of the row's salient names that the column never mentions (rows x cols; 0 for a
    row without salient names)."""
    if salient.n == 0 or names.n == 0:
        return np.zeros((salient.n, names.n))
    words, entry_word = np.unique(salient.ids, return_inverse=True)
    mentioned = np.zeros((words.size, names.n), dtype=bool)
    found, name_word = _found(words, names.ids)
    mentioned[name_word[found], names.owner[found]] = True
    lacking = np.zeros((salient.n, names.n))
    np.add.at(lacking, salient.owner, np.where(mentioned[entry_word], 0.0, salient.weights[:, None]))
    total = np.bincount(salient.owner, weights=salient.weights, minlength=salient.n)[:, None]
    return np.divide(lacking, total, out=np.zeros_like(lacking), where=total != 0)


def _norms(vectors: Stack, fields: int) -> np.ndarray:
    """Each article's norm of each field's vector (fields x articles)."""
    slot = (vectors.ids % fields) * vectors.n + vectors.owner
    squares = np.bincount(slot, weights=vectors.weights * vectors.weights, minlength=fields * vectors.n)
    return np.sqrt(squares).reshape(fields, vectors.n)


def _found(words: np.ndarray, ids: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Which of ``ids`` are in the sorted ``words``, and each one's position there."""
    if words.size == 0:
        return np.zeros(ids.size, dtype=bool), np.zeros(ids.size, dtype=np.intp)
    at = np.minimum(np.searchsorted(words, ids), words.size - 1)
    return words[at] == ids, at
