"""Dask runs give the same store as plain runs; a run killed with -9 and re-run ends the same."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from newsfuse.pipeline import ingest_paths
from newsfuse.store import open_store


def snapshot(db: str) -> dict:
    store = open_store(db)
    try:
        return {
            "articles": sorted((a.to_dict() for a in store.articles()), key=lambda d: d["id"]),
            "stories": [s.to_dict() for s in store.stories()],
            "events": [e.to_dict() for e in store.events()],
            "mentions": sorted((m.to_dict() for m in store.mentions()), key=lambda d: d["id"]),
        }
    finally:
        store.close()


@pytest.fixture(scope="module")
def plain_db(tmp_path_factory, examples_dir) -> str:
    db = str(tmp_path_factory.mktemp("plain") / "plain.db")
    store = open_store(db)
    summary = ingest_paths(store, [str(examples_dir)])
    store.close()
    assert summary.new >= 8 and summary.failed == 0
    return db


def test_dask_local_cluster_gives_the_same_store_as_a_plain_run(tmp_path, examples_dir, plain_db):
    import dask
    from dask.distributed import Client

    from newsfuse.distributed import ingest_with_dask, local_cluster, prepare_worker

    db = str(tmp_path / "dask.db")
    with local_cluster(2) as cluster, Client(cluster) as client:
        assert len(client.scheduler_info()["workers"]) == 2
        profiling = client.run(lambda: dask.config.get("distributed.worker.profile.enabled"))
        assert list(profiling.values()) == [False, False]  # the workers started with local_settings
        client.run(prepare_worker)  # as the benchmark does before timing; the tasks find it done
        store = open_store(db)
        summary = ingest_with_dask(store, [str(examples_dir)], "unused", client=client)
        store.close()
    assert summary.failed == 0
    dask_snap, plain_snap = snapshot(db), snapshot(plain_db)
    assert dask_snap["articles"] == plain_snap["articles"]
    assert dask_snap["stories"] == plain_snap["stories"]
    assert dask_snap["mentions"] == plain_snap["mentions"]
    assert dask_snap["events"] == plain_snap["events"]


def test_local_settings_are_settings_dask_knows():
    import dask
    import distributed  # noqa: F401 - its defaults join dask's config on import

    from newsfuse.distributed import local_settings

    settings = local_settings()
    assert settings
    for key in settings:
        dask.config.get(key)  # a misspelt key would set nothing, silently: KeyError here


def _count(db: str) -> int:
    try:
        with sqlite3.connect(db, timeout=1) as conn:
            return conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
    except sqlite3.Error:
        return 0


def _ingest_until_stored(examples_dir, db: str, articles: int) -> tuple[list[str], subprocess.Popen]:
    """Start `newsfuse ingest` (one article per batch) and return once `articles` are committed."""
    exe = str(Path(sys.executable).with_name("newsfuse"))
    cmd = [exe, "ingest", str(examples_dir), "--db", db, "--batch-size", "1"]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    deadline = time.time() + 240
    while time.time() < deadline and proc.poll() is None and _count(db) < articles:
        time.sleep(0.05)
    assert proc.poll() is None, "the run finished before it could be stopped"
    return cmd, proc


def test_run_killed_with_sigkill_then_rerun_ends_like_an_uninterrupted_run(tmp_path, examples_dir, plain_db):
    db = str(tmp_path / "killed.db")
    cmd, proc = _ingest_until_stored(examples_dir, db, 2)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    stored = _count(db)
    assert 0 < stored < len(snapshot(plain_db)["articles"])
    rerun = subprocess.run(cmd, capture_output=True, timeout=600)
    assert rerun.returncode == 0, rerun.stderr.decode()
    assert snapshot(db) == snapshot(plain_db)


def test_a_killed_worker_partition_is_retried(tmp_path, examples_dir, plain_db):
    """kill -9 a worker while it analyses a partition: the scheduler reruns it; the store is complete."""
    import threading

    from dask.distributed import Client, LocalCluster

    import newsfuse.distributed as nd

    db = str(tmp_path / "killed-worker.db")
    old = nd.PARTITION_ARTICLES
    nd.PARTITION_ARTICLES = 2  # several analysis tasks, so one is in flight when the worker dies
    killed: list[int] = []
    try:
        with (
            LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster,
            Client(cluster) as client,
        ):
            pids = client.run(os.getpid)

            def killer() -> None:
                deadline = time.time() + 240
                while time.time() < deadline and not killed:
                    for address, keys in client.processing().items():
                        if any("analyse_partition" in str(k) for k in keys):
                            os.kill(pids[address], signal.SIGKILL)
                            killed.append(pids[address])
                            return
                    time.sleep(0.02)

            thread = threading.Thread(target=killer, daemon=True)
            thread.start()
            store = open_store(db)
            summary = nd.ingest_with_dask(store, [str(examples_dir)], "unused", client=client)
            store.close()
            thread.join(timeout=5)
    finally:
        nd.PARTITION_ARTICLES = old
    assert killed, "no analysis task was seen running"
    assert summary.failed == 0
    got, want = snapshot(db), snapshot(plain_db)
    assert got["articles"] == want["articles"] and got["events"] == want["events"]


def test_ctrl_c_stops_after_the_current_batch_and_the_next_run_goes_on(tmp_path, examples_dir, plain_db):
    db = str(tmp_path / "interrupted.db")
    cmd, proc = _ingest_until_stored(examples_dir, db, 1)
    os.killpg(proc.pid, signal.SIGINT)
    out, err = proc.communicate(timeout=300)
    assert proc.returncode == 130, err.decode()
    assert b"interrupted" in out and b"stopping" in err  # now, or after the store write in hand
    stored = _count(db)
    assert 0 < stored < len(snapshot(plain_db)["articles"])
    rerun = subprocess.run(cmd, capture_output=True, timeout=600)
    assert rerun.returncode == 0, rerun.stderr.decode()
    assert snapshot(db) == snapshot(plain_db)
