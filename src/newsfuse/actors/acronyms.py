"""Acronyms the article defines itself.

News style spells a name out on first reference and uses its acronym after it (AP Stylebook, 'abbreviations
and acronyms'): the long form with the acronym in brackets ('the Syrian Observatory for Human Rights (SOHR)'),
the acronym with its long form in brackets ('BLM (Black Lives Matter)'), or the long form alone first and the
acronym in later references. An acronym (two to six capitals) spells a long form where its letters are the
initials of the long form's words: each capitalised word gives its first letter (initials with full stops all
theirs: 'U.S.'), a linking word ('of', 'the', 'al-') its first letter or none ('Department of Defense (DOD)',
'Department of Homeland Security (DHS)'), and no other word may stand in it. A bracketed definition holds in the
whole article; a tagged name that the acronym spells holds after it, for acronyms of three letters or more (two
capitals name too many things: states' postal codes, 'IS', 'UN'). Two different long forms of one acronym
define it as neither. Word lists: ``data/acronyms.yaml``.

An acronym given in brackets after words in lower case that it abbreviates ('post-quantum cryptography (PQC)',
'mindfulness-based stress reduction (MBSR)') stands for a common noun, a technology, a practice or a field: news
style capitalises the long form of a body's acronym (``common_noun_acronyms``). A long form with a word for a body in
it ('the department of corrections (DOC)') still names one.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from newsfuse.text.yamlfile import load_yaml

from .text import key

ACRONYM = re.compile(r"[A-Z]{2,6}")
MAX_LETTERS = 6
NAMED_MIN_LETTERS = 3  # an acronym no bracket defines: two capitals name too many things
BRACKETED = re.compile(r"\(\s*([A-Z]{2,6})\s*\)")  # "... Human Rights (SOHR)"
ACRONYM_THEN_LONG_FORM = re.compile(r"\b([A-Z]{2,6})\s*\(\s*([\w'’.&\s-]{3,100}?)\s*\)")  # "BLM (Black Lives Matter)"
NAME_WORD = re.compile(r"[^\W\d_][\w'’.&]*(?:[-‐][\w'’.]+)*")  # a word with its hyphened parts
HYPHEN = re.compile(r"[-‐]")
INITIALS = re.compile(r"(?:[A-Z]\.)+")  # 'U.S.': each letter its own initial
POSSESSIVE_END = re.compile(r"\s*['’]s?$")
# an acronym given right after a tagged organisation's name, after ', or' or in brackets, defines it whatever its
# letters spell: a name in another language ('the Swiss People's Party, or SVP': Schweizerische Volkspartei)
GIVEN_AFTER = re.compile(r",\s+or\s+(?:the\s+)?([A-Z]{2,6})\b(?![.\w-])|\s*\(\s*([A-Z]{2,6})\s*\)")
GIVEN_AFTER_LABELS = frozenset({"ORG"})
LOOK_BACK = 120  # characters before a bracketed acronym where its long form may start
LOWER_WORD = re.compile(r"[a-z][a-z'’]*(?:[-‐][a-z][a-z'’]*)*")
MAX_COMMON_WORDS = 6  # lower-case words before a bracket read as the acronym's long form


@dataclass(frozen=True)
class Words:
    linking: frozenset[str]
    abbreviated_labels: frozenset[str]
    thing_labels: frozenset[str]
    letter_prefixes: dict[str, tuple[str, ...]]


@lru_cache(maxsize=1)
def words() -> Words:
    raw = load_yaml(resources.files("newsfuse.actors").joinpath("data/acronyms.yaml").read_text(encoding="utf-8"))
    prefixes = {letter: tuple(starts) for letter, starts in raw["letter_prefixes"].items()}
    return Words(
        frozenset(raw["linking_words"]), frozenset(raw["abbreviated_labels"]), frozenset(raw["thing_labels"]), prefixes
    )


@dataclass(frozen=True)
class LongForm:
    start: int  # character span of the long form, without a leading 'the' or a closing possessive
    end: int
    text: str
    bracketed: bool = False  # defined in brackets, beside its acronym


@dataclass(frozen=True)
class Definitions:
    """Each acronym's long form in one article; None where two long forms make it neither's."""

    bracketed: dict[str, LongForm | None]
    named: dict[str, LongForm | None]

    def long_form(self, acronym: str, at: int) -> LongForm | None:
        """The long form the acronym written at character ``at`` stands for, or None."""
        if acronym in self.bracketed:
            return self.bracketed[acronym]
        form = self.named.get(acronym)
        return form if form is not None and form.end <= at else None

    def __bool__(self) -> bool:
        return any(self.bracketed.values()) or any(self.named.values())


def defined_acronyms(text: str, names: Iterable[tuple[int, int, str, str]]) -> Definitions:
    """The article's acronyms and their long forms: the bracketed definitions in ``text``, and the tagged
    ``names`` (start, end, text, label) of the labels a later acronym may abbreviate."""
    bracketed: dict[str, LongForm | None] = {}
    names = sorted(names)
    for acronym, form in _bracketed_definitions(text):
        _keep(bracketed, acronym, form)
    for acronym, form in _given_after_names(text, names):
        if acronym not in bracketed:  # a long form its letters spell defines it first
            bracketed[acronym] = form
    named: dict[str, LongForm | None] = {}
    for start, end, name, label in names:
        if label not in words().abbreviated_labels:
            continue
        form = _without_the(start, end, name)
        for acronym in spellings(form.text):
            if len(acronym) >= NAMED_MIN_LETTERS:
                _keep(named, acronym, form)
    return Definitions(bracketed, named)


def spells(acronym: str, name: str) -> bool:
    """The acronym's letters are the initials of the name's words, as the module says."""
    return acronym in spellings(name)


def spellings(name: str) -> frozenset[str]:
    """Every acronym of two to six letters the name's words spell (a linking word gives its letter or none)."""
    out = {""}
    for part in _parts(name):
        if INITIALS.fullmatch(part):
            out = {a + part.replace(".", "") for a in out}
        elif part.lower() in words().linking:
            out |= {a + part[0].upper() for a in out}
        elif part[0].isupper():
            out = {a + part[0] for a in out}
        else:
            return frozenset()  # "Black Lives Matter activists": a lower-case word is no part of a long form
        out = {a for a in out if len(a) <= MAX_LETTERS}
    return frozenset(a for a in out if len(a) >= 2)


