"""Cited briefing of one story, faithful by construction.

The account opens with the lead that states the story's main event, in a source's own words
(``lead.py``: among the reports' first sentences, one telling what has happened before one telling
only what is to come, then the closest to the other reports and to its own headline), then states
the fused events that some articles code with confidence and with the same actors
(``statements.py``: each cited only to those articles), then the other sentences most sources share:
each thing once (a sentence sharing most of its words with a line taken, compared less their
inflections, says nothing new), and a sentence that names someone by surname alone or points back
with "the two men", "the other" only after a line that names them (``references.py``), or not at
all. Every quoted sentence is cited to the articles that say it (the same sentence, or a
near-verbatim one), not to the whole story. "Where the sources differ" lists contradictions within
one event and figures given incompatibly for one counted thing; "Also reported, by one source only"
quotes what a single report says beyond the account (whose lines show their sources). The brief ends
with its sources. This module gives the content (a dict, also the JSON form) and its markdown; the
web package renders it as HTML through a template that escapes every piece of article text.
"""

from __future__ import annotations

import dataclasses
import json
import re
from collections.abc import Sequence
from typing import Any

from ..model import AnnotatedArticle, Article, Detail, Event, EventMention, Story
from .background import is_background, story_day
from .config import load
from .figures import Disagreement, disagreements, find_figures, none_against_a_figure
from .items import jaccard
from .lead import lead
from .overtaken import overtaken
from .references import (
    caption,
    leaning_names,
    pronoun_subject,
    pronoun_without_antecedent,
    unnamed_referents,
    writers_voice,
)
from .sentences import (
    Sentence,
    Weights,
    article_sentences,
    content_words,
    overlap,
    quotable,
    stems,
)
from .sources import Source, independent, sources
from .statements import Statement, date_phrase, date_words, event_statement, near_date, shown

Mentions = dict[str, EventMention]


def brief(
    story: Story,
    events: Sequence[Event],
    articles: dict[str, Article],
    fmt: str = "md",
    mentions: Sequence[EventMention] = (),
    annotated: dict[str, AnnotatedArticle] | None = None,
) -> str:
    """The briefing as markdown or JSON (HTML: ``newsfuse.web.pages.brief_html`` over ``briefing``).
    With the articles' event ``mentions`` it states events; with their ``annotated`` parses it
    compares a figure only with one of the same referent (``figures.py``)."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r} ({', '.join(FORMATS)})")
    return render(briefing(story, events, articles, mentions, annotated), fmt)


FORMATS = ("md", "json")


def render(content: dict, fmt: str) -> str:
    """A briefing's content (``briefing``) as markdown or JSON."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r} ({', '.join(FORMATS)})")
    return json.dumps(content, ensure_ascii=False, indent=2) if fmt == "json" else _markdown(content)


def wording() -> dict[str, Any]:
    """The briefing's own words around the content: section headings and the phrase naming the
    sources that report a stated event without its date (``data/brief.yaml``)."""
    cfg = load("brief.yaml")
    return {"headings": dict(cfg["headings"]), "also_phrase": cfg["also_phrase"]}


def briefing(
    story: Story,
    events: Sequence[Event],
    articles: dict[str, Article],
    mentions: Sequence[EventMention] = (),
    annotated: dict[str, AnnotatedArticle] | None = None,
) -> dict:
    cfg = load("brief.yaml")
    srcs = sources(story.article_ids, articles)
    by_id: Mentions = {m.id: m for m in mentions}
    sents = [s for a in srcs for s in article_sentences(a, articles[a].paragraphs, articles[a].title)]
    parsed = annotated or {}
    pool = [
        s for s in sents if quotable(s.text) and not s.in_quotation and _stands_alone(s.text, parsed.get(s.article_id))
    ]
    mine = _story_events(story, events)
    headlines = [Sentence(a, articles[a].title or "", -1, content_words(articles[a].title or "")) for a in srcs]
    heads = [h for h in headlines if h.words]
    leaning = _leaning(sents, parsed, story_day(_groups(srcs), articles, parsed))
    account = _account(pool, heads, Weights(sents), mine, by_id, srcs, cfg, annotated, leaning)
    return {
        "story_id": story.id,
        "title": story.title,
        "min_confidence": cfg["min_confidence"],
        "account": [_plain(x, srcs) for x in account],
        "differ": [
            _plain(x, srcs) for x in _differences(mine, by_id, srcs, cfg) + _figures(pool, srcs, cfg, annotated)
        ],
        "single_source": [_plain(x, srcs) for x in _single_source(mine, by_id, srcs, account, cfg, parsed, leaning)],
        "sources": [s.to_dict() for s in srcs.values()],
    }


