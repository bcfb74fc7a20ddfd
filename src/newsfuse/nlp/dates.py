"""Date expressions in article text, resolved against the publication date.

Rule-based (regular expressions built once from ``data/dates.yaml``). Every mention keeps its
span; its ``value`` is TIMEX3-like at its precision (``2025-11-15``, ``2025-W46``, ``2025-11``,
``2025-Q4``, ``2025``, ``202``). Expressions that need the publication date (weekdays, "last
month", a month without a year...) stay unresolved when there is none: nothing guesses today.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path

from ..model import DateMention, Entity, Token
from ..text.abbreviations import ends_with_abbreviation
from ..text.yamlfile import load_yaml

DATA_FILE = Path(__file__).with_name("data") / "dates.yaml"
YEAR_STRATEGY = "hybrid"
PRECISION_ORDER = ("day", "week", "month", "quarter", "year", "decade")
# A season (TIMEX3 "2016-SU": spring, summer, fall, winter) is three months long: it ranks as a quarter.
SEASON_CODES = {3: "SP", 6: "SU", 9: "FA", 12: "WI"}  # the month a season starts in -> its TIMEX3 code
FULL_DATE_RULES = ("iso", "numeric", "numeric-dash", "numeric-dot", "month-day", "day-month", "day-mon-year")

Resolved = tuple[date | None, str | None, str]  # (start of the period, precision, kind)
SPAN = "span"  # the kind of a match that turned out to be a span of time, not a date: not reported


@dataclass
class _Ctx:
    text: str
    pub: date | None
    clauses: _Clauses | None = None  # the parse, when the caller has one
    prior: list[tuple[date, str]] = field(default_factory=list)  # resolved mentions so far
    topic: date | None = None  # the first quarter named outright: what a report is about
    named: date | None = None  # the last quarter named or referred to as such ("the latest quarter")
    last_end: int = 0  # where the last resolved mention ends
    last_precision: str | None = None  # of the last mention that is not part of a period's name
    closing: date | None = None  # the last mention, when it is the day a reporting period ends on

    def anchor(self, finest: str) -> tuple[date, str] | None:
        """The last resolved mention at precision ``finest`` or finer."""
        limit = _rank(finest)
        for d, prec in reversed(self.prior):
            if _rank(prec) <= limit:
                return d, prec
        return None

    def quarter_in_focus(self, start: int) -> date | None:
        """The quarter a report is about, while the last mention is a quarter and no other
        reporting period ("the first nine months") came up since."""
        if self.named is None or self.last_precision != "quarter":
            return None
        return None if _period_breaker().search(self.text, self.last_end, start) else self.named

    def note(self, d: date, precision: str, kind: str, start: int, end: int) -> None:
        self.prior.append((d, precision))
        self.last_end = end
        closes = _period_end().search(self.text, max(0, start - 30), start) is not None  # "quarter ended Sept. 30"
        self.closing = d if closes and precision == "day" else None
        if not closes:
            self.last_precision = precision
        if kind == "quarter":
            self.named = d
            self.topic = self.topic or d

    def period_closing(self, start: int) -> date | None:
        """The day the reporting period named last ends on ("the six months ended Aug. 12"), while
        ``start`` is in the same sentence as that day."""
        if self.closing is None or _SENTENCE_BREAK.search(self.text, self.last_end, start):
            return None
        return self.closing


@dataclass(frozen=True)
class _Rule:
    name: str
    regex: re.Pattern[str]
    resolve: Callable[[re.Match[str], _Ctx], Resolved]
    valid: Callable[[re.Match[str], str], bool] = lambda m, text: True
    span: str | None = None  # the group that is the mention, when the rest is only context
    # per group, phrases (lower-cased) of which every match holds one: a text without them is not scanned
    needs: tuple[frozenset[str], ...] = ()
    cue: re.Pattern[str] | None = None  # a cheaper pattern every match holds a match of, tried after ``needs``


# --------------------------------------------------------------------------- periods


def _rank(precision: str) -> int:
    return PRECISION_ORDER.index("quarter" if precision == "season" else precision)


def period_start(d: date, precision: str) -> date:
    if precision == "week":
        return d - timedelta(days=d.weekday())
    if precision == "month":
        return d.replace(day=1)
    if precision == "quarter":
        return date(d.year, 3 * ((d.month - 1) // 3) + 1, 1)
    if precision == "year":
        return date(d.year, 1, 1)
    if precision == "decade":
        return date(d.year - d.year % 10, 1, 1)
    return d


def shift(d: date, unit: str, n: int) -> date:
    """Move ``d`` by ``n`` units, landing on the start of the unit's period."""
    if unit == "day":
        return d + timedelta(days=n)
    if unit == "week":
        return period_start(d, "week") + timedelta(weeks=n)
    months = {"month": 1, "quarter": 3, "year": 12, "decade": 120}[unit] * n
    base = period_start(d, unit)
    index = base.year * 12 + base.month - 1 + months
    year = index // 12
    if not 1 <= year <= 9999:
        raise ValueError("out of range")
    return date(year, index % 12 + 1, 1)


def format_value(d: date, precision: str) -> str:
    if precision == "day":
        return d.isoformat()
    if precision == "week":
        year, week, _ = d.isocalendar()
        return f"{year:04d}-W{week:02d}"
    if precision == "month":
        return f"{d.year:04d}-{d.month:02d}"
    if precision == "quarter":
        return f"{d.year:04d}-Q{(d.month - 1) // 3 + 1}"
    if precision == "season":  # a winter takes the year of its December
        return f"{d.year:04d}-{SEASON_CODES[d.month]}"
    if precision == "year":
        return f"{d.year:04d}"
    return f"{d.year // 10:03d}"


def coarser(precision: str) -> str:
    i = PRECISION_ORDER.index(precision)
    return PRECISION_ORDER[min(i + 1, len(PRECISION_ORDER) - 1)]


# --------------------------------------------------------------------------- vocabulary


@lru_cache(maxsize=1)
def vocab() -> dict:
    with open(DATA_FILE, encoding="utf-8") as fh:
        return load_yaml(fh)


def _alt(words) -> str:
    """Regex alternation, longest first; spaces match any run of spaces."""
    escaped = sorted((re.escape(str(w)) for w in words), key=len, reverse=True)
    return "|".join(e.replace(r"\ ", r"\s+") for e in escaped)


def _key(s: str) -> str:
    return re.sub(r"\s+", " ", s.lower()).strip(" .")


def _number(word: str) -> int:
    word = _key(word)
    return int(word) if word.isdigit() else _number_words()[word]


def _number_pattern() -> str:
    """The number words as a regex: a ten with an optional unit ("twenty-five"), or any other."""
    v = vocab()
    units = _alt(k for k, n in _number_words().items() if 1 <= n <= 9 and " " not in k and k not in ("a", "an"))
    return rf"(?:{_alt(v['compound_number_tens'])})(?:[\s-]+(?:{units}))?(?![\w-])|{_alt(v['numbers'])}"


@lru_cache(maxsize=1)
def _number_words() -> dict[str, int]:
    """The number words of dates.yaml and the two-digit ones composed from them ("twenty-five",
    "thirty one")."""
    v = vocab()
    words = {str(k): int(n) for k, n in v["numbers"].items()}
    units = {k: n for k, n in words.items() if 1 <= n <= 9 and " " not in k and k not in ("a", "an")}
    for ten in v["compound_number_tens"]:
        for unit, n in units.items():
            for joint in ("-", " "):
                words[f"{ten}{joint}{unit}"] = words[str(ten)] + n
    return words


def _day_number(word: str) -> int:
    word = _key(word)
    digits = re.match(r"\d+", word)
    return int(digits.group()) if digits else int(vocab()["ordinals"][word])


# --------------------------------------------------------------------------- tense


@lru_cache(maxsize=1)
def _tense_regexes() -> tuple[re.Pattern[str], re.Pattern[str]]:
    v = vocab()
    modal = rf"(?:{_alt(v['future_modals_unless_negated'])})(?!\w|\s+not\b|n?['’]t\b)"  # "can win", not "can't say"
    # "won’t", and a clitic joined to its word ("he'll", "he’ll"): typographic apostrophes too
    words = _alt(c for c in v["future_cues"] if not str(c).startswith("'")).replace("'", "['’]")
    clitics = _alt(str(c)[1:] for c in v["future_cues"] if str(c).startswith("'"))
    future = re.compile(rf"(?:(?<![\w'’])(?:{words})|(?<=\w)['’](?:{clitics}))(?!\w)|(?<![\w'’]){modal}", re.I)
    # A participle after a form of "be" is passive: the auxiliary carries the tense ("will be named").
    base_form = "".join(
        rf"(?<!\b{re.escape(str(w))} )" if str(w)[0].isalpha() else rf"(?<!{re.escape(str(w))} )"
        for w in v["modals_before_a_base_form"]
    )
    past = re.compile(
        rf"(?<!\bto )(?<!\bbe )(?<!\bis )(?<!\bare )(?<!\bbeing ){base_form}"
        rf"\b(?!(?:{_alt(v['not_past_ed_words'])})\b)(?:{_alt(v['past_cues'])}|\w{{3,}}ed)\b",
        re.I,
    )
    return future, past


def _clause(text: str, start: int, end: int) -> tuple[int, int]:
    """The stretch around a span up to the sentence or clause ends on either side (200 characters at most).
    The full stop of an abbreviation ("11 p.m. Monday", "Gen. Smith") ends no sentence."""
    left = max(_stop_before(text, start), _line_end_before(text, start), text.rfind("; ", 0, start), start - 200)
    quote = _QUOTE_AFTER_COLON.search(text, end, end + 200)
    ends = (_stop_after(text, end), _line_end_after(text, end), text.find("; ", end), quote.start() if quote else -1)
    rights = [i for i in ends if i >= 0]
    right = min(rights + [end + 200, len(text)])
    return max(left, 0), right


# Words quoted after a colon ("in an interview with CNN on Tuesday: ''You can easily argue ...''") are
# another event, the speaker's, with a tense of their own.
_QUOTE_AFTER_COLON = re.compile(r":\s*(?:''|``|[\"“‘])")


# A line ends a clause where it ends with a sentence's last mark (not an abbreviation's full stop);
# a line break, even a blank line, inside a running sentence is the hard wrap of a plain-text file
# or a cut a cleaner made in one: a space.
_LINE_END = re.compile(r"(?<=[.!?:;\"”’'])[^\S\n]*\n")


def _ends_a_clause(text: str, m: re.Match[str]) -> bool:
    return not ends_with_abbreviation(text[max(0, m.start() - 20) : m.start()])


def _line_end_before(text: str, start: int) -> int:
    """Where the last line that ends a clause before ``start`` ends (-1: none within 200 characters)."""
    found = -1
    for m in _LINE_END.finditer(text, max(0, start - 200), start):
        if _ends_a_clause(text, m):
            found = m.start()
    return found


def _line_end_after(text: str, end: int) -> int:
    """Where the first line that ends a clause after ``end`` ends (-1: none within 200 characters)."""
    for m in _LINE_END.finditer(text, end, end + 200):
        if _ends_a_clause(text, m):
            return m.start()
    return -1


def _stop_before(text: str, start: int) -> int:
    """Where the last full stop ending a sentence before ``start`` stands (-1: none)."""
    i = text.rfind(". ", 0, start)
    while i >= 0 and start - i < 200 and ends_with_abbreviation(text[max(0, i - 20) : i + 1]):
        i = text.rfind(". ", 0, i)
    return i


def _stop_after(text: str, end: int) -> int:
    """Where the first full stop ending a sentence after ``end`` stands (-1: none)."""
    i = text.find(". ", end)
    while i >= 0 and i - end < 200 and ends_with_abbreviation(text[max(0, i - 20) : i + 1]):
        i = text.find(". ", i + 1)
    return i


def tense(text: str, start: int, end: int, adjectives: frozenset[int] = frozenset()) -> str | None:
    """'future' or 'past' from the cues in the clause around a span (near ones only), else None.

    A future auxiliary before the date governs it ("will be named ... in December") unless a past
    cue stands between them; otherwise the nearest cue decides.
    """
    future_re, past_re = _tense_regexes()
    lo, hi = _clause(text, start, end)
    window = int(vocab()["tense_window"])
    lo, hi = max(lo, start - window), min(hi, end + window)
    hi = _before_a_complement_clause(text, start, end, hi)
    futures = [(m.start(), m.end()) for m in future_re.finditer(text, lo, hi) if not _plan_in_the_past(text, m.start())]
    pasts = [
        (m.start(), m.end())
        for m in past_re.finditer(text, lo, hi)
        if not any(s <= m.start() < e for s, e in futures)
        and not (start <= m.start() < end)
        and m.start() not in adjectives
        and not _capitalised_inside_a_sentence(text, m.start())
    ]
    before = [f for f in futures if f[1] <= start]
    if before and not any(before[-1][1] <= p[0] < start for p in pasts):
        return "future"
    cues = [(abs(_distance(s, e, start, end)), "future") for s, e in futures] + [
        (abs(_distance(s, e, start, end)), "past") for s, e in pasts
    ]
    return min(cues)[1] if cues else None


