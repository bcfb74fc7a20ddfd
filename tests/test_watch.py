"""Watch mode: new files and changed feeds are picked up; a restart neither skips nor repeats."""

from __future__ import annotations

import json
import multiprocessing
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import process_running

from newsfuse import watch as watch_module
from newsfuse.pipeline import IngestSession, IngestSummary, SentInputs, ingest_paths
from newsfuse.store import EventFilter, open_store
from newsfuse.watch import load_checkpoint, watch
from newsfuse.workers import AnalysisWorkers

SEED_000 = "000_b5307fb3d8fa3eef.txt"
SEED_001 = "001_bbec696de197225f.txt"
SEED_002 = "002_05219128a0266354.txt"


def test_watch_picks_up_new_files_and_resumes_from_its_checkpoint(tmp_path, seeds_dir):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    db = str(tmp_path / "w.db")
    shutil.copy(seeds_dir / SEED_000, inbox / "a.txt")
    seen: list[str] = []
    with open_store(db) as store:
        assert watch(store, [str(inbox)], once=True, on_file=lambda p, s: seen.append(p)) == 1
        assert store.count_articles() == 1
    # a restart with nothing new: nothing repeated
    with open_store(db) as store:
        assert watch(store, [str(inbox)], once=True) == 0
        shutil.copy(seeds_dir / SEED_001, inbox / "b.txt")
        assert watch(store, [str(inbox)], once=True, on_file=lambda p, s: seen.append(p)) == 1
        assert store.count_articles() == 2
        assert set(load_checkpoint(store)) == {str(inbox / "a.txt"), str(inbox / "b.txt")}
    assert seen == [str(inbox / "a.txt"), str(inbox / "b.txt")]


def test_a_changed_feed_file_is_read_again_and_only_new_entries_added(tmp_path):
    feed = tmp_path / "feed.xml"

    def rss(items: list[tuple[str, str]]) -> str:
        body = "".join(
            f"<item><title>{t}</title><guid>{t}</guid><pubDate>Tue, 10 Mar 2026 10:00:00 GMT</pubDate>"
            f"<description>{d}</description></item>"
            for t, d in items
        )
        return f'<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>{body}</channel></rss>'

    first = ("Talks in Lisbon", "The foreign ministers of Portugal and Brazil held talks in Lisbon on Monday.")
    second = ("Sanctions announced", "The European Union imposed sanctions on three shipping firms on Tuesday.")
    feed.write_text(rss([first]), encoding="utf-8")
    db = str(tmp_path / "w.db")
    with open_store(db) as store:
        assert watch(store, [str(feed)], once=True) == 1
        assert store.count_articles() == 1
        feed.write_text(rss([first, second]), encoding="utf-8")
        assert watch(store, [str(feed)], once=True) == 1
        assert store.count_articles() == 2
        assert watch(store, [str(feed)], once=True) == 0


def test_watch_reads_a_folder_as_ingest_does(tmp_path, seeds_dir):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    shutil.copy(seeds_dir / SEED_002, inbox / "a.txt")
    (inbox / "README.md").write_text("# notes about this folder\n", encoding="utf-8")
    (inbox / "b.txt.part").write_text("still being copied", encoding="utf-8")
    with open_store(str(tmp_path / "w.db")) as store:
        assert watch(store, [str(inbox)], once=True) == 1
        assert set(load_checkpoint(store)) == {str(inbox / "a.txt")}