def _groups(srcs: dict[str, Source]) -> list[list[str]]:
    """The story's articles by independent report (a reprint with what it reprints)."""
    out: dict[str, list[str]] = {}
    for a, src in srcs.items():
        out.setdefault(src.group, []).append(a)
    return list(out.values())


def _leaning(sents: list[Sentence], parsed: dict[str, AnnotatedArticle], day: int | None) -> frozenset[tuple[str, str]]:
    """The sentences (article id, text with single spaces) no line may quote as the story's own: the
    lines of a longer quotation, background (``background.py``) and what another report has overtaken
    (``overtaken.py``: "The victim's name has not been released" where another report names him).
    They still count as what their reports say when the other sentences are ranked."""
    stale = overtaken(sents)
    return frozenset(
        _sentence_key(s.article_id, s.text)
        for s in sents
        if s.in_quotation or (s.article_id, s.position) in stale or is_background(s.text, parsed.get(s.article_id), day)
    )


def _sentence_key(article_id: str, text: str) -> tuple[str, str]:
    """A sentence as ``_leaning`` holds it: its article, its words with single spaces."""
    return article_id, " ".join(text.split())


def _stands_alone(text: str, parsed: AnnotatedArticle | None) -> bool:
    """No photo caption, no pronoun for its speaker or main subject, no writer speaking in the first
    person, and no pronoun for a person it has not named."""
    return not (
        caption(text, parsed)
        or pronoun_subject(text, parsed)
        or writers_voice(text, parsed)
        or pronoun_without_antecedent(text, parsed)
    )


def _plain(x: Statement, srcs: dict[str, Source]) -> dict:
    out = {
        "text": x.text,
        "sources": [srcs[a].mark for a in x.article_ids if a in srcs],
        "article_ids": list(x.article_ids),
        "kind": x.kind,
        "event_id": x.event_id,
        "confidence": x.confidence,
    }
    if x.also:
        out["also_without_date"] = [srcs[a].mark for a in x.also if a in srcs]
        out["also_article_ids"] = list(x.also)
    return out


def _story_events(story: Story, events: Sequence[Event]) -> list[Event]:
    members = set(story.article_ids)
    mine = [e for e in events if e.story_id == story.id or any(m.article_id in members for m in e.mentions)]
    return sorted(mine, key=lambda e: (-len({m.article_id for m in e.mentions}), e.date or "9999", e.id))


# ---------------------------------------------------------------------- account


def _account(
    pool: list[Sentence],
    headlines: list[Sentence],
    weights: Weights,
    events: list[Event],
    mentions: Mentions,
    srcs: dict[str, Source],
    cfg: dict,
    annotated: dict[str, AnnotatedArticle] | None = None,
    leaning: frozenset[tuple[str, str]] = frozenset(),
) -> list[Statement]:
    """The lead, the events stated with confidence, then the sentences closest to the other reports,
    less those about an earlier time than the story's own (``leaning``: ``_leaning``)."""
    lines: list[Statement] = []
    opening = lead(pool, headlines, weights, srcs, annotated)
    if opening is not None:
        lines.append(_quoted(opening, pool))
    for st in _event_statements(events, mentions, srcs, cfg, annotated):
        if independent(st.article_ids + st.also, srcs) >= 2 and len(lines) < 1 + cfg["max_event_sentences"]:
            lines.append(st)
    waiting: list[Sentence] = []  # lines that name someone by surname alone, until a line names them in full
    for s in _central(pool, weights, srcs):
        if len(lines) >= cfg["max_sentences"]:
            break
        if _sentence_key(s.article_id, s.text) in leaning:
            continue
        if _unintroduced(s, lines, annotated):
            waiting.append(s)
        elif _says_more(s, lines, cfg):
            lines.append(_quoted(s, pool))
            for w in _introduced(waiting, lines, annotated):
                if len(lines) < cfg["max_sentences"] and _says_more(w, lines, cfg):
                    lines.append(_quoted(w, pool))
    return lines


