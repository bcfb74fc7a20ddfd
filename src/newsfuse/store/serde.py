"""Model records <-> JSON-ready dicts, for the stores (both SQLite and PostgreSQL use these)."""

from __future__ import annotations

import hashlib
import json
import re
import zlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from ..model import (
    Actor,
    ActorMention,
    ActorRef,
    AnnotatedArticle,
    Article,
    Block,
    DateMention,
    Detail,
    EmbeddedPost,
    Entity,
    Event,
    EventMention,
    MentionRef,
    Quote,
    RemovedLine,
    Sentence,
    Story,
    Token,
    date_span,
    field_names,
    to_plain,
)

# zlib level of a compressed doc (``packed_doc``), as the annotations: on the generated articles' docs it
# keeps 32.7 % of the bytes, level 9 as much, level 1 33.9 %
DOC_LEVEL = 6


@dataclass(frozen=True)
class EncodedAnalysis:
    """One article's annotations and event mentions encoded as every store writes them (``encode_analysis``):
    made where the article was analysed (a Dask worker), so that storing them encodes nothing again."""

    article_id: str
    annotations: bytes  # packed_annotations
    quotes: tuple[tuple[str, str], ...]  # (speaker, text) per quote, for the full-text index
    mentions: tuple[tuple[str, str, str], ...]  # (id, type, JSON) per mention, in article order


def dumps(obj: Any) -> str:
    return json.dumps(to_plain(obj), ensure_ascii=False, separators=(",", ":"))


# encoded mention refs and details kept: a fused block kept for the next fusion holds at most 1 << 15
# mentions (``BLOCK_KEPT`` in the pipeline), so the refs of one re-fused block fit; a few MB at most
PIECES_KEPT = 1 << 15
_PIECES: dict[MentionRef | Detail, str] = {}  # a mention ref or detail -> its JSON
# the same by object (id -> the object, its JSON): fusion hands a rebuilt event the refs it held, and
# hashing a ref's fields for the lookup above cost more than the rest of its encoding; an entry keeps
# its object alive, so its id names no other object while it is here
_PIECE_OF: dict[int, tuple[MentionRef | Detail, str]] = {}
_LISTED = frozenset({"mentions", "details"})  # the fields of an event whose items are encoded once per value


def dumps_event(event: Event) -> str:
    """``dumps(event)``, the same text, with each of its mention refs and details encoded once per value:
    an event that gains a mention is re-encoded with the refs it held read back, not encoded again
    (a watched story's big events gain a few mentions per file and were encoded whole each time)."""
    parts = []
    for name in field_names(Event):
        value = getattr(event, name)
        if name in _LISTED:
            text = "[" + ",".join(_pieces(value)) + "]"
        else:
            text = _dumps_plain(to_plain(value))
        parts.append(f'"{name}":{text}')
    return "{" + ",".join(parts) + "}"


def _pieces(items: Iterable[MentionRef | Detail]) -> list[str]:
    of = _PIECE_OF.get
    out = []
    for x in items:
        hit = of(id(x))
        out.append(hit[1] if hit is not None and hit[0] is x else _piece(x))
    return out


def _piece(item: MentionRef | Detail) -> str:
    found = _PIECES.get(item)
    if found is None:
        if len(_PIECES) >= PIECES_KEPT:
            _PIECES.clear()
        found = _PIECES[item] = _dumps_plain(item.to_dict())
    if len(_PIECE_OF) >= PIECES_KEPT:
        _PIECE_OF.clear()
    _PIECE_OF[id(item)] = (item, found)
    return found


def _dumps_plain(plain: Any) -> str:
    return json.dumps(plain, ensure_ascii=False, separators=(",", ":"))


def doc_digest(doc: str) -> str:
    """A stored doc's 128-bit digest: a fused event stored with the same digest has the same doc."""
    return hashlib.blake2b(doc.encode("utf-8"), digest_size=16).hexdigest()


def packed_doc(doc: str) -> bytes:
    """A JSON doc compressed for a store that keeps it so (SQLite: a row of an article, mention or
    event is a third to a half of its JSON's size, so fewer pages hold the store and each row)."""
    return zlib.compress(doc.encode("utf-8"), DOC_LEVEL)


