"""One file of many records is analysed and stored a batch at a time: each batch is analysed
together within the per-document time limit and stored in its own transaction."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from newsfuse import pipeline
from newsfuse.pipeline import ingest_paths
from newsfuse.store import open_store

ECBPLUS = (
    Path(__file__).resolve().parents[1] / ".." / "shared" / "corpus" / "clustering" / "ecbplus" / "documents.jsonl"
)
RECORDS = 11


def _one_file_of_records(folder: Path) -> Path:
    lines = [x for x in ECBPLUS.read_text(encoding="utf-8").splitlines() if json.loads(x)["split"] == "dev"]
    path = folder / "many.jsonl"
    path.write_text("\n".join(lines[:RECORDS]) + "\n", encoding="utf-8")
    return path


def test_a_file_of_many_records_is_stored_batch_by_batch(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    sizes: list[int] = []
    real = pipeline.analyse_batch

    def recorded(batch: Any, *args: Any, **kwargs: Any) -> Any:
        sizes.append(len(batch))
        return real(batch, *args, **kwargs)

    monkeypatch.setattr(pipeline, "analyse_batch", recorded)
    store = open_store(str(tmp_path / "b.db"))
    try:
        summary = ingest_paths(store, [str(_one_file_of_records(tmp_path))], batch_size=4)
        assert summary.new + summary.duplicate == RECORDS
        assert sizes == [4, 4, 3]
        assert len(store.articles()) == RECORDS
        again = ingest_paths(store, [str(tmp_path / "many.jsonl")], batch_size=4)
        assert again.new == 0 and len(store.articles()) == RECORDS
    finally:
        store.close()
