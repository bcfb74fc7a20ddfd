"""What fusion reads of one mention object, derived once and kept by the object (``_Facts``); the
content numbers and the interning that gives them; the keys that order a fused event's mentions and
values; and the small actor helpers that the grouping (``fuse``) and the fused event's record
(``fused_event``) read."""

from __future__ import annotations

import itertools
from collections.abc import Hashable, Iterator

from ..model import ActorRef, EventMention
from . import dates as D
from .config import load
from .items import actor_key

_MentionKey = tuple[str, int, str]  # (article id, start, mention id): the order a fused event reads its mentions in
_At = tuple  # where a value is given in that order: its mention's key, then its place among the mention's values


def _interned(table: dict, numbers: Iterator[int], key: Hashable, kept: int) -> int:
    """``key``'s number in ``table``, a new one from ``numbers`` if it has none; the table is cleared
    when it holds ``kept`` keys (numbers are never reused, so an old number never names a new key)."""
    number = table.get(key)
    if number is None:
        if len(table) >= kept:
            table.clear()
        number = table[key] = next(numbers)
    return number


class _Facts:
    """What the grouping and the event cache read of one mention object, derived once: its actor
    keys (all, per side, and the actor-set block key), whether its type is symmetric, and a number
    standing for its whole content (numbers included) in ``_event_once``'s key."""

    __slots__ = (
        "mention",
        "actors",
        "parties",
        "sources",
        "targets",
        "symmetric",
        "set_keys",
        "dated_keys",
        "content",
        "order",
        "signed",
        "alike",
        "sides",
        "claims",
    )

    def __init__(self, m: EventMention) -> None:
        self.mention = m  # kept alive with its id(): the cache is keyed by the object
        self.sources = frozenset(actor_key(a) for a in m.source_actors)
        self.targets = frozenset(actor_key(a) for a in m.target_actors)
        self.actors = set(self.sources | self.targets)
        self.parties = frozenset(_parties(m))
        self.symmetric = _symmetric(m)
        self.set_keys = [(m.type, "set:" + "|".join(sorted(self.actors)))] if self.actors else []
        self.dated_keys = self.set_keys if m.date else []  # the keys a match across stories may share
        self.content = _content_number(m)
        self.order = (D.rank(m.date_precision if m.date else None), m.id)  # the canonical order's key
        self.signed: tuple[str | None, int, list[tuple[str, str]]] | None = None  # (story, number, keys) last asked
        self.alike: int | None = None  # ``_same_story_number``, once asked
        self.sides: tuple[tuple, tuple] | None = None  # ``_actor_entries``, once asked
        self.claims: tuple[tuple[str, str], ...] | None = None  # ``_mention_claims``, once asked


FACTS_KEPT = 1 << 16  # mention objects whose facts are kept (the store hands back the same objects for a block)
_FACTS: dict[int, _Facts] = {}
_facts_cleared = 0  # how many times ``_FACTS`` was cleared
_CONTENTS: dict[tuple, int] = {}  # (mention, its numbers) -> a number never given to other content
_NUMBERS = itertools.count()


def _facts(m: EventMention) -> _Facts:
    global _facts_cleared
    found = _FACTS.get(id(m))
    if found is None or found.mention is not m:
        if len(_FACTS) >= FACTS_KEPT:
            _FACTS.clear()
            _facts_cleared += 1
        found = _FACTS[id(m)] = _Facts(m)
    return found


def _content_number(m: EventMention) -> int:
    """One number per distinct mention content (the fields equality compares, and its numbers);
    numbers are never reused, so a key made of them never names other content, even after a clear."""
    return _interned(_CONTENTS, _NUMBERS, (m, tuple(sorted(m.numbers.items()))), FACTS_KEPT)


def _actors(m: EventMention) -> set[str]:
    return {actor_key(a) for a in m.source_actors + m.target_actors}


def _party(a: ActorRef) -> str:
    """The actor's party (``ActorRef.party``: "Kenya asked the UN", "the Kenyan government asked the
    UN"), the key ``_actors_compatible`` compares. A fused event still names both as its sources say
    them (a timeline of "Portugal" finds it), and across stories the actors must be the same ids
    (``fusion_keys`` find them by id)."""
    return a.party or actor_key(a)


def _parties(m: EventMention) -> set[str]:
    return {_party(a) for a in m.source_actors + m.target_actors}


def _symmetric(m: EventMention) -> bool:
    return m.symmetric or m.type in load("fusion.yaml")["symmetric_types"]


def _same_action(m: EventMention, n: EventMention) -> bool:
    """The two mentions tell one kind of act: the same PLOVER mode where both give one, else the same
    CAMEO code (or neither has one). Event coreference asks the same action, time, place and
    participants (ECB+ and GVC annotation guidelines): inside a story, mentions of two different
    acts ("Portugal welcomed the proposal", "Portugal and Indonesia signed the agreement") are one
    event only when they share more than one participant, not through the one actor they share;
    or when both are joint acts (a call, talks: ``_symmetric``), where a mention naming one party
    ("Netanyahu had a phone call") leaves the other unnamed, not absent."""
    if m.mode and n.mode:
        return m.mode == n.mode
    return m.cameo == n.cameo
