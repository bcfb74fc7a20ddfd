"""Event coreference for any event mention (not only PLOVER-coded ones): the fusion decision,
generalised. As in ``fuse.compatible``, two mentions can be one event only inside one story and
when their day-precision dates do not conflict. What stands in for the PLOVER type is the trigger
(its lemma, its words' embedding and its embedding in its sentence) and what stands in for the
actors are the trigger's syntactic arguments, the names around it and the people of its article;
how many of the story's articles use the trigger's lemma family (``with_spread``) tells a story's
main events from the passing ones, and two mentions of one sentence are two events. Synonyms
(murder / killing) are told by the CAMEO verb dictionary's synonym blocks and event codes
(``trigger_families.yaml``, with nominalising suffixes undone), and a mention of one article that
is a definite nominal ("the attack") most often refers back to one told before. Who the event
befell (``participants``: a name, an age, a count, what a person noun says of sex, life stage and
number) and a noun trigger paired with a verb are offered to the fit as well; at the weights fitted
on ECB+ train they did not help (see ``coref.weights``), so the weights leave them out.
The pair score is a logistic model whose weights (``coref.weights`` in ``fusion.yaml``, one vector
for two mentions of one article and one for mentions of two articles) were fitted on ECB+ train
only; mentions of one story are grouped by average linkage over the pair probabilities
(``constrained_average_linkage``: optionally never across a pair below ``coref.cannot_link_below``),
in a canonical order, so the result does not depend on input order.
"""

from __future__ import annotations

import dataclasses
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache

import numpy as np

from ..model import DateMention, Token
from ..text.tree import Tree
from . import crossenc
from . import dates as D
from .config import load
from .embed import DIM, Encoded, encode, unit
from .items import jaccard


@dataclass(frozen=True)
class AnyMention:
    id: str
    story: str | None
    lemma: str
    names: frozenset[str] = frozenset()  # people / organisations named in the mention's sentence
    dates: frozenset[str] = frozenset()  # day-precision dates that date the trigger's own clause (``trigger_dates``)
    places: frozenset[str] = frozenset()  # places named in the mention's sentence
    vector: np.ndarray | None = field(default=None, compare=False, hash=False)  # unit embedding of the trigger words
    article: str = ""
    # unit embedding of the trigger read in its sentence
    context: np.ndarray | None = field(default=None, compare=False, hash=False)
    arguments: frozenset[str] = frozenset()  # lemmas of the trigger's subject, object and prepositional nouns
    article_vector: np.ndarray | None = field(default=None, compare=False, hash=False)  # the article's embedding
    article_people: frozenset[str] = frozenset()  # people named anywhere in the article
    sentence: int = -1  # index of the mention's sentence in its article (-1: unknown)
    pos: str = ""  # part of speech of the trigger's head (VERB, NOUN, ...)
    determiner: str = ""  # the determiner or possessive pronoun of a noun trigger, lowercased ("the", "his")
    # share of the story's other articles with a mention of this trigger's lemma family (set by ``with_spread``)
    spread: float = 0.0
    marked: str = ""  # the mention's sentence with its trigger marked (crossenc.marked_sentence); "": none
    # who took part, as "kind:value" tags (name, age, count, sex, stage, number): see ``participants``
    participants: frozenset[str] = frozenset()
    published: str = ""  # the publication day (YYYY-MM-DD) of the mention's article; "": unknown


def _cfg() -> dict:
    return load("fusion.yaml")["coref"]


# ---------------------------------------------------------------------- features of one mention


def arguments(tokens: Sequence[Token], head: Token) -> frozenset[str]:
    """Lemmas of the nouns and names that fill the trigger's slots: "police arrested a man" ->
    {police, man}; "arrest on suspicion" -> {suspicion} (a preposition's object counts)."""
    cfg = _cfg()
    deps, kinds = set(cfg["argument_deps"]), set(cfg["argument_pos"])
    tree = _tree(tokens, head)
    found = set()
    for child in tree.kids(head.i):
        if child.dep in deps and child.pos in kinds:
            found.add(child.lemma.lower())
        elif child.dep == "prep":
            found |= {g.lemma.lower() for g in tree.kids(child.i, ("pobj",)) if g.pos in kinds}
    return frozenset(found)


