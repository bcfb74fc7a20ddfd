"""ISO dates at a precision (2025-11-15, 2025-W46, 2025-11, 2025-Q4, 2025, 202) as day ranges."""

from __future__ import annotations

from functools import lru_cache

from ..model import date_span

# a season (TIMEX3 2016-SU) is three months long, as a quarter
PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "quarter": 3, "season": 3, "year": 4, "decade": 5}


@lru_cache(maxsize=1 << 16)  # fusion compares every pair of a block's mentions: the same few dates
def day_range(value: str | None) -> tuple[int, int] | None:
    """First and last day (proleptic ordinals) covered by ``value``; None when unparseable."""
    span = date_span(value)
    return (span[0].toordinal(), span[1].toordinal()) if span else None


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
