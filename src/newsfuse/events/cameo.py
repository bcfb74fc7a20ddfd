"""The CAMEO verb lexicon (data/cameo_verbs.json, generated from PETRARCH2's CAMEO verb dictionary by
scripts/build_cameo_lexicon.py) matched against a dependency parse.

A verb's lemma selects its entries; each entry has the verb's own CAMEO code (its default) and the
patterns of its synonym block, reduced to what a parse shows: words of the verb's object, particles,
prepositional phrases with their object words, words of its subject. The most specific pattern whose
words are all present wins over the verb's default; a pattern or default without a PLOVER type
(CAMEO's "[---]", or a CAMEO category PLOVER drops) means no event.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from ..text.tree import Tree
from .ontology import DATA, load_cameo_settings
from .patterns import Pattern, is_passive

OBJECT_DEPS = ("dobj", "attr", "oprd", "dative", "xcomp", "acomp")
CLAUSE_STOP = ("relcl", "ccomp", "advcl", "parataxis", "conj", "csubj")
PHRASE_STOP = ("relcl", "acl", "advcl", "ccomp", "appos")
PARTICLE_DEPS = ("prt", "prep", "advmod", "agent")
IRREGULAR_PLURALS = {"men": "man", "women": "woman", "people": "person", "children": "child"}


@lru_cache(maxsize=1 << 16)
def word_key(word: str) -> str:
    """A word's matching key: lower case, a regular English plural made singular ("attacks",
    "supplies", "taxes"). Applied alike to the dictionary's words and to the sentence's."""
    w = word.lower().strip()
    if w in IRREGULAR_PLURALS:
        return IRREGULAR_PLURALS[w]
    if w.endswith("men") and len(w) > 5:  # gunmen, policemen
        return w[:-3] + "man"
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    if len(w) > 4 and w.endswith(("sses", "ches", "shes", "xes", "zzes")):
        return w[:-2]
    if len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is", "'s")):
        return w[:-1]
    return w


@dataclass(frozen=True)
class Spec:
    """What a pattern (or a multi-word verb) needs beyond the verb: each element is a word, words
    that must all be there ("humanitarian aid"), or a synonym set ("&weapon")."""

    obj: tuple[str, ...] = ()
    prt: tuple[str, ...] = ()
    prep: tuple[tuple[str, ...], ...] = ()  # (preposition, its object's elements...)
    subj: tuple[str, ...] = ()

    @property
    def weight(self) -> int:
        return len(self.obj) + len(self.prt) + sum(len(p) for p in self.prep) + len(self.subj)


@dataclass(frozen=True)
class Outcome:
    code: str | None
    type: str | None
    mode: str | None
    spec: Spec
    text: str  # the pattern as written in the dictionary ("* {HUMANITARIAN AID}"), or the verb
    recip: bool = False  # a reciprocal code ("[046:046]")
    swap: bool = False  # the event goes from the object to the subject ("[:054]")


Alternatives = tuple[frozenset[str], ...]  # an element holds where all words of one of these sets are there


@dataclass(frozen=True)
class Need:
    """A Spec read against the synsets once: each element as its alternatives ("&weapon" -> {gun},
    {machine, gun}, ...; "humanitarian aid" -> {humanitarian, aid}), and ``cue``, words of which at least
    one must be around the verb for the spec to fit (None: the spec names no word it cannot do without)."""

    obj: tuple[Alternatives, ...]
    prt: tuple[str, ...]
    prep: tuple[tuple[Alternatives, tuple[Alternatives, ...]], ...]
    subj: tuple[Alternatives, ...]
    cue: frozenset[str] | None


@dataclass(frozen=True)
class Entry:
    block: int
    needs: Spec
    default: Outcome
    need: Need


@dataclass(frozen=True)
class BlockIndex:
    """One synonym block's patterns read for matching: their needs (in pattern order), and which patterns
    each word can let fit (by their cue words); ``free`` are those with no cue, always tried."""

    needs: tuple[Need, ...]
    by_word: dict[str, tuple[int, ...]]
    free: tuple[int, ...]


@dataclass(frozen=True)
class Lexicon:
    synsets: dict[str, tuple[str, ...]]
    blocks: tuple[tuple[Outcome, ...], ...]
    verbs: dict[str, tuple[Entry, ...]]
    index: tuple[BlockIndex, ...]  # per block
    # verbs with a pattern that codes no event ("[---]") -> the cue words of those patterns, of which one
    # must be in the sentence for such a pattern to fit (None: one of them has no cue words)
    vetoing: dict[str, frozenset[str] | None]


def _spec(raw: dict[str, Any]) -> Spec:
    return Spec(
        obj=tuple(raw.get("obj") or ()),
        prt=tuple(raw.get("prt") or ()),
        prep=tuple(tuple(p) for p in raw.get("prep") or ()),
        subj=tuple(raw.get("subj") or ()),
    )


def _outcome(raw: dict[str, Any], text: str | None = None) -> Outcome:
    return Outcome(
        code=raw.get("code"),
        type=raw.get("type"),
        mode=raw.get("mode"),
        spec=_spec(raw),
        text=text if text is not None else str(raw.get("text", "")),
        recip=bool(raw.get("recip")),
        swap=bool(raw.get("swap")),
    )


def alternatives(element: str, synsets: dict[str, tuple[str, ...]]) -> Alternatives:
    """The word sets any one of which makes ``element`` hold: a synset's members (each read the same
    way), or the element's own words, all of them."""
    if element.startswith("&"):
        return tuple(alt for m in synsets.get(element[1:], ()) for alt in alternatives(m, synsets))
    return (frozenset(element.split()),)


