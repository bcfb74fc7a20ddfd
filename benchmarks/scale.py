"""Scale figures: Dask 1 vs 2 workers, SQLite vs PostgreSQL ingest, event queries on 1M events,
growth of fusion time per article as the store grows.

Usage (PostgreSQL parts need a server: run under scripts/with-postgres.sh or pass --pg URL):
  scripts/with-postgres.sh .venv/bin/python benchmarks/scale.py [--parts dask,store,query,fusion] [--json]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

from newsfuse.model import ActorRef, Detail, Event, EventMention, MentionRef  # noqa: E402

# 300 distinct people (first name + surname, like real actors), spread over 12 countries
LEADERS = [
    ActorRef(f"Firstname{i:03d} Surname{i:03d}", c, "GOV", "President", f"person:leader-{i}")
    for i, c in enumerate(["RUS", "ISR", "USA", "FRA", "DEU", "CHN", "IND", "BRA", "TUR", "IRN", "EGY", "QAT"] * 25)
]
TYPES = ["CONSULT", "AGREE", "ACCUSE", "ASSAULT", "AID", "SANCTION", "PROTEST", "REQUEST"]


def generated_folder(n: int, tmp: str) -> Path:
    import ingest as ingest_bench

    folder = Path(tmp) / f"gen{n}"
    if not folder.exists():  # read+clean+store and the full analysis may ask for the same count
        folder.mkdir()
        ingest_bench.generate(folder, n)
    return folder


def part_dask(n: int, n_full: int, tmp: str) -> dict:
    """1 vs 2 workers: read+clean on workers for n articles; the full analysis for n_full."""
    from dask.distributed import Client

    from newsfuse.distributed import ingest_with_dask, local_cluster, prepare_worker
    from newsfuse.store import open_store

    out: dict = {}
    for mode, count, analyse in (("read+clean+store", n, False), ("full analysis", n_full, True)):
        if not count:
            continue
        folder = generated_folder(count, tmp)
        res: dict = {"articles": count}
        for workers in (1, 2):
            with local_cluster(workers) as cluster, Client(cluster) as client:  # as `ingest --dask local:N`
                if analyse:
                    client.run(prepare_worker)  # the models loaded as the first task would, before timing
                store = open_store(str(Path(tmp) / f"dask-{analyse}-{workers}.db"))
                start = time.perf_counter()
                summary = ingest_with_dask(store, [str(folder)], "unused", client=client, analyse_articles=analyse)
                seconds = time.perf_counter() - start
                store.close()
            res[f"workers_{workers}"] = {
                "new": summary.new,
                "seconds": round(seconds, 1),
                "articles_per_s": round(summary.new / seconds, 2),
            }
        res["speedup_2_vs_1"] = round(res["workers_2"]["articles_per_s"] / res["workers_1"]["articles_per_s"], 2)
        out[mode] = res
    return out


def fresh_stores(tmp: str, name: str, pg_url: str | None):
    """An empty SQLite store, then (with a URL) an empty PostgreSQL schema: (label, store) pairs."""
    from newsfuse.store import open_store

    yield "sqlite", open_store(str(Path(tmp) / f"{name}.db"))
    if pg_url:
        from newsfuse.store.postgres import PostgresStore

        yield "postgresql", PostgresStore(pg_url, schema="bench_" + uuid.uuid4().hex[:8])


def close_store(store) -> None:
    if hasattr(store, "drop_schema"):
        store.drop_schema()
    store.close()


def part_store(n: int, tmp: str, pg_url: str | None) -> dict:
    from newsfuse.pipeline import ingest_paths

    folder = generated_folder(n, tmp)
    out: dict = {"articles": n, "mode": "read+clean+dedup+store (no analysis)"}
    for name, store in fresh_stores(tmp, "store", pg_url):
        start = time.perf_counter()
        summary = ingest_paths(store, [str(folder)], analyse_articles=False, batch_size=64)
        seconds = time.perf_counter() - start
        close_store(store)
        out[name] = {
            "new": summary.new,
            "seconds": round(seconds, 1),
            "articles_per_s": round(summary.new / seconds, 1),
        }
    return out


def synthetic_events(n: int, rng: random.Random) -> list[Event]:
    events = []
    for i in range(n):
        a, b = rng.sample(LEADERS, 2)
        day = f"20{rng.randint(10, 25)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        events.append(
            Event(
                id=f"e{i:07d}",
                type=rng.choice(TYPES),
                mode=None,
                cameo="040",
                date=day,
                date_precision="day",
                source_actors=(a,),
                target_actors=(b,),
                location=None,
                topics=(),
                status="occurred",
                details=(Detail("date", day, (f"a{i}",)),),
                mentions=(MentionRef(f"m{i}", f"a{i}", "Wire", "s", 0, 1),),
                story_id=f"s{i // 5}",
            )
        )
    return events


def part_query(n: int, tmp: str, pg_url: str | None, queries: int = 200) -> dict:
    from newsfuse.store import EventFilter

    rng = random.Random(3)
    events = synthetic_events(n, rng)
    out: dict = {"events": n, "queries": queries, "query": "events by actor name + date range (1 year)"}
    for name, store in fresh_stores(tmp, "query", pg_url):
        start = time.perf_counter()
        store.replace_events(events)
        load = time.perf_counter() - start
        times = []
        for _ in range(queries):
            actor = rng.choice(LEADERS).name.split()[-1]  # by surname, as users type it
            year = rng.randint(2010, 2025)
            t0 = time.perf_counter()
            store.events(EventFilter(actor=actor, since=f"{year}-01-01", until=f"{year}-12-31", limit=1000))
            times.append(time.perf_counter() - t0)
        times.sort()
        out[name] = {
            "load_s": round(load, 1),
            "p50_ms": round(statistics.median(times) * 1000, 2),
            "p95_ms": round(times[int(0.95 * len(times)) - 1] * 1000, 2),
        }
        close_store(store)
    return out


def synthetic_mentions(n_articles: int, rng: random.Random, start: int = 0) -> list[EventMention]:
    out = []
    for i in range(start, start + n_articles):
        a, b = rng.sample(LEADERS[:60], 2)
        day = f"2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        out.append(
            EventMention(
                id=f"m{i}",
                article_id=f"a{i}",
                type=rng.choice(TYPES),
                mode=None,
                cameo=None,
                source_actors=(a,),
                target_actors=(b,),
                date=day,
                date_precision="day",
                status="occurred",
                topics=(),
                sentence=f"{a.name} and {b.name} met.",
                start=0,
                end=20,
            )
        )
    return out


def part_fusion(sizes: list[int], added: int = 200, full_max: int = 100_000, exact_events: bool = False) -> dict:
    """Time to fuse `added` new articles' mentions into a SQLite store of N articles' mentions: the
    incremental fusion of an ingest (re-fuse the block the new articles touch, replace its events),
    beside the full re-fusion it replaced (read every stored mention and article, fuse, replace all
    events), both on the same store; the full re-fusion only up to ``full_max`` stored articles (it
    takes minutes there and grows faster than the store). One store grows through the sizes (the
    articles added at one size stay for the next), filled with synthetic articles, one mention each,
    five articles a story (``synthetic_mentions``), by ``grow_fusion_store``; its
    stored events are stand-ins except in the block the added articles reach, which is fused exactly
    before the timing (with ``exact_events``, every stored event is fused: the fill the stand-ins
    replace, to compare on a small size). The decoded mentions, articles and events that the process
    keeps between fusions are dropped before the timed fusion, so it reads its block cold."""
    from newsfuse.pipeline import FUSION_INDEXED, add_fusion_pending, fuse_pending, fuse_stored

    rng = random.Random(5)
    out: dict = {"added_per_step": added, "store": "sqlite", "sizes": {}, "full_refusion_max": full_max}
    out["method"] = (
        "incremental (fuse_pending) vs full re-fusion of the store, same store; stored events outside the"
        " block the added articles reach are one stand-in event per mention"
        + (" (here: every stored event fused)" if exact_events else "")
    )
    with tempfile.TemporaryDirectory() as tmp:
        path = str(Path(tmp) / "fusion.db")
        store = fill_fusion_store(path, 0, rng)
        store.set_state(FUSION_INDEXED, b"1")
        stored = 0
        for size in sorted(sizes):
            if size < stored:
                raise SystemExit(f"--fusion-sizes: {size} is less than {added} above the size before it")
            t0 = time.perf_counter()
            grow_fusion_store(store, stored, size, rng)
            if exact_events:
                store.replace_events(fuse_stored(store.mentions(), store.articles()))
            fill = time.perf_counter() - t0
            new = synthetic_mentions(added, rng, start=size)
            with store.transaction():
                add_synthetic(store, new)
                # the new articles join stories (none merges or splits)
                add_fusion_pending(store, {m.article_id for m in new}, {story_of_synthetic(m) for m in new}, set())
            block = fuse_stored_block(store, {m.article_id for m in new}, exact_events)
            forget_decoded()
            t0, c0 = time.perf_counter(), time.process_time()
            fuse_pending(store)
            incremental, cpu = time.perf_counter() - t0, time.process_time() - c0
            row = {
                "fill_seconds": round(fill, 1),
                "block_articles": block,
                "incremental_seconds": round(incremental, 3),
                "incremental_cpu_seconds": round(cpu, 3),
                "incremental_ms_per_added_article": round(incremental / added * 1000, 3),
            }
            row.update(full_refusion(store, added) if size <= full_max else {"full_refusion_seconds": "not run"})
            stored = size + added
            out["sizes"][size] = row
            print(f"fusion {size}: {json.dumps(row)}", flush=True)
        store.close()
        remove_store(path)
    return out


def full_refusion(store, added: int) -> dict:
    from newsfuse.pipeline import fuse_stored

    t0 = time.perf_counter()
    store.replace_events(fuse_stored(store.mentions(), store.articles()))
    full = time.perf_counter() - t0
    return {
        "full_refusion_seconds": round(full, 3),
        "full_refusion_ms_per_added_article": round(full / added * 1000, 3),
    }


def fuse_stored_block(store, added: set[str], exact_events: bool) -> int:
    """Fuse the stored articles of the block the added ones reach (``fusion_block``), as a full fusion
    of the store before they came would have (the block's old part is closed under what links
    articles): the events the timed fusion reads are then what they would be after a full fusion.
    The block's size, the added articles included."""
    from newsfuse.pipeline import fuse_stored, fusion_block

    block = fusion_block(store, added, set())
    if not exact_events:
        old = block - added
        with store.transaction():
            mentions = store.mentions_of(old)
            store.replace_events_of([m.id for m in mentions], fuse_stored(mentions, store.articles_by_id(old)))
    return len(block)


