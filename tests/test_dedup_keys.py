"""Near duplicates looked up by key in the store (pipeline.Deduper over ``dedup_keys`` rows): the same
answers as datasketch's in-memory LSH, at a cost that does not grow with the store."""

from __future__ import annotations

import random
import shutil
from pathlib import Path

from datasketch import MinHash

from newsfuse.clean.dedup import BANDS, NUM_PERM, SCHEME, NearDuplicateIndex, band_keys, similarity, text_signature
from newsfuse.model import Article, Block, article_id
from newsfuse.pipeline import DEDUP_KEYS_STATE, Deduper, IngestSession, ingest_paths
from newsfuse.store import open_store

SEEDS = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpus" / "seeds"


def seed_sentences() -> list[str]:
    text = " ".join(p.read_text("utf-8") for p in sorted(SEEDS.glob("*.txt")))
    return [s.strip() for s in text.replace("\n", " ").split(". ") if len(s.split()) > 6]


def variants(n: int, seed: int) -> list[str]:
    """Texts of 12 seed sentences; every third one a copy of an earlier text with one sentence
    changed (a near duplicate), the rest new draws."""
    rng = random.Random(seed)
    pool = seed_sentences()
    texts: list[str] = []
    for k in range(n):
        if texts and k % 3 == 2:
            parts = rng.choice(texts).split(". ")
            parts[rng.randrange(len(parts))] = rng.choice(pool)
            texts.append(". ".join(parts))
        else:
            texts.append(". ".join(rng.sample(pool, 12)))
    return texts


def stored_article(store, n: int, text: str, duplicate_of: str | None = None) -> str:
    blocks = (Block("paragraph", text),)
    art = Article(
        id=article_id(blocks),
        source_path=f"v{n}.txt",
        format="text",
        title=None,
        published=None,
        outlet=None,
        author=None,
        blocks=blocks,
        duplicate_of=duplicate_of,
    )
    sig = text_signature(art.text)
    store.add_article(art, sig)
    if duplicate_of is None:
        store.add_dedup_keys([(art.id, band_keys(sig))])
    return art.id


def test_keys_are_shared_exactly_when_a_band_is():
    a = text_signature(" ".join(seed_sentences()[:10]))
    values = bytearray(a)
    start, end = BANDS[3]
    values[4 * start : 4 * start + 4] = (int.from_bytes(values[4 * start : 4 * start + 4], "little") ^ 1).to_bytes(
        4, "little"
    )
    b = bytes(values)
    ka, kb = band_keys(a), band_keys(b)
    assert len(ka) == len(BANDS) and [x == y for x, y in zip(ka, kb)] == [k != 3 for k in range(len(BANDS))]
    assert band_keys(text_signature("")) == []  # no shingles: nothing to look up


def test_similarity_is_datasketchs_jaccard():
    x, y = (text_signature(t) for t in variants(2, seed=5))
    as_minhash = [
        MinHash(num_perm=NUM_PERM, scheme=SCHEME, hashvalues=[int(v) for v in memoryview(s).cast("I")]) for s in (x, y)
    ]
    assert similarity(x, y) == as_minhash[0].jaccard(as_minhash[1])
    assert similarity(x, x) == 1.0


def test_stored_keys_find_what_the_in_memory_index_finds(any_store):
    memory = NearDuplicateIndex()
    answers = []
    for n, text in enumerate(variants(60, seed=11)):
        sig = text_signature(text)
        found = Deduper(any_store).match(sig)
        assert found == memory.match(sig), n
        answers.append(found)
        if found is None:
            memory.add(stored_article(any_store, n, text), sig)
        else:
            stored_article(any_store, n, text, duplicate_of=found)
    assert sum(a is not None for a in answers) >= 10  # the copies were found


def test_an_older_store_gets_its_keys_once(tmp_path):
    db = tmp_path / "old.db"
    texts = variants(6, seed=3)
    with open_store(str(db)) as store:
        ids = [stored_article(store, n, t) for n, t in enumerate(texts) if n % 3 != 2]
    with open_store(str(db)) as store:  # as a store written before the keys: rows and flag gone
        store._exec("DELETE FROM dedup_keys")
        store.delete_state(DEDUP_KEYS_STATE)
        assert Deduper(store).match(text_signature(texts[2])) in ids
        assert store.get_state(DEDUP_KEYS_STATE) == b"1"
        calls = []
        real = store.signatures
        store.signatures = lambda: calls.append(1) or real()  # type: ignore[method-assign]
        Deduper(store)
        assert calls == []  # indexed once: later sessions read by key only


def test_a_session_opens_without_reading_every_signature(tmp_path, seeds_dir):
    inbox = tmp_path / "in"
    inbox.mkdir()
    for k, seed in enumerate(sorted(seeds_dir.glob("*.txt"))):
        shutil.copy(seed, inbox / f"{k}.txt")
    db = str(tmp_path / "s.db")
    with open_store(db) as store:
        ingest_paths(store, [str(inbox / "0.txt"), str(inbox / "1.txt")])
    text = (inbox / "1.txt").read_text("utf-8")  # seed 001
    old = "The call comes as regional tensions continue to mount"
    assert old in text
    (inbox / "copy.txt").write_text(text.replace(old, "Tensions in the region keep rising"), "utf-8")
    with open_store(db) as store:
        calls = []
        real = store.signatures
        store.signatures = lambda: calls.append(1) or real()  # type: ignore[method-assign]
        summary = IngestSession(store).ingest([str(inbox / "copy.txt"), str(inbox / "2.txt")])
        assert calls == [] and summary.new == 1 and summary.duplicate == 1
        [copy] = [a for a in store.articles() if a.source_path.endswith("copy.txt")]
        assert copy.duplicate_of is not None