def _cue(elements: list[Alternatives]) -> frozenset[str] | None:
    """The fewest words of which one must be there for all ``elements`` to hold: the words of the element
    with the smallest such set (an element with a word-less alternative always holds: no cue)."""
    sets = [frozenset().union(*alts) for alts in elements if all(alts)]
    return min(sets, key=len) if sets else None


def element_reader(synsets: dict[str, tuple[str, ...]]) -> Callable[[str], Alternatives]:
    """``alternatives`` over ``synsets``, one tuple per element text (a match remembers its checks by it)."""
    seen: dict[str, Alternatives] = {}

    def read(element: str) -> Alternatives:
        if element not in seen:
            seen[element] = alternatives(element, synsets)
        return seen[element]

    return read


def compile_spec(spec: Spec, read: Callable[[str], Alternatives]) -> Need:
    alts = lambda elements: tuple(read(e) for e in elements)  # noqa: E731
    obj, subj = alts(spec.obj), alts(spec.subj)
    prep = tuple((read(p[0]), alts(p[1:])) for p in spec.prep)
    every = [*obj, *subj, *((frozenset({p}),) for p in spec.prt)]
    every += [a for name, words in prep for a in (name, *words)]
    return Need(obj, spec.prt, prep, subj, _cue(every))


def _block_index(block: tuple[Outcome, ...], read: Callable[[str], Alternatives]) -> BlockIndex:
    needs = tuple(compile_spec(p.spec, read) for p in block)
    by_word: dict[str, list[int]] = {}
    for k, need in enumerate(needs):
        for w in need.cue or ():
            by_word.setdefault(w, []).append(k)
    free = tuple(k for k, need in enumerate(needs) if need.cue is None)
    return BlockIndex(needs, {w: tuple(ks) for w, ks in by_word.items()}, free)


@cache
def load_lexicon() -> Lexicon:
    with open(DATA / "cameo_verbs.json", encoding="utf-8") as fh:
        raw = json.load(fh)
    synsets = {k: tuple(v) for k, v in raw["synsets"].items()}
    read = element_reader(synsets)
    blocks = tuple(tuple(_outcome(p) for p in b["patterns"]) for b in raw["blocks"])
    verbs = {
        lemma: tuple(
            Entry(e["block"], s, _outcome(e.get("default") or {}, e.get("verb", lemma)), compile_spec(s, read))
            for e in entries
            for s in (_spec(e),)
        )
        for lemma, entries in raw["verbs"].items()
    }
    index = tuple(_block_index(b, read) for b in blocks)
    return Lexicon(synsets, blocks, verbs, index, _vetoing(verbs, blocks, index))


