"""Publication dates as printed on news pages -> ISO dates."""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from .rules import load_rules


@lru_cache(maxsize=1)
def _patterns() -> tuple[dict[str, int], list[tuple[re.Pattern[str], str]], re.Pattern[str]]:
    rules = load_rules()
    months: dict[str, int] = {str(k).lower(): int(v) for k, v in rules["months"].items()}
    mon = "|".join(sorted(months, key=len, reverse=True))
    day = r"(?P<d>[0-3]?\d)(?:st|nd|rd|th)?"
    year = r"(?P<y>(?:19|20)\d\d)"
    month = rf"(?P<m>{mon})\.?"
    pats = [
        (rf"\b{year}-(?P<mm>[01]?\d)-(?P<dd>[0-3]?\d)(?![\d])", "iso"),
        (rf"\b{year}/(?P<mm>[01]?\d)/(?P<dd>[0-3]?\d)\b", "iso"),
        (rf"\b{day}\s*(?:of\s+)?{month}(?![a-z]),?\s*{year}\b", "dmy"),
        (rf"\b{month}(?![a-z])\s*{day},?\s*{year}\b", "mdy"),
        (rf"(?<![\d/.]){day.replace('(?:st|nd|rd|th)?', '')}[/.](?P<n>[01]?\d)[/.]{year}\b", "numeric"),
    ]
    compiled = [(re.compile(p, re.IGNORECASE), kind) for p, kind in pats]
    words = sorted((str(w) for w in rules["dateline_words"] + rules["weekdays"]), key=len, reverse=True)
    filler = re.compile(
        r"\b(?:" + "|".join(re.escape(w) for w in words) + r")(?![\w])"
        r"|\b\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?"
        r"|[ap]\.m\.|[+-]\d{2}:?\d{2}\b|\bT\d{2}:\d{2}(?::\d{2})?(?:\.\d+)?Z?"
        r"|[\s,|:;/()\-–—•·.@]",
        re.IGNORECASE,
    )
    return months, compiled, filler


def _valid(y: int, m: int, d: int) -> str | None:
    try:
        return dt.date(y, m, d).isoformat()
    except ValueError:
        return None


def _convert(match: re.Match[str], kind: str, months: dict[str, int]) -> str | None:
    g = match.groupdict()
    y = int(g["y"])
    if kind == "iso":
        return _valid(y, int(g["mm"]), int(g["dd"]))
    if kind in ("dmy", "mdy"):
        return _valid(y, months[g["m"].lower()], int(g["d"]))
    a, b = int(g["d"]), int(g["n"])
    if a != b and a <= 12 and b <= 12:
        return None  # 03/04/2025: day-month order unknown
    if b > 12:
        a, b = b, a  # month/day/year
    return _valid(y, b, a)


def find_date(text: str) -> tuple[str, int, int] | None:
    """The first date in ``text``: (ISO date, start, end), or None."""
    months, pats, _ = _patterns()
    best: tuple[str, int, int] | None = None
    for pat, kind in pats:
        for m in pat.finditer(text):
            iso = _convert(m, kind, months)
            if iso and (best is None or m.start() < best[1]):
                best = (iso, m.start(), m.end())
                break
    return best


def parse_date(text: str) -> str | None:
    found = find_date(text)
    return found[0] if found else None


def dateline_date(line: str) -> str | None:
    """The ISO date when the whole line is a dateline ("Published: Sun, Nov. 16, 2025 10:30 IST")."""
    if len(line) > load_rules()["dateline_max_chars"]:
        return None
    found = find_date(line)
    if not found:
        return None
    iso, start, end = found
    _, _, filler = _patterns()
    rest = filler.sub("", line[:start] + " " + line[end:])
    return iso if not rest else None
