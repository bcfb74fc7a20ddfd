"""Event coreference across documents, scored with MUC, B-cubed, CEAF-e and CoNLL F1.

python benchmarks/coref.py --data DIR [--json] [--limit N]: reads DIR/documents.jsonl and
DIR/mentions.jsonl (ECB+ or GVC format), runs newsfuse on the documents' text (no gold topics or
stories), groups the gold event mentions with newsfuse's fusion decision (stories/coref.py), and
prints the scores beside a same-lemma-within-predicted-story baseline. Last line (with --json):
{"muc", "b3", "ceafe", "conll", "baseline_conll", "mentions"}.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent / "accuracy"))
import stories as S  # noqa: E402

from newsfuse.stories import StoryClusterer  # noqa: E402
from newsfuse.stories.coref import AnyMention, group  # noqa: E402


def read_gold(data: Path, docs: list[dict]) -> list[dict]:
    keep = {d["doc_id"] for d in docs}
    out = []
    for line in open(data / "mentions.jsonl", encoding="utf-8"):
        m = json.loads(line)
        if m["doc_id"] not in keep or m.get("kind", "event") != "event":
            continue
        if "chain_zero" in m:
            if m["chain_zero"]:
                continue
        elif not m.get("in_annotated_sentence", True):
            continue
        m["id"] = f"{m['doc_id']}#{m.get('m_id') or m.get('mention_id')}#{m['sentence']}#{m['tokens'][0]}"
        out.append(m)
    return out


def token_offsets(doc: dict) -> dict[tuple[int, int], int]:
    """(sentence, token) -> character offset in the Article text built by S.to_article."""
    offsets, pos = {}, 0
    for s_i, tokens in enumerate(doc["sentences"]):
        line = " ".join(tokens)
        if not line.strip():
            continue
        col = 0
        for t_i, tok in enumerate(tokens):
            offsets[(s_i, t_i)] = pos + col
            col += len(tok) + 1
        pos += len(line) + 2  # blocks are joined by a blank line
    return offsets


def mention_features(doc: dict, annotated, mentions: list[dict], story: str | None) -> list[AnyMention]:
    offsets = token_offsets(doc)
    by_start = {t.start: t for t in annotated.tokens}
    out = []
    for m in mentions:
        toks = [by_start.get(offsets.get((m["sentence"], i), -1)) for i in m["tokens"]]
        toks = [t for t in toks if t is not None]
        head = next((t for t in toks if t.pos in ("VERB", "NOUN")), toks[-1] if toks else None)
        lemma = (head.lemma if head else m["text"].split()[-1]).lower()
        sent = head.sent if head else -1
        dates = frozenset(d.value for d in annotated.dates if d.precision == "day" and _in_sentence(annotated, d.start, sent))
        out.append(AnyMention(m["id"], story, lemma, frozenset(), dates))
    return out


def _in_sentence(annotated, char: int, sent: int) -> bool:
    return 0 <= sent < len(annotated.sentences) and annotated.sentences[sent].start <= char < annotated.sentences[sent].end


# ---------------------------------------------------------------------- scorer


def _f(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def muc(key: list[set], response: list[set]) -> float:
    def recall(k, r):
        where = {m: i for i, c in enumerate(r) for m in c}
        num = den = 0
        for c in k:
            parts = {where.get(m, ("single", m)) for m in c}
            num += len(c) - len(parts)
            den += len(c) - 1
        return num / den if den else 0.0

    return _f(recall(response, key), recall(key, response))


def b3(key: list[set], response: list[set]) -> float:
    kc = {m: c for c in key for m in c}
    rc = {m: c for c in response for m in c}
    ms = list(kc)
    p = sum(len(kc[m] & rc[m]) / len(rc[m]) for m in ms) / len(ms)
    r = sum(len(kc[m] & rc[m]) / len(kc[m]) for m in ms) / len(ms)
    return _f(p, r)


def ceafe(key: list[set], response: list[set]) -> float:
    import numpy as np
    from scipy.optimize import linear_sum_assignment

    sim = np.zeros((len(key), len(response)))
    where = defaultdict(list)
    for j, c in enumerate(response):
        for m in c:
            where[m].append(j)
    for i, k in enumerate(key):
        for j in {j for m in k for j in where[m]}:
            sim[i, j] = 2 * len(k & response[j]) / (len(k) + len(response[j]))
    rows, cols = linear_sum_assignment(-sim)
    total = sim[rows, cols].sum()
    return _f(total / len(response), total / len(key))


def scores(key: list[set], response: list[set]) -> dict[str, float]:
    m, b, c = muc(key, response), b3(key, response), ceafe(key, response)
    return {"muc": round(m, 4), "b3": round(b, 4), "ceafe": round(c, 4), "conll": round((m + b + c) / 3, 4)}


# ---------------------------------------------------------------------- run


def main(argv=None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--limit", type=int, default=0)
    args = parser.parse_args(argv)
    docs = S.read_documents(args.data, args.limit)
    items, annotated, _ = S.pipeline_items([S.to_article(d, str(args.data / "documents.jsonl")) for d in docs])
    clusterer = StoryClusterer()
    story = [clusterer.add(item) for item in items]
    gold = read_gold(args.data, docs)
    by_doc = defaultdict(list)
    for m in gold:
        by_doc[m["doc_id"]].append(m)
    feats = []
    for d, ann, s in zip(docs, annotated, story):
        feats += mention_features(d, ann, by_doc[d["doc_id"]], s)
    key_map = defaultdict(set)
    for m in gold:
        key_map[m["chain"]].add(m["id"])
    key = list(key_map.values())
    response = [set(c) for c in group(feats)]
    baseline = defaultdict(set)
    for f in feats:
        baseline[(f.story, f.lemma)].add(f.id)
    result = scores(key, response)
    result["baseline_conll"] = scores(key, list(baseline.values()))["conll"]
    result["mentions"] = len(gold)
    if not args.json:
        print(f"documents {len(docs)}  predicted stories {len(set(story))}  gold events {len(key)}")
    print(json.dumps(result, sort_keys=True))
    return result


if __name__ == "__main__":
    main()
