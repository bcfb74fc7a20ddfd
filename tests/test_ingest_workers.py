"""Analysis in worker processes: the same store as an ingest that analyses in its own process, a dead
worker costs nothing stored, and time limits and Ctrl-C hold there too. Real ECB+ articles."""

from __future__ import annotations

import json
import multiprocessing
import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from conftest import process_running

from newsfuse.pipeline import GENERATION, IngestSession, IngestSummary, ingest_paths, store_generation
from newsfuse.store import open_store
from newsfuse.stories.embed import thread_limit
from newsfuse.workers import AnalysisWorkers, _process_gone, even_chunks, tapered_chunks, worker_count

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared"
ECBPLUS = SHARED / "corpus" / "clustering" / "ecbplus" / "documents.jsonl"


def _records(folder: Path, name: str, first: int, n: int) -> Path:
    """ECB+ dev documents ``first`` .. ``first + n`` as JSON Lines records (text, no title)."""
    docs = [json.loads(line) for line in ECBPLUS.read_text(encoding="utf-8").splitlines()]
    dev = [d for d in docs if d["split"] == "dev"][first : first + n]
    lines = []
    for doc in dev:
        text = "\n\n".join(s if isinstance(s, str) else " ".join(s) for s in doc["sentences"])
        lines.append(json.dumps({"id": doc["doc_id"], "title": "", "text": text}))
    path = folder / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _tables(db: Path) -> dict[str, list[tuple]]:
    """Every table's rows, sorted; aside: the inputs' read times (they differ by run), and what follows
    how the rows were grouped into transactions, not what they hold: the count of batches stored
    (``GENERATION``) and the full-text index's own segments (its content is compared through its table)."""
    out = {}
    with sqlite3.connect(db) as con:
        names = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        for name in names:
            if name in ("inputs", "sqlite_sequence") or "_fts_" in name:
                continue
            rows = con.execute(f"SELECT * FROM {name}").fetchall()  # noqa: S608
            if name == "state":
                rows = [r for r in rows if r[0] != GENERATION]
            out[name] = sorted(rows, key=repr)
    return out


def test_workers_give_the_same_store_as_analysing_in_this_process(tmp_path):
    """The same rows, though the workers were sent the one input's articles in chunks that shrink to one
    article (``tapered_chunks``), each stored in a transaction of its own, and this process in batches of 16."""
    records = _records(tmp_path, "dev.jsonl", 0, 36)  # three batches of 16
    stores, batches, threads = {}, {}, thread_limit()
    for workers in (1, 2):
        db = tmp_path / f"w{workers}.db"
        with open_store(str(db)) as store:
            summary = ingest_paths(store, [str(records)], workers=workers)
        assert (summary.new, summary.failed) == (36, 0)
        stores[workers] = _tables(db)
        with sqlite3.connect(db) as con:
            batches[workers] = int(con.execute("SELECT value FROM state WHERE key = ?", (GENERATION,)).fetchone()[0])
    assert stores[1]["articles"] and stores[1]["mentions"] and stores[1]["embeddings"]
    assert stores[2] == stores[1]
    assert batches == {1: 3, 2: len(tapered_chunks(list(range(36)), 16, 2))}
    assert thread_limit() == threads  # one encoder thread beside the workers only: as before once they end
    assert not multiprocessing.active_children()  # the session ended its workers


def test_inputs_sent_ahead_of_the_store_of_the_ones_before_give_the_store_of_one_ingest(tmp_path):
    """``send`` the second input before ``store_sent`` of the first, the workers embedding too (as `watch`
    does, so that they analyse while this process stores): each call gets its own counts, and the store
    (embeddings included) is the one that a single ingest of both inputs analysed in this process leaves."""
    first = _records(tmp_path, "a.jsonl", 0, 20)
    second = _records(tmp_path, "b.jsonl", 20, 20)
    db = tmp_path / "ahead.db"
    with open_store(str(db)) as store:
        session = IngestSession(store, workers=2, embed_in_workers=True)
        try:
            session.start_workers()
            sent = [session.send([str(first)]), session.send([str(second)])]
            summaries = [session.store_sent(x) for x in sent]
            session.update_stories_and_events()
        finally:
            session.close()
    assert [(s.new, len(s.new_ids), s.interrupted) for s in summaries] == [(20, 20, False), (20, 20, False)]
    with open_store(str(tmp_path / "one.db")) as store:
        assert ingest_paths(store, [str(first), str(second)]).new == 40
    assert _tables(db) == _tables(tmp_path / "one.db")
    assert not multiprocessing.active_children()


