"""Quotation marks: the spans inside straight, curly or doubled-apostrophe quotes, paragraph by paragraph."""

from __future__ import annotations

import re
from collections.abc import Container

OPENERS = "“„«‹"
CLOSERS = "”»›"
DOUBLED_APOSTROPHE = re.compile(r"(?<!')''(?!')")
# A quotation opened with one kind of mark and closed with the other ('"It is over,” he said'),
# as copy edited in two tools often has: the opener after a space, the closer after a word.
MIXED = re.compile(r'(?:(?<=^)|(?<=[\s(—–-]))(?:"(?=\S)([^"\n“”]{5,}?)(?<=\S)”|“(?=\S)([^"\n“”]{5,}?)(?<=\S)")')


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Offsets of the text inside quotation marks. An unclosed curly quote runs to its paragraph end."""
    spans: list[tuple[int, int]] = []
    for p_start, p_end in _paragraphs(text):
        mixed = list(MIXED.finditer(text, p_start, p_end))
        used = {i for m in mixed for i in (m.start(), m.end() - 1)}
        spans.extend((m.start() + 1, m.end() - 1) for m in mixed)
        spans.extend(_curly(text, p_start, p_end, used))
        spans.extend(_straight(text, p_start, p_end, used))
    return sorted(s for s in spans if s[1] > s[0])


def _paragraphs(text: str) -> list[tuple[int, int]]:
    out, start = [], 0
    for m in re.finditer(r"\n", text):
        out.append((start, m.start()))
        start = m.end()
    out.append((start, len(text)))
    return out


def _curly(text: str, start: int, end: int, used: Container[int] = frozenset()) -> list[tuple[int, int]]:
    spans, open_at = [], None
    for i in range(start, end):
        ch = text[i]
        if i in used:
            continue
        if ch in OPENERS and not _misused_opener(text, i, end, open_at):
            if open_at is not None:
                spans.append((open_at, i))
            open_at = i + 1
        elif (ch in CLOSERS or ch in OPENERS) and open_at is not None:
            spans.append((open_at, i))
            open_at = None
    if open_at is not None and end - open_at > 20:
        spans.append((open_at, end))
    return spans


def _misused_opener(text: str, i: int, end: int, open_at: int | None) -> bool:
    """'“Apparently not,“ he said': an opening mark typed after a quotation's last word, before a
    space, closes the open quotation."""
    return open_at is not None and i > open_at and text[i - 1] in ",.!?" and (i + 1 >= end or text[i + 1].isspace())


def _straight(text: str, start: int, end: int, used: Container[int] = frozenset()) -> list[tuple[int, int]]:
    """Pairs of '"' marks, and pairs of "''" (two apostrophes: some wires' form of a quotation mark)."""
    marks = [i for i in range(start, end) if text[i] == '"' and i not in used]
    spans = [(a + 1, b) for a, b in zip(marks[::2], marks[1::2])]
    doubled = [m.start() for m in DOUBLED_APOSTROPHE.finditer(text, start, end)]
    return spans + [(a + 2, b) for a, b in zip(doubled[::2], doubled[1::2])]


def _trim_quote(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in " ,;:.":
        start += 1
    while end > start and text[end - 1] in " ,;:":
        end -= 1
    return start, end
