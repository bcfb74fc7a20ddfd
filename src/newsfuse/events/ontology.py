"""PLOVER ontology (types, modes, CAMEO codes) and the pattern/topic data files."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..text.yamlfile import load_yaml
from .calibration import show_threshold

DATA = Path(__file__).resolve().parent / "data"


@dataclass(frozen=True)
class EventType:
    name: str
    cameo: str
    modes: dict[str, str] = field(default_factory=dict)  # mode -> CAMEO code
    mode_cues: dict[str, tuple[str, ...]] = field(default_factory=dict)


@dataclass(frozen=True)
class Ontology:
    types: dict[str, EventType]
    future_as: dict[str, str]
    denied_as: dict[str, str] = field(default_factory=dict)
    requires_recipient: frozenset[str] = frozenset()  # types that always have one (PLOVER manual ch. 3)

    def cameo_for(self, type_: str, mode: str | None = None) -> str:
        kind = self.types[type_]
        return kind.modes.get(mode or "", kind.cameo)


def _read(name: str) -> Any:
    with open(DATA / name, encoding="utf-8") as fh:
        return load_yaml(fh)


@lru_cache(maxsize=1)
def load_ontology() -> Ontology:
    raw = _read("plover.yaml")
    types = {
        name: EventType(
            name,
            str(spec["cameo"]),
            {m: str(c) for m, c in (spec.get("modes") or {}).items()},
            {m: tuple(cues) for m, cues in (spec.get("mode_cues") or {}).items()},
        )
        for name, spec in raw["types"].items()
    }
    return Ontology(
        types,
        dict(raw.get("future_as") or {}),
        dict(raw.get("denied_as") or {}),
        frozenset(str(x) for x in raw.get("requires_recipient") or ()),
    )


def cameo_for(type_: str, mode: str | None = None) -> str:
    """The CAMEO code standing for a PLOVER type (and mode, where it has its own code)."""
    return load_ontology().cameo_for(type_, mode)


@lru_cache(maxsize=1)
def load_patterns() -> dict[str, Any]:
    return _read("patterns.yaml")


@lru_cache(maxsize=1)
def load_topics() -> list[dict[str, Any]]:
    return list(_read("topics.yaml")["topics"])


@lru_cache(maxsize=1)
def load_precision() -> dict[str, Any]:
    return _read("precision.yaml")


@lru_cache(maxsize=1)
def load_abstain() -> dict[str, Any]:
    return _read("abstain.yaml")


@lru_cache(maxsize=1)
def load_roles() -> dict[str, Any]:
    """Cues of role assignment: reciprocal predicates, stative passives (data/roles.yaml)."""
    return _read("roles.yaml")


@lru_cache(maxsize=1)
def load_cameo_settings() -> dict[str, Any]:
    """How the CAMEO verb lexicon is read and used (data/cameo.yaml)."""
    return _read("cameo.yaml")


def min_confidence() -> float:
    """The confidence below which a mention is not shown: the show threshold cross-validated with the fitted
    confidence model (data/calibration.yaml), or without one data/abstain.yaml ``min_confidence``."""
    fitted = show_threshold()
    return fitted if fitted is not None else float(load_abstain()["min_confidence"])
