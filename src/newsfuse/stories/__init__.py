"""Stories and fusion: same story across outlets, one Event per real-world event, briefings (timelines: tell).

The story clusterer (``stories.cluster``, with scipy's hierarchy) and the briefing (``stories.brief``) are
imported from their own modules: what the analysis workers import of this package (story items, fusion
keys, the embedder) leaves them out, so that a worker's fork server does not load them (a third of a
second of its CPU on a cold ingest, before any worker starts)."""

from .embed import embed_texts, load_embedder, may_run_beside
from .fuse import fuse_events, fusion_keys, fusion_reach_days
from .items import StoryItem, embedding_text, story_item

__all__ = [
    "StoryItem",
    "embed_texts",
    "embedding_text",
    "fuse_events",
    "fusion_keys",
    "fusion_reach_days",
    "load_embedder",
    "may_run_beside",
    "story_item",
]
