"""Word tokens with offsets and the normal form used by every KB index."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache

# UTF-8 read as Latin-1 ("FranÃ§ois" for "François"): a letter from Â to ß and a character from \x80 to \xbf
# are one letter's two bytes, so they stay in the word, and its normal form reads them as that letter
MOJIBAKE = re.compile("[\u00c2-\u00df][\u0080-\u00bf]")
_LETTER = "(?:[^\\W_]|(?<=[\u00c2-\u00df])[\u0080-\u00bf])"
TOKEN_RE = re.compile(rf"[’']s\b|{_LETTER}+(?:\.{_LETTER}+)*\.?", re.UNICODE)
# Lower-case words allowed inside a capitalised name ("the Kremlin", "Islamic State of Iraq").
FUNCTION_WORDS = frozenset("the of and for al el bin ibn de da la le van von der du des on in 's".split())
SPACE_CAPITAL = re.compile(r" [A-Z]")  # a capitalised word right after a name
SPACE_LOWER_WORD = re.compile(r" ([a-z]+)\b")  # a lower-case word right after a name
SHORT_TEXT = 200  # characters: a text up to this long (a name, the words around one) has its words kept


@dataclass(slots=True)
class Tok:
    """A word with its offsets. Read-only by convention (not frozen: a frozen dataclass costs twice as
    much to build, and an article's words are built by the hundred thousand); ``capitalised`` is
    computed once, when the word is made, since the linker asks it of each word again and again."""

    norm: str
    start: int
    end: int
    raw: str
    capitalised: bool = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self.capitalised = self.raw[:1].isupper() or self.raw[:1].isdigit()

    @property
    def upper(self) -> bool:
        letters = self.raw.replace(".", "")
        return letters.isupper()


@lru_cache(maxsize=200_000)
def norm_word(word: str) -> str:
    if word.isascii():  # nothing to decompose: the common case, and the KB's 100k names load through it
        return word.replace(".", "").lower()
    word = unicodedata.normalize("NFKD", repaired(word))
    word = "".join(c for c in word if not unicodedata.combining(c))
    return word.replace("’", "'").replace(".", "").lower()


def tokenize(text: str, offset: int = 0) -> list[Tok]:
    """The words of ``text``, a new list each call (callers may cut it; the words themselves are shared).
    A short text's words are made once: the non-actor tests read the same few words around an entity
    again and again (the 40 characters before it, the 30 after)."""
    if len(text) <= SHORT_TEXT:
        return list(_short_text_words(text, offset))
    return _words(text, offset)


def first_word(text: str, start: int, end: int) -> str | None:
    """The normal form of the first word of ``text[start:end]`` (``tokenize(text[start:end])[0].norm``),
    or None, without cutting the text or making its other words (a word's match never looks before it)."""
    m = TOKEN_RE.search(text, start, max(start, end))
    return norm_word(_without_final_stop(m.group())) if m else None


@lru_cache(maxsize=8192)
def _short_text_words(text: str, offset: int) -> tuple[Tok, ...]:
    return tuple(_words(text, offset))


def _words(text: str, offset: int) -> list[Tok]:
    out = []
    for m in TOKEN_RE.finditer(text):
        raw, start = _without_final_stop(m.group()), offset + m.start()
        out.append(Tok(norm_word(raw), start, start + len(raw), raw))
    return out


@lru_cache(maxsize=200_000)
def key(text: str) -> tuple[str, ...]:
    """The normal form of a name: its words as ``tokenize`` cuts them, each through ``norm_word``
    (cached: the KB's loading and the linker ask for the same names again and again)."""
    return tuple(norm_word(_without_final_stop(raw)) for raw in TOKEN_RE.findall(text))


def right_after(text: str, name: str, after: re.Pattern[str]) -> Iterator[re.Match[str]]:
    """What ``after`` matches right after each place ``text`` writes ``name`` (every place, overlapping ones too).
    A test that a pattern made for one name needs to pass, without that pattern: the names outnumber the regex
    module's cache, so each such pattern was compiled anew, most of them to find nothing."""
    at = text.find(name)
    while at >= 0:
        m = after.match(text, at + len(name))
        if m is not None:
            yield m
        at = text.find(name, at + 1)


def _without_final_stop(raw: str) -> str:
    """'Paris.' -> 'Paris' (a sentence-final full stop); 'U.S.' stays (an abbreviation)."""
    return raw[:-1] if raw.endswith(".") and raw.count(".") == 1 else raw


def repaired(text: str) -> str:
    """The text with each Latin-1 reading of a UTF-8 letter read as that letter ('FranÃ§ois' -> 'François')."""
    if text.isascii():
        return text
    return MOJIBAKE.sub(lambda m: m.group().encode("latin-1").decode("utf-8", "replace"), text)


def one_letter_apart(a: str, b: str) -> bool:
    """The longer word less one of its letters is the shorter, which has five letters or more."""
    short, long = sorted((a, b), key=len)
    if len(long) != len(short) + 1 or len(short) < 5:
        return False
    return any(long[:k] + long[k + 1 :] == short for k in range(len(long)))


def letter_less(word: str) -> set[str]:
    """The word less one of its letters, each way (the shorter words ``one_letter_apart`` from it)."""
    return {word[:k] + word[k + 1 :] for k in range(len(word))}


def slug(text: str) -> str:
    text = unicodedata.normalize("NFKD", repaired(text)).encode("ascii", "ignore").decode()
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
