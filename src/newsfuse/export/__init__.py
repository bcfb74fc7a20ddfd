"""Exports of the store for analysts and other tools.

``export(store, fmt, out_path, what=None)``:

``out_path`` is a folder when it is an existing folder or ends with ``/``; otherwise it is the one
file written. ``export_to_stream`` writes the same bytes to a stream (``newsfuse export ... -``).

* ``jsonl``, ``csv``, ``parquet``: with ``what`` (articles|events|mentions) one file at ``out_path``
  (or ``out_path/<what>.<ext>`` in a folder); without ``what`` into a folder, ``articles.<ext>``,
  ``events.<ext>`` and ``mentions.<ext>``; JSONL without ``what`` into a file holds all three
  tables, each record with a ``kind`` field (article, event, mention).
  JSONL holds the full records of DESIGN.md; CSV and Parquet one flat row per record (columns in
  ``rows.COLUMNS``; a CSV list cell is a JSON array, Parquet keeps lists of strings), so they hold
  one table per file.
* ``gdelt``: one tab-separated event table (``events.gdelt.tsv`` inside a folder), header first,
  columns in ``data/gdelt.yaml``.
* ``graphml``: actors and events as a bipartite directed graph (``newsfuse.graphml`` inside a folder).
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from ..store.base import Store
from .gdelt import read_gdelt, write_gdelt
from .graph import build_graph, write_graphml
from .rows import COLUMNS
from .tabular import read_csv, write_all_jsonl, write_csv, write_jsonl, write_parquet

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
    if not is_folder(out_path):
        return [_one_file_of_all_tables(store, fmt, out)]
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for table in TABLES:
        path = out / f"{table}.{EXTENSIONS[fmt]}"
        writer(store, table, path)
        written.append(str(path))
    return written


def export_to_stream(store: Store, fmt: str, stream: BinaryIO, what: str | None = None) -> None:
    """The export as one file's bytes on ``stream`` (standard output for ``newsfuse export ... -``)."""
    folder = Path(tempfile.mkdtemp(prefix="newsfuse-export-"))
    try:
        written = export(store, fmt, str(folder / f"out.{EXTENSIONS.get(fmt.lower(), 'out')}"), what)
        with open(written[0], "rb") as fh:
            shutil.copyfileobj(fh, stream)
        stream.flush()
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def is_folder(out_path: str) -> bool:
    """An existing folder, or a path the user ends with a separator."""
    return out_path.endswith(("/", os.sep)) or Path(out_path).is_dir()


def _one_file_of_all_tables(store: Store, fmt: str, out: Path) -> str:
    if fmt != "jsonl":
        raise ExportError(
            f"{fmt} holds one table per file: name it with --what (articles|events|mentions), "
            f"or give a folder (ending with /) for all three"
        )
    out.parent.mkdir(parents=True, exist_ok=True)
    write_all_jsonl(store, TABLES, out)
    return str(out)


def _single(out: Path, name_in_folder: str, write: Callable[[Path], int]) -> str:
    path = out / name_in_folder if out.is_dir() or str(out).endswith(("/", os.sep)) else out
    path.parent.mkdir(parents=True, exist_ok=True)
    write(path)
    return str(path)


__all__ = [
    "export",
    "export_to_stream",
    "is_folder",
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
