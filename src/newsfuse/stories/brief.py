"""Cited briefing of one story: template sentences from the fused events, the sentences most
sources share, then where the sources differ and what only one source reports.

Every sentence carries its sources; nothing is written that no source gives (templates only
restate fused details). HTML output escapes every piece of article text.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass
from typing import Sequence

from ..model import Article, Detail, Event, Story
from .config import load

_SENT = re.compile(r"(?<=[.!?])\s+(?=[\"“‘(\[]?[A-Z0-9])|(?<=[.!?][\"”’')\]])\s+(?=[\"“‘(\[]?[A-Z0-9])")


@dataclass(frozen=True)
class Line:
    text: str
    sources: tuple[str, ...]  # citation labels


def brief(story: Story, events: Sequence[Event], articles: dict[str, Article], fmt: str = "md") -> str:
    content = briefing(story, events, articles)
    if fmt == "json":
        return json.dumps(content, ensure_ascii=False, indent=2)
    if fmt == "html":
        return _html(content)
    if fmt == "md":
        return _markdown(content)
    raise ValueError(f"unknown format {fmt!r} (md, html, json)")


def briefing(story: Story, events: Sequence[Event], articles: dict[str, Article]) -> dict:
    cfg = load("brief.yaml")
    ids = [a for a in story.article_ids if a in articles]
    label = {a: (articles[a].outlet or a) for a in ids}
    mine = _story_events(story, events)
    lines = _event_lines(mine, label, cfg)[: cfg["max_event_sentences"]]
    lines += _shared_sentences(ids, articles, label, cfg, lines, cfg["max_sentences"] - len(lines))
    return {
        "story_id": story.id,
        "title": story.title,
        "sources": [label[a] for a in ids],
        "account": [_plain(x) for x in lines],
        "differ": [_plain(x) for x in _differences(mine, label)],
        "single_source": [_plain(x) for x in _single_source(mine, label, cfg)],
    }


def _plain(line: Line) -> dict:
    return {"text": line.text, "sources": list(line.sources)}


def _story_events(story: Story, events: Sequence[Event]) -> list[Event]:
    members = set(story.article_ids)
    mine = [e for e in events if e.story_id == story.id or any(m.article_id in members for m in e.mentions)]
    return sorted(mine, key=lambda e: (-len({m.article_id for m in e.mentions}), e.date or "9999", e.id))


def _labels(article_ids, label) -> tuple[str, ...]:
    return tuple(dict.fromkeys(label.get(a, a) for a in article_ids))


# ---------------------------------------------------------------------- account


def _event_lines(events: list[Event], label, cfg) -> list[Line]:
    out = []
    for e in events:
        if not e.source_actors:
            continue
        verb = cfg["verbs"].get(f"{e.type}/{e.mode}") or cfg["verbs"].get(e.type, e.type.lower())
        who = " and ".join(a.name for a in e.source_actors)
        whom = " and ".join(a.name for a in e.target_actors)
        text = f"{who} {verb} {whom}".strip() if whom else f"{who}: {e.type.lower()}"
        cited = [m.article_id for m in e.mentions]
        date = _supported(e, "date", e.date)
        if date:
            text += f" on {e.date}" if e.date_precision == "day" else f" in {e.date}"
            cited += list(date.supported_by)
        text += " " + cfg["status_words"].get(e.status, "") if e.status in cfg["status_words"] else ""
        out.append(Line(text.strip() + ".", _labels(cited, label)))
    return out


def _supported(event: Event, field: str, value: str | None) -> Detail | None:
    return next((d for d in event.details if d.field == field and d.value == value), None)


def split_sentences(text: str) -> list[str]:
    return [s.strip() for block in text.split("\n") for s in _SENT.split(block) if s.strip()]


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9]+", text.lower()) if len(w) > 3}


def _jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def _shared_sentences(ids, articles, label, cfg, taken: list[Line], room: int) -> list[Line]:
    sents = [(a, s, _words(s)) for a in ids for s in split_sentences("\n".join(articles[a].paragraphs))]
    sents = [x for x in sents if len(x[1].split()) >= cfg["min_sentence_words"]]
    scored = []
    for pos, (a, s, w) in enumerate(sents):
        support = [a] + [b for b in ids if b != a and any(
            _jaccard(w, w2) >= cfg["sentence_support_jaccard"] for b2, _, w2 in sents if b2 == b)]
        scored.append((-len(support), pos, s, w, support))
    chosen: list[Line] = []
    seen = [_words(x.text) for x in taken]
    for _, _, s, w, support in sorted(scored):
        if len(chosen) >= max(room, 0):
            break
        if any(_jaccard(w, x) >= cfg["near_duplicate_jaccard"] for x in seen):
            continue
        chosen.append(Line(s, _labels(support, label)))
        seen.append(w)
    return chosen


# ---------------------------------------------------------------------- differences


def _event_name(e: Event) -> str:
    people = " – ".join(a.name for a in e.source_actors + e.target_actors) or "unnamed actors"
    return f"{e.type}{'/' + e.mode if e.mode else ''} ({people}{', ' + e.date if e.date else ''})"


def _differences(events: list[Event], label) -> list[Line]:
    out = []
    for e in events:
        for d in e.details:
            if d.contradicted_by:
                text = f"{_event_name(e)}: {d.field} “{d.value}” is contradicted by {', '.join(_labels(d.contradicted_by, label))}"
                out.append(Line(text, _labels(d.supported_by, label)))
            if d.field == "quote" and d.variants:
                wordings = "; ".join(f"“{v}”" for v in (d.value,) + d.variants)
                out.append(Line(f"{_event_name(e)}: the same quote in different words (variants, not a contradiction): {wordings}",
                                _labels(d.supported_by, label)))
    return out


def _single_source(events: list[Event], label, cfg) -> list[Line]:
    out = []
    for e in events:
        reporters = {m.article_id for m in e.mentions}
        if len(reporters) == 1:
            out.append(Line(f"{_event_name(e)}: the whole event", _labels(reporters, label)))
            continue
        for d in e.details:
            if d.single_source and not d.contradicted_by:
                out.append(Line(f"{_event_name(e)}: {d.field} “{d.value}”", _labels(d.supported_by, label)))
    return out[: cfg["max_single_source_lines"]]


# ---------------------------------------------------------------------- rendering


def _cite(sources) -> str:
    return " ".join(f"[{s}]" for s in sources)


def _markdown(c: dict) -> str:
    h = load("brief.yaml")["headings"]
    parts = [f"# {c['title']}", "", f"## {h['account']}", ""]
    parts.append(" ".join(f"{x['text']} {_cite(x['sources'])}" for x in c["account"]))
    for key, title in (("differ", h["differ"]), ("single_source", h["single"])):
        parts += ["", f"## {title}", ""]
        parts += [f"- {x['text']} {_cite(x['sources'])}" for x in c[key]] or ["- (none)"]
    return "\n".join(parts) + "\n"


def _html(c: dict) -> str:
    h = load("brief.yaml")["headings"]
    esc = html.escape

    def cite(sources) -> str:
        return " ".join(f'<cite>[{esc(s)}]</cite>' for s in sources)

    parts = [f"<article class=\"brief\"><h1>{esc(c['title'])}</h1>", f"<h2>{esc(h['account'])}</h2><p>"]
    parts += [f"<span class=\"s\">{esc(x['text'])} {cite(x['sources'])}</span> " for x in c["account"]]
    parts.append("</p>")
    for key, title in (("differ", h["differ"]), ("single_source", h["single"])):
        items = "".join(f"<li>{esc(x['text'])} {cite(x['sources'])}</li>" for x in c[key]) or "<li>(none)</li>"
        parts.append(f"<h2>{esc(title)}</h2><ul>{items}</ul>")
    parts.append("</article>")
    return "\n".join(parts) + "\n"
