"""Main-text extraction accuracy on the Scrapinghub article-extraction benchmark.

Runs newsfuse's HTML path (reader -> clean_html) on ``DIR/html/*.html.gz``, scores the body
(headings + paragraphs, one per line) against ``DIR/ground-truth.json`` with the benchmark's own
metric (``score_scrapinghub.py`` beside the data), and measures plain ``trafilatura.extract``
(default settings) in the same run. The pages are split into two fixed halves (by id) so a rule
tuned on one half can be checked on the other.

    python benchmarks/accuracy/extraction.py [--data DIR] [--json] [--limit N]
"""

from __future__ import annotations

import gzip
import importlib.util
import json
import sys
import time
from pathlib import Path
from types import ModuleType
from typing import Any, Callable

sys.path.insert(0, str(Path(__file__).resolve().parent))
import common  # noqa: E402

from newsfuse import model  # noqa: E402
from newsfuse.clean.html import clean_html  # noqa: E402

DEFAULT_DATA = common.SHARED / "corpus" / "extraction" / "scrapinghub"
META_FIELDS = ("title", "author", "published", "outlet")


def load_scorer(data: Path) -> ModuleType:
    """The benchmark's own metric: score_scrapinghub.py next to the data folder (or the shared one)."""
    for folder in (data.parent, DEFAULT_DATA.parent):
        path = folder / "score_scrapinghub.py"
        if path.exists():
            spec = importlib.util.spec_from_file_location("score_scrapinghub", path)
            assert spec and spec.loader
            module = importlib.util.module_from_spec(spec)
            spec.loader.exec_module(module)
            return module
    raise SystemExit(f"score_scrapinghub.py not found beside {data}")


def load_pages(data: Path, limit: int) -> tuple[dict[str, Any], dict[str, bytes]]:
    truth = json.loads((data / "ground-truth.json").read_text(encoding="utf-8"))
    ids = sorted(truth)[: limit or None]
    pages = {i: gzip.decompress((data / "html" / f"{i}.html.gz").read_bytes()) for i in ids}
    return {i: truth[i] for i in ids}, pages


def raw_documents(path: str, data: bytes) -> list[model.RawDocument]:
    """What `newsfuse ingest` makes of one file (the reader when it exists)."""
    try:
        from newsfuse.ingest import read_input
    except ImportError:
        return [model.RawDocument(source_path=path, format="html", text=data.decode("utf-8", "replace"),
                                  input_sha256=model.sha256_hex(data), meta={"html": True})]
    return list(read_input(model.InputFile.of(path, data)).documents)


def clean(doc: model.RawDocument) -> model.Article:
    """The clean stage's dispatcher when it exists (HTML documents go to clean_html)."""
    try:
        from newsfuse.clean import clean_document
    except ImportError:
        return clean_html(doc)
    return clean_document(doc)


def newsfuse_article(path: str, data: bytes) -> model.Article | None:
    for doc in raw_documents(path, data):
        try:
            return clean(doc)
        except ValueError:
            return None
    return None


def body(article: model.Article | None) -> str:
    return "\n".join(b.text for b in article.blocks) if article else ""


def timed(fns: dict[str, Callable[[str, bytes], Any]], pages: dict[str, bytes]
          ) -> dict[str, tuple[dict[str, Any], float]]:
    """Each extractor on each page, interleaved page by page so machine load hits all alike."""
    out: dict[str, dict[str, Any]] = {name: {} for name in fns}
    seconds = dict.fromkeys(fns, 0.0)
    for i, data in pages.items():
        for name, fn in fns.items():
            start = time.perf_counter()
            out[name][i] = fn(f"{i}.html", data)
            seconds[name] += time.perf_counter() - start
    return {name: (out[name], seconds[name]) for name in fns}


def trafilatura_body(path: str, data: bytes) -> str:
    """The anchor: plain trafilatura.extract with its default settings."""
    import trafilatura

    return trafilatura.extract(data.decode("utf-8", "replace")) or ""


def trafilatura_no_comments(path: str, data: bytes) -> str:
    """trafilatura without reader comments (the 0.960 the corpus README quotes)."""
    import trafilatura

    return trafilatura.extract(data.decode("utf-8", "replace"), include_comments=False) or ""


def figures(scorer: ModuleType, truth: dict[str, Any], bodies: dict[str, str], seconds: float) -> dict[str, Any]:
    pred = {i: {"articleBody": bodies[i]} for i in truth}
    m = scorer.score(truth, pred)
    halves = {}
    for name, parity in (("half_a", 0), ("half_b", 1)):
        ids = [i for i in truth if int(i[:2], 16) % 2 == parity]
        if ids:
            halves[name] = round(scorer.score({i: truth[i] for i in ids}, {i: pred[i] for i in ids})["f1"], 4)
    return {**{k: round(v, 4) for k, v in m.items()}, **halves,
            "pages_per_s": round(len(truth) / seconds, 1) if seconds else None}


def main(argv: list[str] | None = None) -> dict[str, Any]:
    args = common.parse_args(__doc__.splitlines()[0], DEFAULT_DATA, argv)
    scorer = load_scorer(args.data)
    truth, pages = load_pages(args.data, args.limit)
    runs = timed({"newsfuse": newsfuse_article, "trafilatura": trafilatura_body,
                  "trafilatura_no_comments": trafilatura_no_comments}, pages)
    articles, nf_s = runs["newsfuse"]
    found = {f: round(sum(1 for a in articles.values() if a and getattr(a, f)) / len(pages), 3)
             for f in META_FIELDS}
    result = {
        "task": "extraction", "pages": len(pages), "data": str(args.data),
        "newsfuse": figures(scorer, truth, {i: body(a) for i, a in articles.items()}, nf_s),
        "trafilatura": figures(scorer, truth, *runs["trafilatura"]),
        "trafilatura_no_comments": figures(scorer, truth, *runs["trafilatura_no_comments"]),
        "speed_vs_trafilatura": round(runs["trafilatura"][1] / nf_s, 2) if nf_s else None,
        "failed": sum(1 for a in articles.values() if a is None),
        "metadata_found": found,
        "versions": common.versions("trafilatura", "readability-lxml", "lxml"),
        "machine": common.machine(),
    }
    if not args.json:
        for name in ("newsfuse", "trafilatura", "trafilatura_no_comments"):
            r = result[name]
            print(f"{name:<24} F1 {r['f1']:.3f}  P {r['precision']:.3f}  R {r['recall']:.3f}  "
                  f"acc {r['accuracy']:.3f}  halves {r.get('half_a')}/{r.get('half_b')}  "
                  f"{r['pages_per_s']} pages/s")
        print("metadata found:", found, " failed:", result["failed"],
              " speed vs trafilatura:", result["speed_vs_trafilatura"])
    common.emit(result, as_json=True) if args.json else None
    return result


if __name__ == "__main__":
    main()
