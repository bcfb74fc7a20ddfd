"""What adding one article to a big story costs, as the story grows (issue 17: the same cost per
added article on day 300 as on day 1).

The growth benchmarks fill stores with many small stories; a live feed also has one event that keeps
growing (a war, an election) into a story of thousands of articles. This builds such a story from
generated near-duplicate articles (StoryItems made here, not through the NLP stages: one topic's
words, names and place, each article a few words of its own, its embedding the topic's plus a little
seeded noise, published within three days) in a ``StoryClusterer`` held in memory, and at each size
in ``--sizes`` saves it whole into a fresh SQLite store (``save_clusterer``) and adds ``--probes``
more articles to it through the store, as an ingest does:

* fresh: each probe article opened by key (``StoryClusterer.from_source``, what a CLI ingest or a
  session that another writer overtook does), added, and saved (``save_clusterer``);
* session: one clusterer opened once and kept (``watch``, the API's runner), each probe added and saved.

Printed per size, per added article (the mean over the probes): the bytes of the story's rows read
by the add (``cluster_stories`` + ``cluster_story_recent`` + ``cluster_story_chunks`` + the keys of
``cluster_story_keys`` it looks up: what the clusterer asks its source for) and written (the rows and
keys ``save_clusterer`` hands the store), the ms of the add (with its reads) and of the save, and the
ms of the story's record (``records_by_id``: what fusion saves after the batch; made from the story's
row: its title from the few candidates the story keeps, its article ids left to the store, which lists
them by their places; its bytes read apart, "record read B") and its bytes as the ``stories`` table
keeps it. Then the story row's parts at each size, and the bytes of its keys rows (``keys_rows``: what
grows with the story). Every probe must join the one story (the "joined" column: the share that did).
Timings move with the machine's load; the bytes do not.
Usage: python benchmarks/story_growth.py [--sizes 10,40,100,1000,5000] [--probes 5] [--workdir DIR] [--json]
(``--json``: one JSON object last, as ``benchmarks/speed/run_all.py`` keeps it).
"""

from __future__ import annotations

import argparse
import json
import struct
import sys
import tempfile
import time
from collections.abc import Collection, Mapping
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import numpy as np

from newsfuse.pipeline import STORIES_META, StoredClusterRows, save_clusterer
from newsfuse.store import open_store, serde
from newsfuse.store.base import Store
from newsfuse.stories.cluster import StoryClusterer
from newsfuse.stories.config import load
from newsfuse.stories.embed import DIM
from newsfuse.stories.items import StoryItem
from newsfuse.stories.packed import ARRAYS, MAGIC, unpack

SEED = 300
TOPIC_TERMS = ("offensive", "troop", "front", "shelling", "ceasefire", "army", "border", "attack", "war", "strike")
NAMES = ("kharkiv", "zelensky", "nato", "kremlin")
OWN_WORDS = 3  # words of each article's own, out of a pool of this many thousands
DAY0 = date(2026, 3, 1)
HEAD_FIELDS = ("article_ids", "titles", "published", "keys", "names", "actors", "members", "title_pick")


class Generator:
    """Near-duplicate reports of one event, article after article (the same seed: the same articles)."""

    def __init__(self, seed: int = SEED) -> None:
        self.rng = np.random.default_rng(seed)
        topic = self.rng.standard_normal(DIM).astype(np.float32)
        self.topic = topic / np.linalg.norm(topic)

    def item(self, article_id: str, k: int) -> StoryItem:
        noise = self.rng.standard_normal(DIM).astype(np.float32) * 0.01
        emb = self.topic + noise
        own = [f"w{int(x)}" for x in self.rng.integers(0, OWN_WORDS * 1000, size=4)]
        terms = tuple((t, 2) for t in TOPIC_TERMS) + tuple((w, 1) for w in own)
        return StoryItem(
            article_id=article_id,
            published=(DAY0 + timedelta(days=k % 3)).isoformat(),
            title=f"Fighting goes on near Kharkiv ({k})",
            embedding=emb / np.linalg.norm(emb),
            places=("kharkiv",),
            terms=terms,
            names=NAMES,
            salient=NAMES[:2],
            name_mentions=NAMES,
            lead_terms=terms[:6],
            persons=(("zelensky", 2),),
        )


