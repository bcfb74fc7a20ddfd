"""Grow a filled SQLite store by doubling it at the SQL level (issue 17: the growth probe up to 1M stored).

``double_store(src, dst)`` writes ``dst``: every row of ``src``, plus a clone of every article-keyed
row (articles, their sources, full-text rows, annotations, mentions, embeddings, near-duplicate
keys, fusion keys, stories, fused events with their actor, term and mention rows, the story
clusterer's story rows) in which the ids get the suffix ``-dK`` (K: the number of this doubling):
article ids, story ids, mention ids and event ids, wherever they occur (columns, stored JSON docs,
the clusterer's compressed story rows). The copy is a store the real code opens, reads and extends:

- a cloned article comes after every original (its ``seq`` continues after theirs); a cloned story
  after every original story (its clusterer order and position continue after theirs), with the
  clones of its articles as members, the same titles, terms, names, embeddings and index keys;
- the clusterer's term and name counts are doubled, as is its article count (so idf stays what it
  was), its story count and next position; each index key lists the clones of its stories after
  its stories, capped at the length the clusterer itself keeps (``max_postings`` + 1); each story's
  ``sims_at`` (the article count its member similarities were computed at) is doubled with the
  article count, so a story is as stale, relative to the store, as before;
- the fused events of the clones are the originals' events with renamed ids (same type, date,
  actors, details, each detail supported by the clones of its supporting articles).

What a doubled store is not: a store that ingesting the same texts would give. The clones are
isomorphic copies: same texts, names, actors, dates and keys as their originals. So the
clusterer sees twice as many candidate stories behind each index key at every doubling (it ranks
them and reads at most its own ``max_candidates``), the near-duplicate index lists each signature
twice (a clone is an exact copy that a real ingest would have taken for its original; here it is
kept as an original so the store holds the size), and the fusion keys and event terms list every
key twice (a re-fusion of a clone's block would fuse it with its original, which the stored events
do not show). The per-key shape that the code's lookups meet is the original's, multiplied; the
texts are not new. Inputs and failures are not cloned (they are keyed by file, not by article).

``python benchmarks/fill_store.py --check`` doubles a copy of a small filled store and asserts
what a doubled store must hold (row counts, clusterer rows, ``newsfuse`` reads, a new ingest).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
import zlib
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from ingest import ROOT, generate  # noqa: E402  (puts the code under test on sys.path, offline models)

from newsfuse.pipeline import ingest_paths, load_clusterer  # noqa: E402
from newsfuse.store import open_store, serde  # noqa: E402
from newsfuse.stories.packed import is_packed, pack, unpack  # noqa: E402

# tables whose rows are keyed by an article (or by a story, mention or event of articles): cloned
CLONED = (
    "articles",
    "article_sources",
    "articles_fts",
    "quotes_fts",
    "annotations",
    "mentions",
    "embeddings",
    "dedup_keys",
    "fusion_keys",
    "fusion_claims",
    "stories",
    "events",
    "event_actors",
    "event_terms",
    "event_mentions",
    "cluster_stories",
    "cluster_story_keys",
    "cluster_story_chunks",
)
# tables that keep their rows: counts and postings per term or key (their values change), the
# store's state, and what is keyed by input file
KEPT_ROWS = ("cluster_counts", "cluster_postings", "state", "schema_version", "inputs", "failures")
# rows deleted, which the clusterer makes again from its story rows when it next opens the store (the
# recent rows of its stories: the clones and the doubled ``sims_at`` are in the story rows)
REMADE = ("cluster_story_recent",)

# column lists of the cloned rows: :s is the suffix, :seq the highest seq of the originals
CLONE_SQL = {
    "articles": (
        "INSERT INTO main.articles (id, seq, source_path, format, url, external_id, title, published, outlet,"
        " author, duplicate_of, story_id, input_sha256, doc, signature, story_rank)"
        " SELECT id || :s, seq + :seq, source_path, format, url, external_id, title, published, outlet, author,"
        " duplicate_of || :s, story_id || :s, input_sha256,"
        " clone_article_doc(doc, id || :s, story_id || :s, duplicate_of || :s),"
        " signature, story_rank FROM src.articles ORDER BY seq"
    ),
    "article_sources": (
        "INSERT INTO main.article_sources (article_id, source_path)"
        " SELECT article_id || :s, source_path FROM src.article_sources"
    ),
    "articles_fts": (
        "INSERT INTO main.articles_fts (article_id, title, body)"
        " SELECT article_id || :s, title, body FROM src.articles_fts ORDER BY rowid"
    ),
    "quotes_fts": (
        "INSERT INTO main.quotes_fts (article_id, speaker, body)"
        " SELECT article_id || :s, speaker, body FROM src.quotes_fts ORDER BY rowid"
    ),
    "annotations": "INSERT INTO main.annotations (article_id, doc) SELECT article_id || :s, doc FROM src.annotations",
    "mentions": (
        "INSERT INTO main.mentions (id, article_id, seq, type, doc)"
        " SELECT id || :s, article_id || :s, seq, type,"
        " clone_mention_doc(doc, id || :s, article_id || :s) FROM src.mentions"
    ),
    "embeddings": (
        "INSERT INTO main.embeddings (article_id, vector) SELECT article_id || :s, vector FROM src.embeddings"
    ),
    "dedup_keys": (
        "INSERT INTO main.dedup_keys (key, article_id) SELECT key, article_id || :s FROM src.dedup_keys ORDER BY key"
    ),
    "fusion_keys": (
        "INSERT INTO main.fusion_keys (key, lo, hi, article_id)"
        " SELECT key, lo, hi, article_id || :s FROM src.fusion_keys"
    ),
    "fusion_claims": (
        "INSERT INTO main.fusion_claims (article_id, version, claims)"
        " SELECT article_id || :s, version, claims FROM src.fusion_claims"
    ),
    "stories": "INSERT INTO main.stories (id, doc) SELECT id || :s, clone_story_doc(doc, :s) FROM src.stories",
    "events": (
        "INSERT INTO main.events (id, type, date, sort_key, story_id, doc, terms)"
        " SELECT id || :s, type, date, sort_key, story_id || :s, clone_event_doc(doc, :s), terms FROM src.events"
    ),
    "event_actors": (
        "INSERT INTO main.event_actors (event_id, side, name, country, actor_id)"
        " SELECT event_id || :s, side, name, country, actor_id FROM src.event_actors"
    ),
    "event_terms": (
        "INSERT INTO main.event_terms (term, sort_key, event_id)"
        " SELECT term, sort_key, event_id || :s FROM src.event_terms ORDER BY term, sort_key, event_id"
    ),
    "event_mentions": (
        "INSERT INTO main.event_mentions (mention_id, event_id)"
        " SELECT mention_id || :s, event_id || :s FROM src.event_mentions"
    ),
    "cluster_stories": (
        "INSERT INTO main.cluster_stories (story_id, state, ord)"
        " SELECT story_id || :s, clone_cluster_row(state, :s, :pos, :ord), ord + :ord FROM src.cluster_stories"
    ),
    "cluster_story_keys": (
        "INSERT INTO main.cluster_story_keys (story_id, key)"
        " SELECT story_id || :s, key FROM src.cluster_story_keys ORDER BY story_id, key"
    ),
    "cluster_story_chunks": (
        "INSERT INTO main.cluster_story_chunks (story_id, chunk, data)"
        " SELECT story_id || :s, chunk, clone_chunk_row(data, :s) FROM src.cluster_story_chunks"
        " ORDER BY story_id, chunk"
    ),
}


def _dumps(obj) -> str:
    """JSON as the store writes its docs (serde.dumps)."""
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))


def _stored_as(doc: str | bytes, d: dict) -> str | bytes:
    """``d`` as a stored doc in the form ``doc`` was stored (compressed or not)."""
    return _dumps(d) if isinstance(doc, str) else serde.packed_doc(_dumps(d))


def clone_article_doc(doc: str | bytes, article_id: str, story_id: str | None, duplicate_of: str | None):
    d = json.loads(serde.doc_text(doc))
    d.update(id=article_id, story_id=story_id, duplicate_of=duplicate_of)
    return _stored_as(doc, d)


def clone_mention_doc(doc: str | bytes, mention_id: str, article_id: str):
    d = json.loads(serde.doc_text(doc))
    d.update(id=mention_id, article_id=article_id)
    return _stored_as(doc, d)


def clone_story_doc(doc: str, suffix: str) -> str:
    d = json.loads(doc)
    d["id"] += suffix
    d["article_ids"] = [a + suffix for a in d.get("article_ids", ())]
    return _dumps(d)


def clone_event_doc(doc: str | bytes, suffix: str):
    d = json.loads(serde.doc_text(doc))
    d["id"] += suffix
    if d.get("story_id"):
        d["story_id"] += suffix
    for m in d.get("mentions", ()):
        m["mention_id"] += suffix
        m["article_id"] += suffix
    for x in d.get("details", ()):
        x["supported_by"] = [a + suffix for a in x.get("supported_by", ())]
        x["contradicted_by"] = [a + suffix for a in x.get("contradicted_by", ())]
    return _stored_as(doc, d)


def _cluster_row(state: bytes) -> dict:
    return json.loads(zlib.decompress(state).decode("utf-8"))


def _cluster_bytes(row: dict) -> bytes:
    """As the clusterer writes a story row (``StoryClusterer._story_row``)."""
    return zlib.compress(json.dumps(row, sort_keys=True).encode("utf-8"))


def clone_cluster_row(state: bytes, suffix: str, pos_offset: int, ord_offset: int) -> bytes:
    """A clusterer story row for the clone: ids renamed, position and order after the originals'
    (a packed row's head holds the story's fields and its position; a JSON row: "story" and "pos")."""
    if is_packed(state):
        packed = unpack(state)
        packed.head["pos"] += pos_offset
        _rename_story(packed.head, suffix, ord_offset)
        return pack(packed)
    row = _cluster_row(state)
    row["pos"] += pos_offset
    _rename_story(row["story"], suffix, ord_offset)
    return _cluster_bytes(row)


def _rename_story(story: dict, suffix: str, ord_offset: int) -> None:
    story["id"] += suffix
    story["order"] += ord_offset
    if "article_ids" in story:  # rows of stores filled before the story's members were listed by the articles
        story["article_ids"] = [a + suffix for a in story["article_ids"]]
    if "published" in story:
        story["published"] = {a + suffix: day for a, day in story["published"].items()}
    story["sims_at"] = 2 * int(story.get("sims_at", 0))
    for member in story["members"]:
        member["id"] += suffix
    story["title_pick"] = [[a + suffix, *rest] for a, *rest in story.get("title_pick", ())]


def clone_chunk_row(data: bytes, suffix: str) -> bytes:
    """A chunk of a story's add-only lists (``cluster_story_chunks``) for the clone: its article ids renamed."""
    chunk = unpack(data)
    chunk.head["ids"] = [a + suffix for a in chunk.head["ids"]]
    chunk.head["published"] = {a + suffix: day for a, day in chunk.head["published"].items()}
    return pack(chunk)


