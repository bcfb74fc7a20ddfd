"""Figures the articles of one story state, and where they disagree.

A figure is a count of something: "a delegation of 12 officials", "co-sponsored by 16 countries",
"five shipping companies", "more than a dozen countries", "40 million US dollars". Two figures of
different articles are about the same thing when they count the same noun and share content words
around it ("co-sponsored", "Nairobi"); they contradict each other when the ranges their wordings
allow do not overlap (12 vs 20 officials), while a vague wording that fits both sides ("more than
a dozen") contradicts neither. Vocabulary and thresholds: ``data/figures.yaml``.

With the parse, a figure also knows its referent, and two figures are compared only when it is
the same: the word that governs the count (the same verb lemma, "seized seven rifles" / "seized
three rifles"), who the count belongs to (the names of the verb's subject or agent and of the
counted noun's possessor: Manning's passes are not Garrard's; a count whose owner is only a
pronoun, or named on one side only, is not compared), the kind the noun names ("Indian soldiers"
/ "Pakistani soldiers"; a kind named on one side only is unsure) and the dates its clause states.
A count scoped to a part of a larger whole or another span ("during the deciding run", "in the
second half", "earlier this season", "in 54 games", "during the five operations") is no count of
the story's event and is not compared; "10 of the Saints' 16 games" counts 10 games. When unsure,
no difference is listed.

Besides counts: the ages of one person named in full, and the clock times the leads give the
story's main incident ("the shooting happened at about 10:30 p.m.") or one verb of the same doer
("police were called at 9:15 p.m."), each with the range its wording allows. And a none against a
figure: "no one was injured" against "three people were injured" in the leads' incident, "terms
were not disclosed" against the sum of the story's deal a lead gives ("none against a figure").
"""

from __future__ import annotations

import dataclasses
import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from ..model import AnnotatedArticle
from ..text.tree import Tree
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
    # with the parse (``verb`` None: not parsed): lemma of the word that governs the count ("seize",
    # "delegation"; "": none found), the names of who the count belongs to (empty: nobody named;
    # None: only a pronoun says whose it is), names the counted noun carries ("Somali"), and the
    # dates the governing clause states
    verb: str | None = None
    actor: frozenset[str] | None = frozenset()
    kind: frozenset[str] = frozenset()
    when: frozenset[str] = frozenset()
    # none against a figure: the article says there was none of it, or that its amount was not given
    absent: bool = False
    published: str | None = None  # the article's publication date (ISO), when known
    # the count's part in its governing verb's act: "doer", "undergoer" (object or passive subject:
    # "arrested five men" and "five men were arrested" alike), a preposition ("with") or another
    # relation; "" where not known
    role: str = ""


@dataclass(frozen=True)
class Disagreement:
    noun: str
    counted: str  # the noun as the articles write it ("officials")
    sides: tuple[tuple[str, tuple[str, ...]], ...]  # (wording, article ids) per incompatible value
    fitting: tuple[tuple[str, tuple[str, ...]], ...]  # vaguer wordings compatible with every side
    # per side, the articles that give its value in other words than the wording shown
    reworded: tuple[tuple[str, ...], ...] = ()
    none: bool = False  # sides say that there was none of it (or no amount given) and that there was


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


def find_figures(article_id: str, sentences: Sequence[str], parsed: AnnotatedArticle | None = None) -> list[Figure]:
    """Every count of a plural noun in ``sentences`` (one article's); with the article's parse each
    knows its referent, and counts scoped to a part of a whole or another span are left out."""
    tree = Tree(parsed.tokens) if parsed is not None else None
    lead = _lead_end(parsed) if parsed is not None else -1
    out, at = [], 0
    for sentence in sentences:
        start = -1
        if parsed is not None:
            start = parsed.article.text.find(sentence, at)
            at = start + len(sentence) if start >= 0 else at
        for match in _pattern().finditer(sentence):
            figure = _figure(article_id, sentence, match)
            if figure is not None and tree is not None:
                figure = _with_referent(figure, tree, start + match.start("noun") if start >= 0 else None)
            if figure is not None:
                out.append(figure)
        if tree is not None and start >= 0:
            out += _ages(article_id, sentence, tree, start)
        if tree is not None and parsed is not None and 0 <= start < lead:
            out += _clock_times(article_id, parsed.article.text, tree, start, start + len(sentence))
        if tree is not None and parsed is not None and start >= 0:
            out += _none_or_some(article_id, parsed, tree, start, start + len(sentence), start < lead)
    return out


def _figure(article_id: str, sentence: str, match: re.Match) -> Figure | None:
    cfg = _cfg()
    noun = _singular(match["noun"])
    if noun is None or noun in cfg["skip_nouns"] or any(w in _function_words() for w in match["mid"].split()):
        return None
    span = _range(match)
    if span is None or _counts_a_period(sentence) or _partitive(sentence, match) or _has_a_part(sentence, noun):
        return None
    part = _part_taken(sentence, match)
    if part is not None and part < 2:
        return None  # "one of just five players"
    if part is not None:
        span = (part, part)
    if re.search(r"\b[A-Z]{1,3}$", sentence[: match.start()].rstrip()) and match["num"][0].isdigit():
        return None  # a designation, not a count: "six AK 47 rifles", "two F 16 jets"
    clause = re.split(r"[,;:.!?()“”\"]", sentence[: match.start()])[-1]
    shown = re.findall(r"[\w’'-]+", clause)[-int(cfg["max_figure_words"]) :]
    text = " ".join(shown + [match.group(0)])
    return Figure(article_id, noun, match["noun"], span[0], span[1], text, _context(sentence, match))


AGE = "age"  # the noun of an age figure ("a 22-year-old man", "aged 22")


@lru_cache(maxsize=1)
def _age_pattern() -> re.Pattern:
    words = "|".join(sorted(map(re.escape, _cfg()["number_words"]), key=len, reverse=True))
    return re.compile(
        rf"(?i)(?<![\w.,-])(?P<num>\d{{1,3}}|{words})\s*-?\s*years?\s*-?\s*old\b|\baged\s+(?P<aged>\d{{1,3}})\b"
    )


