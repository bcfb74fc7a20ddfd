"""What the CLI, the API and the web page ask of the store (no SQL: only the Store interface)."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from itertools import product
from typing import Any, Generic, TypeVar

from ..actors import name_of
from ..model import AnnotatedArticle, Article, Event, Quote, Story
from ..store.base import EventFilter, Store
from ..store.serde import sort_key
from ..stories.brief import briefing, wording
from ..stories.brief import render as render_brief
from .guesses import is_guess, threshold
from .limits import MAX_EVENTS
from .records import iter_articles
from .timeline import country_named, matches
from .timeline import timeline as order_timeline

T = TypeVar("T")


@dataclass(frozen=True)
class Capped(Generic[T]):
    """An answer and whether the limit cut it (more matched than ``limit``; the first ``limit`` are here)."""

    items: list[T]
    capped: bool
    limit: int
    guesses_left_out: int = 0  # events coded below the confidence threshold, not in ``items``

    def note(self, what: str) -> str | None:
        """A one-line notice for the reader when the answer was cut or guesses were left out, else None."""
        notes = []
        if self.capped:
            notes.append(f"only the first {self.limit} {what} are shown; narrow the query (--actor, --since, --until)")
        if self.guesses_left_out:
            notes.append(
                f"{self.guesses_left_out} {what} coded below confidence {threshold():g} are left out as guesses;"
                " --all lists them"
            )
        return "note: " + "; ".join(notes) if notes else None


# ----------------------------------------------------------------------------- events, timelines


def actor_alternatives(flt: EventFilter) -> list[EventFilter]:
    """The store filters an EventFilter's actors stand for: each actor by the words of its name,
    and one that names a country ("Kenya") also by that country's code, which every actor of the
    country carries in the store's index ("Kenyan government" has no word "kenya")."""
    if not flt.actor:
        return [flt]
    options = []
    for name in (flt.actor, *flt.with_actors):
        code = country_named(name)
        options.append([name] if code is None or code.lower() == name.strip().lower() else [name, code])
    return [replace(flt, actor=combo[0], with_actors=tuple(combo[1:])) for combo in product(*options)]


R = TypeVar("R")


def _read_events(fetch: Callable[[EventFilter], list[R]], flt: EventFilter, date_id: Callable[[R], tuple]) -> list[R]:
    """``fetch`` (the store's events or event_records) over ``actor_alternatives``, merged in the
    store's order (date key, id) and cut to the filter's limit: each alternative's page starts
    after the same cursor, so the merged page is the page of their union."""
    alternatives = actor_alternatives(flt)
    if len(alternatives) == 1:
        return fetch(flt)
    rows: dict[str, R] = {}
    for alt in alternatives:
        for row in fetch(alt):
            rows.setdefault(date_id(row)[1], row)
    return sorted(rows.values(), key=lambda r: (sort_key(date_id(r)[0]), date_id(r)[1]))[: flt.limit]


def _event_key(e: Event) -> tuple[str | None, str]:
    return e.date, e.id


def _record_key(r: dict[str, Any]) -> tuple[str | None, str]:
    return r.get("date"), r["id"]


def events(store: Store, flt: EventFilter, guesses: bool = True) -> Capped[Event]:
    """Fused events matching ``flt``, at most MAX_EVENTS of them (without guesses unless ``guesses``)."""
    rows = _read_events(store.events, replace(flt, limit=MAX_EVENTS + 1), _event_key)
    capped = Capped(rows[:MAX_EVENTS], len(rows) > MAX_EVENTS, MAX_EVENTS)
    if guesses:
        return capped
    sure = [e for e in capped.items if not is_guess(e.confidence)]
    return replace(capped, items=sure, guesses_left_out=len(capped.items) - len(sure))


def page_events(store: Store, flt: EventFilter) -> tuple[list[Event], str | None]:
    """One page and the cursor of the next (None at the end)."""
    limit = flt.limit
    rows = _read_events(store.events, replace(flt, limit=limit + 1), _event_key)
    return rows[:limit], (rows[limit - 1].id if len(rows) > limit else None)


def page_event_records(store: Store, flt: EventFilter, guesses: bool = True) -> tuple[list[dict[str, Any]], str | None]:
    """``page_events`` with each event as its ``to_dict()`` (the API's page; no records built).
    Without ``guesses`` a page holds the confident events of its ``limit`` rows, so it may be shorter:
    the cursor still goes on from the last row read."""
    limit = flt.limit
    rows = _read_events(store.event_records, replace(flt, limit=limit + 1), _record_key)
    page = rows[:limit] if guesses else [r for r in rows[:limit] if not is_guess(r.get("confidence", 1.0))]
    return page, (rows[limit - 1]["id"] if len(rows) > limit else None)


def timeline(
    store: Store, actors: Sequence[str], since: str | None = None, until: str | None = None, guesses: bool = False
) -> Capped[Event]:
    """Dated events involving every given actor (between them, for a pair), oldest first, undated last.
    The store's indexed actor filter narrows to the events whose participants carry every word of
    every given actor (the intersection of their postings); the pair rule runs on those. Events
    coded below the events stage's confidence threshold are guesses: left out unless ``guesses``."""
    flt = EventFilter(actor=actors[0] if actors else None, with_actors=tuple(actors[1:]), since=since, until=until)
    candidates = events(store, flt)
    shown = [e for e in candidates.items if guesses or not is_guess(e.confidence)]
    return Capped(
        order_timeline(shown, list(actors)), candidates.capped, candidates.limit, len(candidates.items) - len(shown)
    )


