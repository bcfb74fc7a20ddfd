"""Records from the store, read page by page, and their flat (one row per record) form.

The records come from the read side (``newsfuse.tell.records``). Flat rows are what CSV and
Parquet hold: scalars, and lists of strings for the list columns
(a CSV cell holds the list as a JSON array). JSONL keeps the full nested records of DESIGN.md.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from ..model import ActorRef, Article, Event, EventMention
from ..store.base import Store
from ..tell.records import iter_articles, iter_events, iter_mentions

# column name -> kind ("str", "int", "float", "list"); the order is the file's column order
ARTICLE_COLUMNS: dict[str, str] = {
    "id": "str",
    "source_path": "str",
    "format": "str",
    "url": "str",
    "external_id": "str",
    "title": "str",
    "published": "str",
    "outlet": "str",
    "author": "str",
    "dateline": "str",
    "language": "str",
    "duplicate_of": "str",
    "story_id": "str",
    "headings": "list",
    "n_removed": "int",
    "n_embedded_posts": "int",
    "text": "str",
}
EVENT_COLUMNS: dict[str, str] = {
    "id": "str",
    "type": "str",
    "mode": "str",
    "cameo": "str",
    "date": "str",
    "date_precision": "str",
    "source_actors": "list",
    "source_countries": "list",
    "source_sectors": "list",
    "target_actors": "list",
    "target_countries": "list",
    "target_sectors": "list",
    "location": "str",
    "topics": "list",
    "status": "str",
    "num_mentions": "int",
    "num_sources": "int",
    "article_ids": "list",
    "contradicted_details": "int",
    "single_source_details": "int",
    "story_id": "str",
}
MENTION_COLUMNS: dict[str, str] = {
    "id": "str",
    "article_id": "str",
    "type": "str",
    "mode": "str",
    "cameo": "str",
    "source_actors": "list",
    "target_actors": "list",
    "date": "str",
    "date_precision": "str",
    "status": "str",
    "topics": "list",
    "location": "str",
    "trigger": "str",
    "sentence": "str",
    "start": "int",
    "end": "int",
    "confidence": "float",
}
COLUMNS = {"articles": ARTICLE_COLUMNS, "events": EVENT_COLUMNS, "mentions": MENTION_COLUMNS}


def _names(refs: tuple[ActorRef, ...], attr: str = "name") -> list[str]:
    return [getattr(r, attr) or "" for r in refs]


def article_row(a: Article) -> dict[str, Any]:
    return {
        "id": a.id,
        "source_path": a.source_path,
        "format": a.format,
        "url": a.url,
        "external_id": a.external_id,
        "title": a.title,
        "published": a.published,
        "outlet": a.outlet,
        "author": a.author,
        "dateline": a.dateline,
        "language": a.language,
        "duplicate_of": a.duplicate_of,
        "story_id": a.story_id,
        "headings": list(a.headings),
        "n_removed": len(a.removed),
        "n_embedded_posts": len(a.embedded_posts),
        "text": a.text,
    }


def event_row(e: Event) -> dict[str, Any]:
    articles = list(dict.fromkeys(m.article_id for m in e.mentions))
    outlets = {m.outlet or m.article_id for m in e.mentions}
    return {
        "id": e.id,
        "type": e.type,
        "mode": e.mode,
        "cameo": e.cameo,
        "date": e.date,
        "date_precision": e.date_precision,
        "source_actors": _names(e.source_actors),
        "source_countries": _names(e.source_actors, "country"),
        "source_sectors": _names(e.source_actors, "sector"),
        "target_actors": _names(e.target_actors),
        "target_countries": _names(e.target_actors, "country"),
        "target_sectors": _names(e.target_actors, "sector"),
        "location": e.location,
        "topics": list(e.topics),
        "status": e.status,
        "num_mentions": len(e.mentions),
        "num_sources": len(outlets),
        "article_ids": articles,
        "contradicted_details": sum(1 for d in e.details if d.contradicted_by),
        "single_source_details": sum(1 for d in e.details if d.single_source),
        "story_id": e.story_id,
    }


def mention_row(m: EventMention) -> dict[str, Any]:
    return {
        "id": m.id,
        "article_id": m.article_id,
        "type": m.type,
        "mode": m.mode,
        "cameo": m.cameo,
        "source_actors": _names(m.source_actors),
        "target_actors": _names(m.target_actors),
        "date": m.date,
        "date_precision": m.date_precision,
        "status": m.status,
        "topics": list(m.topics),
        "location": m.location,
        "trigger": m.trigger,
        "sentence": m.sentence,
        "start": m.start,
        "end": m.end,
        "confidence": m.confidence,
    }


def records(store: Store, what: str) -> Iterator[Any]:
    """The model records of one table, in store order."""
    readers: dict[str, Callable[[Store], Iterator[Any]]] = {
        "articles": iter_articles,
        "events": iter_events,
        "mentions": iter_mentions,
    }
    return readers[what](store)


def flat_rows(store: Store, what: str) -> Iterator[dict[str, Any]]:
    flatten: dict[str, Callable[[Any], dict[str, Any]]] = {
        "articles": article_row,
        "events": event_row,
        "mentions": mention_row,
    }
    fn = flatten[what]
    return (fn(r) for r in records(store, what))
