"""Watch folders and feed files: ingest what is new or changed, with a checkpoint in the store.

The files found ready in one poll are sent for analysis as one batch; the batches the analysis is
done with are stored in arrival order, in one transaction (stories and events updated once for
them), while the workers analyse the next, and each file is reported on its own. The checkpoint
(path -> modification time and size) is saved once a batch is stored, so a restart neither skips a
file nor repeats one; a file ingested again (crash before its checkpoint) changes nothing, because
articles are keyed by content hash. A file that cannot be read is reported, recorded and
checkpointed; the rest are stored.
"""

from __future__ import annotations

import gc
import json
import os
import signal
import time
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from time import process_time  # not through ``time``: tests stand a clock of their own in for it

try:
    import fcntl
except ImportError:  # not on Windows: files wait for the settle time or two polls (``closed_as``)
    fcntl = None  # type: ignore[assignment]

from .ingest import iter_paths
from .model import InputError
from .pipeline import BATCH_SIZE, IngestSession, IngestSummary, SentInputs, fusion_pending
from .store.base import Store
from .workers import stop_signals_handled

CHECKPOINT_KEY = "watch:checkpoint"
MAX_BATCH_FILES = 256  # files ingested (and checkpointed) together at most: a backlog is cut into batches
STORE_SHARE = 0.5  # of the time between two stored groups, at most this share goes to storing and fusing the first
POLL_SHARE = 0.1  # of the time between two polls, at most this share goes to the first


IN_PROGRESS = (".part", ".tmp", ".crdownload")  # files a downloader or copier is still writing
LEASES = all(hasattr(fcntl, name) for name in ("F_SETLEASE", "F_SETSIG", "F_RDLCK", "F_UNLCK")) if fcntl else False


def _files(paths: Sequence[str]) -> Iterator[tuple[Path, os.stat_result]]:
    """The files an ingest of ``paths`` would read (same folder rules), less ones still being written,
    each with what the walk found of it (its ``stat``: not asked a second time)."""
    for found in iter_paths(paths):
        if not isinstance(found, InputError) and found[1] is not None and not found[0].endswith(IN_PROGRESS):
            yield Path(found[0]), found[1]


def _signature(path: Path) -> list[int] | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return _signature_of(st)


def _signature_of(st: os.stat_result) -> list[int]:
    return [st.st_mtime_ns, st.st_size]


def load_checkpoint(store: Store) -> dict[str, list[int]]:
    raw = store.get_state(CHECKPOINT_KEY)
    return json.loads(raw.decode("utf-8")) if raw else {}


