"""Compile newsfuse's actor knowledge base data files from the Phoenix dictionaries.

Reads ../shared/corpus/actors/phoenix/*.txt (TABARI format, MIT licence) and writes
``src/newsfuse/actors/data/phoenix_actors.tsv`` and ``phoenix_agents.tsv``. The hand-written
fact tables (``countries.tsv``, ``kb.yaml``) are validated here too. Run time never reads ../shared.

    python scripts/build_actor_kb.py [--phoenix DIR]
"""

from __future__ import annotations

import argparse
import re
import sys
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
from newsfuse.text.yamlfile import load_yaml  # noqa: E402

DATA = ROOT / "src" / "newsfuse" / "actors" / "data"
PHOENIX = ROOT / ".." / "shared" / "corpus" / "actors" / "phoenix"
ACTOR_FILES = {
    "Phoenix.Countries.actors.txt": "countries",
    "Phoenix.International.actors.txt": "international",
    "Phoenix.MilNonState.actors.txt": "milnonstate",
}
CODE_RE = re.compile(r"\[([^\]]*)\]")
KB_FACTS = load_yaml((DATA / "kb.yaml").read_text(encoding="utf-8"))
SECTORS = set(KB_FACTS["sectors"])
BODY_HEADS = frozenset(KB_FACTS["body_heads"])
NON_STATE = {"IGO", "NGO", "NGM", "MNC", "IMG", "UAF", "ELI", "REB", "MED", "BUS", "CVL", "GOV"}
DATE_RE = re.compile(r"^[<>]?\d{6}(\d{2})?$")
NOTES = {"acting", "interim", "china", "deceased", "retired", "former"}  # bracketed words that are not acronyms


@dataclass
class Block:
    names: list[str] = field(default_factory=list)
    codes: list[str] = field(default_factory=list)
    comment: str = ""


def phoenix_date(raw: str) -> str | None:
    """YYMMDD or YYYYMMDD -> ISO; two-digit years up to 20 are 20xx."""
    if len(raw) == 8:
        y, m, d = raw[:4], raw[4:6], raw[6:]
    elif len(raw) == 6:
        yy = int(raw[:2])
        y, m, d = f"{2000 + yy if yy <= 20 else 1900 + yy}", raw[2:4], raw[4:]
    else:
        return None
    if not ("01" <= m <= "12" and "01" <= d <= "31"):
        return None
    return f"{y}-{m}-{d}"


def parse_code(text: str) -> tuple[str, str, str] | None:
    """'RUSGOV 991231-080507' -> ('RUSGOV', '1999-12-31', '2008-05-07'); '' for open ends."""
    parts = text.split()
    if not parts or not re.fullmatch(r"~?[A-Z]{3,15}", parts[0]):
        return None
    code, start, end = parts[0], "", ""
    if len(parts) > 1:
        span = "".join(parts[1:])
        if span.startswith(">"):
            start = phoenix_date(span[1:]) or "?"
        elif span.startswith("<"):
            end = phoenix_date(span[1:]) or "?"
        elif "-" in span:
            a, b = span.split("-", 1)
            start, end = phoenix_date(a) or "?", phoenix_date(b) or "?"
        else:
            return None
        if "?" in (start, end):
            return None
    return code, start, end


def clean_name(raw: str) -> str | None:
    raw = raw.strip().strip("+").strip()
    raw = re.sub(r"\{[^}]*\}", "", raw).strip()
    if not raw or "+" in raw or "[" in raw:
        return None
    name = raw.replace("_", " ").strip()
    name = re.sub(r"\s+", " ", name)
    return name or None


def split_note(name: str) -> tuple[str, str | None]:
    """'LIBERATION TIGERS OF TAMIL EELAM (LTTE)' -> (name, 'LTTE'); '... (ACTING' -> (name, None).

    A bracketed single word is an acronym, kept as an alias; other bracketed notes are dropped, a country's
    name among them ('DIRECT ACTION (GREECE)': see ``country_qualified``)."""
    m = re.match(r"^(.*?)\s*\(([^)]*)\)?\s*$", name)
    if not m or not m.group(1):
        return name, None
    note = m.group(2).strip()
    if note.lower() in country_names():
        return m.group(1).strip(), None
    acronym = note.upper() if re.fullmatch(r"[A-Za-z][A-Za-z.&/-]{1,9}", note) and note.lower() not in NOTES else None
    return m.group(1).strip(), acronym


