"""Timelines: fused events of one actor, or between several, oldest first, undated last."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from ..actors import resolve
from ..model import ActorRef, Event
from ..stories import dates as D


@lru_cache(maxsize=1024)
def country_named(query: str) -> str | None:
    """The country code of a query that names a country or its people ("Kenya", "Kenyan", "US"),
    else None. Such a query also stands for every actor of that country: a timeline of Kenya holds
    the Kenyan government's events, whose names lack the word "Kenya"."""
    q = query.strip()
    if not q or ":" in q:
        return None
    actor = resolve(q)
    return actor.country if actor is not None and actor.kind == "state" else None


def matches(actor: ActorRef, query: str) -> bool:
    """An actor matches by name (case-insensitive substring), actor id, country code, or the
    country a query names (``country_named``)."""
    q = query.strip().lower()
    if not q:
        return False
    country = (actor.country or "").lower()
    return (
        q in actor.name.lower()
        or (actor.actor_id or "").lower() == q
        or (len(q) == 3 and country == q)
        or (bool(country) and country == (country_named(query) or "").lower())
    )


def involves(event: Event, query: str) -> bool:
    """The one rule of who an event involves: some source or target actor matches ``query``."""
    return any(matches(a, query) for a in event.source_actors + event.target_actors)


def timeline(events: Sequence[Event], actors: Sequence[str]) -> list[Event]:
    chosen = [e for e in events if all(involves(e, q) for q in actors)]
    if len(actors) >= 2:  # between them: each named actor is a different participant
        chosen = [e for e in chosen if _distinct_participants(e, actors)]
    return sorted(chosen, key=_order)


def _distinct_participants(event: Event, queries: Sequence[str]) -> bool:
    people = event.source_actors + event.target_actors
    used: set[int] = set()
    for q in queries:
        hit = next((i for i, a in enumerate(people) if i not in used and matches(a, q)), None)
        if hit is None:
            return False
        used.add(hit)
    return True


def _order(event: Event) -> tuple[int, int, int, str]:
    span = D.day_range(event.date)
    if span is None:
        return (1, 0, 0, event.id)
    return (0, span[0], D.rank(event.date_precision), event.id)