def doubled_sims_at(state: bytes) -> bytes:
    """An original's clusterer row with ``sims_at`` doubled with the article count."""
    if is_packed(state):
        packed = unpack(state)
        packed.head["sims_at"] = 2 * int(packed.head["sims_at"])
        return pack(packed)
    row = _cluster_row(state)
    row["story"]["sims_at"] = 2 * int(row["story"].get("sims_at", 0))
    return _cluster_bytes(row)


def doubled_postings(story_ids: str, suffix: str, cap: int) -> str:
    """An index key's stories, then their clones, as long as the clusterer lets a posting grow."""
    ids = json.loads(story_ids)
    return json.dumps((ids + [sid + suffix for sid in ids])[:cap])


def _connect_pair(src: Path, dst: Path) -> sqlite3.Connection:
    """``dst`` (a page copy of ``src``, made with SQLite's backup so a WAL is taken in) with ``src``
    attached read-only as ``src``, set for a bulk write (no journal: a failed fill is thrown away)."""
    with sqlite3.connect(src) as source, sqlite3.connect(dst) as target:
        source.backup(target)
    source.close()
    target.close()
    conn = sqlite3.connect(f"file:{dst}", uri=True, isolation_level=None)
    conn.execute("PRAGMA journal_mode=OFF")
    conn.execute("PRAGMA synchronous=OFF")
    conn.execute("PRAGMA cache_size=-1000000")  # KiB: 1 GB of pages
    conn.execute("ATTACH DATABASE ? AS src", (f"file:{src}?mode=ro",))
    conn.create_function("clone_article_doc", 4, clone_article_doc, deterministic=True)
    conn.create_function("clone_mention_doc", 3, clone_mention_doc, deterministic=True)
    conn.create_function("clone_story_doc", 2, clone_story_doc, deterministic=True)
    conn.create_function("clone_event_doc", 2, clone_event_doc, deterministic=True)
    conn.create_function("clone_cluster_row", 4, clone_cluster_row, deterministic=True)
    conn.create_function("clone_chunk_row", 2, clone_chunk_row, deterministic=True)
    conn.create_function("doubled_sims_at", 1, doubled_sims_at, deterministic=True)
    conn.create_function("doubled_postings", 3, doubled_postings, deterministic=True)
    return conn


