"""Publication dates as printed on news pages -> ISO dates."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any
from urllib.parse import urlsplit

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


def date_without_year(line: str) -> bool:
    """Is the whole line a month and a day with no year ("APR 28", "Tuesday, March 3")? A date a
    page prints above its headline: no title, and no date to give without the year."""
    months, _, filler = _patterns()
    mon = "|".join(sorted(months, key=len, reverse=True))
    found = re.search(rf"\b(?:(?:{mon})\s*\.?\s*[0-3]?\d|[0-3]?\d\s*(?:{mon}))\b", line, re.IGNORECASE)
    return found is not None and not filler.sub("", line[: found.start()] + " " + line[found.end() :])


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


@dataclass(frozen=True)
class WireDateline:
    """A wire-copy dateline at the start of a line: place, its date (ISO when it names the year,
    else month and day), and where the dateline ends in the line."""

    place: str
    iso: str | None
    month: int | None
    day: int | None
    end: int
    whole_line: bool  # the line is nothing but the dateline


def _ends_sentence(text: str) -> bool:
    layout = load_rules()["layout"]
    stripped = text.rstrip().rstrip(layout["closing"])
    return bool(stripped) and stripped[-1] in layout["sentence_end"]


@lru_cache(maxsize=1)
def _wire_pattern() -> re.Pattern[str]:
    """The wire dateline as written, or as a tokenizer spaces it ("OVERLAND , MO ( KTVI ) -",
    "INDIANAPOLIS , Ind. ( June 15 , 2014 ) —", "WILKES - BARRE , Pa. ( AP )")."""
    rules = load_rules()
    wire = rules["wire_dateline"]
    name = r"[A-Z][\w.'’-]*"
    capitals = r"[A-Z][A-Z.'’]+"
    more = wire["place_max_words"] - 1
    place = rf"(?P<place>{name}(?:[ ]{name}|[ ]-[ ]{capitals}(?=[ ,(]|$)){{0,{more}}})"
    region = rf"(?:[ ]?,[ ]?(?P<region>{name}(?:[ ]{name}){{0,{more}}}))"
    named = rf"(?P<agency>[A-Za-z][^()]{{0,{wire['agency_max_chars'] - 1}}}?)"
    agency = rf"\([ ]?(?:(?P<bdate>{_wire_date(rules, 'b')})|{named})[ ]?\)"
    seps = "|".join(re.escape(x) for x in sorted(wire["separators"], key=len, reverse=True))
    end = rf"(?:[ ]?(?P<sep>{seps})(?=[ ]|$)|(?<=\))[ ]*$)"  # a separator, or an agency closing the line
    return re.compile(rf"^{place}{region}??(?:[ ]?,[ ]?(?P<date>{_wire_date(rules, '')}))?(?:[ ]?{agency})?{end}")


def _wire_date(rules: Any, key: str) -> str:
    """A dateline's month and day, maybe its year ("August 7", "Aug 7, 2024", "June 15 , 2014"); groups named
    m, d, d2, m2, y after ``key``."""
    mon = "|".join(sorted((str(k) for k in rules["months"]), key=len, reverse=True))
    month_day = rf"(?P<m{key}>(?i:{mon}))\.?[ ]?(?P<d{key}>[0-3]?\d)(?!\d)"
    day_month = rf"(?P<d2{key}>[0-3]?\d)[ ](?P<m2{key}>(?i:{mon}))\.?"
    return rf"(?:{month_day}|{day_month})(?:[ ]?,?[ ]?(?P<y{key}>(?:19|20)\d\d))?"


def wire_dateline(line: str) -> WireDateline | None:
    """The wire dateline opening ``line`` ("NAIROBI, Kenya (AP) _ Police said ..."), or None."""
    m = _wire_pattern().match(line)
    wire = load_rules()["wire_dateline"]
    if not m or m.group("place").casefold() in wire["not_places"] + load_rules()["weekdays"]:
        return None  # "UPDATE:" is a label; "Sunday , November 27 -" a date with no place
    if m.group("place").split()[0].casefold() in wire["not_place_openers"]:
        return None  # "A FIRE - BOMB attack on a bank ...": a lead sentence in capitals
    rest = line[m.end() :].strip()
    key = "b" if m.group("bdate") else ""
    dated = m.group("date") or m.group("bdate")
    capitals = m.group("place").isupper() and len(m.group("place")) > 2
    if dated is None and m.group("agency") is None and not capitals:
        return None  # "Gaza: what we know" is a title; "WASHINGTON -" and "Geneva, March 3:" are datelines
    if m.group("sep") is None and rest:
        return None  # inline, a separator ends the dateline; alone, the agency does
    if m.group("sep") == ":" and dated is None and m.group("agency") is None and not _ends_sentence(rest):
        return None  # "NATO: Russia must withdraw" is a headline; "NEW DELHI: The cabinet met on Monday." a dateline
    months = _patterns()[0]
    month_word = m.group(f"m{key}") or m.group(f"m2{key}")
    month = months[month_word.lower()] if month_word else None
    day = int(m.group(f"d{key}") or m.group(f"d2{key}")) if month else None
    year = m.group(f"y{key}")
    iso = _valid(int(year), month, day) if month and day is not None and year else None
    place = m.group("place") + (f", {m.group('region')}" if m.group("region") else "")
    return WireDateline(place, iso, month, day, m.end(), not rest)


_URL_DATE = re.compile(r"/((?:19|20)\d\d)[/-](\d{1,2})[/-](\d{1,2})(?=[/-]|$)")


def date_in_url(url: str | None) -> str | None:
    """The date in an article address (``/2025/09/04/slug``): set when the article was published."""
    m = _URL_DATE.search(urlsplit(url).path) if url else None
    if not m:
        return None
    return _valid(int(m.group(1)), int(m.group(2)), int(m.group(3)))
