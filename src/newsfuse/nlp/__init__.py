"""Understanding: sentences, tokens, entities, dates and quotes (spaCy + rules)."""

from .pipeline import annotate, load_model

__all__ = ["annotate", "load_model"]