def _ages(article_id: str, sentence: str, tree: Tree, start: int) -> list[Figure]:
    """The ages ``sentence`` gives a person named in full ("61-year-old Sharron Diane Crawford Smith",
    "John Smith, a man aged 40"), each with the person's names (only with the parse: the person is
    the referent). An unnamed or surname-only person ("a 22-year-old man", "35-year-old Gomes") is
    left out: his mother may share the surname, and "the Troy man" of a report a year later is a
    year older."""
    out, words = [], _cfg()["number_words"]
    for m in _age_pattern().finditer(sentence):
        raw = (m["num"] or m["aged"]).lower()
        person = _aged_person(tree, start + (m.end() - 1 if m["num"] else m.start()))
        if person is None:
            continue
        names = _person_names(tree, person)
        if len(names) < 2:
            continue
        value = float(words[raw]) if raw in words else float(raw)
        gov = _governor(tree, person)
        clause = re.split(r"[,;:.!?()“”\"]", sentence[: m.start()])[-1]
        end = tree.tokens[person].end - start
        said = sentence[m.start() : end] if m.end() < end <= m.end() + 40 else m.group(0)  # "22-year-old man"
        text = " ".join(re.findall(r"[\w’'-]+", clause)[-int(_cfg()["max_figure_words"]) :] + [said])
        verb = tree.lemma(gov) if gov is not None else ""
        out.append(Figure(article_id, AGE, AGE, value, value, text, _context(sentence, m), verb, names))
    return out


def _person_names(tree: Tree, person: int) -> frozenset[str]:
    """Lower-case words of the PERSON names of ``person`` and its compounds and appositions."""
    found, todo = [], [person]
    while todo:
        j = todo.pop()
        found.append(j)
        todo += tree.children(j, "compound", "flat", "appos")
    return frozenset(tree.tokens[j].text.lower() for j in found if tree.tokens[j].ent_type == "PERSON")


def _aged_person(tree: Tree, offset: int) -> int | None:
    """The noun an age at ``offset`` ("old" of "22-year-old", or "aged") describes, if any."""
    i = _token_at(tree, offset)
    head = tree.head(i) if i is not None else None
    if i is None or head is None or tree.tokens[i].dep not in ("amod", "compound", "nmod", "acl", "npadvmod"):
        return None
    if tree.tokens[head].pos not in NOUNS:
        return None
    named = tree.head(head) if tree.tokens[head].dep == "appos" else None  # "John Smith, a man aged 40"
    return named if named is not None and _person_names(tree, named) else head


@lru_cache(maxsize=1)
def _part_pattern() -> re.Pattern:
    words = "|".join(sorted(map(re.escape, _cfg()["number_words"]), key=len, reverse=True))
    between = r"(?:(?:the|his|her|its|their|[\w-]+['’]s?|['’]s)\s+){0,2}"
    return re.compile(rf"(?i)(?:^|[\s(])(?P<part>\d{{1,3}}(?:,\d{{3}})+|\d+|one|{words})\s+of\s+{between}$")


def _part_taken(sentence: str, match: re.Match) -> float | None:
    """The count a figure takes from a whole: "10 of the Saints' 16 games" counts 10 games, "29 of 34
    passes" 29 passes (the number after "of" is the whole); None when no part is taken."""
    m = _part_pattern().search(sentence[: match.start()])
    if m is None:
        return None
    raw, words = m["part"].lower(), _cfg()["number_words"]
    return 1.0 if raw == "one" else float(words[raw]) if raw in words else float(raw.replace(",", ""))


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


# ---------------------------------------------------------------------- the referent, from the parse

VERBS = ("VERB", "AUX")
NOUNS = ("NOUN", "PROPN")


def _with_referent(figure: Figure, tree: Tree, offset: int | None) -> Figure | None:
    """``figure`` with what its count is of, read from the parse at the counted noun (``offset`` in
    the article's text; None: its sentence is not in the text, so nothing is known and it is never
    compared); None when the count is scoped to a part of a whole or another span."""
    noun = _token_at(tree, offset) if offset is not None else None
    if noun is None:
        return dataclasses.replace(figure, verb="", actor=None)
    gov = _committed_to(tree, _governor(tree, noun))
    if _scoped(tree, noun, noun) or (gov is not None and (_scoped(tree, gov, noun) or _modal(tree, gov))):
        return None
    return dataclasses.replace(
        figure,
        verb=tree.lemma(gov) if gov is not None else "",
        actor=_actor(tree, noun, gov),
        kind=_names(tree, noun, ("compound", "amod", "nmod")),
        when=_dates(tree, gov) if gov is not None else frozenset(),
        role=_role(tree, noun, gov) if gov is not None else "",
    )


def _role(tree: Tree, noun: int, gov: int) -> str:
    """The counted noun's part in the act of ``gov``: the relation of the word under ``gov`` on the way
    up from the noun, named by the act's roles (figures.yaml ``roles``), a preposition by its word. "The
    five companies join nine others" and "selected to join the nine companies" count the joiners and the
    joined: two referents under one verb."""
    j = noun
    while (h := tree.head(j)) is not None and h != gov:
        j = h
    if tree.head(j) != gov:
        return ""
    dep = tree.tokens[j].dep
    if dep == "prep":
        return "prep:" + tree.lemma(j)
    return str(_cfg()["roles"].get(dep, dep))


def _committed_to(tree: Tree, gov: int | None) -> int | None:
    """The verb a verb of commitment takes ("had agreed to co-sponsor": sponsor, the last word of "co -
    sponsor", which the parser may hang as three verbs), else ``gov``."""
    if gov is None or tree.lemma(gov) not in _cfg()["commitment_verbs"]:
        return gov
    acts = [k for k in tree.children(gov, "xcomp") if tree.tokens[k].pos in VERBS and tree.tokens[k].text.isalpha()]
    return acts[-1] if acts else gov


def _token_at(tree: Tree, offset: int) -> int | None:
    """The token that holds the character at ``offset``; None past the parsed text (a capped analysis)."""
    i = tree.token_at(offset)
    return i if i is not None and tree.tokens[i].start <= offset < tree.tokens[i].end else None


def _governor(tree: Tree, noun: int) -> int | None:
    """The word a count is the count of: the first verb above the counted noun, or a noun it is the
    object of ("a delegation of 12 officials"), passing prepositions, numbers ("10 of 16 games"),
    coordination ("rifles, 12 magazines and 300 rounds") and quantity nouns ("a total of")."""
    j = noun
    for _ in range(int(_cfg()["governor_steps"])):
        h = tree.head(j)
        if h is None:
            return None
        tok = tree.tokens[h]
        if tok.pos in VERBS:
            return h
        if tok.pos in NOUNS and tree.tokens[j].dep != "conj" and tree.lemma(h) not in _cfg()["quantity_nouns"]:
            return h
        j = h
    return None


