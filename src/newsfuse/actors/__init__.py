"""actors: link mentions to canonical actors (country ISO-3, CAMEO sector, role on a date).

- ``link(annotated)`` -> a copy with ``actors``, entity ``actor_id`` and quote ``speaker`` filled;
  ``actors`` ends with the names and demonyms no rule linked that the KB resolves, marked ``bare``
  (the event stage's roles use them; the readers of linked mentions leave them out).
- ``resolve(name, date=None)`` -> the KB actor that name means on that date, or None.
- ``get_kb()`` -> the knowledge base (loaded once from ``data/``).
"""

from __future__ import annotations

from newsfuse.model import Actor

from .kb import KnowledgeBase, get_kb
from .link import link


def resolve(name: str, date: str | None = None) -> Actor | None:
    return get_kb().resolve(name, date)


def name_of(actor_id: str) -> str | None:
    """The knowledge base's name for an actor id ("gov:KEN" -> "Kenyan government", "leg:KEN" ->
    "Kenyan legislature"), or None for an id it does not hold (a person the linker named itself)."""
    kb = get_kb()
    entry = kb.entries.get(actor_id)
    if entry is None:
        sector, _, iso = actor_id.partition(":")
        if iso in kb.countries and sector.upper() in kb.sector_names:
            entry = kb.sector_entry(iso, sector.upper())
    return entry.name if entry else None


__all__ = ["KnowledgeBase", "get_kb", "link", "name_of", "resolve"]
