"""The growth probe's store counts (benchmarks/store_work.py): read calls told per kind of SQL
statement, and a probe copy started out of the OS page cache (``--cold``)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from newsfuse.store import open_store

ROOT = Path(__file__).resolve().parents[1]


def _load(name: str):
    spec = importlib.util.spec_from_file_location(f"{name}_bench", ROOT / "benchmarks" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


store_work = _load("store_work")
needs_proc_io = pytest.mark.skipif(not store_work.PROC_IO.exists(), reason="no /proc/self/io here")


def test_a_statement_kind_has_no_values_and_one_mark_per_in_list():
    kind = store_work.statement_kind(
        "SELECT a.id FROM dedup_keys k JOIN articles a ON a.id = k.article_id"
        " WHERE k.key IN (-9219192178670531143,17,-3) AND a.title = 'it''s 5' AND a.signature = X'0aff'"
    )
    folded = "WHERE k.key IN (?...) AND a.title = ? AND a.signature = ?"
    assert kind == f"SELECT a.id FROM dedup_keys k JOIN articles a ON a.id = k.article_id {folded}"
    one = store_work.statement_kind("SELECT state FROM cluster_stories WHERE story_id IN ('s-fill0000000')")
    assert one == "SELECT state FROM cluster_stories WHERE story_id IN (?)"


def _filled(path: Path, rows: int = 400) -> None:
    with open_store(str(path)) as store, store.transaction():
        for i in range(rows):
            store.set_state(f"key-{i:04d}", bytes([i % 251]) * 3000)


@needs_proc_io
def test_the_reads_of_a_fresh_connection_are_charged_to_the_statement_that_made_them(tmp_path: Path):
    _filled(tmp_path / "s.db")
    with open_store(str(tmp_path / "s.db")) as store:
        work = store_work.StoreWork(store, by_statement=True)
        work.start()
        store.get_state("key-0001")
        total = store._exec("SELECT COUNT(*), SUM(LENGTH(value)) FROM state").fetchone()
        counted = work.counts(1)
    assert total == (400, 400 * 3000)
    kinds = counted["reads_by_statement"]
    scan = next(k for k in kinds if k["statement"].startswith("SELECT COUNT(*)"))
    assert kinds[0] is scan and scan["runs"] == 1
    assert scan["read_calls"] >= 300  # a page per row at least: its reads are not the sampling's
    assert abs(sum(k["read_calls"] for k in kinds) - counted["read_calls"]) <= 4


@needs_proc_io
def test_a_cold_probe_copy_is_the_store_byte_for_byte(tmp_path: Path):
    ingest = _load("ingest")
    _filled(tmp_path / "s.db", rows=20)
    ingest.prepared_copy(tmp_path / "s.db", tmp_path / "copy.db", cold=True)
    assert (tmp_path / "copy.db").read_bytes() == (tmp_path / "s.db").read_bytes()
    with open_store(str(tmp_path / "copy.db")) as store:
        assert store.get_state("key-0003") == bytes([3]) * 3000


def test_sqlite_steps_count_the_rows_a_statement_visits_not_the_time(tmp_path: Path):
    _filled(tmp_path / "s.db")
    with open_store(str(tmp_path / "s.db")) as store:
        work = store_work.StoreWork(store)
        work.start()
        store.get_state("key-0001")
        lookup = work.counts(1)["sql_steps_k"]
        work.start()
        rows = store._exec("SELECT key, LENGTH(value) FROM state").fetchall()
        scan = work.counts(1)["sql_steps_k"]
        work.start()
        again = store._exec("SELECT key, LENGTH(value) FROM state").fetchall()
        assert work.counts(1)["sql_steps_k"] == scan  # the same statement counts the same, cached or not
    assert len(rows) == len(again) == 400
    assert lookup < 1 < scan  # thousands of VM instructions: each row visited costs a few


def test_the_machine_control_is_a_positive_cpu_time():
    ingest = _load("ingest")
    assert ingest.machine_cpu_ms(runs=1) > 0