def _coordinated(tree: Tree, i: int) -> set[int]:
    """``i`` and the words coordinated with it ("rifles, magazines and rounds")."""
    top = i
    while tree.tokens[top].dep == "conj" and tree.head(top) is not None:
        top = tree.head(top)  # type: ignore[assignment]
    out, todo = set(), [top]
    while todo:
        j = todo.pop()
        out.add(j)
        todo += tree.children(j, "conj")
    return out


def _actor(tree: Tree, noun: int, gov: int | None) -> frozenset[str] | None:
    """Names of who the count belongs to: the governing verb's subject or agent (a coordinated,
    participial or relative clause takes its head's), with the counted noun's possessor; under a
    noun ("a delegation of 12 officials"), that noun's names, else the subject of the verb above it;
    empty when nobody is named (the counted things are the subject: "12 people were injured"); None
    when a pronoun alone says who."""
    owner, counted = _names(tree, noun, ("poss",), only_under=True), _coordinated(tree, noun)
    if gov is not None and tree.tokens[gov].pos not in VERBS:  # "a delegation of 12 officials"
        own = _names(tree, gov, ("compound", "poss", "amod", "nmod"))
        if own:  # "the Indonesian delegation"
            return own | owner
        counted, gov = _coordinated(tree, gov), _verb_above(tree, gov)  # "the minister arrived with a delegation"
    if gov is None or tree.tokens[gov].pos not in VERBS:
        return owner
    who = _subject(tree, gov, counted)
    if who is None:
        return owner
    if tree.tokens[who].pos == "PRON":
        return owner or None
    return _names(tree, who, ("compound", "poss", "amod", "nmod", "flat")) | owner


def _verb_above(tree: Tree, noun: int) -> int | None:
    """The first verb above a noun that governs a count, past the nouns of a phrase ("spoke in front
    of a crowd of about 1,000 people": spoke, whose subject the crowd listened to)."""
    for h in tree.ancestors(noun)[: int(_cfg()["governor_steps"])]:
        if tree.tokens[h].pos in VERBS:
            return h
    return None


def _subject(tree: Tree, verb: int, counted: set[int], own: bool = True) -> int | None:
    """Who does what ``verb`` says: its subject, or the agent of a passive; none when counted things
    are the subject ("12 people were injured", "six rifles, 12 magazines ... were found"); a clause
    without one takes its head's subject (``own`` False: the head's, where a passive's subject is
    the doer of the clauses coordinated with it: "Thomas was hurt ..., then missed nine games")."""
    for k in tree.children(verb, *(("nsubj",) if own else ("nsubj", "nsubjpass"))):
        if k in counted or _coordinated(tree, k) & counted or tree.children(k, "nummod"):
            return None
        if tree.lemma(k) in _cfg()["relative_pronouns"] and tree.tokens[verb].dep == "relcl":
            return tree.head(verb)
        return k
    for by in tree.children(verb, "agent"):
        for k in tree.children(by, "pobj"):
            return k
    if own and tree.children(verb, "nsubjpass"):
        return None  # a passive without its agent: nobody named
    head, dep = tree.head(verb), tree.tokens[verb].dep
    while head is not None and tree.tokens[head].pos in ("ADP", "SCONJ"):  # "despite missing", "after rescuing"
        head, dep = tree.head(head), "pcomp"
    if head is None or dep not in _cfg()["clause_deps"]:
        return None
    if tree.tokens[head].pos in NOUNS:  # "a rookie taking the reins", "Garrard , who completed"
        return head
    return _subject(tree, head, counted, own=False)


def _names(tree: Tree, i: int, deps: tuple[str, ...], only_under: bool = False) -> frozenset[str]:
    """Lower-case name words of ``i`` (unless ``only_under``) and of the words under it by ``deps``,
    through compounds: named entities and capitalised proper nouns ("British Royal Navy",
    "Indian")."""
    labels = set(_cfg()["name_labels"])
    found, todo = [], [k for k in tree.children(i, *deps)] + ([] if only_under else [i])
    while todo:
        j = todo.pop()
        found.append(j)
        todo += tree.children(j, "compound", "flat")
    words = set()
    for j in found:
        tok = tree.tokens[j]
        if tok.ent_type in labels or (tok.pos == "PROPN" and tok.text[:1].isupper() and tok.text.isalpha()):
            if tok.pos != "PART" and any(c.isalpha() for c in tok.text):
                words.add(tok.text.lower())
    return frozenset(words)


def _scoped(tree: Tree, i: int, noun: int) -> bool:
    """A count (of ``noun``) scoped by a modifier of ``i`` to a part of a whole or another span: "in the second
    half", "during the deciding run", "earlier this season", "in 54 games", "during the five
    operations" (a modifier fronted before the clause, or before its first coordinated verb, is
    read whole: "During the deciding run, X scored ..., and blocked two shots")."""
    spans, counted = set(_cfg()["scope_nouns"]), _coordinated(tree, noun)
    for k in _modifiers(tree, i):
        fronted = k < i
        heads = tree.subtree(k) if fronted else (tree.children(k, "pobj") if tree.tokens[k].dep == "prep" else [k])
        if counted & set(heads) or (fronted and noun in heads):
            continue  # the modifier that holds the count itself ("sanctions on six companies")
        if any(tree.lemma(h) in spans or _counted_span(tree, h) for h in heads):
            return True
    return False


def _modifiers(tree: Tree, i: int) -> list[int]:
    """Adverbial modifiers of ``i``, and those fronted before the verb its coordination starts from."""
    deps = _cfg()["scope_deps"]
    out = tree.children(i, *deps)
    top = i
    while tree.tokens[top].dep == "conj" and tree.head(top) is not None:
        top = tree.head(top)  # type: ignore[assignment]
        out += [k for k in tree.children(top, *deps, "advcl") if k < top]
    return out


