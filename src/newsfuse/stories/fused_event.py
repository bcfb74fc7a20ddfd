"""One fused event: a cluster's info (``_ClusterInfo``), the event kept by everything it reads
(``_event_once``), and the parts it is made of (``_EventParts``, its sides ``_SideParts``), kept per
cluster so that a cluster that gains mentions is updated, not rebuilt."""

from __future__ import annotations

import bisect
import math
from collections import Counter
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import replace

from ..model import ActorRef, Event, EventMention, MentionRef, sha256_hex
from ..text.recent import Recent
from . import dates as D
from .event_details import _DetailParts, _QuoteParts
from .items import actor_key
from .mention_facts import _At, _Facts, _facts, _MentionKey, _party, _symmetric

# weight of the events (and cluster infos) remembered per generation, in mentions: a block kept for
# the next fusion holds at most 1 << 15 mentions (``BLOCK_KEPT`` in the pipeline), each in one event
# of it, so what one fusion of it reads fits in one generation
EVENTS_KEPT = 1 << 15
_EVENTS: Recent[Event] = Recent(EVENTS_KEPT, lambda e: 1 + len(e.mentions))  # fused events by all they are made of


def _event_once(facts: list[_Facts], info: _ClusterInfo, outlets, story_of, claims) -> Event:
    """The fused event of a cluster (its members' facts, ``_built_event``), remembered by everything
    it reads but the stories: the mentions (their numbers too, which mention equality leaves out),
    each article's outlet, and the cluster's readout claims. The stories give only the event's story
    (``_story_of_event``): a remembered event whose articles moved to another story (a merge renames
    a big story's articles) is that event in the new story."""
    key = (
        info.contents,
        tuple((a, outlets.get(a)) for a in info.articles),
        tuple(claims.get(info.key, ())),
    )
    found = _EVENTS.get(key)
    story = _story_of_event(info.articles, story_of)
    if found is None or found.story_id != story:
        found = _built_event(facts, info, outlets, story, claims) if found is None else replace(found, story_id=story)
        _EVENTS.put(key, found)
    return found


class _ClusterInfo:
    """What fusion reads of a cluster besides its members: their content numbers (in order), its
    article ids (sorted), its key (``_cluster_key``) and each article's count of members."""

    __slots__ = ("contents", "articles", "key", "counts")

    def __init__(self, contents: tuple[int, ...], cluster: list[EventMention]) -> None:
        self.contents = contents
        counts = Counter(m.article_id for m in cluster)
        self.articles = tuple(sorted(counts))
        self.key = _cluster_key(cluster)
        self.counts = tuple(counts.items())


_INFOS: Recent[_ClusterInfo] = Recent(EVENTS_KEPT, lambda info: 1 + len(info.contents))  # contents -> info


def _cluster_info(facts: list[_Facts]) -> _ClusterInfo:
    """The info of a cluster (its members' facts), kept by its members' contents: a content number
    stands for the mention's id and article."""
    contents = tuple(f.content for f in facts)
    found = _INFOS.get(contents)
    if found is None:
        found = _ClusterInfo(contents, [f.mention for f in facts])
        _INFOS.put(contents, found)
    return found


def _cluster_key(cluster: list[EventMention]) -> str:
    return min(m.id for m in cluster)


def _story_of_event(article_ids: Iterable[str], story_of: Mapping[str, str]) -> str | None:
    """The story most of the event's articles are in (the first by id on a tie); None if none has one."""
    stories = [story_of.get(a) for a in article_ids]
    named = {s for s in stories if s}
    if len(named) <= 1:  # most events lie in one story: no count needed
        return next(iter(named), None)
    return _most_common(stories)


def _mention_key(m: EventMention) -> _MentionKey:
    return (m.article_id, m.start, m.id)


_PARTS: Recent[_EventParts] = Recent(EVENTS_KEPT, lambda parts: 1 + len(parts.contents))  # cluster key -> parts