class CountedRows(StoredClusterRows):
    """The store's clusterer rows, counting the bytes of the story rows (whole, recent, chunks, keys) read."""

    def __init__(self, store: Store) -> None:
        super().__init__(store)
        self.read = 0

    def story_rows(self, story_ids: Collection[str]) -> dict[str, bytes]:
        rows = super().story_rows(story_ids)
        self.read += sum(len(r) for r in rows.values())
        return rows

    def recent_rows(self, story_ids: Collection[str]) -> dict[str, bytes]:
        rows = super().recent_rows(story_ids)
        self.read += sum(len(r) for r in rows.values())
        return rows

    def story_chunks(self, first: Mapping[str, int]) -> dict[str, list[bytes]]:
        chunks = super().story_chunks(first)
        self.read += sum(len(r) for rows in chunks.values() for r in rows)
        return chunks

    def story_keys(self, story_ids: Collection[str]) -> dict[str, list[str]]:
        keys = super().story_keys(story_ids)
        self.read += sum(_key_bytes(k) for found in keys.values() for k in found)
        return keys

    def story_keys_among(self, story_id: str, keys: Collection[str]) -> list[str]:
        found = super().story_keys_among(story_id, keys)
        self.read += sum(_key_bytes(k) for k in found)
        return found


def _key_bytes(key: str) -> int:
    return len(key.encode("utf-8"))


def counting_writes(store: Store) -> list[int]:
    """Count the bytes of the story rows (whole, recent, chunks and keys) the store is handed to save."""
    written = [0]
    save, save_keys = store.save_cluster_stories, store.save_cluster_story_keys

    def counted(rows: Any, removed: Any, orders: Any = None, recent: Any = None, chunks: Any = None) -> None:
        written[0] += sum(len(r) for r in rows.values()) + sum(len(r) for r in (recent or {}).values())
        written[0] += sum(len(r) for _, changed in (chunks or {}).values() for r in changed.values())
        save(rows, removed, orders, recent, chunks)

    def counted_keys(keys: Mapping[str, tuple[bool, Collection[str]]]) -> None:
        written[0] += sum(_key_bytes(k) for _, added in keys.values() for k in added)
        save_keys(keys)

    store.save_cluster_stories = counted  # type: ignore[method-assign]
    store.save_cluster_story_keys = counted_keys  # type: ignore[method-assign]
    return written


def opened(store: Store, source: CountedRows) -> StoryClusterer:
    meta = store.get_state(STORIES_META)
    assert meta is not None
    return StoryClusterer.from_source(meta, source)


def probe(store: Store, items: list[StoryItem], story_id: str, session: bool) -> dict[str, float]:
    """Add the items one at a time through the store; the means per item."""
    written = counting_writes(store)
    source = CountedRows(store)
    clusterer = opened(store, source) if session else None
    add_s = save_s = record_s = 0.0
    record_bytes = record_read = 0
    joined = 0
    for item in items:
        t0 = time.perf_counter()
        c = clusterer or opened(store, source)
        joined += c.add(item) == story_id
        t1 = time.perf_counter()
        save_clusterer(store, c)
        t2 = time.perf_counter()
        before = source.read
        (record,) = c.records_by_id([story_id], {})
        record_read += source.read - before
        record_bytes += len(serde.story_doc(record).encode("utf-8"))
        record_s += time.perf_counter() - t2
        add_s, save_s = add_s + t1 - t0, save_s + t2 - t1
    n = len(items)
    return {
        "read_bytes": (source.read - record_read) / n,
        "record_read_bytes": record_read / n,
        "written_bytes": written[0] / n,
        "add_ms": 1000 * add_s / n,
        "save_ms": 1000 * save_s / n,
        "record_ms": 1000 * record_s / n,
        "record_bytes": record_bytes / n,
        "joined": joined / n,
    }


def row_parts(row: bytes) -> dict[str, int]:
    """The stored bytes of each part of a packed story row, and the JSON bytes of the head's fields
    before compression (``head:FIELD``)."""
    out, at = {}, len(MAGIC)
    for name in ("head", *(name for name, _ in ARRAYS)):
        (size,) = struct.unpack_from("<I", row, at)
        out[name], at = size, at + 4 + size
    head = unpack(row).head
    out.update(
        {f"head:{f}": len(json.dumps(head[f], ensure_ascii=False).encode("utf-8")) for f in HEAD_FIELDS if f in head}
    )
    return out


