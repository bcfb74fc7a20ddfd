"""Actors seen on fused events, with their country, sector, role and counts (API and CLI alike)."""

from __future__ import annotations

import threading
import time
from collections import Counter
from typing import Any

from ..store.base import Store
from .guesses import is_guess
from .limits import ACTOR_CACHE_SECONDS
from .records import iter_events


def collect_actors(store: Store) -> list[dict[str, Any]]:
    """Every actor on a fused event that is no guess, most events first: id, name, country, sector,
    role, counts (as the event listing shows them)."""
    info: dict[str, dict[str, Any]] = {}
    counts: Counter[str] = Counter()
    sides: dict[str, Counter[str]] = {}
    for e in iter_events(store):
        if is_guess(e.confidence):
            continue
        for side, refs in (("source", e.source_actors), ("target", e.target_actors)):
            for ref in refs:
                key = ref.actor_id or ref.name.casefold()
                info.setdefault(
                    key,
                    {
                        "actor_id": ref.actor_id,
                        "name": ref.name,
                        "country": ref.country,
                        "sector": ref.sector,
                        "role": ref.role,
                    },
                )
                counts[key] += 1
                sides.setdefault(key, Counter())[side] += 1
    return [
        {**info[k], "events": n, "as_source": sides[k]["source"], "as_target": sides[k]["target"]}
        for k, n in counts.most_common()
    ]


def filter_actors(items: list[dict[str, Any]], query: str | None) -> list[dict[str, Any]]:
    """Those whose name holds ``query`` (any case) or whose country code is it."""
    if not query:
        return items
    key = query.casefold()
    return [a for a in items if key in a["name"].casefold() or key == (a["country"] or "").casefold()]


class ActorIndex:
    """The actor list, read again at most every ACTOR_CACHE_SECONDS (the API serves it often)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._at = 0.0
        self._items: list[dict[str, Any]] = []

    def invalidate(self) -> None:
        with self._lock:
            self._at = 0.0

    def get(self, store: Store) -> list[dict[str, Any]]:
        with self._lock:
            if time.monotonic() - self._at > ACTOR_CACHE_SECONDS:
                self._items = collect_actors(store)
                self._at = time.monotonic()
            return self._items
