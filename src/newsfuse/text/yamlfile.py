"""The one way the project reads its YAML data files: PyYAML's safe loader in its C build (libyaml,
shipped in PyYAML's wheels), which gives the same objects as PyYAML's ``safe_load`` about eight
times faster; a cold command reads some twenty such files before its first article."""

from __future__ import annotations

from typing import IO, Any

import yaml

LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the pure-Python one where libyaml is missing


def load_yaml(source: str | IO[str]) -> Any:
    """The data of one YAML document (text or an open text file), safely: plain data types only."""
    return yaml.load(source, Loader=LOADER)  # noqa: S506 - a safe loader
