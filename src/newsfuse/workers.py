"""Worker processes for the per-document analysis, beside an ingest that stores what they return.

The parse, actors and events of a batch are pure functions of its articles, and they are most of an
ingest's time; a process of its own per core runs them in parallel while the ingest embeds, clusters
and stores the batches before (the interpreter's lock keeps threads from doing that). Workers are
never forked from the ingest process: it may hold native thread pools (the encoder's) that a fork
would copy half-alive. They are spawned, or, given a ``preload`` module, forked from a fork server:
a process of their own that imports that module (the models loaded, once) before it forks any
worker, so that the workers of a pool, and of every pool after it, start with what it loaded instead
of each importing and loading it again (on two cores, a second worker's start was a fifth of a
cold ingest's CPU). Each worker runs ``initializer`` and ignores Ctrl-C, which the ingest handles:
it stops the workers at once (``stop``), dropping the batches in hand.
"""

from __future__ import annotations

import contextlib
import gc
import math
import multiprocessing
import os
import select
import signal
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from multiprocessing import forkserver
from typing import Any, TypeVar

T = TypeVar("T")

PARENT_CHECK_S = 0.5  # how often a worker checks that the process that started it still runs
MAX_AUTO_WORKERS = 4  # past this, memory (a language model per worker) outgrows what a core adds
WORKER_MODELS = "newsfuse.worker_models"  # the module the analysis workers' fork server imports: the models loaded


def even_chunks(items: Sequence[T], most: int, slots: int) -> list[list[T]]:
    """``items`` cut in order into chunks of at most ``most``, as equal as can be, their number a
    multiple of ``slots`` (the worker processes or threads) where that keeps them non-empty: the last
    round of work then keeps every worker busy instead of leaving one to finish alone."""
    if not items:
        return []
    parts = math.ceil(len(items) / most)
    parts = min(len(items), math.ceil(parts / max(1, slots)) * max(1, slots))
    size, extra = divmod(len(items), parts)
    out, start = [], 0
    for k in range(parts):
        end = start + size + (k < extra)
        out.append(list(items[start:end]))
        start = end
    return out


def tapered_chunks(items: Sequence[T], most: int, slots: int) -> list[list[T]]:
    """``items`` cut in order into chunks of at most ``most``, each at most half a worker's share of what
    is left from it on (``slots``: the workers): full chunks first, then smaller and smaller ones, down
    to one item. The workers take the chunks in turn, so that at the end each finishes a small chunk
    about when the others do, instead of one analysing a whole last chunk while the others wait."""
    out, start = [], 0
    while start < len(items):
        size = min(most, max(1, math.ceil((len(items) - start) / (2 * max(1, slots)))))
        out.append(list(items[start : start + size]))
        start += size
    return out


def worker_count(requested: int) -> int:
    """``requested`` workers, or for 0 one per core up to MAX_AUTO_WORKERS (1: no worker process)."""
    if requested > 0:
        return requested
    return max(1, min(MAX_AUTO_WORKERS, len(os.sched_getaffinity(0))))


def fill_the_cores(workers: int) -> bool:
    """Whether ``workers`` busy processes leave no core of this process's free."""
    return workers >= len(os.sched_getaffinity(0))


class AnalysisWorkers:
    """A pool of worker processes; ``submit`` runs a module-level function in one of them. They are
    spawned, or with ``preload`` (a module's name) forked from the fork server that imported it."""

    def __init__(self, workers: int, initializer: Callable[[], None], preload: str | None = None) -> None:
        self.size = workers
        self._starter: threading.Thread | None = None  # ``start_beside``'s thread
        self._closer: threading.Thread | None = None  # ``close_beside``'s thread
        self._pool = ProcessPoolExecutor(
            workers,
            mp_context=worker_context(preload),
            initializer=_start_worker,
            initargs=(initializer, os.getpid()),
        )

    def start(self) -> None:
        """Start every worker now (the executor starts one only when a task finds none idle): a
        long-lived ingest has them load their models before its first batch."""
        with interrupts_deferred():
            for _ in range(self.size):
                self._pool.submit(os.getpid)

    def start_beside(self) -> None:
        """Start every worker from a thread of this process, which goes on at once: a worker forked
        from the fork server is started only once the server has imported ``preload`` (seconds), and
        this process has other work meanwhile. Wait for it (``wait_started``) before ``submit``."""
        self._starter = threading.Thread(target=self._start_all, name="newsfuse-workers-start", daemon=True)
        self._starter.start()

    def _start_all(self) -> None:
        try:
            for _ in range(self.size):
                self._pool.submit(os.getpid)
        except Exception:  # noqa: BLE001, S110 - stopped while starting (``stop``): the pool is ended anyway
            pass

    def starting(self) -> bool:
        """Whether ``start_beside`` is still starting the workers."""
        return self._starter is not None and self._starter.is_alive()

    def wait_started(self) -> None:
        """Wait until ``start_beside`` has started every worker."""
        if self._starter is not None:
            self._starter.join()

    def submit(self, fn: Callable[..., T], *args: Any) -> Future[T]:
        self.wait_started()
        with interrupts_deferred():  # a submit may spawn a worker
            return self._pool.submit(fn, *args)

    def close_beside(self) -> None:
        """Let the workers finish what they were given and end, from a thread of this process, which goes
        on at once (nothing more may be submitted): each worker ends as soon as no chunk is left for it,
        while this process stores the last batches and fuses, instead of this process waiting for the
        workers' ends after it (``close`` waits for them). ``stop`` still ends them at once."""
        self.wait_started()
        if self._closer is None:
            self._closer = threading.Thread(target=self._pool.shutdown, name="newsfuse-workers-close", daemon=True)
            self._closer.start()

    def close(self) -> None:
        """Let the workers finish what they were given and end."""
        self.wait_started()
        if self._closer is not None:
            self._closer.join()
        self._pool.shutdown(wait=True, cancel_futures=True)

    def stop(self) -> None:
        """End the workers now, whatever they are doing (Ctrl-C, a failure): their results are dropped.
        Workers still starting (``start_beside``) wait on the fork server's import: it is ended too (the
        next pool starts a new one)."""
        if self.starting():
            end_fork_server()
            self.wait_started()
        # The executor has no public way to end a busy worker; shutdown alone would wait for it.
        for process in list((self._pool._processes or {}).values()):
            process.terminate()
        if self._closer is not None:  # its shutdown ends with the workers: two at once close one queue twice
            self._closer.join()
        self._pool.shutdown(wait=True, cancel_futures=True)


