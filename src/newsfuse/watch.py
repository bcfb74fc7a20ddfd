"""Watch folders and feed files: ingest what is new or changed, with a checkpoint in the store.

The checkpoint (path -> modification time and size) is saved after each file is ingested, so a
restart neither skips a file nor repeats one; a file ingested again (crash before its checkpoint)
changes nothing, because articles are keyed by content hash.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from .ingest import iter_paths
from .model import InputError
from .pipeline import IngestSession, IngestSummary
from .store.base import Store

CHECKPOINT_KEY = "watch:checkpoint"


IN_PROGRESS = (".part", ".tmp", ".crdownload")  # files a downloader or copier is still writing


def _files(paths: Sequence[str]) -> Iterator[Path]:
    """The files an ingest of ``paths`` would read (same folder rules), less ones still being written."""
    for found in iter_paths(paths):
        if not isinstance(found, InputError) and found[0] != "-" and not found[0].endswith(IN_PROGRESS):
            yield Path(found[0])


def _signature(path: Path) -> list[int] | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return [st.st_mtime_ns, st.st_size]


def load_checkpoint(store: Store) -> dict[str, list[int]]:
    raw = store.get_state(CHECKPOINT_KEY)
    return json.loads(raw.decode("utf-8")) if raw else {}


def changed_files(paths: Sequence[str], checkpoint: dict[str, list[int]]) -> list[tuple[str, list[int]]]:
    out = []
    for path in _files(paths):
        sig = _signature(path)
        if sig is not None and checkpoint.get(str(path)) != sig:
            out.append((str(path), sig))
    out.sort(key=lambda x: (x[1][0], x[0]))  # oldest first, as they arrived
    return out


def watch(
    store: Store,
    paths: Sequence[str],
    *,
    interval: float = 2.0,
    once: bool = False,
    settle: float = 0.5,
    on_file: Callable[[str, IngestSummary], None] | None = None,
    on_error: Callable[[str], None] | None = None,
    max_rounds: int | None = None,
) -> int:
    """Poll until interrupted (or one round with ``once``); returns the number of files ingested.
    One ingest session serves the whole run: the stored signatures and the story clusterer are
    loaded once, not for every file (again only when another process wrote the store meanwhile)."""
    checkpoint = load_checkpoint(store)
    session = IngestSession(store)
    ingested = 0
    rounds = 0
    try:
        while True:
            for path, sig in changed_files(paths, checkpoint):
                if not once and time.time() - sig[0] / 1e9 < settle:
                    continue  # still being written: take it next round
                summary = session.ingest([path], on_error=on_error)
                checkpoint[path] = sig
                store.set_state(CHECKPOINT_KEY, json.dumps(checkpoint, sort_keys=True).encode("utf-8"))
                ingested += 1
                if on_file:
                    on_file(path, summary)
            rounds += 1
            if once or (max_rounds is not None and rounds >= max_rounds):
                return ingested
            time.sleep(interval)
    except KeyboardInterrupt:
        return ingested
