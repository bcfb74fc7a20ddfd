"""Files dropped one by one into a watched folder: is each stored within 2 s, and does `watch` keep
up with 0.8x the throughput of a batch ingest of the same files? (issue 17's `watch` target)

1. Generates ``--files`` distinct articles (text page dumps with chrome, as ``benchmarks/ingest.py``
   does) plus one warm-up article.
2. Batch: in a fresh process, ingests the warm-up article (models loaded), then all the files in one
   ingest call into a fresh SQLite store, with one analysis process per core (started and warmed
   first) as ``newsfuse ingest`` and ``watch`` run by default: the batch rate, articles/s.
3. Watch: starts the real ``newsfuse watch FOLDER --db NEW.db --interval I --json`` in a child
   process, drops the warm-up file and waits for it, then drops the files one at a time at
   ``--pace`` times the batch rate (each written beside the folder, then renamed into it, as a
   downloader does). A file counts as stored when `watch` prints its JSON line, which it does after
   the file's articles, stories, fusion and its checkpoint are committed (the files one poll finds
   are ingested as one batch and printed together after it). Latency = stored - dropped.

4. Backlog: a fresh `watch` on a fresh store, the same files dropped all at once after its warm-up:
   what the watch can take when files come faster than it stores them.

The paced run gives each file's latency (max, p95, median, files over 2 s); its throughput (files /
(last stored - first dropped)) cannot exceed the pace itself (0.8x at --pace 0.8, less the last
file's latency), so the throughput target is judged on the backlog run: files / (last stored - first
dropped) against the batch rate. `watch` waits ``settle`` (0.5 s) after a file's modification time
before reading it (or reads it once two polls found it unchanged), so few latencies are below that.

A run stops dropping and waiting after ``--max-minutes``; files not stored by then count as over 2 s.

Diagnosis: ``--trace FILE`` runs the paced watch with each step stamped into FILE (when each file
was seen, found ready, sent, analysed, its group stored, printed; each stored group's store, fusion
and checkpoint, wall and CPU seconds) and prints where each file's time went, with the CPU of the
watch and of all its processes; ``--period S`` drops a file every S seconds whatever the batch rate
(two versions compared at the same pace) and skips the batch and backlog runs.

Usage: python benchmarks/watch_load.py [--files 1000] [--pace 0.8] [--interval 0.25] [--max-minutes 15]
       [--trace FILE] [--period S] [--json]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

import ingest as ingest_bench  # noqa: E402  (benchmarks/ingest.py: the article generator)

LIMIT_S = 2.0
SEED = 97  # another sentence draw than the other benchmarks' (7, 98, 99)

BATCH_CHILD = """
import json, sys, time
from newsfuse.pipeline import IngestSession
from newsfuse.store import open_store
from newsfuse.workers import worker_count
warm, folder, db = sys.argv[1:4]
if __name__ == "__main__":
    with open_store(db) as store:
        # as `newsfuse ingest` and `watch` run by default: one analysis process per core, started and
        # warmed (models loaded) before the clock starts, as the watch's are before its first file
        session = IngestSession(store, workers=worker_count(0))
        try:
            session.start_workers()
            session.ingest([warm])
            start = time.perf_counter()
            summary = session.ingest([folder], batch_size=32)
            seconds = time.perf_counter() - start
        finally:
            session.close()
    print(json.dumps({"new": summary.new, "seconds": seconds}))
"""


# ``--trace``: the same `newsfuse watch` with its steps stamped (CLOCK_MONOTONIC, as the benchmark's
# own stamps; CPU seconds of the watch's process) into a JSON-lines file, one record per step.
TRACE_CHILD = """
import json, sys, time
from pathlib import Path
import newsfuse.cli as cli
import newsfuse.pipeline as P
import newsfuse.watch as W
out = open(sys.argv[1], "w", buffering=1)

def rec(kind, **kw):
    out.write(json.dumps({"k": kind, "t": time.perf_counter(), "cpu": time.process_time(), **kw}) + "\\n")

def name(p):
    return Path(p).name

