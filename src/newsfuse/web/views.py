"""View models for the pages: the outlets side by side, article text with sentence anchors,
the timeline chart. Pure functions over model objects; templates only lay them out."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from markupsafe import Markup, escape

from ..model import PLOVER_TYPES, AnnotatedArticle, Article, Detail, Event, Sentence, date_span
from ..text.yamlfile import load_yaml
from . import DATA_DIR


@lru_cache(maxsize=1)
def labels() -> dict[str, Any]:
    with (DATA_DIR / "labels.yaml").open(encoding="utf-8") as fh:
        return load_yaml(fh)


def field_label(name: str) -> str:
    data = labels()
    if name.startswith(data["numbers_prefix"]):
        return f"{data['numbers_label']}: {name[len(data['numbers_prefix']) :]}"
    return data["fields"].get(name, name.replace("_", " ").capitalize())


def quad_of(event_type: str) -> int:
    return int(labels()["plover_quad"].get((event_type or "").upper(), 1))


def safe_href(url: str | None) -> str | None:
    """Only web links become links; anything else (javascript:, data:) is shown as text."""
    return url if url and re.match(r"^https?://", url, flags=re.I) else None


# ----------------------------------------------------------------------------- side by side


@dataclass
class Column:
    article_id: str
    outlet: str
    title: str
    published: str | None


@dataclass
class Cell:
    state: str  # supports | contradicts | absent
    href: str | None = None
    sentence: str | None = None


@dataclass
class Row:
    label: str
    value: str
    cells: list[Cell]
    variants: tuple[str, ...] = ()
    single_source: bool = False
    contradicted: bool = False
    kind: str = "detail"  # detail | reported


@dataclass
class EventGroup:
    event: Event
    rows: list[Row] = field(default_factory=list)


def columns_of(articles: list[Article]) -> list[Column]:
    return [
        Column(a.id, a.outlet or a.source_path.rsplit("/", 1)[-1], a.title or "(untitled)", a.published)
        for a in articles
    ]


def comparison(
    events: list[Event], articles: list[Article], annotations: dict[str, AnnotatedArticle | None]
) -> list[EventGroup]:
    """Per event: a row saying which outlets report it, then one row per detail."""
    groups = []
    for event in sorted(events, key=lambda e: -len({m.article_id for m in e.mentions})):
        group = EventGroup(event)
        group.rows.append(_reported_row(event, articles, annotations))
        details = [_detail_row(event, d, articles, annotations) for d in event.details]
        group.rows += sorted(details, key=_row_order)
        groups.append(group)
    return groups


def _row_order(row: Row) -> tuple[int, int]:
    """Disagreements first, then what most outlets report, single-source details last."""
    support = sum(1 for c in row.cells if c.state == "supports")
    return (0 if row.contradicted else 1 if not row.single_source else 2, -support)


def _reported_row(event: Event, articles: list[Article], annotations: dict[str, AnnotatedArticle | None]) -> Row:
    cells = []
    for a in articles:
        ref = next((m for m in event.mentions if m.article_id == a.id), None)
        if ref is None:
            cells.append(Cell("absent"))
        else:
            start = _sentence_start(annotations.get(a.id), ref.start)
            cells.append(Cell("supports", sentence_href(a.id, start), ref.sentence))
    reporting = sum(1 for c in cells if c.state == "supports")
    return Row(
        "Reports the event",
        event.type + (f" / {event.mode}" if event.mode else ""),
        cells,
        single_source=reporting == 1,
        kind="reported",
    )


def _detail_row(
    event: Event, detail: Detail, articles: list[Article], annotations: dict[str, AnnotatedArticle | None]
) -> Row:
    cells = []
    for a in articles:
        if a.id in detail.contradicted_by:
            state = "contradicts"
        elif a.id in detail.supported_by:
            state = "supports"
        else:
            cells.append(Cell("absent"))
            continue
        found = locate(detail, event, a.id, annotations.get(a.id), state == "contradicts")
        cells.append(Cell(state, sentence_href(a.id, found.start) if found else None, found.text if found else None))
    # a contradicted detail is flagged as such; "single source" would only repeat half of it
    single = (detail.single_source or len(detail.supported_by) == 1) and not detail.contradicted_by
    return Row(
        field_label(detail.field), detail.value, cells, tuple(detail.variants), single, bool(detail.contradicted_by)
    )


EVENT_SENTENCE_FIELDS = ("initiator", "participant", "status")  # found where the event is reported


def sentence_href(article_id: str, start: int) -> str:
    return f"/articles/{article_id}#s-{start}"


def locate(
    detail: Detail, event: Event, article_id: str, annotated: AnnotatedArticle | None, contradicting: bool = False
) -> Sentence | None:
    """The sentence of an article that states a detail: for who acted and the status, the sentence
    where the article reports the event (the coder found them there: "Portugal's foreign ministry"
    is the Portuguese government, and a name's last word, "government", is in many other sentences);
    else one containing its words, the event's own sentence first (or, for a date, the date resolved
    to it); else the event's sentence."""
    reported = _reporting_sentence(event, article_id, annotated)
    if detail.field in EVENT_SENTENCE_FIELDS and not contradicting and reported is not None:
        return reported
    if annotated is not None:
        # a contradicting report does not contain the value; it may contain one of its variants
        needles = _variants(detail) if contradicting else _needles(detail)
        first = [reported] if reported is not None else []
        for needle in needles:
            hit = next((s for s in [*first, *annotated.sentences] if needle in s.text.casefold()), None)
            if hit:
                return hit
        if detail.field == "date" and not contradicting:
            date = next((d for d in annotated.dates if d.value == detail.value), None)
            if date:
                return _containing(annotated, date.start)
    return reported


