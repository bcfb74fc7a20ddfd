"""Publication dates as given by records and feeds -> ISO ``YYYY-MM-DD``."""

from __future__ import annotations

import datetime as dt
import re
import time
from email.utils import parsedate_to_datetime

from dateutil import parser as dateparser

_ISO_DAY = re.compile(r"\s*(\d{4})-(\d{2})-(\d{2})(?:$|[T\s])")
_MIN_YEAR, _MAX_YEAR = 1900, 2100
# Two different defaults: a field dateutil had to fill in differs between the two parses.
_DEFAULTS = (dt.datetime(2001, 1, 1), dt.datetime(2002, 2, 2))


def iso_day(value: object) -> str | None:
    """The calendar day a date value names, or None when it names no single day."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, (int, float)):
        return _from_epoch(float(value))
    if isinstance(value, time.struct_time):
        return _checked(dt.date(*value[:3]))
    if not isinstance(value, str) or not value.strip() or len(value) > 100:
        return None
    return _from_text(value.strip())


def _from_text(text: str) -> str | None:
    match = _ISO_DAY.match(text)
    if match:
        return _from_parts(*(int(g) for g in match.groups()))
    if text.isdigit() and len(text) in (10, 13):
        return _from_epoch(float(text))
    try:
        return _checked(parsedate_to_datetime(text).date())
    except (TypeError, ValueError, IndexError, OverflowError):
        pass
    try:
        first, second = (dateparser.parse(text, default=d) for d in _DEFAULTS)
    except (ValueError, OverflowError, TypeError):
        return None
    if first is None or second is None or first.date() != second.date():
        return None
    return _checked(first.date())


def _from_parts(year: int, month: int, day: int) -> str | None:
    try:
        return _checked(dt.date(year, month, day))
    except ValueError:
        return None


def _from_epoch(seconds: float) -> str | None:
    if seconds > 1e11:  # milliseconds
        seconds /= 1000
    try:
        return _checked(dt.datetime.fromtimestamp(seconds, tz=dt.UTC).date())
    except (ValueError, OverflowError, OSError):
        return None


def _checked(day: dt.date) -> str | None:
    return day.isoformat() if _MIN_YEAR <= day.year <= _MAX_YEAR else None
