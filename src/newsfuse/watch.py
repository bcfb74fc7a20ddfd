"""Watch folders and feed files: ingest what is new or changed, with a checkpoint in the store.

The files found changed in one poll are ingested as one batch (analysed together, stories and
events updated once), and each is reported on its own. The checkpoint (path -> modification time
and size) is saved after each batch is ingested, so a restart neither skips a file nor repeats one;
a file ingested again (crash before its checkpoint) changes nothing, because articles are keyed by
content hash. A file that cannot be read is reported, recorded and checkpointed; the rest are stored.
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
MAX_BATCH_FILES = 256  # files ingested (and checkpointed) together at most: a backlog is cut into batches


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
    workers: int = 1,
) -> int:
    """Poll until interrupted (or one round with ``once``); returns the number of files ingested.
    One ingest session serves the whole run: the stored signatures and the story clusterer are
    loaded once, not for every file (again only when another process wrote the store meanwhile).
    The files ready in one poll are one batch (``ingest_batch``; a backlog is cut into batches of
    ``MAX_BATCH_FILES``, each checkpointed); a Ctrl-C that interrupts a batch ends the run without
    checkpointing it (the next run reads it again). With ``workers`` > 1 the analysis processes start
    at once and stay for the whole run, and the files of each poll are shared out among them.
    A file is read once it was last modified ``settle`` seconds ago, or when a poll finds it as the
    poll before found it (same modification time and size, ``interval`` seconds or more apart):
    nothing wrote it in between."""
    checkpoint = load_checkpoint(store)
    session = IngestSession(store, workers=workers)
    ingested = 0
    rounds = 0
    seen: dict[str, list[int]] = {}  # the changed files' signatures at the last poll
    try:
        session.start_workers()  # in the try: a Ctrl-C (or SIGTERM) while they start ends the run as later
        while True:
            changed = changed_files(paths, checkpoint)
            ready = [(p, sig) for p, sig in changed if once or settled(sig, settle) or seen.get(p) == sig]
            seen = dict(changed)
            for first in range(0, len(ready), MAX_BATCH_FILES):
                done = ingest_batch(session, ready[first : first + MAX_BATCH_FILES], checkpoint, on_file, on_error)
                if done is None:
                    return ingested
                ingested += done
            rounds += 1
            if once or (max_rounds is not None and rounds >= max_rounds):
                return ingested
            time.sleep(interval)
    except KeyboardInterrupt:
        return ingested
    finally:
        session.close()


def settled(sig: list[int], settle: float) -> bool:
    """Whether a file was last modified ``settle`` seconds ago or more (else it may still be written)."""
    return time.time() - sig[0] / 1e9 >= settle


def ingest_batch(
    session: IngestSession,
    files: list[tuple[str, list[int]]],
    checkpoint: dict[str, list[int]],
    on_file: Callable[[str, IngestSummary], None] | None,
    on_error: Callable[[str], None] | None,
) -> int | None:
    """Ingest these files in one session call, checkpoint them all, then report each with its own
    counts, in arrival order; returns how many, or None when a Ctrl-C interrupted the batch."""
    per_file: dict[str, IngestSummary] = {}
    summary = session.ingest([p for p, _ in files], on_error=on_error, per_input=per_file)
    if summary.interrupted:
        return None
    checkpoint.update(files)
    session.store.set_state(CHECKPOINT_KEY, json.dumps(checkpoint, sort_keys=True).encode("utf-8"))
    for path, _ in files:
        if on_file:
            on_file(path, per_file.get(path, IngestSummary()))
    return len(files)
