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
    folder.mkdir()
    ingest_bench.generate(folder, n)
    return folder


def part_dask(n: int, n_full: int, tmp: str) -> dict:
    """1 vs 2 workers: read+clean on workers for n articles; the full analysis for n_full."""
    from dask.distributed import Client, LocalCluster

    from newsfuse.distributed import ingest_with_dask
    from newsfuse.store import open_store

    out: dict = {}
    for mode, count, analyse in (("read+clean+store", n, False), ("full analysis", n_full, True)):
        if not count:
            continue
        folder = generated_folder(count, tmp)
        res: dict = {"articles": count}
        for workers in (1, 2):
            with (
                LocalCluster(
                    n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None
                ) as cluster,
                Client(cluster) as client,
            ):
                if analyse:
                    client.run(_warm_up)  # load the models before timing
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


def _warm_up() -> None:
    from newsfuse.model import Article, Block, article_id
    from newsfuse.pipeline import analyse

    blocks = (Block("paragraph", "The foreign ministers of Chile and Peru held talks in Lima on Monday."),)
    analyse([Article(article_id(blocks), "warm", "text", None, "2026-03-10", None, None, blocks)])


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


def part_fusion(sizes: list[int], added: int = 200) -> dict:
    """Time to fuse `added` new articles' mentions into a SQLite store of N articles' mentions: the
    incremental fusion of an ingest (re-fuse the block the new articles touch, replace its events),
    beside the full re-fusion it replaced (read every stored mention and article, fuse, replace all
    events), both on the same store. The store is filled with synthetic articles, one mention each,
    five articles a story (``synthetic_mentions``)."""
    from newsfuse.pipeline import add_fusion_pending, fuse_pending, fuse_stored

    rng = random.Random(5)
    out: dict = {"added_per_step": added, "store": "sqlite", "sizes": {}}
    out["method"] = "incremental (fuse_pending) vs full re-fusion of the store, same store"
    with tempfile.TemporaryDirectory() as tmp:
        for size in sizes:
            store = fill_fusion_store(str(Path(tmp) / f"fusion{size}.db"), synthetic_mentions(size, rng))
            fuse_pending(store)  # the first fusion indexes the store
            new = synthetic_mentions(added, rng, start=size)
            with store.transaction():
                add_synthetic(store, new)
                # the new articles join stories (none merges or splits)
                add_fusion_pending(store, {m.article_id for m in new}, {story_of_synthetic(m) for m in new}, set())
            t0 = time.perf_counter()
            fuse_pending(store)
            incremental = time.perf_counter() - t0
            t0 = time.perf_counter()
            store.replace_events(fuse_stored(store.mentions(), store.articles()))
            full = time.perf_counter() - t0
            store.close()
            out["sizes"][size] = {
                "incremental_seconds": round(incremental, 3),
                "incremental_ms_per_added_article": round(incremental / added * 1000, 3),
                "full_refusion_seconds": round(full, 3),
                "full_refusion_ms_per_added_article": round(full / added * 1000, 3),
            }
    return out


def story_of_synthetic(m: EventMention) -> str:
    return f"s{int(m.article_id[1:]) // 5}"


def fill_fusion_store(path: str, mentions: list[EventMention]):
    from newsfuse.store import open_store

    store = open_store(path)
    with store.transaction():
        add_synthetic(store, mentions)
    return store


def add_synthetic(store, mentions: list[EventMention]) -> None:
    """One article per mention, in its story, with its fusion keys (as the ingest stores them)."""
    from newsfuse.model import Article, Block
    from newsfuse.stories import fusion_keys

    for m in mentions:
        article = Article(
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
    parser.add_argument("--fusion-sizes", default="10000,50000,100000,200000")
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
            results["fusion"] = part_fusion([int(x) for x in args.fusion_sizes.split(",")])
            print("fusion:", json.dumps(results["fusion"]), flush=True)
        if "dask" in parts:
            results["dask"] = part_dask(args.n_dask, args.n_dask_full, tmp)
            print("dask:", json.dumps(results["dask"]), flush=True)
    print(f"machine: {machine}")
    if args.json:
        print(json.dumps(results))


if __name__ == "__main__":
    main()
