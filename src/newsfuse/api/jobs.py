"""Background ingest jobs. The store's state table is the source of truth for a job's record."""

from __future__ import annotations

import json
import shutil
import tempfile
import time
import traceback
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from ..pipeline import ingest_paths
from ..store import open_store
from ..store.base import Store

STATE_PREFIX = "job:"


def _now() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())


class JobRunner:
    """Runs one ingest at a time (SQLite has one writer) on a worker thread."""

    def __init__(self, store_url: str, shared_store: Store | None = None):
        self.store_url = store_url
        self._shared = shared_store
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="newsfuse-ingest")

    def new_folder(self) -> Path:
        return Path(tempfile.mkdtemp(prefix="newsfuse-upload-"))

    def submit(self, store: Store, folder: Path, files: list[str]) -> dict[str, Any]:
        job_id = uuid.uuid4().hex[:16]
        record = {
            "id": job_id,
            "status": "queued",
            "files": files,
            "created": _now(),
            "started": None,
            "finished": None,
            "summary": None,
            "error": None,
        }
        save_job(store, record)
        self._pool.submit(self._run, record, folder)
        return record

    def _run(self, record: dict[str, Any], folder: Path) -> None:
        store = self._shared or open_store(self.store_url)
        try:
            record = {**record, "status": "running", "started": _now()}
            save_job(store, record)
            summary = _ingest(store, [str(folder)])
            save_job(store, {**record, "status": "done", "finished": _now(), "summary": summary})
        except Exception as exc:  # noqa: BLE001 - the job record carries the failure; the server keeps serving
            traceback.print_exc()
            save_job(store, {**record, "status": "failed", "finished": _now(), "error": f"{type(exc).__name__}: {exc}"})
        finally:
            shutil.rmtree(folder, ignore_errors=True)
            if self._shared is None:
                store.close()

    def wait_idle(self, timeout: float = 60.0) -> None:
        """Block until queued jobs have run (tests, shutdown)."""
        self._pool.submit(lambda: None).result(timeout=timeout)

    def shutdown(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=False)


def _ingest(store: Store, paths: list[str]) -> dict[str, Any]:
    return ingest_paths(store, paths).to_dict()


def save_job(store: Store, record: dict[str, Any]) -> None:
    store.set_state(STATE_PREFIX + record["id"], json.dumps(record).encode("utf-8"))


def load_job(store: Store, job_id: str) -> dict[str, Any] | None:
    raw = store.get_state(STATE_PREFIX + job_id)
    return json.loads(raw) if raw else None