def _vetoing(
    verbs: dict[str, tuple[Entry, ...]], blocks: tuple[tuple[Outcome, ...], ...], index: tuple[BlockIndex, ...]
) -> dict[str, frozenset[str] | None]:
    out: dict[str, frozenset[str] | None] = {}
    for lemma, entries in verbs.items():
        cues = [index[e.block].needs[k].cue for e in entries for k, p in enumerate(blocks[e.block]) if p.code is None]
        if cues:
            out[lemma] = None if None in cues else frozenset(w for c in cues for w in c or ())
    return out


def may_veto(tree: Tree, v: int) -> bool:
    """Whether the lexicon may say verb ``v`` codes no event: one of its patterns codes none ("[---]"), and
    a word that pattern needs is in the sentence. Where not, ``specific_outcome`` never gives a code of None."""
    lex = load_lexicon()
    lemma = tree.lemma(v)
    if lemma not in lex.vetoing:
        return False
    cues = lex.vetoing[lemma]
    return cues is None or any(
        word_key(t.lemma.lower()) in cues or word_key(t.text) in cues for t in tree.tokens.values()
    )


# ---------------------------------------------------------------------------------- matching
def _keys(tree: Tree, idx: list[int]) -> set[str]:
    return {k for i in idx for k in (word_key(tree.lemma(i)), word_key(tree.tokens[i].text))}


def _object_tokens(tree: Tree, v: int, stop: tuple[str, ...] = PHRASE_STOP) -> list[int]:
    heads = tree.children(v, *OBJECT_DEPS)
    if is_passive(tree, v):
        heads += tree.children(v, "nsubjpass")
    return [k for h in heads for k in tree.subtree(h, stop=stop)]


def _subject_tokens(tree: Tree, v: int) -> list[int]:
    if is_passive(tree, v):
        heads = [o for a in tree.children(v, "agent") for o in tree.children(a, "pobj")]
    else:
        heads = tree.children(v, "nsubj")
    return [k for h in heads for k in tree.subtree(h, stop=PHRASE_STOP)]


class Match:
    """The parse around one verb, read once, checked against many specs."""

    def __init__(self, tree: Tree, v: int, narrow: bool = False) -> None:
        self.tree, self.v = tree, v
        # narrow: the object's own phrase, not the phrases its prepositions attach ("fire against camps
        # near the border": fire, not border); the patterns name prepositional phrases apart
        self.obj = _keys(tree, _object_tokens(tree, v, PHRASE_STOP + ("prep",) if narrow else PHRASE_STOP))
        self.subj = _keys(tree, _subject_tokens(tree, v))
        self.particles = {word_key(tree.lemma(k)) for k in tree.children(v, *PARTICLE_DEPS)}
        clause = tree.subtree(v, stop=CLAUSE_STOP)
        self.preps = [
            (
                word_key(tree.lemma(p)),
                _keys(tree, [k for o in tree.children(p, "pobj", "pcomp") for k in tree.subtree(o)]),
            )
            for p in clause
            if tree.tokens[p].dep in ("prep", "agent", "dative") and p != v
        ]
        # every word a spec can ask for: a pattern none of whose cue words is here cannot fit
        self.words = self.obj | self.subj | self.particles | {w for p, keys in self.preps for w in (p, *keys)}
        self._memo: dict[tuple[int, int], bool] = {}  # the word sets above live as long as this match

    def _holds(self, element: Alternatives, keys: set[str]) -> bool:
        """Whether one of the element's word sets is all in ``keys``, remembered per element and word set:
        the many patterns of a verb's blocks name the same synsets and words again and again."""
        key = (id(element), id(keys))
        found = self._memo.get(key)
        if found is None:
            found = self._memo[key] = any(alt <= keys for alt in element)
        return found

    def fits(self, need: Need) -> bool:
        holds = self._holds
        return (
            all(holds(e, self.obj) for e in need.obj)
            and all(p in self.particles for p in need.prt)
            and all(holds(e, self.subj) for e in need.subj)
            and all(any(self._prep_fits(name, words, p, keys) for p, keys in self.preps) for name, words in need.prep)
        )

    def _prep_fits(self, name: Alternatives, words: tuple[Alternatives, ...], prep: str, keys: set[str]) -> bool:
        if not any(alt <= {prep} for alt in name):
            return False
        return all(self._holds(e, keys) for e in words)

    def candidates(self, index: BlockIndex) -> list[int]:
        """The block's patterns (their positions, in order) that may fit: those with a cue word here,
        and those without cue words. Every other pattern lacks a word it needs."""
        found = set(index.free)
        for w in self.words:
            found.update(index.by_word.get(w, ()))
        return sorted(found)


