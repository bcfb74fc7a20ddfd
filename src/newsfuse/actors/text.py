"""Word tokens with offsets and the normal form used by every KB index."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

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


def norm_word(word: str) -> str:
    word = unicodedata.normalize("NFKD", word)
    word = "".join(c for c in word if not unicodedata.combining(c))
    return word.replace("’", "'").replace(".", "").lower()


def tokenize(text: str, offset: int = 0) -> list[Tok]:
    toks = []
    for m in TOKEN_RE.finditer(text):
        raw, start = m.group(), m.start()
        if raw.endswith(".") and "." not in raw[:-1]:
            raw = raw[:-1]  # sentence-final full stop, not an abbreviation
        toks.append(Tok(norm_word(raw), offset + start, offset + start + len(raw), raw))
    return toks


def key(text: str) -> tuple[str, ...]:
    return tuple(t.norm for t in tokenize(text))


def slug(text: str) -> str:
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