def trigger_dates(tokens: Sequence[Token], head: Token, dates: Sequence[DateMention]) -> frozenset[str]:
    """The day-precision dates that date the trigger itself: those inside its own words, not past a
    clause of another event ("A jury on Tuesday convicted a man charged in an April 2007 shooting":
    Tuesday dates the conviction, not the shooting). A time expression anchors the event of its own
    clause (TimeML's event-timex links within a clause), so a date elsewhere in the sentence does
    not keep two mentions apart."""
    tree = _tree(tokens, head)
    spans = [(tree.tokens[i].start, tree.tokens[i].end) for i in tree.subtree(head.i, stop=_cfg()["date_stop_deps"])]
    return frozenset(
        d.value for d in dates if d.value and d.precision == "day" and any(s < d.end and d.start < e for s, e in spans)
    )


def determiner(tokens: Sequence[Token], head: Token) -> str:
    """The lowercased determiner or possessive pronoun the trigger takes: "the attack" -> "the",
    "his arrest" -> "his", "arrested" -> ""."""
    for child in _tree(tokens, head).kids(head.i, ("det", "poss")):
        if child.pos in ("DET", "PRON"):
            return child.text.lower()
    return ""


def participants(tokens: Sequence[Token], head: Token) -> frozenset[str]:
    """What tells apart the people the trigger's event befell, as "kind:value" tags: a
    PERSON's last word (``name``), an age (``age``: "a 23-year-old man"), a count (``count``: "two
    people") and what the person noun or pronoun says of ``sex``, ``stage`` and ``number``
    (``coref.participants`` in fusion.yaml). "The two children died" -> {stage:child,
    number:plural, count:2}; "the boy was dead" -> {sex:male, stage:child, number:singular}."""
    cfg = _cfg()["participants"]
    tree = _tree(tokens, head)
    tags: set[str] = set()
    for slot in _participant_slots(tree, head, cfg):
        group = [slot, *_conjuncts(tree, slot)]
        people = [p for p in group if _is_person(p, cfg)]
        for p in people:
            tags |= _person_tags(tree, p, cfg, alone=len(group) == 1)
        if len(people) > 1:
            tags.add("number:plural")
    return frozenset(tags)


def _participant_slots(tree: Tree, head: Token, cfg: dict) -> list[Token]:
    """The tokens naming who the trigger's event befell: the first slot group of ``slot_order``
    that the trigger fills ("X killed Y", "Y was shot", "the death of Y" -> Y; "Y died" -> Y); for
    a predicate ("was dead") or a modifier ("children shot") with none, its verb's subject or the
    noun it modifies."""
    for deps in cfg["slot_order"]:
        slots = [k for k in tree.kids(head.i) if k.dep in deps]
        if "of" in deps:
            slots += _of_objects(tree, head)
        if any(_is_person(p, cfg) for t in slots for p in (t, *_conjuncts(tree, t))):
            return slots
    up = tree.head(head.i)
    if up is None:
        return []
    if head.dep in cfg["modifier_deps"]:
        return [tree.tokens[up]]
    if head.dep in cfg["predicate_deps"]:
        return tree.kids(up, cfg["predicate_subjects"])
    return []


def _of_objects(tree: Tree, head: Token) -> list[Token]:
    """The objects of the trigger's "of": "the death of two children" -> [children]."""
    return [g for k in tree.kids(head.i, ("prep",)) if k.lemma.lower() == "of" for g in tree.kids(k.i, ("pobj",))]


def _conjuncts(tree: Tree, token: Token) -> list[Token]:
    out, todo = [], [token]
    while todo:
        for k in tree.kids(todo.pop().i, ("conj",)):
            out.append(k)
            todo.append(k)
    return out


def _is_person(token: Token, cfg: dict) -> bool:
    return token.ent_type == "PERSON" or _person_word(token, cfg) is not None


def _person_word(token: Token, cfg: dict) -> list[str] | None:
    people = cfg["people"]
    return people.get(token.text.lower(), people.get(token.lemma.lower()))


