"""The int8 ONNX sentence embedder (stories/embed.py): the file is the one its model card names, its
vectors are unit length, repeatable and close to the torch model it was exported from on real news
sentences, and an ingest never imports torch."""

from __future__ import annotations

import hashlib
import json
import re
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from newsfuse.stories import embed
from newsfuse.stories.coref import context_vectors

ROOT = Path(__file__).resolve().parents[1]
ECBPLUS = ROOT / ".." / "shared" / "corpus" / "clustering" / "ecbplus" / "documents.jsonl"
CARD = ROOT / "src" / "newsfuse" / "stories" / "data" / "MODEL_CARD.md"
EXAMPLE = ROOT / "examples" / "gullwing_lisbon_talks.txt"


def real_sentences(doc_id: str, count: int) -> list[str]:
    """The first sentences of one ECB+ train document (the source URL line of *ecbplus documents left out)."""
    for line in ECBPLUS.open(encoding="utf-8"):
        doc = json.loads(line)
        if doc["doc_id"] == doc_id:
            sentences = [" ".join(tokens) for tokens in doc["sentences"]]
            return sentences[1 : count + 1] if doc_id.endswith("ecbplus") else sentences[:count]
    raise AssertionError(f"{doc_id} not in {ECBPLUS}")


@pytest.fixture(scope="module")
def reference():
    return embed.reference_model()


def test_the_onnx_file_is_the_one_the_model_card_names():
    card = CARD.read_text(encoding="utf-8")
    named = re.search(r"ONNX file sha256: `([0-9a-f]{64})`", card)
    assert named, "the model card names no ONNX sha256"
    assert hashlib.sha256(embed.onnx_path().read_bytes()).hexdigest() == named.group(1)
    assert embed.onnx_path().stat().st_size <= 25 * 1024 * 1024


def test_embeddings_are_unit_length_and_repeatable():
    texts = real_sentences("1_1ecb", 3) + [""]
    first = embed.embed_texts(texts)
    assert first.shape == (4, embed.DIM) and first.dtype == np.float32
    assert np.allclose(np.linalg.norm(first, axis=1), 1.0, atol=1e-5)
    assert np.array_equal(first, embed.embed_texts(texts))
    # alone or among other texts, a text gets the same vector (the int8 model's activation scale is
    # set per run, so texts never share a run)
    assert np.array_equal(embed.embed_texts(texts[1:2])[0], first[1])
    assert np.array_equal(embed.embed_texts(texts[::-1])[::-1], first)


def real_lead(doc_id: str) -> str:
    """A whole ECB+ document's text, as the pipeline reads an untitled article."""
    return "\n\n".join(real_sentences(doc_id, 1000))


def test_a_text_embedding_reads_the_first_word_pieces_and_a_context_vector_reads_further():
    lead = real_lead("1_3ecb")
    assert len(embed.tokenizer().encode(lead).ids) == embed.MAX_WORD_PIECES > embed.TEXT_WORD_PIECES
    vector = embed.embed_texts([lead])[0]
    # what comes after the first TEXT_WORD_PIECES pieces changes nothing ...
    assert np.array_equal(embed.embed_texts([lead + " The rest of the page is about football."])[0], vector)
    # ... and the pieces up to the model's limit would have: the cut is real
    assert float(vector @ embed.embed_texts([lead], max_pieces=embed.MAX_WORD_PIECES)[0]) < 0.999
    # the token states behind the context vectors still read up to the model's limit
    assert len(embed.encode([lead])[0].encoding.ids) == embed.MAX_WORD_PIECES


def test_a_text_shorter_than_the_cut_gets_the_vector_of_the_whole_model_length():
    sentences = real_sentences("3_1ecb", 3)
    assert max(len(embed.tokenizer().encode(s).ids) for s in sentences) < embed.TEXT_WORD_PIECES
    whole = embed.embed_texts(sentences, max_pieces=embed.MAX_WORD_PIECES)
    assert np.array_equal(embed.embed_texts(sentences), whole)


def test_embeddings_match_the_torch_model_they_were_exported_from(reference):
    texts = real_sentences("3_1ecb", 1) + real_sentences("4_2ecbplus", 1)
    ours = embed.embed_texts(texts)
    theirs = reference.encode(texts, normalize_embeddings=True)
    cosines = np.sum(ours * theirs, axis=1)
    assert cosines.min() > 0.98, cosines
    # and the model still tells the two stories apart as torch does
    assert float(ours[0] @ ours[1]) == pytest.approx(float(theirs[0] @ theirs[1]), abs=0.03)


def test_context_vectors_match_the_torch_token_states(reference):
    import torch

    sentence = real_sentences("1_1ecb", 2)[1]
    word = "entered"
    start = sentence.index(word)
    ours = context_vectors([(sentence, [(start, start + len(word))])])[0]
    enc = reference.tokenizer(sentence, return_offsets_mapping=True, return_tensors="pt")
    offsets = enc.pop("offset_mapping")[0].tolist()
    with torch.no_grad():
        states = reference[0].auto_model(**enc).last_hidden_state[0]
    picked = [j for j, (a, b) in enumerate(offsets) if b > a and a < start + len(word) and b > start]
    theirs = states[picked].mean(0)
    theirs = (theirs / theirs.norm()).numpy()
    assert picked and float(ours @ theirs) > 0.97


def test_an_ingest_never_imports_torch(tmp_path):
    probe = (
        "import json, sys\n"
        "from newsfuse.cli import main\n"
        "try:\n"
        f"    main(['ingest', '--db', {str(tmp_path / 'x.db')!r}, {str(EXAMPLE)!r}], standalone_mode=False)\n"
        "finally:\n"
        "    print(json.dumps({m: m in sys.modules for m in ('torch', 'transformers', 'sentence_transformers',"
        " 'onnxruntime', 'psycopg')}))\n"
    )
    proc = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr[-2000:]
    loaded = json.loads(proc.stdout.strip().splitlines()[-1])
    assert "1 new" in proc.stdout
    expected = {"torch": False, "transformers": False, "sentence_transformers": False, "onnxruntime": True}
    assert loaded == expected | {"psycopg": False}  # nor PostgreSQL's driver, for a SQLite file


def test_a_worker_share_of_threads_gives_the_same_vectors(monkeypatch):
    """A Dask worker holds the encoder to its own threads; the vectors do not depend on it."""
    texts = real_sentences("1_1ecb", 3)
    default = embed.embed_texts(texts)
    monkeypatch.setattr(embed, "_threads", None)
    try:
        embed.limit_threads(1)
        assert embed.session().get_session_options().intra_op_num_threads == 1
        np.testing.assert_allclose(embed.embed_texts(texts), default, atol=1e-5)
    finally:
        embed.session.cache_clear()  # the next user gets the default session again