def timed(owner, attr, kind, info=lambda *a, **k: {}):
    fn = getattr(owner, attr, None)
    if fn is None:
        return
    def wrapper(*a, **k):
        t, c = time.perf_counter(), time.process_time()
        try:
            return fn(*a, **k)
        finally:
            rec(kind, t0=t, cpu0=c, **info(*a, **k))
    setattr(owner, attr, wrapper)

seen = set()
changed = W.changed_files
def changed_files(paths, checkpoint):
    found = changed(paths, checkpoint)
    new = [name(p) for p, _ in found if name(p) not in seen]
    seen.update(new)
    if new:
        rec("seen", files=new)
    return found
W.changed_files = changed_files
ready = W.Arrivals.ready
def arrivals_ready(self, changed, sending, everything=False):
    got = ready(self, changed, sending, everything)
    rec("ready", files=[name(p) for p, _ in got])
    return got
W.Arrivals.ready = arrivals_ready
from contextlib import contextmanager
spending = W.Pacing.spending
@contextmanager
def traced_spending(self, clock):
    t, c = time.perf_counter(), time.process_time()
    try:
        with spending(self, clock):
            yield
    finally:  # the work's share, its CPU and the pause it set before the next run of it
        rec("paced", t0=t, cpu0=c, share=self.share, pause=self.next_at - clock())
W.Pacing.spending = traced_spending
timed(P.IngestSession, "send", "send", lambda self, paths, **k: {"files": [name(p) for p in paths]})
def batch_done(batch_id, files):
    return lambda _future: rec("analysed", batch=batch_id, files=files)
sent_batch = P.IngestSession._send
def _send(self, chunk, sent):
    batch = sent_batch(self, chunk, sent)
    files = sorted({name(a.source_path) for a, _ in chunk})
    rec("out", batch=id(batch), files=files, articles=len(chunk))
    if batch.future is not None:
        batch.future.add_done_callback(batch_done(id(batch), files))
    return batch
P.IngestSession._send = _send
timed(P.IngestSession, "store_sent", "store_sent", lambda self, sent: {"articles": len(sent.summary.new_ids)})
def stored_together(self, sents):
    return {"articles": sum(len(s.summary.new_ids) for s in sents)}
timed(P.IngestSession, "store_sent_together", "store_sent", stored_together)  # watch stores a group at once
import newsfuse.stories.fuse as F
import newsfuse.stories.fused_event as E
import newsfuse.stories.mention_facts as MF
CACHES = ((MF, "_FACTS"), (MF, "_CONTENTS"), (F, "_SIGNATURES"), (F, "_PAIRS"), (F, "_GROUPINGS"), (F, "_PASSES"),
          (E, "_EVENTS"), (E, "_INFOS"), (E, "_PARTS"))
def size(cache):  # a dict, or a cache of two generations (``Recent``)
    return len(cache) if hasattr(cache, "__len__") else len(cache.current) + len(cache.previous)
def cache_sizes(*a, **k):  # the fusion's bounded caches after it (a clear shows as a drop)
    kept = P._kept_block
    sizes = {n: size(getattr(mod, n)) for mod, n in CACHES if hasattr(mod, n)}
    return {"caches": sizes, "kept_block": sum(map(len, kept.mentions.values())) if kept is not None else None}
timed(P.IngestSession, "update_stories_and_events", "fusion", cache_sizes)
timed(P.IngestSession, "wait_worker_free", "wait_worker_free")
timed(P.IngestSession, "wait_analysed", "wait_analysed")
def group_info(session, batches, *a, **k):
    return {"batches": len(batches), "nfiles": sum(len(b.files) for b in batches)}
timed(W, "store_batches", "group", group_info)
import gc, os
gc_start = {}
def gc_timing(phase, info):
    if phase == "start":
        gc_start["t"], gc_start["cpu"] = time.perf_counter(), time.process_time()
    elif "t" in gc_start:
        rec("gc", t0=gc_start.pop("t"), cpu0=gc_start.pop("cpu"), gen=info["generation"], collected=info["collected"])
gc.callbacks.append(gc_timing)
import struct
def wal_frames(db):
    # frames in the WAL and frames already copied back (the wal-index header's mxFrame, nBackfill)
    try:
        with open(db + "-shm", "rb") as f:
            head = f.read(100)
        return struct.unpack_from("=I", head, 16)[0], struct.unpack_from("=I", head, 96)[0]
    except (OSError, struct.error):
        return None, None