def test_the_files_of_one_poll_are_one_batch_each_reported_with_its_own_counts(tmp_path, seeds_dir, monkeypatch):
    """Three seeds and an empty file in one poll: one session call (stories and events fused once),
    one report per file with its own counts, the empty file reported as failed and the rest stored,
    every file checkpointed; the events are those of ingesting the seeds one by one."""
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for i, name in enumerate([SEED_000, SEED_001, SEED_002]):
        shutil.copy(seeds_dir / name, inbox / f"{i}.txt")
    (inbox / "3.txt").write_text("", encoding="utf-8")
    calls: list[list[str]] = []
    real_send = IngestSession.send

    def counted(self, paths, **kw):
        calls.append(list(paths))
        return real_send(self, paths, **kw)

    monkeypatch.setattr(IngestSession, "send", counted)
    seen: dict[str, dict] = {}
    errors: list[str] = []
    with open_store(str(tmp_path / "w.db")) as store:
        count = watch(
            store, [str(inbox)], once=True, on_file=lambda p, s: seen.update({p: s.to_dict()}), on_error=errors.append
        )
        assert count == 4
        assert len(calls) == 1 and len(calls[0]) == 4
        assert store.count_articles() == 3
        assert set(load_checkpoint(store)) == {str(inbox / f"{i}.txt") for i in range(4)}
        batched = _events(store)
    assert list(seen) == [str(inbox / f"{i}.txt") for i in range(4)]
    for i in range(3):
        report = seen[str(inbox / f"{i}.txt")]
        assert (report["inputs"], report["new"], report["failed"], len(report["new_ids"])) == (1, 1, 0, 1)
    empty = seen[str(inbox / "3.txt")]
    assert (empty["new"], empty["failed"], empty["nothing_read"]) == (0, 1, True)
    assert errors == [f"error: {inbox / '3.txt'}: empty file"]
    monkeypatch.setattr(IngestSession, "send", real_send)
    with open_store(str(tmp_path / "one-by-one.db")) as store:
        for name in [SEED_000, SEED_001, SEED_002]:
            ingest_paths(store, [str(seeds_dir / name)])
        assert _events(store) == batched


def test_a_batch_ingested_but_not_checkpointed_is_read_again_and_changes_nothing(tmp_path, seeds_dir):
    """A crash between the batch's commit and its checkpoint: the next run reads the files again,
    finds them unchanged and stores nothing twice."""
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    shutil.copy(seeds_dir / SEED_000, inbox / "a.txt")
    shutil.copy(seeds_dir / SEED_001, inbox / "b.txt")
    db = str(tmp_path / "w.db")
    with open_store(db) as store:
        IngestSession(store).ingest([str(inbox / "a.txt"), str(inbox / "b.txt")])  # no checkpoint saved
        before = _events(store)
    seen = {}
    with open_store(db) as store:
        assert watch(store, [str(inbox)], once=True, on_file=lambda p, s: seen.update({p: s})) == 2
        assert store.count_articles() == 2
        assert _events(store) == before
        assert set(load_checkpoint(store)) == {str(inbox / "a.txt"), str(inbox / "b.txt")}
    assert [(s.new, s.unchanged) for s in seen.values()] == [(0, 1), (0, 1)]


def test_articles_stored_by_a_run_stopped_before_its_fusion_are_fused_by_the_next(tmp_path, seeds_dir):
    """A Ctrl-C after a batch is committed but before its stories and events are: the next run finds
    the files unchanged and brings the events up to date anyway."""
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    names = [SEED_000, SEED_001]
    for name in names:
        shutil.copy(seeds_dir / name, inbox / name)
    with open_store(str(tmp_path / "w.db")) as store:
        IngestSession(store).ingest([str(inbox / n) for n in names], fuse=False)  # stopped before the fusion
        assert _events(store) == []
        assert watch(store, [str(inbox)], once=True) == 2
        watched = _contents(store)
    assert watched == _batch_ingest(tmp_path / "batch.db", [inbox / n for n in names])
    assert watched[2]


def _events(store) -> list[dict]:
    return sorted((e.to_dict() for e in store.events(EventFilter(limit=10**9))), key=lambda d: d["id"])


def test_a_backlog_is_cut_into_batches_each_checkpointed(tmp_path, seeds_dir, monkeypatch):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for i, name in enumerate([SEED_000, SEED_001, SEED_002]):
        shutil.copy(seeds_dir / name, inbox / f"{i}.txt")
    monkeypatch.setattr(watch_module, "MAX_BATCH_FILES", 2)
    checkpoints: list[int] = []
    with open_store(str(tmp_path / "w.db")) as store:
        assert (
            watch(store, [str(inbox)], once=True, on_file=lambda p, s: checkpoints.append(len(load_checkpoint(store))))
            == 3
        )
        assert store.count_articles() == 3
    assert checkpoints == [2, 2, 3]  # each file reported after its own batch was checkpointed


