"""Composed statements about fused events, each cited only to the articles that say it.

A fused event is written as a sentence ("Vladimir Putin held a phone call with Benjamin Netanyahu
on 15 November 2025") only when some of its mentions were coded with confidence, name their actors
(linked, not defaulted: no "domestic actors"), and agree on the event's type, status and actors; the
sentence then cites exactly the articles that have such a mention, its date only when every one of
them gives that date, its topics only those all of them give. Otherwise nothing is composed and the
briefing quotes the source sentence instead.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date as _date

from ..model import ActorRef, AnnotatedArticle, Event, EventMention
from .checked import named_in_full, says
from .config import load
from .dates import day_range, gap_days
from .items import actor_key

_MONTHS = "January February March April May June July August September October November December".split()
_WEEKDAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()


@dataclass(frozen=True)
class Statement:
    text: str
    article_ids: tuple[str, ...]  # the articles that say it
    kind: str  # "composed" (written from coded events) or "quoted" (a source's own sentence)
    event_id: str | None = None
    confidence: float | None = None
    core: str = ""  # what the line states, less its add-ons (topics, attribution)
    also: tuple[str, ...] = ()  # articles that say the event but not all of the line (its date)
    undated: str = ""  # the core less its date: what an undated report of the same event states
    when: str | None = None  # the date it states (ISO at its precision), None when it states none


def stateable(m: EventMention, cfg: dict, parsed: AnnotatedArticle | None) -> bool:
    """A mention a statement may be composed from: confident, with a source, and every actor known
    to the knowledge base or named in full in its own sentence (``checked.named_in_full``)."""
    return _confident_with(m, cfg["min_confidence"], lambda a: _known(a) or named_in_full(a, m, parsed))


def shown(m: EventMention, threshold: float) -> bool:
    """A mention good enough to state as a fact: confident, with named, known actors."""
    return _confident_with(m, threshold, _known)


def _confident_with(m: EventMention, threshold: float, named: Callable[[ActorRef], bool]) -> bool:
    """Confident, with a source actor, and every actor ``named`` as a statement may name it."""
    actors = m.source_actors + m.target_actors
    return m.confidence >= threshold and bool(m.source_actors) and all(named(a) for a in actors)


def _known(a: ActorRef) -> bool:
    """Linked to the knowledge base (a country or a sector known), not a defaulted recipient and not
    a bare name the entity recogniser found (a film award, a vessel, a street)."""
    prefixes = tuple(load("brief.yaml")["defaulted_actor_prefixes"])
    return a.actor_id is not None and not a.actor_id.startswith(prefixes) and bool(a.country or a.sector)


def _sides(m: EventMention) -> tuple[frozenset[str], frozenset[str]]:
    src = frozenset(actor_key(a) for a in m.source_actors)
    tgt = frozenset(actor_key(a) for a in m.target_actors)
    return (src | tgt, frozenset()) if m.symmetric or not tgt else (src, tgt)


def event_statement(
    e: Event,
    mentions: dict[str, EventMention],
    cfg: dict,
    parsed: dict[str, AnnotatedArticle] | None = None,
) -> Statement | None:
    """The sentence stating ``e``, cited to the articles whose own mention says it; None if none does.

    A mention supports it only when its own sentence says it (``checked.says``, on the articles'
    ``parsed`` analyses where given). Its date is stated when the supporting mentions that give a date
    agree on it; the articles that say the event without any date are then named apart ("also
    reported, without the date, by"), those published within the fusion's window of that date."""
    parsed = parsed or {}
    ms = [mentions[r.mention_id] for r in e.mentions if r.mention_id in mentions]
    ms = [m for m in ms if m.type == e.type and m.status == e.status and stateable(m, cfg, parsed.get(m.article_id))]
    ms = [m for m in ms if worded(m, cfg) and says(m, parsed.get(m.article_id))]
    if not ms:
        return None
    count = Counter(_sides(m) for m in ms)
    (src, tgt), _ = max(
        count.items(),
        key=lambda kv: (len({m.article_id for m in ms if _sides(m) == kv[0]}), len(kv[0][0]) + len(kv[0][1])),
    )
    support = [m for m in ms if _sides(m) == (src, tgt)]
    who, whom = _ordered(e, support, src, tgt)
    dated, undated = _by_date(support)
    if dated:
        undated = [m for m in undated if _near(m, dated[0])]
    core = _sentence(e, who, whom, dated[0] if dated else None, cfg)
    if core is None:
        return None
    said = dated or undated
    extra = _topics(said, cfg) + _attribution(said, cfg)
    articles = tuple(dict.fromkeys(m.article_id for m in said))
    also = tuple(dict.fromkeys(m.article_id for m in undated if m.article_id not in articles)) if dated else ()
    confidence = round(min(m.confidence for m in said), 2)
    plain = _sentence(e, who, whom, None, cfg) or core
    when = dated[0].date if dated else None
    return Statement(_capital(core + extra) + ".", articles, "composed", e.id, confidence, core, also, plain, when)


def worded(m: EventMention, cfg: dict) -> bool:
    """Do the type's words say what the mention's trigger says (``worded_triggers``)? A mode with
    words of its own ("SUPPORT/sign": "signed an agreement with") says what that mode is."""
    stems = cfg["worded_triggers"].get(m.type)
    if stems is None or f"{m.type}/{m.mode}" in cfg["verbs"]:
        return True
    words = (m.trigger or "").lower().split()
    return any(w.startswith(tuple(stems)) for w in words)


def _ordered(
    e: Event, support: Sequence[EventMention], src: frozenset[str], tgt: frozenset[str]
) -> tuple[list[ActorRef], list[ActorRef]]:
    """Who acted and on whom; for a two-sided act reported without sides, the fused event's order
    (its initiator first) when it names the same parties."""
    actors = {actor_key(a): a for m in support for a in m.source_actors + m.target_actors}
    first = [actor_key(a) for a in e.source_actors if actor_key(a) in actors]
    second = [actor_key(a) for a in e.target_actors if actor_key(a) in actors]
    if not tgt and first and second and set(first) | set(second) == src:
        return [actors[k] for k in first], [actors[k] for k in second]
    return [actors[k] for k in sorted(src)], [actors[k] for k in sorted(tgt)]


def _by_date(support: Sequence[EventMention]) -> tuple[list[EventMention], list[EventMention]]:
    """The mentions stating the date most of them state, and those stating none (a publication week
    implied is no statement; mentions stating another date are left out)."""
    dates = Counter((m.date, m.date_precision) for m in support if m.date and not m.date_implied)
    if not dates:
        return [], list(support)
    best = max(dates.items(), key=lambda kv: (kv[1], kv[0][1] == "day"))[0]
    stated = [m for m in support if (m.date, m.date_precision) == best and not m.date_implied]
    return stated, [m for m in support if not m.date or m.date_implied]


def _near(undated: EventMention, dated: EventMention) -> bool:
    return near_date(dated.date, undated.published)


def near_date(stated: str | None, published: str | None) -> bool:
    """Was an undated report published within the fusion's window of the stated date (a report
    published weeks later tells of a later act, not of the dated one without its date)?"""
    gap = gap_days(stated, (published or "")[:10] or None)
    return gap is None or gap <= load("fusion.yaml")["undated_publication_window_days"]


def _sentence(e: Event, who: list[ActorRef], whom: list[ActorRef], dated: EventMention | None, cfg: dict) -> str | None:
    verbs = cfg["verbs"].get(f"{e.type}/{e.mode}") or cfg["verbs"].get(e.type)
    tpl = cfg["status_templates"].get(e.status)
    if not verbs or tpl is None:
        return None
    mutual = not whom
    verb = verbs.get(("mutual_" if mutual else "") + tpl["form"])
    if verb is None or (mutual and len(who) < 2):
        return None
    when = date_phrase(dated.date, dated.date_precision, cfg) if dated else ""
    return str(
        tpl["text"].format(
            who=actor_names(who, cfg),
            verb=verb,
            whom="" if mutual else " " + actor_names(whom, cfg),
            date=when,
            s="s" if len(who) == 1 else "",
        )
    )


def _topics(support: Sequence[EventMention], cfg: dict) -> str:
    """The topics every cited article gives the event: in one article, any of its supporting mentions
    may name a topic (a later back-reference to the same call names none)."""
    by_article = _by_article(support)
    common = set.intersection(*({t for m in ms for t in m.topics} for ms in by_article.values()))
    ordered = dict.fromkeys(t for m in support for t in m.topics if t in common)
    topics = [_with_article(t, support) for t in ordered][: cfg["max_topics"]]
    return cfg["topics_phrase"].format(topics=join(topics)) if topics else ""


def _by_article(support: Sequence[EventMention]) -> dict[str, list[EventMention]]:
    grouped: dict[str, list[EventMention]] = {}
    for m in support:
        grouped.setdefault(m.article_id, []).append(m)
    return grouped


def _with_article(topic: str, support: Sequence[EventMention]) -> str:
    """A topic as the reports write it: 'the Middle East' where every supporting sentence that names it
    puts 'the' before it, else the bare topic ('marine research cooperation')."""
    written = re.compile(rf"\bthe\s+{re.escape(topic)}\b", re.I)
    return f"the {topic}" if all(written.search(m.sentence) for m in support if topic in m.topics) else topic


def _attribution(support: Sequence[EventMention], cfg: dict) -> str:
    """ "according to the Kremlin's readout" when every supporting article gives the same source."""
    said = {(m.reporting_source or "").strip() for m in support}
    if len(said) != 1 or not (who := said.pop()) or who.lower().startswith(tuple(cfg["skip_value_prefixes"])):
        return ""
    if who.split()[0].lower() in cfg["dependent_openings"] + cfg["first_person_openings"]:
        return ""  # a pronoun ("according to she") names no one without the sentences before it
    if "," in who:
        return ""  # a name with a clause set off after it ("Even China, Pyongyang's only ally and ..."): no name
    return cfg["attribution_phrase"].format(source=who)


def actor_names(actors: Sequence[ActorRef], cfg: dict) -> str:
    prefixes = tuple(cfg["definite_actor_prefixes"])
    names = [
        f"the {a.name}" if (a.actor_id or "").startswith(prefixes) and not a.name.lower().startswith("the ") else a.name
        for a in actors
    ]
    return join(names)


def join(items: Sequence[str]) -> str:
    if not items:
        return ""
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def date_words(value: str) -> str | None:
    """A stored date value as a reader says it: "Tuesday 10 March 2026", "March 2026", "2026"; None for others."""
    m = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", value)
    if not m or not (1 <= int(m[2] or 1) <= 12):
        return None
    year, month = m[1], _MONTHS[int(m[2]) - 1] if m[2] else None
    if not m[3]:
        return f"{month} {year}" if month else year
    try:
        day = _date(int(year), int(m[2]), int(m[3]))
    except ValueError:
        return None
    return f"{_WEEKDAYS[day.weekday()]} {day.day} {month} {year}"


def date_phrase(value: str | None, precision: str | None, cfg: dict) -> str:
    """ " on 15 November 2025", " in the week of 10 November 2025", " in November 2025", " in the
    summer of 2016", " in the winter of 2016-17", ..."""
    span = day_range(value)
    phrase = cfg["date_phrases"].get(precision or "")
    if span is None or phrase is None:
        return f" ({value})" if value else ""
    first = _date.fromordinal(span[0])
    quarter = cfg["quarters"][(first.month - 1) // 3]
    season = cfg["seasons"].get(first.month, "")
    last = _date.fromordinal(span[1])
    years = f"{first.year}-{last.year % 100:02d}" if precision == "season" and last.year != first.year else first.year
    return str(phrase.format(d=first.day, month=_MONTHS[first.month - 1], y=years, q=quarter, season=season))
