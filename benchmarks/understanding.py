"""Speed of the understanding stage (nlp + dates + quotes + actors) against spaCy's own pipeline.

Both run over the same real news texts (TimeBank's 183 articles from ../shared/corpus/dates) in
the same process: plain ``nlp.pipe`` of en_core_web_sm, then newsfuse's ``nlp.annotate`` followed
by ``actors.link``. The issue asks the understanding stage to keep >= 0.8x spaCy's words/second.
Usage: python benchmarks/understanding.py [--data FILE] [--limit N] [--json]
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import platform
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
DEFAULT = (ROOT / ".." / "shared" / "corpus" / "dates" / "timebank.jsonl").resolve()


def load_articles(path: Path, limit: int | None):
    from newsfuse.model import Article, Block, article_id

    articles = []
    for line in path.read_text(encoding="utf-8").splitlines()[:limit]:
        rec = json.loads(line)
        paragraphs = [p.strip() for p in rec["text"].split("\n\n") if p.strip()] or [rec["text"].strip()]
        blocks = tuple(Block("paragraph", " ".join(p.split())) for p in paragraphs)
        articles.append(Article(article_id(blocks), rec["doc_id"], "text", None, rec.get("dct"), None, None, blocks))
    return articles


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    from newsfuse import actors, nlp
    from newsfuse.nlp.pipeline import MODEL_PACKAGE

    articles = load_articles(args.data, args.limit)
    texts = [a.text for a in articles]
    model = importlib.import_module(MODEL_PACKAGE).load()  # spaCy as its package ships it: the peer
    actors.get_kb()
    list(model.pipe(texts[:3]))  # warm up
    [actors.link(a) for a in nlp.annotate(articles[:3])]  # newsfuse's own model (load_model) loaded too
    words = sum(len(t.split()) for t in texts)

    start = time.perf_counter()
    for _ in model.pipe(texts, batch_size=32):
        pass
    spacy_s = time.perf_counter() - start

    start = time.perf_counter()
    annotated = [actors.link(a) for a in nlp.annotate(articles)]
    ours_s = time.perf_counter() - start

    figures = {
        "articles": len(articles),
        "words": words,
        "spacy_words_per_s": round(words / spacy_s, 1),
        "newsfuse_words_per_s": round(words / ours_s, 1),
        "ratio": round(spacy_s / ours_s, 3),
        "dates": sum(len(a.dates) for a in annotated),
        "quotes": sum(len(a.quotes) for a in annotated),
        "actor_mentions": sum(not m.bare for a in annotated for m in a.actors),  # linked ones
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}",
    }
    print(f"spaCy en_core_web_sm nlp.pipe: {figures['spacy_words_per_s']:,.0f} words/s")
    print(
        f"newsfuse nlp.annotate + actors.link: {figures['newsfuse_words_per_s']:,.0f} words/s "
        f"({figures['ratio']:.2f}x spaCy; target >= 0.8x)"
    )
    print(
        f"found {figures['dates']} dates, {figures['quotes']} quotes, {figures['actor_mentions']} actor mentions "
        f"in {figures['articles']} articles ({words:,} words)"
    )
    if args.json:
        print(json.dumps(figures))


if __name__ == "__main__":
    main()