def _reporting_sentence(event: Event, article_id: str, annotated: AnnotatedArticle | None) -> Sentence | None:
    """The sentence where the article reports the event (its first mention there)."""
    ref = next((m for m in event.mentions if m.article_id == article_id), None)
    if ref is None:
        return None
    if annotated is not None:
        return _containing(annotated, ref.start) or Sentence(ref.start, ref.end, ref.sentence)
    return Sentence(ref.start, ref.end, ref.sentence)


def _variants(detail: Detail) -> list[str]:
    return [v.strip().casefold() for v in detail.variants if len(v.strip()) >= 3]


def _needles(detail: Detail) -> list[str]:
    value = detail.value.strip().casefold()
    if len(value) < 3:
        return []
    needles = [value, *_variants(detail)]
    if detail.field in ("initiator", "participant") and " " in value:
        needles.append(value.rsplit(" ", 1)[-1])  # "Vladimir Putin" is often just "Putin"
    return needles


def _containing(annotated: AnnotatedArticle, offset: int) -> Sentence | None:
    return next((s for s in annotated.sentences if s.start <= offset < max(s.end, s.start + 1)), None)


def _sentence_start(annotated: AnnotatedArticle | None, offset: int) -> int:
    if annotated is None:
        return offset
    hit = _containing(annotated, offset)
    return hit.start if hit else offset


def contradictions(groups: list[EventGroup], columns: list[Column]) -> list[dict[str, Any]]:
    """The rows where outlets disagree, with who says what, for the summary above the table."""
    out = []
    for g in groups:
        for row in g.rows:
            if not row.contradicted:
                continue
            sides: dict[str, list[dict[str, Any]]] = {"supports": [], "contradicts": []}
            for col, cell in zip(columns, row.cells):
                if cell.state in sides:
                    sides[cell.state].append({"outlet": col.outlet, "href": cell.href, "sentence": cell.sentence})
            out.append({"event": g.event, "label": row.label, "value": row.value, **sides})
    return out