class TimedCommits:
    # the store's connection, with each COMMIT stamped (its frames in the WAL before and after: a
    # drop is a checkpoint)
    def __init__(self, conn, db):
        self._c, self._db = conn, db
    def __getattr__(self, name):
        return getattr(self._c, name)
    def execute(self, sql, *a):
        if sql.strip().upper() != "COMMIT":
            return self._c.execute(sql, *a)
        before, t, c = wal_frames(self._db), time.perf_counter(), time.process_time()
        try:
            return self._c.execute(sql, *a)
        finally:
            rec("commit", t0=t, cpu0=c, wal_before=before, wal_after=wal_frames(self._db))

watch = cli.run_watch
def traced_watch(store, paths, **kw):
    set_state = type(store).set_state
    def traced_set_state(self, key, value):
        t, c = time.perf_counter(), time.process_time()
        set_state(self, key, value)
        if key == W.CHECKPOINT_KEY:
            wal = Path(str(getattr(self, "path", "")) + "-wal")
            rec("checkpoint", t0=t, cpu0=c, wal=wal.stat().st_size if wal.exists() else None)
    type(store).set_state = traced_set_state
    on_file = kw["on_file"]
    def traced_on_file(path, summary):
        on_file(path, summary)
        rec("printed", files=[name(path)])
    kw["on_file"] = traced_on_file
    if hasattr(store, "_conn"):
        store._conn = TimedCommits(store._conn, store.path)
    rec("start")
    try:
        return watch(store, paths, **kw)
    finally:
        rec("end")
cli.run_watch = traced_watch
if __name__ == "__main__":
    sys.argv = ["newsfuse"] + sys.argv[2:]
    cli.main()
