"""Main-text and metadata extraction accuracy on two corpora of real article pages, cross-validated by site.

Corpora (``../shared/corpus/extraction``): ``scrapinghub`` (181 pages, ``ground-truth.json``) and
``wcxb-dev-articles`` (793 pages, ``truth.json`` with main text, title, author and date). Runs
newsfuse's HTML path (reader -> clean_html) on every page, scores the body (headings + paragraphs,
one per line) with the benchmarks' own metric (``score_scrapinghub.py`` beside the data), and
measures the anchor in the same run: trafilatura 2.3.1 ``extract(html, include_comments=False)``
for the body and ``extract_metadata`` for title, date and author (plain ``extract`` with its
defaults too, on the corpus named by ``--data``, for the older table).

Protocol: the pages of both corpora are split into 5 folds by site (the host of the URL; hosts
shuffled with the fixed seed ``SEED``). The one choice newsfuse makes from data -- the second-opinion
setting of ``clean/html.py`` (``second_opinion.grid`` in ``clean/data/html_rules.yaml``) -- is chosen
on 4 folds (both corpora together) and scored on the 5th; the figures printed as "cross-validated"
are the held-out ones. Metadata is read by fixed precedence (nothing is chosen from data), so its
figures are the same either way; they are shown per fold too. The fixed settings of ``clean/html.py``
(``gap_fill``, ``sections.min_words`` and ``covered_share``, ``article_end`` with its ``min_words``,
``author_card``, the
``visible_date`` windows, its revision labels in words and in markup, and the date precedence: nearest
date to the headline (the page's only <h1> when no heading has the declared title's words, else an
element worded as the headline outside links), then a ``<time pubdate>`` dating the article, a revision
date only when none is declared, the time-zone test; the text cleaner's reasons kept on web pages and
the "tag line" and bare link-label rules, and ``completion``: a body cut short inside its own container
gets the container's missing prose back when enough of it is missing, a <figure> holding a <blockquote>
counting as text; ``completion.subheadings``: a dropped subheading comes back before the body text it
heads; ``completion.chunk_levels``: the article's other chunks beside its container; ``article_container``:
the blocks after the element holding ``prose_share`` of the body's prose are dropped, and after that
element's part holding ``main_part_share`` of it unless the element's own paragraphs close the article
(``flow_tags``) or the element holds the article's questions after that part (``question_headings``);
``article_container.subheadings``: the headings dropped before the first paragraph that
stand inside that element come back; ``page_repair``: content after an early ``</html>`` and a streaming
server's late parts put where a browser puts them) were set by
reading pages of folds 0-3 only; fold 4 was never read page by page, so it is the check on them (the ``completion``
thresholds were chosen while quick printouts also listed a few fold-4 page ids; the setting chosen
changes nothing on fold 4). The block classifier (``clean/blocks.py``: every block
of both bodies kept or dropped by a logistic regression) is fitted on the pages of 4 folds and decides
the blocks of the 5th, for each fold (``cross_fitted_blocks``); ``blocks.enabled`` in
``html_rules.yaml`` says whether it or the arbitration between whole bodies gives the "newsfuse"
figure; the other one is reported beside it, cross-validated alike. A "collapse" is a page where
newsfuse scores F1 < 0.5 while trafilatura scores > 0.8.

    python benchmarks/accuracy/extraction.py [--data DIR] [--json] [--limit N] [--pages FILE]

``--data`` names one corpus folder (the top-level figures are that corpus's, as before; every corpus
beside it is scored too, under ``corpora``) or the folder holding them. ``--limit N`` scores the
first N pages of each corpus. ``--pages FILE`` writes one JSON line per page of folds 0-3 (fold 4,
the check, is left out on purpose): precision, recall and F1 of newsfuse and trafilatura, which
body won, and the date found against the gold one -- the list to read losses from.
"""

from __future__ import annotations

import gzip
import importlib.util
import json
import random
import sys
import time
from collections.abc import Callable
from pathlib import Path
from statistics import mean
from types import ModuleType
from typing import Any
from urllib.parse import urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent))
import common  # noqa: E402

from newsfuse import model  # noqa: E402
from newsfuse.clean import blocks as B  # noqa: E402
from newsfuse.clean import html as H  # noqa: E402
from newsfuse.ingest import read_input  # noqa: E402

