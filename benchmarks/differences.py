"""Are the items a briefing lists under "Where the sources differ" real disagreements?

Builds the briefs of every story of two or more articles (``faithfulness.briefs``: the documents
ingested as a user would, one store per corpus and split) on ECB+ train and dev, GVC dev and PolNeAR
train and dev (political news of seven outlets, 2015-16, split as ``faithfulness.py`` splits it),
and dumps every "where the sources differ" item with what it compares: the values, the articles of
each side and the sentences each side's value stands in.

A fixed-seed sample of at most 40 items was read against its articles and labelled by hand in
``benchmarks/data/differences_labels.jsonl``: ``real`` (the sources give different values for the
same thing) or ``not real`` (different referents, different events, a parse error...), each with a
one-line reason. This script scores that sample: the share of labelled items still listed that
are real, every item labelled not real, and labelled items the brief no longer lists. Labelling on
ECB+ train is labelling, not tuning: no threshold is chosen here.

Missed disagreements (recall, seen by hand): a label ``missed`` is a real disagreement seen in a
story's articles that no brief lists; with the items labelled real that are no longer listed they
make the ``missed`` count of the JSON.

    python benchmarks/differences.py [--data ../shared/corpus] [--split train|dev|all]
        [--only ecbplus|gvc|polnear] [--keep DIR] [--dump FILE] [--sample] [--json]

``--dump FILE``: every item as JSON lines; ``--sample``: print the sample to be labelled.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import re
import sys
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "benchmarks" / "accuracy"))
from common import machine, versions  # noqa: E402
from faithfulness import SHARED, SPLITS, _tokens, briefs  # noqa: E402

from newsfuse.store import open_store  # noqa: E402
from newsfuse.stories.sentences import split_sentences  # noqa: E402
from newsfuse.tell import queries  # noqa: E402

SEED = 20261204  # the sample's seed, fixed before any item was seen
SAMPLE_SIZE = 40
TARGET = 0.90
LABELS = ROOT / "benchmarks" / "data" / "differences_labels.jsonl"
# the figure rules were revised after reading labelled items: their share is in-sample since then
PROTOCOL = (
    "every item labelled by hand from its articles (fewer than 40 listed, so all of them), each label saying when "
    "it was labelled; figures.py was revised after reading the first 13 (commit 9c5f046: averages, parts of an "
    "unstated whole, model designations; before them 6/13 were real, commit 2d7c72d) and six more (other games, "
    "players, seasons, events) listed after the story thresholds were rechosen; the referent rule of issue 19 "
    "item 3 (same governing verb, same named owner, no part of a larger whole or other span) was then written "
    "from those 19, so the share is in-sample for those rules. Items first listed under the referent rule were "
    "labelled from their articles before any rule was changed for them: those no rule was written from are "
    "out-of-sample (out_of_sample in the labels file); the one that led to the modal-verb and 'final' rule is not. "
    "Ages (a person's age, compared when the person is the referent) listed 4 items when first written, labelled "
    "before the score was computed: 1 real (out-of-sample 1/4); the age rule was then narrowed to people named in "
    "full on both sides after reading them, so the age item still listed is in-sample. Issue 19 item 3 then tried "
    "kinds of disagreement one at a time, each written from news style (the lead tells the main incident) before "
    "its items were seen, its new items labelled from their articles before the score was computed, and the kind "
    "kept only when its items were at least 90 % real when first labelled (the kinds line). PolNeAR train and dev "
    "(political news, 2015-16) were then added as a third corpus: items they list are labelled from their articles "
    "before any rule is changed for them, out-of-sample; none was listed when they were added, so no rule was "
    "written from them. Issue 19 item 3 then added none against a figure ('no one was injured' against a count of "
    "the injured of the lead's incident; 'terms were not disclosed' against the sum of the story's deal given in a "
    "lead), written from the dictionary senses and the parse and the bundled demo's cost (made for it); while it was "
    "written, what it read in ECB+ train and dev and GVC dev sentences was looked at (no item was listed yet) and "
    "three rules came from that: the harm's doer is the casualty verb's own, sums are read from leads only, and "
    "'so far' narrows a none. It lists no item on any shared split (the items are those listed before it), so it "
    "has no labelled item; the one such disagreement seen in the articles (out of the leads) is counted as missed. "
    "Real disagreements no brief lists are counted apart (missed, a floor: how they were looked for is in the JSON)"
)
# the kinds of disagreement tried under issue 19 item 3 (a label's "rule"), each kept only when its
# items were >= TARGET real when first labelled; dropped ones stay labelled, their rules removed
KINDS = {
    "casualty counts": "killed, injured, shot or arrested in the lead's incident (commit 35731f0)",
    "ages set off after a full name": "'John Smith, 25, of Kokomo' (commit 18338c0)",
    "day of the week": "the incident's day, night running into the next morning (commit 5980a52)",
    "clock times of the incident": "'the shooting happened at about 10:30 p.m.' (commits 35731f0, 18338c0; kept)",
    "none against a count": "'no one was injured' / 'three people were injured' in the leads' incident (kept)",
    "amount not given against a sum": "'terms were not disclosed' / 'the deal is worth $5 million' in a lead (kept)",
}
KEPT = {"clock times of the incident", "none against a count", "amount not given against a sum"}
SIDE = re.compile(r"“([^”]*)” according to ((?:\[[^\]]*\]\s*)+)")
FIELD = re.compile(r"contradict each other on the (\w+):")
COUNTED = re.compile(r"different figures for the ([^:]+):")
NONE_AGAINST = re.compile(r"The sources differ on the ([^:]+):")  # none (or no amount given) against a figure
CONTRADICTED = re.compile(r", contradicted by ((?:\[[^\]]*\]\s*)+)\.$")
CORPORA = SPLITS  # the corpora and splits faithfulness.py builds stores of (PolNeAR: train and dev)
MISSED = "missed"  # the label of a real disagreement seen in a story's articles that no brief lists
# how missed disagreements were looked for (the count is a floor: no article was read whole for them)
MISSED_SEARCH = (
    "labelled-real items no longer listed; on every split, every pair of counts of one noun with incompatible "
    "values in two articles of one story (published within two days where both dates are known) that share their "
    "governing verb or two context words, read by hand (ECB+ train 143 pairs, dev 29, GVC dev 6, PolNeAR train 17, "
    "dev 1); on PolNeAR, also every pair of percentages or dollar sums in such articles whose sentences share three "
    "capitalised words (train 17 pairs, dev 0); for none against a figure, every none and every amount said not "
    "to be given that the rules read anywhere in a story's articles (the lead lifted), with every count or sum of "
    "its kind anywhere in that story, read by hand (ECB+ train 4 stories, dev 2, GVC dev 2, PolNeAR 0)"
)


# ---------------------------------------------------------------------- the items


def items_of(data: Path, corpus: str, split: str, workdir: Path) -> list[dict[str, Any]]:
    """Every "where the sources differ" item of every brief of one corpus split."""
    out = []
    all_briefs = briefs(data, corpus, workdir, split)
    with open_store(str(workdir / f"{corpus}-{split}.db")) as store:
        for b in all_briefs:
            events = {e.id: e for e in queries.story_events(store, b["story_id"]).items} if b["differ"] else {}
            for line in b["differ"]:
                item = _item(line, b, events, store)
                out.append({"corpus": corpus, "split": split, **item})
    return out


def _item(line: dict, b: dict, events: dict, store: Any) -> dict[str, Any]:
    by_mark = {s["mark"]: s["article_id"] for s in b["sources"]}
    arts = b["articles"]
    text = line["text"]
    if m := COUNTED.search(text) or NONE_AGAINST.search(text):
        kind, what = ("figure" if COUNTED.search(text) else "none"), m[1]
        sides = [_figure_side(w, _article_ids(marks, by_mark), arts) for w, marks in SIDE.findall(text)]
    else:
        kind, what = "detail", (FIELD.search(text) or [None, "?"])[1]
        event = events.get(line["event_id"])
        sides = [_detail_side(v, _article_ids(marks, by_mark), arts, event, store) for v, marks in SIDE.findall(text)]
        if c := CONTRADICTED.search(text):
            against = _article_ids(c[1], by_mark)
            value = next(
                (
                    d.value
                    for d in (event.details if event else ())
                    if d.field == what and set(d.supported_by) & set(against)
                ),
                "(contradicting)",
            )
            sides.append(_detail_side(value, against, arts, event, store))
    return {
        "story": b["story_id"],
        "title": b["title"],
        "kind": kind,
        "what": what,
        "text": text,
        "values": [s["value"] for s in sides],
        "records": sorted({r for s in sides for r in s["records"]}),
        "sides": sides,
    }


def _article_ids(marks: str, by_mark: dict[str, str]) -> list[str]:
    return [by_mark[m] for m in re.findall(r"\[([^\]]*)\]", marks) if m in by_mark]


def _figure_side(wording: str, article_ids: list[str], arts: dict) -> dict[str, Any]:
    """A figure's value with the sentences of each of its articles that hold its wording."""
    want = _tokens(wording)
    sentences = []
    for aid in article_ids:
        art = arts[aid]
        found = [s for s in dict.fromkeys(art["sentences"] + split_sentences(art["text"])) if want in _tokens(s)]
        sentences.append({"article_id": aid, "record": art["record"], "sentences": found[:2]})
    return _side(wording, article_ids, arts, sentences)


