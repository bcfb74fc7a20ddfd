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

from ..pipeline import IngestSession
from ..store import open_store
from ..store.base import Store

STATE_PREFIX = "job:"


def _now() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())


class JobRunner:
    """Runs one ingest at a time (SQLite has one writer) on a worker thread, all in one ingest
    session: the stored signatures and the story clusterer are loaded once per runner, not per job
    (again only when another process wrote the store meanwhile)."""

    def __init__(self, store_url: str, shared_store: Store | None = None):
        self.store_url = store_url
        self._shared = shared_store
        self._session: IngestSession | None = None  # opened by the first job, on the worker thread
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

    def session(self) -> IngestSession:
        """The runner's ingest session (its own store connection unless the store is shared)."""
        if self._session is None:
            self._session = IngestSession(self._shared or open_store(self.store_url))
        return self._session

    def _run(self, record: dict[str, Any], folder: Path) -> None:
        session = self.session()
        store = session.store
        try:
            record = {**record, "status": "running", "started": _now()}
            save_job(store, record)
            summary = session.ingest([str(folder)]).to_dict()
            save_job(store, {**record, "status": "done", "finished": _now(), "summary": summary})
        except Exception as exc:  # noqa: BLE001 - the job record carries the failure; the server keeps serving
            traceback.print_exc()
            save_job(store, {**record, "status": "failed", "finished": _now(), "error": f"{type(exc).__name__}: {exc}"})
            self._close_session()  # the next job starts on a fresh connection
        finally:
            shutil.rmtree(folder, ignore_errors=True)

    def _close_session(self) -> None:
        if self._session is not None and self._shared is None:
            self._session.store.close()
        self._session = None

    def wait_idle(self, timeout: float = 60.0) -> None:
        """Block until queued jobs have run (tests, shutdown)."""
        self._pool.submit(lambda: None).result(timeout=timeout)

    def shutdown(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=False)
        self._close_session()


def save_job(store: Store, record: dict[str, Any]) -> None:
    store.set_state(STATE_PREFIX + record["id"], json.dumps(record).encode("utf-8"))


def load_job(store: Store, job_id: str) -> dict[str, Any] | None:
    raw = store.get_state(STATE_PREFIX + job_id)
    return json.loads(raw) if raw else None
