"""What the nouns that describe a name say it is: a person, an organisation or a work.

A common noun right before a name ('pitcher CC Sabathia', 'the newspaper Kathimerini', 'the sequel
Catching Fire') or in apposition to it ('MyBroadband, the largest IT website in South Africa', 'the
sequel, Catching Fire') describes it; a name that modifies a noun of a work's maker is the work's title
('Slumdog Millionaire screenwriter Simon Beaufoy'). One name has one sense in one article, so what the
descriptions of a name say, taken together (and, where none describes it, the tagger's WORK_OF_ART or
PRODUCT label when it gives that label more often than PERSON or ORG), holds for every mention of the
name: the tagger's PERSON or ORG is corrected, and a work is no actor. Word lists: ``data/kinds.yaml``
(and ``data/not_actors.yaml``'s ``work_nouns``).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from functools import lru_cache
from importlib import resources

from newsfuse.model import Entity
from newsfuse.text.yamlfile import load_yaml

from .nonactors import words_of
from .roles import Parse
from .text import Tok, tokenize

KINDS = {"person_nouns": "PERSON", "org_nouns": "ORG", "work_nouns": "WORK", "trade_nouns": "TRADE"}
WORK_LABELS = frozenset({"WORK_OF_ART", "PRODUCT"})
NAME_LABELS = frozenset({"PERSON", "ORG"})
COMMON_NOUN_TAGS = frozenset({"NN", "NNS"})
ARTICLES = frozenset({"the", "a", "an"})
POSSESSIVES = frozenset({"'s", "’s"})
BOUNDARY_WORDS = frozenset("in of for from at on with by to and or that which who whose based".split()) | POSSESSIVES
APPOSITION_WORDS = 5
FINITE_VERB_TAGS = frozenset({"VBD", "VBP", "VBZ", "MD"})
DESCRIBED_LABELS = frozenset({"PERSON", "ORG"})
WORD_BEFORE = re.compile(r"\b([a-z][a-z-]*) +$")  # a lower-case word right before the name
COMPOUND_BEFORE = re.compile(r"\b([A-Za-z][a-z-]*) +[a-z-]+$")  # the word before an apposition's head noun
WORD_AFTER = re.compile(r" +([a-z][a-z-]*)\b")  # a lower-case word right after it
APPOSITION_OPENS = re.compile(r" ?, +(?:the|a|an) ", re.IGNORECASE)
TWO_NAMES_JOINED = re.compile(r"&| and ")
AGE_APPOSITION = re.compile(
    r" ?, +\d{1,3} *[,.;](?!\d)"
)  # 'Scott, 43, a father of seven': news style's age after a name
CLOSES_APPOSITION = re.compile(
    r"[,.;:)]|$"
)  # where an apposition ends ("According to X, the driver ... arrived": none)


@lru_cache(maxsize=1)
def kind_nouns() -> tuple[dict[str, str], frozenset[str]]:
    """(noun -> the kind it describes, the nouns of a work's maker)."""
    raw = load_yaml(resources.files("newsfuse.actors").joinpath("data/kinds.yaml").read_text(encoding="utf-8"))
    nouns = {str(w).lower(): kind for name, kind in KINDS.items() for w in raw[name]}
    return nouns, frozenset(str(w).lower() for w in raw["creator_nouns"])


@lru_cache(maxsize=1)
def apposition_person_nouns() -> frozenset[str]:
    """Nouns that say a person only as an apposition's head ('a 43-year-old black man')."""
    raw = load_yaml(resources.files("newsfuse.actors").joinpath("data/kinds.yaml").read_text(encoding="utf-8"))
    return frozenset(str(w).lower() for w in raw["apposition_person_nouns"])


def described_kinds(
    text: str, entities: tuple[Entity, ...], parse: Parse, work_nouns: frozenset[tuple[str, ...]] = frozenset()
) -> dict[tuple[str, ...], str]:
    """Name words -> 'PERSON', 'ORG', 'WORK' or 'TRADE' (a trade's noun: a person in it or a firm, by the name's
    shape), for the names of the article whose descriptions (or, with none, whose tags) say one kind more
    often than any other."""
    nouns, makers = kind_nouns()
    nouns = {**nouns, **{w[0]: "WORK" for w in work_nouns if len(w) == 1}}
    described: dict[tuple[str, ...], Counter[str]] = {}
    tagged: dict[tuple[str, ...], Counter[str]] = {}
    for e in entities:
        words = name_words(e)
        if not words:
            continue
        tagged.setdefault(words, Counter())[e.label] += 1
        kind = describing_kind(text, e, parse, nouns, makers) if e.label in DESCRIBED_LABELS else None
        if kind:
            described.setdefault(words, Counter())[kind] += 1
    out = {words: kind for words, votes in described.items() if (kind := _sole_top(votes))}
    joined = {name_words(e) for e in entities if TWO_NAMES_JOINED.search(e.text)}  # 'Prez Jim & Sarah': two names
    for words in tagged:
        if len(words) > 1 and words not in out and out.get(words[-1:]) == "PERSON" and words not in joined:
            out[words] = "PERSON"  # 'Keith Lamont Scott' where 'Scott, 43,' is described: the surname's person
    for words, labels in tagged.items():
        works = sum(labels[k] for k in WORK_LABELS)
        if words not in out and works > sum(labels[k] for k in NAME_LABELS):
            out[words] = "WORK"
    return out


def name_words(e: Entity) -> tuple[str, ...]:
    """The name's words without 'the' or a possessive ending ("Stephenie Meyer 's")."""
    words = words_of(e)
    return words[:-1] if words[-1:] and words[-1] in POSSESSIVES else words


def describing_kind(text: str, e: Entity, parse: Parse, nouns: dict[str, str], makers: frozenset[str]) -> str | None:
    """The kind the noun describing this mention says: the lower-case word right before it (only spaces
    between), a common noun it is in apposition with, or a maker's noun it modifies ('WORK')."""
    before = WORD_BEFORE.search(text, max(e.start - 30, 0), e.start)
    if before and before.group(1) in nouns:
        return nouns[before.group(1)]
    if AGE_APPOSITION.match(text, e.end):
        return "PERSON"  # an age between commas right after the name, as news gives a person's (AP style)
    after = WORD_AFTER.match(text, e.end)
    if after and after.group(1) in makers:
        return "WORK"  # "Slumdog Millionaire screenwriter Simon Beaufoy"
    if APPOSITION_OPENS.match(text, e.end):
        rest = text[e.end : e.end + 80]
        restated = _apposition_noun(rest, tokenize(rest))
        closing = CLOSES_APPOSITION.search(rest, restated[1]) if restated else None
        noun = _compound(nouns, rest, restated) if restated else ""
        kind = nouns.get(noun) or ("PERSON" if noun in apposition_person_nouns() else None)
        if kind and closing and not _verb_between(parse, e.end, e.end + closing.start()):
            return kind  # closed by a comma or a full stop with no verb in it
    head = parse.head_of(e.start, e.end) if parse else None
    if head is None:
        return None
    tree = parse.tree
    linked = [tree.tokens[i] for i in tree.children(head.i, "appos")]
    up = tree.head(head.i)
    if up is not None and head.dep in {"appos", "compound"}:
        above = tree.tokens[up]
        if head.dep == "compound" and above.tag in COMMON_NOUN_TAGS and above.lemma.lower() in makers:
            return "WORK"
        if head.dep == "appos":
            linked.append(above)
    for tok in linked:
        if tok.tag in COMMON_NOUN_TAGS and not (e.start <= tok.start < e.end):
            prev = tree.tokens[tok.i - 1].text.lower() if tok.i > 0 else ""
            compound = f"{prev} {tok.lemma.lower()}"  # 'policy maker': a person, where 'maker' is a firm
            kind = nouns.get(compound) or nouns.get(tok.lemma.lower()) or nouns.get(tok.text.lower())
            if kind:
                return kind
    return None


def _compound(nouns: dict[str, str], rest: str, restated: tuple[str, int]) -> str:
    """The apposition's head noun with the word before it where the two are a compound the lists hold
    ('a longtime Democratic policy maker': a person, where 'maker' alone is a firm), else the head alone."""
    m = COMPOUND_BEFORE.search(rest, 0, restated[1])
    both = f"{m.group(1).lower()} {restated[0]}" if m else ""
    return both if both in nouns else restated[0]


def _verb_between(parse: Parse, start: int, end: int) -> bool:
    """A finite verb among the parsed words at ``start..end``: a clause (', the Yankees are the only
    team', 'According to X, the driver of the car arrived'), no apposition (a participle may qualify the
    noun: ', the already announced adaptation')."""
    lo, hi = bisect_left(parse.starts, start), bisect_left(parse.starts, end)
    return any(t.tag in FINITE_VERB_TAGS for t in parse.tokens[lo:hi])


def _apposition_noun(rest: str, words: list[Tok]) -> tuple[str, int] | None:
    """The head noun of an apposition written after a name, with where it ends in ``rest``: ', the largest
    IT website in South Africa' -> 'website', ', a pitcher' -> 'pitcher' (the last word before a
    preposition, a relative pronoun or a punctuation mark, within APPOSITION_WORDS words, none of them
    capitalised but for abbreviations; a possessive stops it: ', the team's best player')."""
    if len(words) < 2 or rest[: words[0].start].strip() != "," or words[0].norm not in ARTICLES:
        return None
    last = None
    for prev, word in zip(words, words[1 : APPOSITION_WORDS + 2]):
        if rest[prev.end : word.start].strip(" -") or word.norm in BOUNDARY_WORDS:
            return last if word.norm not in POSSESSIVES else None
        if word.raw[:1].isupper() and not word.upper:
            return None  # a name: ', the Yankees are ...'
        last = (word.norm, word.end)
    return None


def _sole_top(votes: Counter[str]) -> str | None:
    top = votes.most_common(2)
    return top[0][0] if len(top) == 1 or top[0][1] > top[1][1] else None
