"""Names and demonyms the linker left bare that the knowledge base alone resolves.

"Australian ultimatum", "in Tel Aviv", "NATO", "Ethopia" (a country's name misspelt): words no linking
rule took (no agent noun, no government verb) but that name a state or an international body. The
event stage needs them to find who did what; they are emitted marked ``bare`` so that readers of
linked mentions (the actor list, story clustering, the linking benchmark) can leave them out.
"""

from __future__ import annotations

from newsfuse.model import NON_ACTOR_LABELS, ActorMention, AnnotatedArticle, Token

from .kb import KnowledgeBase
from .text import TakenSpans

BARE_LABELS = frozenset({"GPE", "NORP", "LOC", "ORG", "FAC"})
# a capitalised word inside these is part of another name ("Indian Ocean", "40 million US dollars");
# people are the linker's
NOT_ACTOR_TYPES = NON_ACTOR_LABELS | {"PERSON"}
GROUP_SECTORS = frozenset({"IGO", "NGO"})

Span = tuple[int, int, str]


def bare_mentions(
    kb: KnowledgeBase, annotated: AnnotatedArticle, linked: tuple[ActorMention, ...]
) -> list[ActorMention]:
    """KB-resolved bare names and demonyms, none overlapping a linked mention or each other."""
    out: list[ActorMention] = []
    taken = TakenSpans(len(annotated.article.text))
    for m in linked:
        taken.add(m.start, m.end)
    for start, end, words in candidate_spans(annotated):
        if taken.overlaps(start, end):
            continue
        name, date = words.removesuffix("'s").removesuffix("'"), annotated.article.published
        actor = kb.resolve(name, date) or kb.misspelt_state(name, date)
        if actor is not None and (actor.country or actor.sector in GROUP_SECTORS):
            out.append(ActorMention(words, start, end, actor.ref(), "kb", bare=True))
            taken.add(start, end)
    return out


def candidate_spans(annotated: AnnotatedArticle) -> list[Span]:
    """Place, group and organisation entities, then capitalised adjectives and proper nouns."""
    spans = [(e.start, e.end, e.text) for e in annotated.entities if e.label in BARE_LABELS]
    text = annotated.article.text
    spans += [
        (t.start, t.end, t.text)
        for t in annotated.tokens
        if t.pos in ("ADJ", "PROPN")
        and t.text[:1].isupper()
        and t.ent_type not in NOT_ACTOR_TYPES
        and text[t.end : t.end + 1] != "-"  # "Israeli-occupied" is no actor
        and not opens_untagged_name(annotated, t)
    ]
    return spans


def opens_untagged_name(annotated: AnnotatedArticle, tok: Token) -> bool:
    """An untagged word that is the first part of a compound proper name the tagger missed ('American Crossroads',
    a super PAC): the name's own word, not its country's demonym."""
    if tok.ent_type or tok.dep != "compound" or not 0 <= tok.head < len(annotated.tokens):
        return False
    head = annotated.tokens[tok.head]
    return head.i == tok.i + 1 and head.pos == "PROPN" and head.text[:1].isupper() and not head.ent_type
