"""One store connection per worker thread (SQLite readers then run side by side under WAL)."""

from __future__ import annotations

import threading

from ..store import open_store
from ..store.base import Store


class StoreProvider:
    def __init__(self, url: str):
        self.url = url
        self._local = threading.local()
        self._lock = threading.Lock()
        self._all: list[Store] = []
        # an in-memory database exists once per connection: share a single one
        self._shared = open_store(url) if url == ":memory:" else None

    def get(self) -> Store:
        if self._shared is not None:
            return self._shared
        store = getattr(self._local, "store", None)
        if store is None:
            store = open_store(self.url)
            self._local.store = store
            with self._lock:
                self._all.append(store)
        return store

    def close(self) -> None:
        with self._lock:
            stores, self._all = self._all, []
        for store in stores + ([self._shared] if self._shared else []):
            try:
                store.close()
            except Exception:  # noqa: BLE001 - closing from another thread may fail; the process is ending
                pass