"""


def child_env() -> dict[str, str]:
    return {
        **os.environ,
        "PYTHONPATH": str(ROOT / "src"),
        "HF_HUB_OFFLINE": "1",
        "TRANSFORMERS_OFFLINE": "1",
    }


def batch_rate(warm: Path, folder: Path, db: Path) -> dict:
    proc = subprocess.run(
        [sys.executable, "-c", BATCH_CHILD, str(warm), str(folder), str(db)],
        capture_output=True,
        text=True,
        env=child_env(),
        check=True,
    )
    out = json.loads(proc.stdout.strip().splitlines()[-1])
    return {
        "articles": out["new"],
        "seconds": round(out["seconds"], 2),
        "articles_per_s": round(out["new"] / out["seconds"], 3),
    }


class Watcher:
    """The real `newsfuse watch --json` in a child process; a thread stamps each JSON line it prints."""

    def __init__(self, folder: Path, db: Path, interval: float, trace: Path | None = None) -> None:
        self.stored: dict[str, float] = {}
        command = ["-m", "newsfuse.cli"] if trace is None else ["-c", TRACE_CHILD, str(trace)]
        self.proc = subprocess.Popen(
            [
                sys.executable,
                *command,
                "watch",
                str(folder),
                "--db",
                str(db),
                "--interval",
                str(interval),
                "--json",
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
            env=child_env(),
        )
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            now = time.perf_counter()
            try:
                path = json.loads(line)["path"]
            except (ValueError, KeyError, TypeError):
                continue
            self.stored[Path(path).name] = now

    def wait_for(self, names: list[str], timeout: float) -> bool:
        end = time.perf_counter() + timeout
        while time.perf_counter() < end:
            if all(n in self.stored for n in names):
                return True
            if self.proc.poll() is not None:
                return False
            time.sleep(0.02)
        return False

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()


def tree_cpu(root: int) -> float:
    """CPU seconds (user + system) of a process and all its descendants now (Linux ``/proc``): the
    watch with its fork server and analysis workers."""
    parents, cpu = {}, {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        pid = int(stat.parent.name)
        parents[pid], cpu[pid] = int(fields[1]), (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    tree, grew = {root}, True
    while grew:
        more = {pid for pid, parent in parents.items() if parent in tree} - tree
        tree |= more
        grew = bool(more)
    return sum(cpu.get(pid, 0.0) for pid in tree)


def drop(src: Path, folder: Path, staging: Path) -> float:
    """Write the file beside the watched folder, then rename it in; returns the drop time."""
    tmp = staging / src.name
    shutil.copyfile(src, tmp)
    os.replace(tmp, folder / src.name)
    return time.perf_counter()


def run(
    n: int,
    pace: float,
    interval: float,
    work: Path,
    budget_s: float,
    trace: Path | None = None,
    period: float | None = None,
) -> dict:
    source, warm_dir = work / "source", work / "warm"
    for d in (source, warm_dir):
        d.mkdir()
    ingest_bench.generate(source, n, seed=SEED)
    ingest_bench.generate(warm_dir, 1, seed=SEED + 1, first=10**6)
    warm = next(warm_dir.iterdir())
    files = sorted(source.iterdir())

    if period is None:
        batch = batch_rate(warm, source, work / "batch.db")
        period = 1.0 / (pace * batch["articles_per_s"])
    else:  # a drop period of one's own (runs of two versions compared at the same pace): no batch, no backlog
        batch = {"articles": n, "seconds": None, "articles_per_s": None}
    deadline = time.perf_counter() + budget_s
    dropped, stored, complete = watched_run(work / "paced", warm, files, period, interval, deadline, trace)
    latencies = sorted(stored[name] - t for name, t in dropped.items() if name in stored)
    stored_n = len(latencies)
    rate = _rate(dropped, stored)
    # the same files all waiting at once (a backlog): what the watch can take, against the batch
    late, late_stored, late_complete = (
        watched_run(work / "backlog", warm, files, 0.0, interval, deadline) if batch["seconds"] else ({}, {}, False)
    )
    late_rate = _rate(late, late_stored)
    traced = trace_summary(trace, dropped, stored) if trace is not None else None
    return {
        "files": n,
        "dropped": len(dropped),
        "stored": stored_n,
        "budget_s": budget_s,
        "complete": complete,
        "pace_of_batch_rate": pace,
        "poll_interval_s": interval,
        "drop_period_s": round(period, 3),
        "batch": batch,
        "watch": {
            "latency_max_s": round(latencies[-1], 3) if latencies else None,
            "latency_p95_s": round(latencies[int(0.95 * (stored_n - 1))], 3) if latencies else None,
            "latency_median_s": round(statistics.median(latencies), 3) if latencies else None,
            "files_over_2_s": sum(1 for x in latencies if x > LIMIT_S) + (n - stored_n),  # unstored count as over
            "articles_per_s": round(rate, 3),
            "paced_throughput_vs_batch": round(rate / batch["articles_per_s"], 3) if batch["articles_per_s"] else None,
        },
        "backlog": {
            "dropped": len(late),
            "stored": sum(1 for name in late if name in late_stored),
            "complete": late_complete,
            "articles_per_s": round(late_rate, 3),
            "throughput_vs_batch": round(late_rate / batch["articles_per_s"], 3) if batch["articles_per_s"] else None,
        },
        **({"trace": traced} if traced is not None else {}),
    }


def watched_run(
    work: Path,
    warm: Path,
    files: list[Path],
    period: float,
    interval: float,
    deadline: float,
    trace: Path | None = None,
) -> tuple[dict[str, float], dict[str, float], bool]:
    """A fresh store and folder watched by a fresh `watch`; after the warm-up file, ``files`` dropped one
    every ``period`` seconds (0: all at once) until ``deadline``. Returns when each was dropped and
    stored, and whether all dropped ones were stored by the deadline."""
    watched, staging = work / "watched", work / "staging"
    for d in (watched, staging):
        d.mkdir(parents=True)
    watcher = Watcher(watched, work / "watch.db", interval, trace)
    try:
        drop(warm, watched, staging)
        if not watcher.wait_for([warm.name], timeout=300):
            raise SystemExit("watch did not store the warm-up file within 300 s")
        dropped: dict[str, float] = {}
        cpu_before = tree_cpu(watcher.proc.pid) if trace is not None else 0.0
        start = time.perf_counter()
        for i, f in enumerate(files):
            delay = start + i * period - time.perf_counter()
            if delay > 0:
                time.sleep(delay)
            if time.perf_counter() > deadline:
                break
            dropped[f.name] = drop(f, watched, staging)
        complete = watcher.wait_for(list(dropped), timeout=max(5.0, deadline - time.perf_counter()))
        if trace is not None:  # the whole watch's CPU (its workers too) over the dropped files
            trace.with_suffix(".cpu").write_text(str(tree_cpu(watcher.proc.pid) - cpu_before))
    finally:
        watcher.stop()
    return dropped, dict(watcher.stored), complete


def trace_summary(trace: Path, dropped: dict[str, float], stored: dict[str, float]) -> dict:
    """Where each paced file's time went (``--trace``): per file, the median / p95 / max seconds from
    one step to the next; per stored group, its files and the seconds (wall and the watch process's
    CPU) of each step; the watch process's CPU from the first drop on."""
    records = [json.loads(line) for line in trace.read_text().splitlines() if line.strip()]
    first: dict[str, dict[str, float]] = {}  # step -> file -> when first
    for r in records:
        for f in r.get("files", ()) if r["k"] != "analysed" else ():
            first.setdefault(r["k"], {}).setdefault(f, r.get("t0", r["t"]))
    analysed: dict[str, float] = {}
    for r in records:
        if r["k"] == "analysed":
            for f in r["files"]:
                analysed[f] = max(analysed.get(f, 0.0), r["t"])
    groups = [r for r in records if r["k"] == "group"]
    group_of = {f: g for g in groups for f, t in first.get("printed", {}).items() if g["t0"] <= t <= g["t"]}
    steps = {
        "drop": dropped,
        "seen": first.get("seen", {}),
        "ready": first.get("ready", {}),
        "sent": first.get("send", {}),
        "analysed": analysed,
        "group_start": {f: g["t0"] for f, g in group_of.items()},
        "printed": first.get("printed", {}),
        "read_by_benchmark": stored,
    }
    names = list(steps)
    first_drop = min(dropped.values(), default=0)
    shown = [_group_steps(g, records, analysed) for g in groups if g["t0"] >= first_drop]
    per_file = {}
    for a, b in zip(names, names[1:]):
        gaps = sorted(steps[b][f] - steps[a][f] for f in dropped if f in steps[a] and f in steps[b])
        per_file[f"{a}->{b}"] = _spread(gaps)
    late = [f for f in dropped if f in stored and stored[f] - dropped[f] > LIMIT_S]
    slowest = sorted((f for f in dropped if f in stored), key=lambda f: dropped[f] - stored[f])[:10]
    return {
        "per_file_s": per_file,
        "late_files": len(late),
        "late_mean_s": _late_means(names, steps, late),
        "slowest": [
            [
                round(steps[b][f] - steps[a][f], 3) if f in steps[a] and f in steps[b] else None
                for a, b in zip(names, names[1:])
            ]
            for f in slowest
        ],
        "groups": shown,
        "groups_wall_cpu_s": _group_totals(shown),
        "fusion_cpu_ms_per_group": _fusion_by_quarter(shown),
        "watch_cpu_s": round(records[-1]["cpu"] - _cpu_at(records, first_drop), 2),
        "watch_and_workers_cpu_s": round(float(trace.with_suffix(".cpu").read_text()), 2),
        "pauses": _pauses(records, first_drop),
    }