def _detail_side(value: str, article_ids: list[str], arts: dict, event: Any, store: Any) -> dict[str, Any]:
    """A detail's value with the sentences of the event's mentions in each of its articles."""
    mention_ids = {r.mention_id for r in event.mentions} if event else set()
    sentences = []
    for aid in article_ids:
        said = [m.sentence for m in store.mentions(aid) if m.id in mention_ids]
        sentences.append({"article_id": aid, "record": arts[aid]["record"], "sentences": said[:2]})
    return _side(value, article_ids, arts, sentences)


def _side(value: str, article_ids: list[str], arts: dict, sentences: list[dict]) -> dict[str, Any]:
    return {
        "value": value,
        "article_ids": article_ids,
        "records": [arts[a]["record"] for a in article_ids],
        "sentences": sentences,
    }


def key(item: dict) -> str:
    """What identifies an item across runs: the set, what it compares, its values and its articles'
    record ids (article ids follow the cleaner's output, record ids do not)."""
    return "|".join(
        [
            item["corpus"],
            item["split"],
            item["kind"],
            item["what"],
            " / ".join(sorted(item["values"])),
            ",".join(item["records"]),
        ]
    )


def sample(items: list[dict], seed: int = SEED, size: int = SAMPLE_SIZE) -> list[dict]:
    """A fixed-seed sample of ``size`` items (all of them when fewer), in key order."""
    ordered = sorted(items, key=key)
    picked = random.Random(seed).sample(ordered, min(size, len(ordered)))
    return sorted(picked, key=key)


