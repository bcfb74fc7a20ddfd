"""ISO dates at a precision (2025-11-15, 2025-W46, 2025-11, 2025-Q4, 2025, 202) as day ranges."""

from __future__ import annotations

import re
from datetime import date, timedelta

PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "quarter": 3, "year": 4, "decade": 5}


def day_range(value: str | None) -> tuple[int, int] | None:
    """First and last day (proleptic ordinals) covered by ``value``; None when unparseable."""
    if not value:
        return None
    try:
        return _range(value.strip())
    except ValueError:
        return None


def _range(v: str) -> tuple[int, int] | None:
    if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", v[:10]) if len(v) >= 10 else None:
        d = date(int(m[1]), int(m[2]), int(m[3])).toordinal()
        return d, d
    if m := re.fullmatch(r"(\d{4})-W(\d{2})", v):
        start = date.fromisocalendar(int(m[1]), int(m[2]), 1).toordinal()
        return start, start + 6
    if m := re.fullmatch(r"(\d{4})-(\d{2})", v):
        y, mo = int(m[1]), int(m[2])
        nxt = date(y + (mo == 12), mo % 12 + 1, 1)
        return date(y, mo, 1).toordinal(), nxt.toordinal() - 1
    if m := re.fullmatch(r"(\d{4})-Q([1-4])", v):
        y, q = int(m[1]), int(m[2])
        end = date(y + (q == 4), (q * 3) % 12 + 1, 1) - timedelta(days=1)
        return date(y, q * 3 - 2, 1).toordinal(), end.toordinal()
    if m := re.fullmatch(r"(\d{4})", v):
        return date(int(m[1]), 1, 1).toordinal(), date(int(m[1]), 12, 31).toordinal()
    if m := re.fullmatch(r"(\d{3})", v):
        return date(int(m[1]) * 10, 1, 1).toordinal(), date(int(m[1]) * 10 + 9, 12, 31).toordinal()
    return None


def overlap(a: str | None, b: str | None) -> bool:
    ra, rb = day_range(a), day_range(b)
    return ra is None or rb is None or (ra[0] <= rb[1] and rb[0] <= ra[1])


def gap_days(a: str | None, b: str | None) -> int | None:
    """Days between the two ranges (0 when they overlap); None when either is unknown."""
    ra, rb = day_range(a), day_range(b)
    if ra is None or rb is None:
        return None
    return max(ra[0] - rb[1], rb[0] - ra[1], 0)


def rank(precision: str | None) -> int:
    return PRECISION_RANK.get(precision or "", 9)
