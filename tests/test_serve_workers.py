"""`newsfuse serve --workers 2`: two real server processes answer reads from one SQLite file."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from newsfuse.pipeline import ingest_paths
from newsfuse.store import open_store

SEEDS = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpus" / "seeds"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _get(url: str) -> tuple[int, object]:
    with urllib.request.urlopen(url, timeout=30) as r:
        return r.status, json.loads(r.read())


def _children(pid: int) -> list[str]:
    out = subprocess.run(["ps", "-o", "pid=", "--ppid", str(pid)], capture_output=True, text=True, check=False)
    return out.stdout.split()


def test_two_workers_answer_reads_from_one_store(tmp_path) -> None:
    db = str(tmp_path / "w.db")
    store = open_store(db)
    try:
        ingest_paths(store, [str(SEEDS)])
        stories = store.stories()
    finally:
        store.close()
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "newsfuse.cli", "serve", "--db", db, "--port", str(port), "--workers", "2"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env={**os.environ, "NEWSFUSE_DB": ""},
        start_new_session=True,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 120
        while True:
            try:
                _get(f"{base}/stories")
                break
            except OSError:
                assert server.poll() is None, server.stderr.read().decode() if server.stderr else ""
                assert time.monotonic() < deadline, "server did not start"
                time.sleep(0.5)
        # uvicorn's supervisor runs the workers as its child processes
        assert len(_children(server.pid)) >= 2
        with ThreadPoolExecutor(8) as pool:
            answers = list(pool.map(lambda _: _get(f"{base}/stories"), range(32)))
        assert {status for status, _ in answers} == {200}
        bodies = {json.dumps(body, sort_keys=True) for _, body in answers}
        assert len(bodies) == 1  # every process reads the same store
        (body,) = [json.loads(b) for b in bodies]
        assert [s["id"] for s in body["items"]] == [s.id for s in stories]
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
