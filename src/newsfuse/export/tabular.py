"""JSON Lines, CSV and Parquet tables of articles, events and mentions."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from ..model import to_plain
from ..store.base import Store
from .rows import COLUMNS, flat_rows, records

BATCH = 2000
_ARROW = {"str": pa.string(), "int": pa.int64(), "float": pa.float64(), "list": pa.list_(pa.string())}


def write_jsonl(store: Store, what: str, path: Path) -> int:
    """Full nested records (DESIGN.md JSON), one per line."""
    n = 0
    with path.open("w", encoding="utf-8") as fh:
        for rec in records(store, what):
            fh.write(json.dumps(to_plain(rec), ensure_ascii=False) + "\n")
            n += 1
    return n


KINDS = {"articles": "article", "events": "event", "mentions": "mention"}


def write_all_jsonl(store: Store, tables: Sequence[str], path: Path) -> int:
    """Several tables in one JSON Lines file: each full record with a ``kind`` (article, event, mention)."""
    n = 0
    with path.open("w", encoding="utf-8") as fh:
        for what in tables:
            for rec in records(store, what):
                fh.write(json.dumps({"kind": KINDS[what], **to_plain(rec)}, ensure_ascii=False) + "\n")
                n += 1
    return n


def _csv_cell(value: Any) -> Any:
    if isinstance(value, list):
        return json.dumps(value, ensure_ascii=False)  # lossless, and parallel lists stay aligned
    return "" if value is None else value


def write_csv(store: Store, what: str, path: Path) -> int:
    columns = list(COLUMNS[what])
    n = 0
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=columns)
        writer.writeheader()
        for row in flat_rows(store, what):
            writer.writerow({k: _csv_cell(row[k]) for k in columns})
            n += 1
    return n


def read_csv(path: str | Path, what: str) -> Iterator[dict[str, Any]]:
    """Read back a CSV written by ``write_csv``: lists split, numbers typed, empty cells None."""
    kinds = COLUMNS[what]
    with Path(path).open(encoding="utf-8", newline="") as fh:
        for raw in csv.DictReader(fh):
            yield {k: _parse_cell(raw.get(k, ""), kind) for k, kind in kinds.items()}


def _parse_cell(cell: str, kind: str) -> Any:
    if kind == "list":
        return json.loads(cell) if cell else []
    if cell == "":
        return None
    if kind == "int":
        return int(cell)
    if kind == "float":
        return float(cell)
    return cell


def parquet_schema(what: str) -> pa.Schema:
    return pa.schema([(name, _ARROW[kind]) for name, kind in COLUMNS[what].items()])


def write_parquet(store: Store, what: str, path: Path) -> int:
    schema = parquet_schema(what)
    n = 0
    with pq.ParquetWriter(str(path), schema) as writer:
        batch: list[dict[str, Any]] = []
        for row in flat_rows(store, what):
            batch.append(row)
            if len(batch) >= BATCH:
                writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                n += len(batch)
                batch = []
        if batch or n == 0:
            writer.write_table(pa.Table.from_pylist(batch, schema=schema))
            n += len(batch)
    return n
