"""The opening of a briefing: the lead that states the story's main event, in a source's own words.

News is written as an inverted pyramid: a report's first sentence, its lead, states the main event
(who did what, when, where), and its headline announces the same event in short. So the opening
is chosen among the leads of the reports: each one's first ``lead_sentences`` distinct quotable
sentences (a teaser repeated in the body counts once; a sentence in headline case is a headline, no
lead; the chrome glued in front of a sentence is already cut off by ``sentences.without_chrome``):

1. a lead that tells what has happened or is happening comes before one that only tells what is
   to come: every main verb of the latter carries a modal ("Grief counselors will be on hand ...
   following the death of ..."), a follow-up arrangement, not the event. Without a parse of the
   articles this step is skipped;
2. then the lead closest to the other reports and to its own headline: the mean, over every other
   independent report (the closest of its leads and headlines) and over its own report's
   headlines, of the similarity of content words (inverse document frequency in the story);
3. then the earlier position in its report, then the article id (a stable order).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from functools import lru_cache

from ..model import AnnotatedArticle, Token
from .config import load
from .references import tokens_of
from .sentences import Sentence, Weights
from .sources import Source

PREDICATE_POS = ("VERB", "AUX")


@lru_cache(maxsize=1)
def _cfg() -> dict:
    return load("leads.yaml")


def lead(
    pool: Sequence[Sentence],
    headlines: Sequence[Sentence],
    weights: Weights,
    srcs: dict[str, Source],
    parsed: dict[str, AnnotatedArticle] | None = None,
) -> Sentence | None:
    """The sentence to open the briefing with (None: no report has a quotable sentence)."""
    body = [s for s in pool if not headline_cased(s.text)]
    ranks, first = lead_ranks(body), _cfg()["lead_sentences"]
    leads = [s for s in body if ranks.get((s.article_id, s.position), first) < first]
    by_group: dict[str, list[Sentence]] = defaultdict(list)
    for s in list(leads) + list(headlines):
        by_group[srcs[s.article_id].group].append(s)
    own_headlines: dict[str, list[Sentence]] = defaultdict(list)
    for h in headlines:
        own_headlines[srcs[h.article_id].group].append(h)
    scored = []
    for s in leads:
        group = srcs[s.article_id].group
        targets = {g: ss for g, ss in by_group.items() if g != group}
        if own_headlines.get(group):
            targets[group] = own_headlines[group]
        ahead = looks_ahead(s.text, (parsed or {}).get(s.article_id))
        scored.append((ahead, -closeness(s, targets, weights), ranks[s.article_id, s.position], s.article_id, s))
    return min(scored, key=lambda x: x[:4])[4] if scored else None


def lead_ranks(pool: Sequence[Sentence]) -> dict[tuple[str, int], int]:
    """(article id, position) -> the sentence's rank among its article's distinct quotable sentences
    (the pool is in article order); a repeat of an earlier sentence of the same article has none."""
    seen: dict[str, set[tuple[str, ...]]] = defaultdict(set)
    out = {}
    for s in pool:
        key = tuple(s.text.lower().split())
        if key in seen[s.article_id]:
            continue
        out[s.article_id, s.position] = len(seen[s.article_id])
        seen[s.article_id].add(key)
    return out


def headline_cased(text: str) -> bool:
    """Is ``text`` written in headline case ("... Swimmer And Actress Dies Aged 91 .")? Then it is a
    headline with a full stop, not a lead: in a sentence, verbs and common nouns are lower case."""
    cfg = _cfg()["headline_case"]
    words = [w.strip("\"“”‘’'`(),:;-") for w in text.split()]
    long = [w for w in words if len(w) >= cfg["word_letters"] and w[:1].isalpha()]
    capitals = sum(w[0].isupper() for w in long)
    return len(long) >= cfg["min_words"] and capitals >= cfg["min_share"] * len(long)


def closeness(s: Sentence, targets: dict[str, list[Sentence]], weights: Weights) -> float:
    """Mean, over the groups of ``targets``, of the similarity of ``s`` to the closest of the group."""
    if not targets:
        return 0.0
    return sum(max((weights.cosine(s.words, o.words) for o in ss), default=0.0) for ss in targets.values()) / len(
        targets
    )


def looks_ahead(text: str, parsed: AnnotatedArticle | None) -> bool:
    """Does the sentence ``text`` only tell what is to come (module docstring, step 1)? False when
    the article is not parsed or the sentence is not found in its parsed text."""
    tokens = tokens_of(text, parsed) if parsed is not None else []
    if not tokens:
        return False
    inside = {t.i for t in tokens}
    children: dict[int, list[Token]] = defaultdict(list)
    for t in tokens:
        if t.head != t.i:
            children[t.head].append(t)
    roots = [t for t in tokens if t.head == t.i or t.head not in inside]
    predicates = roots + [c for r in roots for c in children[r.i] if c.dep == "conj" and c.pos in PREDICATE_POS]
    return all(_modal(children[v.i]) for v in predicates)


def _modal(children: list[Token]) -> bool:
    """Does a verb with these dependents carry a modal auxiliary ("will be", "could face")?"""
    return any(c.dep in ("aux", "auxpass") and c.tag in _cfg()["modal_tags"] for c in children)
