"""A store keeps the one cut of title and lead that its story embeddings read (issue 17): a new store
records the current cut (128 word pieces); a store that holds embeddings but no record was made
before the cut was recorded (at 256 pieces): it records 256, keeps it, and its later ingests embed
with 256 pieces, analysed in this process, in worker processes, or on Dask. Real ECB+ articles."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from newsfuse.api.jobs import JobRunner
from newsfuse.clean.dedup import text_signature
from newsfuse.ingest import iter_inputs
from newsfuse.model import Article, InputFile
from newsfuse.pipeline import (
    EMBEDDING_PIECES_STATE,
    IngestSession,
    analyse,
    embedding_pieces,
    ingest_paths,
    read_and_clean,
)
from newsfuse.store import open_store
from newsfuse.store.base import Store
from newsfuse.stories import embed
from newsfuse.stories.items import embedding_text
from newsfuse.watch import watch

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared"
ECBPLUS = SHARED / "corpus" / "clustering" / "ecbplus" / "documents.jsonl"


def _records(folder: Path, name: str, first: int, n: int) -> Path:
    """ECB+ dev documents ``first`` .. ``first + n`` as JSON Lines records (text, no title)."""
    docs = [json.loads(line) for line in ECBPLUS.read_text(encoding="utf-8").splitlines()]
    dev = [d for d in docs if d["split"] == "dev"][first : first + n]
    lines = [json.dumps({"id": d["doc_id"], "title": "", "text": d["text"]}) for d in dev]
    path = folder / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _articles(path: Path) -> list[Article]:
    (item,) = iter_inputs([str(path)])
    assert isinstance(item, InputFile)
    _fmt, articles, errors = read_and_clean(item)
    assert articles and not errors
    return articles


def _cut_vectors(path: Path, pieces: int) -> dict[str, np.ndarray]:
    """Each article of the file: its embedding cut at ``pieces`` word pieces, by embed_texts itself."""
    articles = _articles(path)
    vectors = embed.embed_texts([embedding_text(a) for a in articles], max_pieces=pieces)
    return dict(zip([a.id for a in articles], vectors))


def _stored_vectors(store: Store, ids: set[str]) -> dict[str, np.ndarray]:
    return {aid: np.frombuffer(v, dtype=np.float32) for aid, v in store.embeddings() if aid in ids}


def _old_store(db: Path, folder: Path) -> Path:
    """A store with embeddings and no record of their cut, as one made before the cut was recorded."""
    first = _records(folder, "first.jsonl", 0, 1)
    with open_store(str(db)) as store:
        assert ingest_paths(store, [str(first)]).new == 1
        store.delete_state(EMBEDDING_PIECES_STATE)
    return first


def _assert_cut_at(stored: dict[str, np.ndarray], path: Path, pieces: int, other: int) -> None:
    """The stored vectors are the file's articles cut at ``pieces``, and not those cut at ``other``."""
    expected, elsewise = _cut_vectors(path, pieces), _cut_vectors(path, other)
    assert stored.keys() == expected.keys()
    for aid, vector in stored.items():
        np.testing.assert_allclose(vector, expected[aid], atol=1e-6)
        assert float(vector @ elsewise[aid]) < 0.999  # the two cuts are told apart on these texts


def test_a_new_store_records_the_current_cut(any_store):
    assert not any_store.has_embeddings()
    assert embedding_pieces(any_store) == embed.TEXT_WORD_PIECES == 128
    assert any_store.get_state(EMBEDDING_PIECES_STATE) == b"128"
    any_store.save_embedding("a1", np.ones(embed.DIM, dtype=np.float32).tobytes())
    assert embedding_pieces(any_store) == 128  # recorded: embeddings stored since change nothing


def test_a_store_with_embeddings_and_no_record_records_the_old_cut_and_keeps_it(any_store):
    any_store.save_embedding("a1", np.ones(embed.DIM, dtype=np.float32).tobytes())
    assert any_store.has_embeddings()
    assert embedding_pieces(any_store) == embed.UNRECORDED_TEXT_WORD_PIECES == 256
    assert any_store.get_state(EMBEDDING_PIECES_STATE) == b"256"
    assert embedding_pieces(any_store) == 256


