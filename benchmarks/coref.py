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

from newsfuse.stories import StoryClusterer, embed_texts  # noqa: E402
from newsfuse.stories.coref import AnyMention, group  # noqa: E402
from newsfuse.stories.items import normalise_name  # noqa: E402

NAME_LABELS = {"PERSON", "ORG", "NORP"}
PLACE_LABELS = {"GPE", "LOC", "FAC"}


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


def token_offsets(doc: dict, text: str) -> dict[tuple[int, int], int]:
    """(sentence, token) -> character offset of that token in the cleaned Article text.

    Tokens are found in order; a token the cleaner dropped (a removed line) is skipped without
    losing the place of the ones after it."""
    offsets, pos = {}, 0
    for s_i, tokens in enumerate(doc["sentences"]):
        for t_i, tok in enumerate(tokens):
            found = text.find(tok, pos, pos + 200 + len(tok))
            if found >= 0:
                offsets[(s_i, t_i)] = found
                pos = found + len(tok)
    return offsets


def mention_features(doc: dict, annotated, mentions: list[dict], story: str | None) -> list[AnyMention]:
    offsets = token_offsets(doc, annotated.article.text)
    by_start = {t.start: t for t in annotated.tokens}
    out = []
    for m in mentions:
        toks = [by_start.get(offsets.get((m["sentence"], i), -1)) for i in m["tokens"]]
        toks = [t for t in toks if t is not None]
        head = next((t for t in toks if t.pos in ("VERB", "NOUN")), toks[-1] if toks else None)
        lemma = (head.lemma if head else m["text"].split()[-1]).lower()
        sent = head.sent if head else -1
        ents = [e for e in annotated.entities if _in_sentence(annotated, e.start, sent)]
        names = frozenset(normalise_name(e.text) for e in ents if e.label in NAME_LABELS)
        places = frozenset(normalise_name(e.text) for e in ents if e.label in PLACE_LABELS)
        dates = frozenset(d.value for d in annotated.dates if d.precision == "day" and _in_sentence(annotated, d.start, sent))
        out.append(AnyMention(m["id"], story, lemma, names - {""}, dates, places - {""}, None, str(doc["doc_id"])))
    return out


def with_vectors(feats: list[AnyMention], gold: list[dict]) -> list[AnyMention]:
    """Each mention with the embedding of its trigger words (one model call per distinct wording)."""
    import dataclasses

    words = {m["id"]: m["text"].lower() for m in gold}
    distinct = sorted(set(words.values()))
    vectors = dict(zip(distinct, embed_texts(distinct)))
    return [dataclasses.replace(f, vector=vectors[words[f.id]]) for f in feats]


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
    return _f(float(total) / len(response), float(total) / len(key))


def scores(key: list[set], response: list[set]) -> dict[str, float]:
    m, b, c = muc(key, response), b3(key, response), ceafe(key, response)
    return {"muc": round(m, 4), "b3": round(b, 4), "ceafe": round(c, 4), "conll": round((m + b + c) / 3, 4)}


# ---------------------------------------------------------------------- run


def features(
    data: Path, limit: int = 0, cache: Path | None = None, split: str | None = None
) -> tuple[list[dict], list[AnyMention], list[str]]:
    """Gold mentions, their newsfuse features (predicted story, lemma, names, dates, trigger vector)."""
    docs = [d for d in S.read_documents(data, limit) if split is None or d.get("split") == split]
    analyses = S.analysed(data, limit, cache)
    items = S.story_items(docs, analyses)
    clusterer = StoryClusterer()
    story = [clusterer.add(item) if item is not None else None for item in items]
    gold = read_gold(data, docs)
    by_doc = defaultdict(list)
    for m in gold:
        by_doc[m["doc_id"]].append(m)
    feats: list[AnyMention] = []
    for d, s in zip(docs, story):
        result = analyses.get(str(d["doc_id"]))
        if result is not None:
            feats += mention_features(d, result.annotated, by_doc[d["doc_id"]], s)
        else:  # cleaning left no article: each mention on its own
            feats += [AnyMention(m["id"], None, m["text"].lower()) for m in by_doc[d["doc_id"]]]
    return gold, with_vectors(feats, gold), story


def evaluate(gold: list[dict], feats: list[AnyMention]) -> dict:
    key_map = defaultdict(set)
    for m in gold:
        key_map[m["chain"]].add(m["id"])
    key = list(key_map.values())
    response = [set(c) for c in group(feats)]
    baseline = defaultdict(set)
    for f in feats:
        baseline[(f.story or f.id, f.lemma)].add(f.id)
    result = scores(key, response)
    result["baseline_conll"] = scores(key, list(baseline.values()))["conll"]
    result["mentions"] = len(gold)
    return result


def main(argv=None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--limit", type=int, default=0)
    parser.add_argument("--cache", type=Path, default=None, help="folder to keep analysed articles in")
    parser.add_argument("--split", default=None, help="only the documents of this split (e.g. dev)")
    args = parser.parse_args(argv)
    gold, feats, story = features(args.data, args.limit, args.cache, args.split)
    result = evaluate(gold, feats)
    if not args.json:
        print(f"documents {len(story)}  predicted stories {len(set(story))}  "
              f"gold events {len({m['chain'] for m in gold})}")
    print(json.dumps(result, sort_keys=True))
    return result


if __name__ == "__main__":
    main()
