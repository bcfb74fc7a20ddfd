"""A fused event's details: the dates, fields, numbers, statuses and readout claims its mentions
give (``_DetailParts``), each with the articles supporting and contradicting it, and its quotes grouped
by wording (``_QuoteParts``)."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache

from ..model import ActorRef, Detail, EventMention
from . import dates as D
from .config import load
from .mention_facts import _At, _MentionKey
from .readout_claims import _mention_claims, _readout_details


class _DetailParts:
    """What a fused event's details read of its mentions: the dates each article states (with the
    precision of each date as last given), each detail field's values (``_Grouped``), the acts told
    with each status, and the readout claims in the mentions' own words."""

    def __init__(self) -> None:
        self.dates: dict[str, set[str]] = {}  # article -> the dates it states
        self.precision: dict[str, list] = {}  # date -> [last given, its precision there]
        self.fields = {name: _Grouped() for name in ("initiator", "participant", "topic", "location", "status")}
        self.numbers: dict[str, _Grouped] = {}  # number name -> its values
        self.acts: dict[str, set[tuple]] = {}  # status -> the distinct acts given it
        self.tellers: dict[tuple, set[str]] = {}  # (status, act) -> the articles telling that act so
        self.readouts: dict[tuple[str, str], set[str]] = {}  # (kind, words) -> the articles whose mentions claim it

    def add(self, key: _MentionKey, m: EventMention) -> None:
        article, fields = m.article_id, self.fields
        if m.date and not m.date_implied:  # a publication week implied is no report's statement
            self.dates.setdefault(article, set()).add(m.date)
            kept = self.precision.get(m.date)
            if kept is None or key >= kept[0]:
                self.precision[m.date] = [key, m.date_precision]
        if m.initiator:
            fields["initiator"].add((*key, 0), article, m.initiator.name)
        for j, a in enumerate(_named(m)):
            fields["participant"].add((*key, j), article, a.name)
        for j, topic in enumerate(m.topics):
            fields["topic"].add((*key, j), article, topic)
        if m.location:
            fields["location"].add((*key, 0), article, m.location)
        if m.status:
            fields["status"].add((*key, 0), article, m.status)
            act = (m.mode, m.cameo, _intended(m))
            self.acts.setdefault(m.status, set()).add(act)
            self.tellers.setdefault((m.status, act), set()).add(article)
        for name, value in m.numbers.items():
            self.numbers.setdefault(name, _Grouped()).add((*key, 0), article, str(value))
        for claim in _mention_claims(m):
            self.readouts.setdefault(claim, set()).add(article)

    def details(self, quotes: _QuoteParts, claims: Sequence[tuple[str, str, str]]) -> list[Detail]:
        fields = self.fields
        out = self._date_details()
        out += _exclusive("initiator", fields["initiator"].support())
        out += _shared("participant", fields["participant"].support())
        out += _shared("topic", fields["topic"].support())
        # places nest ("the Necessidades Palace" in Lisbon, Lisbon in Portugal) and nothing here knows
        # which holds which: each place is a detail with its support, never a contradiction
        out += _shared("location", fields["location"].support())
        out += _exclusive("status", fields["status"].support(), self._same_act_told_otherwise)
        for name in sorted(self.numbers):
            out += _exclusive(f"number:{name}", self.numbers[name].support())
        out += quotes.details()
        out += _readout_details(self.readouts, claims)
        return out

    def _same_act_told_otherwise(self, value: str, arts: set[str]) -> set[str]:
        """The articles that give another status to an act given this one (``_same_act_of``): a fused
        event can hold two acts of its parties ("agreed to share data", "said they were inclined to
        support the plan"), and one done while the other is intended is no disagreement. Each
        distinct act is compared once, not each pair of mentions."""
        giving = self.acts.get(value, set())
        out: set[str] = set()
        for (status, act), articles in self.tellers.items():
            if status != value and any(_same_act_of(g, act) for g in giving):
                out |= articles
        return out

    def _date_details(self) -> list[Detail]:
        """Each stated date with the articles stating a date it overlaps, contradicted by the other
        articles stating one, and by those stating another day where it is a day; articles that
        state the same dates are taken together."""
        precision = {date: kept[1] for date, kept in self.precision.items()}
        alike: dict[frozenset[str], list[str]] = {}  # the dates an article states -> the articles stating them
        for article, stated in self.dates.items():
            alike.setdefault(frozenset(stated), []).append(article)
        out = []
        for v in sorted(precision, key=lambda v: (D.rank(precision[v]), v)):
            support: list[str] = []
            against: list[str] = []
            for dates, articles in alike.items():
                if not any(D.overlap(v, x) for x in dates):
                    against += articles
                else:
                    support += articles
                    if v not in dates and _conflicting_day(v, dates, precision):
                        against += articles
            out.append(Detail("date", v, tuple(sorted(support)), tuple(sorted(against)), len(support) == 1))
        return out