def test_a_new_store_ingests_at_the_current_cut(tmp_path):
    records = _records(tmp_path, "dev.jsonl", 0, 2)
    with open_store(str(tmp_path / "new.db")) as store:
        assert ingest_paths(store, [str(records)]).new == 2
        assert store.get_state(EMBEDDING_PIECES_STATE) == b"128"
        _assert_cut_at(_stored_vectors(store, set(_cut_vectors(records, 128))), records, 128, 256)


@pytest.mark.parametrize("workers", [1, 2])
def test_an_old_store_ingests_at_its_old_cut(tmp_path, workers):
    """In this process, and with worker processes (the ingest embeds while they parse)."""
    db = tmp_path / "old.db"
    first = _old_store(db, tmp_path)
    before = _cut_vectors(first, 128)
    later = _records(tmp_path, "later.jsonl", 1, 2)
    with open_store(str(db)) as store:
        summary = ingest_paths(store, [str(later)], workers=workers, batch_size=1)  # two batches: workers start
        assert summary.new == 2
        assert store.get_state(EMBEDDING_PIECES_STATE) == b"256"
        _assert_cut_at(_stored_vectors(store, set(_cut_vectors(later, 256))), later, 256, 128)
        kept = _stored_vectors(store, set(before))
    assert all(np.array_equal(kept[aid], before[aid]) for aid in before)  # stored vectors are not redone


def test_dask_ingests_an_old_store_at_its_old_cut(tmp_path):
    from dask.distributed import Client, LocalCluster

    from newsfuse.distributed import ingest_with_dask

    db = tmp_path / "old.db"
    _old_store(db, tmp_path)
    later = _records(tmp_path, "later.jsonl", 1, 2)
    with (
        LocalCluster(n_workers=1, threads_per_worker=1, processes=True, dashboard_address=None) as cluster,
        Client(cluster) as client,
        open_store(str(db)) as store,
    ):
        summary = ingest_with_dask(store, [str(later)], "unused", client=client)
        assert summary.new == 2 and summary.failed == 0
        assert store.get_state(EMBEDDING_PIECES_STATE) == b"256"
        _assert_cut_at(_stored_vectors(store, set(_cut_vectors(later, 256))), later, 256, 128)


def test_embeddings_stored_from_elsewhere_record_the_cut_before_they_land(tmp_path):
    """A caller that stores analyses it made itself (benchmarks/ingest.py fills stores so): a new
    store records the current cut before its first vectors, so they are never taken for an old store's."""
    articles = _articles(_records(tmp_path, "dev.jsonl", 0, 1))
    with open_store(str(tmp_path / "filled.db")) as store:
        IngestSession(store).store_analysed([(a, text_signature(a.text)) for a in articles], analyse(articles))
        assert store.has_embeddings()
        assert store.get_state(EMBEDDING_PIECES_STATE) == b"128"
        assert embedding_pieces(store) == 128


def test_watch_ingests_an_old_store_at_its_old_cut(tmp_path):
    db = tmp_path / "old.db"
    _old_store(db, tmp_path)
    incoming = tmp_path / "incoming"
    incoming.mkdir()
    later = _records(incoming, "later.jsonl", 1, 2)
    with open_store(str(db)) as store:
        assert watch(store, [str(incoming)], once=True) == 1
        assert store.get_state(EMBEDDING_PIECES_STATE) == b"256"
        _assert_cut_at(_stored_vectors(store, set(_cut_vectors(later, 256))), later, 256, 128)


def test_an_api_upload_job_ingests_an_old_store_at_its_old_cut(tmp_path):
    db = tmp_path / "old.db"
    _old_store(db, tmp_path)
    later = _records(tmp_path, "later.jsonl", 1, 2)
    with open_store(str(db)) as store:
        runner = JobRunner(str(db), shared_store=store)
        folder = runner.new_folder()
        (folder / later.name).write_bytes(later.read_bytes())  # the job removes its folder when done
        runner.submit(store, folder, [later.name])
        runner.wait_idle(timeout=300)
        runner.shutdown()
        assert store.get_state(EMBEDDING_PIECES_STATE) == b"256"
        _assert_cut_at(_stored_vectors(store, set(_cut_vectors(later, 256))), later, 256, 128)