def forget_decoded() -> None:
    """Drop what the process keeps decoded between fusions (mentions, articles, fused events and the
    parts they are made of), so the timed fusion reads its block as the first fusion of a process would."""
    from newsfuse.store import sql
    from newsfuse.stories import fused_event

    sql._mention_of_doc.cache_clear()
    sql._ARTICLES.clear()
    sql._article_chars = 0
    sql._EVENT_DOCS.clear()
    fused_event._EVENTS.clear()
    fused_event._PARTS.clear()


def remove_store(path: str) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(path + suffix).unlink(missing_ok=True)


def story_of_synthetic(m: EventMention) -> str:
    return f"s{int(m.article_id[1:]) // 5}"


FILL_CACHE_KIB = 1 << 20  # 1 GiB of SQLite page cache while filling a store in bulk


def fill_fusion_store(path: str, size: int, rng: random.Random, chunk: int = 50_000):
    """A store of ``size`` synthetic articles (``synthetic_mentions``, drawn from ``rng`` in order);
    see ``grow_fusion_store``."""
    from newsfuse.store import open_store

    store = open_store(path)
    grow_fusion_store(store, 0, size, rng, chunk)
    return store


def grow_fusion_store(store, start: int, stop: int, rng: random.Random, chunk: int = 50_000) -> None:
    """Add synthetic articles ``start`` to ``stop`` (their mentions drawn from ``rng`` in order),
    written a chunk per transaction with executemany. SQL written here, not the store API's one call
    per article (about 1 ms an article: 17 minutes for 1M): the rows of the articles,
    article_sources, articles_fts, mentions and fusion_keys tables are those ``add_synthetic``
    writes through the store API, built with the store's own encoders (checked table by table in
    tests/test_scale_fill.py). Each mention gets a stand-in event (``standin_events``), written
    through the store's ``replace_events_of``, so that the event tables are as big as a fused store's
    (a full fusion of 1M articles would take most of an hour). The fill has a page cache of
    ``FILL_CACHE_KIB``; the store's own is back when it returns."""
    own_cache = store._count("PRAGMA cache_size")
    store._exec(f"PRAGMA cache_size = -{FILL_CACHE_KIB}")
    for first in range(start, stop, chunk):
        mentions = synthetic_mentions(min(chunk, stop - first), rng, start=first)
        with store.transaction():
            write_synthetic_rows(store, mentions)
            store.replace_events_of([m.id for m in mentions], standin_events(mentions))
    store._exec(f"PRAGMA cache_size = {own_cache}")