def doc_text(value: str | bytes) -> str:
    """A stored doc's JSON, whether it was stored as text (PostgreSQL; SQLite before compressed
    docs) or compressed (``packed_doc``)."""
    return value if isinstance(value, str) else zlib.decompress(value).decode("utf-8")


def pack(obj: Any) -> bytes:
    """Compressed JSON, for bulky records (annotations)."""
    return _pack_plain(to_plain(obj))


def packed_annotations(a: AnnotatedArticle) -> bytes:
    """``pack(annotations_record(a))`` without a second pass over the record: its values are plain
    already (an article's token rows alone hold some ten thousand values)."""
    return _pack_plain(annotations_record(a))


def encode_analysis(annotated: AnnotatedArticle, mentions: Iterable[EventMention]) -> EncodedAnalysis:
    """What a store writes for an article's annotations and mentions (see ``EncodedAnalysis``)."""
    return EncodedAnalysis(
        annotated.article.id, packed_annotations(annotated), quote_rows(annotated), mention_rows(mentions)
    )


def quote_rows(annotated: AnnotatedArticle) -> tuple[tuple[str, str], ...]:
    """(speaker, text) of each quote, as the full-text index holds it."""
    return tuple(((q.speaker.name if q.speaker else None) or q.speaker_text or "", q.text) for q in annotated.quotes)


def mention_rows(mentions: Iterable[EventMention]) -> tuple[tuple[str, str, str], ...]:
    """(id, type, JSON) of each mention, in order."""
    return tuple((m.id, m.type, dumps(m)) for m in mentions)


def _pack_plain(plain: Any) -> bytes:
    return zlib.compress(json.dumps(plain, ensure_ascii=False, separators=(",", ":")).encode("utf-8"), 6)


def unpack(data: bytes) -> Any:
    return json.loads(zlib.decompress(data).decode("utf-8"))


def article_record(article: Article) -> dict[str, Any]:
    d = article.to_dict()
    d["input_sha256"] = article.input_sha256
    return d


def article_from(d: dict[str, Any]) -> Article:
    blocks = tuple(Block(b["kind"], b["text"]) for b in d.get("blocks", []))
    posts = []
    for p in d.get("embedded_posts", []):
        posts.append(
            EmbeddedPost(p.get("name"), p.get("handle"), p.get("date"), p.get("text", ""), tuple(p.get("urls", ())))
        )
    return Article(
        id=d["id"],
        source_path=d["source_path"],
        format=d["format"],
        title=d.get("title"),
        published=d.get("published"),
        outlet=d.get("outlet"),
        author=d.get("author"),
        blocks=blocks,
        removed=tuple(RemovedLine(r["line"], r["text"], r["reason"]) for r in d.get("removed", [])),
        embedded_posts=tuple(posts),
        url=d.get("url"),
        external_id=d.get("external_id"),
        language=d.get("language") or "en",
        input_sha256=d.get("input_sha256", ""),
        duplicate_of=d.get("duplicate_of"),
        story_id=d.get("story_id"),
    )


def ref_from(d: dict[str, Any] | None) -> ActorRef | None:
    if not d:
        return None
    return ActorRef(d.get("name", ""), d.get("country"), d.get("sector"), d.get("role"), d.get("actor_id"))


def refs_from(items: list[dict[str, Any]] | None) -> tuple[ActorRef, ...]:
    return tuple(r for r in (ref_from(x) for x in items or []) if r is not None)


def annotations_record(a: AnnotatedArticle) -> dict[str, Any]:
    return {
        "sentences": to_plain(a.sentences),
        "tokens": [list(_token_row(t)) for t in a.tokens],
        "entities": to_plain(a.entities),
        "dates": to_plain(a.dates),
        "quotes": to_plain(a.quotes),
        "actors": to_plain(a.actors),
        "analysed_chars": a.analysed_chars,
    }


def _token_row(t: Token) -> tuple:
    return (t.i, t.start, t.end, t.text, t.lemma, t.pos, t.tag, t.dep, t.head, t.sent, t.ent_type, t.ent_iob)


