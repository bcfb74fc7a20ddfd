"""Stories and fusion: same story across outlets, one Event per real-world event, briefings (timelines: tell)."""

from .cluster import StoryClusterer
from .embed import embed_texts, load_embedder, may_run_beside
from .items import StoryItem, embedding_text, story_item

__all__ = [
    "StoryClusterer",
    "StoryItem",
    "embed_texts",
    "embedding_text",
    "load_embedder",
    "may_run_beside",
    "story_item",
]

from .brief import brief, briefing  # noqa: E402
from .fuse import fuse_events, fusion_keys, fusion_reach_days  # noqa: E402

__all__ += ["brief", "briefing", "fuse_events", "fusion_keys", "fusion_reach_days"]