def best_outcome(tree: Tree, v: int) -> Outcome | None:
    """The most specific outcome for verb ``v`` (ties: the earlier entry and pattern), or None when
    the lexicon has no matching entry."""
    lex = load_lexicon()
    entries = lex.verbs.get(tree.lemma(v).lower(), ())
    if not entries:
        return None
    m = Match(tree, v)
    best: tuple[int, Outcome] | None = None
    for e in entries:
        if not m.fits(e.need):
            continue
        base = e.needs.weight
        block, index = lex.blocks[e.block], lex.index[e.block]
        candidates = [(base, e.default)] + [
            (base + block[k].spec.weight, block[k]) for k in m.candidates(index) if m.fits(index.needs[k])
        ]
        for weight, outcome in candidates:
            if outcome.code is None and outcome is e.default:
                continue  # a verb without a code of its own codes only through its patterns
            if best is None or weight > best[0]:
                best = (weight, outcome)
    return best[1] if best else None


def names_words(spec: Spec, particles: set[str]) -> bool:
    """A pattern that names words around the verb (its object, subject, a particle the parse marks as
    the verb's own, or a preposition's object: "* DOWN LAW", "&MILITARY *", "* FIRE"), not only a
    preposition ("* (WITH)", "* ON" read off "on Tuesday")."""
    own = bool(spec.prt) and set(spec.prt) <= particles
    return bool(spec.obj or spec.subj or own or any(len(p) > 1 for p in spec.prep))


def specific_outcome(tree: Tree, v: int) -> Outcome | None:
    """The most specific outcome for verb ``v`` among the lexicon's patterns that name words around
    it (a multi-word verb's own code counts: its particle is named); None when only the verb's bare
    default or a bare-preposition pattern fits. Such a pattern reads the verb in its sense ("struck
    down a law": no event; "troops struck a village": an assault), which a verb lemma alone cannot."""
    lex = load_lexicon()
    m: Match | None = None
    best: tuple[int, Outcome] | None = None
    particles = {word_key(tree.lemma(k)) for k in tree.children(v, "prt")}
    for e in lex.verbs.get(tree.lemma(v).lower(), ()):
        m = m or Match(tree, v, narrow=True)
        if not m.fits(e.need):
            continue
        base = e.needs.weight
        named = lambda spec: names_words(spec, particles)  # noqa: E731
        candidates = [(base, e.default)] if named(e.needs) and e.default.code is not None else []
        block, index = lex.blocks[e.block], lex.index[e.block]
        candidates += [
            (base + block[k].spec.weight, block[k])
            for k in m.candidates(index)
            if named(block[k].spec) and m.fits(index.needs[k])
        ]
        for weight, outcome in candidates:
            if best is None or weight > best[0]:
                best = (weight, outcome)
    return best[1] if best else None


def cameo_pattern(tree: Tree, v: int, out: Outcome | None = None) -> Pattern | None:
    """A trigger pattern from the lexicon for verb ``v`` (from ``out``, else its best outcome): its
    PLOVER type and mode, the object words the pattern checked, and the rule "cameo:<code>:<pattern>";
    None when the lexicon has no entry or its match codes no event. A pattern coded object -> subject
    ("[:051]", "obtained support from X") is marked ``swap``: the role rules then give the subject as
    recipient and the object as doer."""
    out = out or best_outcome(tree, v)
    if out is None or out.type is None:
        return None
    symmetric = out.recip or (out.code in set(load_cameo_settings()["symmetric_codes"]))
    words = frozenset(w for e in out.spec.obj if not e.startswith("&") for w in e.split())
    return Pattern(
        lemmas=frozenset({tree.lemma(v).lower()}),
        type=out.type,
        mode=out.mode,
        objects=words,
        symmetric=symmetric,
        rule=f"cameo:{out.code}:{out.text}",
        cameo=out.code,
        swap=out.swap and not symmetric,
    )