def _says_more(s: Sentence, lines: list[Statement], cfg: dict) -> bool:
    """Does ``s`` say more than the lines taken: no near-duplicate of one (``near_duplicate_overlap``
    of the shorter one's words, compared less their inflections), and no quotation a line has
    quoted already (two reports of one readout or remark, each in its own framing)?"""
    words, limit = stems(s.words), cfg["near_duplicate_overlap"]
    if any(overlap(words, stems(content_words(x.core or x.text))) >= limit for x in lines):
        return False
    quoted = [f" {q} " for x in lines for q in _quotations(x.text)]
    return not any(f" {q} " in old or old in f" {q} " for q in _quotations(s.text) for old in quoted)


# a quotation between curly, straight or typewriter marks (``...'' in tokenized text)
_QUOTATION = re.compile(r"(?:“|\"|``)(.+?)(?:”|\"|'')")


def _quotations(text: str) -> frozenset[str]:
    """The quoted words of a sentence, four words or more (a name in quotation marks, “Board of
    Peace”, is no remark): a remark reported once says it."""
    return frozenset(" ".join(_words_in_order(q)) for q in _QUOTATION.findall(text) if len(_words_in_order(q)) >= 4)


def _words_in_order(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower())


def _introduced(
    waiting: list[Sentence], lines: list[Statement], annotated: dict[str, AnnotatedArticle] | None
) -> list[Sentence]:
    """The waiting lines whose people the lines now name in full (taken out of ``waiting``)."""
    ready = [w for w in waiting if not _unintroduced(w, lines, annotated)]
    waiting[:] = [w for w in waiting if w not in ready]
    return ready


def _unintroduced(s: Sentence, lines: list[Statement], annotated: dict[str, AnnotatedArticle] | None) -> bool:
    """Does ``s`` name by surname alone a person no line before it names in full, or open with a
    description ("the two men", "the other") of people or things no line before it names?"""
    parsed = (annotated or {}).get(s.article_id)
    others = [p for a, p in (annotated or {}).items() if a != s.article_id]
    names = leaning_names(s.text, parsed, others)
    if any(not any(full in x.text for x in lines) for full in names):
        return True
    said = [_words(x.text) for x in lines]
    return any(not _named(groups, said) for groups in unnamed_referents(s.text, parsed))


def _named(groups: list[frozenset[str]], said: list[frozenset[str]]) -> bool:
    """Does one line hold a word of each group (``references.unnamed_referents``)?"""
    return any(all(g & words for g in groups) for words in said)


def _words(text: str) -> frozenset[str]:
    return frozenset(re.findall(r"[a-z0-9]+", text.lower()))


def _quoted(s: Sentence, pool: list[Sentence]) -> Statement:
    """``s`` in its source's words, cited to every article that has the same sentence (near-verbatim)."""
    cfg = load("brief.yaml")
    saying = [s.article_id] + [
        o.article_id
        for o in pool
        if o.article_id != s.article_id and jaccard(o.words, s.words) >= cfg["same_sentence_jaccard"]
    ]
    return Statement(s.text, tuple(dict.fromkeys(saying)), "quoted")


def _centrality(s: Sentence, others: dict[str, list[Sentence]], weights: Weights) -> float:
    """Mean, over the other independent reports, of the closest sentence's similarity."""
    if not others:
        return 0.0
    return sum(max((weights.cosine(s.words, o.words) for o in group), default=0.0) for group in others.values()) / len(
        others
    )


def _by_group(sentences: list[Sentence], srcs: dict[str, Source]) -> dict[str, list[Sentence]]:
    out: dict[str, list[Sentence]] = {}
    for s in sentences:
        out.setdefault(srcs[s.article_id].group, []).append(s)
    return out


def _central(pool: list[Sentence], weights: Weights, srcs: dict[str, Source]) -> list[Sentence]:
    """Quotable sentences, those closest to what every other report says first."""
    groups = _by_group(pool, srcs)
    scored = []
    for s in pool:
        others = {g: ss for g, ss in groups.items() if g != srcs[s.article_id].group}
        scored.append((-_centrality(s, others, weights), s.position, s.article_id, s))
    return [x[3] for x in sorted(scored, key=lambda x: x[:3])]


