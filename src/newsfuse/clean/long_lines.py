"""Over-long lines -> paragraph-sized pieces, split at sentence ends, before the line rules run.

A text dump with the whole article (or a whole book) on one line would otherwise be one giant
paragraph for every later rule and stage. Lines over ``max_line_chars`` are cut at sentence ends
into pieces of about ``paragraph_chars`` (never inside an open quotation, never after an
abbreviation); the cleaner then works on the pieces and its line numbers are mapped back to the
lines of the input.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..text.abbreviations import ends_with_abbreviation
from ..text.yamlfile import load_yaml
from .text import CleanResult, clean_text_lines

DATA_PATH = Path(__file__).with_name("data") / "long_lines.yaml"


@dataclass(frozen=True)
class _Limits:
    max_line: int
    paragraph: int
    hard_max: int
    sentence_end: re.Pattern[str]
    quote_pairs: tuple[tuple[str, str], ...]


@lru_cache(maxsize=1)
def _limits() -> _Limits:
    raw = load_yaml(DATA_PATH.read_text(encoding="utf-8"))
    return _Limits(
        max_line=int(raw["max_line_chars"]),
        paragraph=int(raw["paragraph_chars"]),
        hard_max=int(raw["hard_max_chars"]),
        sentence_end=re.compile(raw["sentence_end"]),
        quote_pairs=tuple((a, b) for a, b in raw["quote_pairs"]),
    )


def split_long_lines(lines: Sequence[str]) -> tuple[list[str], list[int]]:
    """The lines with each over-long one cut into pieces, and for each piece its 0-based input line."""
    limit = _limits().max_line
    pieces: list[str] = []
    origin: list[int] = []
    for i, line in enumerate(lines):
        parts = split_line(line) if len(line) > limit else [line]
        pieces.extend(parts)
        origin.extend([i] * len(parts))
    return pieces, origin


def split_line(line: str) -> list[str]:
    """One line cut at sentence ends into pieces of about ``paragraph_chars`` (linear in its length)."""
    lim = _limits()
    pieces: list[str] = []
    start = 0
    quotes = _QuoteBalance(lim.quote_pairs)
    for m in lim.sentence_end.finditer(line):
        while m.start() - start > lim.hard_max:
            start = _hard_cut(line, start, pieces)
            quotes.reset(start)
        cut = m.end()
        if cut - start < lim.paragraph or _after_abbreviation(line, start, m.start()):
            continue
        if not quotes.closed(line, cut):
            continue
        pieces.append(line[start:cut].strip())
        start = cut
        quotes.reset(start)
    while len(line) - start > lim.hard_max:
        start = _hard_cut(line, start, pieces)
    pieces.append(line[start:].strip())
    return [p for p in pieces if p]


def _hard_cut(line: str, start: int, pieces: list[str]) -> int:
    """No sentence end for ``hard_max_chars``: cut at the last space before it (or right there)."""
    end = start + _limits().hard_max
    space = line.rfind(" ", start + 1, end)
    cut = space if space > start else end
    pieces.append(line[start:cut].strip())
    return cut


def _after_abbreviation(line: str, start: int, stop: int) -> bool:
    """Is the full stop at ``stop`` the end of an abbreviation or an initial ("Mr.", "J.")?"""
    return line[stop] == "." and ends_with_abbreviation(line[max(start, stop - 16) : stop + 1])


class _QuoteBalance:
    """Open double quotes between the piece's start and a candidate cut, counted incrementally."""

    def __init__(self, pairs: tuple[tuple[str, str], ...]) -> None:
        self.pairs = pairs
        self.reset(0)

    def reset(self, pos: int) -> None:
        self.scanned = pos
        self.counts = [[0, 0] for _ in self.pairs]

    def closed(self, line: str, upto: int) -> bool:
        chunk = line[self.scanned : upto]
        self.scanned = max(self.scanned, upto)
        for (opening, closing), count in zip(self.pairs, self.counts):
            if opening == closing:
                count[0] += chunk.count(opening)
            else:
                count[0] += chunk.count(opening)
                count[1] += chunk.count(closing)
        return all((c[0] % 2 == 0) if o == cl else c[0] <= c[1] for (o, cl), c in zip(self.pairs, self.counts))


def clean_long_lines(lines: Sequence[str], *, meta: dict[str, Any] | None = None) -> CleanResult:
    """``clean_text_lines`` over the lines with over-long ones split; line numbers stay the input's."""
    pieces, origin = split_long_lines(lines)
    result = clean_text_lines(pieces, meta=meta)
    if len(pieces) == len(lines):
        return result
    return _numbered_as_input(result, origin)


def _numbered_as_input(result: CleanResult, origin: list[int]) -> CleanResult:
    removed = tuple(replace(r, line=origin[r.line - 1] + 1) for r in result.removed)
    block_lines = tuple(tuple(dict.fromkeys(origin[i - 1] + 1 for i in group)) for group in result.block_lines)
    return replace(result, removed=removed, block_lines=block_lines)