def differences(brief: dict[str, Any], rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The briefing's "where the sources differ" items, each with its citations as links and, for
    an event's detail, the outlets' sentences on each side (``rows``: ``contradictions``), so the
    page lists what the briefing lists and nothing else."""
    out = []
    for item in brief.get("differ", []):
        cites = [{"label": mark, "href": f"/articles/{aid}"} for mark, aid in zip(item["sources"], item["article_ids"])]
        sides = [r for r in rows if item.get("event_id") and r["event"].id == item["event_id"]]
        out.append({"text": item["text"], "cites": cites, "sides": sides})
    return out


# ----------------------------------------------------------------------------- article text


@dataclass
class Piece:
    text: str
    anchor: int | None = None  # sentence start offset, on a sentence's first piece
    sentence: bool = False


@dataclass
class BlockView:
    kind: str
    pieces: list[Piece]


def article_blocks(article: Article, sentences: tuple[Sentence, ...]) -> list[BlockView]:
    """The cleaned text, block by block, cut at sentence boundaries so each sentence is addressable."""
    views = []
    pos = 0
    ordered = sorted(sentences, key=lambda s: s.start)
    for block in article.blocks:
        start, end = pos, pos + len(block.text)
        views.append(BlockView(block.kind, _pieces(article.text, start, end, ordered)))
        pos = end + 2  # blocks are joined by a blank line
    return views


def _pieces(text: str, start: int, end: int, sentences: list[Sentence]) -> list[Piece]:
    pieces = []
    cursor = start
    for s in sentences:
        if s.end <= start or s.start >= end:
            continue
        a, b = max(s.start, start), min(s.end, end)
        if a > cursor:
            pieces.append(Piece(text[cursor:a]))
        if b > a:
            pieces.append(Piece(text[a:b], s.start if s.start >= start else None, True))
        cursor = max(cursor, b)
    if cursor < end:
        pieces.append(Piece(text[cursor:end]))
    return pieces


# ----------------------------------------------------------------------------- timeline chart


@dataclass
class Chart:
    width: int
    height: int
    lanes: list[tuple[str, int]]
    ticks: list[tuple[float, str]]
    points: list[dict[str, Any]]
    left: int
    right: int


def _day(value: str | None) -> dt.date | None:
    span = date_span(value)
    return span[0] if span else None


def timeline_chart(events: list[Event], width: int = 960) -> Chart | None:
    dated = [(d, e) for e in events if (d := _day(e.date))]
    if not dated:
        return None
    types = [t for t in PLOVER_TYPES if any(e.type == t for _, e in dated)]
    types += sorted({e.type for _, e in dated} - set(types))
    # the right margin holds half of the last tick's date label, which is centred on its day
    lane_h, top, left, right = 34, 24, 110, width - 45
    lanes = [(t, top + lane_h * i + lane_h // 2) for i, t in enumerate(types)]
    lane_y = dict(lanes)
    lo, hi = min(d for d, _ in dated), max(d for d, _ in dated)
    span = max((hi - lo).days, 1)

    def x(d: dt.date) -> float:
        return round(left + (right - left) * ((d - lo).days / span if hi > lo else 0.5), 1)

    groups: dict[tuple[dt.date, str], list[Event]] = {}
    for d, e in dated:
        groups.setdefault((d, e.type), []).append(e)
    points = []
    for (d, etype), evs in groups.items():
        points.append(
            {
                "x": x(d),
                "y": lane_y[etype],
                "r": min(6 + 2 * (len(evs) - 1), 14),
                "quad": quad_of(etype),
                "count": len(evs),
                "href": f"/events/{evs[0].id}",
                "title": "\n".join(_point_title(e) for e in evs[:8])
                + (f"\n… and {len(evs) - 8} more" if len(evs) > 8 else ""),
            }
        )
    height = top + lane_h * len(types) + 30
    return Chart(width, height, lanes, _ticks(lo, hi, x), points, left, right)


def _point_title(e: Event) -> str:
    sources = len({m.outlet or m.article_id for m in e.mentions})
    who = ", ".join(r.name for r in e.source_actors) or "?"
    whom = ", ".join(r.name for r in e.target_actors)
    mode = f" / {e.mode}" if e.mode else ""
    target = f" → {whom}" if whom else ""
    plural = "s" if sources != 1 else ""
    return f"{e.date} {e.type}{mode}: {who}{target} ({e.status}; {sources} source{plural})"


def _ticks(lo: dt.date, hi: dt.date, x: Any, count: int = 6) -> list[tuple[float, str]]:
    if hi == lo:
        return [(x(lo), lo.isoformat())]
    step = max((hi - lo).days // (count - 1), 1)
    days = [lo + dt.timedelta(days=step * i) for i in range(count - 1)] + [hi]
    return [(x(d), d.isoformat()) for d in dict.fromkeys(days)]


# ----------------------------------------------------------------------------- search


def search_snippet(snippet: str) -> Markup:
    """Store snippets mark hits with [ ]: escape the text, then mark the hits."""
    out = str(escape(snippet or ""))
    return Markup(re.sub(r"\[([^\[\]]*)\]", r"<mark>\1</mark>", out))
