"""Near-duplicate articles: MinHash over word 5-shingles of the cleaned text, queried with LSH."""

from __future__ import annotations

import hashlib
import re

import numpy as np
from datasketch import MinHash, MinHashLSH

from ..model import Article

NUM_PERM = 128
THRESHOLD = 0.8
SHINGLE = 5
SEED = 1
SCHEME = "affine32"  # datasketch 2 hashing scheme; signatures are NUM_PERM uint32 values
_WORD = re.compile(r"\w+")
_DTYPE = np.dtype("<u4")
_UPDATE_CHUNK = 20_000  # shingles hashed at once: bounds memory for a huge text (same signature)
_EMPTY = np.full(NUM_PERM, (1 << 32) - 1, dtype=_DTYPE)  # datasketch's value for "no shingles"


def shingles(text: str, size: int = SHINGLE) -> set[str]:
    tokens = _WORD.findall(text.casefold())
    if len(tokens) < size:
        return {" ".join(tokens)} if tokens else set()
    return {" ".join(tokens[i : i + size]) for i in range(len(tokens) - size + 1)}


_PERMUTATIONS = MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME).permutations  # computed once, reused


def _new(hashvalues=None) -> MinHash:
    return MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME, permutations=_PERMUTATIONS, hashvalues=hashvalues)


def text_signature(text: str) -> bytes:
    m = _new()
    found = sorted(shingles(text))
    for start in range(0, len(found), _UPDATE_CHUNK):  # datasketch's work array is NUM_PERM x chunk
        m.update_batch([s.encode("utf-8") for s in found[start : start + _UPDATE_CHUNK]])
    return np.asarray(m.hashvalues, dtype=_DTYPE).tobytes()


def signature(article: Article) -> bytes:
    """A serialisable MinHash of the article's cleaned text (NUM_PERM little-endian uint32)."""
    return text_signature(article.text)


_LSH = MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM)
BANDS = tuple(_LSH.hashranges)  # the (start, end) slices that datasketch's LSH uses at THRESHOLD


def band_keys(sig: bytes) -> list[int]:
    """One signed 64-bit key per LSH band of the signature (a band's index and its values hashed), so
    that a store can index originals by key and return the candidates an LSH query would: two
    signatures share a key exactly when they share a band (up to a 2**-64 hash collision, which only
    adds a candidate that the Jaccard check then weighs). No keys for a text without shingles."""
    values = np.frombuffer(_checked(sig), dtype=_DTYPE)
    if np.array_equal(values, _EMPTY):
        return []
    out = []
    for band, (start, end) in enumerate(BANDS):
        digest = hashlib.blake2b(bytes([band]) + values[start:end].tobytes(), digest_size=8).digest()
        out.append(int.from_bytes(digest, "little", signed=True))
    return out


def similarity(a: bytes, b: bytes) -> float:
    """MinHash's Jaccard estimate of two signatures: the share of equal values (as datasketch's)."""
    x, y = np.frombuffer(_checked(a), dtype=_DTYPE), np.frombuffer(_checked(b), dtype=_DTYPE)
    return float(np.count_nonzero(x == y)) / NUM_PERM


def _checked(sig: bytes) -> bytes:
    if len(sig) != NUM_PERM * _DTYPE.itemsize:
        raise ValueError(f"a signature is {NUM_PERM * _DTYPE.itemsize} bytes, got {len(sig)}")
    return sig


def _minhash(sig: bytes) -> MinHash:
    values = np.frombuffer(_checked(sig), dtype=_DTYPE).astype(np.uint64)
    return _new(values)


def _is_empty(m: MinHash) -> bool:
    return bool(np.array_equal(np.asarray(m.hashvalues, dtype=np.uint64), _EMPTY.astype(np.uint64)))


class NearDuplicateIndex:
    """Ids of articles added so far; ``match`` names the earliest one a new text nearly repeats."""

    def __init__(self, threshold: float = THRESHOLD) -> None:
        self.threshold = threshold
        # datasketch finds its bands by numerical integration (a quarter second): done once, at import
        params = (_LSH.b, _LSH.r) if threshold == THRESHOLD else None
        self._lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM, params=params)
        self._hashes: dict[str, MinHash] = {}
        self._order: dict[str, int] = {}
        self._added = 0  # orders only grow, so that a removal never gives two articles one order

    def __len__(self) -> int:
        return len(self._hashes)

    def __contains__(self, article_id: object) -> bool:
        return article_id in self._hashes

    def add(self, article_id: str, sig: bytes) -> None:
        if article_id in self._hashes:
            return
        m = _minhash(sig)
        self._hashes[article_id] = m
        self._order[article_id] = self._added
        self._added += 1
        if not _is_empty(m):
            self._lsh.insert(article_id, m)

    def remove(self, article_id: str) -> None:
        """Forget an added article (stored since, or given up): it is no longer anybody's match."""
        m = self._hashes.pop(article_id, None)
        if m is None:
            return
        del self._order[article_id]
        if not _is_empty(m):
            self._lsh.remove(article_id)

    def ids(self) -> list[str]:
        """The articles held, in the order they were added."""
        return list(self._hashes)

    def match(self, sig: bytes) -> str | None:
        m = _minhash(sig)
        if _is_empty(m):
            return None
        hits = [k for k in self._lsh.query(m) if self._hashes[k].jaccard(m) >= self.threshold]
        return min(hits, key=self._order.__getitem__) if hits else None
