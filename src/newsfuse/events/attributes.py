"""Status, date, place, topics, reporting source, numbers: what surrounds a trigger."""

from __future__ import annotations

import re
from functools import cache

from ..model import AnnotatedArticle, DateMention, Sentence, week_of
from ..text.tree import Tree
from .abstain import clauses_apart, foreign_clauses
from .ontology import load_patterns, load_topics
from .precision import first_verb_conjunct, ongoing, starts_ongoing

PLACE_LABELS = ("GPE", "LOC", "FAC")
PLACE_PREPS = ("in", "at", "near", "outside", "inside", "across", "over")
CLAIM_DEPS = (
    "ccomp",
    "acl",
    "dobj",
    "pobj",
    "prep",
    "pcomp",
    "xcomp",
    "relcl",
)  # from a claim's content up to its verb
CLAUSES = ("ccomp", "relcl", "advcl", "acl", "parataxis")  # a clause of its own: its dates are its own
REPORTED = ("ccomp", "parataxis")  # what a report says: dated by the report unless told as before it
CHAIN_DEPS = ("xcomp", "ccomp", "dobj", "pobj", "prep", "pcomp", "acl", "nsubjpass", "attr")


@cache
def _cfg(key: str) -> frozenset[str]:
    return frozenset(str(x).lower() for x in load_patterns().get(key) or ())


def governors(tree: Tree, i: int) -> list[int]:
    """Heads above ``i`` up to (not including) the first reporting verb, along content links."""
    out: list[int] = []
    j = i
    reporting = _cfg("reporting_verbs")
    while True:
        dep = tree.tokens[j].dep
        h = tree.head(j)
        if h is None or dep not in CHAIN_DEPS or tree.lemma(h) in reporting:
            return out
        if dep == "acl" and tree.tokens[j].tag == "VBN":  # "felons convicted of crimes will ...": a reduced
            return out  # relative clause keeps its own (past) time, not its noun's governor's
        out.append(h)
        j = h


def reporting_frame(tree: Tree, i: int) -> bool:
    """The act is what the sentence's own verb of saying reports ("X did Y, police said", "X said it had done Y"):
    its clause is the complement of a reporting verb that heads the sentence, each maybe coordinated with another.
    News tells its act in such a frame, the attribution set beside the main clause (AP Stylebook, "attribution");
    any other clause above the act tells it in passing."""
    j = first_verb_conjunct(tree, i)
    h = tree.head(j)
    return (
        h is not None
        and tree.tokens[j].dep in REPORTED
        and tree.lemma(h) in _cfg("reporting_verbs")
        and tree.head(first_verb_conjunct(tree, h)) is None
    )


def under_reporting(tree: Tree, i: int) -> int | None:
    reporting = _cfg("reporting_verbs")
    for a in tree.ancestors(i):
        if tree.lemma(a) in reporting and tree.tokens[a].pos in ("VERB", "AUX"):
            return a
    return None


def status(tree: Tree, trigger: int, light: int | None) -> str:
    own = [x for x in (trigger, light) if x is not None]
    anchor = light if light is not None else trigger
    first = first_verb_conjunct(tree, anchor)
    # "will visit Cuba and meet Castro", "can get through and talk": a coordinated verb phrase shares the first
    # one's auxiliaries and governors (Quirk et al. 1985, 13.46), though not its negation ("did not meet X but
    # talked to Y")
    shared = [first] if first != anchor and not tree.child_lemmas(anchor, "aux") else []
    chain = own + governors(tree, anchor) + shared + (governors(tree, first) if shared else [])
    chain += _purpose_of(tree, chain[-1])
    verbs = [v for v in chain if tree.tokens[v].pos in ("VERB", "AUX")] or own
    neg = _cfg("negations")
    unshared = [v for v in verbs[:3] if v not in shared]
    if any(tree.child_lemmas(v, "neg") & neg or tree.child_lemmas(v, "advmod") & _cfg("yet_frames") for v in unshared):
        return "denied"
    if any(tree.lemma(v) in _cfg("denial_frames") for v in chain[1:2]):
        return "denied"
    if any(tree.child_lemmas(o, "det") & neg for o in _participant_heads(tree, own)):
        return "denied"  # "No charges have been filed", "no one was arrested"
    for v in verbs[:3]:
        auxes = tree.child_lemmas(v, "aux")
        if auxes & _cfg("future_auxiliaries"):
            return "planned"
        if auxes & _cfg("hypothetical_auxiliaries"):
            would_reported = "would" in auxes and under_reporting(tree, v) is not None
            return "planned" if would_reported else "hypothetical"
        if tree.child_lemmas(v, "mark") & {"if", "unless"}:
            return "hypothetical"
        if v != trigger and tree.lemma(v) in _cfg("planned_governors"):
            return "planned"
    if any(tree.lemma(v) in _cfg("planned_governors") for v in chain if v not in own):
        return "planned"
    if _headline_infinitive(tree, chain[-1] if chain else trigger):
        return "planned"
    return "occurred"