def _plan_in_the_past(text: str, i: int) -> bool:
    """A future cue in the past perfect ("had been due to expire Friday", "had agreed to meet"): the
    plan is seen from a past reference time (Reichenbach's E after R, R before now), so it says
    nothing of where the date lies from the publication date; 'had' itself stays a past cue."""
    return bool(_PAST_PERFECT_BEFORE.search(text, max(0, i - 40), i))


_PAST_PERFECT_BEFORE = re.compile(r"\bhad\s+(?:\w+ly\s+)?(?:been\s+)?$", re.I)


def _capitalised_inside_a_sentence(text: str, i: int) -> bool:
    """A capitalised word that does not open a sentence is part of a name ("the United Nations",
    "The Associated Press", "Mohammed"), no verb: no tense cue."""
    if not text[i].isupper():
        return False
    before = text[max(0, i - 40) : i].rstrip()
    return bool(before) and before[-1] not in _SENTENCE_OPENERS


_SENTENCE_OPENERS = ".!?:;\"“‘'(—"


def _before_a_complement_clause(text: str, start: int, end: int, hi: int) -> int:
    """Where the reported content after a named day or month begins ("Trump's announcement Friday
    that he would endorse", "told the paper on Tuesday that the government must", "a meeting on Monday
    with reporters, saying the deal might be signed", "announcing on Wednesday he would meet"): its
    tense is that of another event. After a unit ("in a year that already had") 'that' opens a
    relative clause about the date itself, which keeps its cues."""
    if _reporting_verb_before().search(text, max(0, start - 30), start):
        return end
    if not text[start:end].split()[-1][:1].isupper() and not text[end - 1].isdigit():
        return hi
    if _COMPLEMENT_THAT.match(text, end, hi):
        return end
    saying = _reporting_participle().search(text, end, hi)
    return saying.start() if saying else hi


_COMPLEMENT_THAT = re.compile(r"\s*,?\s*that\b")


@lru_cache(maxsize=1)
def _reporting_verb_before() -> re.Pattern[str]:
    """A verb of saying just before the date: the date is the saying's ("said Tuesday he would"),
    whatever follows is what was said."""
    return re.compile(rf"\b(?:{_alt(vocab()['reporting_verbs'])})\s+$", re.I)


@lru_cache(maxsize=1)
def _reporting_participle() -> re.Pattern[str]:
    return re.compile(rf",\s+(?:{_alt(vocab()['reporting_participles'])})\b", re.I)


def _distance(s: int, e: int, start: int, end: int) -> int:
    return s - end if s >= end else start - e


class _Clauses:
    """The spaCy parse of the text: the governing verb of a span and that verb's tense.

    As HeidelTime does for news: a weekday or a month without a year lies ahead when the verb that
    governs it is future or present ("will meet", "meet", "is due to meet", "plans to visit") and
    behind when it is past ("met", "said", "has met", "was meeting").
    """

    def __init__(self, tokens: Sequence[Token]):
        self.tokens = list(tokens)
        self.index = {t.i: k for k, t in enumerate(self.tokens)}
        self.starts = [t.start for t in self.tokens]
        # "-ed" words that modify a noun ("an unspecified date"): no past-tense cue
        self.adjectives = frozenset(t.start for t in self.tokens if t.dep == "amod")
        self.aux: dict[int, list[Token]] = {}
        for t in self.tokens:
            if t.dep in ("aux", "auxpass", "neg") and t.head != t.i:
                self.aux.setdefault(t.head, []).append(t)

    def token_at(self, start: int, end: int) -> Token | None:
        k = bisect.bisect_left(self.starts, start)
        return self.tokens[k] if k < len(self.tokens) and self.tokens[k].start < end else None

    def head_of(self, tok: Token) -> Token | None:
        k = self.index.get(tok.head)
        return None if k is None or tok.head == tok.i else self.tokens[k]

    def governing_verb(self, tok: Token, start: int, end: int) -> tuple[Token | None, bool]:
        """(the verb above ``tok``, whether a word of intent stands on the way: "effective June 1").

        None when a noun stands between them: a date inside a noun phrase ("Friday's purchases",
        "warnings from Moscow on Thursday") dates the noun's event, not the verb's.
        """
        intent = False
        for _ in range(int(vocab()["tense_max_climb"])):
            if tok.pos in ("VERB", "AUX"):
                return tok, intent
            if tok.lemma.lower() in _intent_words() and tok.pos != "ADP":  # "about to", not "about 11 p.m."
                intent = True
            elif tok.pos in ("NOUN", "PROPN", "PRON") and not (start <= tok.start < end):
                return None, intent
            head = self.head_of(tok)
            if head is None:
                return None, intent
            tok = head
        return None, intent

    def tense(self, start: int, end: int) -> str | None:
        tok = self.token_at(start, end)
        if tok is None:
            return None
        verb, intent = self.governing_verb(tok, start, end)
        if intent:
            return "future"
        for _ in range(int(vocab()["tense_max_climb"])):
            if verb is None:
                return None
            found, climb = self.verb_tense(verb)
            if not climb:
                return found
            head = self.head_of(verb)  # an infinitive: "plans to visit", "an agreement to buy", "due to meet"
            if head is None:
                return None
            if head.lemma.lower() in _intent_words():
                return "future"
            verb = head if head.pos in ("VERB", "AUX") else self.governing_verb(head, start, end)[0]
        return None

    def verb_tense(self, verb: Token) -> tuple[str | None, bool]:
        """(tense, whether the verb takes its tense from the verb above it)."""
        v = vocab()
        auxes = self.aux.get(verb.i, [])
        words = {a.text.lower() for a in auxes}
        if any(a.tag == "MD" for a in auxes):
            if words & set(v["past_modal_companions"]):  # "could have met"
                return "past", False
            if words & set(v["negated_past_modals"]) and words & set(v["negations"]):  # "could not say"
                return "past", False
            return "future", False
        if any(a.tag == "TO" for a in auxes):  # "plans to visit", "is due to meet": the governing verb
            return None, True
        tags = [a.tag for a in auxes if a.tag != "TO"]
        if any(a.lemma == "have" for a in auxes):
            return ("past", False)
        if tags:  # "is meeting", "was named", "did not say": the auxiliary carries the tense
            return ("past" if tags[0] == "VBD" else "future" if tags[0] in ("VBZ", "VBP") else None), False
        if verb.tag == "VBD":
            return "past", False
        if verb.tag in ("VBZ", "VBP"):
            return "future", False
        if verb.tag == "VBN":  # a participle without auxiliary: "the bomb found Sunday"
            return "past", False
        if verb.dep == "xcomp":  # "began withdrawing Friday": the tense of "began"
            return None, True
        if verb.tag == "VBG" and self.tenseless_participle(verb):
            return None, True  # "would leave ..., with the third departing from August 6": the tense of "leave"
        return None, False

    def tenseless_participle(self, verb: Token) -> bool:
        """A participle clause with no auxiliary has no tense of its own when it runs alongside the
        clause it hangs on: an adverbial one ("Speaking on Friday, he said") or the absolute after
        'with' ("would leave ..., with the third departing from August 6"). After 'despite', 'after'
        or 'for' its event has another time ("trails, despite winning in February")."""
        if verb.dep == "advcl":
            return True
        head = self.head_of(verb)
        return verb.dep == "pcomp" and head is not None and head.lemma.lower() in _absolute_prepositions()


@lru_cache(maxsize=1)
def _absolute_prepositions() -> frozenset[str]:
    return frozenset(str(w).lower() for w in vocab()["absolute_prepositions"])


@lru_cache(maxsize=1)
def _intent_words() -> frozenset[str]:
    return frozenset(str(w).lower() for w in vocab()["intent_lemmas"])


def _tense(ctx: _Ctx, start: int, end: int) -> str | None:
    """The tense of the clause of a span: from word cues (a future auxiliary, a past form, an -ed
    word), else, when there is a parse, from the verb that governs the span: a present-tense verb
    without any cue lies ahead, as in HeidelTime ("Arafat and Albright meet Monday")."""
    if _arrival_before().search(ctx.text, max(0, start - 12), start):
        return "future"  # "come November": when November comes
    adjectives = ctx.clauses.adjectives if ctx.clauses is not None else frozenset()
    found = tense(ctx.text, start, end, adjectives)
    if found is None and ctx.clauses is not None:
        return ctx.clauses.tense(start, end)
    return found


@lru_cache(maxsize=1)
def _arrival_before() -> re.Pattern[str]:
    return re.compile(rf"\b(?:{_alt(vocab()['arrival_words'])})\s+$", re.I)


def _future_in_the_past(text: str, start: int) -> bool:
    """Whether the future cue that governs a date is a past form of the future ("said they would
    light landmarks on Monday night"): the last future cue of the clause before the date."""
    lo = max(_clause(text, start, start)[0], start - int(vocab()["tense_window"]))
    future_re = _tense_regexes()[0]
    cues = [m for m in future_re.finditer(text, lo, start) if not _plan_in_the_past(text, m.start())]
    if not cues or not _past_future().search(text, max(0, cues[-1].start() - 12), cues[-1].end()):
        return False
    # "was going to" is past by itself; 'would' only in a past frame ("said they would"), not in a
    # present one ("are nearing an agreement that would see him endorse her on Tuesday")
    return cues[-1].group(0).lower() != "would" or bool(_tense_regexes()[1].search(text, lo, cues[-1].start()))


@lru_cache(maxsize=1)
def _past_future() -> re.Pattern[str]:
    return re.compile(rf"\b(?:{_alt(vocab()['future_in_the_past_cues'])})$", re.I)


# --------------------------------------------------------------------------- resolvers


def _year_for(ctx: _Ctx, m: re.Match[str], month: int, day: int | None) -> int | None:
    """The year of a month (and day) written without one, from the publication date and tense."""
    if ctx.pub is None:
        return None
    pub = ctx.pub
    when = _tense(ctx, m.start(), m.end())
    here = (month, day or (pub.day if month == pub.month else 1))
    now = (pub.month, pub.day)
    # Measured on TimeBank: the nearest year beats past-tense cues for a dated day ("closed Sept. 30"),
    # a future cue does not ("will depart from August 6"); a month alone follows tense after "in <Month>".
    if day is not None and _ended_period().search(ctx.text, max(0, m.start() - 30), m.start()):
        return pub.year if here <= now else pub.year - 1  # "the quarter ended Oct. 31": it has ended
    if _since(ctx, m.start()):
        return pub.year if here <= now else pub.year - 1  # "the worst day since October": behind
    if day is not None and when != "future":
        when = None
    elif day is None and not _tense_preposition().search(ctx.text, max(0, m.start() - 40), m.start()):
        # A month that modifies a noun ("would defeat Mr. Trump in a hypothetical November contest") lies
        # ahead when its clause looks ahead; a past clause may speak of a later event ("organize in the
        # March states"): the nearest year.
        ahead = when == "future" and _noun_modifier_after_a_preposition().search(
            ctx.text, max(0, m.start() - 40), m.start()
        )
        when = "future" if ahead else None
    if when == "past":
        return pub.year if here <= now or month == pub.month else pub.year - 1
    if when == "future":
        return pub.year if here >= now or month == pub.month else pub.year + 1
    return min(
        (pub.year - 1, pub.year, pub.year + 1), key=lambda y: _biased_distance(_safe_date(y, month, day or 15), pub)
    )


def _since(ctx: _Ctx, start: int) -> bool:
    """'since October', 'ever since Monday': the start of a stretch that reaches the present lies
    behind the publication date, whatever the tense of the clause."""
    return bool(_since_before().search(ctx.text, max(0, start - 24), start))


@lru_cache(maxsize=1)
def _since_before() -> re.Pattern[str]:
    return re.compile(rf"\b(?:{_alt(vocab()['past_only_prepositions'])})\s+(?:(?:early|late|mid)[\s-]+)?$", re.I)


@lru_cache(maxsize=1)
def _ended_period() -> re.Pattern[str]:
    return re.compile(r"\b(?:quarter|period|year|months|weeks)\s+(?:that\s+)?ended\s+(?:on\s+)?$", re.I)


@lru_cache(maxsize=1)
def _tense_preposition() -> re.Pattern[str]:
    parts = _alt(vocab()["month_parts"])
    return re.compile(rf"\b(?:{_alt(vocab()['tense_prepositions'])})\s+(?:(?:{parts})\s+of\s+)?$", re.I)


@lru_cache(maxsize=1)
def _noun_modifier_after_a_preposition() -> re.Pattern[str]:
    """'in a hypothetical November contest', 'after the November election': the month of the noun's event."""
    v = vocab()
    return re.compile(
        rf"\b(?:{_alt(v['tense_prepositions'])})\s+(?:{_alt(v['month_noun_articles'])})\s+(?:[a-z]+\s+)?$", re.I
    )