# ---------------------------------------------------------------------- the score


def load_labels(path: Path = LABELS) -> list[dict]:
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()] if path.exists() else []


def score(items: list[dict], labels: list[dict]) -> dict[str, Any]:
    """Share of labelled items, among those the briefs still list, that are real disagreements; the
    items labelled not real; labelled items no longer listed (a real one lost is a cost); the real
    disagreements missed."""
    listed = {key(i) for i in items}
    seen = [x for x in labels if x["label"] == MISSED]
    labels = [x for x in labels if x["label"] != MISSED]
    kept = [x for x in labels if key(x) in listed]
    real = sum(x["label"] == "real" for x in kept)
    fresh = [x for x in kept if x.get("out_of_sample")]
    fresh_real = sum(x["label"] == "real" for x in fresh)
    return {
        "labelled": len(labels),
        "listed": len(kept),
        "real": real,
        "share_real": round(real / len(kept), 3) if kept else None,
        "wilson_95": wilson(real, len(kept)),
        "out_of_sample": {"listed": len(fresh), "real": fresh_real, "wilson_95": wilson(fresh_real, len(fresh))},
        "target": TARGET,
        "kinds": kinds(labels),
        "not_real": [_brief_label(x) for x in kept if x["label"] != "real"],
        "no_longer_listed": [_brief_label(x) for x in labels if key(x) not in listed],
        "missed": missed(listed, labels, seen),
    }


def missed(listed: set[str], labels: list[dict], seen: list[dict]) -> dict[str, Any]:
    """Real disagreements no brief lists: items labelled real that are no longer listed (unless
    listed still with a side more or less), and those seen by hand in a story's articles (label
    ``missed``), counted per corpus split."""
    real = [x for x in labels if x["label"] == "real"]
    shown = [x for x in real if key(x) in listed]  # first: a lost label of a disagreement still listed is no miss
    lost = [x for x in _distinct(shown + [x for x in real if key(x) not in listed]) if key(x) not in listed]
    per_set = Counter(f"{x['corpus']}-{x['split']}" for x in lost + seen)
    return {
        "count": len(lost) + len(seen),
        "labelled_real_no_longer_listed": len(lost),
        "seen_in_articles": len(seen),
        "sets": dict(sorted(per_set.items())),
        "searched": MISSED_SEARCH,
    }


def _distinct(labels: list[dict]) -> list[dict]:
    """One label per disagreement: labels of one story and noun that share a value wording are one
    disagreement labelled twice (listed again with a side more or less)."""
    out: list[dict] = []
    for x in labels:
        if not any(
            (y["corpus"], y["split"], y["story"], y["what"]) == (x["corpus"], x["split"], x["story"], x["what"])
            and set(y["values"]) & set(x["values"])
            for y in out
        ):
            out.append(x)
    return out


def kinds(labels: list[dict]) -> list[dict[str, Any]]:
    """Per kind tried: its items when first labelled, how many were real, and whether it was kept."""
    out = []
    for name, what in KINDS.items():
        mine = [x for x in labels if x.get("rule") == name]
        real = sum(x["label"] == "real" for x in mine)
        kept = name in KEPT
        out.append({"kind": name, "what": what, "first_labelled": len(mine), "real": real, "kept": kept})
    return out