def _purpose_of(tree: Tree, top: int) -> list[int]:
    """ "X may play a role in a push to broker peace", "X will fly to Cairo to meet Y", "X has not stepped forward to
    defend Y": an infinitive clause of purpose is non-finite, with no tense or modal of its own (Quirk et al. 1985:
    non-finite clauses), so its act is as real, planned, possible or negated as the verb it gives the purpose of,
    which (with that verb's governors) joins the chain the status is read from; a past verb above it ("staged
    demonstrations to demand reforms") leaves it as it was."""
    h = tree.head(top)
    if h is None or tree.tokens[top].dep != "advcl" or "to" not in tree.child_lemmas(top, "aux"):
        return []
    return [h, *governors(tree, h)]


def approximated(tree: Tree, trigger: int, light: int | None) -> bool:
    """ "Trump almost seemed to agree", "they nearly came to blows": an approximator on the act or the verb above
    it says the act fell short (no act, and no refusal either)."""
    own = [x for x in (trigger, light) if x is not None]
    near = own + governors(tree, light if light is not None else trigger)[:1]
    return any(tree.child_lemmas(v, "advmod") & _cfg("approximators") for v in near)


def _headline_infinitive(tree: Tree, top: int) -> bool:
    """Is the clause's top verb a sentence root in the infinitive ("Portugal and Indonesia to sign
    research pact")? Running text has no such root; headline style writes the future so."""
    tok = tree.tokens[top]
    return tree.head(top) is None and tok.tag == "VB" and "to" in tree.child_lemmas(top, "aux")


def disputed(tree: Tree, i: int) -> bool:
    """The act is what a claim says and the sentence disputes that claim ("denied a report saying its army
    attacked", "dismissed claims that Iran had sent troops"): the sentence asserts no such act."""
    claim = False
    j = i
    while (h := tree.head(j)) is not None and tree.tokens[j].dep in CLAIM_DEPS:
        claim = claim or (tree.tokens[h].pos == "NOUN" and tree.lemma(h) in _cfg("claim_nouns"))
        if claim and tree.tokens[h].pos == "VERB" and tree.lemma(h) in _cfg("disputing_verbs"):
            return True
        j = h
    return False


def _participant_heads(tree: Tree, own: list[int]) -> list[int]:
    """The trigger's object and passive subject (and an event noun itself): where "no" negates it."""
    heads = [x for x in own if tree.tokens[x].pos == "NOUN"]
    return heads + [o for v in own for o in tree.children(v, "dobj", "nsubjpass")]


def habitual(tree: Tree, trigger: int, light: int | None) -> bool:
    chain = [x for x in (trigger, light) if x is not None] + governors(tree, light if light is not None else trigger)
    if any(tree.child_lemmas(v, "advmod") & _cfg("habitual_adverbs") for v in chain):
        return True
    return characterizing(tree, light if light is not None else trigger)


def characterizing(tree: Tree, v: int) -> bool:
    """ "the Trump who questions the judge's independence, who fights with Mexican American journalists": a relative
    clause in the simple present says what its antecedent habitually does (the habitual present); news tells a dated
    act in a relative clause in the past ("who attacked X on Monday")."""
    if tree.tokens[v].dep != "relcl" or tree.tokens[v].tag not in ("VBZ", "VBP"):
        return False
    return not tree.children(v, "aux", "auxpass")