def annotations_from(article: Article, d: dict[str, Any]) -> AnnotatedArticle:
    return AnnotatedArticle(
        article=article,
        sentences=tuple(Sentence(**s) for s in d.get("sentences", [])),
        tokens=tuple(Token(*row) for row in d.get("tokens", [])),
        entities=tuple(Entity(**e) for e in d.get("entities", [])),
        dates=tuple(DateMention(**x) for x in d.get("dates", [])),
        quotes=tuple(
            Quote(
                ref_from(q.get("speaker")),
                q.get("speaker_text"),
                q.get("verb"),
                q["text"],
                q["start"],
                q["end"],
                q["direct"],
                q.get("sentence", -1),
                q.get("act", False),
                q.get("negated", False),  # rows stored before negated cues were marked have none
            )
            for q in d.get("quotes", [])
        ),
        actors=tuple(
            ActorMention(
                m["text"],
                m["start"],
                m["end"],
                ref_from(m["actor"]) or ActorRef(m["text"]),
                m.get("source", "kb"),
                m.get("bare", False),  # rows stored before bare mentions were kept have none
            )
            for m in d.get("actors", [])
        ),
        analysed_chars=d.get("analysed_chars"),
    )


def mention_from(d: dict[str, Any]) -> EventMention:
    return EventMention(
        id=d["id"],
        article_id=d["article_id"],
        type=d["type"],
        mode=d.get("mode"),
        cameo=d.get("cameo"),
        source_actors=refs_from(d.get("source_actors")),
        target_actors=refs_from(d.get("target_actors")),
        date=d.get("date"),
        date_precision=d.get("date_precision"),
        status=d.get("status", "occurred"),
        topics=tuple(d.get("topics", ())),
        sentence=d.get("sentence", ""),
        start=d.get("start", 0),
        end=d.get("end", 0),
        sentence_index=d.get("sentence_index", -1),
        trigger=d.get("trigger"),
        location=d.get("location"),
        initiator=ref_from(d.get("initiator")),
        reporting_source=d.get("reporting_source"),
        quotes=tuple(d.get("quotes", ())),
        symmetric=bool(d.get("symmetric", False)),
        numbers=dict(d.get("numbers") or {}),
        confidence=float(d.get("confidence", 1.0)),
        rule=d.get("rule"),
        date_implied=bool(d.get("date_implied", False)),
        published=d.get("published"),
    )


def event_from(d: dict[str, Any]) -> Event:
    return Event(
        id=d["id"],
        type=d["type"],
        mode=d.get("mode"),
        cameo=d.get("cameo"),
        date=d.get("date"),
        date_precision=d.get("date_precision"),
        source_actors=refs_from(d.get("source_actors")),
        target_actors=refs_from(d.get("target_actors")),
        location=d.get("location"),
        topics=tuple(d.get("topics", ())),
        status=d.get("status", "occurred"),
        details=tuple(
            Detail(
                x["field"],
                x["value"],
                tuple(x.get("supported_by", ())),
                tuple(x.get("contradicted_by", ())),
                bool(x.get("single_source", False)),
                tuple(x.get("variants", ())),
            )
            for x in d.get("details", [])
        ),
        mentions=tuple(
            MentionRef(
                m["mention_id"],
                m["article_id"],
                m.get("outlet"),
                m.get("sentence", ""),
                m.get("start", 0),
                m.get("end", 0),
            )
            for m in d.get("mentions", [])
        ),
        story_id=d.get("story_id"),
        date_implied=bool(d.get("date_implied", False)),
        confidence=float(d.get("confidence", 1.0)),
    )


def ref_plain(d: dict[str, Any]) -> dict[str, Any]:
    """``ref_from(d).to_dict()``, without building the record."""
    return {
        "name": d.get("name", ""),
        "country": d.get("country"),
        "sector": d.get("sector"),
        "role": d.get("role"),
        "actor_id": d.get("actor_id"),
    }


