"""Figures the articles of one story state, and where they disagree.

A figure is a count of something: "a delegation of 12 officials", "co-sponsored by 16 countries",
"five shipping companies", "more than a dozen countries", "40 million US dollars". Two figures of
different articles are about the same thing when they count the same noun and share content words
around it ("co-sponsored", "Nairobi"); they contradict each other when the ranges their wordings
allow do not overlap (12 vs 20 officials), while a vague wording that fits both sides ("more than
a dozen") contradicts neither. Vocabulary and thresholds: ``data/figures.yaml``.
"""

from __future__ import annotations

import dataclasses
import math
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from .config import load, stop_lemmas


@dataclass(frozen=True)
class Figure:
    article_id: str
    noun: str  # the counted noun, singular and lower case ("official")
    counted: str  # the counted noun as written ("officials")
    low: float  # the range the wording allows (low == high: exact)
    high: float
    text: str  # the words as written, a few before the number included ("delegation of 12 officials")
    context: frozenset[str]  # stems of the content words around it
    verb: str | None = None  # lemma of the verb that governs the counted noun ("seize"), when parsed
    people: frozenset[str] | None = None  # surnames of the people its sentence names, when parsed


@dataclass(frozen=True)
class Disagreement:
    noun: str
    counted: str  # the noun as the articles write it ("officials")
    sides: tuple[tuple[str, tuple[str, ...]], ...]  # (wording, article ids) per incompatible value
    fitting: tuple[tuple[str, tuple[str, ...]], ...]  # vaguer wordings compatible with every side
    # per side, the articles that give its value in other words than the wording shown
    reworded: tuple[tuple[str, ...], ...] = ()


@lru_cache(maxsize=1)
def _cfg() -> dict:
    return load("figures.yaml")


@lru_cache(maxsize=1)
def _function_words() -> frozenset[str]:
    return frozenset(_cfg()["function_words"])


@lru_cache(maxsize=1)
def _context_stops() -> frozenset[str]:
    cfg = _cfg()
    return frozenset(cfg["context_stop_words"]) | _function_words() | frozenset(cfg["number_words"]) | stop_lemmas()


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern:
    cfg = _cfg()
    words = sorted([*cfg["number_words"], *cfg["plural_numbers"]], key=len, reverse=True)
    approx = sorted(cfg["approximators"], key=len, reverse=True)
    mult = "|".join(cfg["multipliers"])
    irregular = "|".join(sorted(cfg["irregular_plurals"], key=len, reverse=True))
    return re.compile(
        r"(?<![\w.,-])"
        rf"(?i:(?P<approx>{'|'.join(map(re.escape, approx))})\s+)?"
        rf"(?i:(?P<num>\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?|{'|'.join(map(re.escape, words))}))"
        rf"(?:\s+(?i:(?P<mult>{mult})))?"
        r"\s+(?P<mid>(?:[A-Za-z][\w-]*\s+){0,2}?)"
        rf"(?P<noun>{irregular}|[a-z][a-z-]*[a-rt-z]s)\b"
    )


VerbAt = Callable[[int, int], "str | None"]  # (sentence index, offset of the noun in it) -> verb lemma
PeopleIn = Callable[[int], frozenset[str]]  # sentence index -> surnames of the people it names


def find_figures(
    article_id: str, sentences: Sequence[str], verb_at: VerbAt | None = None, people_in: PeopleIn | None = None
) -> list[Figure]:
    """Every count of a plural noun in ``sentences`` (one article's); with ``verb_at`` and ``people_in``
    (the parse), each knows the verb that governs what it counts and the people its sentence names."""
    out = []
    for i, sentence in enumerate(sentences):
        for match in _pattern().finditer(sentence):
            figure = _figure(article_id, sentence, match)
            if figure is not None and verb_at is not None:
                figure = dataclasses.replace(figure, verb=verb_at(i, match.start("noun")) or "")
            if figure is not None and people_in is not None:
                figure = dataclasses.replace(figure, people=people_in(i))
            if figure is not None:
                out.append(figure)
    return out


