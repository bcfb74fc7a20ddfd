"""Thresholds and vocabularies of the stories stage, read from ``data/``."""

from __future__ import annotations

from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from ..text.yamlfile import load_yaml

DATA = Path(__file__).resolve().parent / "data"


@cache
def load(name: str) -> dict[str, Any]:
    with open(DATA / name, encoding="utf-8") as fh:
        return load_yaml(fh)


@lru_cache(maxsize=1)
def stop_lemmas() -> frozenset[str]:
    words = (DATA / "stop_lemmas.txt").read_text(encoding="utf-8").split()
    return frozenset(w.lower() for w in words if not w.startswith("#"))
