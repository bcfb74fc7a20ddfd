"""Read-side helpers shared by the JSON API and the web pages (no SQL: only the Store interface)."""

from __future__ import annotations

import threading
import time
from collections import Counter
from typing import Any

from ..export.rows import iter_events
from ..model import Article, Event, Story
from ..store.base import EventFilter, Store
from ..stories import brief as make_brief
from ..stories import timeline as make_timeline

MAX_TIMELINE = 5000
ACTOR_CACHE_SECONDS = 30.0


def page_events(store: Store, flt: EventFilter) -> tuple[list[Event], str | None]:
    """One page and the cursor of the next (None at the end)."""
    limit = flt.limit
    rows = store.events(EventFilter(flt.actor, flt.type, flt.since, flt.until, flt.story_id, limit + 1, flt.after))
    return rows[:limit], (rows[limit - 1].id if len(rows) > limit else None)


def page_articles(store: Store, limit: int, after: str | None) -> tuple[list[Article], str | None]:
    rows = store.articles(limit=limit + 1, after=after)
    return rows[:limit], (rows[limit - 1].id if len(rows) > limit else None)


def page_stories(store: Store, limit: int, after: str | None) -> tuple[list[Story], str | None]:
    stories = sorted(store.stories(), key=lambda s: s.id)
    if after:
        stories = [s for s in stories if s.id > after]
    return stories[:limit], (stories[limit - 1].id if len(stories) > limit else None)


def story_articles(store: Store, story: Story) -> list[Article]:
    found = [store.article(aid) for aid in story.article_ids]
    articles = [a for a in found if a is not None]
    return sorted(articles, key=lambda a: (a.published or "9999", a.outlet or "", a.id))


def story_events(store: Store, story_id: str) -> list[Event]:
    return store.events(EventFilter(story_id=story_id, limit=100_000))


def brief(store: Store, story: Story, fmt: str) -> str:
    """The cited briefing of one story, from its stored articles, fused events and event mentions:
    the one read path of the CLI, the API and the web page."""
    articles = {a.id: a for a in story_articles(store, story)}
    mentions = [m for aid in articles for m in store.mentions(aid)]
    parsed = {aid: ann for aid in articles if (ann := store.annotations(aid)) is not None}
    return make_brief(story, story_events(store, story.id), articles, fmt, mentions, parsed)


def timeline(store: Store, actors: list[str]) -> list[Event]:
    """Dated events involving every given actor, oldest first (the stories stage's rule of who is involved)."""
    first = actors[0] if actors else None
    candidates = store.events(EventFilter(actor=first, limit=MAX_TIMELINE))
    return list(make_timeline(candidates, list(actors)))


class ActorIndex:
    """Actors seen on fused events, with counts; rebuilt at most every ACTOR_CACHE_SECONDS."""

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
                self._items = _collect_actors(store)
                self._at = time.monotonic()
            return self._items


def _collect_actors(store: Store) -> list[dict[str, Any]]:
    info: dict[str, dict[str, Any]] = {}
    counts: Counter[str] = Counter()
    sides: dict[str, Counter[str]] = {}
    for e in iter_events(store):
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
