"""The event-pair cross-encoder: the pinned all-MiniLM-L6-v2 encoder fine-tuned on ECB+ train pairs
(``scripts/train_coref_crossencoder.py``), read with both mentions' sentences at once, each with
its trigger marked, and giving the probability that the two mentions are one event.

Two models were trained, each on one half of the ECB+ train topics, so that a train pair can be
scored by the model that did not see it (how the pair weights of ``coref.py`` were fitted); at run
time the probability is the mean of the two. They run through onnxruntime from int8 files under
``data/`` (``coref.cross_encoder`` in fusion.yaml, ``data/MODEL_CARD.md``); neither torch nor
transformers is imported here. Each pair runs alone: the int8 models quantise their activations
with one scale per run, so a pair scored in a batch would get a score that depends on its neighbours.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

import numpy as np
import onnxruntime
from tokenizers import Encoding, Tokenizer

from .config import DATA, load
from .embed import MAX_THREADS, batch_inputs, model_dir

OPEN, CLOSE = "<m>", "</m>"  # plain characters around the trigger: the model's own word pieces


def _cfg() -> dict:
    return load("fusion.yaml")["coref"]["cross_encoder"]


def marked_sentence(words: Sequence[str], trigger: Sequence[int]) -> str:
    """The words around the trigger (``window`` words each side, fusion.yaml) joined by spaces, with
    the trigger's words between OPEN and CLOSE: "police <m> fired </m> at the car"."""
    if not trigger:
        return " ".join(words)
    window = int(_cfg()["window"])
    first, last = min(trigger), max(trigger)
    out = []
    for i in range(max(0, first - window), min(len(words), last + window + 1)):
        if i == first:
            out.append(OPEN)
        out.append(words[i])
        if i == last:
            out.append(CLOSE)
    return " ".join(out)


@lru_cache(maxsize=1)
def tokenizer() -> Tokenizer:
    """The embedder's word pieces, a pair cut to ``max_word_pieces`` (the longer side first)."""
    tok = Tokenizer.from_file(str(model_dir() / "tokenizer.json"))
    tok.enable_truncation(max_length=int(_cfg()["max_word_pieces"]))
    tok.no_padding()
    return tok


def encode_pairs(pairs: Sequence[tuple[str, str]]) -> list[Encoding]:
    """[CLS] a [SEP] b [SEP] word pieces of each pair (segment ids 0 and 1)."""
    return tokenizer().encode_batch([(a, b) for a, b in pairs])


def model_paths() -> list[Path]:
    return [DATA / entry["file"] for entry in _cfg()["models"]]


@lru_cache(maxsize=2)
def _session(path: Path) -> onnxruntime.InferenceSession:
    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = min(MAX_THREADS, os.cpu_count() or 1)
    options.inter_op_num_threads = 1
    options.add_session_config_entry("session.intra_op.allow_spinning", "0")
    options.graph_optimization_level = onnxruntime.GraphOptimizationLevel.ORT_ENABLE_ALL
    return onnxruntime.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])


def model_logits(pairs: Sequence[tuple[str, str]], model: int) -> np.ndarray:
    """One model's logit for each (marked sentence, marked sentence) pair, each pair run alone."""
    session = _session(model_paths()[model])
    return np.asarray(
        [session.run(["logit"], batch_inputs([e]))[0].reshape(-1)[0] for e in encode_pairs(pairs)], dtype=np.float32
    )


def probabilities(pairs: Sequence[tuple[str, str]], models: Sequence[int] | None = None) -> np.ndarray:
    """The mean over ``models`` (default: all) of each model's probability that the pair is one event."""
    chosen = range(len(model_paths())) if models is None else models
    if not pairs or not chosen:
        return np.zeros(len(pairs), dtype=np.float32)
    return np.mean([1.0 / (1.0 + np.exp(-model_logits(pairs, m))) for m in chosen], axis=0).astype(np.float32)