def read_blocks(path: Path) -> list[Block]:
    """Group TABARI lines into entries: names (first is primary) and their codes."""
    blocks: list[Block] = []
    cur = Block()
    for line in path.read_text(encoding="latin-1").splitlines():
        body, _, comment = line.partition("#")
        if not body.strip():
            continue
        codes = CODE_RE.findall(body)
        name_part = CODE_RE.sub("", body)
        is_variant = body.lstrip().startswith("+")
        is_code_line = not name_part.strip()
        if is_code_line:
            cur.codes.extend(codes)
            continue
        if not is_variant and cur.codes:
            blocks.append(cur)
            cur = Block()
        name = clean_name(name_part)
        if name:
            cur.names.append(name)
        cur.codes.extend(codes)
        cur.comment += comment
    if cur.names and cur.codes:
        blocks.append(cur)
    return [b for b in blocks if b.names and b.codes]


@lru_cache(maxsize=1)
def country_names() -> frozenset[str]:
    """Every country's name in countries.tsv, in lower case."""
    lines = (DATA / "countries.tsv").read_text(encoding="utf-8").splitlines()[1:]
    return frozenset(line.split("\t")[1].lower() for line in lines)


def country_qualified(name: str) -> bool:
    """A variant the dictionary qualifies by a country in brackets ('+NATIONAL_FRONT_(GREECE)_'): the bare name is
    other bodies' elsewhere (France's National Front party), so it is no alias of this one."""
    m = re.search(r"\(([^)]*)\)?\s*$", name)
    return bool(m) and m.group(1).strip().lower() in country_names()


def title_name(name: str) -> str:
    words = []
    for w in name.split():
        low = w.lower()
        if low in {"of", "the", "and", "for", "al", "el", "bin", "ibn", "de", "la", "van", "von"}:
            words.append(low)
        else:
            words.append("-".join(p[:1].upper() + p[1:].lower() for p in w.split("-")))
    out = " ".join(words)
    return out[:1].upper() + out[1:]


def slug(text: str) -> str:
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def kind_of(block: Block, codes: list[tuple[str, str, str]], origin: str, name: str) -> str:
    dated = any(s or e for _, s, e in codes)
    head = codes[0][0]
    if (dated or "CountryInfo" in block.comment or "rulers" in block.comment) and not names_a_body(name):
        return "person"
    if head.startswith("IGO"):
        return "igo"
    if head.startswith("NGO"):
        return "ngo"
    if "MED" in head[3:6]:
        return "media"
    if origin == "milnonstate" or head[3:6] in {"REB", "UAF", "INS"} or head.startswith("IMG"):
        return "group"
    return "organization"


def names_a_body(name: str) -> bool:
    """The name's head noun (its last word before 'of' or 'for') is a body of people: 'Syrian Observatory for
    Human Rights', 'Sudan People's Liberation Army'. The Phoenix country files date the terms of such bodies as
    they date a ruler's, so a date alone does not make a person ('General Secretary of ...' stays one)."""
    words = re.split(r"\s+(?:of|for)\s+", name, maxsplit=1)[0].split()
    return bool(words) and words[-1].lower() in BODY_HEADS