def _parts(name: str) -> list[str]:
    return [p for w in NAME_WORD.findall(name) for p in HYPHEN.split(w) if p]


def _keep(defined: dict[str, LongForm | None], acronym: str, form: LongForm) -> None:
    """The first long form of an acronym; a second, different one leaves it with none."""
    if acronym not in defined:
        defined[acronym] = form
        return
    first = defined[acronym]
    if first is not None and key(first.text) != key(form.text):
        defined[acronym] = None


def _bracketed_definitions(text: str) -> list[tuple[str, LongForm]]:
    out = []
    for m in BRACKETED.finditer(text):
        form = _long_form_before(text, m.start(), m.group(1))
        if form is not None:
            out.append((m.group(1), dataclasses.replace(form, bracketed=True)))
    for m in ACRONYM_THEN_LONG_FORM.finditer(text):
        form = _without_the(m.start(2), m.end(2), m.group(2))
        if "\n" not in form.text and spells(m.group(1), form.text):
            out.append((m.group(1), dataclasses.replace(form, bracketed=True)))
    return out


def common_noun_acronyms(text: str, body_words: frozenset[tuple[str, ...]]) -> frozenset[str]:
    """The acronyms the article gives in brackets right after lower-case words that they abbreviate, none of those
    a word for a body (``body_words``): a common noun's ('extended detection and response (XDR)'). Not one that a
    capitalised long form defines too."""
    out = set()
    for m in BRACKETED.finditer(text):
        run = _lower_run_before(text, m.start())
        tails = (run[n:] for n in range(len(run)))
        if any(_lower_spells(m.group(1), tail) and not any((w,) in body_words for w in tail) for tail in tails):
            out.add(m.group(1))
    return frozenset(out - {acronym for acronym, _ in _bracketed_definitions(text)})


