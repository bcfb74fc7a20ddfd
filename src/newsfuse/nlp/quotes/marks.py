"""Quotation marks: the spans inside straight, curly or doubled-apostrophe quotes, paragraph by paragraph."""

from __future__ import annotations

import re

OPENERS = "“„«‹"
CLOSERS = "”»›"
DOUBLED_APOSTROPHE = re.compile(r"(?<!')''(?!')")


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Offsets of the text inside quotation marks. An unclosed curly quote runs to its paragraph end."""
    spans: list[tuple[int, int]] = []
    for p_start, p_end in _paragraphs(text):
        spans.extend(_curly(text, p_start, p_end))
        spans.extend(_straight(text, p_start, p_end))
    return sorted(s for s in spans if s[1] > s[0])


def _paragraphs(text: str) -> list[tuple[int, int]]:
    out, start = [], 0
    for m in re.finditer(r"\n", text):
        out.append((start, m.start()))
        start = m.end()
    out.append((start, len(text)))
    return out


def _curly(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans, open_at = [], None
    for i in range(start, end):
        ch = text[i]
        if ch in OPENERS:
            if open_at is not None:
                spans.append((open_at, i))
            open_at = i + 1
        elif ch in CLOSERS and open_at is not None:
            spans.append((open_at, i))
            open_at = None
    if open_at is not None and end - open_at > 20:
        spans.append((open_at, end))
    return spans


def _straight(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Pairs of '"' marks, and pairs of "''" (two apostrophes: some wires' form of a quotation mark)."""
    marks = [i for i in range(start, end) if text[i] == '"']
    spans = [(a + 1, b) for a, b in zip(marks[::2], marks[1::2])]
    doubled = [m.start() for m in DOUBLED_APOSTROPHE.finditer(text, start, end)]
    return spans + [(a + 2, b) for a, b in zip(doubled[::2], doubled[1::2])]


def _trim_quote(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in " ,;:.":
        start += 1
    while end > start and text[end - 1] in " ,;:":
        end -= 1
    return start, end