def _pauses(records: list[dict], first_drop: float) -> dict:
    """The watch's one-off pauses from the first drop on: its cyclic collector's full passes (count,
    CPU seconds summed and the longest), the commits that copied the WAL back into the file
    (checkpoints: count and the longest wall), and the longest pause its pacing set after a poll or
    a stored group (seconds)."""
    full = [r["cpu"] - r["cpu0"] for r in records if r["k"] == "gc" and r["gen"] == 2 and r["t0"] >= first_drop]
    copied = [
        r["t"] - r["t0"]
        for r in records
        if r["k"] == "commit" and r["t0"] >= first_drop and None not in r["wal_before"] + r["wal_after"]
        if r["wal_after"][1] > r["wal_before"][1]
    ]
    paced = {
        share: max((r["pause"] for r in records if r["k"] == "paced" and r["share"] == share), default=0.0)
        for share in {r["share"] for r in records if r["k"] == "paced"}
    }
    return {
        "full_collections": [len(full), round(sum(full), 3), round(max(full, default=0.0), 3)],
        "checkpoints": [len(copied), round(max(copied, default=0.0), 3)],
        "longest_pacing_pause_s": {str(k): round(v, 3) for k, v in sorted(paced.items())},
    }


def _group_totals(groups: list[dict]) -> dict[str, list[float]]:
    """Each step's wall and CPU seconds summed over the stored groups: a wall far above the CPU is
    the watch process waiting for a core (the workers and whatever else runs), not its own work."""
    steps = ("store_sent", "fusion", "checkpoint", "total")
    return {k: [round(sum(g[k][0] for g in groups), 2), round(sum(g[k][1] for g in groups), 2)] for k in steps}


