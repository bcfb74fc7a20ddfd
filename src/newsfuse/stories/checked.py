"""Does one cited article say what a composed statement states? Checked on its supporting sentence.

A composed statement ("Chris Christie accused Marco Rubio on 6 February 2016") is cited to an
article only when the sentence its mention was coded from names every actor of the statement (an
entity the linker gave that actor, or the actor's name or surname in the words) as a party, not only
as a modifier of another noun ("Mrs. Clinton's aides are pressuring ..." tells what her aides do), does
not negate the event's word ("will not call on Mr. Sanders to withdraw"), and, for an act stated as
done, does not date it after the article was published (TimeML: an event after the document's own time
is not told as past by it: "are meeting up next week"). An actor the knowledge base does not know may
be stated only where that sentence names it in full as a named entity (``named_in_full``).
"""

from __future__ import annotations

import re

from ..model import ActorRef, AnnotatedArticle, EventMention, Token
from ..text.tree import Tree
from .config import load
from .dates import day_range


def says(m: EventMention, parsed: AnnotatedArticle | None) -> bool:
    """Does ``m``'s own sentence say what a statement composed from ``m`` states?"""
    tokens = _sentence_tokens(m, parsed)
    return (
        all(_names(a, m, tokens, parsed, "source") for a in m.source_actors)
        and all(_names(a, m, tokens, parsed, "target") for a in m.target_actors)
        and not _negated(m, tokens)
        and not _after_publication(m)
    )


def named_in_full(a: ActorRef, m: EventMention, parsed: AnnotatedArticle | None) -> bool:
    """Is an actor the knowledge base does not know named in full in ``m``'s sentence: a named entity
    of a kind that names such an actor (a person by first and last name, a body by its name)?"""
    cfg = load("brief.yaml")["checked"]
    kinds = cfg["named_entity_labels"].get((a.actor_id or "").split(":")[0])
    if not kinds or parsed is None or m.start < 0:
        return False
    name = _plain(a.name)
    if len(name.split()) < cfg["min_name_words"].get((a.actor_id or "").split(":")[0], 1):
        return False
    return any(
        e.label in kinds and _plain(e.text) == name and m.start <= e.start and e.end <= m.end for e in parsed.entities
    )


def _sentence_tokens(m: EventMention, parsed: AnnotatedArticle | None) -> list[Token]:
    if parsed is None or m.start < 0:
        return []
    return [t for t in parsed.tokens if m.start <= t.start and t.end <= m.end]


def _names(a: ActorRef, m: EventMention, tokens: list[Token], parsed: AnnotatedArticle | None, side: str) -> bool:
    """Is ``a`` named in ``m``'s sentence as a party on ``side`` (source, target), not only as a
    modifier of another noun?"""
    spans = _entity_spans(a, m, parsed) + _word_spans(a, m)
    if not tokens:
        return bool(spans)
    deps = load("brief.yaml")["checked"]["modifier_deps"][side]
    return any(not _modifier(span, tokens, deps) for span in spans)


def _entity_spans(a: ActorRef, m: EventMention, parsed: AnnotatedArticle | None) -> list[tuple[int, int]]:
    if parsed is None or a.actor_id is None or m.start < 0:
        return []
    return [(e.start, e.end) for e in parsed.entities if e.actor_id == a.actor_id and m.start <= e.start < m.end]


def _word_spans(a: ActorRef, m: EventMention) -> list[tuple[int, int]]:
    """Where the sentence writes the actor's name, or a person's surname (article-wide offsets)."""
    words = a.name.split()
    forms = [a.name]
    if (a.actor_id or "").startswith("person:") and len(words) > 1:
        forms.append(words[-1] if words[-1].lower().strip(".") not in _suffixes() else words[-2])
    offset = max(m.start, 0)
    return [
        (offset + hit.start(), offset + hit.end())
        for form in forms
        for hit in re.finditer(rf"(?<!\w){re.escape(form)}(?!\w)", m.sentence)
    ]


def _suffixes() -> frozenset[str]:
    return frozenset(load("brief.yaml")["references"]["name_suffixes"])


def _modifier(span: tuple[int, int], tokens: list[Token], deps: list[str]) -> bool:
    """Does the name at ``span`` only modify another noun ("Clinton" in "Mrs. Clinton's aides", in
    "Clinton allies")? Its last token, the head of the name, carries one of ``deps``."""
    inside = [t for t in tokens if span[0] <= t.start < span[1]]
    return bool(inside) and inside[-1].dep in deps


def _negated(m: EventMention, tokens: list[Token]) -> bool:
    """Does a negation govern the event's word ("will not call on", "never met")?"""
    if not tokens or not m.trigger:
        return False
    tree = Tree(tokens)
    first = m.trigger.split()[0].lower()
    deps = load("brief.yaml")["checked"]["negation_deps"]
    return any(tree.children(t.i, *deps) for t in tokens if t.text.lower() == first)


def _after_publication(m: EventMention) -> bool:
    """Is an act told as done dated after its article's publication (told as still to come)?"""
    if m.status != "occurred" or not m.date or m.date_implied or not m.published:
        return False
    when, published = day_range(m.date), day_range(m.published[:10])
    return when is not None and published is not None and when[0] > published[1]


def _plain(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))