def _one(conn: sqlite3.Connection, sql: str, params: tuple = ()):
    return conn.execute(sql, params).fetchone()[0]


def _state(conn: sqlite3.Connection, key: str) -> bytes | None:
    row = conn.execute("SELECT value FROM src.state WHERE key = ?", (key,)).fetchone()
    return bytes(row[0]) if row else None


def _doubling_number(conn: sqlite3.Connection) -> int:
    """1 + the doublings the last article went through (its id's ``-dK`` suffixes)."""
    last = conn.execute("SELECT id FROM src.articles ORDER BY seq DESC LIMIT 1").fetchone()
    return 1 + (last[0].count("-d") if last else 0)


def _doubled_meta(meta: bytes) -> tuple[bytes, int, int]:
    """The clusterer meta with doubled article and story counts and positions; the position offset
    of the clones and the longest posting the clusterer keeps."""
    head = json.loads(meta.decode("utf-8"))
    pos_offset = int(head["next_pos"])
    head["n_docs"] = 2 * int(head["n_docs"])
    head["n_stories"] = 2 * int(head["n_stories"])
    head["next_pos"] = 2 * pos_offset
    head.pop("recent_rows", None)  # (``REMADE``)
    return json.dumps(head, sort_keys=True).encode("utf-8"), pos_offset, int(head["cfg"]["max_postings"]) + 1