EXTRACTION = common.SHARED / "corpus" / "extraction"
DEFAULT_DATA = EXTRACTION / "scrapinghub"
CORPORA = {"scrapinghub": "ground-truth.json", "wcxb-dev-articles": "truth.json"}
META_FIELDS = ("title", "author", "published", "outlet")
# figure name -> (Article field / extract_metadata field, truth key)
SCORED_META = {"title": ("title", "title"), "author": ("author", "author"), "date": ("published", "publish_date")}
SEED = 20261204
FOLDS = 5
COLLAPSE_BELOW, ANCHOR_ABOVE = 0.5, 0.8


# --------------------------------------------------------------------------- data


def load_scorer(data: Path) -> ModuleType:
    """The benchmark's own metric: score_scrapinghub.py next to the data folder (or the shared one)."""
    for folder in (data, data.parent, EXTRACTION):
        path = folder / "score_scrapinghub.py"
        if path.exists():
            spec = importlib.util.spec_from_file_location("score_scrapinghub", path)
            assert spec and spec.loader
            module = importlib.util.module_from_spec(spec)
            spec.loader.exec_module(module)
            return module
    raise SystemExit(f"score_scrapinghub.py not found beside {data}")


def corpus_folders(data: Path) -> dict[str, Path]:
    """Every known corpus at or beside ``data``; the one ``data`` names comes first."""
    parent = data.parent if any((data / f).exists() for f in CORPORA.values()) else data
    found = {name: parent / name for name, truth in CORPORA.items() if (parent / name / truth).exists()}
    if data.name in found:
        found = {data.name: found[data.name], **{k: v for k, v in found.items() if k != data.name}}
    if not found:
        raise SystemExit(f"no extraction corpus at {data}")
    return found


def load_pages(folder: Path, limit: int) -> tuple[dict[str, Any], dict[str, bytes]]:
    """Truth as ``{id: {"articleBody", "url", and the metadata fields where the corpus has them}}``."""
    raw = json.loads((folder / CORPORA[folder.name]).read_text(encoding="utf-8"))
    ids = sorted(raw)[: limit or None]
    truth = {i: {**raw[i], "articleBody": raw[i].get("articleBody", raw[i].get("main_content", ""))} for i in ids}
    pages = {i: gzip.decompress((folder / "html" / f"{i}.html.gz").read_bytes()) for i in ids}
    return truth, pages


def host(url: str) -> str:
    name = (urlsplit(url or "").hostname or "").lower()
    return name[4:] if name.startswith("www.") else name


def site_folds(urls: dict[Any, str], k: int = FOLDS, seed: int = SEED) -> dict[Any, int]:
    """Fold of each page: its site's place in the seeded shuffle of all sites, dealt round-robin."""
    sites = sorted({host(u) for u in urls.values()})
    random.Random(seed).shuffle(sites)
    fold_of = {site: n % k for n, site in enumerate(sites)}
    return {key: fold_of[host(u)] for key, u in urls.items()}


# --------------------------------------------------------------------------- extractors


def raw_documents(path: str, data: bytes) -> list[model.RawDocument]:
    """What `newsfuse ingest` makes of one file (the reader when it exists)."""
    return list(read_input(model.InputFile.of(path, data)).documents)


def newsfuse_variants(path: str, data: bytes) -> H.Variants | None:
    """Both finished bodies of the HTML path (its own and trafilatura's) with the evidence between them."""
    for doc in raw_documents(path, data):
        if not (doc.meta.get("html") or doc.format in ("html", "warc")):
            return None
        try:
            return H.html_variants(doc, with_parts=True)
        except ValueError:
            return None
    return None


def trafilatura_no_comments(path: str, data: bytes) -> str:
    """The anchor: trafilatura.extract without reader comments."""
    import trafilatura

    return trafilatura.extract(data.decode("utf-8", "replace"), include_comments=False) or ""


def trafilatura_body(path: str, data: bytes) -> str:
    """plain trafilatura.extract with its default settings (comments on)."""
    import trafilatura

    return trafilatura.extract(data.decode("utf-8", "replace")) or ""


