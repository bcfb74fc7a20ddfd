"""The CAMEO agent sector an organisation the knowledge base does not list states in its own name.

CAMEO's agent dictionaries code a body by the kind of body it is ("COMPANY [~BUS]", "NEWSPAPER [~MED]"); a
name whose last word is such a word ("Exxon Mobil Corp.", "Fox News", "Columbia University") says that kind
itself. Where no word of the name says it, the body keeps no sector. Word lists: ``data/org_sectors.yaml``.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

from newsfuse.text.yamlfile import load_yaml

from .text import key


@lru_cache(maxsize=1)
def name_endings() -> dict[str, str]:
    """Last word of a name -> the sector it states."""
    raw = load_yaml(resources.files("newsfuse.actors").joinpath("data/org_sectors.yaml").read_text(encoding="utf-8"))
    return {str(w).lower(): sector for sector, ws in raw["name_endings"].items() for w in ws}


def sector_of_name(name: str) -> str | None:
    """The sector a body's name states by its last word ("Fox News": MED, "Apple Inc.": BUS), else None. A
    one-word name states no kind ("News", "Post" alone are no body's name)."""
    words = [w for w in key(name) if w.strip(".")]
    if len(words) < 2:
        return None
    return name_endings().get(words[-1].strip(".").lower())