def _person_tags(tree: Tree, person: Token, cfg: dict, alone: bool) -> set[str]:
    """The tags of one person token: its dictionary sense, its name, and the age and count of its
    own words (not of a relative clause or a coordinated person)."""
    kinds = cfg["kinds"]
    sense = _person_word(person, cfg) or []
    tags = {f"{kinds[value]}:{value}" for value in sense if alone or kinds[value] != "number"}
    own = tree.subtree(person.i, stop=cfg["stop_deps"])
    tags |= {f"name:{tree.tokens[i].text.lower()}" for i in own if _name_head(tree.tokens[i])}
    for t in tree.kids(person.i):
        count = _count(t, cfg)
        if count is None:
            continue
        if t.dep == "appos":  # "Joseph Horn, 48,"
            tags.add(f"age:{count}")
        elif t.dep in cfg["count_deps"] and alone:
            tags |= {f"count:{count}", f"number:{'plural' if count > 1 else 'singular'}"}
    age = re.search(cfg["age_pattern"], tree.span_text(own), flags=re.IGNORECASE)
    if age:
        tags.add(f"age:{int(age.group(1))}")
    if alone and person.pos in ("NOUN", "PROPN") and not any(t.startswith("number:") for t in tags):
        tags.add("number:plural" if person.tag in ("NNS", "NNPS") else "number:singular")
    return tags


def _name_head(token: Token) -> bool:
    """The last word of a person's name (the head of its compound)."""
    return token.ent_type == "PERSON" and token.pos == "PROPN" and token.dep != "compound"


def _count(token: Token, cfg: dict) -> int | None:
    word = token.text.lower()
    if word.isdigit():
        return int(word)
    return cfg["counts"].get(word)


def _tree(tokens: Sequence[Token], head: Token) -> Tree:
    return Tree([t for t in tokens if t.sent == head.sent] if len(tokens) > 200 else tokens)


def context_vectors(items: Sequence[tuple[str, Sequence[tuple[int, int]]]]) -> np.ndarray:
    """One unit vector per (sentence, trigger character spans): the embedder's token states over the
    trigger's word pieces, read in the sentence, so "fired" (a shot) and "fired" (a job) differ.
    A trigger no word piece overlaps (cut off past the 256th piece) gets the [CLS] state."""
    if not items:
        return np.zeros((0, DIM), dtype=np.float32)
    encoded = encode([text for text, _ in items])
    return np.asarray([_trigger_vector(e, spans) for e, (_, spans) in zip(encoded, items)], dtype=np.float32)


def _trigger_vector(encoded: Encoded, spans: Sequence[tuple[int, int]]) -> np.ndarray:
    picked = [
        j
        for j, (a, b) in enumerate(encoded.encoding.offsets)
        if b > a and any(a < end and b > start for start, end in spans)
    ]
    return unit(encoded.states[picked].mean(axis=0) if picked else encoded.states[0])


# ---------------------------------------------------------------------- the pair decision


@cache
def _trigger_families() -> dict[str, dict[str, list[str]]]:
    return load("trigger_families.yaml")


@cache
def trigger_verb(lemma: str) -> str:
    """The CAMEO verb a trigger lemma is, or is derived from by a nominalising suffix ("killing" ->
    "kill", "robbery" -> "rob", "election" -> "elect", "investigation" -> "investigate"); "" when
    none is in the CAMEO verb dictionary. The suffix rules are ``coref.derivations`` in fusion.yaml."""
    verbs = _trigger_families()["blocks"]
    if lemma in verbs:
        return lemma
    for suffix, replacement in _cfg()["derivations"]:
        stem = lemma[: -len(suffix)]
        if not lemma.endswith(suffix) or len(stem) < 2:
            continue
        undoubled = stem[:-1] if len(stem) > 2 and stem[-1] == stem[-2] else stem
        for candidate in (stem + replacement, undoubled + replacement):
            if candidate in verbs:
                return candidate
    return ""


def cameo_synonyms(a: str, b: str) -> bool:
    """The two trigger lemmas' verbs share a CAMEO synonym block (kill / murder / slay)."""
    return _shared("blocks", a, b)


def same_cameo_code(a: str, b: str) -> bool:
    """The two trigger lemmas' verbs share a CAMEO event code (kill / shoot / attack: 190)."""
    return _shared("codes", a, b)


def _shared(table: str, a: str, b: str) -> bool:
    families = _trigger_families()[table]
    va, vb = trigger_verb(a), trigger_verb(b)
    return bool(va and vb and set(families.get(va, ())) & set(families.get(vb, ())))


def participants_conflict(a: AnyMention, b: AnyMention) -> bool:
    """The two mentions' people differ in some kind both tell: another name, age, count, sex, life
    stage or number ("the boy died" / "the father died"; "two people were shot" / "a man was shot")."""
    return any(not (x & y) for x, y in _by_kind(a.participants, b.participants))