def trafilatura_meta(path: str, data: bytes) -> dict[str, str | None]:
    from trafilatura.metadata import extract_metadata

    try:
        m = extract_metadata(data.decode("utf-8", "replace"))
    except (ValueError, TypeError):
        return {}
    return {"title": m.title, "author": m.author, "published": m.date}


def timed(
    fns: dict[str, Callable[[str, bytes], Any]], pages: dict[str, bytes]
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


def body(article: model.Article | None) -> str:
    return "\n".join(b.text for b in article.blocks) if article else ""


# --------------------------------------------------------------------------- scoring


def page_f1(scorer: ModuleType, truth: str, pred: str) -> float:
    tp, fp, fn = scorer.page_counts(truth, pred)
    p, r = scorer.prec(tp, fp, fn), scorer.rec(tp, fp, fn)
    return 2 * p * r / (p + r) if p + r else 0.0


def figures(
    scorer: ModuleType, truth: dict[str, Any], bodies: dict[str, str], seconds: float | None = None
) -> dict[str, Any]:
    pred = {i: {"articleBody": bodies[i]} for i in truth}
    m = {k: round(v, 4) for k, v in scorer.score(truth, pred).items()}
    if seconds is not None:
        m["pages_per_s"] = round(len(truth) / seconds, 1) if seconds else None
    return m


def body_under(variants: dict[str, H.Variants | None], params: dict[str, Any]) -> dict[str, str]:
    return {i: body(v.articles[H.arbitrate(v.evidence, params)]) if v else "" for i, v in variants.items()}


def choose_params(
    pages: list[tuple[dict[str, float], H.Variants | None]], grid: list[dict[str, Any]]
) -> dict[str, Any]:
    """The grid setting with the best mean page F1 on ``pages`` (the first setting wins ties).

    ``pages`` pairs each page's F1 per variant ({"own": f1, "other": f1}) with its variants.
    """

    def mean_f1(params: dict[str, Any]) -> float:
        return mean(f1s[H.arbitrate(v.evidence, params)] if v else 0.0 for f1s, v in pages) if pages else 0.0

    return max(grid, key=mean_f1)


def variant_f1s(scorer: ModuleType, truth: str, v: H.Variants | None) -> dict[str, float]:
    return {name: page_f1(scorer, truth, body(a)) for name, a in v.articles.items()} if v else {}


def metadata_scores(truth: dict[str, Any], got: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """Exact match after collapsing spaces and case (title, author), first 10 characters (date)."""
    out: dict[str, Any] = {}
    for name, (ours, key) in SCORED_META.items():
        ids = [i for i in truth if truth[i].get(key)]
        if ids:
            out[name] = round(
                mean(float(_meta_key(got[i].get(ours), key) == _meta_key(truth[i][key], key)) for i in ids), 4
            )
            out[f"{name}_pages"] = len(ids)
    return out


def _meta_key(value: Any, key: str) -> str:
    text = " ".join(str(value or "").split()).lower()
    return text[:10] if key == "publish_date" else text


def article_meta(v: H.Variants | None) -> dict[str, Any]:
    a = next((x for x in v.articles.values() if x is not None), None) if v else None
    return {f: getattr(a, f, None) for f in META_FIELDS}


# --------------------------------------------------------------------------- one corpus


def run_corpus(scorer: ModuleType, folder: Path, limit: int, legacy: bool) -> dict[str, Any]:
    truth, pages = load_pages(folder, limit)
    fns: dict[str, Callable[[str, bytes], Any]] = {
        "newsfuse": newsfuse_variants,
        "trafilatura_no_comments": trafilatura_no_comments,
    }
    if legacy:
        fns["trafilatura"] = trafilatura_body
    runs = timed(fns, pages)
    tmeta = {i: trafilatura_meta("", pages[i]) for i in pages}
    return {"truth": truth, "runs": runs, "tmeta": tmeta}


def summarise(
    scorer: ModuleType,
    name: str,
    data: dict[str, Any],
    folds: dict[tuple[str, str], int],
    chosen: list[dict[str, Any]],
    default: dict[str, Any],
    block_bodies: dict[str, str],
) -> dict[str, Any]:
    truth, runs, tmeta = data["truth"], data["runs"], data["tmeta"]
    variants, nf_s = runs["newsfuse"]
    anchor, anchor_s = runs["trafilatura_no_comments"]
    fold = {i: folds[(name, i)] for i in truth}
    arbitrated = {
        i: body(v.articles[H.arbitrate(v.evidence, chosen[fold[i]])]) if v else "" for i, v in variants.items()
    }
    cv_bodies = block_bodies if B.enabled() else arbitrated
    default_bodies = body_under(variants, default)
    meta = {i: article_meta(v) for i, v in variants.items()}
    per_fold = []
    for k in range(FOLDS):
        ids = [i for i in truth if fold[i] == k]
        if not ids:
            continue
        sub = {i: truth[i] for i in ids}
        per_fold.append(
            {
                "fold": k,
                "pages": len(ids),
                "params": chosen[k],
                "newsfuse_f1": figures(scorer, sub, {i: cv_bodies[i] for i in ids})["f1"],
                "trafilatura_f1": figures(scorer, sub, {i: anchor[i] for i in ids})["f1"],
                "newsfuse_meta": metadata_scores(sub, {i: meta[i] for i in ids}),
                "trafilatura_meta": metadata_scores(sub, {i: tmeta[i] for i in ids}),
            }
        )
    scores = {
        i: (page_f1(scorer, truth[i]["articleBody"], cv_bodies[i]), page_f1(scorer, truth[i]["articleBody"], anchor[i]))
        for i in truth
    }
    collapses = sorted(i for i, (ours, theirs) in scores.items() if ours < COLLAPSE_BELOW and theirs > ANCHOR_ABOVE)
    other_name, other_bodies = ("second_opinion_arbitration", arbitrated) if B.enabled() else ("blocks", block_bodies)
    choices = [H.arbitrate(v.evidence, chosen[fold[i]]) for i, v in variants.items() if v]
    out = {
        "pages": len(truth),
        "newsfuse": figures(scorer, truth, cv_bodies, nf_s),  # cross-validated (held-out setting per fold)
        "newsfuse_default_in_sample": figures(scorer, truth, default_bodies),
        "body_decision": "blocks" if B.enabled() else "second opinion arbitration",
        other_name: alternative_figures(scorer, truth, other_bodies, anchor, fold),
        "trafilatura_no_comments": figures(scorer, truth, anchor, anchor_s),
        "folds": per_fold,
        "collapses": len(collapses),
        "collapse_pages": collapses[:20],
        "worse_than_anchor_by_0_2": sum(1 for ours, theirs in scores.values() if ours < theirs - 0.2),
        "second_opinion_won": sum(1 for c in choices if c == "other"),
        "failed": sum(1 for v in variants.values() if v is None),
        "failed_pages": sorted(i for i, v in variants.items() if v is None)[:20],
        "metadata_found": {f: round(sum(1 for m in meta.values() if m[f]) / len(truth), 3) for f in META_FIELDS},
        "metadata": {"newsfuse": metadata_scores(truth, meta), "trafilatura": metadata_scores(truth, tmeta)},
    }
    if "trafilatura" in runs:
        out["trafilatura"] = figures(scorer, truth, *runs["trafilatura"])
        out["speed_vs_trafilatura"] = round(runs["trafilatura"][1] / nf_s, 2) if nf_s else None
    return out


# --------------------------------------------------------------------------- block decision


def cross_fitted_blocks(
    data: dict[str, Any], folds: dict[tuple[str, str], int], chosen: list[dict[str, Any]]
) -> dict[str, dict[str, str]]:
    """Each page's body by the block classifier fitted on the pages of the other folds (both
    corpora, ``blocks.fit_pages``); the held-out setting's arbitrated body where it keeps nothing."""
    cands = {
        (name, i): B.candidates(v.parts) if v and v.parts else []
        for name, d in data.items()
        for i, v in d["runs"]["newsfuse"][0].items()
    }
    truth = {(name, i): t["articleBody"] for name, d in data.items() for i, t in d["truth"].items()}
    out: dict[str, dict[str, str]] = {name: {} for name in data}
    for k in range(FOLDS):
        fitted = B.fit_pages([(c, truth[key]) for key, c in cands.items() if folds[key] != k and c])
        for (name, i), c in cands.items():
            if folds[(name, i)] != k:
                continue
            kept = B.decide(c, fitted)
            v = data[name]["runs"]["newsfuse"][0][i]
            fallback = body(v.articles[H.arbitrate(v.evidence, chosen[k])]) if v else ""
            out[name][i] = "\n".join(b.text for b in kept) if kept else fallback
    return out


def alternative_figures(
    scorer: ModuleType, truth: dict[str, Any], bodies: dict[str, str], anchor: dict[str, str], fold: dict[str, int]
) -> dict[str, Any]:
    """The body decision not in use, cross-validated alike: figures, collapses, per-fold F1."""
    scores = {
        i: (page_f1(scorer, t["articleBody"], bodies[i]), page_f1(scorer, t["articleBody"], anchor[i]))
        for i, t in truth.items()
    }
    return {
        **figures(scorer, truth, bodies),
        "collapses": sum(1 for ours, theirs in scores.values() if ours < COLLAPSE_BELOW and theirs > ANCHOR_ABOVE),
        "folds": {
            k: figures(scorer, {i: t for i, t in truth.items() if fold[i] == k}, bodies)["f1"]
            for k in sorted(set(fold.values()))
        },
    }


# --------------------------------------------------------------------------- main


def page_rows(
    scorer: ModuleType,
    name: str,
    data: dict[str, Any],
    folds: dict[Any, int],
    chosen: list[Any],
    block_bodies: dict[str, str],
) -> list[dict[str, Any]]:
    """One row per page outside the last fold (the unread check): scores, choice and dates."""
    truth, (variants, _), (anchor, _) = data["truth"], data["runs"]["newsfuse"], data["runs"]["trafilatura_no_comments"]
    rows = []
    for i, v in variants.items():
        k = folds[(name, i)]
        if k == FOLDS - 1:
            continue
        choice = H.arbitrate(v.evidence, chosen[k]) if v else "none"
        ours = body(v.articles[choice]) if v else ""
        if B.enabled():
            choice, ours = "blocks", block_bodies[i]
        rows.append(
            {
                "corpus": name,
                "id": i,
                "fold": k,
                "url": truth[i].get("url"),
                "newsfuse": page_scores(scorer, truth[i]["articleBody"], ours),
                "trafilatura": page_scores(scorer, truth[i]["articleBody"], anchor[i]),
                "choice": choice,
                "date_gold": truth[i].get("publish_date"),
                "date_newsfuse": article_meta(v)["published"],
                "date_trafilatura": data["tmeta"][i].get("published"),
            }
        )
    return rows


def page_scores(scorer: ModuleType, truth: str, pred: str) -> dict[str, float]:
    tp, fp, fn = scorer.page_counts(truth or "", pred)
    p, r = scorer.prec(tp, fp, fn), scorer.rec(tp, fp, fn)
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0}


def pages_option(argv: list[str] | None) -> tuple[list[str], Path | None]:
    """``--pages FILE`` taken out of the arguments (the shared parser does not know it)."""
    args = list(sys.argv[1:] if argv is None else argv)
    if "--pages" not in args:
        return args, None
    at = args.index("--pages")
    if at + 1 >= len(args):
        raise SystemExit("--pages needs a file name")
    return args[:at] + args[at + 2 :], Path(args[at + 1])


def main(argv: list[str] | None = None) -> dict[str, Any]:
    argv, pages_file = pages_option(argv)
    args = common.parse_args(__doc__.splitlines()[0], DEFAULT_DATA, argv)
    scorer = load_scorer(args.data)
    folders = corpus_folders(args.data)
    first = next(iter(folders))
    data = {name: run_corpus(scorer, folder, args.limit, legacy=name == first) for name, folder in folders.items()}
    folds = site_folds({(name, i): t["url"] for name, d in data.items() for i, t in d["truth"].items()})
    grid, default = H.opinion_grid(), H.opinion_params()
    f1s = {
        (name, i): variant_f1s(scorer, t["articleBody"], d["runs"]["newsfuse"][0][i])
        for name, d in data.items()
        for i, t in d["truth"].items()
    }
    chosen = []
    for k in range(FOLDS):
        train = [
            (f1s[(name, i)], d["runs"]["newsfuse"][0][i])
            for name, d in data.items()
            for i in d["truth"]
            if folds[(name, i)] != k
        ]
        chosen.append(choose_params(train, grid))
    block_bodies = cross_fitted_blocks(data, folds, chosen)
    corpora = {name: summarise(scorer, name, d, folds, chosen, default, block_bodies[name]) for name, d in data.items()}
    if pages_file:
        rows = [
            row for name, d in data.items() for row in page_rows(scorer, name, d, folds, chosen, block_bodies[name])
        ]
        pages_file.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    top = corpora[first]
    result = {
        "task": "extraction",
        "pages": top["pages"],
        "data": str(folders[first]),
        "protocol": f"{FOLDS} folds by site (host), seed {SEED}; second-opinion setting chosen, and the block "
        f"classifier fitted, on {FOLDS - 1} folds of both corpora, scored on the held-out fold",
        **{
            k: top[k]
            for k in (
                "newsfuse",
                "trafilatura",
                "trafilatura_no_comments",
                "speed_vs_trafilatura",
                "failed",
                "metadata_found",
            )
            if k in top
        },
        "corpora": corpora,
        "versions": common.versions("trafilatura", "readability-lxml", "lxml"),
        "machine": common.machine(),
    }
    if not args.json:
        print_report(result)
    common.emit(result, as_json=True) if args.json else None
    return result


def print_report(result: dict[str, Any]) -> None:
    print(result["protocol"])
    for name, c in result["corpora"].items():
        nf, tr, ins = c["newsfuse"], c["trafilatura_no_comments"], c["newsfuse_default_in_sample"]
        print(f"\n{name}: {c['pages']} pages")
        print(
            f"  newsfuse (cross-validated)  F1 {nf['f1']:.3f}  P {nf['precision']:.3f}  R {nf['recall']:.3f}  "
            f"{nf['pages_per_s']} pages/s"
        )
        print(f"  newsfuse default (in-sample) F1 {ins['f1']:.3f}")
        for alt in ("blocks", "second_opinion_arbitration"):
            if alt in c:
                a = c[alt]
                print(
                    f"  {alt} (cross-validated, not in use) F1 {a['f1']:.3f}  P {a['precision']:.3f}  "
                    f"R {a['recall']:.3f}  collapses {a['collapses']}  folds {a['folds']}"
                )
        print(
            f"  trafilatura, comments off   F1 {tr['f1']:.3f}  P {tr['precision']:.3f}  R {tr['recall']:.3f}  "
            f"{tr['pages_per_s']} pages/s"
        )
        if "trafilatura" in c:
            print(f"  trafilatura, default        F1 {c['trafilatura']['f1']:.3f}")
        for f in c["folds"]:
            meta = "  ".join(
                f"{k} {f['newsfuse_meta'][k]:.3f}/{f['trafilatura_meta'][k]:.3f}"
                for k in SCORED_META
                if k in f["newsfuse_meta"]
            )
            print(
                f"  fold {f['fold']} ({f['pages']} pages) F1 newsfuse {f['newsfuse_f1']:.3f} / trafilatura "
                f"{f['trafilatura_f1']:.3f}  {meta}  setting {_short(f['params'])}"
            )
        print(
            f"  collapses (newsfuse < {COLLAPSE_BELOW}, trafilatura > {ANCHOR_ABOVE}): {c['collapses']} "
            f"{c['collapse_pages'][:5]}; worse than trafilatura by > 0.2: {c['worse_than_anchor_by_0_2']}; "
            f"second opinion won on {c['second_opinion_won']} pages; failed {c['failed']}"
        )
        ours, theirs = c["metadata"]["newsfuse"], c["metadata"]["trafilatura"]
        for k in SCORED_META:
            if k in ours:
                print(
                    f"  {k:<10} newsfuse {ours[k]:.3f}  trafilatura extract_metadata {theirs[k]:.3f}  "
                    f"({ours[k + '_pages']} pages with one)"
                )
        print(f"  metadata found {c['metadata_found']}")


def _short(params: dict[str, Any]) -> str:
    return ",".join(f"{k}={v}" for k, v in params.items())


if __name__ == "__main__":
    main()
