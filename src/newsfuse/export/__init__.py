"""Exports of the store for analysts and other tools.

``export(store, fmt, out_path, what=None)``:

* ``jsonl``, ``csv``, ``parquet``: with ``what`` (articles|events|mentions) one file at ``out_path``
  (or ``out_path/<what>.<ext>`` when ``out_path`` is an existing folder); without ``what`` a folder
  ``out_path`` holding ``articles.<ext>``, ``events.<ext>`` and ``mentions.<ext>``.
  JSONL holds the full records of DESIGN.md; CSV and Parquet one flat row per record (columns in
  ``rows.COLUMNS``; a CSV list cell is a JSON array, Parquet keeps lists of strings).
* ``gdelt``: one tab-separated event table (``events.gdelt.tsv`` inside a folder), header first,
  columns in ``data/gdelt.yaml``.
* ``graphml``: actors and events as a bipartite directed graph (``newsfuse.graphml`` inside a folder).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ..store.base import Store
from .gdelt import read_gdelt, write_gdelt
from .graph import build_graph, write_graphml
from .rows import COLUMNS
from .tabular import read_csv, write_csv, write_jsonl, write_parquet

FORMATS = ("jsonl", "csv", "parquet", "gdelt", "graphml")
TABLES = ("articles", "events", "mentions")
EXTENSIONS = {"jsonl": "jsonl", "csv": "csv", "parquet": "parquet", "gdelt": "gdelt.tsv", "graphml": "graphml"}
MEDIA_TYPES = {
    "jsonl": "application/x-ndjson",
    "csv": "text/csv; charset=utf-8",
    "parquet": "application/vnd.apache.parquet",
    "gdelt": "text/tab-separated-values; charset=utf-8",
    "graphml": "application/graphml+xml",
}
_TABLE_WRITERS: dict[str, Callable[[Store, str, Path], int]] = {
    "jsonl": write_jsonl,
    "csv": write_csv,
    "parquet": write_parquet,
}


class ExportError(ValueError):
    pass


def export(store: Store, fmt: str, out_path: str, what: str | None = None) -> list[str]:
    """Write the export; returns the paths written."""
    fmt = fmt.lower()
    if fmt not in FORMATS:
        raise ExportError(f"unknown format {fmt!r} (one of {', '.join(FORMATS)})")
    if what is not None and what not in TABLES:
        raise ExportError(f"unknown table {what!r} (one of {', '.join(TABLES)})")
    out = Path(out_path)
    if fmt == "gdelt":
        return [_single(out, "events.gdelt.tsv", lambda p: write_gdelt(store, p))]
    if fmt == "graphml":
        return [_single(out, "newsfuse.graphml", lambda p: write_graphml(store, p))]
    writer = _TABLE_WRITERS[fmt]
    if what is not None:
        return [_single(out, f"{what}.{EXTENSIONS[fmt]}", lambda p: writer(store, what, p))]
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for table in TABLES:
        path = out / f"{table}.{EXTENSIONS[fmt]}"
        writer(store, table, path)
        written.append(str(path))
    return written


def _single(out: Path, name_in_folder: str, write: Callable[[Path], int]) -> str:
    path = out / name_in_folder if out.is_dir() else out
    path.parent.mkdir(parents=True, exist_ok=True)
    write(path)
    return str(path)


__all__ = [
    "export",
    "ExportError",
    "FORMATS",
    "TABLES",
    "EXTENSIONS",
    "MEDIA_TYPES",
    "COLUMNS",
    "read_csv",
    "read_gdelt",
    "build_graph",
]