def _doubled_pending(raw: bytes | None, suffix: str) -> bytes | None:
    """Articles and stories pending fusion, with their clones."""
    if raw is None:
        return None
    pending = json.loads(raw)
    return json.dumps({k: sorted(v + [x + suffix for x in v]) for k, v in pending.items()}).encode()


def _clone_state(conn: sqlite3.Connection, suffix: str) -> tuple[int, int]:
    """Write the doubled clusterer meta, pending fusion and a bumped generation; the clones'
    position offset and the posting cap."""
    meta = _state(conn, "stories:meta")
    if meta is None:
        raise SystemExit("the store has no clusterer rows (stories:meta): fill it with this code first")
    doubled, pos_offset, cap = _doubled_meta(meta)
    updates = {"stories:meta": doubled, "fusion_pending": _doubled_pending(_state(conn, "fusion_pending"), suffix)}
    generation = _state(conn, "ingest:generation")
    updates["ingest:generation"] = str(int(generation or 0) + 1).encode()
    for key, value in updates.items():
        if value is not None:
            conn.execute("INSERT OR REPLACE INTO main.state (key, value) VALUES (?, ?)", (key, value))
    return pos_offset, cap


def double_store(src: Path, dst: Path, log=print) -> dict:
    """Write ``dst``: ``src`` and a renamed clone of every article-keyed row (see the module's
    docstring). Returns the seconds each table took and the suffix used."""
    if dst.exists():
        raise SystemExit(f"{dst} exists: double into a new file")
    start = time.perf_counter()
    conn = _connect_pair(src, dst)
    seconds = {"copy": round(time.perf_counter() - start, 1)}
    suffix = f"-d{_doubling_number(conn)}"
    max_seq = _one(conn, "SELECT COALESCE(MAX(seq), 0) FROM src.articles")
    max_ord = _one(conn, "SELECT COALESCE(MAX(ord), -1) FROM src.cluster_stories")
    conn.execute("BEGIN")
    pos_offset, cap = _clone_state(conn, suffix)
    params = {"s": suffix, "seq": max_seq, "pos": pos_offset, "ord": max_ord + 1}
    conn.execute("UPDATE main.cluster_stories SET state = doubled_sims_at(state)")
    for table in _tables(conn, REMADE):
        conn.execute(f"DELETE FROM main.{table}")
    for table in CLONED:
        t = time.perf_counter()
        conn.execute(CLONE_SQL[table], {k: v for k, v in params.items() if f":{k}" in CLONE_SQL[table]})
        seconds[table] = round(time.perf_counter() - t, 1)
        log(f"  {table}: {seconds[table]} s", flush=True)
    conn.execute("UPDATE main.cluster_counts SET n = 2 * n")
    conn.execute("UPDATE main.cluster_postings SET story_ids = doubled_postings(story_ids, ?, ?)", (suffix, cap))
    conn.execute("COMMIT")
    conn.execute("DETACH DATABASE src")
    conn.execute("PRAGMA journal_mode=WAL")
    conn.close()
    seconds["total"] = round(time.perf_counter() - start, 1)
    return {"suffix": suffix, "seconds": seconds}