def write_synthetic_rows(store, mentions: list[EventMention]) -> None:
    """The rows ``add_synthetic`` writes for these mentions' articles, many at a time (SQLite)."""
    from newsfuse.store import serde
    from newsfuse.stories import fusion_keys

    first = store._count("SELECT COALESCE(MAX(seq), 0) + 1 FROM articles")
    articles = [synthetic_article(m) for m in mentions]
    store._many(
        "INSERT INTO articles (id, seq, source_path, format, url, external_id, title, published, outlet,"
        " author, duplicate_of, story_id, input_sha256, doc, signature) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        [
            article_row(a, first + i, store._stored_doc(serde.dumps(serde.article_record(a))))
            for i, a in enumerate(articles)
        ],
    )
    store._many("INSERT INTO article_sources VALUES (?, ?)", [(a.id, a.source_path) for a in articles])
    store._many(
        "INSERT INTO articles_fts (article_id, title, body) VALUES (?,?,?)",
        [(a.id, a.title or "", a.text) for a in articles],
    )
    store._many(
        "INSERT INTO mentions (id, article_id, seq, type, doc) VALUES (?,?,?,?,?)",
        [(m.id, m.article_id, 0, m.type, store._stored_doc(serde.dumps(m))) for m in mentions],
    )
    store._many(
        "INSERT INTO fusion_keys (key, lo, hi, article_id) VALUES (?, ?, ?, ?)",
        [(key, lo, hi, m.article_id) for m in mentions for key, lo, hi in sorted(set(fusion_keys([m])))],
    )