def test_sends_stored_together_are_one_transaction_and_give_the_store_of_one_ingest(tmp_path):
    """``store_sent_together`` of two sends, each out as a chunk per worker (as `watch` stores the sends the
    workers are done with): all four chunks in one transaction (the store's generation moves by one, not
    four), each send with its own counts, and the store (embeddings included) one ingest of both leaves."""
    first = _records(tmp_path, "a.jsonl", 40, 6)
    second = _records(tmp_path, "b.jsonl", 46, 6)
    db = tmp_path / "together.db"
    with open_store(str(db)) as store:
        session = IngestSession(store, workers=2, embed_in_workers=True)
        try:
            session.start_workers()
            sent = [session.send([str(first)]), session.send([str(second)])]
            chunks = len(session._in_flight)
            summaries = session.store_sent_together(sent)
            generations = store_generation(store)
            session.update_stories_and_events()
        finally:
            session.close()
    assert (chunks, generations) == (4, 1)
    assert [(s.new, len(s.new_ids), s.interrupted) for s in summaries] == [(6, 6, False), (6, 6, False)]
    per_input = [{path: len(one.new_ids) for path, one in x.per_input.items()} for x in sent]
    assert per_input == [{str(first): 6}, {str(second): 6}]
    with open_store(str(tmp_path / "one.db")) as store:
        assert ingest_paths(store, [str(first), str(second)]).new == 12
    assert _tables(db) == _tables(tmp_path / "one.db")
    assert not multiprocessing.active_children()


@pytest.mark.parametrize("embed_in_workers", [False, True])
def test_a_dead_worker_loses_nothing_and_the_session_goes_on_in_its_own_process(tmp_path, capsys, embed_in_workers):
    first = _records(tmp_path, "a.jsonl", 0, 20)
    second = _records(tmp_path, "b.jsonl", 20, 20)
    with open_store(str(tmp_path / "dead.db")) as store:
        session = IngestSession(store, workers=2, embed_in_workers=embed_in_workers)
        try:
            assert session.ingest([str(first)]).new == 20
            workers = multiprocessing.active_children()
            assert len(workers) == 2  # started by an input of two batches, kept by the session
            for process in workers:
                process.kill()
                process.join()
            summary = session.ingest([str(second)])
        finally:
            session.close()
        assert (summary.new, summary.failed) == (20, 0)
        assert len(list(store.articles())) == 40
        assert session.workers == 1
    assert "an analysis worker stopped" in capsys.readouterr().err


def test_a_time_limit_holds_in_the_workers(tmp_path):
    records = _records(tmp_path, "dev.jsonl", 0, 18)
    lines: list[str] = []
    with open_store(str(tmp_path / "limit.db")) as store:
        summary = ingest_paths(store, [str(records)], workers=2, time_limit=0.001, on_error=lines.append)
        stored = list(store.articles())
    # no document is analysed in a millisecond: each is a one-line error, none is stored
    assert (summary.new, summary.failed) == (0, 18)
    assert stored == []
    assert all(line.endswith("analysis took longer than 0.001 s") for line in lines) and len(lines) == 18


def _interrupted_ingest(tmp_path: Path, sig: signal.Signals) -> tuple[IngestSummary, int, float]:
    """An ingest of 80 ECB+ records with two workers, sent ``sig`` once its first batch is stored:
    (its summary, the articles stored, seconds from the signal to the ingest's return)."""
    records = _records(tmp_path, "dev.jsonl", 0, 80)
    db = tmp_path / "int.db"
    sent: list[float] = []

    def signal_after_the_first_batch() -> None:
        deadline = time.monotonic() + 300
        while time.monotonic() < deadline:
            time.sleep(0.2)
            try:
                with sqlite3.connect(db) as con:
                    if con.execute("SELECT count(*) FROM articles").fetchone()[0]:
                        break
            except sqlite3.OperationalError:
                continue
        sent.append(time.monotonic())
        os.kill(os.getpid(), sig)

    with open_store(str(db)) as store:
        sender = threading.Thread(target=signal_after_the_first_batch, daemon=True)
        sender.start()
        summary = ingest_paths(store, [str(records)], workers=2)
        stopped = time.monotonic()
        stored = len(list(store.articles()))
    sender.join()
    assert sent
    return summary, stored, stopped - sent[0]


def test_ctrl_c_stops_the_workers_at_once_with_the_finished_batches_stored(tmp_path):
    summary, stored, seconds = _interrupted_ingest(tmp_path, signal.SIGINT)
    assert seconds < 2
    assert summary.interrupted and 16 <= summary.new < 80 and stored == summary.new
    assert not multiprocessing.active_children()