def _modal(tree: Tree, verb: int) -> bool:
    """The verb, or the one its clause hangs on by coordination, says what will, could or may happen."""
    modals = set(_cfg()["modal_auxiliaries"])
    for v in [verb, *tree.ancestors(verb)[:1]] if tree.tokens[verb].dep == "conj" else [verb]:
        if any(tree.lemma(k) in modals or tree.tokens[k].text.lower() in modals for k in tree.children(v, "aux")):
            return True
    return False


def _counted_span(tree: Tree, i: int) -> bool:
    """A plural noun counted by a number of two or more ("54 games", "the five operations", "his
    first three seasons"): a span of several things, a whole above any one event."""
    tok = tree.tokens[i]
    if tok.pos != "NOUN" or tok.tag != "NNS":
        return False
    nums = [tree.tokens[k] for k in tree.children(i, "nummod")]
    words = _cfg()["number_words"]
    return any(n.text.isdigit() and int(n.text) >= 2 or n.text.lower() in words for n in nums)


def _dates(tree: Tree, gov: int) -> frozenset[str]:
    """The dates the governing word's own modifiers state ("Early November", "on Saturday"), lower case."""
    out = set()
    for k in tree.children(gov, *_cfg()["scope_deps"]):
        idx = [j for j in tree.subtree(k) if tree.tokens[j].ent_type == "DATE"]
        if idx:
            out.add(tree.span_text(idx).lower())
    return frozenset(out)


# ---------------------------------------------------------------------- comparing articles


def disagreements(figures: Sequence[Figure]) -> list[Disagreement]:
    """Counts of one thing that two articles give incompatibly, each side with its articles, and
    the vaguer wordings that fit every side."""
    out = []
    cap = int(_cfg()["max_figures_per_noun"])
    for noun in sorted({f.noun for f in figures if not f.noun.startswith(NONE_OF)}):
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
            near = _of_the_incident(a) or len(a.context & b.context) >= need
            if a.article_id != b.article_id and near and _same_role(a, b):
                parent[find(i)] = find(j)
    groups: dict[int, list[Figure]] = {}
    for i, f in enumerate(figures):
        groups.setdefault(find(i), []).append(f)
    return [g for g in groups.values() if len({f.article_id for f in g}) > 1]


def _same_role(a: Figure, b: Figure) -> bool:
    """Counts of one referent, where both were parsed: the same governing word (not a light verb:
    "has 59 catches"), not its doers on one side and its undergoers on the other, the same owner
    named on both sides or nobody on either (Manning's passes are not Garrard's; "he" or a name on
    one side only: unsure), no two different kinds ("Indian" / "Pakistani" soldiers) and no two
    different dates ("Early November" / "on Saturday"). Unparsed figures (``verb`` None) go by their
    context words alone."""
    if a.noun == AGE:
        return _same_person(a, b)
    if _of_the_incident(a):
        return _same_incident(a, b)
    if a.verb is None or b.verb is None:
        return True
    if not a.verb or a.verb != b.verb or a.verb in _cfg()["light_verbs"]:
        return False
    if a.actor is None or b.actor is None or bool(a.actor) != bool(b.actor):
        return False
    if a.actor and not a.actor & b.actor:
        return False
    if {a.role, b.role} == {"doer", "undergoer"}:
        return False  # the doers against the undergoers of one act (other relations: the parse is unsure)
    if a.kind != b.kind and not (a.kind and b.kind and a.kind & b.kind):
        return False  # "Super Tuesday delegates" / "delegates": a kind named on one side only is unsure
    return not (a.when and b.when and not a.when & b.when)


def _same_person(a: Figure, b: Figure) -> bool:
    """Two ages of one person: the same full name on both sides."""
    return a.actor is not None and len(a.actor) >= 2 and a.actor == b.actor


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
    """The wording most articles use (among equals, one that names what the count is of: "co-sponsored by
    14 countries" before "officials said 14 countries", then the shortest), with the articles that use it."""
    by_text: dict[str, list[str]] = {}
    verbs: dict[str, str] = {}
    for f in figures:
        by_text.setdefault(f.text, []).append(f.article_id)
        verbs[f.text] = f.verb or ""
    text = min(by_text, key=lambda t: (-len(set(by_text[t])), verbs[t] not in t.lower(), len(t), t))
    return text, tuple(dict.fromkeys(by_text[text]))


# ---------------------------------------------------------------------- the incident
# The lead of a report states its main incident, and when it happened: two leads of one story that
# time the same thing ("the shooting happened", "police were called") give the incident's time. A
# time that only bounds or spans it ("after 10 p.m.", "between 1 and 2 a.m.") is no different time.
# (Casualty counts of the incident were tried as a kind of their own and dropped: 0 of their 2
# items were real when first labelled; so were ages set off after a full name, "John Smith, 25,":
# 1 of 2 real, the other a man's age at his crime and at his trial two years later; and the
# incident's day of the week: its one item read "was fired on Thursday" (dismissed) as a shooting,
# so "fire" is no verb of the incident; see benchmarks/data/differences_labels.jsonl.)

TIME = "time:"  # the noun of a clock time: "time:call"
INCIDENT = "incident"  # the verb family of the incident itself ("the shooting happened", "was shot")


def _of_the_incident(f: Figure) -> bool:
    return f.noun.startswith(TIME)


def _same_incident(a: Figure, b: Figure) -> bool:
    """Two times of one thing of the story's main incident, on no two different stated days: the
    incident itself ("the shooting happened", "Smith was shot", "shots were fired": not of two
    people named on each side), or the same verb ("police were called") of the same doer, said on
    both sides."""
    if a.noun == TIME + INCIDENT:
        if a.kind and b.kind and not a.kind & b.kind:
            return False
    elif not (a.actor and b.actor and a.actor & b.actor):
        return False
    return not (a.when and b.when and not a.when & b.when)


def _lead_end(parsed: AnnotatedArticle) -> int:
    """Where the lead's sentences end in the article's text (its main incident is told there)."""
    n = int(_cfg()["incident_lead_sentences"])
    sents = parsed.sentences
    return sents[min(n, len(sents)) - 1].end if sents else -1


def _modal_or_negated(tree: Tree, verb: int | None) -> bool:
    return verb is not None and (bool(tree.children(verb, "neg")) or _modal(tree, verb))


