"""Cited briefing of one story: template sentences from the fused events, the sentences most
sources share, then where the sources differ and what only one source reports.

Every sentence carries its sources; nothing is written that no source gives (templates only
restate fused details). HTML output escapes every piece of article text.
"""

from __future__ import annotations

import html
import json
import re
from datetime import date as _date
from dataclasses import dataclass
from typing import Sequence

from ..model import Article, Detail, Event, Story
from .config import load, stop_lemmas
from .dates import day_range
from .figures import disagreements, find_figures

_SENT = re.compile(r"(?<=[.!?])\s+(?=[\"“‘(\[]?[A-Z0-9])|(?<=[.!?][\"”’')\]])\s+(?=[\"“‘(\[]?[A-Z0-9])")


@dataclass(frozen=True)
class Line:
    text: str
    sources: tuple[str, ...]  # citation labels
    core: str = ""  # what the line states, less its add-ons (topics): compared for repetition


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
    lines = _account(ids, articles, label, cfg, lines, cfg["max_sentences"] - len(lines))
    return {
        "story_id": story.id,
        "title": story.title,
        "sources": [label[a] for a in ids],
        "account": [_plain(x) for x in lines],
        "differ": [_plain(x) for x in _differences(mine, label, cfg) + _figure_differences(ids, articles, label, cfg)],
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
    """One sentence per well-evidenced event; an event of the same type between the same
    countries/bodies as one already written only adds its articles to that sentence."""
    out: list[Line] = []
    keys: list[tuple] = []
    for e in events:
        if not _enough_evidence(e) or (sentence := _event_sentence(e, cfg)) is None:
            continue
        text, cited = sentence
        key = (e.type, frozenset(a.country or a.sector or a.name for a in e.source_actors + e.target_actors))
        if key in keys:
            i = keys.index(key)
            cited = _unlabel(out[i].sources, label) + [m.article_id for m in e.mentions]
            out[i] = Line(out[i].text, _labels(cited, label), out[i].core)
            continue
        core, topics = text, _shared_topics(e, cfg)
        if topics:
            text += cfg["topics_phrase"].format(topics=_join([t for t, _ in topics]))
            cited += [a for _, d in topics for a in d.supported_by]
        out.append(Line(_capital(text) + ".", _labels(cited, label), core))
        keys.append(key)
    return out


def _unlabel(sources, label) -> list[str]:
    back = {v: k for k, v in label.items()}
    return [back.get(s, s) for s in sources]


def _enough_evidence(e: Event) -> bool:
    """Named participants, and more than one mention unless someone is on both sides."""
    if not e.source_actors:
        return False
    return len(e.mentions) > 1 or bool(e.target_actors) or len(e.source_actors) > 1


def _event_sentence(e: Event, cfg) -> tuple[str, list[str]] | None:
    verbs = cfg["verbs"].get(f"{e.type}/{e.mode}") or cfg["verbs"].get(e.type)
    tpl = cfg["status_templates"].get(e.status, cfg["status_templates"]["occurred"])
    if not verbs:
        return None
    mutual = not e.target_actors
    verb = verbs.get(("mutual_" if mutual else "") + tpl["form"])
    if verb is None or (mutual and len(e.source_actors) < 2):
        return None
    cited = [m.article_id for m in e.mentions]
    when = ""
    date = _supported(e, "date", e.date)
    if date:
        when = date_phrase(e.date, e.date_precision, cfg)
        cited += list(date.supported_by)
    whom = "" if mutual else " " + _actors(e.target_actors, cfg)
    text = tpl["text"].format(who=_actors(e.source_actors, cfg), verb=verb, whom=whom, date=when,
                              s="s" if len(e.source_actors) == 1 else "")
    return text, cited


def _actors(actors, cfg) -> str:
    prefixes = tuple(cfg["definite_actor_prefixes"])
    names = [f"the {a.name}" if (a.actor_id or "").startswith(prefixes) and not a.name.lower().startswith("the ")
             else a.name for a in actors]
    return _join(names)


def _join(items: Sequence[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _shared_topics(e: Event, cfg) -> list[tuple[str, Detail]]:
    """Topics given by two or more articles, most supported first."""
    shared = [d for d in e.details if d.field == "topic" and len(set(d.supported_by)) > 1 and not d.contradicted_by]
    shared.sort(key=lambda d: -len(set(d.supported_by)))
    return [(d.value, d) for d in shared[: cfg["max_topics"]]]


_MONTHS = ("January February March April May June July August September October November December").split()


def date_phrase(value: str | None, precision: str | None, cfg) -> str:
    """" on 15 November 2025", " in the week of 10 November 2025", " in November 2025", ..."""
    span = day_range(value)
    phrase = cfg["date_phrases"].get(precision or "")
    if span is None or phrase is None:
        return f" ({value})" if value else ""
    first = _date.fromordinal(span[0])
    quarter = cfg["quarters"][(first.month - 1) // 3]
    return phrase.format(d=first.day, month=_MONTHS[first.month - 1], y=first.year, q=quarter)


def _supported(event: Event, field: str, value: str | None) -> Detail | None:
    return next((d for d in event.details if d.field == field and d.value == value), None)


def split_sentences(text: str) -> list[str]:
    return [s.strip() for block in text.split("\n") for s in _SENT.split(block) if s.strip()]


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9]+", text.lower()) if len(w) > 3 and w not in stop_lemmas()}


def _jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def _overlap(a: set[str], b: set[str]) -> float:
    return len(a & b) / min(len(a), len(b)) if a and b else 0.0


def _account(ids, articles, label, cfg, taken: list[Line], room: int) -> list[Line]:
    """``taken`` and then the sentences most articles share; a sentence that repeats a line
    already in the account only adds its article to that line's citations."""
    sents = [(a, s, _words(s)) for a in ids for s in split_sentences("\n".join(articles[a].paragraphs))]
    sents = [x for x in sents if len(x[1].split()) >= cfg["min_sentence_words"]]
    scored = []
    for pos, (a, s, w) in enumerate(sents):
        support = [a] + [b for b in ids if b != a and any(
            _jaccard(w, w2) >= cfg["sentence_support_jaccard"] for b2, _, w2 in sents if b2 == b)]
        scored.append((-len(support), pos, a, s, w, support))
    lines = list(taken)
    seen = [_words(x.core or x.text) for x in lines]
    for _, _, a, s, w, support in sorted(scored):
        twin = next((i for i, x in enumerate(seen) if _overlap(w, x) >= cfg["near_duplicate_overlap"]), None)
        if twin is not None:
            lines[twin] = Line(lines[twin].text, _labels_add(lines[twin].sources, label.get(a, a)), lines[twin].core)
            continue
        if len(lines) - len(taken) >= max(room, 0):
            continue
        lines.append(Line(s, _labels(support, label)))
        seen.append(w)
    return lines


def _labels_add(sources: tuple[str, ...], extra: str) -> tuple[str, ...]:
    return sources if extra in sources else sources + (extra,)


# ---------------------------------------------------------------------- differences


def _event_name(e: Event, cfg) -> str:
    nouns = cfg["event_nouns"]
    noun = nouns.get(f"{e.type}/{e.mode}") or nouns.get(e.type) or e.type.capitalize()
    people = " – ".join(a.name for a in e.source_actors + e.target_actors) or "unnamed actors"
    when = date_phrase(e.date, e.date_precision, cfg).strip() if e.date else ""
    return f"{noun} ({people}{', ' + when if when else ''})"


def _differences(events: list[Event], label, cfg) -> list[Line]:
    out = []
    for e in events:
        fields = dict.fromkeys(d.field for d in e.details if d.contradicted_by)
        for f in fields:
            sides = [d for d in e.details if d.field == f and d.contradicted_by]
            said = "; ".join(f"“{d.value}” according to {_cite(_labels(d.supported_by, label))}" for d in sides)
            if len(sides) == 1:
                said += f", contradicted by {_cite(_labels(sides[0].contradicted_by, label))}"
            cited = [a for d in sides for a in d.supported_by + d.contradicted_by]
            out.append(Line(f"{_event_name(e, cfg)}: the sources contradict each other on the {f}: {said}.",
                            _labels(cited, label)))
        for d in e.details:
            wordings = _shortest_wordings((d.value,) + d.variants) if d.field == "quote" else []
            if len(wordings) > 1:
                wordings = "; ".join(f"“{v}”" for v in wordings)
                out.append(Line(f"{_event_name(e, cfg)}: the same quote in different words (variants, not a contradiction): {wordings}.",
                                _labels(d.supported_by, label)))
    return out


def _figure_differences(ids, articles, label, cfg) -> list[Line]:
    """Counts of one thing that the story's articles give incompatibly ("12" vs "20 officials")."""
    found = [f for a in ids for f in find_figures(a, split_sentences("\n".join(articles[a].paragraphs)))]
    out = []
    for d in disagreements(found):
        sides = "; ".join(cfg["figure_side"].format(wording=w, sources=_cite(_labels(arts, label))) for w, arts in d.sides)
        which = "both" if len(d.sides) == 2 else "all of them"
        fits = "".join("; " + cfg["figure_fits"].format(wording=w, sources=_cite(_labels(arts, label)), which=which)
                       for w, arts in d.fitting)
        cited = [a for _, arts in d.sides + d.fitting for a in arts]
        out.append(Line(cfg["figure_line"].format(counted=d.counted, sides=sides + fits) + ".", _labels(cited, label)))
    return out


def _shortest_wordings(wordings: Sequence[str]) -> list[str]:
    """Drop a wording that only embeds another one in a longer stretch of text."""
    keep = [w for w in wordings if not any(o != w and o.lower() in w.lower() for o in wordings)]
    return list(dict.fromkeys(keep or wordings))


def _single_source(events: list[Event], label, cfg) -> list[Line]:
    """Whole events only one article reports, then single-source details of the others."""
    whole = [_single_event(e, label, cfg) for e in events if len({m.article_id for m in e.mentions}) == 1]
    out = [x for x in whole if x]
    for e in events:
        if len({m.article_id for m in e.mentions}) == 1:
            continue
        shown = _variant_wordings(e)
        for d in e.details:
            if d.single_source and not d.contradicted_by and _informative(d, e, shown, cfg):
                out.append(Line(f"{_event_name(e, cfg)}: {_detail_text(d, cfg)}.", _labels(d.supported_by, label)))
    return out[: cfg["max_single_source_lines"]]


def _single_event(e: Event, label, cfg) -> Line | None:
    """A whole event one article reports, as its sentence plus what else that article gives."""
    if not _enough_evidence(e) or (sentence := _event_sentence(e, cfg)) is None:
        return None
    text, cited = sentence
    extra = [_detail_text(d, cfg) for d in e.details
             if d.field in ("initiator", "location", "topic") or d.field.startswith("number:")]
    extra = [x for x in extra if x]
    text = _capital(text) + (f" ({'; '.join(extra)})" if extra else "") + "."
    return Line(text, _labels(cited, label))


def _variant_wordings(e: Event) -> list[str]:
    return [w.lower() for d in e.details if d.field == "quote" and d.variants for w in (d.value,) + d.variants]


def _informative(d: Detail, e: Event, shown: list[str], cfg) -> bool:
    if d.field in ("participant", "status"):
        return False  # participants and status are already in the event's name
    if d.field not in ("quote", "readout"):
        return True
    value = d.value.lower()
    if value.startswith(tuple(cfg["skip_value_prefixes"])):
        return False
    if len(d.value.split()) < cfg["min_quote_words"] or any(w in value or value in w for w in shown):
        return False
    words = _words(d.value)
    return not any(len(words & _words(m.sentence)) >= cfg["quote_restates_sentence"] * len(_words(m.sentence))
                   for m in e.mentions)


def _detail_text(d: Detail, cfg) -> str:
    labels = cfg["detail_labels"]
    if d.field.startswith("number:"):
        return labels["number"].format(name=d.field.split(":", 1)[1].replace("_", " "), value=d.value)
    if d.field == "date":
        return labels["date"].format(value=date_phrase(d.value, _precision(d.value), cfg))
    return labels.get(d.field, d.field + ": {value}").format(value=d.value)


def _precision(value: str) -> str | None:
    for precision, pattern in (("day", r"\d{4}-\d{2}-\d{2}"), ("week", r"\d{4}-W\d{2}"), ("month", r"\d{4}-\d{2}"),
                               ("quarter", r"\d{4}-Q\d"), ("year", r"\d{4}")):
        if re.fullmatch(pattern, value):
            return precision
    return None


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