def participants_shared(a: AnyMention, b: AnyMention) -> bool:
    """The two mentions name one person or give one age."""
    return bool({t for t in a.participants & b.participants if t.split(":", 1)[0] in ("name", "age")})


def _by_kind(a: frozenset[str], b: frozenset[str]) -> list[tuple[set[str], set[str]]]:
    """For each kind both tag sets have, the two sets of values."""
    kinds = {t.split(":", 1)[0] for t in a} & {t.split(":", 1)[0] for t in b}
    return [({t for t in a if t.startswith(k + ":")}, {t for t in b if t.startswith(k + ":")}) for k in sorted(kinds)]


def definite_nominal(m: AnyMention) -> bool:
    """A noun trigger with a definite determiner ("the attack", "this incident"): most often it
    refers back to an event already told."""
    return m.pos == "NOUN" and m.determiner in _cfg()["definite_determiners"]


def lemma_family(a: str, b: str) -> bool:
    """Same lemma, or one a short inflection of the other the parser left unlemmatised
    ("shoot"/"shooting", "playoff"/"playoffs")."""
    short, long_ = sorted((a, b), key=len)
    suffix = len(long_) - len(short)
    return a == b or (len(short) >= 3 and long_.startswith(short) and suffix <= _cfg()["family_max_suffix"])


def with_spread(story: Sequence[AnyMention]) -> list[AnyMention]:
    """The mentions of one story, each with the share of the story's other articles that have a
    mention of its lemma family: the story's main events are told in most of its articles, while a
    trigger only one article uses ("help", "career") is most often an event of its own."""
    articles_of: dict[str, set[str]] = {}
    for m in story:
        articles_of.setdefault(m.lemma, set()).add(m.article)
    others = len({m.article for m in story}) - 1
    family = {
        lemma: set().union(*(arts for other, arts in articles_of.items() if lemma_family(lemma, other)))
        for lemma in articles_of
    }
    return [
        dataclasses.replace(m, spread=len(family[m.lemma] - {m.article}) / others if others > 0 else 0.0) for m in story
    ]


def pair_features(a: AnyMention, b: AnyMention, cross: float = 0.0) -> dict[str, float]:
    """The pair's features; ``cross`` is the cross-encoder's probability for a pair it reads
    (``cross_candidate``), 0 for any other. ``noun_verb``: one trigger a noun, the other a verb
    ("the shooting" / "was shot"); ``conflicting_participants`` / ``shared_participants``: see
    ``participants_conflict`` and ``participants_shared``."""
    cfg = _cfg()
    same_article = bool(a.article) and a.article == b.article
    same_lemma = a.lemma == b.lemma
    family = lemma_family(a.lemma, b.lemma)
    spread = min(a.spread, b.spread)
    context = _cos(a.context, b.context)
    synonyms = not family and cameo_synonyms(a.lemma, b.lemma)
    same_code = not family and not synonyms and same_cameo_code(a.lemma, b.lemma)
    noun_and_verb = {a.pos, b.pos} == {"NOUN", "VERB"}
    cap = cfg["sentence_distance_cap"]
    distance = min(abs(a.sentence - b.sentence), cap) / cap if a.sentence >= 0 and b.sentence >= 0 else 1.0
    return {
        "bias": 1.0,
        "context_similarity": context,
        "trigger_similarity": _cos(a.vector, b.vector),
        "same_lemma": float(same_lemma),
        "lemma_family": float(family),
        "article_similarity": 1.0 if same_article else _cos(a.article_vector, b.article_vector),
        "shared_article_people": 1.0 if same_article else jaccard(a.article_people, b.article_people),
        "same_article": float(same_article),
        "same_article_same_lemma": float(same_article and same_lemma),
        "reporting": float(a.lemma in cfg["reporting_lemmas"] and b.lemma in cfg["reporting_lemmas"]),
        "shared_arguments": float(bool(a.arguments & b.arguments)),
        "conflicting_names": float(bool(a.names and b.names and not a.names & b.names)),
        "conflicting_places": float(bool(a.places and b.places and not a.places & b.places)),
        "noun_verb": float(noun_and_verb),
        "lemma_family_noun_verb": float(family and noun_and_verb),
        "conflicting_participants": float(participants_conflict(a, b)),
        "shared_participants": float(participants_shared(a, b)),
        "same_sentence": float(same_article and a.sentence == b.sentence and a.sentence >= 0),
        "story_spread": spread,
        "story_spread_family": spread * family,
        "story_spread_context": spread * context,
        "cameo_synonyms": float(synonyms),
        "same_cameo_code": float(same_code),
        "same_article_cameo": float(same_article and (synonyms or same_code)),
        "same_article_context": same_article * context,
        "same_article_distance": same_article * distance,
        "same_article_definite": float(same_article and (definite_nominal(a) or definite_nominal(b))),
        "cross_encoder": cross,
    }