def event_date(
    annotated: AnnotatedArticle,
    sentence: Sentence,
    tree: Tree,
    anchor: int,
    status_: str,
    heads: list[int] | None = None,
) -> tuple[str | None, str | None, bool]:
    """A resolved date of the sentence (the one nearest the trigger), else the week of publication
    as a bound, marked implied (the third value): no words of the article date the act.

    A start date ("since late 2023") and an ongoing act ("a sustained campaign") give no date."""
    dates = [d for d in annotated.dates if sentence.start <= d.start < sentence.end and d.value]
    starts = [
        d for d in dates if starts_ongoing(tree, [t.i for t in tree.tokens.values() if d.start <= t.start < d.end])
    ]
    if starts or ongoing(tree, heads or [anchor]):
        return None, None, False
    anchors = [anchor, *(heads or [])]
    later = later_complements(tree, [anchor])  # the trigger's own: an object inside the complement is no act
    foreign = {tree.tokens[i].start for i in foreign_clauses(tree, anchors) | later}
    dates = [d for d in dates if d.start not in foreign]  # "whom they took hostage two weeks ago"
    scope = date_scope(tree, anchor)
    if scope is not None:
        own = {tree.tokens[i].start for i in scope}
        dates = [d for d in dates if any(d.start <= s < d.end for s in own)]
    if dates:
        near = {tree.tokens[i].start for i in tree.subtree(anchor, stop=("ccomp", "relcl", "advcl"))}
        inside = [d for d in dates if any(d.start <= s < d.end for s in near)]
        best: DateMention = (inside or dates)[0]
        return best.value, best.precision, False
    week = week_of(annotated.article.published)
    if week is not None and status_ == "occurred" and past(tree, _tense_bearer(tree, anchor)):
        return week, "week", True
    return None, None, False


def later_complements(tree: Tree, anchors: list[int]) -> set[int]:
    """Tokens of the infinitival complements that hold none of ``anchors`` and whose verb does not share
    their time (``shared_time_verbs``): "invited X to visit Jakarta later in the year" dates the visit."""
    shared = _cfg("shared_time_verbs")

    def later(i: int) -> bool:
        governor = tree.head(i)
        return tree.tokens[i].dep == "xcomp" and governor is not None and tree.lemma(governor) not in shared

    return clauses_apart(tree, anchors, later)


def date_scope(tree: Tree, anchor: int) -> list[int] | None:
    """The tokens whose dates may date the act at ``anchor``; None: the sentence's, less the clauses
    about something else. A time expression anchors the event of its own clause (TimeML): a date
    outside a relative, adjectival or adverbial clause dates another act ("A jury on Tuesday
    convicted a man who was charged in the attack"), and so does the report's date for what the
    report says happened before it ("On Wednesday, the military said its troops had attacked").
    What a report tells in the past or present perfect is dated by the report, as news writes it
    ("Putin has held a call with Netanyahu, the Kremlin confirmed on Saturday"), and a participle
    clause by the act it accompanies."""
    root = anchor
    while tree.tokens[root].dep not in CLAUSES and (up := tree.head(root)) is not None:
        root = up
    dep = tree.tokens[root].dep
    if dep not in CLAUSES or (dep in REPORTED and not _past_perfect(tree, root)) or _accompanying(tree, root):
        return None
    return tree.subtree(root, stop=CLAUSES)


def _accompanying(tree: Tree, v: int) -> bool:
    """A participle clause with no subject or conjunction of its own tells what the main clause's act
    did at the same time ("told the AP on Thursday that he would not seek a recount, conceding the race")."""
    return (
        tree.tokens[v].dep == "advcl"
        and tree.tokens[v].tag in ("VBG", "VBN")
        and not tree.children(v, "nsubj", "nsubjpass", "mark")
    )


def _past_perfect(tree: Tree, v: int) -> bool:
    return tree.tokens[v].tag == "VBN" and any(tree.tokens[a].text.lower() == "had" for a in tree.children(v, "aux"))


def _tense_bearer(tree: Tree, anchor: int) -> int:
    """The verb whose tense dates an event noun ("followed an earlier conversation": followed)."""
    h = tree.head(anchor)
    if tree.tokens[anchor].pos == "NOUN" and tree.tokens[anchor].dep in ("dobj", "nsubjpass") and h is not None:
        return h
    return anchor


def past(tree: Tree, v: int) -> bool:
    tok = tree.tokens[v]
    if tok.tag == "VBD":
        return True
    return tok.tag == "VBN" and bool(tree.child_lemmas(v, "aux", "auxpass") & {"have", "be"})