def _named(m: EventMention) -> list[ActorRef]:
    return list(m.source_actors) + list(m.target_actors)


class _Grouped:
    """A detail's values, each value alike but for case (trimmed, lower-cased) -> [where first given,
    its spelling there (trimmed), the articles giving it]."""

    __slots__ = ("values",)

    def __init__(self) -> None:
        self.values: dict[str, list] = {}

    def add(self, at: _At, article: str, given: str) -> None:
        trimmed = given.strip()
        found = self.values.get(trimmed.lower())
        if found is None:
            self.values[trimmed.lower()] = [at, trimmed, {article}]
            return
        found[2].add(article)
        if at < found[0]:
            found[:2] = [at, trimmed]

    def support(self) -> dict[str, set[str]]:
        """Each value (its first spelling) -> the articles giving it, in order of first appearance."""
        return {kept[1]: kept[2] for kept in sorted(self.values.values(), key=lambda kept: kept[0])}


def _shared(field: str, support: dict[str, set[str]]) -> list[Detail]:
    return [Detail(field, v, tuple(sorted(a)), (), len(a) == 1) for v, a in support.items()]


def _exclusive(
    field: str, support: dict[str, set[str]], rivals: Callable[[str, set[str]], set[str]] | None = None
) -> list[Detail]:
    """Each value with the articles that give it, contradicted by every other article giving the field, or by
    those ``rivals`` (value, its articles) names."""
    givers = {a for arts in support.values() for a in arts}
    out = []
    for value, arts in sorted(support.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        against = (givers if rivals is None else rivals(value, arts)) - arts
        out.append(Detail(field, value, tuple(sorted(arts)), tuple(sorted(against)), len(arts) == 1))
    return out


def _same_act_of(a: tuple, b: tuple) -> bool:
    """Two mentions, given by their acts (mode, CAMEO code, intent), tell one act: the same action
    (``_same_action``), and the same act intended where an intent was coded as its own type
    ('inclined to support' an AGREE for a SUPPORT: the intent is stated, nothing is done)."""
    same_action = a[0] == b[0] if a[0] and b[0] else a[1] == b[1]
    return same_action and a[2] == b[2]


FUTURE_AS = re.compile(r"\+ future_as (\w+)")  # the rule of an intent coded as its own type (rules._type)


def _intended(m: EventMention) -> str | None:
    return _intended_by(m.rule or "")


@lru_cache(maxsize=1 << 12)
def _intended_by(rule: str) -> str | None:
    found = FUTURE_AS.search(rule)
    return found.group(1) if found else None


def _conflicting_day(v: str, theirs: Iterable[str], precision: dict[str, str | None]) -> bool:
    """Two different days at day precision contradict even when a tolerance let them merge."""
    return precision.get(v) == "day" and any(precision.get(x) == "day" and x[:10] != v[:10] for x in theirs)


@lru_cache(maxsize=1 << 14)
def _words(text: str) -> frozenset[str]:
    return frozenset(re.findall(r"\w+", text.lower()))


QUOTE_PAIRS_KEPT = 1 << 14  # verdicts on pairs of an event's wordings kept for its next grouping


class _QuoteParts:
    """The quotes of a fused event (trimmed of quote marks) in one pass over them in order: a quote
    joins the first group holding a wording similar to it. Kept: each quote where it comes
    (``_At``), and each group's wordings with where each joined it and the articles giving it.

    A quote added after the others joins its group as in the pass. One added among them changes no
    other quote's group where the group it joins held its very wording already before it (many
    reports repeat a quote word for word): the groups' wordings stay as they were at every later
    quote. Else the pass is made again (``regroup``)."""

    def __init__(self) -> None:
        self.items: list[tuple[_At, str, str]] = []  # (where, article, wording), in order
        self.groups: list[dict[str, list]] = []  # each group: wording -> [where it joined, its articles]
        self.similar: dict[tuple[str, str], bool] = {}

    def add(self, at: _At, article: str, wording: str, grouped: bool) -> None:
        """One more quote; with ``grouped``, the groups are brought up to date (else ``regroup``)."""
        last = not self.items or at > self.items[-1][0]
        bisect.insort(self.items, (at, article, wording))
        if not grouped:
            return
        g = self._first_similar(wording, at)
        held = self.groups[g].get(wording) if g < len(self.groups) else None
        if held is not None and held[0] < at:
            held[1].add(article)
        elif last:
            self._join(g, at, article, wording)
        else:
            self.regroup()

    def _first_similar(self, wording: str, before: _At) -> int:
        """The first group holding, before ``before``, a wording similar to this one (``len(groups)``: none)."""
        threshold = load("fusion.yaml")["quote_variant_jaccard"]
        for g, group in enumerate(self.groups):
            for other, (joined, _) in group.items():
                if joined < before and _similar_once(wording, other, threshold, self.similar):
                    return g
        return len(self.groups)

    def _join(self, g: int, at: _At, article: str, wording: str) -> None:
        if g == len(self.groups):
            self.groups.append({})
        held = self.groups[g].get(wording)
        if held is None:
            self.groups[g][wording] = [at, {article}]
        else:
            held[1].add(article)

    def regroup(self) -> None:
        """The groups made in one pass over the quotes. Each group is compared through its distinct
        wordings, each pair once; a wording met again is compared only with what the groups before
        it gained since (``_quote_group``)."""
        threshold = load("fusion.yaml")["quote_variant_jaccard"]
        self.groups = []
        if len(self.similar) > QUOTE_PAIRS_KEPT:
            self.similar = {}
        wordings: list[list[str]] = []  # each group's distinct wordings, in the order gained
        compared: dict[str, list[int]] = {}  # wording -> per group, how many of its wordings it was compared with
        for at, article, wording in self.items:
            g = _quote_group(wording, wordings, compared.setdefault(wording, []), threshold, self.similar)
            if g == len(wordings):
                wordings.append([])
            if g == len(self.groups) or wording not in self.groups[g]:
                wordings[g].append(wording)
            self._join(g, at, article, wording)

    def details(self) -> list[Detail]:
        out = []
        for group in self.groups:
            ranked = sorted(group, key=lambda w: (-len(group[w][1]), group[w][0]))
            arts = tuple(sorted(set().union(*(articles for _, articles in group.values()))))
            out.append(Detail("quote", ranked[0], arts, (), len(arts) == 1, tuple(ranked[1:])))
        return out


def _quote_group(
    q: str, wordings: list[list[str]], compared: list[int], threshold: float, similar: dict[tuple[str, str], bool]
) -> int:
    """The first group holding a wording similar to ``q`` (``len(wordings)``: none). ``compared``:
    for each group, how many of its first wordings ``q`` was compared with, none similar (-1: one
    was, so the group still holds it: a group's wordings only grow), brought up to date here."""
    for g, ws in enumerate(wordings):
        start = compared[g] if g < len(compared) else 0
        found = start < 0 or any(_similar_once(q, w, threshold, similar) for w in ws[start:])
        done = -1 if found else len(ws)
        if g < len(compared):
            compared[g] = done
        else:
            compared.append(done)
        if found:
            return g
    return len(wordings)


def _similar_once(a: str, b: str, threshold: float, seen: dict[tuple[str, str], bool]) -> bool:
    found = seen.get((a, b))
    if found is None:
        found = seen[(a, b)] = _similar(a, b, threshold)
    return found


def _similar(a: str, b: str, threshold: float) -> bool:
    wa, wb = _words(a), _words(b)
    if not wa or not wb:
        return False
    return len(wa & wb) / len(wa | wb) >= threshold or a.lower() in b.lower() or b.lower() in a.lower()
