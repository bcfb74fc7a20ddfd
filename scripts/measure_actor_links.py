"""Measure actor linking on the PLOVER gold records (gsr-dev): how many gold source/target actors
with a code get a linked actor with that code.

    python scripts/measure_actor_links.py [--data PATH] [--misses] [--cache FILE]

Two figures: "aligned" (a linked mention overlapping the gold actor's text carries the code) and
"anywhere" (some linked mention in the sentence carries it). Measurement only: tune with general
rules and data, never per sentence.
"""

from __future__ import annotations

import argparse
import json
import pickle
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT / ".." / "shared" / "corpus" / "events" / "plover" / "gsr-dev.jsonl"
GOLD_LEGACY = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM", "ANG": "AGO", "GER": "DEU"}
GROUPS = {"IGO", "NGO", "IMG", "ISM", "MNC"}


def our_code(ref) -> str | None:
    if ref.country:
        return ref.country
    return ref.sector if ref.sector in GROUPS else None


def annotated(records: list[dict], cache: Path | None) -> list:
    if cache and cache.exists():
        return pickle.loads(cache.read_bytes())
    from newsfuse.model import Article, Block, article_id
    from newsfuse.nlp import annotate

    articles = []
    for r in records:
        blocks = (Block("paragraph", r["text"]),)
        articles.append(Article(article_id(blocks), r["id"], "text", None, r.get("date"), None, None, blocks))
    out = annotate(articles)
    if cache:
        cache.write_bytes(pickle.dumps(out))
    return out


def gold_spans(record: dict) -> list[tuple[str, str, int]]:
    """(code, actor text, char offset or -1) of every gold source/target actor with a code."""
    out = []
    for a in record["source"] + record["target"]:
        if a.get("code"):
            code = GOLD_LEGACY.get(a["code"], a["code"])
            text = " ".join((a.get("actorText") or "").split())
            at = record["text"].find(text) if text else -1
            if at < 0 and text:  # "U.S. ... negotiators", double spaces: the first word locates it
                text = text.split()[0]
                at = record["text"].find(text)
            out.append((code, text, at))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--data", type=Path, default=DEFAULT)
    ap.add_argument("--cache", type=Path)
    ap.add_argument("--misses", action="store_true")
    args = ap.parse_args()
    from newsfuse.actors import link

    records = [json.loads(ln) for ln in args.data.read_text(encoding="utf-8").splitlines() if ln.strip()]
    total = aligned = anywhere = errors = 0
    for r, ann in zip(records, annotated(records, args.cache)):
        try:
            out = link(ann)
        except Exception as exc:  # noqa: BLE001 - counted and printed, never hidden
            errors += 1
            print(f"ERROR {r['id']}: {type(exc).__name__}: {exc}", file=sys.stderr)
            continue
        codes = {our_code(m.actor) for m in out.actors}
        for code, text, at in gold_spans(r):
            total += 1
            near = [m for m in out.actors if at >= 0 and m.start < at + len(text) and at < m.end]
            hit_a = any(our_code(m.actor) == code for m in near)
            aligned += hit_a
            anywhere += code in codes
            if args.misses and not hit_a:
                ours = [(m.text, our_code(m.actor)) for m in near]
                print(f"MISS {r['id']}: {text!r} gold {code} ours {ours} | {r['text'][:140]}")
    print(
        json.dumps(
            {
                "records": len(records),
                "gold_actors": total,
                "aligned": aligned,
                "aligned_rate": round(aligned / max(total, 1), 3),
                "anywhere": anywhere,
                "anywhere_rate": round(anywhere / max(total, 1), 3),
                "link_errors": errors,
            }
        )
    )


if __name__ == "__main__":
    main()