def event_plain(d: dict[str, Any]) -> dict[str, Any]:
    """``event_from(d).to_dict()`` (an event as the API and ``--json`` give it), straight from its
    stored dict: a page of fused events is answered without building and walking dataclasses
    (4.5 -> 2 ms for 50 events). Tests hold it equal to the round trip, old rows included."""
    return {
        "id": d["id"],
        "type": d["type"],
        "mode": d.get("mode"),
        "cameo": d.get("cameo"),
        "date": d.get("date"),
        "date_precision": d.get("date_precision"),
        "source_actors": [ref_plain(x) for x in d.get("source_actors") or () if x],
        "target_actors": [ref_plain(x) for x in d.get("target_actors") or () if x],
        "location": d.get("location"),
        "topics": list(d.get("topics", ())),
        "status": d.get("status", "occurred"),
        "details": [
            {
                "field": x["field"],
                "value": x["value"],
                "supported_by": list(x.get("supported_by", ())),
                "contradicted_by": list(x.get("contradicted_by", ())),
                "single_source": bool(x.get("single_source", False)),
                "variants": list(x.get("variants", ())),
            }
            for x in d.get("details", ())
        ],
        "mentions": [
            {
                "mention_id": m["mention_id"],
                "article_id": m["article_id"],
                "outlet": m.get("outlet"),
                "sentence": m.get("sentence", ""),
                "start": m.get("start", 0),
                "end": m.get("end", 0),
            }
            for m in d.get("mentions", ())
        ],
        "story_id": d.get("story_id"),
        "date_implied": bool(d.get("date_implied", False)),
        "confidence": float(d.get("confidence", 1.0)),
    }


def story_doc(story: Story) -> str:
    """A story record as the ``stories`` table keeps it: without article ids when it has none (its
    articles are listed from the articles table, by their places in the story)."""
    plain = to_plain(story)
    if not story.article_ids:
        del plain["article_ids"]
    return json.dumps(plain, ensure_ascii=False, separators=(",", ":"))


def story_from(d: dict[str, Any]) -> Story:
    return Story(
        d["id"],
        d.get("title", ""),
        tuple(d.get("article_ids", ())),
        d.get("first_published"),
        d.get("last_published"),
        tuple(d.get("actors", ())),
    )


def actor_from(d: dict[str, Any]) -> Actor:
    return Actor(
        d["id"],
        d["name"],
        d.get("kind", ""),
        d.get("country"),
        d.get("sector"),
        d.get("role"),
        tuple(d.get("aliases", ())),
        d.get("start"),
        d.get("end"),
    )


def event_actor_rows(event: Event) -> list[tuple[str, str, str | None, str | None]]:
    """(side, name, country, actor_id) per participant, for actor filters."""
    rows = [("source", a.name, a.country, a.actor_id) for a in event.source_actors]
    rows += [("target", a.name, a.country, a.actor_id) for a in event.target_actors]
    return rows


def actor_terms(event: Event) -> set[str]:
    """Lower-case words of participant names, plus country codes and actor ids: the actor filter's index."""
    terms: set[str] = set()
    for a in (*event.source_actors, *event.target_actors):
        terms.update(w for w in re.findall(r"\w+", a.name.lower()) if w)
        if a.country:
            terms.add(a.country.lower())
        if a.actor_id:
            terms.add(a.actor_id.lower())
    return terms


def query_terms(actor: str) -> list[str]:
    """What an actor filter asks for: an actor id as a whole, else every word of the name."""
    actor = actor.strip().lower()
    if ":" in actor:
        return [actor]
    return sorted(set(re.findall(r"\w+", actor)))


def sort_key(date: str | None) -> str:
    """A key that sorts dates of any precision in time order: each by the first day it covers
    (a week by its Monday, a quarter by its first month); undated last."""
    if not date:
        return "9999"
    span = date_span(date)
    return span[0].isoformat() if span else date


def actor_filter_terms(flt: Any) -> list[str] | None:
    """Every word of every actor an EventFilter names (its actor, then ``with_actors``), sorted;
    None when the filter names an actor with no word (it can match nothing); [] for no actor."""
    if not flt.actor:
        return []
    names = (flt.actor, *flt.with_actors)
    if not all(query_terms(name) for name in names):
        return None
    return sorted({t for name in names for t in query_terms(name)})