def _event_statements(
    events: list[Event],
    mentions: Mentions,
    srcs: dict[str, Source],
    cfg: dict,
    annotated: dict[str, AnnotatedArticle] | None = None,
) -> list[Statement]:
    """One composed statement per event that can be stated; two events worded alike share one line."""
    out: dict[str, Statement] = {}
    for e in events:
        st = event_statement(e, mentions, cfg, annotated)
        if st is None:
            continue
        if (old := out.get(st.core)) is not None:
            said = tuple(dict.fromkeys(old.article_ids + st.article_ids))
            also = tuple(a for a in dict.fromkeys(old.also + st.also) if a not in said)
            st = dataclasses.replace(
                old, article_ids=said, also=also, confidence=min(old.confidence or 1.0, st.confidence or 1.0)
            )
        out[st.core] = st
    merged = _undated_folded(list(out.values()), srcs)
    return sorted(merged, key=lambda st: -independent(st.article_ids + st.also, srcs))


def _undated_folded(statements: list[Statement], srcs: dict[str, Source] | None = None) -> list[Statement]:
    """An undated line that states what exactly one dated line states, less its date (two fused events
    of one act, one of them dated by none of its reports), is no line of its own: its articles are
    named on the dated line as reporting it without the date, those published within the fusion's
    window of that date (``statements.near_date``; the others are no longer cited for it)."""
    dated: dict[str, list[Statement]] = {}
    for st in statements:
        if st.core != st.undated:
            dated.setdefault(st.undated, []).append(st)
    out = {st.core: st for st in statements}
    for st in statements:
        targets = dated.get(st.core, []) if st.core == st.undated else []
        if len(targets) != 1:
            continue
        target = out[targets[0].core]
        near = [a for a in st.article_ids + st.also if srcs is None or a not in srcs or _near(a, target, srcs)]
        also = tuple(a for a in dict.fromkeys(target.also + tuple(near)) if a not in target.article_ids)
        out[target.core] = dataclasses.replace(target, also=also)
        del out[st.core]
    return list(out.values())


def _near(article_id: str, dated: Statement, srcs: dict[str, Source]) -> bool:
    return near_date(dated.when, srcs[article_id].published)


# ---------------------------------------------------------------------- differences


def _event_name(e: Event, cfg: dict, dated: bool = True) -> str:
    """ "Phone call (Vladimir Putin – Benjamin Netanyahu, on 15 November 2025)"; undated where the date is what
    the sources contest (naming it would take one side)."""
    nouns = cfg["event_nouns"]
    noun = nouns.get(f"{e.type}/{e.mode}") or nouns.get(e.type) or e.type.capitalize()
    people = " – ".join(a.name for a in e.source_actors + e.target_actors) or "unnamed actors"
    when = date_phrase(e.date, e.date_precision, cfg).strip() if e.date and dated else ""
    if when and e.date_implied:
        when += cfg["implied_date"]
    return f"{noun} ({people}{', ' + when if when else ''})"


def _reporting(e: Event, mentions: Mentions, cfg: dict) -> set[str]:
    """Articles with a mention of ``e`` good enough to state: only they support or contradict its details."""
    return {
        r.article_id
        for r in e.mentions
        if r.mention_id in mentions and shown(mentions[r.mention_id], cfg["min_confidence"])
    }


def _differences(events: list[Event], mentions: Mentions, srcs: dict[str, Source], cfg: dict) -> list[Statement]:
    """Details of one event that its reports give incompatibly (quote wordings are no difference)."""
    out = []
    for e in events:
        reporting = _reporting(e, mentions, cfg)
        for f in dict.fromkeys(
            d.field for d in e.details if d.contradicted_by and d.field in cfg["contradiction_fields"]
        ):
            sides = [
                d
                for d in e.details
                if d.field == f
                and d.contradicted_by
                and set(d.supported_by) <= reporting
                and set(d.contradicted_by) <= reporting
            ]
            if not sides or _self_contradicting(sides):
                continue
            said = "; ".join(f"{_detail_wording(d)} according to {_cite(d.supported_by, srcs)}" for d in sides)
            if len(sides) == 1:
                said += f", contradicted by {_cite(sides[0].contradicted_by, srcs)}"
            cited = tuple(dict.fromkeys(a for d in sides for a in d.supported_by + d.contradicted_by))
            text = f"{_event_name(e, cfg, dated=f != 'date')}: the sources contradict each other on the {f}: {said}."
            out.append(Statement(text, cited, "composed", e.id))
    return out


def _detail_wording(d: Detail) -> str:
    """A date as a reader says it ("Tuesday 10 March 2026"); other values quoted as stored."""
    words = date_words(d.value) if d.field == "date" else None
    return words or f"“{d.value}”"