# ---------------------------------------------------------------------- checks


def row_counts(db: Path) -> dict[str, int]:
    """Rows per table (FTS shadow tables left out: their virtual tables are counted)."""
    with sqlite3.connect(db) as conn:
        names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        fts = [n for n in names if n.endswith("_fts")]
        tables = [n for n in names if not n.startswith("sqlite_") and not any(n.startswith(f + "_") for f in fts)]
        counts = {t: conn.execute(f'SELECT COUNT(*) FROM "{t}"').fetchone()[0] for t in tables}
    conn.close()
    return counts


def _tables(conn: sqlite3.Connection, names: tuple[str, ...]) -> list[str]:
    """Those of these tables that the store has (a store filled by older code may lack some)."""
    have = {r[0] for r in conn.execute("SELECT name FROM main.sqlite_master WHERE type = 'table'")}
    return [name for name in names if name in have]


def check_row_counts(src: Path, dst: Path) -> None:
    before, after = row_counts(src), row_counts(dst)
    covered = set(CLONED) | set(KEPT_ROWS) | set(REMADE)
    assert set(before) - set(REMADE) == covered - set(REMADE), f"tables not covered: {set(before) ^ covered}"
    assert all(after.get(table, 0) == 0 for table in REMADE), {t: after.get(t) for t in REMADE}
    for table in CLONED:
        assert after[table] == 2 * before[table], (table, before[table], after[table])
    for table in KEPT_ROWS:
        assert after[table] == before[table], (table, before[table], after[table])
    with sqlite3.connect(src) as a, sqlite3.connect(dst) as b:
        total = "SELECT kind, SUM(n) FROM cluster_counts GROUP BY kind ORDER BY kind"
        assert [(k, 2 * n) for k, n in a.execute(total)] == list(b.execute(total))
    a.close()
    b.close()


def _renamed(value, ids: set[str], suffix: str):
    """``value`` with every string that is one of ``ids`` renamed (a reference the clone must hold)."""
    if isinstance(value, str):
        return value + suffix if value in ids else value
    if isinstance(value, list):
        return [_renamed(v, ids, suffix) for v in value]
    if isinstance(value, dict):
        return {_renamed(k, ids, suffix): _renamed(v, ids, suffix) for k, v in value.items()}
    return value


def check_clusterer(src: Path, dst: Path, suffix: str) -> None:
    """The real code reads the doubled clusterer: every clone story holds the clones of its original's
    members with the same terms, and the clones of the articles belong to it."""
    with open_store(str(src)) as store:
        a = load_clusterer(store)
        a._read_everything()
    with open_store(str(dst)) as store:
        b = load_clusterer(store)
        b._read_everything()
        article_ids = {x.id for x in store.articles() if not x.id.endswith(suffix)}
    assert b.n_docs == 2 * a.n_docs and len(b._stories) == 2 * len(a._stories)
    renamed_ids = article_ids | set(a._stories)
    for sid, story in a._stories.items():
        clone = b._stories[sid + suffix]
        assert clone.article_ids == [x + suffix for x in story.article_ids]
        assert [m.terms for m in clone.members] == [m.terms for m in story.members]
        assert clone.keys == story.keys and clone.titles == story.titles
        assert _renamed(story.published, renamed_ids, suffix) == clone.published
        assert all(b.story_of(x + suffix) == sid + suffix for x in story.article_ids)
    for key, posting in a.index.items():
        assert b.index[key][: len(posting)] == posting


