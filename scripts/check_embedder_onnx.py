"""Compare the int8 ONNX embedder with the torch model it was exported from, on real news.

Texts: ECB+ train documents (../shared/corpus/clustering/ecbplus), a seeded sample, each read as
the pipeline reads an article (``items.embedding_text``: title and lead, 1,500 characters; the first
sentence stands for the title, the source URL of an *ecbplus document is left out). Context vectors:
the annotated event mentions of those documents, in their sentences, as ``benchmarks/coref.py``
builds them. Prints the cosine between the two (min / mean / 1st percentile) and the time to embed
the texts with each, both models loaded and warmed up first.

    .venv/bin/python scripts/check_embedder_onnx.py [--docs 300] [--mentions 600] [--onnx PATH]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

import numpy as np

from newsfuse.stories import embed
from newsfuse.stories.coref import context_vectors

ROOT = Path(__file__).resolve().parents[1]
ECBPLUS = ROOT / ".." / "shared" / "corpus" / "clustering" / "ecbplus"
SEED = 20261204


def train_documents(count: int) -> list[dict]:
    docs = [json.loads(line) for line in (ECBPLUS / "documents.jsonl").open(encoding="utf-8")]
    train = sorted((d for d in docs if d["split"] == "train"), key=lambda d: d["doc_id"])
    return random.Random(SEED).sample(train, min(count, len(train)))


def article_text(doc: dict) -> str:
    sentences = [" ".join(s) for s in doc["sentences"]]
    if doc["doc_id"].endswith("ecbplus"):
        sentences = sentences[1:]
    title, body = (sentences[0], "\n".join(sentences[1:])) if sentences else ("", "")
    return f"{title}\n{body[:1500]}"


def mention_contexts(docs: list[dict], count: int) -> list[tuple[str, list[tuple[int, int]]]]:
    wanted = {d["doc_id"]: d for d in docs}
    out = []
    for line in (ECBPLUS / "mentions.jsonl").open(encoding="utf-8"):
        m = json.loads(line)
        if m["doc_id"] in wanted and m["kind"] == "event" and m["in_annotated_sentence"]:
            text, spans = "", []
            for i, tok in enumerate(wanted[m["doc_id"]]["sentences"][m["sentence"]]):
                if i in m["tokens"]:
                    spans.append((len(text), len(text) + len(tok)))
                text += tok + " "
            out.append((text.strip(), spans))
    return random.Random(SEED).sample(out, min(count, len(out)))


def torch_context_vectors(model, items) -> np.ndarray:
    """The torch path this replaced (coref.context_vectors before the ONNX embedder), as reference."""
    import torch

    tokenizer, encoder = model.tokenizer, model[0].auto_model
    out = []
    with torch.no_grad():
        for start in range(0, len(items), 32):
            batch = items[start : start + 32]
            enc = tokenizer(
                [t for t, _ in batch],
                return_offsets_mapping=True,
                padding=True,
                truncation=True,
                max_length=256,
                return_tensors="pt",
            )
            offsets = enc.pop("offset_mapping").tolist()
            states = encoder(**enc).last_hidden_state
            for k, (_, spans) in enumerate(batch):
                picked = [j for j, (a, b) in enumerate(offsets[k]) if b > a and any(a < e and b > s for s, e in spans)]
                v = states[k, picked].mean(0) if picked else states[k, 0]
                out.append((v / v.norm()).numpy())
    return np.asarray(out, dtype=np.float32)


def summary(name: str, cos: np.ndarray) -> None:
    print(
        f"{name}: n={len(cos)} cosine min {cos.min():.4f} p01 {np.percentile(cos, 1):.4f} "
        f"mean {cos.mean():.4f} median {np.median(cos):.4f}"
    )


def timed(fn, *args) -> tuple[float, object]:
    """Wall seconds (and the result); the CPU seconds of the last call are kept in CPU_SECONDS."""
    start, cpu = time.perf_counter(), time.process_time()
    result = fn(*args)
    CPU_SECONDS[0] = time.process_time() - cpu
    return time.perf_counter() - start, result


CPU_SECONDS = [0.0]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=300)
    parser.add_argument("--mentions", type=int, default=600)
    parser.add_argument("--timing-texts", type=int, default=200)
    parser.add_argument("--onnx", type=Path, help="another ONNX file to check (default: the shipped one)")
    args = parser.parse_args(argv)
    if args.onnx:
        embed.onnx_path = lambda: args.onnx  # type: ignore[assignment]
    docs = train_documents(args.docs)
    texts = [article_text(d) for d in docs]
    items = mention_contexts(docs, args.mentions)
    print(f"{len(texts)} ECB+ train texts (seed {SEED}), {len(items)} event mentions; onnx {embed.onnx_path()}")

    load_onnx, _ = timed(embed.embed_texts, ["warm up"])
    load_torch, model = timed(embed.reference_model)
    model.max_seq_length = embed.TEXT_WORD_PIECES  # the word pieces embed_texts reads of a text
    model.encode(["warm up"])
    print(f"load + first text: onnx {load_onnx:.2f} s, torch model {load_torch:.2f} s (torch import included)")

    onnx_s, ours = timed(embed.embed_texts, texts)
    torch_s, theirs = timed(lambda t: model.encode(t, batch_size=32, normalize_embeddings=True), texts)
    summary("sentence embeddings", np.sum(np.asarray(ours) * np.asarray(theirs), axis=1))
    summary("context vectors", np.sum(context_vectors(items) * torch_context_vectors(model, items), axis=1))

    sample = texts[: args.timing_texts]
    onnx_t, _ = timed(embed.embed_texts, sample)
    onnx_cpu = CPU_SECONDS[0]
    torch_t, _ = timed(lambda t: model.encode(t, batch_size=32, normalize_embeddings=True), sample)
    torch_cpu = CPU_SECONDS[0]
    print(
        f"embed {len(sample)} texts: onnx int8 {onnx_t:.2f} s wall / {onnx_cpu:.2f} s CPU, "
        f"torch {torch_t:.2f} s wall / {torch_cpu:.2f} s CPU "
        f"(wall {torch_t / onnx_t:.1f}x, CPU {torch_cpu / onnx_cpu:.1f}x)"
    )
    print(f"embed all {len(texts)} texts: onnx int8 {onnx_s:.2f} s, torch {torch_s:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