def _biased_distance(d: date, pub: date) -> float:
    """News mostly reports the past: a future date counts as a little farther."""
    days = (d - pub).days
    return days * float(vocab()["future_bias"]) if days > 0 else -days


def _safe_date(y: int, month: int, day: int) -> date:
    try:
        return date(y, month, day)
    except ValueError:
        return date(y, month, 28)


def _month_of(m: re.Match[str], group: str = "mon") -> int:
    return int(vocab()["months"][_key(m.group(group))])


def _full_year(m: re.Match[str], group: str) -> int | None:
    raw = m.group(group)
    if not raw:
        return None
    raw = raw.lstrip("'’")
    return int(raw) if len(raw) == 4 else (1900 + int(raw) if int(raw) >= 50 else 2000 + int(raw))


def _month_day(m: re.Match[str], ctx: _Ctx) -> Resolved:
    month, day = _month_of(m), _day_number(m.group("day"))
    year = _full_year(m, "year") or _shared_year(_day_list_year(), ctx.text, m.end())
    kind = "absolute" if year else "month-day"
    year = year or _year_of_weekday(m, ctx, month, day) or _year_for(ctx, m, month, day)
    if year is None:
        return None, None, kind
    return date(year, month, day), "day", kind


def _shared_year(pattern: re.Pattern[str], text: str, end: int) -> int | None:
    """The year written once after a list or range ("Sept. 14 and 18, 1994", "Jan. 12-14, 1995",
    "May and June 1996"): every member of it takes that year."""
    found = pattern.match(text, end)
    return int(found.group("year")) if found else None


@lru_cache(maxsize=1)
def _day_list_year() -> re.Pattern[str]:
    """After a month and day: a connector, another day of the same month, the year."""
    joins = _alt(vocab()["range_connectors"])
    return re.compile(rf"\s*(?:{joins})\s*[0-3]?\d(?:st|nd|rd|th)?(?!\d)\s*,?\s*(?P<year>[12]\d{{3}})(?!\d)", re.I)


@lru_cache(maxsize=1)
def _month_list_year() -> re.Pattern[str]:
    """After a month: a connector, another month, the year."""
    v = vocab()
    return re.compile(
        rf"\s*(?:{_alt(v['range_connectors'])})\s*(?:{_alt(v['months'])})\.?,?\s+(?P<year>[12]\d{{3}})(?!\d)", re.I
    )


def _year_of_weekday(m: re.Match[str], ctx: _Ctx, month: int, day: int) -> int | None:
    """'Monday, Dec. 1' without a year: the year next to publication in which that day is a Monday,
    when just one of the three is."""
    if ctx.pub is None or not m.groupdict().get("wdp"):
        return None
    weekday = int(vocab()["weekdays"][_key(m.group("wdp"))])
    years = [y for y in (ctx.pub.year - 1, ctx.pub.year, ctx.pub.year + 1) if _weekday_of(y, month, day) == weekday]
    return years[0] if len(years) == 1 else None


def _weekday_of(year: int, month: int, day: int) -> int | None:
    try:
        return date(year, month, day).weekday()
    except ValueError:
        return None


def _month_year(m: re.Match[str], ctx: _Ctx) -> Resolved:
    return date(int(m.group("year")), _month_of(m), 1), "month", "absolute"


def _month_alone(m: re.Match[str], ctx: _Ctx) -> Resolved:
    month = _month_of(m)
    mod = _key(m.group("mod") or "")
    shared = _shared_year(_month_list_year(), ctx.text, m.end())
    if shared is not None:
        return date(shared, month, 1), "month", "absolute"
    if not mod and (year := _year_of_the_sentence(ctx, m.start())) is not None:
        return date(year, month, 1), "month", "month"
    if ctx.pub is None:
        return None, None, "month"
    pub = ctx.pub
    if mod in ("last", "this past", "past"):
        year = pub.year if month < pub.month else pub.year - 1
    elif mod in ("next", "this coming", "coming"):
        year = pub.year if month > pub.month else pub.year + 1
    elif mod == "this":
        year = pub.year
    else:
        nearest = _year_for(ctx, m, month, None)
        if nearest is None:
            return None, None, "month"
        year = nearest
    return date(year, month, 1), "month", "month"


def _year_of_the_sentence(ctx: _Ctx, start: int) -> int | None:
    """'But in 2012, the president's reelection campaign spent ... beginning in April', 'Eight years
    ago, Obama ... having won 11 consecutive victories in February': a year fronted before its
    sentence's first comma frames the whole sentence (its temporal focus); a month without a year in
    that sentence is in that year, not in the one nearest the publication date."""
    if not ctx.prior or ctx.prior[-1][1] != "year" or not ctx.text.startswith(",", ctx.last_end):
        return None
    if _SENTENCE_BREAK.search(ctx.text, ctx.last_end, start):
        return None
    lo = max(0, ctx.last_end - 60)
    breaks = list(_SENTENCE_BREAK.finditer(ctx.text, lo, ctx.last_end))
    if not breaks and lo > 0:
        return None
    opening = ctx.text[breaks[-1].end() if breaks else 0 : ctx.last_end]
    return ctx.prior[-1][0].year if len(opening.split()) <= int(vocab()["fronted_year_max_words"]) else None


_SENTENCE_BREAK = re.compile(r"[.!?;:][\"”’']*\s|\n")


def _mod_month_day(m: re.Match[str], ctx: _Ctx) -> Resolved:
    """'this Nov. 24', 'last March 3', 'next June 1': the day in the year its modifier names, counted
    from the publication date (the month and day, not the month alone)."""
    month, day = _month_of(m), _day_number(m.group("day"))
    if ctx.pub is None:
        return None, None, "month-day"
    pub, mod = ctx.pub, _key(m.group("mod"))
    here, now = (month, day), (pub.month, pub.day)
    if mod in ("last", "this past", "past"):
        year = pub.year if here < now else pub.year - 1
    elif mod in ("next", "this coming", "coming"):
        year = pub.year if here > now else pub.year + 1
    else:
        year = pub.year
    return date(year, month, day), "day", "month-day"


def _iso(m: re.Match[str], ctx: _Ctx) -> Resolved:
    return date(int(m.group("y")), int(m.group("m")), int(m.group("d"))), "day", "absolute"


def _numeric(m: re.Match[str], ctx: _Ctx) -> Resolved:
    a, b = int(m.group("a")), int(m.group("b"))
    month, day = (a, b) if a <= 12 else (b, a)
    return date(_full_year(m, "year") or 0, month, day), "day", "absolute"  # year 0: ValueError, no date


def _year(m: re.Match[str], ctx: _Ctx) -> Resolved:
    return date(int(m.group("year")), 1, 1), "year", "year"


def _short_range_end(m: re.Match[str], ctx: _Ctx) -> Resolved:
    """The end of a span of years written short ('1982-83', 'the 2008-09 season'): the first year's
    century, the next one where the two digits lie below it ('1999-00')."""
    return date(_short_end_year(int(m.group("first")), m.group("short")), 1, 1), "year", "year"


def _short_end_year(first: int, short: str) -> int:
    year = first // 100 * 100 + int(short)
    return year + 100 if year <= first else year


def _short_year(m: re.Match[str], ctx: _Ctx) -> Resolved:
    """A year as "in '96": the century from _full_year (1950-2049)."""
    year = _full_year(m, "year")
    return (date(year, 1, 1), "year", "year") if year else (None, None, "year")


def _spelled_year(m: re.Match[str], ctx: _Ctx) -> Resolved:
    v = vocab()
    year = v["year_centuries"][_key(m.group("c"))] * 100 + v["year_tens"][_key(m.group("t"))]
    if m.group("o"):
        year += _number(m.group("o"))
    return date(year, 1, 1), "year", "year"


def _year_phrase(m: re.Match[str], ctx: _Ctx) -> Resolved:
    offset = int(vocab()["year_phrases"][_key(m.group("p"))])
    if offset == 0 and (ending := _YEAR_ENDING_ON.match(ctx.text, m.end())):
        return date(int(ending.group("year")), 1, 1), "year", "absolute"
    if ctx.pub is None:
        return None, None, "relative"
    return shift(ctx.pub, "year", offset), "year", "relative"


# "the (fiscal) year ending June 30, 1990": a fiscal year is named for the year it ends in, whatever
# the publication date (TIMEX3 marks the phrase a year-long span anchored on that end).
_YEAR_ENDING_ON = re.compile(
    r",?\s+(?:that\s+)?(?:ended|ending|ends)\s+(?:on\s+)?[A-Z][a-z]+\.?\s+\d{1,2},?\s+(?P<year>[12]\d{3})\b"
)


def _month_rel_year(m: re.Match[str], ctx: _Ctx) -> Resolved:
    if ctx.pub is None:
        return None, None, "month"
    offset = int(vocab()["unit_modifiers"][_key(m.group("mod"))])
    return date(ctx.pub.year + offset, _month_of(m), 1), "month", "month"


def _day_rel_year(m: re.Match[str], ctx: _Ctx) -> Resolved:
    """'Feb. 14 of last year', '3 March next year': the day in the year the modifier names."""
    if ctx.pub is None:
        return None, None, "month-day"
    offset = int(vocab()["unit_modifiers"][_key(m.group("mod"))])
    return date(ctx.pub.year + offset, _month_of(m), _day_number(m.group("day"))), "day", "month-day"


def _that_year(ctx: _Ctx) -> int | None:
    """The year of 'that year', 'the same year': the date mentioned last at year precision or finer."""
    found = ctx.anchor("year")
    return found[0].year if found else None


def _month_that_year(m: re.Match[str], ctx: _Ctx) -> Resolved:
    """'November of that year': the month in the year mentioned last (TIMEX3 anchorTimeID); with no
    year before it, the month as if written alone."""
    year = _that_year(ctx) or _year_for(ctx, m, _month_of(m), None)
    return (date(year, _month_of(m), 1), "month", "anaphoric") if year else (None, None, "anaphoric")


def _day_that_year(m: re.Match[str], ctx: _Ctx) -> Resolved:
    """'Jan. 19 of that year', 'the 19th of January of the same year': the day in the year mentioned last."""
    month, day = _month_of(m), _day_number(m.group("day"))
    year = _that_year(ctx) or _year_for(ctx, m, month, day)
    return (date(year, month, day), "day", "anaphoric") if year else (None, None, "anaphoric")


def _month_spelled_year(m: re.Match[str], ctx: _Ctx) -> Resolved:
    year = _spelled_year(m, ctx)[0]
    if year is None:
        return None, None, "absolute"
    return date(year.year, _month_of(m), 1), "month", "absolute"


def _thousands(m: re.Match[str], ctx: _Ctx) -> Resolved:
    year = int(vocab()["year_thousands"][_key(m.group("th"))]) + (_number(m.group("o")) if m.group("o") else 0)
    return date(year, 1, 1), "year", "year"


def _decade(m: re.Match[str], ctx: _Ctx) -> Resolved:
    groups = m.groupdict()
    if groups.get("full"):
        return date(int(m.group("full")) * 10, 1, 1), "decade", "decade"
    digit = int(groups["short"]) if groups.get("short") else int(vocab()["decade_words"][_key(m.group("word"))])
    if groups.get("cent"):  # "the nineteen-nineties"
        return date(int(vocab()["year_centuries"][_key(m.group("cent"))]) * 100 + digit * 10, 1, 1), "decade", "decade"
    reference = ctx.pub or (found[0] if (found := ctx.anchor("decade")) else None)
    if reference is None:  # no publication date: the century of the date mentioned last ("in 1950 ... the 50s")
        return None, None, "decade"
    century = reference.year // 100 * 100
    year = century + digit * 10
    if year > reference.year and ctx.pub is not None:
        year -= 100
    return date(year, 1, 1), "decade", "decade"


def _decade_ok(m: re.Match[str], text: str) -> bool:
    """'the 90s' without an apostrophe (HeidelTime's decades) is a decade unless a measure stands
    just before it ('temperatures in the 90s', 'scores in the 80s'). An opening quote typed for the
    apostrophe of elision ('the ‘90s', as word processors write it) marks a decade like one."""
    if m.group("short") is None or any(mark in m.group(0) for mark in "'’‘"):
        return True
    return not _decade_measure_before().search(text, max(0, m.start() - 40), m.start())


@lru_cache(maxsize=1)
def _decade_measure_before() -> re.Pattern[str]:
    return re.compile(rf"\b(?:{_alt(vocab()['decade_measure_words'])})\b[^.;]*$", re.I)


def _season_start_month(m: re.Match[str]) -> int:
    return int(vocab()["seasons"][_key(m.group("season"))])


def _season_year(m: re.Match[str], ctx: _Ctx) -> Resolved:
    """'the summer of 2016', 'spring 2016', 'winter, 1998': TIMEX3 2016-SU (a winter by its December's year)."""
    return date(int(m.group("year")), _season_start_month(m), 1), "season", "absolute"


def _season_spelled_year(m: re.Match[str], ctx: _Ctx) -> Resolved:
    """'the winter of nineteen ninety-four': 1994-WI."""
    year = _spelled_year(m, ctx)[0]
    return (date(year.year, _season_start_month(m), 1), "season", "absolute") if year else (None, None, "season")