def event_query(flt: Any, ph: str, terms: Sequence[str] | None = None) -> tuple[str, list] | None:
    """SELECT for the fused events matching an EventFilter, with ``ph`` as the driver's placeholder
    ("?" for SQLite, "%s" for psycopg). None when the filter can match nothing.

    With an actor filter the events are read from the postings of its terms (``terms``: those of
    ``actor_filter_terms``, rarest first when the caller knows; the first drives): its postings are
    walked in (sort_key, event_id) order within the date range, each is kept when every other term
    holds a posting for the same event (one primary-key lookup each), and the walk stops at the
    limit: no temporary table, no sort, however many events the actor has."""
    if terms is None:
        terms = actor_filter_terms(flt)
    if terms is None or (flt.actor and not terms):
        return None
    where: list[str] = []
    params: list = []
    if terms:
        # SQLite keeps the FROM order of a CROSS JOIN (the driving postings outermost);
        # PostgreSQL plans it as any inner join
        source = " CROSS JOIN ".join(f"event_terms t{i}" for i in range(len(terms)))
        source += " CROSS JOIN events e"
        where.append(f"t0.term = {ph}")
        params.append(terms[0])
        for i, term in enumerate(terms[1:], start=1):
            where.append(f"t{i}.term = {ph} AND t{i}.sort_key = t0.sort_key AND t{i}.event_id = t0.event_id")
            params.append(term)
        where.append("e.id = t0.event_id")
        key, order = "t0.sort_key", "(t0.sort_key, t0.event_id)"
    else:
        source, key, order = "events e", "e.sort_key", "(e.sort_key, e.id)"
    if flt.type:
        where.append(f"e.type = {ph}")
        params.append(flt.type.upper())
    if flt.since or flt.until:
        where.append("e.date IS NOT NULL")
    if flt.since:
        where.append(f"{key} >= {ph}")
        params.append(flt.since)
    if flt.until:
        # a coarse date ("2025-11", a week's Monday) counts when its key is within the range
        where.append(f"{key} < {ph}")
        params.append(flt.until + "\uffff")
    if flt.story_id:
        where.append(f"e.story_id = {ph}")
        params.append(flt.story_id)
    if flt.after:
        where.append(f"{order} > (SELECT sort_key, id FROM events WHERE id = {ph})")
        params.append(flt.after)
    sql = "SELECT e.doc FROM " + source
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += f" ORDER BY {order[1:-1]} LIMIT {ph}"
    params.append(int(flt.limit))
    return sql, params


def event_table_rows(
    events: Iterable[Event],
    encoded: Callable[[Event], tuple[str, str]],
    stored: Callable[[str], str | bytes],
) -> tuple[list[tuple], list[tuple], list[tuple]]:
    """Rows of the events (with each doc's ``doc_digest`` and its ``event_terms`` keys' terms as
    ``dumps_terms``), event_actors and event_terms tables for a set of fused events; ``encoded`` gives
    an event's (doc, digest) (a store's cache of them), ``stored`` the form its row keeps the doc in."""
    event_rows, actor_rows, term_rows = [], [], []
    for e in events:
        (doc, digest), terms = encoded(e), sorted(actor_terms(e))
        event_rows.append((e.id, e.type, e.date, sort_key(e.date), e.story_id, stored(doc), digest, dumps_terms(terms)))
        actor_rows += [(e.id, *row) for row in event_actor_rows(e)]
        term_rows += [(t, sort_key(e.date), e.id) for t in terms]
    return event_rows, actor_rows, term_rows


def dumps_terms(terms: Sequence[str]) -> str:
    """An event row's ``terms``: the terms of its ``event_terms`` rows, so that its rows are found from
    the event's own row (which a rewrite or a delete reads anyway), not from an index by event id."""
    return json.dumps(list(terms), ensure_ascii=False, separators=(",", ":"))


def event_term_rows(event_id: str, sort_key_: str, terms: str | None) -> list[tuple[str, str, str]]:
    """The ``event_terms`` keys of a stored event row (its id, sort_key and ``terms``)."""
    return [(t, sort_key_, event_id) for t in json.loads(terms or "[]")]