def measured(builder: StoryClusterer, gen: Generator, size: int, probes: int, workdir: Path) -> dict[str, Any]:
    stories = builder.stories_list()
    story_id = max(stories, key=lambda s: len(s.article_ids)).id
    out: dict[str, Any] = {"size": size, "stories": len(stories)}
    for mode in ("fresh", "session"):
        path = workdir / f"growth-{size}-{mode}.db"
        path.unlink(missing_ok=True)
        with open_store(str(path)) as store:
            builder.save_whole_next()
            save_clusterer(store, builder)
            out["row"] = row_parts(store.cluster_story_rows([story_id])[story_id])
            out["row"]["keys_rows"] = sum(map(_key_bytes, store.cluster_story_keys([story_id]).get(story_id, ())))
            items = [gen.item(f"p{size}-{mode}-{k}", size + k) for k in range(probes)]
            out[mode] = probe(store, items, story_id, session=mode == "session")
        path.unlink(missing_ok=True)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10,40,100,1000,5000", help="story sizes to measure at")
    parser.add_argument("--probes", type=int, default=5, help="articles added through the store at each size")
    parser.add_argument("--workdir", type=Path, default=None, help="folder for the stores (default: a temporary one)")
    parser.add_argument("--json", action="store_true", help="print the figures as one JSON object last")
    args = parser.parse_args()
    sizes = sorted(int(s) for s in args.sizes.split(","))
    gen, builder = Generator(), StoryClusterer()
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        workdir = args.workdir or Path(tmp)
        workdir.mkdir(parents=True, exist_ok=True)
        print(
            f"{'articles':>8} {'stories':>7} {'mode':>7} {'read B':>10} {'written B':>10} "
            f"{'add ms':>8} {'save ms':>8} {'record ms':>9} {'record B':>8} {'record read B':>13} joined"
        )
        for k in range(sizes[-1]):
            builder.add(gen.item(f"a{k}", k))
            if k + 1 in sizes:
                row = measured(builder, gen, k + 1, args.probes, workdir)
                results.append(row)
                for mode in ("fresh", "session"):
                    m = row[mode]
                    print(
                        f"{row['size']:>8} {row['stories']:>7} {mode:>7} {m['read_bytes']:>10.0f} "
                        f"{m['written_bytes']:>10.0f} {m['add_ms']:>8.1f} {m['save_ms']:>8.1f} "
                        f"{m['record_ms']:>9.1f} {m['record_bytes']:>8.0f} {m['record_read_bytes']:>13.0f} "
                        f"{m['joined']:.2f}",
                        flush=True,
                    )
    print("\nthe story's row, bytes per part (head: compressed; head:FIELD: its JSON before compression)")
    for row in results:
        print(f"{row['size']:>8} " + " ".join(f"{k}={v}" for k, v in row["row"].items()))
    if args.json:
        per_join = [
            {"articles": row["size"], "mode": mode, **row[mode]} for row in results for mode in ("fresh", "session")
        ]
        parts = [{"articles": row["size"], **row["row"]} for row in results]
        out = {"script": "story_growth", "probes": args.probes, "per_join": per_join, "story_row_bytes": parts}
        print(json.dumps({**out, **flatness(results)}))


def flatness(results: list[dict[str, Any]]) -> dict[str, Any]:
    """Per mode: the bytes read per join at the largest size over those at the smallest size past the story's
    member window (``split_window`` in stories/data/clustering.yaml: below it the members a story keeps grow
    with it up to the window, a bounded cost; the smallest size is the baseline when none is past it), the
    add's reads and the story record's (which fusion saves after every batch) together (issue 17 wants the cost
    per added article flat: within 25 %). The sizes below the window are printed all the same."""
    window = int(load("clustering.yaml")["split_window"])
    small = next((row for row in results if row["size"] > window), results[0])
    big = results[-1]

    def read(row: dict[str, Any], mode: str) -> float:
        return row[mode]["read_bytes"] + row[mode].get("record_read_bytes", 0)

    return {
        f"{mode}_read_bytes_ratio_{big['size']}_vs_{small['size']}": round(read(big, mode) / read(small, mode), 2)
        for mode in ("fresh", "session")
        if read(small, mode)
    }


if __name__ == "__main__":
    sys.exit(main())
