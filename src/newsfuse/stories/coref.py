"""Event coreference for any event mention (not only PLOVER-coded ones): the fusion decision,
generalised. Two mentions are one event when they are in the same story, their triggers share a
lemma, and their sentences' participants and dates do not conflict."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class AnyMention:
    id: str
    story: str | None
    lemma: str
    names: frozenset[str] = frozenset()  # people / places named in the mention's sentence
    dates: frozenset[str] = frozenset()  # day-precision dates in the mention's sentence


def same_event(a: AnyMention, b: AnyMention) -> bool:
    if a.story is None or a.story != b.story or a.lemma != b.lemma:
        return False
    if a.dates and b.dates and not a.dates & b.dates:
        return False
    return True


def group(mentions: list[AnyMention]) -> list[list[str]]:
    """Clusters of mention ids: a mention joins the first cluster it is the same event as (all members)."""
    clusters: list[list[AnyMention]] = []
    by_key: dict[tuple[str | None, str], list[list[AnyMention]]] = {}
    for m in sorted(mentions, key=lambda m: m.id):
        options = by_key.setdefault((m.story, m.lemma), [])
        home = next((c for c in options if all(same_event(m, n) for n in c)), None)
        if home is None:
            home = []
            options.append(home)
            clusters.append(home)
        home.append(m)
    return [[m.id for m in c] for c in clusters]