def _self_contradicting(sides: list[Detail]) -> bool:
    """An article on both sides of a contradiction tells of two things, not of one differently."""
    return any(set(d.supported_by) & set(d.contradicted_by) for d in sides) or any(
        set(a.supported_by) & set(b.supported_by) for i, a in enumerate(sides) for b in sides[i + 1 :]
    )


def _figures(
    pool: list[Sentence], srcs: dict[str, Source], cfg: dict, annotated: dict[str, AnnotatedArticle] | None
) -> list[Statement]:
    """Counts of one thing that independent reports give incompatibly ("12" vs "20 officials")."""
    found = []
    for a in srcs:
        found += find_figures(a, [s.text for s in pool if s.article_id == a], (annotated or {}).get(a))
    out = []
    for d in disagreements(found):
        if not _independent(d, srcs):
            continue
        sides = "; ".join(
            cfg["figure_side"].format(wording=w, sources=_cite(arts, srcs))
            + (cfg["figure_reworded"].format(sources=_cite(other, srcs)) if other else "")
            for (w, arts), other in zip(d.sides, d.reworded or [()] * len(d.sides))
        )
        which = "both" if len(d.sides) == 2 else "all of them"
        fits = "".join(
            "; " + cfg["figure_fits"].format(wording=w, sources=_cite(arts, srcs), which=which) for w, arts in d.fitting
        )
        cited = tuple(
            dict.fromkeys(
                [a for _, arts in d.sides + d.fitting for a in arts] + [a for other in d.reworded for a in other]
            )
        )
        out.append(Statement(cfg["figure_line"].format(counted=d.counted, sides=sides + fits) + ".", cited, "quoted"))
    return out + [_none_against(d, srcs, cfg) for d in none_against_a_figure(found) if _independent(d, srcs)]


def _independent(d: Disagreement, srcs: dict[str, Source]) -> bool:
    """Two independent reports on its sides (one report and its reprints cannot disagree)."""
    return len({srcs[a].group for _, arts in d.sides for a in arts}) > 1


def _none_against(d: Disagreement, srcs: dict[str, Source], cfg: dict) -> Statement:
    """One line, each side in its own words so that it is true of both: "The sources differ on the
    people injured: “no one was injured” according to [A]; ..."."""
    sides = "; ".join(cfg["figure_side"].format(wording=w, sources=_cite(arts, srcs)) for w, arts in d.sides)
    cited = tuple(dict.fromkeys(a for _, arts in d.sides for a in arts))
    return Statement(cfg["none_line"].format(counted=d.counted, sides=sides) + ".", cited, "quoted")


# ---------------------------------------------------------------------- one source only


def _single_source(
    events: list[Event],
    mentions: Mentions,
    srcs: dict[str, Source],
    account: list[Statement],
    cfg: dict,
    parsed: dict[str, AnnotatedArticle] | None = None,
    leaning: frozenset[tuple[str, str]] = frozenset(),
) -> list[Statement]:
    """Events one report alone gives, in its own words (a sentence that stands alone, as the account
    quotes them, and is neither a line of a longer quotation nor background: ``leaning`` holds such
    sentences as (article id, text)); then details of stated events one report adds."""
    said = [stems(content_words(x.text)) for x in account]
    out: list[Statement] = []
    for e in events:
        ms = [mentions[r.mention_id] for r in e.mentions if r.mention_id in mentions]
        ms = [m for m in ms if shown(m, cfg["min_confidence"]) and len(m.sentence.split()) >= cfg["min_sentence_words"]]
        if not ms or independent({m.article_id for m in ms}, srcs) != 1:
            continue
        in_text = [
            m
            for m in ms
            if not _headline(m, srcs)
            and _quotable_alone(m, parsed or {})
            and _sentence_key(m.article_id, m.sentence) not in leaning
        ]
        if not in_text:  # a headline announces its report's story: no line of its own
            continue
        best = max(in_text, key=lambda m: (m.confidence, -m.start))
        words = content_words(best.sentence)
        if any(overlap(stems(words), w) >= cfg["near_duplicate_overlap"] for w in said):
            continue
        if _unintroduced(_sentence_of(best), account + out, parsed):
            continue  # it names someone, or means something, no line of the briefing names
        said.append(stems(words))
        same = cfg["same_sentence_jaccard"]
        saying = [m for m in ms if m is best or jaccard(content_words(m.sentence), words) >= same]
        out.append(
            Statement(
                best.sentence.strip(),
                tuple(dict.fromkeys(m.article_id for m in saying)),  # only the articles with that sentence
                "quoted",
                e.id,
                round(best.confidence, 2),
            )
        )
    stated = {x.event_id for x in account if x.kind == "composed"}
    for e in events:
        if e.id in stated:
            out += [_detail_line(e, d, srcs, cfg) for d in e.details if _adds(d, e, mentions, srcs, cfg)]
    return out[: cfg["max_single_source_lines"]]