def _late_means(names: list[str], steps: dict[str, dict[str, float]], late: list[str]) -> dict[str, float]:
    """Over the files stored more than ``LIMIT_S`` after their drop: the mean seconds of each step
    (where their time went)."""
    out = {}
    for a, b in zip(names, names[1:]):
        gaps = [steps[b][f] - steps[a][f] for f in late if f in steps[a] and f in steps[b]]
        if gaps:
            out[f"{a}->{b}"] = round(sum(gaps) / len(gaps), 3)
    return out


def _fusion_by_quarter(groups: list[dict]) -> dict:
    """The fusion CPU per stored group, in ms: the mean over the first and the last quarter of the
    groups (does fusion cost grow through the run?)."""
    cpu = [g["fusion"][1] for g in groups]
    q = len(cpu) // 4
    if not q:
        return {}
    return {"first_quarter": round(1000 * sum(cpu[:q]) / q, 1), "last_quarter": round(1000 * sum(cpu[-q:]) / q, 1)}


def _spread(xs: list[float]) -> dict:
    if not xs:
        return {}
    return {
        "median": round(statistics.median(xs), 3),
        "p95": round(xs[int(0.95 * (len(xs) - 1))], 3),
        "max": round(xs[-1], 3),
    }


def _cpu_at(records: list[dict], t: float) -> float:
    return next((r["cpu"] for r in records if r["t"] >= t), records[-1]["cpu"])


def _group_steps(group: dict, records: list[dict], analysed: dict[str, float]) -> dict:
    """One stored group: files, batches; the wait from its last analysis to its start, and each step's
    wall and CPU seconds (store_sent summed over its batches)."""
    inside = [r for r in records if group["t0"] <= r["t"] <= group["t"] and "t0" in r and r is not group]
    out: dict = {"at": round(group["t0"], 3), "files": group["nfiles"], "batches": group["batches"]}
    printed = [r["t"] for r in records if r["k"] == "printed" and group["t0"] <= r["t"] <= group["t"]]
    files = [f for r in records if r["k"] == "printed" and group["t0"] <= r["t"] <= group["t"] for f in r["files"]]
    done = [analysed[f] for f in files if f in analysed]
    out["wait_s"] = round(group["t0"] - max(done), 3) if done else None
    for kind in ("store_sent", "fusion", "checkpoint"):
        rs = [r for r in inside if r["k"] == kind]
        out[kind] = [round(sum(r["t"] - r["t0"] for r in rs), 3), round(sum(r["cpu"] - r["cpu0"] for r in rs), 3)]
    checkpoint_end = max((r["t"] for r in inside if r["k"] == "checkpoint"), default=group["t0"])
    out["printing_s"] = round(max(printed, default=checkpoint_end) - checkpoint_end, 3)
    out["total"] = [round(group["t"] - group["t0"], 3), round(group["cpu"] - group["cpu0"], 3)]
    return out


