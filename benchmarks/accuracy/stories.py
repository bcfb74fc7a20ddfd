"""Story clustering accuracy: B-cubed P/R/F1 on ECB+ (gold: subtopic) and GVC (gold: incident_id).

Articles go through the real pipeline stages (annotate, actors, events, embeddings) and are added
to the StoryClusterer one at a time, in file order and in a shuffled order. The anchor, TF-IDF
average-linkage clustering with its threshold fixed on ECB+ train (cosine distance 0.8), runs on
the same documents in the same run. Each split present in the data is clustered on its own.
"""

from __future__ import annotations

import json
import random
import sys
import time
from pathlib import Path
from typing import Any, Sequence

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import SHARED, emit, machine, parse_args, versions  # noqa: E402

from newsfuse.model import Article, Block, article_id  # noqa: E402

DEFAULT = SHARED / "corpus" / "clustering" / "ecbplus"
ANCHOR_THRESHOLD = 0.8


def read_documents(data: Path, limit: int = 0) -> list[dict[str, Any]]:
    docs = [json.loads(line) for line in open(data / "documents.jsonl", encoding="utf-8") if line.strip()]
    return docs[:limit] if limit else docs


def gold_label(doc: dict[str, Any]) -> str:
    return str(doc.get("subtopic") or doc.get("incident_id"))


def to_article(doc: dict[str, Any], source: str) -> Article:
    """The document as newsfuse's reader would give it: title, date, one paragraph per line."""
    blocks = tuple(Block("paragraph", line) for line in doc["text"].split("\n") if line.strip())
    title = doc.get("title") or None
    return Article(
        id=article_id(blocks, title), source_path=source, format="jsonl", title=title,
        published=doc.get("date") or None, outlet=None, author=None, blocks=blocks,
        external_id=str(doc["doc_id"]),
    )


def pipeline_items(articles: Sequence[Article]):
    """StoryItems through the same stages ``newsfuse ingest`` runs (those that exist)."""
    from newsfuse.nlp import annotate
    from newsfuse.stories import embed_texts, embedding_text, story_item

    annotated = annotate(list(articles))
    annotated = [_link(a) for a in annotated]
    mentions = [_extract(a) for a in annotated]
    vectors = embed_texts([embedding_text(a.article) for a in annotated])
    return [story_item(a, m, v) for a, m, v in zip(annotated, mentions, vectors)], annotated, mentions


def _link(annotated):
    try:
        from newsfuse.actors import link
    except ImportError:
        return annotated
    return link(annotated)


def _extract(annotated):
    try:
        from newsfuse.events import extract_events
    except ImportError:
        return []
    return extract_events(annotated)


def bcubed(pred: Sequence[str], gold: Sequence[str]) -> dict[str, float]:
    from collections import defaultdict

    by_pred, by_gold = defaultdict(set), defaultdict(set)
    for i, (p, g) in enumerate(zip(pred, gold)):
        by_pred[p].add(i)
        by_gold[g].add(i)
    n = len(pred) or 1
    precision = sum(len(by_pred[p] & by_gold[g]) / len(by_pred[p]) for p, g in zip(pred, gold)) / n
    recall = sum(len(by_pred[p] & by_gold[g]) / len(by_gold[g]) for p, g in zip(pred, gold)) / n
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"p": round(precision, 4), "r": round(recall, 4), "f1": round(f1, 4)}


def online(items, order: Sequence[int], config: dict | None = None) -> tuple[list[str], list[float]]:
    from newsfuse.stories import StoryClusterer

    clusterer = StoryClusterer(config)
    labels: dict[int, str] = {}
    times: list[float] = []
    for i in order:
        t0 = time.perf_counter()
        labels[i] = clusterer.add(items[i])
        times.append(time.perf_counter() - t0)
    return [labels[i] for i in range(len(items))], times


def tfidf_anchor(texts: Sequence[str], threshold: float = ANCHOR_THRESHOLD) -> list[str]:
    from scipy.cluster.hierarchy import fcluster, linkage
    from sklearn.feature_extraction.text import TfidfVectorizer

    if len(texts) < 2:
        return ["0"] * len(texts)
    matrix = TfidfVectorizer().fit_transform(texts).toarray()
    tree = linkage(matrix, method="average", metric="cosine")
    return [str(c) for c in fcluster(tree, t=threshold, criterion="distance")]


def score_split(docs, items, config: dict | None = None) -> dict[str, Any]:
    gold = [gold_label(d) for d in docs]
    file_order = list(range(len(docs)))
    shuffled = file_order[:]
    random.Random(0).shuffle(shuffled)
    pred, times = online(items, file_order, config)
    pred_shuffled, _ = online(items, shuffled, config)
    return {
        "documents": len(docs),
        "gold_stories": len(set(gold)),
        "online_file_order": bcubed(pred, gold),
        "online_shuffled": bcubed(pred_shuffled, gold),
        "predicted_stories": len(set(pred)),
        "anchor_tfidf_avg_linkage": bcubed(tfidf_anchor([d["text"] for d in docs]), gold),
        "ms_per_article": round(1000 * sum(times) / max(len(times), 1), 3),
    }


def main(argv: Sequence[str] | None = None) -> dict[str, Any]:
    args = parse_args(__doc__.splitlines()[0], DEFAULT, argv)
    docs = read_documents(args.data, args.limit)
    t0 = time.perf_counter()
    items, _, _ = pipeline_items([to_article(d, str(args.data / "documents.jsonl")) for d in docs])
    pipeline_s = time.perf_counter() - t0
    figures: dict[str, Any] = {"data": str(args.data), "pipeline_s_per_doc": round(pipeline_s / max(len(docs), 1), 4)}
    for split in sorted({d.get("split") or "all" for d in docs}):
        chosen = [i for i, d in enumerate(docs) if (d.get("split") or "all") == split]
        figures[split] = score_split([docs[i] for i in chosen], [items[i] for i in chosen])
        if not args.json:
            print(split, json.dumps(figures[split]))
    figures["machine"] = machine()
    figures["versions"] = versions("sentence-transformers", "spacy", "scikit-learn")
    emit(figures, args.json)
    return figures


if __name__ == "__main__":
    main()