# ---------------------------------------------------------------------------------- accusing by saying
Predicate = tuple[tuple[Alternatives, ...], Outcome]  # the words a predicate must hold, and what it codes


def _predicate_words(spec: Spec, preps: set[str]) -> tuple[str, ...] | None:
    """The elements a pattern names as the thing said of the verb's object: its bare object words ("* LIAR"),
    or, with ``preps``, the words of its one such prepositional phrase ("* (AS MISTAKE)"); None for other
    patterns (a subject, a particle, other phrases)."""
    if spec.subj or spec.prt:
        return None
    if not preps:
        return spec.obj if spec.obj and not spec.prep else None
    if spec.obj or len(spec.prep) != 1 or spec.prep[0][0] not in preps or len(spec.prep[0]) < 2:
        return None
    return spec.prep[0][1:]


def _predicates(verbs: list[str], preps: set[str], codes: tuple[str, ...]) -> tuple[Predicate, ...]:
    """The predicates the lexicon's blocks of ``verbs`` code with a code of ``codes``."""
    lex = load_lexicon()
    read = element_reader(lex.synsets)
    blocks = dict.fromkeys(e.block for v in verbs for e in lex.verbs.get(v, ()))
    out: list[Predicate] = []
    for b in blocks:
        for p in lex.blocks[b]:
            words = _predicate_words(p.spec, preps)
            if words and p.type is not None and str(p.code or "").startswith(codes):
                out.append((tuple(read(w) for w in words), p))
    return tuple(out)


@cache
def predication_table() -> tuple[tuple[Predicate, ...], tuple[Predicate, ...]]:
    """What a clause may say of an actor that accuses it (data/cameo.yaml ``predication``): the names of the
    naming and describing verbs (for a copula's complement), and what the blaming verbs blame for (for the
    object of a causative)."""
    cfg = load_cameo_settings()["predication"]
    codes = tuple(str(c) for c in cfg["codes"])
    naming = _predicates([str(v) for v in cfg["naming_verbs"]], set(), codes)
    naming += _predicates([str(v) for v in cfg["describing_verbs"]], {str(p) for p in cfg["describing_preps"]}, codes)
    # "blamed Y for X": X is the deed; a bare object ("blamed the decision") is what is blamed, not a deed
    blaming = _predicates([str(v) for v in cfg["blaming_verbs"]], {str(p) for p in cfg["blaming_preps"]}, codes)
    return naming, blaming


def predicate_outcome(tree: Tree, c: int) -> Outcome | None:
    """What the clause headed by ``c`` says of its subject, where the lexicon codes it as disapproval: a
    copula's complement one of the naming patterns names ("Y was a liar", "Y's hostility was a mistake"), or
    a causative's object one of the blaming patterns blames for ("Y caused death"); None otherwise, and for a
    negated clause ("Y is not a liar"). The most specific pattern wins (ties: the first)."""
    if tree.children(c, "neg"):
        return None
    naming, blaming = predication_table()
    if complements := tree.children(c, "attr", "acomp"):
        table, heads = naming, complements
    elif tree.lemma(c) in {str(v) for v in load_cameo_settings()["predication"]["causative_verbs"]}:
        table, heads = blaming, tree.children(c, "dobj")
    else:
        return None
    words = _keys(tree, [k for h in heads for k in tree.subtree(h, stop=PHRASE_STOP)])
    best: tuple[int, Outcome] | None = None
    for need, out in table:
        if all(any(alt <= words for alt in element) for element in need):
            weight = sum(min(len(alt) for alt in element) for element in need)
            if best is None or weight > best[0]:
                best = (weight, out)
    return best[1] if best else None
