"""Compile the event coder's CAMEO verb lexicon from PETRARCH2's CAMEO verb dictionary.

Reads ../shared/corpus/events/cameo-verbs/CAMEO.2.0.txt (verb synonym blocks and their patterns,
MIT licence) and ../shared/corpus/events/plover/CAMEO2PLOVER-2021.txt (CAMEO code -> PLOVER type and
mode) and writes ``src/newsfuse/events/data/cameo_verbs.json``: per verb lemma its entries (synonym
block, the verb's own CAMEO code, the particle or object a multi-word verb needs), per block its
patterns reduced to what a dependency parse shows (object words, particles, prepositional phrases
with their object words, subject words), each with its CAMEO code and PLOVER type and mode. Run
time never reads ../shared. Generated data: rerun this script, never edit the output by hand.

    python scripts/build_cameo_lexicon.py [--cameo FILE] [--plover FILE] [--out FILE]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
from newsfuse.events.cameo import word_key  # noqa: E402
from newsfuse.text.yamlfile import load_yaml  # noqa: E402

DATA = ROOT / "src" / "newsfuse" / "events" / "data"
EVENTS = ROOT / ".." / "shared" / "corpus" / "events"
CAMEO = EVENTS / "cameo-verbs" / "CAMEO.2.0.txt"
PLOVER = EVENTS / "plover" / "CAMEO2PLOVER-2021.txt"
OUT = DATA / "cameo_verbs.json"
UPSTREAM = "openeventdata/petrarch2 at 676801c (2019), petrarch2/data/dictionaries/CAMEO.2.0.txt"
DROPPED = ("01", "02")  # PLOVER manual, table 7.1: MAKE PUBLIC STATEMENT and APPEAL are dropped
MARKERS = {"$", "+", "^", "%"}  # source, target, skip, compound actor: positions, not words
BLOCK_RE = re.compile(r"^---\s+(\S+)\s+\[([^\]]*)\]\s+---")
CODE_RE = re.compile(r"\[([^\]]*)\]")
TOKEN_RE = re.compile(r"\(|\)|\{[^}]*\}|[^\s(){}]+")

SETTINGS = load_yaml((DATA / "cameo.yaml").read_text(encoding="utf-8"))
PARTICLES = set(SETTINGS["particles"])
PREPOSITIONS = set(SETTINGS["prepositions"])


@dataclass
class Block:
    name: str
    code: str | None
    verbs: list[dict] = field(default_factory=list)
    patterns: list[dict] = field(default_factory=list)


# ---------------------------------------------------------------------------------- PLOVER table
def read_plover(path: Path) -> dict[str, tuple[str, str | None]]:
    """CAMEO code -> (PLOVER type, mode or None), first row of each code."""
    table: dict[str, tuple[str, str | None]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        body = line.split("#", 1)[0].strip()
        if not body or ":" not in body or body.startswith("~"):
            continue
        code, rest = (x.strip() for x in body.split(":", 1))
        parts = [p.strip() for p in rest.split(",")]
        if code.isdigit() and parts[0] and code not in table:
            table[code] = (parts[0], parts[1] if len(parts) > 1 and parts[1] else None)
    return table


def plover_of(code: str | None, table: dict[str, tuple[str, str | None]]) -> tuple[str | None, str | None]:
    """The PLOVER type and mode of a CAMEO code: its own row, else its 3-digit parent's; none for the
    categories PLOVER drops and for codes the table lacks."""
    if not code or not code.isdigit() or code.startswith(DROPPED):
        return None, None
    for key in (code, code[:3]):
        if key in table:
            return table[key]
    return None, None


# ---------------------------------------------------------------------------------- dictionary
def read_synsets(lines: list[str]) -> dict[str, list[str]]:
    sets: dict[str, list[str]] = {}
    name = None
    for raw in lines:
        line = raw.split("#", 1)[0].strip()
        if line.startswith("&"):
            name = line[1:].lower()
            sets[name] = []
        elif line.startswith("+") and name is not None:
            words = " ".join(w for w in line[1:].lower().split("_") if w)
            if words and words not in sets[name]:
                sets[name].append(" ".join(word_key(w) for w in words.split()))
    return sets


def parse_code(text: str) -> dict:
    """ "[190]" -> code; "[042:043]" -> the first; "[062:062]" reciprocal; "[:054]" reversed; "[---]" none."""
    first, _, second = text.strip().partition(":")
    if first.startswith("-") or (not first and not second):
        return {"code": None}
    if not first:
        return {"code": second, "swap": True}
    return {"code": first, "recip": True} if second == first else {"code": first}


def element(token: str) -> list[str]:
    """A pattern token as matching elements: "&WEAPON" -> ["&weapon"]; "{AIR RAID}" -> ["air", "raid"]."""
    if token.startswith("{"):
        return [e for t in token[1:-1].split() for e in element(t)]
    if token.startswith("&"):
        return [token.lower()]
    words = [word_key(w) for w in token.lower().split("_") if w]
    return [" ".join(words)] if words else []


def reduce_post(tokens: list[str]) -> dict:
    """The words after the verb: object words, particles, prepositional phrases."""
    obj: list[str] = []
    prt: list[str] = []
    prep: list[list[str]] = []
    k = 0
    while k < len(tokens):
        tok = tokens[k]
        if tok == "(":
            end = tokens.index(")", k) if ")" in tokens[k:] else len(tokens)
            inner = [t for t in tokens[k + 1 : end] if t not in MARKERS]
            if inner:
                prep.append([inner[0].lower()] + [e for t in inner[1:] for e in element(t)])
            k = end + 1
            continue
        low = tok.lower()
        nxt = tokens[k + 1] if k + 1 < len(tokens) else None
        opens_phrase = nxt is not None and nxt not in MARKERS and nxt not in ("(", ")")
        if low in PREPOSITIONS and opens_phrase and not (low in PARTICLES and nxt and nxt.lower() in PARTICLES):
            words: list[str] = []
            k += 1
            while k < len(tokens) and tokens[k] not in MARKERS and tokens[k] != "(":
                if tokens[k].lower() in PREPOSITIONS:
                    break
                words += element(tokens[k])
                k += 1
            prep.append([low] + words)
            continue
        if low in PARTICLES or low in PREPOSITIONS:  # "CALL_+OFF", "+ASK_FOR": nothing follows
            prt.append(low)
        elif tok not in MARKERS and tok != ")":
            obj += element(tok)
        k += 1
    return {"obj": obj, "prt": prt, "prep": prep}


def parse_pattern(line: str, table: dict) -> dict | None:
    body, _, _comment = line[1:].partition("#")
    codes = CODE_RE.findall(body)
    if "*" not in body or not codes:
        return None
    words = CODE_RE.sub(" ", body)
    pre, _, post = words.partition("*")
    spec = reduce_post(TOKEN_RE.findall(post))
    subj = [e for t in TOKEN_RE.findall(pre) if t not in MARKERS and t not in "()" for e in element(t)]
    out = parse_code(codes[-1])
    type_, mode = plover_of(out["code"], table)
    pattern = {"code": out["code"], "type": type_, "mode": mode}
    pattern.update({k: v for k, v in spec.items() if v})
    if subj:
        pattern["subj"] = subj
    pattern.update({k: True for k in ("recip", "swap") if out.get(k)})
    pattern["text"] = " ".join(words.split())
    return pattern


def parse_verb(line: str, block: Block, table: dict) -> tuple[str, dict] | None:
    """A verb line: "ATTACK [190]", "HURRY {HURRIES ...}", "+ASK_FOR {+ASKED_FOR ...} [020]",
    "CALL_+OFF". Returns the lemma and its entry (the multi-word verb's other words as needs)."""
    body = line.split("#", 1)[0]
    codes = CODE_RE.findall(body)
    head = re.sub(r"\{[^}]*\}|\[[^\]]*\]", " ", body).split(";")[0].split()
    if not head:
        return None
    words = [w for w in head[0].split("_") if w]
    if not words:
        return None
    verb_at = next((k for k, w in enumerate(words) if w.startswith("+")), 0)
    lemma = words[verb_at].lstrip("+").lower()
    rest = [w.lstrip("+") for k, w in enumerate(words) if k != verb_at]
    needs = reduce_post(rest)
    code = parse_code(codes[0])["code"] if codes else block.code
    type_, mode = plover_of(code, table)
    entry: dict = {k: v for k, v in needs.items() if v}
    entry["verb"] = " ".join(w.lstrip("+").lower() for w in words)
    entry["default"] = {"code": code, "type": type_, "mode": mode}
    return lemma, entry


def read_blocks(lines: list[str], table: dict) -> list[Block]:
    blocks: list[Block] = []
    for raw in lines:
        line = raw.rstrip()
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if m := BLOCK_RE.match(line):
            code = parse_code(m.group(2))["code"]
            blocks.append(Block(m.group(1), code))
        elif not blocks:
            continue
        elif line.startswith("-"):
            if (p := parse_pattern(line, table)) is not None:
                blocks[-1].patterns.append(p)
        elif (v := parse_verb(line, blocks[-1], table)) is not None:
            blocks[-1].verbs.append({"lemma": v[0], **v[1]})
    return blocks


def lexicon(cameo: Path, plover: Path) -> dict:
    lines = cameo.read_text(encoding="utf-8", errors="replace").splitlines()
    start = next(k for k, x in enumerate(lines) if x.startswith("####### VERB PATTERNS"))
    end = next((k for k, x in enumerate(lines) if x.startswith("######## TRANSFORMATIONS")), len(lines))
    table = read_plover(plover)
    synsets = read_synsets(lines[:start])
    blocks = [b for b in read_blocks(lines[start + 1 : end], table) if b.verbs]
    useful = [b for b in blocks if any(p["type"] for p in b.patterns) or any(v["default"]["type"] for v in b.verbs)]
    verbs: dict[str, list[dict]] = {}
    for k, b in enumerate(useful):
        for v in b.verbs:
            entry = {key: val for key, val in v.items() if key != "lemma"}
            verbs.setdefault(v["lemma"], []).append({"block": k, **entry})
    used = {e[1:] for b in useful for p in b.patterns for e in _elements(p)} | {
        e[1:] for es in verbs.values() for v in es for e in _elements(v)
    }
    used = {u for u in used if u in synsets}
    return {
        "synsets": {k: synsets[k] for k in sorted(used)},
        "blocks": [{"name": b.name, "patterns": b.patterns} for b in useful],
        "verbs": dict(sorted(verbs.items())),
    }


def _elements(p: dict) -> list[str]:
    found = list(p.get("obj", [])) + list(p.get("subj", []))
    found += [e for group in p.get("prep", []) for e in group]
    return [e for e in found if e.startswith("&")]


# ---------------------------------------------------------------------------------- output
def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()[:16]


def about(cameo: Path, plover: Path) -> list[str]:
    return [
        "GENERATED by scripts/build_cameo_lexicon.py -- do not edit by hand; rerun:",
        "    python scripts/build_cameo_lexicon.py",
        "Sources:",
        f"  CAMEO.2.0.txt (sha256 {sha(cameo)}...): the CAMEO verb-pattern dictionary of the PETRARCH2 event",
        f"    coder, {UPSTREAM}; shared/corpus/events/cameo-verbs/.",
        "    The MIT License (MIT). Copyright (c) 2015 Open Event Data Alliance; Copyright (c) 2014 Open Event",
        "    Data (see shared/corpus/events/cameo-verbs/LICENSE). Built by event-data coders (TABARI, then",
        "    PETRARCH) from WordNet synonym sets and coded news, with funding from the U.S. National Science",
        "    Foundation. Permission is hereby granted, free of charge, to any person obtaining a copy of this",
        "    software and associated documentation files, to deal in the Software without restriction,",
        "    subject to including the copyright notice and this permission notice; THE SOFTWARE IS PROVIDED",
        '    "AS IS", WITHOUT WARRANTY OF ANY KIND.',
        f"  CAMEO2PLOVER-2021.txt (sha256 {sha(plover)}...): the CAMEO-to-PLOVER table of the PLOVER",
        "    manual draft 0.8 (Open Event Data Alliance); shared/corpus/events/plover/.",
        "Reduced here: synsets (only those the patterns use; words lower case, plurals made singular);",
        "blocks (a synonym block's patterns: obj = words of the verb's object, prt = particles, prep =",
        "[preposition, its object's words...], subj = words of the subject; an element 'a b' needs both",
        "words, '&set' one member of the set; code = CAMEO code (the first of 'a:b'; recip: 'a:a'; swap:",
        "':b'); type and mode via CAMEO2PLOVER, none for CAMEO 01 and 02, which PLOVER drops, and for",
        "'[---]'); verbs (lemma -> its entries: block, the verb as written, what a multi-word verb needs,",
        "its default code).",
    ]


def render(lex: dict, cameo: Path, plover: Path) -> str:
    """JSON, one synset, pattern or verb a line (JSON, not YAML: it loads twenty times faster)."""
    dump = lambda x: json.dumps(x, ensure_ascii=False, separators=(",", ":"))  # noqa: E731
    out = ['{"about":[', ",\n".join(dump(line) for line in about(cameo, plover)), '],"synsets":{']
    out.append(",\n".join(f"{dump(k)}:{dump(v)}" for k, v in lex["synsets"].items()))
    out.append('},"blocks":[')
    blocks = [
        '{"name":' + dump(b["name"]) + ',"patterns":[\n' + ",\n".join(dump(p) for p in b["patterns"]) + "]}"
        for b in lex["blocks"]
    ]
    out.append(",\n".join(blocks))
    out.append('],"verbs":{')
    out.append(",\n".join(f"{dump(k)}:{dump(v)}" for k, v in lex["verbs"].items()))
    out.append("}}")
    return "\n".join(out) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cameo", type=Path, default=CAMEO)
    parser.add_argument("--plover", type=Path, default=PLOVER)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    lex = lexicon(args.cameo, args.plover)
    args.out.write_text(render(lex, args.cameo, args.plover), encoding="utf-8")
    n_patterns = sum(len(b["patterns"]) for b in lex["blocks"])
    print(f"{args.out}: {len(lex['verbs'])} verb lemmas, {len(lex['blocks'])} blocks, {n_patterns} patterns")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
