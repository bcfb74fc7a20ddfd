"""The growth benchmark's SQL doubling (``benchmarks/fill_store.py``) keeps up with the store's layout: a
store filled by this code doubles into one the real code reads and extends (every table covered, the
clusterer's head, chunk and key rows cloned with renamed ids, a new ingest stored in stories)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from newsfuse.pipeline import ingest_paths
from newsfuse.store import open_store

ROOT = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location("fill_store_bench", ROOT / "benchmarks" / "fill_store.py")
assert _spec is not None and _spec.loader is not None
fill_store = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(fill_store)


def test_a_store_filled_by_this_code_doubles_and_reads(tmp_path, capsys):
    folder = tmp_path / "in"
    folder.mkdir()
    fill_store.generate(folder, 40, seed=5)
    src = tmp_path / "filled.db"
    with open_store(str(src)) as store:
        assert ingest_paths(store, [str(folder)]).new == 40
    fill_store.check(src)  # asserts row counts, clusterer rows, CLI reads and a new ingest
    out = capsys.readouterr().out
    assert "new ingest into the doubled-twice store: 8 articles stored" in out