def _lower_run_before(text: str, end: int) -> list[str]:
    """The lower-case words right before ``end`` with only spaces between them (earliest first, at most
    MAX_COMMON_WORDS)."""
    run: list[str] = []
    at = len(text[:end].rstrip())
    while len(run) < MAX_COMMON_WORDS:
        before = text[max(at - 40, 0) : at]
        m = re.search(r"(?:^|(?<= ))(" + LOWER_WORD.pattern + r")$", before)
        if m is None:
            break
        run.insert(0, m.group(1))
        at -= len(m.group(1))
        if text[at - 1 : at] != " ":
            break
        at -= 1
    return run


def _lower_spells(acronym: str, lower_words: list[str]) -> bool:
    """The acronym's letters are the initials of the lower-case words and their hyphened parts (a linking word
    gives its letter or none; a letter may stand for a prefix, not_actors: 'X' for 'extended')."""
    out = {""}
    for part in (p for w in lower_words for p in HYPHEN.split(w) if p):
        letters = {part[0].upper()} | {k for k, starts in words().letter_prefixes.items() if part.startswith(starts)}
        grown = {a + letter for a in out for letter in letters if len(a) < MAX_LETTERS}
        out = out | grown if part in words().linking else grown
    return acronym in out


def _given_after_names(text: str, names: list[tuple[int, int, str, str]]) -> list[tuple[str, LongForm]]:
    """The acronyms an organisation's name of two words or more gives right after it (GIVEN_AFTER) that open with
    its first word's initial and that its words do not spell (those the bracketed definitions read), with it."""
    out = []
    for start, end, name, label in names:
        m = GIVEN_AFTER.match(text, end) if label in GIVEN_AFTER_LABELS and "\n" not in name else None
        acronym = (m.group(1) or m.group(2)) if m is not None else ""
        if acronym and len(name.split()) > 1 and _opens_alike(acronym, name) and not spells(acronym, name):
            form = _without_the(start, end, name)
            out.append((acronym, dataclasses.replace(form, bracketed=True)))
    return out


def _opens_alike(acronym: str, name: str) -> bool:
    """The acronym opens with the initial of the name's first word ('SVP' of 'Swiss People's Party'; 'CEC' is no
    acronym of 'Referenda', the end of a name the tagger cut)."""
    first = _without_the(0, len(name), name).text[:1]
    return acronym[0] == first.upper()


def _long_form_before(text: str, end: int, acronym: str) -> LongForm | None:
    """The longest run of words right before ``end``, opening on a capitalised word that is no linking word,
    whose initials spell the acronym ('Thousands of Black Lives Matter (BLM)': 'Black Lives Matter')."""
    run = _name_run_before(text, end)
    for start in run:
        form = LongForm(start, end, text[start:end].rstrip())
        opener = form.text.split()[0]
        if opener[0].isupper() and opener.lower() not in words().linking and spells(acronym, form.text):
            return LongForm(form.start, form.start + len(form.text), form.text)
    return None


def _name_run_before(text: str, end: int) -> list[int]:
    """The starts of the words before ``end`` back to the first that is neither capitalised nor a linking
    word, or that a mark other than a space divides from the next (earliest first)."""
    starts: list[int] = []
    at = end
    for m in reversed(list(NAME_WORD.finditer(text, max(end - LOOK_BACK, 0), end))):
        word, gap = m.group(), text[m.end() : at]
        if gap.strip(" ") or not (word[0].isupper() or word.lower() in words().linking):
            break
        starts.append(m.start())
        at = m.start()
    return starts[::-1]


def _without_the(start: int, end: int, name: str) -> LongForm:
    """The name without a leading 'the' or a closing possessive ('the American Medical Association's')."""
    kept = POSSESSIVE_END.sub("", name)
    end -= len(name) - len(kept)
    for article in ("the ", "The "):
        if kept.startswith(article):
            return LongForm(start + len(article), end, kept[len(article) :])
    return LongForm(start, end, kept)