def _doer(tree: Tree, verb: int) -> frozenset[str]:
    """Who did what ``verb`` says, by name or, unnamed, by the noun ("police", "gunman"); for an
    occurrence ("the shooting happened") the thing that happened; empty when nobody is said (a
    passive without its agent) or only a pronoun."""
    who = [*tree.children(verb, "nsubj")]
    for by in tree.children(verb, "agent"):
        who += tree.children(by, "pobj")
    if not who and tree.tokens[verb].dep in ("advcl", "conj", "xcomp") and tree.head(verb) is not None:
        head = tree.head(verb)
        who = [k for k in tree.children(head, "nsubj")] if head is not None else []  # "shot four, killing two"
    out: set[str] = set()
    for k in who:
        if tree.tokens[k].pos == "PRON":
            continue
        names = _names(tree, k, ("compound", "flat"))
        out |= names or {tree.lemma(k)}
    return frozenset(out)


def _people(tree: Tree, verb: int) -> frozenset[str]:
    """Words of the people named as the verb's subject, object or agent ("Smith was shot")."""
    who = tree.children(verb, "nsubj", "nsubjpass", "dobj")
    for by in tree.children(verb, "agent"):
        who += tree.children(by, "pobj")
    return frozenset(w for k in who for w in _person_names(tree, k))


def _days(tree: Tree, verb: int) -> frozenset[str]:
    """The day words of the dates and times the verb's own modifiers state ("Friday", "Dec", "12"
    of "at 10 p.m. Friday", "on Dec. 12"), lower case: "Friday night" and "Friday" share a day."""
    out = set()
    for k in tree.children(verb, *_cfg()["scope_deps"]):
        for j in tree.subtree(k):
            tok = tree.tokens[j]
            if tok.ent_type in ("DATE", "TIME") and (
                tok.pos == "PROPN" or (tok.pos == "NUM" and tok.ent_type == "DATE")
            ):
                out.add(tok.text.lower().rstrip("."))
    return frozenset(out)


# ---- clock times


@lru_cache(maxsize=1)
def _clock_pattern() -> re.Pattern:
    words = "|".join(map(re.escape, _cfg()["clock_words"]))
    return re.compile(
        r"(?i)(?<![\w:.,-])(?:(?P<h>\d{1,2})(?::(?P<m>[0-5]\d))?\s*(?P<ap>[ap])\.?\s?m\b\.?"
        rf"|(?P<word>{words})\b)"
    )


def _clock_times(article_id: str, text: str, tree: Tree, start: int, end: int) -> list[Figure]:
    """Clock times of the sentence ("at about 10:30 p.m.", "shortly after midnight"), each with the
    range its wording allows (minutes after midnight), the verb it times and who or what that verb
    is of. A time bounded or spanned ("after 10 p.m.", "between 10 and 11 p.m.") is left out, and so
    is one whose range crosses midnight (its day is unsure)."""
    out = []
    for m in _clock_pattern().finditer(text, start, end):
        minutes = _minutes(m)
        i = _token_at(tree, m.start())
        if minutes is None or i is None:
            continue
        window = _time_window(tree, i, m, text, end, minutes)
        verb = _timed_verb(tree, _token_at(tree, m.end() - 1) or i)
        if window is None or verb is None or _modal_or_negated(tree, verb):
            continue
        low, high, first = window
        if low < 0 or high > 24 * 60:
            continue
        family = INCIDENT if tree.lemma(verb) in _cfg()["incident_verbs"] else tree.lemma(verb)
        wording = " ".join(text[tree.tokens[first].start : m.end()].split())
        who = _doer(tree, verb) | frozenset(tree.lemma(k) for k in tree.children(verb, "nsubjpass"))
        counted = _cfg()["time_shown"].get(family) or _cfg()["time_shown"]["other"].format(verb=family)
        out.append(
            Figure(
                article_id,
                f"{TIME}{family}",
                counted,
                low,
                high,
                wording,
                frozenset(),
                family,
                who,
                _people(tree, verb),
                _days(tree, verb),
            )
        )
    return out


def _minutes(m: re.Match) -> int | None:
    if m["word"]:
        return int(_cfg()["clock_words"][m["word"].lower()])
    h, mins = int(m["h"]), int(m["m"] or 0)
    if not 1 <= h <= 12:
        return None
    return (h % 12) * 60 + mins + (12 * 60 if m["ap"].lower() == "p" else 0)


def _time_window(tree: Tree, i: int, m: re.Match, text: str, end: int, minutes: int) -> tuple[int, int, int] | None:
    """The range (minutes) a clock time's wording allows and the token its wording starts at; None
    when the words around it bound or span it ("after", "by", "between ... and", "10 to 11 p.m.")."""
    if re.match(r"\s*(?:and|to|or|-|–|until|till)\b", text[m.end() : end]):
        return None
    wordings, first = _cfg()["time_wordings"], i
    before = [tree.tokens[k] for k in (i - 2, i - 1) if k in tree.tokens and tree.tokens[k].sent == tree.tokens[i].sent]
    said = ""
    for n in (2, 1):
        words = [t.text.lower() for t in before[-n:]]
        if len(words) == n and " ".join(words) in wordings:
            said, first = " ".join(words), i - n
            break
    else:
        if before and before[-1].pos in ("ADP", "SCONJ", "CCONJ", "ADV", "PART", "ADJ"):
            return None  # "after 10 p.m.", "by midnight", "early 3 a.m."
    low, high = wordings[said]
    if not m["word"] and m["m"] is None and abs(low) < int(_cfg()["hour_slack"]):
        low, high = -int(_cfg()["hour_slack"]), int(_cfg()["hour_slack"])  # "at 11 p.m." is often rounded
    return minutes + low, minutes + high, first


def _timed_verb(tree: Tree, i: int) -> int | None:
    """The verb a clock time modifies: the first verb above it, through its preposition."""
    j = i
    for _ in range(int(_cfg()["governor_steps"])):
        h = tree.head(j)
        if h is None:
            return None
        if tree.tokens[h].pos == "VERB":
            return None if tree.lemma(h) in _cfg()["light_verbs"] else h
        tok = tree.tokens[h]
        if tok.pos in NOUNS and tok.ent_type not in ("TIME", "DATE"):
            return None  # "the 10:30 p.m. call": the time of the call, not of the verb above it
        if tok.pos not in ("ADP", "NUM", *NOUNS) or tree.tokens[j].dep in ("conj", "appos"):
            return None
        j = h
    return None


