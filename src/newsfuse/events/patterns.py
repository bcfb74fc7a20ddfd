"""Predicate patterns (data/patterns.yaml) and their matching against a dependency tree."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from ..text.tree import Tree
from .ontology import load_patterns
from .precision import asked_for

OBJECT_DEPS = ("dobj", "attr", "oprd", "dative")
PARTICLE_DEPS = ("prt", "prep", "agent", "advmod")
TIME_ENTITIES = ("DATE", "TIME")  # the parser's entity labels of dates and times
# the parser's entity labels of names of things: a capitalised word inside one is a word of the name
# ("Volatiles Investigating Polar Exploration Rover", "Committee to Protect Journalists"), no act
NAME_ENTITIES = ("ORG", "PRODUCT", "WORK_OF_ART", "EVENT", "FAC", "LAW")
MODIFIER_DEPS = ("compound", "amod", "nmod", "npadvmod")


@dataclass(frozen=True)
class Pattern:
    lemmas: frozenset[str]
    type: str
    mode: str | None = None
    with_: frozenset[str] = frozenset()
    objects: frozenset[str] = frozenset()
    modifiers: frozenset[str] = frozenset()
    object_actor: bool = False
    passive: bool = True
    symmetric: bool = False
    initiator: bool = False
    noun: bool = False
    purpose: bool = False  # only as a purpose infinitive ("shunned work to protest")
    modal: frozenset[str] = frozenset()  # its clausal complement carries one of these ("said X must")
    content: tuple[tuple[str, str], ...] = ()  # type of the act it governs -> type of the event
    target_preps: frozenset[str] = frozenset()  # prepositions naming the recipient, where not the usual
    topic_object: bool = False  # its object is a topic ("discussed Syria"), not a participant
    rule: str = ""  # where it is written: "verbs[12] attack" (patterns.yaml list and entry)
    cameo: str | None = None  # the CAMEO code its source gives (the CAMEO lexicon's), if any
    intransitive: bool = False  # only with no direct object ("the army mobilized")
    swap: bool = False  # the act runs from the object to the subject ("received support from X": X acts)
    addressee: bool = False  # only naming whom it asks: an actor object, or its complement's subject
    clause_target: bool = False  # the recipient is its clause's subject ("said Y was a liar": Y)
    content_only: bool = False  # only as the governor of an act its ``content`` names ("prepared to resume shelling")


def _pattern(spec: dict, noun: bool, k: int = 0) -> Pattern:
    low = lambda key: frozenset(str(x).lower() for x in spec.get(key) or ())  # noqa: E731
    return Pattern(
        lemmas=low("lemmas"),
        type=spec["type"],
        mode=spec.get("mode"),
        with_=low("with"),
        objects=low("objects"),
        modifiers=low("modifiers"),
        object_actor=bool(spec.get("object_actor")),
        passive=spec.get("passive", True),
        symmetric=bool(spec.get("symmetric")),
        initiator=bool(spec.get("initiator")),
        noun=noun,
        purpose=bool(spec.get("purpose")),
        modal=low("modal"),
        content=tuple((str(k), str(v)) for k, v in (spec.get("content") or {}).items()),
        target_preps=low("target_preps"),
        topic_object=bool(spec.get("topic_object")),
        intransitive=bool(spec.get("intransitive")),
        addressee=bool(spec.get("addressee")),
        content_only=bool(spec.get("content_only")),
        rule=f"{'nouns' if noun else 'verbs'}[{k}] {str((spec.get('lemmas') or ['?'])[0]).lower()}",
    )


@lru_cache(maxsize=1)
def compiled() -> tuple[tuple[Pattern, ...], tuple[Pattern, ...]]:
    raw = load_patterns()
    return (
        tuple(_pattern(s, False, k) for k, s in enumerate(raw["verbs"])),
        tuple(_pattern(s, True, k) for k, s in enumerate(raw["nouns"])),
    )


@lru_cache(maxsize=1)
def by_lemma() -> tuple[dict[str, tuple[Pattern, ...]], dict[str, tuple[Pattern, ...]]]:
    """The verb and the noun patterns listing each lemma, in their order in ``compiled()``."""
    return _by_lemma(compiled()[0]), _by_lemma(compiled()[1])


def _by_lemma(patterns: tuple[Pattern, ...]) -> dict[str, tuple[Pattern, ...]]:
    found: dict[str, list[Pattern]] = {}
    for p in patterns:
        for lemma in p.lemmas:
            found.setdefault(lemma, []).append(p)
    return {lemma: tuple(ps) for lemma, ps in found.items()}


def is_passive(tree: Tree, v: int) -> bool:
    """A passive verb, also a reduced one with its by-agent ("when asked by the BBC")."""
    if tree.children(v, "nsubjpass", "auxpass", "csubjpass"):
        return True
    return tree.tokens[v].tag == "VBN" and any(tree.lemma(a) == "by" for a in tree.children(v, "agent"))


def object_heads(tree: Tree, v: int, preps: frozenset[str] = frozenset()) -> list[int]:
    """Objects of a verb: dobj (the subject when passive), pobj of its particles, xcomp objects."""
    heads = tree.children(v, *OBJECT_DEPS)
    if is_passive(tree, v):
        heads += tree.children(v, "nsubjpass")
    for p in tree.children(v, "prep", "agent", "prt"):
        if (not preps and tree.lemma(p) not in frame_preps()) or tree.lemma(p) in preps:
            heads += tree.children(p, "pobj", "pcomp")
    more = []
    for h in list(heads):  # "10 days of war games", "talks and consultations"
        more += tree.conjuncts(h)
        for of in tree.children(h, "prep"):
            if tree.lemma(of) == "of":
                more += tree.children(of, "pobj")
    for x in tree.children(v, "xcomp"):
        more += tree.children(x, "dobj")
    return heads + more


@lru_cache(maxsize=1)
def frame_preps() -> frozenset[str]:
    return frozenset(str(x) for x in load_patterns().get("frame_preps") or ())


def has_modifier(tree: Tree, n: int, modifiers: frozenset[str]) -> bool:
    if not modifiers:
        return True
    words = {tree.lemma(k) for k in tree.children(n, *MODIFIER_DEPS)}
    words |= {tree.tokens[k].text.lower() for k in tree.children(n, *MODIFIER_DEPS)}
    return bool(words & modifiers)


def object_lemmas(tree: Tree, o: int) -> set[str]:
    """An object's lemma and those of its compound modifiers ("mediation efforts", "aid deliveries"); a date
    or time the parser names is no object word ("the March states": the month, no march)."""
    words = [k for k in (o, *tree.children(o, "compound")) if tree.tokens[k].ent_type not in TIME_ENTITIES]
    return {tree.lemma(k) for k in words}


def is_purpose(tree: Tree, v: int) -> bool:
    """``v`` is an infinitive of purpose hanging off another verb ("stopped work to protest")."""
    return tree.tokens[v].dep in ("advcl", "xcomp") and "to" in tree.child_lemmas(v, "aux")


def has_modal_complement(tree: Tree, v: int, modals: frozenset[str]) -> bool:
    return any(tree.child_lemmas(c, "aux") & modals for c in tree.children(v, "ccomp"))


def particles(tree: Tree, v: int) -> set[str]:
    """The particles and prepositions of the verb ``v``, less a preposition that only dates or times
    it ("called off the talks on Monday": no "call on")."""
    return {
        tree.lemma(c)
        for c in tree.children(v, *PARTICLE_DEPS)
        if not (tree.tokens[c].dep == "prep" and _dates_only(tree, c))
    }


def clause_markers(tree: Tree, v: int) -> set[str]:
    """The "for" of a for-to infinitive the verb governs ("is calling for the United States to step up"), which the
    parse may hang on the infinitive as its marker: the verb's own preposition, whose object is the clause's
    subject (Quirk et al. 1985, 16.42)."""
    return {"for"} if for_clauses(tree, v) else set()


def for_clauses(tree: Tree, v: int) -> list[int]:
    """The for-to infinitival clauses the verb governs ("for the United States to step up")."""
    return [c for c in tree.children(v, "advcl", "ccomp", "xcomp") if asked_for(tree, c)]


def _dates_only(tree: Tree, prep: int) -> bool:
    objects = tree.children(prep, "pobj")
    return bool(objects) and all(tree.tokens[o].ent_type in TIME_ENTITIES for o in objects)


def match_verb(tree: Tree, v: int, is_actor: Callable[[int], bool]) -> Pattern | None:
    for p in by_lemma()[0].get(tree.lemma(v), ()):
        if not p.passive and is_passive(tree, v):
            continue
        if p.purpose and not is_purpose(tree, v):
            continue
        if p.modal and not has_modal_complement(tree, v, p.modal):
            continue
        if p.intransitive and tree.children(v, "dobj"):
            continue
        if p.with_ and not ((particles(tree, v) | clause_markers(tree, v)) & p.with_):
            continue
        objs = object_heads(tree, v, p.with_ if p.objects and p.with_ else frozenset())
        if p.objects and not any(
            object_lemmas(tree, o) & p.objects and has_modifier(tree, o, p.modifiers) for o in objs
        ):
            continue
        if p.object_actor and (tree.children(v, "oprd") or not any(is_actor(o) for o in tree.children(v, "dobj"))):
            continue  # "called Obama a liar": an object predicative is the naming sense, no act on the object
        if p.addressee and not addressed(tree, v, is_actor):
            continue  # "wants a tax cut": a wish, asked of no one
        return p
    return None


def addressed(tree: Tree, v: int, is_actor: Callable[[int], bool]) -> bool:
    """The verb names an actor it asks: its object ("wants Iran"), or the subject of its clausal complement
    ("wants Mexico to pay")."""
    heads = tree.children(v, "dobj", "dative", "iobj")
    heads += [s for c in tree.children(v, "ccomp", "xcomp") for s in tree.children(c, "nsubj", "nsubjpass")]
    return any(is_actor(h) for h in heads)


def match_noun(tree: Tree, n: int) -> Pattern | None:
    for p in by_lemma()[1].get(tree.lemma(n), ()):
        if has_modifier(tree, n, p.modifiers) and completed(tree, n, p.with_):
            return p
    return None


def completed(tree: Tree, n: int, with_: frozenset[str]) -> bool:
    """Does the noun ``n`` carry one of the complements ``with_`` names (a preposition it governs,
    "to-clause", "that-clause")? True when none is asked for."""
    if not with_:
        return True
    if tree.child_lemmas(n, "prep") & with_:
        return True
    for c in tree.children(n, "acl", "ccomp", "relcl"):
        if "to-clause" in with_ and "to" in tree.child_lemmas(c, "aux"):
            return True
        if "that-clause" in with_ and "that" in tree.child_lemmas(c, "mark"):
            return True
    return False


def in_a_name(tree: Tree, i: int) -> bool:
    """Whether the word is a capitalised word inside (not opening) the name of an organisation, a
    product, a work, an event, a building or a law: a word of that name, not an act of the sentence."""
    tok = tree.tokens[i]
    return tok.ent_iob == "I" and tok.ent_type in NAME_ENTITIES and tok.text[:1].isupper()
