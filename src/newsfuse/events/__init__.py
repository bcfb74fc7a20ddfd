"""Events: who did what to whom, when, where, about what -- PLOVER-coded, with provenance.

``extract_events`` runs an :class:`Extractor` (default :class:`RuleExtractor`, data-driven and
offline) over one annotated article. A learned extractor only needs an ``extract`` method.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Protocol

from ..model import AnnotatedArticle, EventMention
from .ontology import EventType, Ontology, cameo_for, load_ontology
from .rules import RuleExtractor


class Extractor(Protocol):
    def extract(self, annotated: AnnotatedArticle) -> list[EventMention]: ...


@lru_cache(maxsize=1)
def default_extractor() -> RuleExtractor:
    return RuleExtractor()


def extract_events(annotated: AnnotatedArticle, extractor: Extractor | None = None) -> list[EventMention]:
    """Event mentions of one article, in sentence order (within a sentence, the main event first)."""
    return (extractor or default_extractor()).extract(annotated)


__all__ = [
    "EventType",
    "Extractor",
    "Ontology",
    "RuleExtractor",
    "cameo_for",
    "default_extractor",
    "extract_events",
    "load_ontology",
]