def _sentence_of(m: EventMention) -> Sentence:
    text = m.sentence.strip()
    return Sentence(m.article_id, text, m.start, content_words(text))


def _quotable_alone(m: EventMention, parsed: dict[str, AnnotatedArticle]) -> bool:
    text = m.sentence.strip()
    return quotable(text) and _stands_alone(text, parsed.get(m.article_id))


def _headline(m: EventMention, srcs: dict[str, Source]) -> bool:
    """Was ``m`` coded from its article's title (no place in the text, the title's words)?"""
    title = srcs[m.article_id].title if m.article_id in srcs else None
    return m.start < 0 and title is not None and " ".join(m.sentence.split()) == " ".join(title.split())


def _adds(d: Detail, e: Event, mentions: Mentions, srcs: dict[str, Source], cfg: dict) -> bool:
    kind = "number" if d.field.startswith("number:") else d.field
    return (
        kind in cfg["single_source_fields"]
        and not d.contradicted_by
        and independent(d.supported_by, srcs) == 1
        and set(d.supported_by) <= _reporting(e, mentions, cfg)
    )


def _detail_line(e: Event, d: Detail, srcs: dict[str, Source], cfg: dict) -> Statement:
    labels = cfg["detail_labels"]
    if d.field.startswith("number:"):
        text = labels["number"].format(name=d.field.split(":", 1)[1].replace("_", " "), value=d.value)
    else:
        text = labels[d.field].format(value=d.value)
    return Statement(f"{_event_name(e, cfg)}: {text}.", tuple(d.supported_by), "composed", e.id)


# ---------------------------------------------------------------------- rendering


def _cite(article_ids: Sequence[str], srcs: dict[str, Source]) -> str:
    return " ".join(f"[{srcs[a].mark if a in srcs else a}]" for a in dict.fromkeys(article_ids))


def _marks(sources_: Sequence[str]) -> str:
    return " ".join(f"[{s}]" for s in sources_)


def _cited(x: dict) -> str:
    """A line's citation marks, and those that say its event without its date."""
    also = (
        load("brief.yaml")["also_phrase"].format(sources=_marks(x["also_without_date"]))
        if x.get("also_without_date")
        else ""
    )
    return _marks(x["sources"]) + also


def _source_line(s: dict, marks: dict[str, str]) -> str:
    parts = [
        f"[{s['mark']}]",
        s["outlet"] or "",
        f"“{s['title']}”" if s["title"] else "",
        s["url"] or _file_and_record(s),
        s["published"] or "undated",
        f"by {s['author']}" if s.get("author") else "",
    ]
    text = " — ".join(p for p in parts[1:] if p)
    if s["reprint_of"]:
        text += f" (reprint of [{marks.get(s['reprint_of'], s['reprint_of'])}])"
    return f"{parts[0]} {text}"


def _file_and_record(s: dict) -> str:
    """Where to find an article without a URL: its file, and its record there when its mark does not name it."""
    record = s.get("record_id")
    return f"{s['path']}, record {record}" if record and record != s["mark"] else s["path"]


def _markdown(c: dict) -> str:
    h = load("brief.yaml")["headings"]
    marks = {s["article_id"]: s["mark"] for s in c["sources"]}
    parts = [f"# {c['title']}", "", f"## {h['account']}", ""]
    parts.append(" ".join(f"{x['text']} {_cited(x)}" for x in c["account"]))
    for key, title in (("differ", h["differ"]), ("single_source", h["single"])):
        parts += ["", f"## {title}", ""]
        parts += [f"- {x['text']} {_cited(x)}" for x in c[key]] or ["- (none)"]
    parts += ["", f"## {h['sources']}", ""] + [f"- {_source_line(s, marks)}" for s in c["sources"]]
    return "\n".join(parts) + "\n"