def changed_files(paths: Sequence[str], checkpoint: dict[str, list[int]]) -> list[tuple[str, list[int]]]:
    out = []
    for path, st in _files(paths):
        sig = _signature_of(st)
        if checkpoint.get(str(path)) != sig:
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
    The files ready in one poll are one batch (a backlog is cut into batches of ``MAX_BATCH_FILES``).

    With ``workers`` > 1 the analysis processes start at once and stay for the whole run (they
    embed too: this process stores), and the polls are pipelined: a poll's batch is sent to them
    (``IngestSession.send``), and the batches they are done with are stored, in the order sent,
    while they analyse the next (``store_batches``).
    While a batch is out, the watch waits for it at most ``interval`` seconds before polling again.
    When every worker has a batch and one more waits for the first to come free, a poll's few files
    are held (``held_back``), kept in hand, until a worker comes free, then go out together as one
    batch at once (not at the next poll, which its pacing may put off by a few tenths): under a
    pace the workers barely keep, files each sent alone queued up batches of one, the costliest way to
    analyse them, and the queue only grew.
    The analysed batches are stored no more often than ``Pacing`` lets them: storing and fusing
    take at most ``STORE_SHARE`` of this process's time, polling at most ``POLL_SHARE``, the rest is
    the workers'.
    A file is checkpointed once its articles, stories and events are committed; a Ctrl-C ends the run
    with what is stored kept and the rest dropped (the next run reads it again).
    A file is read as soon as a poll finds that no process has it open for writing (``closed_as``),
    else once it was last modified ``settle`` seconds ago, or once polls ``interval`` seconds or more
    apart found it unchanged (same modification time and size): nothing wrote it in between
    (``Arrivals``)."""
    with stop_signals_handled(signal.default_int_handler):  # Ctrl-C and SIGTERM end it, as they end an ingest,
        return _watch(  # however this process was started (a shell starts a background job ignoring Ctrl-C)
            store,
            paths,
            interval=interval,
            once=once,
            settle=settle,
            on_file=on_file,
            on_error=on_error,
            max_rounds=max_rounds,
            workers=workers,
        )


def _watch(
    store: Store,
    paths: Sequence[str],
    *,
    interval: float,
    once: bool,
    settle: float,
    on_file: Callable[[str, IngestSummary], None] | None,
    on_error: Callable[[str], None] | None,
    max_rounds: int | None,
    workers: int,
) -> int:
    checkpoint = load_checkpoint(store)
    session = IngestSession(store, workers=workers, embed_in_workers=True)  # this process stores meanwhile
    arrivals = Arrivals(settle, interval)
    pacing = Pacing(STORE_SHARE)
    polls = Pacing(POLL_SHARE)
    out: deque[SentFiles] = deque()  # sent, not stored yet, oldest first
    waiting: list[tuple[str, list[int]]] = []  # found ready by the last poll, not sent yet, oldest first
    ingested = 0
    rounds = 0
    try:
        session.start_workers()  # in the try: a Ctrl-C (or SIGTERM) while they start ends the run as later
        # what is loaded by now (modules, the command's settings: ~100,000 objects) lives as long as the
        # watch: out of the cyclic collector's sight, so that its full passes over the growing state
        # of the run do not walk it again each time (as ``prepare_analysis`` does in the workers)
        gc.freeze()
        while True:
            polled = once or polls.due(time.time())
            if polled:
                with polls.spending(time.time):
                    waiting = arrivals.ready(changed_files(paths, checkpoint), files_out(out), everything=once)
            free = session.workers - session.analysing()
            held = not once and held_back(len(waiting), free)
            ready, waiting = ([], waiting) if held else (waiting, [])  # held: sent once a worker is free
            for first in range(0, len(ready), MAX_BATCH_FILES):
                out.append(send_files(session, ready[first : first + MAX_BATCH_FILES], on_error, max(1, free)))
                if out[-1].interrupted:
                    session.abandon()
                    return ingested
                while sum(len(batch.files) for batch in out) > MAX_BATCH_FILES:  # a backlog: two batches out at most
                    done = store_batches(session, [out.popleft()], checkpoint, on_file)
                    if done is None:
                        return ingested
                    ingested += done
            rounds += polled
            last = once or (max_rounds is not None and rounds >= max_rounds)
            group = list(out) if last else analysed_batches(session, out) if pacing.due(time.time()) else []
            if group:
                with pacing.spending(time.time):
                    done = store_batches(session, group, checkpoint, on_file)
                if done is None:
                    return ingested
                ingested += done
                for _ in group:
                    out.popleft()
            if last:
                return ingested
            pause = max(arrivals.next_poll_in(files_out(out) | dict(waiting)), polls.wait(time.time()))
            if held and not group:  # send the files waiting once a worker is free (or the next group may be stored)
                session.wait_worker_free(min(arrivals.interval, pacing.wait(time.time()) or arrivals.interval))
            elif out and not group and pacing.due(time.time()):
                session.wait_analysed(out[0].sent, pause)
            elif not group:
                time.sleep(min(pause, pacing.wait(time.time())) if out else pause)
    except KeyboardInterrupt:
        session.abandon()
        return ingested
    finally:
        session.close()


class Arrivals:
    """Which changed files a poll may read: one that no process has open for writing (``closed_as``:
    its writer is done, as when a downloader renames a finished file into the folder), at once; else
    one last modified ``settle`` seconds ago, or one that polls ``interval`` seconds or more apart
    found unchanged (same modification time and size): nothing wrote it in between. The watch polls
    sooner than ``interval`` when a file will be ready sooner."""

    MIN_PAUSE_S = 0.01  # between two polls at least (no busy loop)

    def __init__(self, settle: float, interval: float) -> None:
        self.settle = settle
        self.interval = interval
        self.seen: dict[str, tuple[list[int], float]] = {}  # path -> its signature, when first found with it

    def ready(
        self, changed: list[tuple[str, list[int]]], sending: dict[str, list[int]], everything: bool = False
    ) -> list[tuple[str, list[int]]]:
        """The changed files ready to read (all with ``everything``), less those being ingested as they are."""
        now = time.time()
        before = self.seen
        self.seen = {p: (sig, before[p][1] if p in before and before[p][0] == sig else now) for p, sig in changed}
        return [
            (p, sig)
            for p, sig in changed
            if sending.get(p) != sig
            and (everything or now >= self._ready_at(sig, self.seen[p][1]) or closed_as(p, sig))
        ]

    def next_poll_in(self, sending: dict[str, list[int]]) -> float:
        """Seconds until the next poll: ``interval``, or less when a file the last poll found will be ready sooner."""
        now = time.time()
        due = [self._ready_at(sig, since) for p, (sig, since) in self.seen.items() if sending.get(p) != sig]
        soonest = min(due, default=now + self.interval)
        return min(self.interval, max(self.MIN_PAUSE_S, soonest - now))

    def _ready_at(self, sig: list[int], since: float) -> float:
        return min(sig[0] / 1e9 + self.settle, since + self.interval)


def closed_as(path: str, sig: list[int]) -> bool:
    """Whether no process has the file open for writing and it still has this signature (modification
    time and size) once that is known: its writer closed it and nothing wrote it since the poll, so it
    can be read now. A writer still at work holds it open (whatever its pauses), which the settle time
    and the two polls only guess. Linux tells it cheaply: a read lease is granted only on a file that
    no one has open for writing (``fcntl(2)``, F_SETLEASE), and this one is let go at once. Where that
    cannot be asked (another system, another user's file, a file system without leases) the answer is
    False, and the file waits for the other rules. A writer that closes the file and opens it again to
    write more is done at each close for this rule; the next version is read again (its signature
    differs)."""
    if not LEASES:
        return False
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except OSError:
        return False
    try:
        # a writer opening the file in the moment the lease is held breaks it with a signal: one whose
        # default is to ignore it, not SIGIO's (which would end this process)
        fcntl.fcntl(fd, fcntl.F_SETSIG, signal.SIGURG)
        fcntl.fcntl(fd, fcntl.F_SETLEASE, fcntl.F_RDLCK)
        fcntl.fcntl(fd, fcntl.F_SETLEASE, fcntl.F_UNLCK)
        return _signature_of(os.fstat(fd)) == sig
    except OSError:  # open for writing (EAGAIN), not ours (EACCES), no leases here (EINVAL)
        return False
    finally:
        os.close(fd)


class Pacing:
    """When a recurring piece of this process's work may run next, so that it takes at most ``share``
    of the time: after a run that took ``c`` seconds of this process's CPU, the next waits until
    ``c / share`` seconds after the first began. This process shares the cores with the analysis
    workers, and two of its steps cost more as the watch goes on.

    Storing and fusing a group (``STORE_SHARE``) costs about the same whatever its size (the fusion
    re-reads the block the group reaches, which grows with the store): groups stored back to back as
    soon as each is analysed would keep this process busy all the time, on a core the workers need;
    paced, the files analysed meanwhile are stored together (a file waits at most about as long as a
    store takes). A poll (``POLL_SHARE``) walks every watched file, however many are done: in a folder
    of a thousand files a few tens of ms, and the pipelined watch polls as often as files arrive."""

    def __init__(self, share: float = STORE_SHARE, cpu: Callable[[], float] = process_time) -> None:
        self.share = share
        self.cpu = cpu  # this process's CPU seconds
        self.next_at = 0.0  # wall-clock time before which the work does not run again

    def due(self, now: float) -> bool:
        return now >= self.next_at

    def wait(self, now: float) -> float:
        """Seconds until the work may run again (0 when it may now)."""
        return max(0.0, self.next_at - now)

    @contextmanager
    def spending(self, clock: Callable[[], float]) -> Iterator[None]:
        """Around one run of the work: its CPU time sets when the next may run."""
        began, cpu = clock(), self.cpu()
        try:
            yield
        finally:
            self.next_at = began + (self.cpu() - cpu) / self.share


@dataclass
class SentFiles:
    """A batch of files sent for analysis (``IngestSession.send``), not stored yet."""

    files: list[tuple[str, list[int]]]
    sent: SentInputs
    per_file: dict[str, IngestSummary]

    @property
    def interrupted(self) -> bool:
        return self.sent.summary.interrupted


def files_out(out: deque[SentFiles]) -> dict[str, list[int]]:
    """Each file sent and not stored yet, with the signature it was sent with."""
    return {path: sig for batch in out for path, sig in batch.files}


def held_back(ready: int, free: int) -> bool:
    """Whether the files a poll found ready wait for a worker to come free: when every worker has a
    batch and one more is queued for the first to come free (``free`` < 0), and they are fewer than a
    batch. Sent at once, each would be one more batch of its own in the queue (an article analysed
    alone costs a worker about a fifth more than in a batch of 16, which put the workers behind a pace
    they keep in a batch ingest); held, the files that arrive meanwhile go out together as the next
    queued batch."""
    return 0 < ready < BATCH_SIZE and free < 0


def send_files(
    session: IngestSession,
    files: list[tuple[str, list[int]]],
    on_error: Callable[[str], None] | None,
    slots: int = 0,
) -> SentFiles:
    """Read these files and send their articles for analysis in one session call, the last short
    chunks shared out among ``slots`` workers (0: all)."""
    per_file: dict[str, IngestSummary] = {}
    sent = session.send([p for p, _ in files], on_error=on_error, per_input=per_file, slots=slots)
    return SentFiles(files, sent, per_file)


def analysed_batches(session: IngestSession, out: deque[SentFiles]) -> list[SentFiles]:
    """The batches at the head of ``out`` that the workers are done with."""
    done = []
    for batch in out:
        if not session.analysed(batch.sent):
            break
        done.append(batch)
    return done


def store_batches(
    session: IngestSession,
    batches: list[SentFiles],
    checkpoint: dict[str, list[int]],
    on_file: Callable[[str, IngestSummary], None] | None,
) -> int | None:
    """Store these batches in order, in one transaction (their stories and events updated once),
    checkpoint their files, then report each file with its own counts, in arrival order; returns how
    many files, or None when a Ctrl-C interrupted them (nothing of them is checkpointed)."""
    summaries = session.store_sent_together([batch.sent for batch in batches])
    if any(summary.interrupted for summary in summaries):
        session.abandon()
        return None
    new = sum(summary.new for summary in summaries)
    if new or any(fusion_pending(session.store)):  # or a run stopped before its fusion: it is done now
        session.update_stories_and_events()
    files = [f for batch in batches for f in batch.files]
    checkpoint.update(files)
    session.store.set_state(CHECKPOINT_KEY, json.dumps(checkpoint, sort_keys=True).encode("utf-8"))
    for batch in batches:
        for path, _ in batch.files:
            if on_file:
                on_file(path, batch.per_file.get(path, IngestSummary()))
    return len(files)