# ---------------------------------------------------------------------- none against a figure
# One report says there was none of a thing ("no one was hurt", "there were no injuries") or that
# its amount was not given ("terms were not disclosed", "neither side gave a figure"); another
# gives a count of it above zero, or the amount. Casualties are read, like clock times, from the
# leads (the story's main incident); the none must be of the whole ("no one else", "no other
# injuries", "no new arrests", "no Americans", "no one was seriously hurt" are not). An amount is
# that of the story's deal (an agreement, a sale, a programme: what the dictionary calls one),
# never someone's estimate; an article that says both is not taken on either side.

NONE_OF = "none:"  # the noun of these kinds: "none:injured", "none:amount"
AMOUNT = "amount"


def _none_or_some(
    article_id: str, parsed: AnnotatedArticle, tree: Tree, start: int, end: int, in_lead: bool
) -> list[Figure]:
    """The nones and the counts of casualties and the amounts given or not of the sentence at
    ``start``-``end``: counts and sums only from the lead, which tells the story's main incident or
    deal; that the amount was not given, anywhere (often the report's last words)."""
    text, out = parsed.article.text, []
    for i in _tokens_in(tree, start, end):
        if in_lead:
            for kind, absent, verb in _casualty(tree, i):
                out.append(_side_figure(article_id, text, tree, kind, absent, verb, parsed.article.published))
        not_given = _amount_not_given(tree, i)
        if not_given is not None:
            out.append(_side_figure(article_id, text, tree, AMOUNT, True, not_given, parsed.article.published))
    for m in _money_pattern().finditer(text, start, end) if in_lead else ():
        given = _sum_of_a_deal(tree, text, m, start, end)
        if given is not None:
            f = _side_figure(article_id, text, tree, AMOUNT, False, given, parsed.article.published)
            out.append(f if m.group(0) in f.text else dataclasses.replace(f, text=" ".join(m.group(0).split())))
    return [f for f in out if f.text]


def _tokens_in(tree: Tree, start: int, end: int) -> list[int]:
    first = _token_at(tree, start)
    out, i = [], first
    while i is not None and i in tree.tokens and tree.tokens[i].start < end:
        out.append(i)
        i += 1
    return out


def _side_figure(
    article_id: str, text: str, tree: Tree, kind: str, absent: bool, verb: int, published: str | None
) -> Figure:
    shown = _cfg()["casualty_kinds"][kind]["shown"] if kind != AMOUNT else _cfg()["none_shown"][AMOUNT]
    value = 0.0 if absent else 1.0
    return Figure(
        article_id,
        NONE_OF + kind,
        shown,
        value,
        value if absent else math.inf,
        _clause_wording(text, tree, verb),
        frozenset(),
        kind,
        _harmer(tree, verb) if tree.lemma(verb) in _casualty_verbs() else frozenset(),
        frozenset(),
        _days(tree, verb),
        absent,
        published,
    )


def _clause_wording(text: str, tree: Tree, verb: int) -> str:
    """The words of ``verb``'s clause as written, with who said it where a verb of saying governs
    it ("The agreement is worth 5 million euros, officials said"); a verb coordinated with a
    clause that gives it its subject is read with that clause ("No one was killed or injured")."""
    top, stops = verb, set(_cfg()["clause_stops"])
    if tree.tokens[verb].dep == "conj" and not tree.children(verb, "nsubj", "nsubjpass", "dobj"):
        top = tree.head(verb) or verb
        stops -= {"conj", "cc"}
    head = tree.head(top)
    if tree.tokens[top].dep == "ccomp" and head is not None and tree.lemma(head) in _cfg()["saying_verbs"]:
        idx = sorted(tree.subtree(head, stop=stops) + tree.subtree(top, stop=stops))
    else:
        idx = tree.subtree(top, stop=stops)
    words = _span_words(text, tree, idx)
    if len(words.split()) > int(_cfg()["max_absence_words"]):  # the verb with its own arguments only
        core = [k for c in tree.children(verb, *_cfg()["core_deps"]) for k in tree.subtree(c)]
        words = _span_words(text, tree, sorted([verb, *core]))
    return "" if len(words.split()) > int(_cfg()["max_absence_words"]) else words


def _span_words(text: str, tree: Tree, idx: list[int]) -> str:
    """The text from the first to the last of ``idx`` as written, less punctuation at either end."""
    while idx and tree.tokens[idx[-1]].pos == "PUNCT":
        idx = idx[:-1]
    while idx and tree.tokens[idx[0]].pos == "PUNCT":
        idx = idx[1:]
    return " ".join(text[tree.tokens[idx[0]].start : tree.tokens[idx[-1]].end].split()) if idx else ""


# ---- casualties


@lru_cache(maxsize=1)
def _casualty_verbs() -> dict[str, str]:
    return {v: kind for kind, c in _cfg()["casualty_kinds"].items() for v in c["verbs"]}


@lru_cache(maxsize=1)
def _casualty_nouns() -> dict[str, list[str]]:
    out = {n: [kind] for kind, c in _cfg()["casualty_kinds"].items() for n in c["nouns"]}
    return {**out, **_cfg()["casualty_nouns"]}


def _casualty(tree: Tree, i: int) -> list[tuple[str, bool, int]]:
    """What token ``i`` says of casualties, as (kind, none, the verb of its clause): a harm noun with a
    bare "no" ("there were no injuries", "no deaths were reported"), or a casualty verb whose
    patient is nobody ("no one was hurt", "did not injure anyone") or somebody ("three people were
    injured", "police arrested a suspect")."""
    tok = tree.tokens[i]
    if tok.pos == "NOUN" and tree.lemma(i) in _casualty_nouns():
        head = tree.head(i)
        if head is None or _modal_or_negated(tree, head) or not _bare_none(tree, i) or not _whole_time(tree, head):
            return []
        return [(kind, True, head) for kind in _casualty_nouns()[tree.lemma(i)]]
    kind = _casualty_verbs().get(tree.lemma(i)) if tok.pos == "VERB" else None
    if kind is None or _modal(tree, i):
        return []
    patient = _patient(tree, i)
    if patient is None:
        return []
    negated = bool(tree.children(i, "neg"))
    if _nobody(tree, patient, negated):
        return [(kind, True, i)] if _whole_time(tree, i) else []
    if negated or not _somebody(tree, patient):
        return []
    return [(kind, False, i)]