def test_with_workers_the_files_of_one_poll_are_shared_out_and_give_the_same_store(tmp_path, seeds_dir, monkeypatch):
    """Two analysis processes started for the run: the three seeds of one poll go out as two chunks,
    one per worker, and the stored articles, stories and events are those of analysing in this process."""
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for i, name in enumerate([SEED_000, SEED_001, SEED_002]):
        shutil.copy(seeds_dir / name, inbox / f"{i}.txt")
    chunks: list[int] = []
    real_submit = AnalysisWorkers.submit

    def counted(self, fn, *args):
        chunks.append(len(args[0]))
        return real_submit(self, fn, *args)

    monkeypatch.setattr(AnalysisWorkers, "submit", counted)
    stored = {}
    for workers in (1, 2):
        with open_store(str(tmp_path / f"w{workers}.db")) as store:
            assert watch(store, [str(inbox)], once=True, workers=workers) == 3
            stored[workers] = (
                sorted(a.id for a in store.articles()),
                sorted(sorted(s.article_ids) for s in store.stories()),
                _events(store),
            )
    assert sorted(chunks) == [1, 2]
    assert stored[2] == stored[1]
    assert len(stored[1][0]) == 3 and stored[1][2]


def _being_written(path: Path, source: Path):
    """The file as a writer still at work leaves it: its text so far, and open for writing."""
    writer = open(path, "w", encoding="utf-8")
    writer.write(source.read_text(encoding="utf-8"))
    writer.flush()
    return writer


def test_a_file_unchanged_since_the_last_poll_is_read_before_its_settle_time(tmp_path, seeds_dir, monkeypatch):
    """Settle time far off, a writer holding the file open: the first poll leaves a new file (it may
    still be written) and the next poll, finding it unchanged, reads it; a file that grew between two
    polls waits for one more."""
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    with _being_written(inbox / "a.txt", seeds_dir / SEED_000), open_store(str(tmp_path / "w.db")) as store:
        assert watch(store, [str(inbox)], interval=0.01, settle=3600, max_rounds=1) == 0
        assert watch(store, [str(inbox)], interval=0.01, settle=3600, max_rounds=2) == 1
        assert store.count_articles() == 1

    class WriterBetweenPolls:
        """The watch's clock: during its first sleep the file is still being written (it grows)."""

        def __init__(self) -> None:
            self.sleeps = 0

        def time(self) -> float:
            return time.time()

        def sleep(self, seconds: float) -> None:
            time.sleep(seconds)
            self.sleeps += 1
            if self.sleeps == 1:
                with open(inbox / "b.txt", "a", encoding="utf-8") as fh:
                    fh.write("\nOne more paragraph, written while the watch slept.\n")

    with _being_written(inbox / "b.txt", seeds_dir / SEED_001), open_store(str(tmp_path / "w.db")) as store:
        monkeypatch.setattr(watch_module, "time", WriterBetweenPolls())
        assert watch(store, [str(inbox)], interval=0.01, settle=3600, max_rounds=2) == 0
        monkeypatch.setattr(watch_module, "time", WriterBetweenPolls())
        assert watch(store, [str(inbox)], interval=0.01, settle=3600, max_rounds=3) == 1
        assert store.count_articles() == 2


def test_a_file_its_writer_closed_is_read_on_the_first_poll_that_finds_it(tmp_path, seeds_dir):
    """Written beside the folder and renamed into it, as a downloader does: nothing has it open for
    writing, so the first poll reads it (settle time and interval far off); the same file while a
    writer holds it open waits (``closed_as``)."""
    if not watch_module.LEASES:
        pytest.skip("this system cannot tell whether a file is open for writing")
    inbox, staging = tmp_path / "inbox", tmp_path / "staging"
    inbox.mkdir()
    staging.mkdir()
    shutil.copyfile(seeds_dir / SEED_000, staging / "a.txt")
    (staging / "a.txt").replace(inbox / "a.txt")
    sig = watch_module._signature(inbox / "a.txt")
    assert sig is not None
    if not watch_module.closed_as(str(inbox / "a.txt"), sig):
        pytest.skip("no read lease on this file system")
    with open_store(str(tmp_path / "w.db")) as store:
        assert watch(store, [str(inbox)], interval=60, settle=3600, max_rounds=1) == 1
        assert store.count_articles() == 1
    with open(inbox / "a.txt", "a", encoding="utf-8") as writer:
        writer.write("\nA paragraph more, its writer still at work.\n")
        writer.flush()
        grown = watch_module._signature(inbox / "a.txt")
        assert grown is not None and not watch_module.closed_as(str(inbox / "a.txt"), grown)
        with open_store(str(tmp_path / "w.db")) as store:
            assert watch(store, [str(inbox)], interval=60, settle=3600, max_rounds=1) == 0
    assert not watch_module.closed_as(str(inbox / "a.txt"), sig)  # closed, but changed since that signature


def _children(pid: int) -> list[int]:
    path = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(x) for x in path.read_text().split()] if path.exists() else []


