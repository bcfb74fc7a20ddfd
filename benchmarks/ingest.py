"""Ingest throughput: articles/second and peak memory for >= 5,000 generated articles.

Articles are generated from the sentences of examples/ (recombined, so they are distinct
articles rather than near duplicates), written as text page dumps with chrome, then ingested
with the real pipeline into a fresh SQLite file. Two modes are measured:
  clean+store  read, clean, dedup, store (``--no-analysis``)
  full         plus nlp, actors, events, embeddings, stories and fusion
Usage: python benchmarks/ingest.py [--n 5000] [--n-full 5000] [--json]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import re
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
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


def generate(folder: Path, n: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    pool = sentence_pool()
    for i in range(n):
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=5000, help="articles for the clean+store run")
    parser.add_argument("--n-full", type=int, default=5000, help="articles for the full run (0 to skip)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
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
    machine = f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
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