def cross_candidate(a: AnyMention, b: AnyMention) -> bool:
    """Whether the cross-encoder reads the pair: both have a marked sentence and their triggers are
    of one lemma family, CAMEO synonyms, of one CAMEO code, or close in embedding
    (``coref.cross_encoder.min_trigger_similarity``)."""
    if not (a.marked and b.marked):
        return False
    if lemma_family(a.lemma, b.lemma) or cameo_synonyms(a.lemma, b.lemma) or same_cameo_code(a.lemma, b.lemma):
        return True
    return _cos(a.vector, b.vector) >= _cfg()["cross_encoder"]["min_trigger_similarity"]


def allowed(a: AnyMention, b: AnyMention) -> bool:
    """The hard constraints, as in ``fuse.compatible``: one story, day-precision dates that do not
    conflict (two mentions of one story whose dates are ``same_story_day_tolerance`` days apart may
    still be one event: a report's "Monday" is another's "late Sunday"), and no undated mention
    paired with one of an article published far from its own (``published_apart``)."""
    return (
        a.story is not None
        and a.story == b.story
        and not _dates_conflict(a.dates, b.dates)
        and not published_apart(a.published, b.published, bool(a.dates and b.dates))
    )


def published_apart(a: str | None, b: str | None, both_dated: bool) -> bool:
    """Whether two mentions, not both dated by their own words, come from articles published more
    than ``undated_publication_window_days`` apart (fusion.yaml): reports of one incident are
    published within days of it, so an undated "the shooting" in an article of months later is
    another shooting, or the story told again, unless a date of its own says which."""
    if both_dated:
        return False
    gap = D.gap_days((a or "")[:10] or None, (b or "")[:10] or None)
    return gap is not None and gap > load("fusion.yaml")["undated_publication_window_days"]


def _dates_conflict(a: frozenset[str], b: frozenset[str]) -> bool:
    if not a or not b or a & b:
        return False
    tolerance = load("fusion.yaml")["same_story_day_tolerance"]
    return all((gap := D.gap_days(x, y)) is None or gap > tolerance for x in a for y in b)


Weights = dict[str, dict[str, float]]  # PAIR_KINDS -> feature -> weight (a feature not named weighs 0)
CrossScores = dict[tuple[str, str], float]  # (id, id) in id order -> the cross-encoder's probability


def pair_kind(a: AnyMention, b: AnyMention) -> str:
    """Which weight vector scores the pair: two mentions of one article (where a second mention is
    most often a synonym or a generic nominal of the first) or of two articles."""
    return PAIR_KINDS[1] if a.article and a.article == b.article else PAIR_KINDS[0]


PAIR_KINDS = ("across_articles", "within_article")


def pair_score(a: AnyMention, b: AnyMention, weights: Weights | None = None, cross: float = 0.0) -> float:
    """Log-odds that two mentions are one event (-inf when they cannot be); ``weights`` default to
    ``coref.weights`` in fusion.yaml, one vector per ``pair_kind``; ``cross`` as in ``pair_features``."""
    if not allowed(a, b):
        return -math.inf
    vector = (weights or _cfg()["weights"])[pair_kind(a, b)]
    return sum(vector.get(k, 0.0) * v for k, v in pair_features(a, b, cross).items())


def same_event(a: AnyMention, b: AnyMention) -> bool:
    cross = cross_scores([a, b]).get(_key(a, b), 0.0) if uses_cross_encoder() else 0.0
    return _probability(pair_score(a, b, cross=cross)) >= _cfg()["threshold"]


def uses_cross_encoder(weights: Weights | None = None) -> bool:
    """Whether the pair weights give the cross-encoder's probability any weight."""
    return any(vector.get("cross_encoder", 0.0) for vector in (weights or _cfg()["weights"]).values())


