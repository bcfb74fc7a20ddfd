"""Small helpers shared by the accuracy scripts: arguments, environment, the final JSON line."""

from __future__ import annotations

import argparse
import json
import platform
import sys
from collections.abc import Sequence
from importlib import metadata
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO / ".." / "shared"
SRC = REPO / "src"
if str(SRC) not in sys.path:  # run from a fresh clone without an install
    sys.path.insert(0, str(SRC))


def parse_args(description: str, default_data: Path, argv: Sequence[str] | None = None) -> argparse.Namespace:
    """``--data DIR --json --limit N``, the options every accuracy script takes."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--data", type=Path, default=default_data, help=f"data folder (default {default_data})")
    parser.add_argument("--json", action="store_true", help="last line of output: one JSON object")
    parser.add_argument("--limit", type=int, default=0, help="score only the first N records (0: all)")
    return parser.parse_args(argv)


def versions(*packages: str) -> dict[str, str]:
    """Installed versions of the given packages ("-" when missing)."""
    out = {}
    for name in packages:
        try:
            out[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            out[name] = "-"
    return out


def machine() -> dict[str, Any]:
    import os

    return {
        "python": platform.python_version(),
        "platform": platform.platform(),
        "processor": platform.machine(),
        "cpus": os.cpu_count(),
    }


def emit(figures: dict[str, Any], as_json: bool) -> None:
    """Print the figures: a readable table, or (with --json) one JSON object as the last line."""
    if as_json:
        print(json.dumps(figures, sort_keys=True, ensure_ascii=False))
        return
    for key, value in figures.items():
        print(f"{key:<24} {value}")
