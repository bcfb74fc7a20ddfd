"""Event coreference for any event mention (not only PLOVER-coded ones): the fusion decision,
generalised. As in ``fuse.compatible``, two mentions can be one event only inside one story and
when their dates and participants do not conflict; what stands in for the PLOVER type is the
trigger: the same lemma, or triggers whose embeddings are close ("killed" / "death"). A mention
joins the cluster of its story it scores best with on average (at or above the threshold), else
starts one; mentions are taken in a canonical order, so the result does not depend on input order.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np

from .config import load


@dataclass(frozen=True)
class AnyMention:
    id: str
    story: str | None
    lemma: str
    names: frozenset[str] = frozenset()  # people / organisations named in the mention's sentence
    dates: frozenset[str] = frozenset()  # day-precision dates in the mention's sentence
    places: frozenset[str] = frozenset()  # places named in the mention's sentence
    vector: np.ndarray | None = field(default=None, compare=False, hash=False)  # unit trigger embedding
    article: str = ""


def _cfg() -> dict:
    return load("fusion.yaml")["coref"]


def pair_score(a: AnyMention, b: AnyMention) -> float:
    """How much two mentions look like one event (-inf when they cannot be)."""
    if a.story is None or a.story != b.story:
        return -math.inf
    cfg = _cfg()
    if a.dates and b.dates and not a.dates & b.dates:
        return -math.inf
    s = cfg["same_lemma"] * (a.lemma == b.lemma)
    if a.vector is not None and b.vector is not None:
        s += cfg["trigger_similarity"] * float(a.vector @ b.vector)
    if a.names and b.names:
        s += cfg["shared_names"] if a.names & b.names else -cfg["conflicting_names"]
    if a.places and b.places and not a.places & b.places:
        s -= cfg["conflicting_places"]
    if a.article and a.article == b.article:
        s -= cfg["same_article"]
    return s


def same_event(a: AnyMention, b: AnyMention) -> bool:
    return pair_score(a, b) >= _cfg()["threshold"]


def group(mentions: list[AnyMention]) -> list[list[str]]:
    """Clusters of mention ids, built story by story with online average linkage."""
    threshold = float(_cfg()["threshold"])
    by_story: dict[str | None, list[list[AnyMention]]] = {}
    clusters: list[list[AnyMention]] = []
    for m in sorted(mentions, key=lambda m: m.id):
        options = by_story.setdefault(m.story, []) if m.story is not None else []
        best, best_score = None, -math.inf
        for cluster in options:
            score = sum(pair_score(m, n) for n in cluster) / len(cluster)
            if score > best_score:
                best, best_score = cluster, score
        if best is None or best_score < threshold:
            best = []
            options.append(best)
            clusters.append(best)
        best.append(m)
    return [[m.id for m in c] for c in clusters]
