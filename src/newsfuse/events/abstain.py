"""When the coder says nothing: non-political news, background history, natural causes, things that
are no actors. Word lists live in data/abstain.yaml (derived from the Phoenix discard list)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from functools import cache

from ..model import AnnotatedArticle, date_span
from ..text.tree import Tree
from .ontology import load_abstain


def _phrases(values) -> list[str]:
    marker = str(load_abstain().get("note_marker") or "")
    return [str(v).replace(marker, "").strip().lower() for v in values or ()]


@cache
def _regex(key: str) -> re.Pattern[str] | None:
    cfg = load_abstain()
    if key == "sentence":
        words = [w for group in cfg["discard"]["sentence"].values() for w in _phrases(group)]
    elif key == "story":
        words = _phrases(cfg["discard"]["story"])
    else:
        words = _phrases(cfg.get(key))
    if not words:
        return None
    alts = "|".join(re.escape(w).replace(r"\ ", r"[\s-]+") for w in sorted(set(words), key=len, reverse=True))
    return re.compile(r"(?<![\w-])(?:" + alts + r")(?![\w-])", re.IGNORECASE)


def _has(key: str, text: str) -> bool:
    rx = _regex(key)
    return bool(rx and rx.search(text))


@cache
def cue(key: str) -> frozenset[str]:
    return frozenset(_phrases(load_abstain().get(key)))


@cache
def upper_cue(key: str) -> frozenset[str]:
    return frozenset(x.upper() for x in cue(key))


def discarded_sentence(text: str) -> bool:
    """Sport, film, celebrity, weather, disease or accident news: no political event."""
    return _has("sentence", text)


def discarded_article(annotated: AnnotatedArticle) -> bool:
    """The whole story is non-political: a story-level phrase anywhere, or a sentence-level one in its
    title or first sentence."""
    article = annotated.article
    if _has("story", article.text):
        return True
    lead = [article.title or ""] + [s.text for s in annotated.sentences[:1]]
    return any(discarded_sentence(t) for t in lead if t)


SUBORDINATE = ("relcl", "acl", "ccomp", "advcl")  # clauses that tell about something else


def foreign_clauses(tree: Tree, anchors: list[int]) -> set[int]:
    """Tokens of the subordinate clauses that hold none of ``anchors`` ("the hostages, whom they took two
    weeks ago", "nationals suspected of a bombing in 1988"): what they say does not date the act."""
    return clauses_apart(tree, anchors, lambda i: tree.tokens[i].dep in SUBORDINATE)


def clauses_apart(tree: Tree, anchors: list[int], is_clause: Callable[[int], bool]) -> set[int]:
    """Tokens under every head ``is_clause`` accepts that holds none of ``anchors`` (is neither one of
    them nor above one)."""
    inside = set(anchors) | {a for x in anchors for a in tree.ancestors(x)}
    out: set[int] = set()
    for i in tree.tokens:
        if i not in inside and i not in out and is_clause(i):
            out |= set(tree.subtree(i))
    return out


def own_clause_text(tree: Tree, anchors: list[int]) -> str:
    """The sentence's words outside the subordinate clauses that do not hold the act."""
    foreign = foreign_clauses(tree, anchors)
    return tree.span_text([i for i in sorted(tree.tokens) if i not in foreign])


def background(date: str | None, published: str | None, sentence: str) -> bool:
    """An act dated well before its article ("in 1983", "years ago"): history, not the current event."""
    if _has("background_phrases", sentence):
        return True
    if not date or not published:
        return False
    end, pub = _last_day(date), _day(published)
    if end is None or pub is None:
        return False
    return (pub - end).days >= int(load_abstain()["background_min_days"])


def back_story(tree: Tree, verb: int | None) -> bool:
    """ "Graham, who had previously endorsed Jeb Bush, will headline ...": a past perfect with an adverb of prior time
    (``prior_adverbs``) tells what happened before the reported events, as news style gives the back-story; it is
    no current act (manual: acts only referred to as background are not coded)."""
    if verb is None:
        return False
    had = any(tree.lemma(a) == "have" and tree.tokens[a].tag == "VBD" for a in tree.children(verb, "aux"))
    return had and tree.tokens[verb].tag == "VBN" and bool(tree.child_lemmas(verb, "advmod") & cue("prior_adverbs"))


def describes_person(tree: Tree, act: int) -> bool:
    """The act stands in a non-restrictive relative clause on a person ("Sharon, who has vowed not to return ...",
    "Trump, who has threatened not to show up"): a comma, then who/whom/whose, opens the clause."""
    clause = next((k for k in [act, *tree.ancestors(act)] if tree.tokens[k].dep == "relcl"), None)
    if clause is None:
        return False
    first = min(tree.subtree(clause))
    comma = tree.tokens.get(first - 1)
    return tree.tokens[first].text.lower() in cue("describing_relatives") and comma is not None and comma.text == ","


def reference_day(annotated: AnnotatedArticle) -> str | None:
    """The article's "now": its publication date, else the latest day its own text dates."""
    if annotated.article.published:
        return annotated.article.published
    days = sorted(d.value for d in annotated.dates if d.value and d.precision == "day")
    return days[-1] if days else None


def _day(value: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def _last_day(value: str) -> dt.date | None:
    """The last day a date at any precision may stand for (2008 -> 2008-12-31, 2008-W37 -> its Sunday,
    2016-SU -> 2016-08-31)."""
    span = date_span(value)
    return span[1] if span else None


def natural_cause(tree: Tree, verb: int | None, anchors: list[int]) -> bool:
    """ "An earthquake struck", "the crash killed 12", "a magnitude 6 quake hit", "a heart attack": no
    political act."""
    agents = cue("natural_agents")
    if verb is not None:
        for s in tree.children(verb, "nsubj", "nsubjpass", "csubj"):  # "Hurricane George destroyed"
            if {tree.lemma(k) for k in [s, *tree.children(s, "compound")]} & agents:
                return True
        for by in tree.children(verb, "agent"):
            if any(tree.lemma(o) in agents for o in tree.children(by, "pobj")):
                return True
    words = {tree.lemma(k) for a in anchors for k in tree.subtree(a, stop=("relcl", "ccomp", "advcl"))}
    return bool(words & cue("disaster_words")) or medical(tree, anchors)


def medical(tree: Tree, anchors: list[int]) -> bool:
    """ "suffered a heart attack", "an asthma attack": the act noun names an illness."""
    return any(tree.child_lemmas(a, "compound", "amod", "nmod") & cue("medical_modifiers") for a in anchors)


def thwarted(tree: Tree, noun: int | None) -> bool:
    """An event noun that is the object of a verb of thwarting ("thwarted another attack") or of
    cancelling ("postponed the summit", "called off the talks"): it did not take place."""
    if noun is None:
        return False
    h = tree.head(noun)
    if tree.tokens[noun].dep not in ("dobj", "pobj", "nsubjpass") or h is None:
        return False
    if tree.lemma(h) == "off" and (up := tree.head(h)) is not None:  # "warded off an attack"
        h = up
    if tree.lemma(h) in cue("thwart_verbs"):
        return True
    phrasal = tree.lemma(h) in cue("cancel_phrasal")  # "call off", "put off"
    return tree.lemma(h) in cue("cancel_verbs") and (not phrasal or "off" in tree.child_lemmas(h, "prt"))


def condition(tree: Tree, verb: int | None) -> bool:
    """The act is the condition of an if- or unless-clause ("if Russia attacks Ukraine, ...")."""
    return verb is not None and bool(tree.child_lemmas(verb, "mark") & cue("condition_marks"))


def comparison(tree: Tree, verb: int | None) -> bool:
    """The act heads a comparative clause ("than Congress had demanded"): the measure of another act."""
    return verb is not None and bool(tree.child_lemmas(verb, "mark") & cue("comparison_marks"))


def hedged(tree: Tree, anchors: list[int]) -> bool:
    """ "allegedly attacked", "a suspected air strike": the sentence only alleges the act."""
    hedges = cue("hedge_words")
    near = set(anchors)
    for a in anchors:
        near |= set(tree.ancestors(a)[:2])
    return any(
        tree.lemma(k) in hedges or tree.tokens[k].text.lower() in hedges
        for a in near
        for k in tree.children(a, "advmod", "amod")
    )


def vessel_nouns() -> frozenset[str]:
    return cue("vessel_nouns")


def not_actor(text: str, start: int, end: int, labels: set[str]) -> bool:
    """A time zone, a vessel, a street, a film, an award or an event name is no actor."""
    name = text[start:end].strip()
    if name.upper() in upper_cue("not_actor_names"):
        return True
    if labels & upper_cue("not_actor_labels"):
        return True
    before = text[max(0, start - 8) : start].split()
    first = name.split()[0].upper() if name.split() else ""
    vessels = upper_cue("vessel_prefixes")
    if first in vessels or (before and before[-1].upper() in vessels):
        return True
    last = name.split()[-1].lower().rstrip(".") if name.split() else ""
    return len(name.split()) > 1 and last in cue("street_words")