def location(
    tree: Tree, anchors: list[int], text: str, entity_spans: list[tuple[int, int, str]], actor_starts: set[int]
) -> str | None:
    for a in anchors:
        for p in tree.children(a, "prep"):
            if tree.lemma(p) not in PLACE_PREPS:
                continue
            for o in tree.children(p, "pobj"):
                span = tree.subtree(o, stop=("relcl", "acl", "prep"))
                lo, hi = tree.tokens[span[0]].start, tree.tokens[span[-1]].end
                for s, e, label in entity_spans:
                    if label in PLACE_LABELS and lo <= s < hi and s not in actor_starts:
                        return text[s:e]
    return None


def reporting_source(tree: Tree, trigger: int, text: str) -> str | None:
    rep = under_reporting(tree, trigger)
    if rep is not None:
        subj = tree.children(rep, "nsubj")
        if subj:
            return _span(tree, subj[0], text)
    for t in tree.tokens.values():
        if t.text.lower() == "according":
            for to in tree.children(t.i, "prep"):
                for o in tree.children(to, "pobj"):
                    return _span(tree, o, text)
    return None


def _span(tree: Tree, root: int, text: str) -> str:
    idx = tree.subtree(root, stop=("relcl", "acl", "appos", "punct"))
    return text[tree.tokens[idx[0]].start : tree.tokens[idx[-1]].end]


def topics(texts: list[str], free: list[str]) -> tuple[str, ...]:
    """Topic names from the vocabulary matched in ``texts``; ``free`` phrases when none match."""
    blob = " " + re.sub(r"[^\w\s-]", " ", " ".join(texts).lower()) + " "
    found = [name for name, groups in _topic_rules() if all(rx.search(blob) for rx in groups)]
    found = [f for f in found if not any(f != g and f in g for g in found)]  # "Gaza" under "Gaza ceasefire"
    return tuple(found) if found else tuple(dict.fromkeys(free))


@cache
def _topic_rules() -> tuple[tuple[str, tuple[re.Pattern[str], ...]], ...]:
    """Each topic's name and one expression per group: any of its alternatives as a word or phrase, a
    plural ending allowed."""
    return tuple((entry["name"], tuple(_group_regex(group) for group in entry["all"])) for entry in load_topics())


def _group_regex(alternatives: list[str]) -> re.Pattern[str]:
    alts = "|".join(re.escape(alt.lower()) for alt in alternatives)
    return re.compile(r"(?<![\w-])(?:" + alts + r")(s|es)?(?![\w])")


def free_phrases(tree: Tree, anchors: list[int], text: str) -> list[str]:
    out = []
    for a in anchors:
        for p in tree.children(a, "prep"):
            if tree.lemma(p) in ("on", "about", "over", "regarding"):
                for o in tree.children(p, "pobj"):
                    if tree.tokens[o].ent_type not in ("DATE", "TIME"):  # "met on Tuesday": when, not what
                        out.append(_span(tree, o, text))
    return [o for o in out if 0 < len(o.split()) <= 8]


def numbers(tree: Tree, text: str) -> dict[str, int]:
    cfg = load_patterns()
    cues = {name: set(words) for name, words in cfg["numbers"].items()}
    out: dict[str, int] = {}
    for t in tree.tokens.values():
        if t.dep != "nummod" and not (t.pos == "NUM" and t.dep in ("nsubj", "dobj", "nsubjpass")):
            continue
        value = _number(t.text, cfg)
        if value is None:
            continue
        noun = tree.head(t.i) if t.dep == "nummod" else t.i
        if noun is None or {t.ent_type, tree.tokens[noun].ent_type} & {"DATE", "TIME"}:
            continue  # "On March 3": a day of a month, no count of marchers
        near = {tree.lemma(noun)} | {tree.lemma(k) for k in tree.children(noun, "amod", "acl")}
        h = tree.head(noun)
        if h is not None:
            near.add(tree.lemma(h))
        for name, words in cues.items():
            if near & words and name not in out:
                out[name] = value
                break
    return out


def _number(word: str, cfg: dict) -> int | None:
    w = word.lower().replace(",", "")
    if w.isdigit():
        return int(w)
    return cfg["number_words"].get(w)
