"""Watch mode: new files and changed feeds are picked up; a restart neither skips nor repeats."""

from __future__ import annotations

import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

from conftest import process_running

from newsfuse import watch as watch_module
from newsfuse.pipeline import IngestSession, ingest_paths
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
    real_ingest = IngestSession.ingest

    def counted(self, paths, **kw):
        calls.append(list(paths))
        return real_ingest(self, paths, **kw)

    monkeypatch.setattr(IngestSession, "ingest", counted)
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
    monkeypatch.setattr(IngestSession, "ingest", real_ingest)
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


def test_a_file_unchanged_since_the_last_poll_is_read_before_its_settle_time(tmp_path, seeds_dir, monkeypatch):
    """Settle time far off: the first poll leaves a new file (it may still be written) and the next
    poll, finding it unchanged, reads it; a file that grew between two polls waits for one more."""
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    shutil.copy(seeds_dir / SEED_000, inbox / "a.txt")
    with open_store(str(tmp_path / "w.db")) as store:
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
            self.sleeps += 1
            if self.sleeps == 1:
                with open(inbox / "b.txt", "a", encoding="utf-8") as fh:
                    fh.write("\nOne more paragraph, written while the watch slept.\n")

    shutil.copy(seeds_dir / SEED_001, inbox / "b.txt")
    with open_store(str(tmp_path / "w.db")) as store:
        monkeypatch.setattr(watch_module, "time", WriterBetweenPolls())
        assert watch(store, [str(inbox)], interval=0.01, settle=3600, max_rounds=2) == 0
        monkeypatch.setattr(watch_module, "time", WriterBetweenPolls())
        assert watch(store, [str(inbox)], interval=0.01, settle=3600, max_rounds=3) == 1
        assert store.count_articles() == 2


def _children(pid: int) -> list[int]:
    path = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(x) for x in path.read_text().split()] if path.exists() else []


def test_a_sigterm_ends_watch_and_its_workers(tmp_path):
    """`newsfuse watch` stopped by a service manager (SIGTERM) ends as after Ctrl-C: exit 0, and its
    analysis processes end with it instead of waiting on their queue for good."""
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    cmd = [sys.executable, "-m", "newsfuse.cli", "watch", str(inbox), "--db", str(tmp_path / "w.db")]
    proc = subprocess.Popen([*cmd, "--interval", "0.2", "--workers", "2"], stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 120
        while len(_children(proc.pid)) < 2 and time.monotonic() < deadline:
            time.sleep(0.2)
        workers = _children(proc.pid)
        assert len(workers) >= 2
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=120) == 0, proc.stderr.read() if proc.stderr else ""
    finally:
        proc.kill()
    deadline = time.monotonic() + 10
    while any(process_running(w) for w in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not any(process_running(w) for w in workers)