def _built_event(facts: list[_Facts], info: _ClusterInfo, outlets, story: str | None, claims) -> Event:
    """The fused event of a cluster (its members' facts), made of the parts kept for its key,
    brought up to date with the members it gained (``_EventParts.update``), or of parts made anew."""
    parts = _PARTS.take(info.key)
    if parts is None or not parts.update(facts):
        parts = _EventParts(facts)
    event = parts.event(outlets, story, claims.get(info.key, ()))
    _PARTS.put(info.key, parts)
    return event


class _EventParts:
    """What a fused event's record reads of its mentions, kept per value: the counts of each mode,
    CAMEO code, place, status and date, each actor's richest ref and sides, each detail's values with
    their articles, the quote groups. Where the mentions' order decides (``_mention_key``: the first
    spelling of a value, the first richest ref, the order of values, how quotes group), each value
    keeps where it was given (``_At``). The record made of these parts is thus the one made of the
    mentions in that order, however they came; a cluster that gains a few mentions has them added
    (``update``), in time that grows with the mentions added, not with those it holds (a watched
    event of ~90 mentions gains ~3 per file)."""

    def __init__(self, facts: list[_Facts]) -> None:
        self.contents: set[int] = set()  # the members' content numbers
        self.keys: list[_MentionKey] = []  # the members' keys, in order
        self.mentions: list[EventMention] = []  # the members, in that order
        self.first_id = ""
        self.refs: dict[_MentionKey, MentionRef] = {}  # each member's ref, made with the outlets in ``outlets``
        self.outlets: dict[str, str | None] = {}
        self.counts: dict[str, dict[str, int]] = {"mode": {}, "cameo": {}, "location": {}, "status": {}}
        self.stated: dict[tuple[str, str | None], list] = {}  # (date, precision) stated -> [count, first given]
        self.dated: dict[tuple[str, str | None], list] = {}  # the same of every dated member
        self.confidence = -math.inf  # of the most confident member
        self.topics: dict[str, list] = {}  # topic -> [first given, the articles giving it]
        self.sides = _SideParts()
        self.details = _DetailParts()
        self.quotes = _QuoteParts()
        ordered = sorted(facts, key=lambda f: _mention_key(f.mention))
        for f in ordered:
            self._add(f, _mention_key(f.mention))
        self.quotes.regroup()
        # two members with one key: their order is the cluster's, not their own; no update places them
        self.updatable = len(set(self.keys)) == len(self.keys) == len(self.contents)

    def update(self, facts: list[_Facts]) -> bool:
        """Add the members of the cluster (its facts) not held yet; False, with nothing added, where
        one held is not among them (a member gone), or where a new one shares a key or a content."""
        if not self.updatable:
            return False
        new = [f for f in facts if f.content not in self.contents]
        keys = [_mention_key(f.mention) for f in new]
        if (
            len(facts) - len(new) != len(self.contents)
            or len(set(keys)) < len(keys)
            or any(self._holds(key) for key in keys)
            or len({f.content for f in new}) < len(new)
        ):
            return False
        for key, f in sorted(zip(keys, new), key=lambda kf: kf[0]):
            self._add(f, key, grouped=True)
        return True

    def _holds(self, key: _MentionKey) -> bool:
        at = bisect.bisect_left(self.keys, key)
        return at < len(self.keys) and self.keys[at] == key

    def _add(self, f: _Facts, key: _MentionKey, grouped: bool = False) -> None:
        """Count one member in (``grouped``: its quotes join the quote groups at once)."""
        m = f.mention
        self.contents.add(f.content)
        self.confidence = max(self.confidence, m.confidence)
        at = bisect.bisect_right(self.keys, key)
        self.keys.insert(at, key)
        self.mentions.insert(at, m)
        self.first_id = min(self.first_id, m.id) if self.first_id else m.id
        for name, value in (("mode", m.mode), ("cameo", m.cameo), ("location", m.location), ("status", m.status)):
            if value:
                counts = self.counts[name]
                counts[value] = counts.get(value, 0) + 1
        if m.date:
            _count_first(self.dated, (m.date, m.date_precision), key)
            if not m.date_implied:
                _count_first(self.stated, (m.date, m.date_precision), key)
        for j, topic in enumerate(m.topics):
            _give(self.topics, topic, (*key, j), m.article_id)
        self.sides.add(key, m)
        self.details.add(key, m)
        for j, quote in enumerate(m.quotes):
            wording = quote.strip().strip("“”\"‘’'")
            if wording:
                self.quotes.add((*key, j), m.article_id, wording, grouped)

    def event(self, outlets: dict[str, str | None], story: str | None, claims: Sequence[tuple[str, str, str]]) -> Event:
        """The fused record (``claims``: the readout claims of the articles whose main event this is)."""
        first = self.mentions[0]
        date, precision, implied = self._best_date()
        sources, targets = self.sides.sides(_symmetric(first))
        topics = self.topics
        return Event(
            id=sha256_hex(f"{self.first_id}|{first.type}", 16),
            type=first.type,
            mode=_most_counted(self.counts["mode"]),
            cameo=_most_counted(self.counts["cameo"]),
            date=date,
            date_precision=precision,
            source_actors=sources,
            target_actors=targets,
            location=_most_counted(self.counts["location"]),
            topics=tuple(sorted(topics, key=lambda t: (-len(topics[t][1]), topics[t][0]))),
            status=_most_counted(self.counts["status"]) or "occurred",
            details=tuple(self.details.details(self.quotes, claims)),
            mentions=self._mention_refs(outlets),
            story_id=story,
            date_implied=implied,
            confidence=round(self.confidence, 3),
        )

    def _best_date(self) -> tuple[str | None, str | None, bool]:
        """The most precise, most supported date a report states (the first given on a tie); only
        where none states one, the publication week the reports imply (flagged implied)."""
        support = self.stated or self.dated
        if not support:
            return None, None, False
        date, precision = min(support, key=lambda dp: (D.rank(dp[1]), -support[dp][0], dp[0], support[dp][1]))
        return date, precision, not self.stated

    def _mention_refs(self, outlets: dict[str, str | None]) -> tuple[MentionRef, ...]:
        """Each member's ref, in order; those made before are kept while their article's outlet is the same."""
        if any(outlets.get(a) != outlet for a, outlet in self.outlets.items()):
            self.refs, self.outlets = {}, {}
        refs = []
        for key, m in zip(self.keys, self.mentions):
            ref = self.refs.get(key)
            if ref is None:
                outlet = self.outlets[m.article_id] = outlets.get(m.article_id)
                ref = self.refs[key] = MentionRef(m.id, m.article_id, outlet, m.sentence, m.start, m.end)
            refs.append(ref)
        return tuple(refs)