def story_events(store: Store, story_id: str, guesses: bool = True) -> Capped[Event]:
    """A story's fused events, and how many guesses were left out (none with ``guesses``)."""
    return events(store, EventFilter(story_id=story_id), guesses)


# ----------------------------------------------------------------------------- articles, stories


def page_articles(store: Store, limit: int, after: str | None) -> tuple[list[Article], str | None]:
    rows = store.articles(limit=limit + 1, after=after)
    return rows[:limit], (rows[limit - 1].id if len(rows) > limit else None)


def page_stories(store: Store, limit: int, after: str | None) -> tuple[list[Story], str | None]:
    stories = store.stories(limit=limit + 1, after=after or None)
    return stories[:limit], (stories[limit - 1].id if len(stories) > limit else None)


def articles_by_id(store: Store, ids: Sequence[str]) -> list[Article]:
    """The stored articles of ``ids``, in that order (ids no longer stored are left out)."""
    return [a for a in (store.article(aid) for aid in ids) if a is not None]


def story_articles(store: Store, story: Story) -> list[Article]:
    articles = articles_by_id(store, story.article_ids)
    return sorted(articles, key=lambda a: (a.published or "9999", a.outlet or "", a.id))


def story_outlets(store: Store, story: Story, sample: int = 50) -> list[str]:
    """The outlets of a story's first ``sample`` articles, sorted (a list row, not the whole story)."""
    return sorted({a.outlet for a in articles_by_id(store, story.article_ids[:sample]) if a.outlet})


def actor_names(actor_ids: Sequence[str]) -> list[str]:
    """Names a reader knows for a story's actor ids: the knowledge base's name, or for an id the
    linker made from a name ("person:daniel-okoth") that name's words."""
    return [name_of(a) or a.partition(":")[2].replace("-", " ").title() for a in actor_ids]


def event_articles(store: Store, event: Event) -> list[Article]:
    """The articles that mention an event, then those that support or contradict one of its details."""
    ids = list(dict.fromkeys(m.article_id for m in event.mentions))
    ids += [aid for d in event.details for aid in d.supported_by + d.contradicted_by if aid not in ids]
    return articles_by_id(store, list(dict.fromkeys(ids)))


def annotations_of(store: Store, articles: Sequence[Article]) -> dict[str, AnnotatedArticle | None]:
    return {a.id: store.annotations(a.id) for a in articles}


def article_story(store: Store, article: Article) -> Story | None:
    return store.story(article.story_id) if article.story_id else None


def brief_content(store: Store, story: Story) -> dict[str, Any]:
    """The cited briefing of one story (its JSON form), from its stored articles, fused events and
    event mentions: the one read path of the CLI, the API and the web page."""
    articles = {a.id: a for a in story_articles(store, story)}
    mentions = [m for aid in articles for m in store.mentions(aid)]
    parsed = {aid: ann for aid in articles if (ann := store.annotations(aid)) is not None}
    return briefing(story, story_events(store, story.id).items, articles, mentions, parsed)


def brief(store: Store, story: Story, fmt: str) -> str:
    """The briefing as markdown (``md``) or JSON (``json``); HTML is the web package's rendering of
    ``brief_content`` (the read side never renders markup)."""
    return rendered_brief(brief_content(store, story), fmt)


def rendered_brief(content: dict[str, Any], fmt: str) -> str:
    """``brief_content`` as markdown (``md``) or JSON (``json``)."""
    return render_brief(content, fmt)


def brief_wording() -> dict[str, Any]:
    """The briefing's headings and phrases, for a renderer of ``brief_content``."""
    return wording()


# ----------------------------------------------------------------------------- quotes


def iter_quotes(store: Store, speaker: str | None = None) -> Iterator[dict[str, Any]]:
    """Every stored quote, article by article, as a flat record; with ``speaker`` only the quotes
    whose linked speaker matches it (the timeline's actor rule) or whose speaker words hold it."""
    for article in iter_articles(store):
        annotated = store.annotations(article.id) if article.duplicate_of is None else None
        for quote in annotated.quotes if annotated else ():
            if speaker is None or said_by(quote, speaker):
                yield quote_record(article, quote)


def said_by(quote: Quote, speaker: str) -> bool:
    if quote.speaker is not None and matches(quote.speaker, speaker):
        return True
    key = speaker.strip().casefold()
    return bool(key) and key in (quote.speaker_text or "").casefold()


def quote_record(article: Article, quote: Quote) -> dict[str, Any]:
    who = quote.speaker
    return {
        "article_id": article.id,
        "outlet": article.outlet,
        "published": article.published,
        "speaker": who.name if who else None,
        "speaker_id": who.actor_id if who else None,
        "speaker_country": who.country if who else None,
        "speaker_text": quote.speaker_text,
        "verb": quote.verb,
        "direct": quote.direct,
        "act": quote.act,
        "negated": quote.negated,
        "text": quote.text,
    }