def newsfuse(db: Path, *args: str) -> str:
    env = {**os.environ, "NEWSFUSE_DB": str(db), "HF_HUB_OFFLINE": "1", "PYTHONPATH": str(ROOT / "src")}
    proc = subprocess.run([sys.executable, "-m", "newsfuse.cli", *args], capture_output=True, text=True, env=env)
    assert proc.returncode == 0, (args, proc.stderr[-2000:])
    return proc.stdout


def _json_lines(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def check_reads(src: Path, dst: Path, suffix: str) -> None:
    """``newsfuse`` reads of the doubled store: twice the articles, stories and events; a clone shows
    as its original with renamed ids; a search for its title finds it and its clone; a clone story's
    briefing is written."""
    articles = _json_lines(newsfuse(dst, "articles", "--json"))
    assert len(articles) == 2 * len(_json_lines(newsfuse(src, "articles", "--json")))
    first = articles[0]["id"]
    original = json.loads(newsfuse(src, "show", first, "--json"))
    clone = json.loads(newsfuse(dst, "show", first + suffix, "--json"))
    assert clone["id"] == first + suffix and clone["story_id"] == original["story_id"] + suffix
    assert clone["sentences"] == original["sentences"] and clone["entities"] == original["entities"]
    stories = _json_lines(newsfuse(dst, "stories", "--json"))
    assert len(stories) == 2 * len(_json_lines(newsfuse(src, "stories", "--json")))
    events = _json_lines(newsfuse(dst, "events", "--json"))
    assert len(events) == 2 * len(_json_lines(newsfuse(src, "events", "--json")))
    found = newsfuse(dst, "search", original["title"]).split()  # every word of the title: the article alone
    assert first in found and first + suffix in found and first in newsfuse(src, "search", original["title"])
    brief = json.loads(newsfuse(dst, "brief", original["story_id"] + suffix, "--format", "json"))
    assert brief, "no briefing for a cloned story"


def check_new_ingest(dst: Path, work: Path) -> None:
    """A new ingest into (a copy of) the doubled store stores its articles and gives them stories."""
    folder = work / "new"
    folder.mkdir()
    generate(folder, 8, seed=97, first=3 * 10**6)
    with open_store(str(dst)) as store:
        before = store.count_articles()
        summary = ingest_paths(store, [str(folder)])
        assert summary.new == 8 and store.count_articles() == before + 8, summary
        added = store.articles(after=store.articles(limit=before)[-1].id)
        assert len(added) == 8 and all(a.story_id for a in added)
        assert store.count_articles() == len(store.articles())


def check(src: Path) -> None:
    """Double a copy of ``src`` and check what a doubled store must hold."""
    with tempfile.TemporaryDirectory(prefix="newsfuse-double-") as tmp:
        dst = Path(tmp) / "doubled.db"
        info = double_store(src, dst)
        print(f"doubled {src.name} in {info['seconds']['total']} s (suffix {info['suffix']})")
        check_row_counts(src, dst)
        print("row counts: every cloned table doubled, counts doubled, other tables unchanged")
        check_clusterer(src, dst, info["suffix"])
        print("clusterer: clone stories are their originals with renamed ids, postings extended")
        check_reads(src, dst, info["suffix"])
        print("newsfuse reads: articles, show, stories, events, search, brief")
        again = Path(tmp) / "again.db"
        info2 = double_store(dst, again)
        assert info2["suffix"] == "-d2" if info["suffix"] == "-d1" else True
        check_row_counts(dst, again)
        print(f"doubled again ({info2['suffix']}): row counts doubled")
        shutil.copy(again, Path(tmp) / "ingest.db")
        check_new_ingest(Path(tmp) / "ingest.db", Path(tmp))
        print("new ingest into the doubled-twice store: 8 articles stored, each in a story")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("src", nargs="?", help="a filled store (SQLite file)")
    parser.add_argument("dst", nargs="?", help="the doubled store to write (a new file)")
    parser.add_argument("--check", action="store_true", help="double a copy of SRC and assert its validity")
    args = parser.parse_args()
    if args.check:
        check(Path(args.src or "/tmp/newsfuse-growth-stores/fill-1000.db"))
        return
    if not args.src or not args.dst:
        parser.error("give SRC and DST (or --check)")
    print(json.dumps(double_store(Path(args.src), Path(args.dst))))


if __name__ == "__main__":
    main()
