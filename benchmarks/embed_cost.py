"""What the story embedding costs per article, in CPU seconds (issue 17).

python benchmarks/embed_cost.py [--docs 40] [--json]

On the first ``--docs`` ECB+ train documents, read as ``benchmarks/ingest.py --real-ecbplus`` writes
them (no title; the lead as embedding_text cuts it): the tokenizer's cost; the int8 encoder's fixed
cost of one run (a text of no words: [CLS] [SEP]); the cost per text cut at 64, 128 and 256 word
pieces, each text run alone and in padded batches of 8 and 16 texts of similar length (sorted by
length), with one and with two intra-op threads; and how far the batched and the cut vectors lie
from each text's vector alone at 256 pieces (cosine). CPU seconds are the process's own
(``time.process_time``: every thread of it), so other work on a shared machine counts less than
in wall time.
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import onnxruntime
from tokenizers import Encoding, Tokenizer

from newsfuse.stories import embed

ROOT = Path(__file__).resolve().parents[1]
ECBPLUS = ROOT / ".." / "shared" / "corpus" / "clustering" / "ecbplus" / "documents.jsonl"
LEAD_CHARS = 1500  # stories/items.embedding_text: the first 1500 characters of the body
PIECES = (64, 128, 256)
BATCHES = (8, 16)


def lead_texts(count: int) -> list[str]:
    """The first ``count`` ECB+ train documents' leads, as the pipeline embeds an untitled article."""
    texts: list[str] = []
    for line in ECBPLUS.open(encoding="utf-8"):
        doc = json.loads(line)
        if doc["split"] == "train" and len(texts) < count:
            text = "\n\n".join(s if isinstance(s, str) else " ".join(s) for s in doc["sentences"])
            texts.append(text[:LEAD_CHARS].strip())
    return texts


def cut_tokenizer(pieces: int) -> Tokenizer:
    tok = Tokenizer.from_file(str(embed.model_dir() / "tokenizer.json"))
    tok.enable_truncation(max_length=pieces)
    tok.no_padding()
    return tok


def session(threads: int) -> onnxruntime.InferenceSession:
    """A session as embed.session makes it, with this many intra-op threads."""
    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = threads
    options.inter_op_num_threads = 1
    options.add_session_config_entry("session.intra_op.allow_spinning", "0")
    options.graph_optimization_level = onnxruntime.GraphOptimizationLevel.ORT_ENABLE_ALL
    return onnxruntime.InferenceSession(str(embed.onnx_path()), options, providers=["CPUExecutionProvider"])


def cpu_seconds(work: Callable[..., Any], *args: Any) -> tuple[float, Any]:
    start = time.process_time()
    out = work(*args)
    return time.process_time() - start, out


def pooled(states: np.ndarray, mask: np.ndarray) -> np.ndarray:
    """Mean over the unmasked pieces, then L2 (embed.embed_texts's pooling, for padded rows)."""
    summed = (states * mask[:, :, None]).sum(axis=1) / mask.sum(axis=1, keepdims=True)
    return summed / np.linalg.norm(summed, axis=1, keepdims=True)


def run_batches(sess: onnxruntime.InferenceSession, encodings: Sequence[Encoding], size: int) -> np.ndarray:
    """Vectors of ``encodings`` (in their order) run in batches of ``size``, sorted by length."""
    order = sorted(range(len(encodings)), key=lambda i: len(encodings[i].ids))
    out = np.zeros((len(encodings), embed.DIM), dtype=np.float32)
    for start in range(0, len(order), size):
        rows = order[start : start + size]
        feeds = embed.batch_inputs([encodings[i] for i in rows])
        states = sess.run(["last_hidden_state"], feeds)[0]
        out[rows] = pooled(states, feeds["attention_mask"].astype(np.float32))
    return out


def cosines(a: np.ndarray, b: np.ndarray) -> dict[str, float]:
    cos = np.sum(a * b, axis=1)
    return {"min": round(float(cos.min()), 4), "mean": round(float(cos.mean()), 4)}


def measure(texts: Sequence[str], threads: int) -> dict[str, Any]:
    """Per-text CPU ms at each cut, alone and batched, and the cosines to the alone-at-256 vectors."""
    sess = session(threads)
    empty = cut_tokenizer(256).encode("")
    sess.run(["last_hidden_state"], embed.batch_inputs([empty]))  # warm up
    fixed, _ = cpu_seconds(lambda: [sess.run(["last_hidden_state"], embed.batch_inputs([empty])) for _ in range(50)])
    out: dict[str, Any] = {"fixed_ms_per_run": round(1000 * fixed / 50, 2)}
    reference = run_batches(sess, cut_tokenizer(256).encode_batch(list(texts)), 1)
    for pieces in PIECES:
        out[str(pieces)] = measure_cut(sess, texts, pieces, reference)
    return out


def measure_cut(
    sess: onnxruntime.InferenceSession, texts: Sequence[str], pieces: int, reference: np.ndarray
) -> dict[str, Any]:
    encodings = cut_tokenizer(pieces).encode_batch(list(texts))
    alone_s, alone = cpu_seconds(run_batches, sess, encodings, 1)
    row: dict[str, Any] = {"median_pieces": float(np.median([len(e.ids) for e in encodings]))}
    row["alone_ms"] = round(1000 * alone_s / len(texts), 1)
    row["alone_cos_to_256"] = cosines(alone, reference)
    for size in BATCHES:
        batch_s, batched = cpu_seconds(run_batches, sess, encodings, size)
        row[f"batch{size}_ms"] = round(1000 * batch_s / len(texts), 1)
        row[f"batch{size}_cos_to_alone"] = cosines(batched, alone)
    return row


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=40, help="ECB+ train documents to embed")
    parser.add_argument("--json", action="store_true", help="last line of output: one JSON object")
    args = parser.parse_args()
    texts = lead_texts(args.docs)
    tok_s, _ = cpu_seconds(cut_tokenizer(256).encode_batch, texts)  # loaded before the clock starts
    result: dict[str, Any] = {"docs": len(texts), "tokenize_ms_per_text": round(1000 * tok_s / len(texts), 2)}
    for threads in (1, 2):
        result[f"threads{threads}"] = measure(texts, threads)
        print(f"threads {threads}: {json.dumps(result[f'threads{threads}'])}", flush=True)
    if args.json:
        print(json.dumps(result))


if __name__ == "__main__":
    main()