def _current_season(pub: date) -> date:
    """The start of the season the publication date lies in (January and February: the last December's winter)."""
    month = (pub.month - 3) % 12 // 3 * 3 + 3
    return date(pub.year - 1 if pub.month < 3 else pub.year, month, 1)


def _season_candidates(m: re.Match[str], pub: date) -> list[date]:
    start = _season_start_month(m)
    return [date(y, start, 1) for y in (pub.year - 2, pub.year - 1, pub.year, pub.year + 1)]


def _season_mod(m: re.Match[str], ctx: _Ctx) -> Resolved:
    """'last summer': the latest such season before the current one; 'next spring': the first after it;
    'this winter': the one of the publication's year (the current one, while it lasts)."""
    if ctx.pub is None:
        return None, None, "season"
    mod, now = _key(m.group("mod")), _current_season(ctx.pub)
    candidates = _season_candidates(m, ctx.pub)
    if mod in ("last", "this past", "past"):
        return max(d for d in candidates if d < now), "season", "season"
    if mod in ("next", "this coming", "coming"):
        return min(d for d in candidates if d > now), "season", "season"
    this_year = date(ctx.pub.year, _season_start_month(m), 1)
    return (now if now.month == this_year.month else this_year), "season", "season"


@lru_cache(maxsize=1)
def _approach_before() -> re.Pattern[str]:
    return re.compile(rf"\b(?:{_alt(vocab()['approach_words'])})\s+the\s+(?:(?:early|late)\s+)?$", re.I)


def _season_alone(m: re.Match[str], ctx: _Ctx) -> Resolved:
    """'over the summer', 'in the spring': by the tense of the clause, the last such season begun (the
    current one included) or the next one not yet over; without a cue the nearest one."""
    pub = ctx.pub
    if pub is None:
        return None, None, "season"
    now = _current_season(pub)
    candidates = _season_candidates(m, pub)
    when = "past" if _since(ctx, m.start()) else _tense(ctx, m.start(), m.end())
    if when is None and _approach_before().search(ctx.text, max(0, m.start() - 30), m.start("season")):
        when = "future"  # "heading into the fall": a season approached lies ahead of the time spoken of
    if when == "past":
        return max(d for d in candidates if d <= now), "season", "season"
    if when == "future":
        return min(d for d in candidates if d >= now), "season", "season"
    middle = timedelta(days=45)
    return min(candidates, key=lambda d: _biased_distance(d + middle, pub)), "season", "season"


def _weekday(m: re.Match[str], ctx: _Ctx) -> Resolved:
    if ctx.pub is None:
        return None, None, "weekday"
    target = int(vocab()["weekdays"][_key(m.group("wd"))])
    mod = _key(m.group("mod") or "")
    pub = ctx.pub
    back = (pub.weekday() - target) % 7  # days back to the most recent such day (0 = today)
    if mod in ("the previous", "the following"):
        found = ctx.anchor("day")
        if found is None:
            return None, None, "anaphoric"
        ref = found[0]
        if mod == "the previous":
            return ref - timedelta(days=(ref.weekday() - target) % 7 or 7), "day", "anaphoric"
        return ref + timedelta(days=(target - ref.weekday()) % 7 or 7), "day", "anaphoric"
    if mod in ("last", "this past", "past"):
        return pub - timedelta(days=back or 7), "day", "weekday"
    if mod in ("next", "this coming", "coming"):
        return pub + timedelta(days=(target - pub.weekday()) % 7 or 7), "day", "weekday"
    if not _since(ctx, m.start()) and _tense(ctx, m.start(), m.end()) == "future":
        ahead = pub + timedelta(days=(target - pub.weekday()) % 7)
        if _future_in_the_past(ctx.text, m.start()):  # ahead of a past saying: the nearer of the two
            return min(ahead, pub - timedelta(days=back), key=lambda d: _biased_distance(d, pub)), "day", "weekday"
        return ahead, "day", "weekday"
    return pub - timedelta(days=back), "day", "weekday"


def _holiday(m: re.Match[str], ctx: _Ctx) -> Resolved:
    """'Christmas', 'last Easter', 'Thanksgiving 1997': the holiday's day in the year written, the
    modifier's year, or (as a month and day written alone) the nearest, ahead under a future cue."""
    name = _key(m.group("h")).replace("’", "'")
    if _holiday_name_word().match(ctx.text, m.end()):
        return None, None, SPAN  # 'the Good Friday agreement': a name (its "Friday" no weekday either)
    year = _full_year(m, "year")
    if year is not None:
        return holiday_date(name, year), "day", "absolute"
    if ctx.pub is None:
        return None, None, "holiday"
    pub, mod = ctx.pub, _key(m.group("mod") or "")
    days = {y: holiday_date(name, y) for y in (pub.year - 1, pub.year, pub.year + 1)}
    if mod in ("last", "this past"):
        return max(d for d in days.values() if d < pub), "day", "holiday"
    if mod in ("next", "this coming"):
        return min(d for d in days.values() if d > pub), "day", "holiday"
    if mod == "this":
        return days[pub.year], "day", "holiday"
    if _since(ctx, m.start()):
        return max(d for d in days.values() if d <= pub), "day", "holiday"
    when = _tense(ctx, m.start(), m.end())
    if when == "future":
        return min(d for d in days.values() if d >= pub), "day", "holiday"
    if when == "past":  # as a month by tense (HeidelTime's UNDEF-year): "sentenced for a New Year's Day shooting"
        return max(d for d in days.values() if d <= pub or (d.year, d.month) == (pub.year, pub.month)), "day", "holiday"
    return min(days.values(), key=lambda d: _biased_distance(d, pub)), "day", "holiday"


def holiday_date(name: str, year: int) -> date:
    """The day of a holiday of ``vocab()['holidays']`` in ``year``."""
    rule = str(vocab()["holidays"][name])
    if rule.startswith("easter"):
        return easter_sunday(year) + timedelta(days=int(rule.split()[1]))
    month, rest = rule.split("-", 1)
    if rest.isdigit():
        return date(year, int(month), int(rest))
    weekday, n = rest.split()
    return nth_weekday(year, int(month), int(vocab()["weekdays"][weekday]), int(n))


def nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    """The n-th ``weekday`` (0 = Monday) of a month; n = -1: the last."""
    if n < 0:
        last = date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)
        return last - timedelta(days=(last.weekday() - weekday) % 7)
    first = date(year, month, 1)
    return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))


