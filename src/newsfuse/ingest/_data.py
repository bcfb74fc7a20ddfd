"""Loads the reader rules kept in ``ingest/data/*.yaml``."""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

from ..text.yamlfile import load_yaml


@cache
def load(name: str) -> dict[str, Any]:
    text = resources.files(__package__).joinpath("data", f"{name}.yaml").read_text("utf-8")
    return load_yaml(text)
