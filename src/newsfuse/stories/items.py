"""StoryItem: what the story clusterer needs to know about one article."""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from ..model import ActorRef, AnnotatedArticle, EventMention
from .config import load, stop_lemmas

_NAME_EDGE = re.compile(r"^(the|a|an)\s+|'s$|’s$|\s+'s$", re.I)
# a line holding only a web address (a page dump's first line; "http : / / www . x . com / ..." as a
# tokenised corpus writes it): not the opening words a story's title may be
_ADDRESS_LINE = re.compile(r"[ \t]*(?:(?:https?|ftp)[ \t]*:[ \t]*/[ \t]*/|www[ \t]*\.)[^\n]*(?:\n|$)\s*", re.I)


@dataclass(frozen=True)
class StoryItem:
    article_id: str
    published: str | None
    title: str
    embedding: np.ndarray
    actor_ids: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    event_keys: tuple[str, ...] = ()
    dates: tuple[str, ...] = ()
    # Added by this stage: content lemmas with counts, and normalised names (entities, last names).
    terms: tuple[tuple[str, int], ...] = ()
    names: tuple[str, ...] = ()
    salient: tuple[str, ...] = ()  # names said at least twice, or in the title/lead: who the story is about
    name_mentions: tuple[str, ...] = ()  # every name as often as it is said (its term frequency)
    years: tuple[str, ...] = ()  # years of the dates in the lead (absolute or resolved)
    lead_terms: tuple[tuple[str, int], ...] = ()  # content lemmas of the lead sentences
    persons: tuple[tuple[str, int], ...] = ()  # people's last names, counted (twice when in the lead)


def jaccard(a: Iterable[str], b: Iterable[str]) -> float:
    """Share of the values either side has that both have (0 when neither has any)."""
    a, b = set(a), set(b)
    return len(a & b) / len(a | b) if a | b else 0.0


def normalise_name(text: str) -> str:
    text = " ".join(text.split()).strip(" .,;:\"'“”‘’()-")
    return _NAME_EDGE.sub("", text).strip().lower()


def actor_key(actor: ActorRef) -> str:
    return actor.actor_id or normalise_name(actor.name)


def event_key(mention: EventMention) -> str:
    sources = sorted(actor_key(a) for a in mention.source_actors)
    targets = sorted(actor_key(a) for a in mention.target_actors)
    if mention.symmetric:
        sources, targets = sorted(sources + targets), []
    return "|".join([mention.type, ",".join(sources), ",".join(targets)])


def _lead_end(annotated: AnnotatedArticle) -> int:
    n = int(load("clustering.yaml")["lead_sentences"])
    return annotated.sentences[min(n, len(annotated.sentences)) - 1].end if annotated.sentences else 0


def _terms(annotated: AnnotatedArticle, end: int | None = None) -> Counter:
    cfg = load("clustering.yaml")
    pos = set(cfg["content_pos"])
    stops = stop_lemmas()
    counts: Counter = Counter()
    for tok in annotated.tokens:
        if end is not None and tok.start >= end:
            break
        lemma = (tok.lemma or tok.text).lower()
        if tok.pos in pos and len(lemma) > 1 and lemma not in stops and any(c.isalnum() for c in lemma):
            counts[lemma] += 1
    return counts


def _names(annotated: AnnotatedArticle) -> tuple[list[str], list[str], list[str]]:
    cfg = load("clustering.yaml")
    labels, place_labels = set(cfg["name_labels"]), set(cfg["place_labels"])
    names: list[str] = []
    places: list[str] = []
    lead_end = annotated.sentences[min(1, len(annotated.sentences) - 1)].end if annotated.sentences else 0
    lead: set[str] = set()
    for ent in annotated.entities:
        if ent.label not in labels:
            continue
        name = normalise_name(ent.text)
        if not name:
            continue
        found = [name, name.split()[-1]] if ent.label == "PERSON" and " " in name else [name]
        names += found
        if ent.start < lead_end:
            lead.update(found)
        if ent.label in place_labels:
            places.append(name)
    counts = Counter(names)
    salient = sorted(n for n in counts if counts[n] >= 2 or n in lead)
    return names, places, salient


def _persons(annotated: AnnotatedArticle, end: int) -> Counter:
    """Who the article is about: each person's last name, a mention in the lead (before ``end``)
    counting double."""
    counts: Counter = Counter()
    for ent in annotated.entities:
        name = normalise_name(ent.text) if ent.label == "PERSON" else ""
        if name:
            counts[name.split()[-1]] += 2 if ent.start < end else 1
    return counts


def _lead_years(annotated: AnnotatedArticle, end: int) -> tuple[str, ...]:
    """Years of the dates in the title and first sentences (before ``end``): when the story happens,
    not background."""
    return tuple(sorted({d.value[:4] for d in annotated.dates if d.start < end and d.value and d.value[:4].isdigit()}))


def _first_sentence(annotated: AnnotatedArticle) -> str:
    """An untitled article's stand-in title: its first sentence after any web-address lines it opens with."""
    text, skip = annotated.article.text, 0
    while (line := _ADDRESS_LINE.match(text, skip)) and line.end() > skip:
        skip = line.end()
    sentences = annotated.sentences
    return next((x.text for x in sentences if x.start >= skip), sentences[0].text if sentences else "")


def story_item(annotated: AnnotatedArticle, mentions: Sequence[EventMention], embedding) -> StoryItem:
    article = annotated.article
    names, places, salient = _names(annotated)
    actor_ids = sorted({a.actor.actor_id for a in annotated.actors if a.actor.actor_id and not a.bare})
    dates = sorted({d.value for d in annotated.dates if d.value and d.precision == "day"})
    terms = _terms(annotated)
    lead_end = _lead_end(annotated)
    return StoryItem(
        article_id=article.id,
        published=article.published,
        title=article.title or _first_sentence(annotated),
        embedding=np.zeros(0, dtype=np.float32) if embedding is None else np.asarray(embedding, dtype=np.float32),
        actor_ids=tuple(actor_ids),
        places=tuple(sorted(set(places))),
        event_keys=tuple(sorted({event_key(m) for m in mentions})),
        dates=tuple(dates),
        terms=tuple(sorted(terms.items())),
        names=tuple(sorted(set(names))),
        salient=tuple(salient),
        name_mentions=tuple(sorted(names)),
        years=_lead_years(annotated, lead_end),
        lead_terms=tuple(sorted(_terms(annotated, lead_end).items())),
        persons=tuple(sorted(_persons(annotated, lead_end).items())),
    )


def log_tf_unit(counts: dict[str, float]) -> dict[str, float]:
    """Sub-linear term frequencies scaled to unit length (idf is applied later, at query time)."""
    vec = {t: 1.0 + math.log(c) for t, c in counts.items() if c > 0}
    norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
    return {t: v / norm for t, v in vec.items()}


def embedding_text(article) -> str:
    """What the embedder reads for an article: its title and lead (cut at the store's recorded word pieces,
    ``pipeline.embedding_pieces``: 128 for a new store)."""
    body = article.text[:1500]
    return f"{article.title}\n{body}" if article.title else body
