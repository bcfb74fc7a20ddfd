"""The one way the project reads its YAML data files: PyYAML's safe loader in its C build (libyaml,
shipped in PyYAML's wheels), which gives the same objects as PyYAML's ``safe_load`` about eight
times faster; a cold command reads some twenty such files before its first article.

Booleans are YAML 1.2's, ``true`` and ``false`` only: PyYAML follows YAML 1.1, where the words
``on``, ``off``, ``yes`` and ``no`` are booleans too, so a word list such as ``[for, on, upon]`` lost
its ``on`` (read as True) without a word of warning."""

from __future__ import annotations

import re
from typing import IO, Any

import yaml

BASE = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the pure-Python one where libyaml is missing
BOOL = "tag:yaml.org,2002:bool"


class LOADER(BASE):  # type: ignore[misc,valid-type]
    """The safe loader with YAML 1.2's booleans."""


LOADER.yaml_implicit_resolvers = {
    first: [(tag, pattern) for tag, pattern in resolvers if tag != BOOL]
    for first, resolvers in BASE.yaml_implicit_resolvers.items()
}
LOADER.add_implicit_resolver(BOOL, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))


def load_yaml(source: str | IO[str]) -> Any:
    """The data of one YAML document (text or an open text file), safely: plain data types only."""
    return yaml.load(source, Loader=LOADER)  # noqa: S506 - a safe loader