def kinds_line(found: list[dict[str, Any]]) -> str:
    """One line: each kind tried, its items real when first labelled, kept or dropped."""
    return "; ".join(
        f"{k['kind']} ({k['what']}): "
        + (f"{k['real']}/{k['first_labelled']} real when first labelled" if k["first_labelled"] else "no item listed")
        + (", kept" if k["kept"] else ", dropped")
        for k in found
    )


def wilson(k: int, n: int, z: float = 1.96) -> list[float] | None:
    """The Wilson score interval of a share of ``k`` in ``n`` (a small sample's share is loose)."""
    if not n:
        return None
    p, d = k / n, 1 + z * z / n
    mid, half = (p + z * z / (2 * n)) / d, z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / d
    return [round(mid - half, 3), round(mid + half, 3)]


def _brief_label(x: dict) -> dict[str, Any]:
    return {k: x[k] for k in ("corpus", "split", "story", "what", "values", "label", "reason")}


# ---------------------------------------------------------------------- report


def run(data: Path, corpora: list[str], splits: list[str], keep: Path | None) -> tuple[list[dict], dict[str, Any]]:
    items: list[dict] = []
    sets: dict[str, Any] = {}
    with tempfile.TemporaryDirectory() as tmp:
        workdir = keep or Path(tmp)
        workdir.mkdir(parents=True, exist_ok=True)
        for corpus in corpora:
            for split in (s for s in splits if s in CORPORA[corpus]):
                found = items_of(data, corpus, split, workdir)
                sets[f"{corpus}-{split}"] = {
                    "items": len(found),
                    "figure": sum(i["kind"] == "figure" for i in found),
                    "none": sum(i["kind"] == "none" for i in found),
                    "detail": sum(i["kind"] == "detail" for i in found),
                }
                items += found
    figures = {
        "machine": machine(),
        "versions": versions("spacy"),
        "seed": SEED,
        "protocol": PROTOCOL,
        "sets": sets,
        "items": len(items),
        "sample": score(items, load_labels()),
    }
    return items, figures


def show(item: dict) -> str:
    lines = [f"{key(item)}\n  {item['text']}"]
    for s in item["sides"]:
        for per in s["sentences"]:
            for sent in per["sentences"] or ["(no sentence found)"]:
                lines.append(f"  [{s['value']}] {per['record']}: {' '.join(sent.split())[:400]}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> dict[str, Any]:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=SHARED)
    ap.add_argument("--only", choices=sorted(CORPORA), action="append")
    ap.add_argument("--split", choices=["train", "dev", "all"], default="all")
    ap.add_argument("--keep", type=Path, help="keep (and reuse) the ingested stores in this folder")
    ap.add_argument("--dump", type=Path, help="write every item here, one JSON per line")
    ap.add_argument("--sample", action="store_true", help="print the fixed-seed sample to label")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    splits = ["train", "dev"] if args.split == "all" else [args.split]
    items, figures = run(args.data, args.only or sorted(CORPORA), splits, args.keep)
    if args.dump:
        args.dump.write_text("".join(json.dumps(i, ensure_ascii=False) + "\n" for i in items), encoding="utf-8")
    if args.sample:
        for item in sample(items):
            print(show(item) + "\n")
    for name, s in figures["sets"].items():
        print(
            f"{name}: {s['items']} items ({s['figure']} figures, {s.get('none', 0)} none against a figure, "
            f"{s['detail']} event details)"
        )
    sc = figures["sample"]
    print(
        f"labelled sample (seed {SEED}): {sc['real']} / {sc['listed']} still listed are real disagreements "
        f"({sc['share_real']}, 95 % Wilson interval {sc['wilson_95']}; target {TARGET}); {sc['labelled']} labelled"
    )
    oos = sc["out_of_sample"]
    print(
        f"  of them out-of-sample (labelled after the rules they test were written, no rule written from them): "
        f"{oos['real']} / {oos['listed']} real (95 % Wilson interval {oos['wilson_95']}); the rest in-sample"
    )
    print(f"  kinds tried (issue 19 item 3): {kinds_line(sc['kinds'])}")
    for x in sc["not_real"]:
        print(f"  NOT REAL {x['corpus']}-{x['split']} {x['what']}: {' / '.join(x['values'])} — {x['reason']}")
    for x in sc["no_longer_listed"]:
        print(f"  no longer listed ({x['label']}) {x['what']}: {' / '.join(x['values'])}")
    gone = sc["missed"]
    print(
        f"  real disagreements missed: {gone['count']} ({gone['labelled_real_no_longer_listed']} labelled real, no "
        f"longer listed; {gone['seen_in_articles']} seen in the articles; per set {gone['sets']})"
    )
    if args.json:
        print(json.dumps(figures, ensure_ascii=False))
    return figures


if __name__ == "__main__":
    main()