def _figure(article_id: str, sentence: str, match: re.Match) -> Figure | None:
    cfg = _cfg()
    noun = _singular(match["noun"])
    if noun is None or noun in cfg["skip_nouns"] or any(w in _function_words() for w in match["mid"].split()):
        return None
    span = _range(match)
    if span is None or _counts_a_period(sentence) or _partitive(sentence, match) or _has_a_part(sentence, noun):
        return None
    if re.search(r"\b[A-Z]{1,3}$", sentence[: match.start()].rstrip()) and match["num"][0].isdigit():
        return None  # a designation, not a count: "six AK 47 rifles", "two F 16 jets"
    clause = re.split(r"[,;:.!?()“”\"]", sentence[: match.start()])[-1]
    shown = re.findall(r"[\w’'-]+", clause)[-int(cfg["max_figure_words"]) :]
    text = " ".join(shown + [match.group(0)])
    return Figure(article_id, noun, match["noun"], span[0], span[1], text, _context(sentence, match))


def _partitive(sentence: str, match: re.Match) -> bool:
    """A count right after "other", "remaining"...: a part of a larger whole ("the other three boats")."""
    before = re.findall(r"[a-z]+", sentence[: match.start()].lower())[-1:]
    return bool(before) and before[0] in _cfg()["partitive_before"]


def _has_a_part(sentence: str, noun: str) -> bool:
    """The sentence also counts a part of the same things ("seven AK-47 rifles, two other rifles", "the
    other three boats"): its counts of that noun are parts of a whole it never states."""
    parts = _cfg()["partitive_before"]
    return any(
        _singular(m["noun"]) == noun and (_partitive(sentence, m) or any(w.lower() in parts for w in m["mid"].split()))
        for m in _pattern().finditer(sentence)
    )


def _counts_a_period(sentence: str) -> bool:
    low = f" {sentence.lower()} "
    return any(f" {cue} " in low or f" {cue}," in low or f" {cue}." in low for cue in _cfg()["scope_cues"])


def _singular(word: str) -> str | None:
    cfg = _cfg()
    w = word.lower()
    if w in cfg["irregular_plurals"]:
        return cfg["irregular_plurals"][w]
    if w in cfg["not_nouns"] or len(w) < 4 or not w.endswith("s") or w.endswith(("ss", "us", "is")):
        return None
    if w.endswith("ies"):
        return w[:-3] + "y"
    if w.endswith(("ches", "shes", "xes", "sses")):
        return w[:-2]
    return w[:-1]


def _range(match: re.Match) -> tuple[float, float] | None:
    cfg = _cfg()
    raw = match["num"].lower()
    if raw in cfg["plural_numbers"]:
        value, open_ended = float(cfg["plural_numbers"][raw]), True
    elif raw in cfg["number_words"]:
        value, open_ended = float(cfg["number_words"][raw]), False
    else:
        if re.fullmatch(r"(19|20)\d\d", raw) and not match["mult"]:
            return None  # a year
        if raw.startswith("0"):
            return None  # a code or a label ("report 002"), not a count
        if "." in raw and not match["mult"]:
            return None  # things are counted whole: "7.2 rebounds" is an average, not a count
        value, open_ended = float(raw.replace(",", "")), False
    value *= cfg["multipliers"].get((match["mult"] or "").lower(), 1)
    if value < 2:
        return None  # "one", "1.5": rarely a count worth comparing
    if open_ended:
        return value, math.inf
    factors = cfg["approximators"].get((match["approx"] or "").lower())
    if not factors:
        return value, value
    low, high = factors
    return value * low, (value * high if high is not None else math.inf)


def _context(sentence: str, match: re.Match) -> frozenset[str]:
    """Stems of the nearest content words on either side of the figure, within its sentence."""
    n = int(_cfg()["context_window"])
    stops = _context_stops()

    def content(text: str) -> list[str]:
        return [w for w in re.findall(r"[a-z0-9]+", text.lower()) if len(w) > 2 and not w.isdigit() and w not in stops]

    near = content(sentence[: match.start()])[-n:] + content(sentence[match.end() :])[:n]
    return frozenset(_stem(w) for w in near)