class _CollectionsHeldOff:
    """``collections_held_off``'s state: how many such blocks are open, and the thresholds to put back."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.open = 0
        self.thresholds = gc.get_threshold()


_HELD_OFF = _CollectionsHeldOff()


@contextmanager
def collections_held_off() -> Iterator[None]:
    """No automatic collection in this block, whatever the code in it does: the collector's first
    threshold is 0 (Python's own way to turn automatic collections off) until the last such block open
    ends, then the thresholds are back. For a process's start, while it loads what it keeps for its
    whole life (modules, models), which the collector would walk again and again as it grows, only to
    find it all alive: the block then ends with ``gc.freeze``. ``gc.disable`` alone does not hold while
    spaCy loads its model: srsly's msgpack reader turns the collector back on after each file it reads."""
    with _HELD_OFF.lock:
        if not _HELD_OFF.open:
            _HELD_OFF.thresholds = gc.get_threshold()
            gc.set_threshold(0)
        _HELD_OFF.open += 1
    try:
        yield
    finally:
        with _HELD_OFF.lock:
            _HELD_OFF.open -= 1
            if not _HELD_OFF.open:
                gc.set_threshold(*_HELD_OFF.thresholds)


def start_fork_server(preload: str) -> None:
    """Start this process's fork server now, importing ``preload`` (``worker_context``): the pools made
    after it, with the same ``preload``, fork their workers from it instead of starting one."""
    worker_context(preload)
    forkserver.ensure_running()


def end_fork_server() -> None:
    """End this process's fork server, if it runs (multiprocessing starts a new one when next asked)."""
    pid = getattr(forkserver._forkserver, "_forkserver_pid", None)  # no public way: the module keeps it
    if pid is not None:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)


def worker_context(preload: str | None) -> multiprocessing.context.BaseContext:
    """How workers start: spawned; or, given ``preload``, forked from this process's fork server, which
    imports ``preload`` before its first fork (one server per process, kept for every later pool: the
    module it imported first stays what its workers start with)."""
    if preload is None:
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload([preload])
    return context


@contextmanager
def stop_signals_handled(handler: Callable[[int, Any], Any]) -> Iterator[None]:
    """Ctrl-C and SIGTERM go to ``handler`` in this block, on the main thread (the only one signal
    handlers run on; elsewhere nothing changes); the previous handlers come back after it."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = {sig: signal.signal(sig, handler) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    finally:
        for sig, old in previous.items():
            signal.signal(sig, signal.SIG_DFL if old is None else old)


@contextmanager
def interrupts_deferred() -> Iterator[None]:
    """Hold a Ctrl-C or SIGTERM that arrives in this block until it ends, then deliver it to its
    own handler. A KeyboardInterrupt raised halfway through spawning a worker leaves the executor
    unable to shut down ('cannot join thread before it is started') and the half-spawned worker
    reading an empty pipe; seen: a SIGTERM to ``watch`` while its workers started gave exit 1."""
    held: list[int] = []
    try:
        with stop_signals_handled(lambda signum, _frame: held.append(signum)):
            yield
    finally:
        for signum in dict.fromkeys(held):
            signal.raise_signal(signum)


def _start_worker(initializer: Callable[[], None], owner: int) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _end_with_owner(owner)
    initializer()


def _end_with_owner(owner: int) -> None:
    """End this worker once the process whose pool it is (``owner``) is gone: one killed outright
    (SIGKILL, or a SIGTERM it did not handle) ends no workers, and they would wait on their queue for
    good, each holding its models in memory. A spawned worker's parent is its owner; a forked one's is
    the fork server, which outlives the owner as long as a worker does: the owner is watched itself."""
    gone = _parent_gone(owner) if owner == os.getppid() else _process_gone(owner)

    def watch() -> None:
        while not gone():
            pass
        os._exit(0)

    threading.Thread(target=watch, name="newsfuse-parent-watch", daemon=True).start()


def _parent_gone(parent: int) -> Callable[[], bool]:
    """Whether the parent is gone, after a wait of up to PARENT_CHECK_S."""

    def gone() -> bool:
        time.sleep(PARENT_CHECK_S)
        return os.getppid() != parent

    return gone


def _process_gone(pid: int) -> Callable[[], bool]:
    """Whether the process ``pid`` (not this one's parent) ended, after a wait of up to PARENT_CHECK_S:
    its pid file descriptor reads ready once it has (Linux); elsewhere, whether the pid is gone."""
    try:
        pidfd = os.pidfd_open(pid)
    except ProcessLookupError:
        return lambda: True
    except (AttributeError, OSError):  # no pid file descriptors here
        return _pid_gone(pid)

    def gone() -> bool:
        return bool(select.select([pidfd], [], [], PARENT_CHECK_S)[0])

    return gone


def _pid_gone(pid: int) -> Callable[[], bool]:
    def gone() -> bool:
        time.sleep(PARENT_CHECK_S)
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return True
        except PermissionError:
            return False
        return False

    return gone
