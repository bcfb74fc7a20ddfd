"""Word tokens with offsets and the normal form used by every KB index."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

TOKEN_RE = re.compile(r"[’']s\b|[^\W_]+(?:\.[^\W_]+)*\.?", re.UNICODE)
# Lower-case words allowed inside a capitalised name ("the Kremlin", "Islamic State of Iraq").
FUNCTION_WORDS = frozenset("the of and for al el bin ibn de da la le van von der du des on in 's".split())


@dataclass(frozen=True, slots=True)
class Tok:
    norm: str
    start: int
    end: int
    raw: str

    @property
    def capitalised(self) -> bool:
        return self.raw[:1].isupper() or self.raw[:1].isdigit()

    @property
    def upper(self) -> bool:
        letters = self.raw.replace(".", "")
        return letters.isupper()


@lru_cache(maxsize=200_000)
def norm_word(word: str) -> str:
    if word.isascii():  # nothing to decompose: the common case, and the KB's 100k names load through it
        return word.replace(".", "").lower()
    word = unicodedata.normalize("NFKD", word)
    word = "".join(c for c in word if not unicodedata.combining(c))
    return word.replace("’", "'").replace(".", "").lower()


def _raw_words(text: str) -> Iterator[tuple[str, int]]:
    for m in TOKEN_RE.finditer(text):
        yield _without_final_stop(m.group()), m.start()


def tokenize(text: str, offset: int = 0) -> list[Tok]:
    return [Tok(norm_word(raw), offset + start, offset + start + len(raw), raw) for raw, start in _raw_words(text)]


@lru_cache(maxsize=200_000)
def key(text: str) -> tuple[str, ...]:
    """The normal form of a name: its words as ``_raw_words`` cuts them, each through ``norm_word``
    (cached: the KB's loading and the linker ask for the same names again and again)."""
    return tuple(norm_word(_without_final_stop(raw)) for raw in TOKEN_RE.findall(text))


def _without_final_stop(raw: str) -> str:
    """'Paris.' -> 'Paris' (a sentence-final full stop); 'U.S.' stays (an abbreviation)."""
    return raw[:-1] if raw.endswith(".") and raw.count(".") == 1 else raw


def slug(text: str) -> str:
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


class TakenSpans:
    """Character spans kept so far, asked whether a new span overlaps one of them (``a.start < b.end
    and b.start < a.end``) at the cost of the new span's length rather than of the spans kept: a long
    article has hundreds of kept mentions and thousands of candidates."""

    def __init__(self, size: int) -> None:
        self.chars = bytearray(size)
        self.odd: list[tuple[int, int]] = []  # empty or negative spans, compared one by one
        self.spans: list[tuple[int, int]] = []

    def add(self, start: int, end: int) -> None:
        self.spans.append((start, end))
        if start >= end or start < 0:
            self.odd.append((start, end))
            return
        if end > len(self.chars):
            self.chars.extend(bytes(end - len(self.chars)))
        self.chars[start:end] = b"\x01" * (end - start)

    def overlaps(self, start: int, end: int) -> bool:
        if start >= end or start < 0:  # an empty span overlaps only what strictly surrounds it
            return any(s < end and start < e for s, e in self.spans)
        return 1 in self.chars[start:end] or any(s < end and start < e for s, e in self.odd)