def easter_sunday(year: int) -> date:
    """Western Easter Sunday (the Gregorian computus, anonymous algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month, day = divmod(h + l_ - 7 * m + 114, 31)
    return date(year, month, day + 1)


def _day_word(m: re.Match[str], ctx: _Ctx) -> Resolved:
    if ctx.pub is None:
        return None, None, "relative"
    offset = int(vocab()["day_words"][_key(m.group("w"))])
    return ctx.pub + timedelta(days=offset), "day", "relative"


def _ordinal_day_now(m: re.Match[str], ctx: _Ctx) -> Resolved:
    """'It's the second day of an offensive': the present tense makes that day today (TIMEX3: an
    anchored day whose anchor is the speech time)."""
    return (ctx.pub, "day", "relative") if ctx.pub else (None, None, "relative")


def _unit_mod(m: re.Match[str], ctx: _Ctx) -> Resolved:
    unit = _key(m.group("unit"))
    if ctx.pub is None:
        return None, None, "relative"
    offset = int(vocab()["unit_modifiers"][_key(m.group("mod"))])
    return shift(ctx.pub, unit, offset), unit, "relative"


def _in_the_unit(m: re.Match[str], ctx: _Ctx) -> Resolved:
    """'earlier in the year', 'by the end of the day': the current unit; 'the day' is the day the text
    speaks of, the one named last ('remarks on Tuesday night ... earlier in the day'), when it named one
    just before (TIMEX3: anchored on the temporal focus)."""
    unit = _key(m.groupdict().get("unit") or m.group("unit2"))
    if unit == "day" and ctx.prior and ctx.prior[-1][1] == "day":
        return ctx.prior[-1][0], "day", "anaphoric"
    if ctx.pub is None:
        return None, None, "relative"
    return period_start(ctx.pub, unit), unit, "relative"


def _ago(m: re.Match[str], ctx: _Ctx) -> Resolved:
    unit = _key(m.group("unit")).rstrip("s")
    n = _number(m.group("n"))
    direction = _key(m.group("dir"))
    sign = int({**vocab()["ago_words"], **vocab()["anaphoric_shift_words"]}[direction])
    kind = "relative"
    base = ctx.pub
    if direction in vocab()["anaphoric_shift_words"] and (unit in ("day", "week") or sign > 0):
        if ctx.prior and _rank(ctx.prior[-1][1]) > _rank(unit):
            return None, None, "anaphoric"  # 'in February ... died four days later': from an unknown day
        found = ctx.anchor(unit)
        if found:
            base, kind = found[0], "anaphoric"
    if unit == "year" and n == 1 and sign < 0 and (quarter := _year_ago_quarter(ctx, m.start())):
        return quarter
    if unit == "year" and kind == "relative" and direction in vocab()["anaphoric_shift_words"]:
        if (closing := ctx.period_closing(m.start())) is not None:
            # "for the six months ended Aug. 12 ... compared with ... a year earlier": the comparable
            # period, which ends on that day a year away (the anchor's day, as HeidelTime keeps it)
            return _safe_date(closing.year + sign * n, closing.month, closing.day), "day", "anaphoric"
    if base is None:
        return None, None, kind
    if kind == "relative" and (days := vocab()["distance_to_a_day_units"].get(unit)):
        return base + timedelta(days=sign * n * days), "day", kind  # "two weeks ago": the day 14 days back
    return shift(base, unit, sign * n), unit, kind


def _vague(m: re.Match[str], ctx: _Ctx) -> Resolved:
    """'days after', 'weeks before': a coarse period around the date mentioned last, when that is a
    day. Counted from a month or a year ('a statement in March ... a few days later') or from nothing,
    the day it counts from is unknown: no date, as for 'the next day' (not the publication's week)."""
    unit = _key(m.group("u"))
    if not ctx.prior or ctx.prior[-1][1] != "day":
        return None, None, "anaphoric"
    base = ctx.prior[-1][0]
    sign = 1 if _key(m.group("dir")) in ("after", "later") else -1
    precision, days = {"hours": ("day", 0), "days": ("week", 3), "weeks": ("month", 14), "months": ("year", 60)}[unit]
    return period_start(base + timedelta(days=sign * days), precision), precision, "anaphoric"


def _same_day(m: re.Match[str], ctx: _Ctx) -> Resolved:
    raw = str(vocab()["same_day_phrases"][_key(m.group("p"))])
    unit = {"m": "month", "w": "week", "y": "year", "d": "decade"}.get(raw[-1], "day")
    n = int(raw.rstrip("mwyd"))
    found = ctx.anchor(unit)
    if found:
        return shift(found[0], unit, n), unit, "anaphoric"
    if ctx.pub is None:
        return None, None, "anaphoric"
    if n and unit != "day":  # no date before it: "the year before" counts from the publication date
        return shift(ctx.pub, unit, n), unit, "relative"
    if unit == "day":  # "that day", "the next day" with no day named before: the event's day is unknown
        return None, None, "anaphoric"
    precision = coarser(unit)
    return period_start(ctx.pub, precision), precision, "anaphoric"


def _appositive_unit(m: re.Match[str], ctx: _Ctx) -> Resolved:
    """'Oct. 12, the day before the plunge': 'the day' renames the date just before it (at the
    unit's precision); with no such date the event it is anchored on is unknown: no date."""
    unit = _key(m.group("u"))
    adjacent = ctx.prior and ctx.text[ctx.last_end : m.start()].strip() == ","
    if not adjacent:
        return None, None, SPAN
    d, precision = ctx.prior[-1]
    if _rank(precision) > _rank(unit):
        return None, None, SPAN
    return period_start(d, unit), unit, "anaphoric"


def _apposition(m: re.Match[str], ctx: _Ctx) -> Resolved:
    """'in 2010, the year the Supreme Court's Citizens United decision ...', 'built in 1935, the same
    year that ...': after a comma, 'the (same) year' renames the date just before it (at the unit's
    precision). Elsewhere 'the year' is the current one, as a year phrase; 'the same day' unknown."""
    unit = _key(m.group("u"))
    adjacent = ctx.prior and ctx.text[ctx.last_end : m.start()].strip() == ","
    if adjacent and _rank(ctx.prior[-1][1]) <= _rank(unit):
        return period_start(ctx.prior[-1][0], unit), unit, "anaphoric"
    if unit == "year" and not m.group("same") and ctx.pub is not None:
        return period_start(ctx.pub, "year"), "year", "relative"
    return None, None, "anaphoric"


def _then(m: re.Match[str], ctx: _Ctx) -> Resolved:
    """'until then': the date mentioned last, at its precision."""
    if not ctx.prior:
        return None, None, "anaphoric"
    d, precision = ctx.prior[-1]
    return d, precision, "anaphoric"


def _elliptic(m: re.Match[str], ctx: _Ctx) -> Resolved:
    """'more this year than last': the unit of the 'this <unit>' just before, one back (or ahead)."""
    between = ctx.text[ctx.last_end : m.start()]
    if not ctx.prior or ctx.pub is None or len(between) > int(vocab()["elliptic_reach"]) or re.search(r"[.;]", between):
        return None, None, SPAN
    d, precision = ctx.prior[-1]
    if precision not in ("week", "month", "quarter", "year") or d != period_start(ctx.pub, precision):
        return None, None, SPAN
    return shift(ctx.pub, precision, -1 if _key(m.group("w")) == "last" else 1), precision, "relative"


def _in_count(m: re.Match[str], ctx: _Ctx) -> Resolved:
    """'(will ...) in five years': that many units after the publication date; a span otherwise, also
    after a modal of ability ('can accept 85,000 in a year': a rate) and in a clause in the perfect
    ('a dress she hasn't worn in six months': the span up to now)."""
    before = max(0, m.start() - 80)
    if (
        _tense(ctx, m.start(), m.end()) != "future"
        or _ordinal_before().search(ctx.text, max(0, m.start() - 40), m.start())
        or _ability_modal().search(ctx.text, before, m.start())
        or _perfect_after_the_future_cue(ctx.text, before, m.start())
    ):
        return None, None, SPAN
    if ctx.pub is None:
        return None, None, "relative"
    unit = _key(m.group("unit")).rstrip("s")
    return shift(ctx.pub, unit, _number(m.group("n"))), unit, "relative"


def _perfect_after_the_future_cue(text: str, start: int, end: int) -> bool:
    """A perfect auxiliary ('has', "hasn't", 'had') after the last future cue before ``end``:
    "she'll wear a dress she hasn't worn in six months" (not "they have said it will open in six months")."""
    cues = [c.end() for c in _tense_regexes()[0].finditer(text, start, end)]
    return bool(_PERFECT.search(text, cues[-1] if cues else start, end))


_PERFECT = re.compile(
    r"\b(?:has|have|had)(?:n['’]t|\s+not|\s+never)?\b|\b(?:he|she|it|they|we|you|i)['’](?:s|ve|d)\b", re.I
)


@lru_cache(maxsize=1)
def _ordinal_before() -> re.Pattern[str]:
    """'the fifth coach in four years', 'the first time in five years', 'its lowest in 33 years': a
    count of occasions or an extreme over a span (TIMEX3 DURATION), not a date ahead."""
    v = vocab()
    ordinals = _alt([*v["ordinals"], *v["superlatives"]])
    return re.compile(rf"\b(?:{ordinals}|\d+(?:st|nd|rd|th))\b[^.;:!?]*$", re.I)


@lru_cache(maxsize=1)
def _ability_modal() -> re.Pattern[str]:
    return re.compile(rf"\b(?:{_alt(vocab()['future_modals_unless_negated'])})\b", re.I)


def _quarter(m: re.Match[str], ctx: _Ctx) -> Resolved:
    raw = _key(m.group("q"))
    q = int(raw) if raw.isdigit() else int(vocab()["quarter_ordinals"][raw])
    year = _full_year(m, "y1") or _full_year(m, "y2")
    if year is None:
        if ctx.pub is None:
            return None, None, "quarter"
        rel, rel2 = m.groupdict().get("rel"), m.groupdict().get("rel2")
        year = ctx.pub.year + (int(vocab()["quarter_year_modifiers"][_key(rel)]) if rel else 0)
        if rel2:  # "the third quarter of last year" (HeidelTime date_r11c)
            return (
                date(ctx.pub.year + int(vocab()["unit_modifiers"][_key(rel2)]), 3 * (q - 1) + 1, 1),
                "quarter",
                "quarter",
            )
        start = date(year, 3 * (q - 1) + 1, 1)
        if not rel and _not_begun(start, ctx, m):
            year -= 1  # "profit fell in the fourth quarter", published in January: last year's
        elif not rel and _long_over(start, ctx, m):
            year += 1  # "the sale should close in the first quarter", published in November: next year's
    return date(year, 3 * (q - 1) + 1, 1), "quarter", "quarter"


def _not_begun(start: date, ctx: _Ctx, m: re.Match[str]) -> bool:
    """A quarter named without a year that begins after the publication date, in a clause that does
    not look ahead: it lies behind, a year earlier (as HeidelTime reads a part of a year by tense)."""
    return ctx.pub is not None and start > ctx.pub and _tense(ctx, m.start(), m.end()) != "future"


def _long_over(start: date, ctx: _Ctx, m: re.Match[str]) -> bool:
    """A quarter named without a year that ended before the last completed quarter, in a clause that
    looks ahead: the next one of that name (HeidelTime reads a part of a year by tense, as a month).
    The quarter just completed stays this year's: reports of it are announced ahead ("will report
    third-quarter results" in October)."""
    if ctx.pub is None:
        return False
    last_completed = shift(ctx.pub, "quarter", -1)
    return start < last_completed and _tense(ctx, m.start(), m.end()) == "future"


def _quarter_phrase(m: re.Match[str], ctx: _Ctx) -> Resolved:
    phrase = _key(m.group("p"))
    focus = ctx.topic if phrase in vocab()["focus_quarter_phrases"] else None
    if focus is not None:
        offset = int(vocab()["focus_quarter_phrases"][phrase])
        return shift(focus, "quarter", offset), "quarter", "anaphoric" if offset else "quarter"
    if ctx.pub is None:
        return None, None, "quarter"
    offset = int(vocab()["quarter_phrases"].get(phrase, vocab()["focus_quarter_phrases"].get(phrase, 0) - 1))
    return shift(ctx.pub, "quarter", offset), "quarter", "quarter"


@lru_cache(maxsize=1)
def _period_end() -> re.Pattern[str]:
    return re.compile(r"\b(?:quarter|period|year|months)\s+(?:ended|ending|ends)\s+$", re.I)


@lru_cache(maxsize=1)
def _period_breaker() -> re.Pattern[str]:
    return re.compile(rf"\b(?:{_alt(vocab()['reporting_periods'])})\b", re.I)


def _year_ago_quarter(ctx: _Ctx, start: int) -> Resolved | None:
    """In a report about a quarter, a year-ago comparison is the same quarter a year before."""
    focus = ctx.quarter_in_focus(start)
    return None if focus is None else (shift(focus, "quarter", -4), "quarter", "anaphoric")


def _year_adjective(m: re.Match[str], ctx: _Ctx) -> Resolved:
    offset = int(vocab()["year_adjectives"][_key(m.group("p"))])
    if offset == -1 and (found := _year_ago_quarter(ctx, m.start())):
        return found
    if offset == 0 and _since(ctx, m.start()):
        offset = -1  # "the change since year-end": the last year-end that has passed
    if ctx.pub is None:
        return None, None, "relative"
    return shift(ctx.pub, "year", offset), "year", "relative"


def _period_of_year(m: re.Match[str], ctx: _Ctx) -> Resolved:
    """'the 1988 period': the quarter in focus, in that year; else the year."""
    year = int(m.group("year"))
    focus = ctx.quarter_in_focus(m.start())
    if m.group("noun").lower() == "quarter":
        focus = focus or ctx.topic
    if focus is None:
        return date(year, 1, 1), "year", "year"
    return date(year, focus.month, 1), "quarter", "anaphoric"


# --------------------------------------------------------------------------- validators


def _months_ok(m: re.Match[str], text: str) -> bool:
    """Ambiguous month words ("may", "march") only when capitalised."""
    word = m.group("mon")
    return _key(word) not in vocab()["ambiguous_months"] or word[:1].isupper()


_MONTH_CONTEXT = re.compile(
    r"(?:\b(?:in|last|next|this|early|late|mid|since|until|till|through|by|of|during|from|to|before|after|"
    r"between|and|or|past|coming|end|beginning|start|on)\s+|-)$",
    re.I,
)


def _month_alone_ok(m: re.Match[str], text: str) -> bool:
    if not _months_ok(m, text) or _is_set(m, text):
        return False
    word = _key(m.group("mon"))
    if word not in vocab()["ambiguous_months"] and len(word) > 3:
        return True
    if m.group("mod"):
        return True
    if _MARCH_ON.match(text, m.end()) and not _month_preposition().search(text, max(0, m.start() - 12), m.start()):
        return False  # "the Coalition to Stop Trump and March on the RNC": a march on a place
    return bool(_MONTH_CONTEXT.search(text[max(0, m.start() - 12) : m.start()])) or _month_before_noun(m, text)


# "March on Washington", "March on the RNC" (Merriam-Webster: march on, to go to a place to protest):
# 'March' before 'on' and a name is the walk, unless a preposition of time makes it the month
# ("in March on the Senate floor").
_MARCH_ON = re.compile(r"(?<=March)\s+on\s+(?:the\s+)?[A-Z]")


@lru_cache(maxsize=1)
def _month_preposition() -> re.Pattern[str]:
    return re.compile(rf"\b(?:{_alt(vocab()['month_time_words'])})\s+$", re.I)


def _month_before_noun(m: re.Match[str], text: str) -> bool:
    """'a May shootout', 'the March elections': an article before the month, a lower-case noun after."""
    before, after = _month_noun_patterns()
    return bool(before.search(text, max(0, m.start() - 6), m.start()) and after.match(text, m.end()))


@lru_cache(maxsize=1)
def _month_noun_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    v = vocab()
    before = re.compile(rf"(?<![\w'])(?:{_alt(v['month_noun_articles'])})\s+$", re.I)
    after = re.compile(rf" (?!(?:{_alt(v['month_noun_not_after'])})\b)[a-z]{{3,}}\b")
    return before, after


def _holiday_ok(m: re.Match[str], text: str) -> bool:
    """Written capitalised; a holiday that other countries keep on other days not after an owner
    ("Kenya's Independence Day", "Mexican Independence Day")."""
    if not m.group("h")[:1].isupper() or _holiday_in_a_name(m, text):
        return False
    if _key(m.group("h")).replace("’", "'") not in vocab()["holidays_of_a_country"] or m.group("mod"):
        return True
    return not _owned(text, m.start())


def _holiday_in_a_name(m: re.Match[str], text: str) -> bool:
    """'the Christmas Box House', 'the Easter Parade Committee': after 'the', a holiday followed by a
    capitalised word is the first word of a proper name, which TIMEX3 does not mark."""
    before = text[max(0, m.start() - 5) : m.start()]
    return bool(re.search(r"(?<!\w)the\s+$", before, re.I) and re.match(r" [A-Z][a-z]", text[m.end() : m.end() + 3]))


def _owned(text: str, start: int) -> bool:
    """A possessive ("Kenya's") or a capitalised word that does not open the sentence ("Mexican")
    just before ``start``."""
    before = text[max(0, start - 40) : start]
    if re.search(r"\w['’]s?\s+$", before):
        return True
    word = re.search(r"(\S+)\s+$", before)
    if word is None or not word.group(1)[:1].isupper():
        return False
    opening = text[: max(0, start - 40) + word.start(1)].rstrip()
    return bool(opening) and opening[-1] not in '.!?"“:'


@lru_cache(maxsize=1)
def _holiday_name_word() -> re.Pattern[str]:
    return re.compile(rf"\s+(?:{_alt(vocab()['holiday_name_words'])})\b", re.I)


def _day_ok(m: re.Match[str], text: str) -> bool:
    try:
        day = _day_number(m.group("day"))
    except (KeyError, ValueError):
        return False
    return 1 <= day <= 31 and _months_ok(m, text)


def _not_our_times(m: re.Match[str], text: str) -> bool:
    """'today's world', "today's version of the Industrial Revolution": 'today' as 'nowadays' (TIMEX3
    PRESENT_REF, the TIDES guidelines' generic 'today'), no day."""
    return not (_key(m.group("w")) == "today" and _era_after_today().match(text, m.end()))


@lru_cache(maxsize=1)
def _era_after_today() -> re.Pattern[str]:
    return re.compile(rf"['’]s\s+(?:\w+\s+)?(?:{_alt(vocab()['nouns_of_our_times'])})\b", re.I)


# After "before"/"after", the next word (a line break there is a hard wrap or a cleaner's cut in
# the sentence: a space) opens its complement (a noun phrase, a clause, a name, a date: "after the
# vote", "after Qantas cut flights", "before closing", "after Oct. 12"), except an anaphor of the
# date mentioned last ("two days after that").
_COMPLEMENT_START = re.compile(r"\s+(?!(?:that|this|then)\b)[\w\"“‘`$]", re.I)


def _ago_ok(m: re.Match[str], text: str) -> bool:
    """'two days after the vote' dates an event, not the text's time: only 'before'/'after' can
    govern a complement ('a day earlier the president spoke' is a date)."""
    return _key(m.group("dir")) not in ("before", "after") or not _COMPLEMENT_START.match(text, m.end())


def _same_day_ok(m: re.Match[str], text: str) -> bool:
    """'the day before' counts from the date mentioned last; 'the day before the vote' and 'the same
    week as the vote' are anchored on an event (TIMEX3 anchorTimeID left open), not on that date."""
    phrase = _key(m.group("p"))
    if phrase.endswith(("before", "after")) and _COMPLEMENT_START.match(text, m.end()):
        return False
    return not (" same " in f" {phrase} " and _AS_COMPLEMENT.match(text, m.end()))


_AS_COMPLEMENT = re.compile(r"\s+(?:as|that|when)\b", re.I)  # "the same day that the Post reports"


@lru_cache(maxsize=1)
def _set_quantifier() -> re.Pattern[str]:
    return re.compile(rf"\b(?:{_alt(vocab()['set_quantifiers'])})\s+$", re.I)


def _is_set(m: re.Match[str], text: str) -> bool:
    """'each Thursday', 'every July': a recurring time (a TIMEX3 SET), not one date."""
    return bool(_set_quantifier().search(text, max(0, m.start() - 12), m.start()))


def _weekday_ok(m: re.Match[str], text: str) -> bool:
    if _is_set(m, text) or _recurring_part_of_day().match(text, m.end()) or _named_day(m, text):
        return False
    word = m.group("wd")
    if _key(word) in vocab()["weekday_abbrev_need_dot"]:
        if _date_after_comma().match(text, m.end()):
            return word[:1].isupper()
        return word[:1].isupper() and text[m.end() : m.end() + 1] == "." and not _after_a_name_word(m, text)
    return True


@lru_cache(maxsize=1)
def _recurring_part_of_day() -> re.Pattern[str]:
    """'on Saturday nights', 'our Friday nights': a part of the day in the plural recurs (a TIMEX3 SET)."""
    return re.compile(rf"\s+(?:{_alt(vocab()['parts_of_day'])})s\b", re.I)


def _named_day(m: re.Match[str], text: str) -> bool:
    """'Super Tuesday', 'Black Monday': a capitalised word of a day's name before the weekday."""
    before = _NAME_WORD_BEFORE.search(text, max(0, m.start() - 12), m.start())
    return before is not None and before.group(1).lower() in vocab()["named_day_words"]


_NAME_WORD_BEFORE = re.compile(r"\b([A-Z][a-z]+)\s+$")


_CAPITALISED_WORD_BEFORE = re.compile(r"(?<![.!?:;\n]\s)\b[A-Z][\w'’.-]*[^\S\n]+$")


def _after_a_name_word(m: re.Match[str], text: str) -> bool:
    """'the Las Vegas Sun.', 'the Baltimore Sun.': an abbreviated weekday after a capitalised word
    that does not open a sentence ends a name (a newspaper), unless a date follows it."""
    return bool(_CAPITALISED_WORD_BEFORE.search(text, max(0, m.start() - 30), m.start()))


@lru_cache(maxsize=1)
def _date_after_comma() -> re.Pattern[str]:
    return re.compile(rf",\s*(?:\d|(?:{_alt(vocab()['months'])})\b)", re.I)


def _range_member_ok(m: re.Match[str], text: str) -> bool:
    """'Nov. 19-20', 'Sept. 14 and 18, 1994', '3 to 6 May': a member of a list or range of days of one
    month is a day of that month, unless a time, a unit or a counted noun follows it ('May 3 to 6 p.m.',
    'March 3 and 4 people')."""
    end = m.end("member")
    if not _day_ok(m, text) or _NOT_A_DAY_AFTER.match(text, end) or _year_blockers().match(text, end):
        return False
    return not _plural_noun_after().match(text, end)


_NOT_A_DAY_AFTER = re.compile(
    r"\s*(?:[ap]\.?m\b|o['’]clock|percent|per\s+cent|%|[:.]\d|(?:m|b|tr)illion|thousand)", re.I
)


def _iso_ok(m: re.Match[str], text: str) -> bool:
    try:
        date(int(m.group("y")), int(m.group("m")), int(m.group("d")))
    except ValueError:
        return False
    return True


def _numeric_ok(m: re.Match[str], text: str) -> bool:
    a, b = int(m.group("a")), int(m.group("b"))
    month, day = (a, b) if a <= 12 else (b, a)
    try:
        date(_full_year(m, "year") or 0, month, day)
    except ValueError:
        return False
    return True


def _month_first_ok(m: re.Match[str], text: str) -> bool:
    """'10-29-99' (month, day, year) and '1.3.1999' (day, month, year): the month group names a month."""
    return 1 <= int(m.group("a")) <= 12 and _numeric_ok(m, text)


@lru_cache(maxsize=1)
def _year_label_before() -> re.Pattern[str]:
    return re.compile(rf"\b(?:{_alt(vocab()['year_blocking_previous_words'])})\s+$", re.I)


@lru_cache(maxsize=1)
def _street_after() -> re.Pattern[str]:
    """'2000 Pennsylvania Avenue', '1600 N. Main St.': a house number."""
    v = vocab()
    streets = rf"(?:{_alt(v['street_words'])})\b|(?:{_alt(v['street_abbreviations'])})\b(?!\.?\s+[A-Z])"
    return re.compile(rf"[^\S\n]+(?:[NSEW]\.?[^\S\n]+)?(?:[A-Z][\w'.-]*[^\S\n]+){{1,3}}(?:{streets})", re.I)


def _is_a_label(m: re.Match[str], text: str) -> bool:
    """A number named by the word before it ('Resolution 1998', 'Flight 2000') or a house number."""
    if _year_label_before().search(text, max(0, m.start() - 16), m.start()):
        return True
    street = _street_after().match(text, m.end())
    return street is not None and all(w[:1].isupper() for w in street.group(0).split())


@lru_cache(maxsize=1)
def _year_blockers() -> re.Pattern[str]:
    return re.compile(rf"\s*(?:{_alt(vocab()['year_blocking_next_words'])})\b", re.I)


def _year_ok(m: re.Match[str], text: str) -> bool:
    before = text[max(0, m.start() - 2) : m.start()]
    after = text[m.end() : m.end() + 2]
    if re.search(r"[$#£€]\s?$|\d[,.]$", before) or re.match(r"%|\+|[,.]\d|-\d|\d", after):
        return False
    if _year_blockers().match(text, m.end()) or _is_a_label(m, text):
        return False
    if _quantity_before().search(text, max(0, m.start() - 24), m.start()) and _plural_noun_after().match(text, m.end()):
        return False  # "about 2000 protesters", "some 1500 rounds"
    year = int(m.group("year"))
    if 1900 <= year <= 2099:
        return True
    return bool(_year_preposition().search(text, max(0, m.start() - 8), m.start()))


def _year_range_ok(m: re.Match[str], text: str) -> bool:
    """'from 1951-1957', '1914–1918', '1982-83': each member of a span of years (TIMEX3 marks both
    ends; HeidelTime's two-digit second year) is a year, when the second follows the first within a
    century and the range is no quantity ('some 1200-1500 protesters') or label; a house or phone
    number never has a later second part, and a third number makes it a date ('2012 - 04 - 04')."""
    first_raw, last_raw = re.findall(r"\d+", m.group(0))[:2]
    first = int(first_raw)
    last = int(last_raw) if len(last_raw) == 4 else _short_end_year(first, last_raw)
    if not 1800 <= first < last <= min(first + 100, 2099):
        return False
    if _THIRD_NUMBER_AFTER.match(text, m.end()) or _THIRD_NUMBER_BEFORE.search(text, max(0, m.start() - 6), m.start()):
        return False
    if re.search(r"[$#£€]\s?$", text[max(0, m.start() - 2) : m.start()]) or _year_blockers().match(text, m.end()):
        return False
    if _year_label_before().search(text, max(0, m.start() - 16), m.start()):
        return False
    return not (
        _quantity_before().search(text, max(0, m.start() - 24), m.start()) and _plural_noun_after().match(text, m.end())
    )


_THIRD_NUMBER_AFTER = re.compile(r"\s*[-–/.]\s*\d")
_THIRD_NUMBER_BEFORE = re.compile(r"\d\s*[-–/.]\s*$")


def _season_ok(m: re.Match[str], text: str) -> bool:
    """'fall' before a year is a season only after a word that makes it a noun ('the fall of 1998',
    'in fall 2016', 'Fall 2016'), not a verb ('prices fall 2000 points'); the year no quantity."""
    if _year_blockers().match(text, m.end()):
        return False
    if _key(m.group("season")) != "fall" or m.group(0)[:1] == "F" or m.group(0).lower().startswith("the"):
        return True
    return bool(_season_noun_before().search(text, max(0, m.start() - 16), m.start()))


@lru_cache(maxsize=1)
def _season_noun_before() -> re.Pattern[str]:
    return re.compile(rf"\b(?:{_alt(vocab()['season_prepositions'])}|this|that|each|every)\s+$", re.I)


@lru_cache(maxsize=1)
def _quantity_before() -> re.Pattern[str]:
    return re.compile(rf"\b(?:{_alt(vocab()['quantity_words'])})\s+$", re.I)


@lru_cache(maxsize=1)
def _plural_noun_after() -> re.Pattern[str]:
    return re.compile(rf"\s+(?!(?:{_alt(vocab()['not_plural_nouns'])})\b)[a-z]+s\b")


@lru_cache(maxsize=1)
def _year_preposition() -> re.Pattern[str]:
    """Before a number outside 1900-2099, only these make it a year ("in 1492", "the year 1066")."""
    return re.compile(rf"\b(?:{_alt(vocab()['old_year_prepositions'])})\s+$", re.I)


def _unit_mod_ok(m: re.Match[str], text: str) -> bool:
    # "the last/next week" is usually a duration or a part of something ("the last week of May"); a
    # decade is a period, unless a preposition of extent makes it a duration too ("over the next
    # decade"). A year after "over", "during", "within" is the year before or after publication,
    # "over the next year" as "over the past year" (a year phrase, valued so); "for" keeps a span.
    mod, unit = _key(m.group("mod")), _key(m.group("unit"))
    if _in_an_idiom(m, text):
        return False
    if _POSSESSIVE.match(text, m.end()):
        return True  # "the next week's primaries": the week of the primaries, a date
    extent = _duration_preposition().search(text, max(0, m.start() - 20), m.start())
    if mod in ("the last", "the next", "the past", "the coming") and extent:
        return unit == "year" and _key(extent.group(0)) in vocab()["year_extent_prepositions"]
    return not (mod in ("the last", "the next") and unit != "decade")


_POSSESSIVE = re.compile(r"['’]s\b")


def _in_an_idiom(m: re.Match[str], text: str) -> bool:
    """'at the end of the day, it's going to rise and fall based on its quality', 'a peak not reached
    again to this day': an idiom that names no time."""
    return any(
        i.start() <= m.start() and m.end() <= i.end()
        for i in _idioms().finditer(text, max(0, m.start() - 12), m.end() + 4)
    )


def _not_in_an_idiom(m: re.Match[str], text: str) -> bool:
    return not _in_an_idiom(m, text)


@lru_cache(maxsize=1)
def _idioms() -> re.Pattern[str]:
    return re.compile(rf"\b(?:{_alt(vocab()['idioms_of_no_date'])})\b", re.I)


@lru_cache(maxsize=1)
def _duration_preposition() -> re.Pattern[str]:
    return re.compile(rf"\b(?:{_alt(vocab()['duration_prepositions'])})\s+$", re.I)


# --------------------------------------------------------------------------- rules


@lru_cache(maxsize=1)
def rules() -> tuple[_Rule, ...]:
    v = vocab()
    # the dot of an abbreviation ("Sept.", "Jan."), not the full stop after "May", "June" or "July"
    mon = rf"(?P<mon>{_alt(v['months'])})(?![A-Za-z])(?:(?<![A-Za-z]{{5}})(?<!May)(?<!June)(?<!July)\.)?"
    ordw = _alt(v["ordinals"])
    day = rf"(?P<day>(?:[0-3]?\d)(?:st|nd|rd|th)?(?!\d)|{ordw})"
    year = r"(?P<year>[12]\d{3})(?!\d)"
    wd = rf"(?P<wd>{_alt(v['weekdays'])})(?![A-Za-z])"
    # "Tuesday, Nov. 30", "Thurs. Dec. 3": not across a sentence's end or a line ("announced Tuesday.\n\nThe Nov. 30")
    wd_prefix = rf"(?:(?P<wdp>{_alt(v['weekdays'])})(?:(?<![A-Za-z]{{6}})\.)?(?:,\s+|[^\S\n]+)(?:the\s+)?)?"
    units = r"(?P<unit>day|week|month|year|quarter|decade)"
    rel_year = r"\s+(?:of\s+)?(?P<mod>this|last|next)\s+year\b"
    that_year = rf",?\s+(?:of|in)\s+(?:{_alt(v['anaphoric_years'])})\b"
    # what a text holds wherever the rule matches it (``_may_match``): the phrases are looked for first, then the cue
    rel_year_needs = {"needs": (("this year", "last year", "next year"),)}
    that_year_needs = {"needs": (_phrases(v["anaphoric_years"]),), "cue": that_year}
    seasons_needed = _phrases(v["seasons"])
    ago_words = [*v["ago_words"], *v["anaphoric_shift_words"]]
    ago_tail = rf"(?P<unit>day|week|month|year|decade)s?\s+(?:or\s+so\s+)?(?P<dir>{_alt(ago_words)})\b"
    spelled_year_needs = (_phrases(v["year_centuries"]), _phrases(v["year_tens"]))
    numbers = _number_pattern()
    seasons = _alt(v["seasons"])
    flags = re.I

    def rule(name, pattern, resolve, valid=None, span=None, needs=(), cue=None):
        groups = tuple(frozenset(g) for g in needs if g)  # an empty group: nothing to look for
        cue = re.compile(cue, flags) if cue else None
        return _Rule(name, re.compile(pattern, flags), resolve, valid or (lambda m, t: True), span, groups, cue)

    joins = _alt(v["range_connectors"])
    year_range_start, year_range_join, year_range_end = r"(?<![\w$#£€.,/-])", r"\s*[-–]\s*", r"(?![\w-]|[.,]\d)"
    num_day = r"[0-3]?\d(?:st|nd|rd|th)?(?!\d)"

    return (
        rule("iso", r"\b(?P<y>[12]\d{3})-(?P<m>\d{2})-(?P<d>\d{2})(?:\b|(?=T\d))", _iso, _iso_ok),
        rule(
            "numeric-dash",
            r"(?<![\w.,/-])(?P<a>[01]?\d)-(?P<b>[0-3]?\d)-(?P<year>\d{4}|\d{2})(?![\w-]|[.,]\d)",
            _numeric,
            _month_first_ok,
        ),
        rule(
            "numeric-dot",
            r"(?<![\w.,/-])(?P<b>[0-3]?\d)\.(?P<a>[01]?\d)\.(?P<year>[12]\d{3})(?![\w-]|[.,]\d)",
            _numeric,
            _month_first_ok,
        ),
        rule("numeric", r"\b(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<year>\d{4}|'?\d{2})\b", _numeric, _numeric_ok),
        rule(
            "month-day",
            rf"\b(?:on\s+)?(?:(?:early|late)\s+)?{wd_prefix}{mon}\s*{day}(?:,?\s*{year})?(?!\w)(?!-(?!\d{{1,2}}\b))",
            _month_day,
            _day_ok,
        ),
        rule(
            "day-month",
            rf"\b(?:on\s+)?{wd_prefix}{day}(?:\s+of)?\s+{mon}(?:,?\s*{year})?(?!\w)(?!-(?!\d{{1,2}}\b))",
            _month_day,
            _day_ok,
        ),
        rule(
            "range-last-day",
            rf"\b(?=(?-i:[A-Z])){mon}\s*{num_day}\s*(?:{joins})\s*(?P<member>(?P<day>{num_day})(?:,?\s*{year})?)(?![\w-])",
            _month_day,
            _range_member_ok,
            span="member",
        ),
        rule(
            "range-first-day",
            rf"(?<![\w.,$-])(?P<member>(?P<day>{num_day}))\s*(?:{joins})\s*{num_day}(?:\s+of)?\s+{mon}(?!\.?\s*\d{{1,2}}(?!\d))(?:,?\s*{year})?(?!\w)",
            _month_day,
            _range_member_ok,
            span="member",
        ),
        rule(
            "day-mon-year",
            rf"(?<![\w-])(?P<day>[0-3]?\d)-{mon}-(?P<year>[12]\d{{3}}|\d\d)(?![\w-])",
            _month_day,
            _day_ok,
        ),
        rule(
            "mod-month-day",
            rf"\b(?P<mod>this\s+past|this\s+coming|last|next|this|past|coming)\s+{mon}\s*{day}(?!\w)(?!-(?!\d{{1,2}}\b))",
            _mod_month_day,
            _day_ok,
        ),
        rule(
            "month-day-rel-year",
            rf"\b(?:on\s+)?{wd_prefix}{mon}\s*{day}{rel_year}",
            _day_rel_year,
            _day_ok,
            **rel_year_needs,
        ),
        rule(
            "day-month-rel-year",
            rf"\b(?:on\s+)?{wd_prefix}{day}(?:\s+of)?\s+{mon}{rel_year}",
            _day_rel_year,
            _day_ok,
            **rel_year_needs,
        ),
        rule(
            "month-day-that-year",
            rf"\b(?:on\s+)?{wd_prefix}{mon}\s*{day}{that_year}",
            _day_that_year,
            _day_ok,
            **that_year_needs,
        ),
        rule(
            "day-month-that-year",
            rf"\b(?:on\s+)?{wd_prefix}(?:the\s+)?{day}(?:\s+of)?\s+{mon}{that_year}",
            _day_that_year,
            _day_ok,
            **that_year_needs,
        ),
        rule("month-that-year", rf"\b{mon}{that_year}", _month_that_year, _months_ok, **that_year_needs),
        rule("month-year", rf"\b{mon},?\s+(?:of\s+)?{year}\b", _month_year, _months_ok),
        rule(
            "month",
            rf"\b(?:(?P<mod>early|late|mid|this\s+past|this\s+coming|last|next|this|past|coming|earlier\s+in|later\s+in)[\s-]+)?{mon}(?![\w-])",
            _month_alone,
            _month_alone_ok,
        ),
        rule("year", rf"(?<![\w$#£€.,/])(?<!\d-)(?<!(?-i:[A-Z])-){year}\b", _year, _year_ok),
        rule(
            "year-range-first",
            rf"{year_range_start}(?P<member>{year}){year_range_join}[12]\d{{3}}{year_range_end}",
            _year,
            _year_range_ok,
            span="member",
        ),
        rule(
            "year-range-last",
            rf"{year_range_start}[12]\d{{3}}{year_range_join}(?P<member>{year}){year_range_end}",
            _year,
            _year_range_ok,
            span="member",
        ),
        rule(
            "year-range-first-short",
            rf"{year_range_start}(?P<member>{year}){year_range_join}\d\d{year_range_end}",
            _year,
            _year_range_ok,
            span="member",
        ),
        rule(
            "year-range-last-short",
            rf"{year_range_start}(?P<first>[12]\d{{3}}){year_range_join}(?P<member>(?P<short>\d\d)){year_range_end}",
            _short_range_end,
            _year_range_ok,
            span="member",
        ),
        rule(
            "season-year",
            rf"\b(?:the\s+)?(?:(?:early|late|mid)[\s-]*)?(?P<season>{seasons})(?:\s+of)?,?\s+{year}(?![\w%])(?![.,]\d)",
            _season_year,
            _season_ok,
            needs=(seasons_needed,),
        ),
        rule(
            "season-spelled-year",
            rf"\b(?:the\s+)?(?:(?:early|late|mid)[\s-]*)?(?P<season>{seasons})\s+of\s+(?P<c>{_alt(v['year_centuries'])})\s+"
            rf"(?P<t>{_alt(v['year_tens'])})(?:[\s-]+(?P<o>one|two|three|four|five|six|seven|eight|nine))?\b",
            _season_spelled_year,
            needs=(seasons_needed, *spelled_year_needs),
        ),
        rule(
            "season-the-event",
            rf"\bthe\s+(?P<season>(?-i:{seasons}))(?=\s+(?-i:{_alt(v['season_event_nouns'])})\b)",
            _season_alone,
            needs=(seasons_needed, _phrases(v["season_event_nouns"])),
        ),
        rule(
            "season-the-noun",
            rf"\bthe\s+(?:(?:early|late)\s+)?(?P<season>(?-i:{_alt(v['seasons_without_preposition'])}))(?![\w-])(?!\s+of\b)",
            _season_alone,
            needs=(_phrases(v["seasons_without_preposition"]),),
        ),
        rule(
            "season-mod",
            rf"\b(?<!the\s)(?P<mod>this\s+past|this\s+coming|last|next|this|past|coming)\s+(?P<season>{seasons})(?![\w-])",
            _season_mod,
            needs=(seasons_needed,),
        ),
        rule(
            "season-the",
            rf"\b(?:{_alt(v['season_prepositions'])})\s+(?P<member>the\s+(?:(?:early|late)\s+)?(?P<season>{seasons}))(?![\w-])(?!\s+of\b)",
            _season_alone,
            span="member",
            needs=(seasons_needed,),
        ),
        rule(
            "short-year",
            rf"\b(?:{_alt(v['short_year_prepositions'])})\s+(?P<year>['’]\d\d)(?![\w'’])",
            _short_year,
        ),
        rule(
            "apposition",
            r"(?<=\d,\s)the\s+(?P<same>same\s+)?(?P<u>day|week|month|year)\b(?![-'’])"
            r"(?!\s+(?:before|after|of|ended|ending|earlier|later|ago)\b)",
            _apposition,
            needs=(("day", "week", "month", "year"),),
        ),
        rule(
            "year-phrase",
            rf"\b(?P<p>{_alt(v['year_phrases'])})(?![\w-])",
            _year_phrase,
            needs=(_phrases(v["year_phrases"]),),
        ),
        rule(
            "unit-edge",
            rf"\b(?:{_alt(v['unit_edges'])})\s+{units}\b|\b(?P<unit2>year|month|week)['’]s\s+end\b",
            _in_the_unit,
            _not_in_an_idiom,
        ),
        rule(
            "month-rel-year",
            rf"\b{mon}\s+(?:of\s+)?(?P<mod>this|last|next)\s+year\b",
            _month_rel_year,
            _months_ok,
            **rel_year_needs,
        ),
        rule(
            "month-spelled-year",
            rf"\b{mon},?\s+(?P<c>{_alt(v['year_centuries'])})\s+(?P<t>{_alt(v['year_tens'])})(?:[\s-]+(?P<o>one|two|three|four|five|six|seven|eight|nine))?\b",
            _month_spelled_year,
            _months_ok,
            needs=spelled_year_needs,
        ),
        rule(
            "thousands",
            rf"\bthe\s+year\s+(?P<th>{_alt(v['year_thousands'])})(?:\s+and\s+(?P<o>one|two|three|four|five|six|seven|eight|nine|ten))?\b",
            _thousands,
            needs=(("year",), _phrases(v["year_thousands"])),
        ),
        rule(
            "spelled-year",
            rf"\b(?P<c>{_alt(v['year_centuries'])})\s+(?P<t>{_alt(v['year_tens'])})(?:[\s-]+(?P<o>one|two|three|four|five|six|seven|eight|nine))?\b",
            _spelled_year,
            needs=spelled_year_needs,
        ),
        rule("decade", r"\b(?:the\s+)?(?:(?:early|late|mid)[\s-]*)?(?P<full>1\d\d|20\d)0['’]?s\b", _decade),
        rule(
            "decade-words",
            rf"\bthe\s+(?:(?:early|late|mid)[\s-]*)?(?:['’‘]?(?P<short>[1-9])0['’]?s\b|"
            rf"(?:(?P<cent>{_alt(v['year_centuries'])})[\s-]+)?(?P<word>{_alt(v['decade_words'])})\b)",
            _decade,
            _decade_ok,
        ),
        rule("decade-elided", r"(?<![\w'’‘])['’‘](?P<short>[1-9])0s\b", _decade),
        rule(
            "weekday",
            rf"\b(?:(?:on|(?P<mod>this\s+past|this\s+coming|the\s+previous|the\s+following|last|next|this|past|coming|early|late))\s+)?{wd}(?:\s+(?P<part>{_alt(v['parts_of_day'])})\b)?",
            _weekday,
            _weekday_ok,
        ),
        rule(
            "ordinal-day-now",
            rf"\b(?:{_alt(v['present_subjects'])})\s+(?P<d>the\s+(?:{ordw})\s+(?:(?:straight|consecutive)\s+)?day)"
            rf"\s+(?:of|in|since)\b",
            _ordinal_day_now,
            span="d",
            needs=(("day",),),
        ),
        rule(
            "holiday",
            rf"\b(?:(?P<mod>this\s+past|this\s+coming|last|next|this)\s+)?"
            rf"(?=(?-i:[A-Z]))"  # written capitalised (_holiday_ok): other words fail at once
            rf"(?P<h>{_alt(v['holidays']).replace(chr(39), '[' + chr(39) + '’]')})(?![\w'’])(?:,?\s+(?:of\s+)?{year})?",
            _holiday,
            _holiday_ok,
        ),
        rule(
            "day-word",
            rf"\b(?:(?:early|late|earlier|later)\s+)?(?P<w>{_alt(v['day_words'])})\b",
            _day_word,
            _not_our_times,
            needs=(_phrases(v["day_words"]),),
        ),
        rule(
            "unit",
            rf"\b(?P<mod>{_alt(v['unit_modifiers'])})\s+{units}\b",
            _unit_mod,
            _unit_mod_ok,
        ),
        rule(
            "in-the-unit",
            rf"\b(?:{_alt(v['in_the_unit_modifiers'])})\s+{units}\b",
            _in_the_unit,
            needs=(_phrases(v["in_the_unit_modifiers"]),),
        ),
        rule(
            "ago",
            rf"\b(?P<n>{numbers}|\d+)\s+{ago_tail}",
            _ago,
            _ago_ok,
            needs=(("day", "week", "month", "year", "decade"), _phrases(ago_words)),
            cue=ago_tail,
        ),
        rule(
            "vague",
            rf"\b(?:(?:{_alt(v['vague_prefixes'])})\s+)?(?P<u>{_alt(v['vague_units'])})\s+(?P<dir>after|before|later|earlier)\b",
            _vague,
            _ago_ok,
            needs=({f"{u} {d}" for u in _phrases(v["vague_units"]) for d in ("after", "before", "later", "earlier")},),
        ),
        rule("then", rf"\b(?:{_alt(v['then_prepositions'])})\s+then\b(?![-'’])", _then, needs=(("then",),)),
        rule(
            "elliptic",
            rf"\b(?:{_alt(v['elliptic_comparison_words'])})\s+(?P<w>last|next)(?=\s*(?:[.,;:)!?]|$))",
            _elliptic,
            needs=(("last", "next"),),
        ),
        rule(
            "in-count",
            rf"\bin\s+(?P<n>{numbers}|\d+)\s+(?P<unit>{_alt(v['count_units'])})s?\b(?!['’-])",
            _in_count,
        ),
        rule(
            "same-day",
            rf"\b(?P<p>{_alt(v['same_day_phrases'])})\b",
            _same_day,
            _same_day_ok,
            needs=(_phrases(v["same_day_phrases"]),),
        ),
        rule(
            "appositive-unit",
            rf"\bthe\s+(?P<u>day|week|month|year)(?=\s+(?:before|after)(?:{_COMPLEMENT_START.pattern}))",
            _appositive_unit,
        ),
        rule(
            "quarter",
            rf"\b(?:(?:the|its|their)\s+)?(?:(?P<rel>{_alt(v['quarter_year_modifiers'])})\s+)?(?:(?P<y1>[12]\d{{3}})(?:['’]s)?\s+)?(?:fiscal[\s-]+)?(?P<q>{_alt(v['quarter_ordinals'])})[\s-]+(?:fiscal[\s-]+)?quarter\b(?:\s+of\s+(?:fiscal\s+)?(?P<y2>[12]\d{{3}})\b|\s+of\s+(?P<rel2>this|last|next)\s+year\b)?",
            _quarter,
            needs=(("quarter",),),
        ),
        rule("quarter-code", r"\bQ(?P<q>[1-4])(?:[\s/-]*(?P<y2>[12]\d{3})\b)?(?P<y1>)(?!\w)", _quarter),
        rule(
            "quarter-phrase",
            rf"\b(?P<p>{_alt(list(v['quarter_phrases']) + list(v['focus_quarter_phrases']))})(?![\w-])",
            _quarter_phrase,
            needs=(_phrases([*v["quarter_phrases"], *v["focus_quarter_phrases"]]),),
        ),
        rule(
            "period-of-year",
            rf"\bthe\s+{year}\s+(?P<noun>period|quarter)\b",
            _period_of_year,
            needs=(("period", "quarter"),),
        ),
        rule(
            "year-adjective",
            rf"\b(?P<p>{_alt(v['year_adjectives'])})\b",
            _year_adjective,
            needs=(_phrases(v["year_adjectives"]),),
        ),
    )


# --------------------------------------------------------------------------- public


def _parse_pub(published: str | None) -> date | None:
    if not published:
        return None
    try:
        return date.fromisoformat(published[:10])
    except ValueError:
        return None


def _candidates(text: str) -> list[tuple[int, int, _Rule, re.Match[str]]]:
    found = []
    low = None if any(c in text for c in _FOLDED_TO_ASCII) else " ".join(text.lower().split())
    cues: dict[re.Pattern[str], bool] = {}
    for r in rules():
        if low is not None and not _may_match(r, low, text, cues):
            continue
        for m in r.regex.finditer(text):
            if m.end() > m.start() and r.valid(m, text) and not _in_a_name(m, text):
                found.append((m.start(r.span), m.end(r.span), r, m) if r.span else (m.start(), m.end(), r, m))
    return found


# Letters that a case-insensitive pattern matches to an ASCII letter though ``str.lower`` does not
# make them one (or makes one of another): in a text holding one, the words a rule needs are not looked for.
_FOLDED_TO_ASCII = ("\u0130", "\u0131", "\u017f", "\u212a")


def _may_match(r: _Rule, low: str, text: str, cues: dict[re.Pattern[str], bool]) -> bool:
    """Whether ``low`` (the text lower-cased, each run of spaces one space: as a pattern's ``\\s+``
    reads it) holds a phrase of each group the rule needs, and the text its cue: scanning a text
    for every rule is most of the cost of finding dates, and most rules find nothing in a text."""
    if not all(any(w in low for w in group) for group in r.needs):
        return False
    if r.cue is None:
        return True
    if r.cue not in cues:
        cues[r.cue] = r.cue.search(text) is not None
    return cues[r.cue]


def _phrases(entries) -> frozenset[str]:
    """Vocabulary entries as a text holding them reads once lower-cased, its spaces made single
    (``_may_match``); empty (nothing to look for) when one is not plain ASCII, whose case-insensitive
    matches ``str.lower`` may not give."""
    phrases = frozenset(" ".join(str(e).lower().split()) for e in entries)
    return phrases if all(p.isascii() and p for p in phrases) else frozenset()


def _in_a_name(m: re.Match[str], text: str) -> bool:
    """A time word inside a proper name is no date (TIDES 2005 / TIMEX3: non-markable names):
    capitalised within a sentence written in lower case ("This is VOA Today.") or as the title
    in quotation marks ('ABC's "This Week," said'). A sentence's first word, quoted speech
    ('"Today we won"') and a headline in title case ("Bush Meets Gorbachev Today") stay dates."""
    words = m.group(0).split()
    if _AWARD_TITLE.search(text, max(0, m.start() - 4), m.end()):
        return True
    if not _time_word_of_names(m, words[0]) or not all(w[:1].isupper() for w in words):
        return False
    before = text[max(0, m.start() - 200) : m.start()].rstrip()
    if before.endswith(_OPENING_QUOTES):
        closing = _CLOSING_QUOTE.search(text, m.end(), m.end() + 80)
        return closing is not None and not re.search(r"\b[a-z]", text[m.end() : closing.start()])
    sentence = re.split(r"[.!?:;\n]", before)[-1]
    if not re.search(r"\w", sentence):  # the sentence's first word
        return False
    sentence += " " + re.split(r"[.!?:;\n]", text[m.end() : m.end() + 200])[0]
    return any(w[:1].islower() and _key(w) not in _title_case_small_words() for w in re.findall(r"\b\w+", sentence))


def _time_word_of_names(m: re.Match[str], first: str) -> bool:
    """A time word written in lower case inside a sentence ("today", "this"), or a weekday's part of
    the day ("Saturday Night Live", "Monday Night Football"): capitalised, they may be a name's."""
    return _key(first) in vocab()["capitalised_in_names"] or bool(m.groupdict().get("part"))


# "Person of the Year", "Liar of the Year": a capitalised unit after "of the" is an award's title.
_AWARD_TITLE = re.compile(r"\bof\s+the\s+(?:Year|Month|Week|Day|Decade|Century)$")


@lru_cache(maxsize=1)
def _title_case_small_words() -> frozenset[str]:
    return frozenset(str(w) for w in vocab()["title_case_small_words"])


_OPENING_QUOTES = ('"', "“", "``", "‘")
_CLOSING_QUOTE = re.compile(r"[\"”]|''|’")


def _select(cands: list[tuple[int, int, _Rule, re.Match[str]]]) -> list[tuple[int, int, _Rule, re.Match[str]]]:
    """Longest first, then earliest; drop anything overlapping a chosen span."""
    taken: list[tuple[int, int]] = []
    chosen = []
    for c in sorted(cands, key=lambda c: (c[0] - c[1], c[0])):
        if all(c[1] <= s or c[0] >= e for s, e in taken):
            taken.append((c[0], c[1]))
            chosen.append(c)
    return sorted(chosen, key=lambda c: c[0])


def _latest_full_date(cands: list[tuple[int, int, _Rule, re.Match[str]]], text: str) -> date | None:
    """The reference of an article without a publication date: the latest date the text writes out
    in full (day, month and year) on a dateline ("August 2, 2013", "Published: ...", "THURSDAY,
    DECEMBER 3, 2009, 9:36 AM": a short line of its own), else the latest in the running
    text, unless the text names a later year: a birth date ("born April 22, 1923") is no reference
    of an article about the 1950s, and no reference is better than a wrong one. A date in a clause
    that looks ahead ("is scheduled to open November 20, 2009") lies after the writing: no reference."""
    latest: date | None = None
    on_dateline: date | None = None
    for start, end, r, m in cands:
        if r.name not in FULL_DATE_RULES or (r.name in ("month-day", "day-month") and not m.group("year")):
            continue
        try:
            d = r.resolve(m, _Ctx(text=text, pub=None))[0]
        except (ValueError, KeyError, OverflowError):
            continue
        if d is None:
            continue
        if _on_a_dateline(text, start, end):
            on_dateline = d if on_dateline is None or d > on_dateline else on_dateline
        elif tense(text, start, end) != "future":
            latest = d if latest is None or d > latest else latest
    if on_dateline is not None or latest is None:
        return on_dateline
    return None if _names_a_later_year(cands, latest) else latest


def _reference_without_publication(
    cands: list[tuple[int, int, _Rule, re.Match[str]]], text: str, posted: Sequence[str | None]
) -> date | None:
    """The later of the text's latest full date and the latest embedded post's date (see find_dates)."""
    written = _latest_full_date(cands, text)
    post = max((d for p in posted if (d := _parse_pub(p)) is not None), default=None)
    if post is None or (written is not None and written >= post):
        return written
    return written if _names_a_later_year(cands, post) else post


def _names_a_later_year(cands: list[tuple[int, int, _Rule, re.Match[str]]], reference: date) -> bool:
    """Does the text write a year after the reference's (then the reference is no writing date)?"""
    return any((y := _year_written(r, m)) is not None and y > reference.year for _s, _e, r, m in cands)


def _year_written(r: _Rule, m: re.Match[str]) -> int | None:
    """The year a year rule found ('1998', each end of '1982-83'); None for other rules."""
    if r.name == "year-range-last-short":
        return _short_end_year(int(m.group("first")), m.group("short"))
    return (
        int(m.group("year"))
        if r.name in ("year", "year-range-first", "year-range-last", "year-range-first-short")
        else None
    )


def _on_a_dateline(text: str, start: int, end: int) -> bool:
    """A date on a short line of its own that is no sentence: a dateline ("Posted August 2nd, 2013 at
    5:19 p.m."), not "She was born April 22, 1923."."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    line = text[line_start:line_end].rstrip()
    if line.endswith(("!", "?")) or (line.endswith(".") and not ends_with_abbreviation(line[-12:])):
        return False
    others = text[line_start:start].split() + text[end:line_end].split()
    return len(others) <= int(vocab()["dateline_max_other_words"])


def find_dates(
    text: str,
    published: str | None,
    entities: Sequence[Entity] = (),
    tokens: Sequence[Token] = (),
    posted: Sequence[str | None] = (),
) -> list[DateMention]:
    """Every date expression in ``text``, resolved against ``published`` (ISO date or None).

    Without a publication date, the latest full date written in the text is the reference, or the
    date of the latest post the page embeds (``posted``: ISO dates of the pasted posts the cleaner
    took out, "— Marta Quintela (@mquintela_gull) March 11, 2026"), whichever is later: the article
    was written after both. Neither is where the text names a later year.
    Tense (which way a weekday or a month without a year lies) comes from word cues around it;
    where they say nothing, ``tokens`` (the spaCy parse of ``text``, offsets into it; the pipeline
    passes them) give the tense of the verb governing it, and mark participles that modify a noun.
    ``entities`` (spaCy DATE/TIME) are accepted for the pipeline's sake; the rules already find
    every entity they could resolve, and an unresolvable entity ("five years") is not a date.
    """
    chosen = _select(_candidates(text))
    pub = _parse_pub(published) or _reference_without_publication(chosen, text, posted)
    ctx = _Ctx(text=text, pub=pub, clauses=_Clauses(tokens) if tokens else None)
    out: list[DateMention] = []
    for start, end, r, m in chosen:
        try:
            d, precision, kind = r.resolve(m, ctx)
        except (ValueError, KeyError, OverflowError):
            d, precision, kind = None, None, r.name
        if kind == SPAN:
            continue
        if d is not None and precision is not None:
            ctx.note(d, precision, kind, start, end)
            value = format_value(d, precision)
        else:
            value, precision = None, None
        out.append(DateMention(text[start:end], start, end, value, precision, kind))
    return out