def test_a_sigterm_stops_the_ingest_as_ctrl_c_does(tmp_path):
    """A service manager's stop (SIGTERM) is a Ctrl-C: the finished batches stay, the workers end."""
    summary, stored, _ = _interrupted_ingest(tmp_path, signal.SIGTERM)
    assert summary.interrupted and 16 <= summary.new < 80 and stored == summary.new
    assert not multiprocessing.active_children()


# the closing thread's shutdown and the stop's ran at once in CI's run of this test: the second closed the
# executor's result queue again (EBADF in the thread); a thread's exception fails it now
@pytest.mark.filterwarnings("error::pytest.PytestUnhandledThreadExceptionWarning")
def test_ctrl_c_once_the_workers_were_let_go_stops_them_at_once(tmp_path, monkeypatch):
    """A one-call ingest lets its workers go once everything is sent (``close_beside``) and stores what
    comes back: a Ctrl-C then, with chunks still out, still ends them at once; the batches stored so far stay."""
    records = _records(tmp_path, "dev.jsonl", 0, 80)
    let_go, store_oldest = AnalysisWorkers.close_beside, IngestSession._store_oldest
    sent: list[float] = []

    def letting_go(pool: AnalysisWorkers) -> None:
        let_go(pool)
        sent.append(0.0)

    def interrupted_once_let_go(session: IngestSession, guard) -> None:
        if sent == [0.0]:
            sent[0] = time.monotonic()
            os.kill(os.getpid(), signal.SIGINT)
        store_oldest(session, guard)

    monkeypatch.setattr(AnalysisWorkers, "close_beside", letting_go)
    monkeypatch.setattr(IngestSession, "_store_oldest", interrupted_once_let_go)
    with open_store(str(tmp_path / "late.db")) as store:
        summary = ingest_paths(store, [str(records)], workers=2)
        stopped = time.monotonic()
        stored = [a for a in store.articles() if a.duplicate_of is None]
    assert sent and sent[0] and stopped - sent[0] < 2
    assert summary.interrupted and len(stored) == summary.new and summary.new + summary.duplicate < 80
    assert not multiprocessing.active_children()


@pytest.mark.parametrize("after_s", [0.0005, 0.002, 0.005, 0.01])
def test_a_stop_while_the_workers_spawn_waits_until_they_are_started(after_s):
    """A SIGTERM (here a Ctrl-C too, as in `watch`) that lands while the workers spawn is held until
    every one has started: raised halfway, the executor could not be shut down and `watch` exited 1."""
    previous = {sig: signal.getsignal(sig) for sig in (signal.SIGTERM, signal.SIGALRM)}
    signal.signal(signal.SIGTERM, signal.default_int_handler)
    signal.signal(signal.SIGALRM, lambda *_: os.kill(os.getpid(), signal.SIGTERM))
    pool = AnalysisWorkers(2, os.getpid)
    try:
        signal.setitimer(signal.ITIMER_REAL, after_s)
        with pytest.raises(KeyboardInterrupt):
            pool.start()
            time.sleep(1)  # the signal came after the start
        assert len(multiprocessing.active_children()) >= 2
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    pool.close()
    assert not multiprocessing.active_children()


KILLED_PARENT = """
import os, sys, time
from newsfuse.workers import AnalysisWorkers

if __name__ == "__main__":
    pool = AnalysisWorkers(1, os.getpid, preload=sys.argv[1] or None)
    print(pool.submit(os.getpid).result(), flush=True)
    time.sleep(600)
"""


@pytest.mark.parametrize("preload", ["", "json"])
def test_a_worker_ends_when_the_process_that_started_it_is_killed(tmp_path, preload):
    """SIGKILL gives the ingest no chance to end its workers: they notice on their own and end, a
    spawned one and one forked from the fork server (``preload``: its parent is that server, which
    stays up as long as a worker of it does)."""
    script = tmp_path / "parent.py"
    script.write_text(KILLED_PARENT, encoding="utf-8")
    parent = subprocess.Popen([sys.executable, str(script), preload], stdout=subprocess.PIPE, text=True)
    try:
        assert parent.stdout is not None
        worker = int(parent.stdout.readline())
        assert process_running(worker)
    finally:
        parent.kill()
        parent.wait()
    deadline = time.monotonic() + 10
    while process_running(worker) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not process_running(worker)


@pytest.mark.parametrize(("requested", "expected"), [(1, 1), (3, 3)])
def test_a_requested_number_of_workers_is_kept(requested, expected):
    assert worker_count(requested) == expected


