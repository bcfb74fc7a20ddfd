"""Lines another report has overtaken: a sentence saying a fact is not yet known ("The victim's name
has not yet been released") where another article of the story gives that fact ("The victim,
identified as Jahliek Dieudonne, ..."). The brief does not quote it: it would contradict the story
as its later reports tell it (``data/overtaken.yaml``)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from .config import load
from .sentences import Sentence


@lru_cache(maxsize=1)
def _facts() -> dict[str, tuple[re.Pattern, re.Pattern]]:
    return {
        name: (_any(spec["unknown"]), _any(spec["known"])) for name, spec in load("overtaken.yaml")["facts"].items()
    }


def _any(patterns: list[str]) -> re.Pattern:
    return re.compile("|".join(f"(?:{p})" for p in patterns))


def overtaken(sentences: Sequence[Sentence]) -> frozenset[tuple[str, int]]:
    """(article id, position) of each sentence saying a fact is unknown that another article's
    sentence gives. A report that both says a name is withheld and gives one speaks of two people."""
    out = set()
    for unknown, known in _facts().values():
        given_by = {s.article_id for s in sentences if known.search(s.text)}
        for s in sentences:
            if unknown.search(s.text) and given_by - {s.article_id}:
                out.add((s.article_id, s.position))
    return frozenset(out)