def _whole_time(tree: Tree, verb: int) -> bool:
    """No adverb narrows the none to some harm or some time ("seriously", "so far", "yet"):
    only those that keep it whole ("reportedly")."""
    return all(tree.lemma(k) in _cfg()["whole_adverbs"] for k in tree.children(verb, "advmod"))


def _bare_none(tree: Tree, noun: int) -> bool:
    """ "no injuries", "no deaths reported": the noun with "no" and nothing that narrows it ("no
    serious injuries", "no other injuries", "no injuries to passengers", "no new arrests")."""
    kids = tree.children(noun)
    has_no = any(_is_no(tree, k) for k in kids)
    return has_no and all(_is_no(tree, k) or (tree.tokens[k].dep == "acl" and tree.lemma(k) == "report") for k in kids)


def _is_no(tree: Tree, k: int) -> bool:
    return tree.tokens[k].dep == "det" and tree.tokens[k].text.lower() == "no"


def _nobody(tree: Tree, patient: int, negated: bool) -> bool:
    """The patient counts nobody, with nothing that narrows it ("no one else", "none of the
    officers"): "nobody", "no one", "none"; "anyone" after a negated verb."""
    word, cfg = tree.tokens[patient].text.lower(), _cfg()
    if word == "one":
        kids = tree.children(patient)
        return bool(kids) and all(_is_no(tree, k) for k in kids)
    if word in cfg["nobody"] and not negated or word in cfg["anybody"] and negated:
        return not tree.children(patient)
    return False


def _somebody(tree: Tree, patient: int) -> bool:
    """The patient is one or more people: a number, a counted noun, a person's noun or name (not a
    pronoun: whom it stands for is unsure)."""
    tok = tree.tokens[patient]
    if tok.pos == "NUM":
        return not tok.text.startswith("0")
    if tok.pos == "PRON":
        return False
    if tree.children(patient, "nummod"):
        return True
    return (
        tok.ent_type == "PERSON"
        or tree.lemma(patient) in _cfg()["person_nouns"]
        or tok.text.lower() in _cfg()["person_nouns"]
    )


def _patient(tree: Tree, verb: int) -> int | None:
    """Whom the casualty verb happened to: the subject of a passive or of "die", the object of an
    active verb, the noun a participle describes ("two people killed"); a verb coordinated with
    nothing of its own takes its head's ("two people were shot and killed")."""
    for dep in ("nsubjpass", "dobj"):
        for k in tree.children(verb, dep):
            return k
    if tree.lemma(verb) == "die":
        for k in tree.children(verb, "nsubj"):
            return k
    head, dep = tree.head(verb), tree.tokens[verb].dep
    if head is None:
        return None
    if dep == "acl" and tree.tokens[head].pos in NOUNS:
        return head
    if dep == "conj" and not tree.children(verb, "nsubj", "nsubjpass", "dobj") and tree.tokens[head].pos == "VERB":
        if _casualty_verbs().get(tree.lemma(head)):
            return _patient(tree, head)
        return next(iter(tree.children(head, "nsubjpass")), None)  # "was shot and killed"
    return None


def _harmer(tree: Tree, verb: int) -> frozenset[str]:
    """Who or what did the harm a casualty verb says: the agent of a passive ("killed by the
    quake"; none said: nobody), the subject of an active verb or of the clause a participle hangs
    on ("the gunman opened fire, killing two"), by name or noun."""
    if tree.tokens[verb].pos not in VERBS:
        return frozenset()
    if tree.children(verb, "nsubjpass", "auxpass"):
        who = [k for by in tree.children(verb, "agent") for k in tree.children(by, "pobj")]
        return frozenset(
            w
            for k in who
            if tree.tokens[k].pos != "PRON"
            for w in _names(tree, k, ("compound", "flat")) or {tree.lemma(k)}
        )
    return _doer(tree, verb)


# ---- amounts


def _amount_not_given(tree: Tree, i: int) -> int | None:
    """The verb of a clause saying that the amount of the story's deal was not given, when token
    ``i`` is its noun: "terms were not disclosed", "no financial figures were released", "neither
    side gave a figure for the cost", "declined to disclose the price", "for an undisclosed sum"."""
    cfg = _cfg()
    if tree.tokens[i].pos != "NOUN" or not _an_amount(tree, i):
        return None
    head = tree.head(i)
    if head is None:
        return None
    if tree.child_lemmas(i, "amod") & set(cfg["undisclosed_words"]):  # the clause of the deal it was paid in
        return (_verb_above(tree, i) or head) if _of_a_deal(tree, i, head) else None
    if tree.tokens[i].dep not in ("dobj", "nsubjpass") or tree.lemma(head) not in cfg["disclosure_verbs"]:
        return None
    if _modal(tree, head) and not tree.children(head, "neg"):
        return None
    said = (
        bool(tree.children(head, "neg"))
        or any(_is_no(tree, k) for k in tree.children(i))
        or any(_neither(tree, k) for k in tree.children(head, "nsubj"))
    )
    if _refused(tree, head):  # worded with the refusal: "declined to disclose the price"
        return tree.head(head) if _of_a_deal(tree, i, head) else None
    return head if said and _of_a_deal(tree, i, head) else None


def _an_amount(tree: Tree, i: int) -> bool:
    """An amount of money by its sense: "price", "cost", "terms"; "figure" or "details" only with
    a money word ("financial figures", "a figure for the cost")."""
    cfg, lemma = _cfg(), tree.lemma(i)
    if lemma == "term":
        return tree.tokens[i].text.lower() == "terms"
    if lemma in cfg["amount_nouns"]:
        return True
    if lemma not in cfg["money_sense_nouns"]:
        return False
    if tree.child_lemmas(i, "amod") & set(cfg["money_adjectives"]):
        return True
    head = tree.head(i)
    return any(tree.lemma(o) in cfg["amount_nouns"] for o in _objects(tree, i, head))


def _objects(tree: Tree, i: int, head: int | None) -> list[int]:
    """The objects of the prepositions "of" and "for" under a noun or under its verb."""
    out = []
    for j in [i] + ([head] if head is not None and tree.tokens[head].pos in VERBS else []):
        for p in tree.children(j, "prep"):
            if tree.lemma(p) in ("of", "for"):
                out += tree.children(p, "pobj")
    return out