def compile_actors(phoenix: Path) -> list[str]:
    rows, seen = [], set()
    for fname, origin in ACTOR_FILES.items():
        for block in read_blocks(phoenix / fname):
            codes = [c for c in (parse_code(x) for x in block.codes) if c and c[0] != "---"]
            codes = [c for c in codes if not c[0].startswith("~")]
            if not codes:
                continue
            if not any(c[0][3:6] in SECTORS or c[0][:3] in NON_STATE for c in codes):
                continue  # country heads, cities and regions: hand-written countries.tsv covers them
            names, acronyms = zip(*(split_note(n) for n in block.names))
            name = title_name(names[0])
            kind = kind_of(block, codes, origin, name)
            prefix = {"person": "person", "igo": "igo", "ngo": "ngo", "media": "media"}.get(kind, "org")
            aid = f"{prefix}:{slug(name)}"
            if aid in seen:
                aid = f"{aid}-{codes[0][0].lower()}"
            if aid in seen:
                continue
            seen.add(aid)
            variants = {title_name(n) for n, raw in zip(names[1:], block.names[1:]) if not country_qualified(raw)}
            aliases = sorted((variants | {a for a in acronyms if a}) - {name})
            terms = ";".join(f"{c}:{s}:{e}" for c, s, e in codes)
            rows.append("\t".join([aid, name, kind, "|".join(aliases), terms, origin]))
    return rows


def pluralise(word: str) -> str:
    if word.endswith("y") and word[-2:-1] not in "aeiou":
        return word[:-1] + "ies"
    if word.endswith(("s", "x", "ch", "sh")):
        return word + "es"
    return word + "s"


def compile_agents(phoenix: Path) -> list[str]:
    out: dict[str, str] = {}
    for line in (phoenix / "Phoenix.agents.txt").read_text(encoding="latin-1").splitlines():
        body = line.partition("#")[0]
        codes = [c.strip() for c in CODE_RE.findall(body)]
        codes = [c for c in codes if c.startswith("~") and re.fullmatch(r"~[A-Z]{3,12}", c)]
        if not codes:
            continue
        raw = CODE_RE.sub("", body)
        raw = re.sub(r"\{[^}]*\}", "", raw).strip()
        forms = [raw]
        if "!PERSON!" in raw:
            forms = [raw.replace("!PERSON!", w) for w in ("PERSON", "MAN", "WOMAN")]
        for form in forms:
            name = clean_name(form)
            if not name or "!" in name:
                continue
            phrase = name.lower()
            words = phrase.split()
            for p in (phrase, " ".join(words[:-1] + [pluralise(words[-1])])):
                out.setdefault(p, codes[0][1:])
    return [f"{p}\t{c}" for p, c in sorted(out.items())]


def validate_facts() -> None:
    countries = {}
    for line in (DATA / "countries.tsv").read_text(encoding="utf-8").splitlines()[1:]:
        cols = line.split("\t")
        assert len(cols) == 5, f"countries.tsv: 5 columns expected: {line!r}"
        countries[cols[0]] = cols[1]
    kb = load_yaml((DATA / "kb.yaml").read_text(encoding="utf-8"))
    iso_date = re.compile(r"^\d{4}-\d{2}-\d{2}$")
    for person in kb["people"]:
        for term in person["terms"]:
            country, _sector, _role, start, end = term
            assert country is None or country in countries, f"{person['name']}: unknown country {country}"
            for d in (start, end):
                assert d is None or iso_date.match(str(d)), f"{person['name']}: bad date {d}"
    for key in ("metonyms",):
        for m in kb[key]:
            assert m["country"] in countries, f"{m}: unknown country"
    print(f"facts ok: {len(countries)} countries, {len(kb['people'])} people", file=sys.stderr)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--phoenix", type=Path, default=PHOENIX)
    args = ap.parse_args()
    actors = compile_actors(args.phoenix)
    header = "id\tname\tkind\taliases\tterms\torigin"
    (DATA / "phoenix_actors.tsv").write_text("\n".join([header, *actors]) + "\n", encoding="utf-8")
    agents = compile_agents(args.phoenix)
    (DATA / "phoenix_agents.tsv").write_text("\n".join(["phrase\tcode", *agents]) + "\n", encoding="utf-8")
    print(f"phoenix: {len(actors)} actors, {len(agents)} agent phrases", file=sys.stderr)
    if (DATA / "kb.yaml").exists():
        validate_facts()


if __name__ == "__main__":
    main()