def article_row(a, seq: int, doc: str | bytes) -> tuple:
    """An articles row as ``add_article`` writes it (no signature)."""
    return (
        a.id, seq, a.source_path, a.format, a.url, a.external_id, a.title, a.published, a.outlet, a.author,
        a.duplicate_of, a.story_id, a.input_sha256, doc, None,
    )  # fmt: skip


def standin_events(mentions: list[EventMention]) -> list[Event]:
    """One event per mention, with the id a fusion gives a mention fused alone and the mention's
    type, date, actors and story (no details): rows of a fused store's size, never read by the
    timed fusion (``fuse_stored_block`` replaces those it reads)."""
    from newsfuse.model import sha256_hex

    return [
        Event(
            id=sha256_hex(f"{m.id}|{m.type}", 16),
            type=m.type,
            mode=m.mode,
            cameo=m.cameo,
            date=m.date,
            date_precision=m.date_precision,
            source_actors=m.source_actors,
            target_actors=m.target_actors,
            location=None,
            topics=(),
            status=m.status,
            details=(),
            mentions=(MentionRef(m.id, m.article_id, "Wire", m.sentence, m.start, m.end),),
            story_id=story_of_synthetic(m),
        )
        for m in mentions
    ]


def synthetic_article(m: EventMention):
    from newsfuse.model import Article, Block

    return Article(
        m.article_id,
        f"{m.article_id}.txt",
        "text",
        None,
        None,
        "Wire",
        None,
        (Block("paragraph", m.sentence),),
        story_id=story_of_synthetic(m),
    )


def add_synthetic(store, mentions: list[EventMention]) -> None:
    """One article per mention, in its story, with its fusion keys (as the ingest stores them)."""
    from newsfuse.stories import fusion_keys

    for m in mentions:
        article = synthetic_article(m)
        store.add_article(article)
        store.save_mentions(article.id, [m])
        store.save_fusion_keys(article.id, fusion_keys([m]))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--parts", default="dask,store,query,fusion")
    parser.add_argument("--n-dask", type=int, default=20000, help="articles for read+clean+store on Dask")
    parser.add_argument("--n-dask-full", type=int, default=2000, help="articles for the full analysis on Dask")
    parser.add_argument("--n-store", type=int, default=5000)
    parser.add_argument("--n-events", type=int, default=1_000_000)
    parser.add_argument("--fusion-sizes", default="10000,100000,200000,1000000")
    parser.add_argument("--full-max", type=int, default=100_000, help="full re-fusion only up to this size")
    parser.add_argument("--exact-events", action="store_true", help="fuse every stored event (small sizes)")
    parser.add_argument("--pg", default=os.environ.get("NEWSFUSE_TEST_PG"))
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    parts = args.parts.split(",")
    machine = f"{platform.machine()}, {os.cpu_count()} cores, {platform.python_version()}"
    results: dict = {"machine": machine}
    with tempfile.TemporaryDirectory() as tmp:
        if "store" in parts:
            results["store"] = part_store(args.n_store, tmp, args.pg)
            print("store:", json.dumps(results["store"]), flush=True)
        if "query" in parts:
            results["query"] = part_query(args.n_events, tmp, args.pg)
            print("query:", json.dumps(results["query"]), flush=True)
        if "fusion" in parts:
            sizes = [int(x) for x in args.fusion_sizes.split(",")]
            results["fusion"] = part_fusion(sizes, full_max=args.full_max, exact_events=args.exact_events)
            print("fusion:", json.dumps(results["fusion"]), flush=True)
        if "dask" in parts:
            results["dask"] = part_dask(args.n_dask, args.n_dask_full, tmp)
            print("dask:", json.dumps(results["dask"]), flush=True)
    print(f"machine: {machine}")
    if args.json:
        print(json.dumps(results))


if __name__ == "__main__":
    main()