def _of_a_deal(tree: Tree, i: int, head: int | None) -> bool:
    """What the amount is of is the story's deal: a deal noun or a named organisation (its price),
    or nothing said; not another thing ("the cost of the damage", "a figure for the death toll")."""
    cfg = _cfg()
    for o in _objects(tree, i, head):
        if tree.lemma(o) in cfg["amount_nouns"] or tree.lemma(o) in cfg["money_sense_nouns"]:
            return _of_a_deal(tree, o, None)
        if tree.lemma(o) not in cfg["deal_nouns"] and tree.tokens[o].ent_type != "ORG":
            return False
    return True


def _neither(tree: Tree, subject: int) -> bool:
    """The subject says nobody gave it: "neither side", "no official", "nobody"."""
    words = set(_cfg()["neither_words"])
    return tree.lemma(subject) in words or any(
        tree.tokens[k].dep in ("det", "preconj") and tree.lemma(k) in words for k in tree.children(subject)
    )


def _refused(tree: Tree, verb: int) -> bool:
    """ "declined to disclose", "refused to give": the verb is what someone would not do."""
    head = tree.head(verb)
    return (
        head is not None
        and tree.tokens[verb].dep == "xcomp"
        and tree.lemma(head) in _cfg()["refusal_verbs"]
        and not tree.children(head, "neg")
    )


@lru_cache(maxsize=1)
def _money_pattern() -> re.Pattern:
    cfg = _cfg()
    symbols = "|".join(map(re.escape, sorted(cfg["currency_symbols"], key=len, reverse=True)))
    mult = "|".join(map(re.escape, cfg["money_multipliers"]))
    words = "|".join(sorted(cfg["currency_words"], key=len, reverse=True))
    whose = "|".join(map(re.escape, cfg["currency_countries"]))
    num = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
    return re.compile(
        rf"(?:(?<![\w$])(?:{symbols})\s?(?:{num})(?:\s?(?i:{mult})\b)?"
        rf"|(?<![\w.,])(?:{num})(?:\s(?i:{mult}))?\s(?:(?:{whose})\s)?"
        rf"(?i:{words})s?\b)"
    )


def _sum_of_a_deal(tree: Tree, text: str, m: re.Match, start: int, end: int) -> int | None:
    """The verb of the clause that gives a sum ``m`` as the amount of the story's deal ("the agreement
    is worth 5 million euros", "bought the firm for $5 million", "a $2 billion deal"); None for a sum
    of something else, one that may be or was not paid, or someone's estimate."""
    cfg = _cfg()
    first, last = _token_at(tree, m.start()), _token_at(tree, m.end() - 1)
    if first is None or last is None:
        return None
    sentence = _tokens_in(tree, start, end)
    if any(tree.lemma(k) in cfg["estimate_lemmas"] for k in sentence):
        return None
    anchor = max((first, last), key=lambda k: -tree.depth(k))  # the head of the sum's words
    verb = next((h for h in tree.ancestors(anchor) if tree.tokens[h].pos in VERBS), None)
    if verb is None or _modal_or_negated(tree, verb):
        return None
    for h in tree.ancestors(anchor)[: int(cfg["governor_steps"])]:
        lemma = tree.lemma(h)
        if lemma in cfg["deal_nouns"]:
            return verb
        if lemma in cfg["value_words"] and _deal_around(tree, h):
            return verb
        if lemma in cfg["deal_verbs"] and tree.tokens[h].pos == "VERB":
            under = [a for a in tree.ancestors(anchor) if tree.head(a) == h]
            return verb if under and tree.lemma(under[0]) == "for" else None
        if tree.tokens[h].pos in VERBS and lemma not in ("be",):
            return None
    return None


def _deal_around(tree: Tree, word: int) -> bool:
    """A value word of a deal: "the agreement is worth", "the deal was valued at", "the cost of the
    programme"."""
    deals, head = set(_cfg()["deal_nouns"]), tree.head(word)
    for j in [word] + ([head] if head is not None else []):
        owners = tree.children(j, "nsubj", "nsubjpass", "poss", "compound") + _objects(tree, j, None)
        if any(tree.lemma(k) in deals for k in owners):
            return True
    return False


# ---- comparing


def none_against_a_figure(figures: Sequence[Figure]) -> list[Disagreement]:
    """Per kind, the articles that say there was none of it (or no amount given) against those that
    give one, when both are of one occasion; an article saying both is on neither side."""
    out = []
    for noun in sorted({f.noun for f in figures if f.noun.startswith(NONE_OF)}):
        same = [f for f in figures if f.noun == noun]
        both = {f.article_id for f in same if f.absent} & {f.article_id for f in same if not f.absent}
        nones = [f for f in same if f.absent and f.article_id not in both]
        some = [f for f in same if not f.absent and f.article_id not in both]
        nones = [a for a in nones if any(_same_occasion(a, b) for b in some)]
        some = [b for b in some if any(_same_occasion(a, b) for a in nones)]
        if not nones or not some:
            continue
        sides = tuple(_by_wording(nones) + _by_wording(some))
        out.append(Disagreement(noun, same[0].counted, sides, (), (), True))
    return out


def _same_occasion(a: Figure, b: Figure) -> bool:
    """Two articles' words of one occasion: not by two different named doers, not on two different
    stated days, not published too far apart (a report of another incident or deal)."""
    if a.article_id == b.article_id:
        return False
    if a.actor and b.actor and not a.actor & b.actor:
        return False
    if a.when and b.when and not a.when & b.when:
        return False
    return not (a.published and b.published and _days_apart(a.published, b.published) > _cfg()["max_days_apart"])


def _days_apart(a: str, b: str) -> int:
    try:
        return abs((date.fromisoformat(a[:10]) - date.fromisoformat(b[:10])).days)
    except ValueError:
        return 0


def _by_wording(figures: list[Figure]) -> list[tuple[str, tuple[str, ...]]]:
    """Each wording with the articles that use it, the most used first."""
    by_text: dict[str, list[str]] = {}
    for f in figures:
        by_text.setdefault(f.text, [])
        if f.article_id not in by_text[f.text]:
            by_text[f.text].append(f.article_id)
    return [(t, tuple(arts)) for t, arts in sorted(by_text.items(), key=lambda x: (-len(x[1]), x[0]))]