def _count_first(counts: dict, value: Hashable, at: _At) -> None:
    """Count the value in ``counts`` (value -> [count, first given])."""
    found = counts.get(value)
    if found is None:
        counts[value] = [1, at]
    else:
        found[0] += 1
        if at < found[1]:
            found[1] = at


def _give(support: dict[str, list], value: str, at: _At, article: str) -> None:
    """The article gives the value (``support``: value -> [first given, the articles giving it])."""
    found = support.get(value)
    if found is None:
        support[value] = [at, {article}]
    else:
        found[1].add(article)
        if at < found[0]:
            found[0] = at


def _most_counted(counts: Mapping[str, int]) -> str | None:
    """The value counted most (the first in sort order on a tie); None if none is."""
    return min(counts, key=lambda v: (-counts[v], v)) if counts else None


def _most_common(values: Iterable[str | None]) -> str | None:
    """The value given most often (the first in sort order on a tie); None if none is given."""
    counts: dict[str, int] = {}
    for v in values:
        if v:
            counts[v] = counts.get(v, 0) + 1
    return _most_counted(counts)


class _SideParts:
    """What the sides of a fused event read of its mentions: each actor key with where it was first
    given and its richest ref (more fields filled, then a longer name; the first given of those),
    each party's count as agent less its count as target, the parties given as agent, and each
    initiator's count with the first ref given for it.

    Source actors are only those some mention gives as the agent (the side more mentions give them);
    a name every mention gives as target or victim is never a source. A party (``_party``: a country
    and its government) stands on one side, with every name the mentions give it."""

    def __init__(self) -> None:
        self.refs: dict[str, list] = {}  # actor key -> [first given, richest rank, where given, ref]
        self.role: dict[str, int] = {}
        self.agents: set[str] = set()
        self.initiators: dict[str, list] = {}  # actor key -> [count, first given, ref given there]

    def add(self, key: _MentionKey, m: EventMention) -> None:
        given_sources, given_targets = _actor_entries(m)
        for side, given, actors in ((0, given_sources, m.source_actors), (1, given_targets, m.target_actors)):
            for actor, rank, party, k in given:
                self._keep_richer(actor, (*key, side, k), rank, actors[k])
                self.role[party] = self.role.get(party, 0) + (1 if side == 0 else -1)
                if side == 0:
                    self.agents.add(party)
        initiator = actor_key(m.initiator) if m.initiator else None
        if m.initiator and initiator:
            found = self.initiators.get(initiator)
            if found is None:
                self.initiators[initiator] = [1, key, m.initiator]
            else:
                found[0] += 1
                if key < found[1]:
                    found[1:] = [key, m.initiator]

    def _keep_richer(self, actor: str, at: _At, rank: tuple[int, int], ref: ActorRef) -> None:
        found = self.refs.get(actor)
        if found is None:
            self.refs[actor] = [at, rank, at, ref]
            return
        found[0] = min(found[0], at)
        if rank > found[1] or (rank == found[1] and at < found[2]):
            found[1:] = [rank, at, ref]

    def sides(self, symmetric: bool) -> tuple[tuple[ActorRef, ...], tuple[ActorRef, ...]]:
        """(sources, targets), each actor in the order first given (``symmetric``: the first member's
        type is; then the most given initiator is the source, added last where no side names it)."""
        refs = {actor: kept[3] for actor, kept in sorted(self.refs.items(), key=lambda kv: kv[1][0])}
        initiator = _most_counted({actor: kept[0] for actor, kept in self.initiators.items()})
        if initiator and symmetric:
            if initiator not in refs:
                refs[initiator] = self.initiators[initiator][2]
            src = {_party(refs[initiator])}
        else:
            parties = list(dict.fromkeys(_party(a) for a in refs.values()))
            src = {p for p in parties if self.role.get(p, 0) > 0}
            if not src:  # every agent is more often a target: the first one given as agent
                first = next((p for p in parties if p in self.agents), None)
                src = {first} if first else set()
        sources = tuple(a for a in refs.values() if _party(a) in src)
        return sources, tuple(a for a in refs.values() if _party(a) not in src)


_ActorEntry = tuple[str, tuple[int, int], str, int]  # (actor key, richness rank, party, place on its side)


def _actor_entries(m: EventMention) -> tuple[tuple[_ActorEntry, ...], tuple[_ActorEntry, ...]]:
    """What ``_SideParts`` reads of each of the mention's source and target actors, derived once per
    mention object (a re-fused event reads its old mentions again). Plain values only (an actor by
    its place on its side): the collector stops tracking them, however many mentions are kept."""
    f = _facts(m)
    sides = f.sides
    if sides is None:
        sides = f.sides = (_actor_side(m.source_actors), _actor_side(m.target_actors))
    return sides


def _actor_side(actors: tuple[ActorRef, ...]) -> tuple[_ActorEntry, ...]:
    return tuple(
        (
            actor_key(a),
            (sum(x is not None for x in (a.country, a.sector, a.role, a.actor_id)), len(a.name)),
            _party(a),
            k,
        )
        for k, a in enumerate(actors)
    )
