"""Sentences that tell of something before the story's own event: other incidents, earlier years.

A crime or disaster report ends with context ("On May 8, a 9-year-old boy found a handgun ...",
"She previously hosted the show in 2007"): the words are the story's words, so such a sentence is
as close to the other reports as the story's own, but it tells of another time. The story's own
time is what independent reports agree on: the earliest day that a date expression of one report
gives and another report gives too (in a date expression, or as the day it was published), within
a day of each other (a night's event is dated the day before or after). A sentence that gives a
date ending before that is background: the account does not quote it as the story. Without two
reports that agree on a date, nothing is judged background by date; a main clause timed a month
or more back from its own report ("Last month, the navy had sunk ...", "two years ago") is
background all the same, whether or not the report is dated.

Only a date that times the sentence's own telling counts: one that modifies a verb of its main
clause (or of a clause joined to it, adverbial or coordinate), not a noun ("her support of the 2011
raid", "the 2015 totals") and not a reported or relative clause ("a report that Trump had a loss in
1995", "the questions he refused to answer last year"): political news argues about the past in the
present, and such a sentence is the story's own.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from ..model import AnnotatedArticle, Article, DateMention, Token
from .config import load
from .dates import day_range
from .references import span_of, tokens_of

_SLACK_DAYS = 1  # a night's event: one report dates it the evening before, another after midnight


def telling_dates(text: str, parsed: AnnotatedArticle | None) -> list[DateMention]:
    """The sentence's resolved dates that time its main clause (module docstring)."""
    span = span_of(text, parsed) if parsed is not None else None
    if parsed is None or span is None:
        return []
    dates = [d for d in parsed.dates if span[0] <= d.start and d.end <= span[1] and day_range(d.value)]
    if not dates:
        return []
    by_index = {t.i: t for t in tokens_of(text, parsed, span)}
    return [d for d in dates if _times_main_clause(d, by_index)]


def _times_main_clause(date: DateMention, tokens: dict[int, Token]) -> bool:
    inside = {i for i, t in tokens.items() if date.start <= t.start and t.end <= date.end}
    if not inside:
        return False
    cfg = load("brief.yaml")["background"]
    node = tokens[min(inside, key=lambda i: _depth(i, tokens))]
    while node.head != node.i and node.head in tokens and (node.head in inside or node.dep in cfg["to_verb_deps"]):
        node = tokens[node.head]
    if node.pos not in ("VERB", "AUX"):
        return False
    while node.head != node.i and node.head in tokens:
        if node.dep in cfg["embedded_deps"]:
            return False
        node = tokens[node.head]
    return True


def _depth(i: int, tokens: dict[int, Token]) -> int:
    depth = 0
    while tokens[i].head != i and tokens[i].head in tokens and depth < len(tokens):
        i, depth = tokens[i].head, depth + 1
    return depth


def story_day(
    groups: Sequence[Sequence[str]],
    articles: dict[str, Article],
    parsed: dict[str, AnnotatedArticle],
) -> int | None:
    """The first day (proleptic ordinal) of the earliest date two independent reports agree on; each
    group is the article ids of one independent report (reprints together)."""
    said = [_said_days(ids, parsed) for ids in groups]
    known = [said[i] | _published_days(ids, articles) for i, ids in enumerate(groups)]
    agreed = [
        mine[0]
        for i, days in enumerate(said)
        for mine in days
        if any(_near(mine, theirs) for j, other in enumerate(known) if j != i for theirs in other)
    ]
    return min(agreed, default=None)


def is_background(text: str, parsed: AnnotatedArticle | None, day: int | None) -> bool:
    """Does the sentence give a date that ends before the story's day (its slack aside), or time its
    main clause a month or more before its report's own time ("Last month, the navy had sunk ...")?"""
    if _relative_past(text, parsed):
        return True
    if day is None:
        return False
    return any(_range(d.value)[1] < day - _SLACK_DAYS for d in telling_dates(text, parsed))


def _relative_past(text: str, parsed: AnnotatedArticle | None) -> bool:
    """Is the sentence's main clause timed by an expression of a month or more back from its report's
    time ("last month", "two years ago"; ``relative_past`` in brief.yaml)? Its report is the anchor,
    dated or not: a report tells of its own days, and of those before as context."""
    span = span_of(text, parsed) if parsed is not None else None
    if parsed is None or span is None:
        return False
    back = re.compile(load("brief.yaml")["background"]["relative_past"], re.I)
    dates = [d for d in parsed.dates if span[0] <= d.start and d.end <= span[1] and back.fullmatch(d.text.strip())]
    if not dates:
        return False
    by_index = {t.i: t for t in tokens_of(text, parsed, span)}
    return any(_times_main_clause(d, by_index) for d in dates)


def _said_days(ids: Iterable[str], parsed: dict[str, AnnotatedArticle]) -> set[tuple[int, int]]:
    """The days one report's date expressions give (day precision only)."""
    values = [d.value for a in ids if a in parsed for d in parsed[a].dates if d.precision == "day"]
    return {_range(v) for v in values if day_range(v)}


def _published_days(ids: Iterable[str], articles: dict[str, Article]) -> set[tuple[int, int]]:
    values = [articles[a].published for a in ids if a in articles]
    return {_range(v) for v in values if day_range(v)}


def _range(value: str | None) -> tuple[int, int]:
    found = day_range(value)
    assert found is not None
    return found


def _near(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] - _SLACK_DAYS <= b[1] and b[0] - _SLACK_DAYS <= a[1]