def cross_pairs(ms: Sequence[AnyMention]) -> list[tuple[AnyMention, AnyMention]]:
    """The pairs of these mentions (in id order) that the constraints allow and the cross-encoder reads."""
    ordered = sorted(ms, key=lambda m: m.id)
    return [(a, b) for i, a in enumerate(ordered) for b in ordered[i + 1 :] if allowed(a, b) and cross_candidate(a, b)]


def cross_scores(ms: Sequence[AnyMention], known: CrossScores | None = None) -> CrossScores:
    """The cross-encoder's probability (mean of its models) for each pair of ``cross_pairs``, those
    in ``known`` taken from there."""
    known = known or {}
    todo = [(a, b) for a, b in cross_pairs(ms) if _key(a, b) not in known]
    found = crossenc.probabilities([(a.marked, b.marked) for a, b in todo])
    return {**known, **{_key(a, b): float(p) for (a, b), p in zip(todo, found)}}


def _key(a: AnyMention, b: AnyMention) -> tuple[str, str]:
    return (a.id, b.id) if a.id <= b.id else (b.id, a.id)


def group(
    mentions: list[AnyMention],
    weights: Weights | None = None,
    threshold: float | None = None,
    cross: CrossScores | None = None,
) -> list[list[str]]:
    """Clusters of mention ids: story by story, average linkage over the pair probabilities
    (``weights`` and ``threshold`` default to fusion.yaml's; ``coref.cannot_link_below`` as in
    ``constrained_average_linkage``). When the weights use the
    cross-encoder, its probabilities are taken from ``cross`` and computed for the pairs it lacks."""
    threshold = float(_cfg()["threshold"]) if threshold is None else threshold
    by_story: dict[str, list[AnyMention]] = {}
    clusters: list[list[str]] = []
    for m in sorted(mentions, key=lambda m: m.id):
        if m.story is None:
            clusters.append([m.id])
        else:
            by_story.setdefault(m.story, []).append(m)
    for story in sorted(by_story):
        ms = with_spread(by_story[story])
        scores = cross_scores(ms, cross) if uses_cross_encoder(weights) and len(ms) > 1 else {}
        clusters += _average_linkage(ms, threshold, weights, scores)
    return clusters


def _average_linkage(
    ms: list[AnyMention], threshold: float, weights: Weights | None, cross: CrossScores
) -> list[list[str]]:
    n = len(ms)
    probabilities = np.eye(n)
    for i in range(n):
        for j in range(i + 1, n):
            score = pair_score(ms[i], ms[j], weights, cross.get(_key(ms[i], ms[j]), 0.0))
            probabilities[i, j] = probabilities[j, i] = _probability(score)
    labels = constrained_average_linkage(probabilities, threshold, float(_cfg()["cannot_link_below"]))
    out: dict[int, list[str]] = {}
    for m, label in zip(ms, labels):
        out.setdefault(int(label), []).append(m.id)
    return list(out.values())


def constrained_average_linkage(probabilities: np.ndarray, threshold: float, floor: float = 0.0) -> list[int]:
    """A cluster label per row of the symmetric pair-probability matrix: average linkage, joining
    the two clusters of highest mean pair probability while it is at least ``threshold``, but never
    two clusters with a pair between them below ``floor`` (a pair the model holds all but impossible,
    as an impossible pair of ``allowed``: probability 0, keeps its clusters apart for any floor > 0).
    With ``floor`` 0 it is plain average linkage."""
    n = len(probabilities)
    total = probabilities.astype(float).copy()
    apart = probabilities < floor
    size = np.ones(n)
    alive = np.ones(n, dtype=bool)
    label = list(range(n))
    while True:
        mean = total / np.outer(size, size)
        mean[~alive, :] = mean[:, ~alive] = -1.0
        mean[apart] = -1.0
        np.fill_diagonal(mean, -1.0)
        i, j = divmod(int(np.argmax(mean)), n)
        if mean[i, j] < threshold:
            break
        i, j = min(i, j), max(i, j)
        total[i, :] += total[j, :]
        total[:, i] += total[:, j]
        apart[i, :] |= apart[j, :]
        apart[:, i] |= apart[:, j]
        size[i] += size[j]
        alive[j] = False
        label = [i if x == j else x for x in label]
    return label


def _probability(score: float) -> float:
    return 0.0 if score == -math.inf else 1.0 / (1.0 + math.exp(-score))


def _cos(x: np.ndarray | None, y: np.ndarray | None) -> float:
    return float(x @ y) if x is not None and y is not None else 0.0