STOPPED_WHILE_STARTING = """
import os, sys, time
from newsfuse.workers import AnalysisWorkers

if __name__ == "__main__":
    sys.path.insert(0, sys.argv[1])
    pool = AnalysisWorkers(2, os.getpid, preload="slow_to_import")
    pool.start_beside()
    time.sleep(0.5)
    started = time.monotonic()
    pool.stop()
    print(time.monotonic() - started, pool.starting(), flush=True)
"""


def test_workers_stopped_while_the_fork_server_still_imports_stop_at_once(tmp_path):
    """Ctrl-C while the workers start (``start_beside``), their fork server still importing what they
    start with: the pool stops at once, not once the import is done."""
    (tmp_path / "slow_to_import.py").write_text("import time\n\ntime.sleep(60)\n", encoding="utf-8")
    script = tmp_path / "parent.py"
    script.write_text(STOPPED_WHILE_STARTING, encoding="utf-8")
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, str(script), str(tmp_path)], capture_output=True, text=True, timeout=50, check=True
    )
    seconds, starting = done.stdout.split()
    assert float(seconds) < 2 and starting == "False"
    assert time.monotonic() - started < 30


def _pid_after(seconds: float) -> int:
    time.sleep(seconds)
    return os.getpid()


def test_a_pool_closed_beside_finishes_its_work_and_its_workers_end_on_their_own():
    """``close_beside`` returns at once; the chunks given still come back, then the workers end without
    ``close`` waiting for them (an ingest stores and fuses meanwhile)."""
    pool = AnalysisWorkers(2, os.getpid)
    futures = [pool.submit(_pid_after, 0.3) for _ in range(4)]
    started = time.monotonic()
    pool.close_beside()
    assert time.monotonic() - started < 0.1
    assert len({f.result(timeout=30) for f in futures}) == 2
    deadline = time.monotonic() + 10
    while multiprocessing.active_children() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not multiprocessing.active_children()
    started = time.monotonic()
    pool.close()
    assert time.monotonic() - started < 0.1


def _preloaded() -> tuple[int, bool]:
    return os.getppid(), "newsfuse.worker_models" in sys.modules


def test_a_session_s_workers_are_forked_from_a_server_that_loaded_the_models():
    """The workers start with the models loaded (the fork server imported ``WORKER_MODELS``), not each
    loading them again: their parent is that server, not this process."""
    pool = AnalysisWorkers(2, os.getpid, preload="newsfuse.worker_models")
    try:
        parents = {pool.submit(_preloaded).result() for _ in range(4)}
    finally:
        pool.close()
    assert len(parents) == 1
    parent, preloaded = parents.pop()
    assert preloaded and parent != os.getpid()


def test_zero_workers_means_one_per_core_at_most_four():
    assert worker_count(0) == max(1, min(4, len(os.sched_getaffinity(0))))


PARTITION_CASES = [(400, 16, 2), (401, 16, 2), (33, 16, 4), (3, 16, 8), (17, 16, 1), (1, 16, 2)]


@pytest.mark.parametrize("n, most, slots", PARTITION_CASES)
def test_even_chunks_keep_order_and_every_worker_busy_to_the_end(n, most, slots):
    parts = even_chunks(list(range(n)), most, slots)
    assert [x for p in parts for x in p] == list(range(n))
    sizes = [len(p) for p in parts]
    assert max(sizes) <= most and min(sizes) >= 1
    assert max(sizes) - min(sizes) <= 1
    assert len(parts) % slots == 0 or len(parts) == n  # a multiple of the workers unless too few items


@pytest.mark.parametrize("n, most, slots", PARTITION_CASES)
def test_tapered_chunks_keep_order_and_shrink_to_one_item_each_at_the_end(n, most, slots):
    parts = tapered_chunks(list(range(n)), most, slots)
    assert [x for p in parts for x in p] == list(range(n))
    sizes = [len(p) for p in parts]
    assert max(sizes) <= most and sizes == sorted(sizes, reverse=True)
    assert sizes[-min(n, slots) :] == [1] * min(n, slots)  # the last round: an item per worker


@pytest.mark.parametrize("pidfd", [True, False])
def test_a_forked_worker_tells_its_owner_gone_from_alive(monkeypatch, pidfd):
    """The owner a forked worker watches (not its parent): alive while it runs, gone once it ended,
    through a pid file descriptor or, where there is none, by its pid."""
    if not pidfd:
        monkeypatch.delattr(os, "pidfd_open", raising=False)
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        assert not _process_gone(child.pid)()
    finally:
        child.kill()
        child.wait()
    assert _process_gone(child.pid)()
