"""Every record of one table, read from the store page by page (exports and the actor list)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from ..model import Article, Event, EventMention
from ..store.base import EventFilter, Store

PAGE = 1000


def iter_articles(store: Store) -> Iterator[Article]:
    after: str | None = None
    while True:
        page = store.articles(limit=PAGE, after=after)
        yield from page
        if len(page) < PAGE:
            return
        after = page[-1].id


def iter_events(store: Store, flt: EventFilter | None = None) -> Iterator[Event]:
    base = flt or EventFilter()
    after: str | None = None
    while True:
        page = store.events(replace(base, limit=PAGE, after=after))
        yield from page
        if len(page) < PAGE:
            return
        after = page[-1].id


def iter_mentions(store: Store) -> Iterator[EventMention]:
    yield from store.mentions()
