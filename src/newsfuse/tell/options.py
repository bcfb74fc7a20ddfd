"""Read options checked once for the CLI and the API: a bad one is a one-line error, never an empty answer."""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..model import date_span
from .limits import MAX_PAIR

ISO_DAY = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")


class BadOption(ValueError):
    """An option that cannot mean anything; the message names the option and says why."""


def checked_date(option: str, value: str | None) -> str | None:
    """``value`` as given when it is YYYY, YYYY-MM or YYYY-MM-DD naming a real day or month."""
    if value is None:
        return None
    if not ISO_DAY.fullmatch(value) or date_span(value) is None:
        raise BadOption(f"{option}: {value!r} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)")
    return value


def checked_range(since: str | None, until: str | None, prefix: str = "--") -> tuple[str | None, str | None]:
    """``since`` and ``until`` (inclusive) checked; ``prefix`` is how the caller names options."""
    since, until = checked_date(f"{prefix}since", since), checked_date(f"{prefix}until", until)
    if since and until and since[: len(until)] > until:
        raise BadOption(f"{prefix}since: {since!r} is after {prefix}until {until!r}")
    return since, until


def checked_actors(option: str, values: Iterable[str]) -> list[str]:
    """One actor, or a pair; a blank name would match nothing and is refused."""
    actors = [v.strip() for v in values]
    if any(not a for a in actors):
        raise BadOption(f"{option}: an actor name, id or country code may not be blank")
    if len(actors) > MAX_PAIR:
        raise BadOption(f"{option}: at most {MAX_PAIR} actors (one, or a pair), got {len(actors)}")
    return actors