def _stem(word: str) -> str:
    for suffix in ("ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


# ---------------------------------------------------------------------- comparing articles


def disagreements(figures: Sequence[Figure]) -> list[Disagreement]:
    """Counts of one thing that two articles give incompatibly, each side with its articles, and
    the vaguer wordings that fit every side."""
    out = []
    cap = int(_cfg()["max_figures_per_noun"])
    for noun in sorted({f.noun for f in figures}):
        same = [f for f in figures if f.noun == noun][:cap]  # the pair check is quadratic: bounded
        for group in _about_the_same(same):
            found = _sides(group)
            if found is not None:
                out.append(Disagreement(noun, Counter(f.counted for f in group).most_common(1)[0][0], *found))
    return out


def _about_the_same(figures: list[Figure]) -> list[list[Figure]]:
    """Connected groups of figures of different articles that share enough context."""
    need = int(_cfg()["min_shared_context"])
    parent = list(range(len(figures)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, a in enumerate(figures):
        for j in range(i + 1, len(figures)):
            b = figures[j]
            if a.article_id != b.article_id and len(a.context & b.context) >= need and _same_role(a, b):
                parent[find(i)] = find(j)
    groups: dict[int, list[Figure]] = {}
    for i, f in enumerate(figures):
        groups.setdefault(find(i), []).append(f)
    return [g for g in groups.values() if len({f.article_id for f in g}) > 1]


def _same_role(a: Figure, b: Figure) -> bool:
    """Counts of one thing in one role: the same governing word where both were parsed ("seized
    seven rifles" / "seized three rifles", "a delegation of 12 / of 20 officials"; ``""``: parsed,
    none found). Counts governed differently ("took Detroit to six games" / "12 games behind") are
    mostly of different things: never compared, at the cost of some real differences. Where both
    sentences were parsed they must name the same person, or neither one: "eight rebounds" of one
    player and "7.2 rebounds" of another are not two accounts of one count."""
    if a.people is not None and b.people is not None and (a.people or b.people) and not a.people & b.people:
        return False
    if a.verb is None or b.verb is None:
        return True
    return bool(a.verb) and a.verb == b.verb and a.verb not in _cfg()["light_verbs"]


def _sides(group: list[Figure]) -> tuple[tuple, tuple, tuple] | None:
    by_range: dict[tuple[float, float], list[Figure]] = {}
    for f in group:
        by_range.setdefault((f.low, f.high), []).append(f)
    # the most precise wordings are the sides; a range that overlaps them all fits them all
    ranges = sorted(by_range, key=lambda r: (r[1] - r[0], r))
    sides: list[tuple[float, float]] = []
    for r in ranges:
        if all(not _overlap(r, s) for s in sides):
            sides.append(r)
    if len(sides) < 2 or len({f.article_id for r in sides for f in by_range[r]}) < 2:
        return None
    per_side = [{f.article_id for f in by_range[r]} for r in sides]
    if any(a & b for i, a in enumerate(per_side) for b in per_side[i + 1 :]):
        return None  # one article giving two of the values counts two different things
    fitting = [r for r in ranges if r not in sides and all(_overlap(r, s) for s in sides)]
    shown = [_wording(by_range[r]) for r in sides]
    reworded = tuple(
        tuple(dict.fromkeys(f.article_id for f in by_range[r] if f.article_id not in arts))
        for r, (_, arts) in zip(sides, shown)
    )
    return tuple(shown), tuple(_wording(by_range[r]) for r in fitting), reworded


def _overlap(a: tuple[float, float], b: tuple[float, float]) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


def _wording(figures: list[Figure]) -> tuple[str, tuple[str, ...]]:
    """The wording most articles use (the shortest among equals), with the articles that use it."""
    by_text: dict[str, list[str]] = {}
    for f in figures:
        by_text.setdefault(f.text, []).append(f.article_id)
    text = min(by_text, key=lambda t: (-len(set(by_text[t])), len(t), t))
    return text, tuple(dict.fromkeys(by_text[text]))