def _started_as_a_background_job() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # what a shell does to a job started with & (no job control)


@pytest.mark.parametrize(
    ("stop", "start"),
    [(signal.SIGTERM, None), (signal.SIGINT, _started_as_a_background_job)],
    ids=["sigterm", "ctrl-c-in-a-background-job"],
)
def test_a_stop_signal_ends_watch_and_its_workers(tmp_path, stop, start):
    """`newsfuse watch` stopped by a service manager (SIGTERM), or by a Ctrl-C sent to it where its
    shell started it with Ctrl-C ignored (a background job; an ingest stops on it too), ends as after
    a Ctrl-C: exit 0, and its analysis processes end with it instead of waiting on their queue for good."""
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    cmd = [sys.executable, "-m", "newsfuse.cli", "watch", str(inbox), "--db", str(tmp_path / "w.db")]
    proc = subprocess.Popen(
        [*cmd, "--interval", "0.2", "--workers", "2"], stderr=subprocess.PIPE, text=True, preexec_fn=start
    )
    try:
        deadline = time.monotonic() + 120
        while len(_children(proc.pid)) < 2 and time.monotonic() < deadline:
            time.sleep(0.2)
        workers = _children(proc.pid)
        assert len(workers) >= 2
        proc.send_signal(stop)
        assert proc.wait(timeout=120) == 0, proc.stderr.read() if proc.stderr else ""
    finally:
        proc.kill()
    deadline = time.monotonic() + 10
    while any(process_running(w) for w in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not any(process_running(w) for w in workers)


def _dropping_one_per_send(monkeypatch, inbox: Path, names: list[str], seeds_dir: Path) -> list[tuple[str, list[str]]]:
    """Copy the first seed into ``inbox`` now and each next one as soon as the one before it is sent
    for analysis, so that each poll finds one new file while the one before may still be out; the
    record of the session's sends and stores, in order."""
    queue = list(names)
    steps: list[tuple[str, list[str]]] = []
    real_send, real_store = IngestSession.send, IngestSession.store_sent_together

    def drop_next() -> None:
        if queue:
            name = queue.pop(0)
            shutil.copy(seeds_dir / name, inbox / name)

    def send(self, paths, **kw):
        sent = real_send(self, paths, **kw)
        steps.append(("send", [Path(p).name for p in paths]))
        drop_next()
        return sent

    def store_sent_together(self, sents):
        steps.extend(("store", sorted(Path(p).name for p in sent.per_input)) for sent in sents)
        return real_store(self, sents)

    monkeypatch.setattr(IngestSession, "send", send)
    monkeypatch.setattr(IngestSession, "store_sent_together", store_sent_together)
    drop_next()
    return steps


def _checkpoints_name_only_stored_files(store) -> list[set[str]]:
    """Record, at each checkpoint the watch saves, the files it names whose articles are not stored."""
    unstored: list[set[str]] = []
    real_set_state = store.set_state

    def set_state(key, value):
        if key == watch_module.CHECKPOINT_KEY:
            stored = {a.source_path for a in store.articles()}
            unstored.append(set(json.loads(value)) - stored)
        return real_set_state(key, value)

    store.set_state = set_state
    return unstored


def _batch_ingest(db: Path, files: list[Path]) -> tuple:
    with open_store(str(db)) as store:
        ingest_paths(store, [str(f) for f in files])
        return _contents(store)


def _contents(store) -> tuple:
    return (
        sorted(a.id for a in store.articles()),
        sorted(sorted(s.article_ids) for s in store.stories()),
        _events(store),
    )


def test_a_pipelined_watch_stores_what_a_batch_ingest_of_the_same_files_does(tmp_path, seeds_dir, monkeypatch):
    """Two workers and a file arriving at each poll: each poll's file is sent for analysis while the
    ones before it may still be out, they are stored in arrival order, each checkpoint names only files
    whose articles are committed, and the store ends as one batch ingest of the same files leaves it."""
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    names = [SEED_000, SEED_001, SEED_002]
    steps = _dropping_one_per_send(monkeypatch, inbox, names, seeds_dir)
    reported: list[str] = []
    with open_store(str(tmp_path / "w.db")) as store:
        unstored = _checkpoints_name_only_stored_files(store)
        count = watch(
            store,
            [str(inbox)],
            interval=0.01,
            settle=0,
            max_rounds=30,
            workers=2,
            on_file=lambda p, s: reported.append(Path(p).name),
        )
        assert count == 3
        assert set(load_checkpoint(store)) == {str(inbox / n) for n in names}
        watched = _contents(store)
    assert [names for step, names in steps if step == "send"] == [[n] for n in names]
    assert [names for step, names in steps if step == "store"] == [[n] for n in names]
    assert reported == names
    assert unstored and not any(unstored)
    assert watched == _batch_ingest(tmp_path / "batch.db", [inbox / n for n in names])
    assert not multiprocessing.active_children()


def test_ctrl_c_with_a_batch_out_keeps_what_is_committed_and_a_rerun_completes_it(tmp_path, seeds_dir, monkeypatch):
    """Ctrl-C just after the second poll's file is sent (the first may still be out): the run ends at
    once with its workers, the checkpoint names only stored files, nothing is half stored, and a
    second run stores the rest: the store of one batch ingest of the same files."""
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    names = [SEED_000, SEED_001, SEED_002]
    steps = _dropping_one_per_send(monkeypatch, inbox, names, seeds_dir)
    stepped_send = IngestSession.send

    def send_then_ctrl_c(self, paths, **kw):
        sent = stepped_send(self, paths, **kw)
        if len([s for s in steps if s[0] == "send"]) == 2:
            os.kill(os.getpid(), signal.SIGINT)  # to the process, as a terminal's Ctrl-C
        return sent

    monkeypatch.setattr(IngestSession, "send", send_then_ctrl_c)
    db = str(tmp_path / "w.db")
    with open_store(db) as store:
        unstored = _checkpoints_name_only_stored_files(store)
        count = watch(store, [str(inbox)], interval=0.01, settle=0, max_rounds=30, workers=2)
        assert not multiprocessing.active_children()
        checkpointed = load_checkpoint(store)
        assert len(checkpointed) == count <= 1
        assert not any(unstored)
        assert {a.source_path for a in store.articles()} <= {str(inbox / n) for n in names[:2]}
    with open_store(db) as store:
        assert watch(store, [str(inbox)], once=True, workers=2) == 3 - count
        assert set(load_checkpoint(store)) == {str(inbox / n) for n in names}
        rerun = _contents(store)
    assert rerun == _batch_ingest(tmp_path / "batch.db", [inbox / n for n in names])


def test_polls_closer_together_than_the_interval_do_not_count_a_file_as_unchanged(tmp_path, seeds_dir, monkeypatch):
    """The watch polls sooner than ``interval`` when analyses come back or a file is about to settle;
    two polls a moment apart that find a file unchanged say nothing of a writer that pauses (and
    holds the file open)."""

    class NoSleep:
        def time(self) -> float:
            return time.time()

        def sleep(self, seconds: float) -> None:
            pass

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    monkeypatch.setattr(watch_module, "time", NoSleep())
    with _being_written(inbox / "a.txt", seeds_dir / SEED_000), open_store(str(tmp_path / "w.db")) as store:
        assert watch(store, [str(inbox)], interval=60, settle=3600, max_rounds=5) == 0
        assert store.count_articles() == 0


def test_the_next_poll_comes_when_the_file_found_will_be_ready(tmp_path):
    """A file being written is due when it has settled (here 0.3 s), not a whole interval (60 s) later;
    one being ingested as it is, or none, leaves the interval."""
    path = tmp_path / "a.txt"
    with open(path, "w", encoding="utf-8") as writer:
        writer.write("One paragraph of news.")
        writer.flush()
        arrivals = watch_module.Arrivals(settle=0.3, interval=60)
        changed = watch_module.changed_files([str(tmp_path)], {})
        assert arrivals.ready(changed, {}) == []
        assert 0.01 <= arrivals.next_poll_in({}) <= 0.3
        assert arrivals.next_poll_in(dict(changed)) == 60
        time.sleep(0.3)
        assert arrivals.ready(changed, {}) == changed
        assert arrivals.ready(changed, dict(changed)) == []


def test_a_group_that_took_a_while_to_store_holds_the_next_back_by_as_much():
    """Storing and fusing take at most ``share`` of the time: after a group that took 0.3 s of this
    process's CPU, the next may be stored 0.6 s after the first began (share 0.5), not before."""
    cpu = iter([10.0, 10.3])
    pacing = watch_module.Pacing(share=0.5, cpu=lambda: next(cpu))
    assert pacing.due(0.0)
    with pacing.spending(lambda: 100.0):
        pass
    assert not pacing.due(100.5) and pacing.due(100.6)
    assert abs(pacing.wait(100.2) - 0.4) < 1e-9 and pacing.wait(101.0) == 0.0


def test_files_found_while_a_batch_waits_for_a_worker_are_held_for_the_next_one():
    """Every worker busy and one batch more queued (free < 0): a poll's few files wait, to go out
    together; with a worker free, or nothing queued yet, or a whole batch of them, they go at once."""
    assert watch_module.held_back(3, -1)
    assert not watch_module.held_back(3, 0)
    assert not watch_module.held_back(3, 1)
    assert not watch_module.held_back(0, -1)
    assert not watch_module.held_back(watch_module.BATCH_SIZE, -1)


class _QueuedPool:
    """Stands in for the analysis workers: each submit is recorded and left pending until released."""

    def __init__(self) -> None:
        self.chunks: list[int] = []
        self.futures: list = []

    def submit(self, fn, articles, *args):
        from concurrent.futures import Future

        self.chunks.append(len(articles))
        self.futures.append(Future())
        return self.futures[-1]

    def stop(self) -> None:
        pass

    close = stop

    def starting(self) -> bool:
        return False


def test_a_send_to_one_free_worker_is_one_batch_and_counts_as_out_until_analysed(tmp_path, seeds_dir):
    """``slots``: the last short chunks of a send go to that many workers (one here: the three files
    are one batch, not two); the session counts the batches the workers have not given back, and
    waiting for a worker to come free ends when one does."""
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for i, name in enumerate([SEED_000, SEED_001, SEED_002]):
        shutil.copy(seeds_dir / name, inbox / f"{i}.txt")
    with open_store(str(tmp_path / "w.db")) as store:
        session = IngestSession(store, workers=2, embed_in_workers=True)
        pool = _QueuedPool()
        session._pool = pool  # type: ignore[assignment]
        session.send([str(inbox / "0.txt")])
        session.send([str(inbox / "1.txt"), str(inbox / "2.txt")], slots=1)
        assert pool.chunks == [1, 2]
        assert session.analysing() == 2
        pool.futures[1].set_result(([], []))
        session.wait_worker_free(timeout=5)
        assert session.analysing() == 1
        session.abandon()
        assert session.analysing() == 0


class _BusySession:
    """Stands in for the watch's ingest session: every worker busy and one batch queued, until the
    watch waits for a worker to come free (one does); what it is sent is recorded."""

    def __init__(self, store, workers: int = 2, embed_in_workers: bool = False) -> None:
        self.store = store
        self.workers = workers
        self.out = workers + 1

    def start_workers(self) -> None:
        pass

    def analysing(self) -> int:
        return self.out

    def wait_worker_free(self, timeout: float) -> None:
        self.out -= 1

    def send(self, paths, **kw) -> SentInputs:
        self.out += 1
        return SentInputs(IngestSummary(), kw["per_input"], None, None)

    def analysed(self, sent) -> bool:
        return False

    def wait_analysed(self, sent, timeout: float) -> None:
        pass

    def store_sent_together(self, sents) -> list[IngestSummary]:
        return [sent.summary for sent in sents]

    def abandon(self) -> None:
        pass

    close = abandon


def test_files_held_for_a_busy_worker_go_out_when_one_is_free_without_waiting_for_a_poll(tmp_path, monkeypatch):
    """A file found while every worker is busy and a batch is queued waits (``held_back``); once a
    worker comes free it is sent at once, not after the next poll (polls are paced: one that took a
    while comes again only much later)."""
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "a.txt").write_text("One paragraph of news.\n", encoding="utf-8")
    real_changed = watch_module.changed_files
    steps: list[str] = []

    def slow_poll(paths, checkpoint):
        steps.append("poll")
        spent = time.process_time()
        while time.process_time() - spent < 0.02:  # the next poll is due 0.2 s later (POLL_SHARE 0.1)
            pass
        return real_changed(paths, checkpoint)

    monkeypatch.setattr(watch_module, "changed_files", slow_poll)
    monkeypatch.setattr(watch_module, "IngestSession", _BusySession)
    real_send = _BusySession.send
    monkeypatch.setattr(
        _BusySession, "send", lambda self, paths, **kw: steps.append("send") or real_send(self, paths, **kw)
    )
    with open_store(str(tmp_path / "w.db")) as store:
        watch(store, [str(inbox)], interval=0.01, settle=0, max_rounds=2, workers=2)
    assert steps[:3] == ["poll", "send", "poll"]