def _rate(dropped: dict[str, float], stored: dict[str, float]) -> float:
    """Files stored per second, from the first drop to the last store."""
    stored_at = [stored[name] for name in dropped if name in stored]
    span = max(stored_at) - min(dropped.values()) if stored_at else 0.0
    return len(stored_at) / span if span > 0 else 0.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=1000)
    parser.add_argument("--pace", type=float, default=0.8, help="drop rate as a share of the batch rate")
    parser.add_argument("--interval", type=float, default=0.25, help="watch's poll interval, seconds")
    parser.add_argument(
        "--max-minutes",
        type=float,
        default=15.0,
        help="stop dropping and waiting after this long (unstored files count as late)",
    )
    parser.add_argument(
        "--trace",
        type=Path,
        default=None,
        help="stamp the paced watch's steps into this JSON-lines file and add where each file's time went",
    )
    parser.add_argument(
        "--period",
        type=float,
        default=None,
        help="drop a file every this many seconds instead of at --pace (skips the batch and the backlog runs)",
    )
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="newsfuse-watch-") as tmp:
        result = run(args.files, args.pace, args.interval, Path(tmp), 60 * args.max_minutes, args.trace, args.period)
    result["machine"] = f"{platform.machine()}, {os.cpu_count()} cores"
    if args.json:
        print(json.dumps(result))
        return
    w, b = result["watch"], result["batch"]
    if b["seconds"] is not None:
        print(f"batch: {b['articles']} articles in {b['seconds']} s = {b['articles_per_s']} articles/s")
    print(
        f"watch, files dropped every {result['drop_period_s']} s ({args.pace}x the batch rate): "
        f"{result['stored']}/{result['files']} stored; latency median {w['latency_median_s']} s, "
        f"p95 {w['latency_p95_s']} s, max {w['latency_max_s']} s; over {LIMIT_S:g} s: {w['files_over_2_s']}"
    )
    paced = w["paced_throughput_vs_batch"]
    print(f"paced: {w['articles_per_s']} articles/s = {paced}x the batch rate (at most the pace)")
    late = result["backlog"]
    if late["dropped"]:
        print(
            f"backlog (all {late['dropped']} files at once): {late['stored']} stored, "
            f"{late['articles_per_s']} articles/s = {late['throughput_vs_batch']}x the batch rate"
        )
    if "trace" in result:
        print_trace(result["trace"])


def print_trace(trace: dict) -> None:
    """``--trace``: each step's spread over the files, then one line per stored group (wall/CPU s)."""
    for step, spread in trace["per_file_s"].items():
        print(f"{step:28s} " + "  ".join(f"{k} {v:.3f}" for k, v in spread.items()))
    late = "  ".join(f"{step} {s:.3f}" for step, s in trace["late_mean_s"].items())
    print(f"files over {LIMIT_S:g} s ({trace['late_files']}), mean seconds per step: {late}")
    totals = "  ".join(f"{k} {w:.2f}/{c:.2f}" for k, (w, c) in trace["groups_wall_cpu_s"].items())
    print(f"stored groups, wall/CPU seconds summed: {totals}")
    print(f"watch process CPU from the first drop: {trace['watch_cpu_s']} s")
    print(f"watch, its fork server and workers, CPU over the dropped files: {trace['watch_and_workers_cpu_s']} s")
    n, cpu, longest = trace["pauses"]["full_collections"]
    print(f"full collections in the watch: {n}, {cpu} s CPU, the longest {longest} s")
    n, longest = trace["pauses"]["checkpoints"]
    pacing = trace["pauses"]["longest_pacing_pause_s"]
    print(f"WAL checkpoints: {n}, the longest {longest} s; longest pause set by pacing, by share: {pacing}")
    print("slowest files, seconds per step:", *trace["slowest"], sep="\n ")
    by_quarter = trace["fusion_cpu_ms_per_group"]
    if by_quarter:
        first, last = by_quarter["first_quarter"], by_quarter["last_quarter"]
        print(f"fusion CPU per stored group: first quarter {first} ms, last quarter {last} ms")
    for g in trace["groups"]:
        steps = "  ".join(f"{k} {g[k][0]:.3f}/{g[k][1]:.3f}" for k in ("store_sent", "fusion", "checkpoint", "total"))
        print(f"group at {g['at']:.3f}: {g['files']:3d} files {g['batches']} batches  wait {g['wait_s']}  {steps}")


if __name__ == "__main__":
    main()
