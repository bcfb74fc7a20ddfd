"""Who did it to whom: actor mentions found in the syntactic roles around a trigger."""

from __future__ import annotations

import dataclasses
import re
from bisect import bisect_left
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from functools import cache

from ..model import ActorRef, AnnotatedArticle, Token
from ..text.tree import Tree
from .abstain import not_actor, vessel_nouns
from .ontology import load_precision, load_roles
from .patterns import is_passive

GENITIVE_MARKS = frozenset({"’", "'"})  # a genitive's apostrophe alone, after a name ending in s
OPENING_QUOTES = frozenset({"‘", "'", "`", "``", "“", '"'})
# edges that stay inside one noun phrase's "head" part ("Senior Hungarian and Romanian officials")
CORE_DEPS = (
    "compound",
    "amod",
    "poss",
    "nmod",
    "conj",
    "cc",
    "appos",
    "det",
    "nummod",
    "quantmod",
    "case",
    "punct",
    "npadvmod",
    "nn",
    "prep",
    "pobj",
)
# where the last-resort recipient search stops: the clauses that are no part of the trigger's own act
NEAREST_STOP = ("relcl", "advcl", "parataxis", "nsubj", "appos", "csubj", "pcomp")
FALLBACK_LABELS = ("PERSON", "ORG", "GPE", "NORP")
WH_WORDS = ("which", "who", "that", "whom")
PRONOUNS = ("he", "she", "it", "they", "we", "his", "her", "its", "their", "our")


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    ref: ActorRef


def actor_mentions(annotated: AnnotatedArticle) -> list[Mention]:
    """The actor linker's mentions: the linked actors, plus the names and demonyms it left bare that
    the actor knowledge base resolves ("Australian ultimatum", "in Tel Aviv"); without a linked
    actor, bare named entities."""
    if all(a.bare for a in annotated.actors):  # nothing linked (or no linker): as before, the entities
        found = [Mention(e.start, e.end, ActorRef(e.text)) for e in annotated.entities if e.label in FALLBACK_LABELS]
    else:
        found = sorted((Mention(a.start, a.end, a.actor) for a in annotated.actors), key=lambda m: m.start)
    tokens = TokensBySpan(annotated.tokens)
    filed = annotated.article.dateline_span
    return [m for m in found if not _thing(annotated, m, tokens) and not _in_dateline(m, filed)]


def placed_groups(inside: list[Mention]) -> list[Mention]:
    """A group with no country of its own (a people or a faith: "Islamic fundamentalists", "Moslem demonstrators",
    "Hutu rebels"; a kind of agent: "the media") takes the one state whose own people or bodies its sentence names
    ("Egyptian police", "Algerian President Ahmed Ben Bella"): PLOVER's country field is the country an actor is
    associated with, religion and ethnicity are fields of their own (manual 5.1, table 6.2), and the CAMEO agents
    dictionary's "~" agents take the country found beside them. A sentence that names no state, or several, or a
    state only by its things ("Danish Web sites"), leaves the group unplaced."""
    states = {m.ref.country for m in inside if m.ref.country and _of_state(m.ref)}
    if len(states) != 1:
        return inside
    iso = states.pop()
    return [
        Mention(m.start, m.end, dataclasses.replace(m.ref, country=iso)) if group_without_country(m.ref) else m
        for m in inside
    ]


def _of_state(ref: ActorRef) -> bool:
    """The state itself, one of its bodies (government, forces, police, courts, legislature) or a person of it."""
    return (ref.actor_id or "").partition(":")[0] in role_cue("state_kinds")


def group_without_country(ref: ActorRef) -> bool:
    """A group the knowledge base gives no country: its id is its sector and its name ("rad:islamic",
    "cvl:albanians", "med:news-media"), never a state's sector id ("mil:EGY"), a person or a named body, nor an
    international sector (IGO, NGO, ...: coded without a country)."""
    kind, _, name = (ref.actor_id or "").partition(":")
    sector = (ref.sector or "").lower()
    return ref.country is None and bool(name) and kind == sector and sector not in _listed("stateless_sectors")


def _in_dateline(m: Mention, filed: tuple[int, int] | None) -> bool:
    """A name in the wire dateline (the cleaner's dateline block: "MOSCOW (Reuters) -") says where and by whom the
    report was filed: no party to any act the article tells."""
    return filed is not None and filed[0] <= m.start < filed[1]


class TokensBySpan:
    """An article's tokens by character offset and by sentence, indexed once per article so that
    each mention's lookups cost its own length, not the article's (a capped 50,000-character text
    has hundreds of mentions over ten thousand tokens)."""

    def __init__(self, tokens: tuple[Token, ...]) -> None:
        self.tokens = tokens
        self.starts = [t.start for t in tokens]
        self.in_order = all(a < b for a, b in zip(self.starts, self.starts[1:]))
        self.sentences: dict[int, dict[int, Token]] = {}
        for t in tokens:
            self.sentences.setdefault(t.sent, {})[t.i] = t

    def starting_in(self, start: int, end: int) -> list[Token]:
        """The tokens that start in [start, end), in the article's order."""
        if not self.in_order:
            return [t for t in self.tokens if start <= t.start < end]
        return list(self.tokens[bisect_left(self.starts, start) : bisect_left(self.starts, end)])


def _thing(annotated: AnnotatedArticle, m: Mention, tokens: TokensBySpan) -> bool:
    """A vessel, a film, an award, a street or a time zone the linker took for an actor."""
    labels = {e.label for e in annotated.entities if e.start < m.end and m.start < e.end}
    return not_actor(annotated.article.text, m.start, m.end, labels) or _names_a_vessel(tokens, m)


def _names_a_vessel(tokens: TokensBySpan, m: Mention) -> bool:
    """ "a Saudi supertanker", "a Greek chemical tanker": the name modifies a vessel noun."""
    inside = tokens.starting_in(m.start, m.end)
    if not inside:
        return False
    last = inside[-1]
    if last.lemma.lower() in vessel_nouns():  # the linker took "Saudi supertanker" for a Saudi company
        return True
    by_i = tokens.sentences.get(last.sent, {})
    head = by_i.get(last.head)
    while head is not None and last.dep in ("amod", "compound", "nmod") and head.i != last.i:
        if head.lemma.lower() in vessel_nouns():
            return True
        last, head = head, by_i.get(head.head)
    return False


class Roles:
    """The actor mentions of one sentence by their place in its parse. ``antecedent``: the one person
    the previous sentence's subject named, for a "he" or "she" that is a clause's subject here
    (``subject_person``)."""

    def __init__(
        self,
        tree: Tree,
        mentions: list[Mention],
        antecedent: ActorRef | None = None,
        sole: bool = False,
        quoted: Sequence[tuple[int, int]] = (),
    ) -> None:
        self.tree = tree
        self.mentions = mentions
        self.antecedent = antecedent
        self.sole = sole  # the antecedent was the only person the previous sentence named
        self.quoted = quoted  # character spans of quoted words (``quoted_spans``)

    def in_quote(self, i: int) -> bool:
        start = self.tree.tokens[i].start
        return any(a <= start < b for a, b in self.quoted)

    def at(self, i: int) -> list[Mention]:
        tok = self.tree.tokens[i]
        return [m for m in self.mentions if m.start < tok.end and tok.start < m.end]

    def is_actor(self, i: int) -> bool:
        return bool(self.at(i))

    def phrase(self, root: int | None, deep: bool = False) -> list[Mention]:
        """Actors heading the phrase at ``root``: its core part first, else its shallowest actor."""
        if root is None:
            return []
        root = _possessed_name(self.tree, root)
        tree = self.tree
        bare: list[Mention] = []
        others = _other_party(tree, root)  # "Israel's militia ally": not Israel
        others |= self._describing_persons(root)  # "Trump campaign manager Corey Lewandowski": not Trump
        for deps in (tuple(d for d in CORE_DEPS if d != "appos"), CORE_DEPS):  # "Pakistan, a U.S. ally"
            core = tree.subtree(root, stop=tuple(d for d in _ALL_DEPS if d not in deps), skip=others)
            core = [i for i in core if not _under_prep(tree, i, root)]
            found = _described(self.tree, _unique(m for i in core for m in self.at(i)))
            if found and not any(m.ref.sector for m in found) and (office := self._office(root)):
                return office  # "Kenzo Oshima, the UN relief coordinator": he acts for the UN
            if any(m.ref.country or m.ref.sector for m in found):  # "Sidhoum, Algeria's activist"
                return _unique([*self._holder(root), *found])
            bare = bare or found
        if bare:
            return bare
        if members := self._membership(root):  # "workers affiliated with the union": the union
            return members
        if authors := self._authorship(root):  # "an article written by X": X
            return authors
        stop = ("relcl", "acl", "advcl", "ccomp") + (() if deep else ("prep",))
        if deep:  # "an offer from X", but never a comparison or an adjunct ("more people than ... Bush")
            others |= _adjunct_tokens(tree, root)
        ranked = sorted(tree.subtree(root, stop=stop, skip=others), key=tree.depth)
        for i in ranked:
            if self.at(i):
                return self._coordinated(i)
        return []

    def _holder(self, root: int) -> list[Mention]:
        """The person an appositive names for a common noun of office whose modifiers name the body ("France's
        National Front party leader, Marine Le Pen"): she acts, in that office (PLOVER 2.4.1: a role noun is its
        holder where the text names him)."""
        if self.at(root) or self.tree.tokens[root].pos != "NOUN":
            return []
        return _unique(m for a in self.tree.children(root, "appos") for m in self.at(a) if is_person(m.ref))

    def _describing_persons(self, root: int) -> set[int]:
        """The words naming another person in the modifiers of a phrase headed by a person ("Donald Trump
        campaign manager Corey Lewandowski", "Obama's chief of staff Denis McDonough"): they say whose aide the
        head is (a title before a name, Quirk et al. 1985, 17.92), and are no party with it."""
        tree = self.tree
        own = {actor_key(m.ref) for m in self.at(root) if is_person(m.ref)}
        if not own:
            return set()
        modifiers = tree.subtree(root, stop=tuple(d for d in _ALL_DEPS if d not in ("compound", "poss", "nmod")))
        modifiers = [k for k in modifiers if not _coordinated_modifier(tree, k, root)]
        return {k for k in modifiers if any(is_person(m.ref) and actor_key(m.ref) not in own for m in self.at(k))}

    def _coordinated(self, i: int) -> list[Mention]:
        """The actors at ``i`` and at the words coordinated with it ("between Syria and Yasser Arafat")."""
        return _unique(m for j in [i, *self.tree.conjuncts(i)] for m in self.at(j))

    def _membership(self, root: int) -> list[Mention]:
        """The group a participle of belonging names for people who are no actor themselves ("500,000
        workers affiliated with the Serbian Workers' Union", "fighters loyal to X")."""
        tree = self.tree
        found = [
            m
            for v in tree.children(root, "acl", "amod")
            if tree.lemma(v) in role_cue("membership_words")
            for p in tree.children(v, "prep")
            if tree.lemma(p) in ("with", "to")
            for o in tree.children(p, "pobj")
            for m in self.phrase(o)
        ]
        return _unique(found)

    def _authorship(self, root: int) -> list[Mention]:
        """The author a participle of authorship names for a document or a medium of words that names no
        actor itself ("an article written by X", "a statement issued by X", "a letter signed by X"): what
        the text says, its author says."""
        tree = self.tree
        if tree.lemma(root) not in _listed("document_nouns") | _listed("verbal_media"):
            return []
        found = [
            m
            for v in tree.children(root, "acl")
            if tree.lemma(v) in role_cue("authorship_verbs")
            for a in tree.children(v, "agent", "prep")
            if tree.lemma(a) == "by"
            for o in tree.children(a, "pobj")
            for m in self.phrase(o)
        ]
        return _unique(found)

    def _office(self, root: int) -> list[Mention]:
        """The institution an appositive names as the office a person holds ("X, the United Nations
        Emergency Relief Coordinator"): CAMEO codes a person acting in office by that office."""
        tree = self.tree
        found = [
            m
            for a in tree.children(root, "appos")
            for i in tree.subtree(a, stop=("relcl", "acl", "advcl", "prep"))
            for m in self.at(i)
            if m.ref.sector
        ]
        return _unique(found)

    def subject(self, v: int | None) -> list[Mention]:
        """The doer of verb ``v``: its subject (by-agent when passive), else its governor's."""
        tree, seen = self.tree, set()
        while v is not None and v not in seen:
            seen.add(v)
            if stative_passive(tree, v):  # "Israel is opposed to X": the subject holds the attitude
                return _unique(m for s in tree.children(v, "nsubjpass") for m in self.phrase(s, deep=True))
            if is_passive(tree, v):
                agents = [p for p in tree.children(v, "agent", "prep") if tree.lemma(p) == "by"]
                return _unique(m for a in agents for o in tree.children(a, "pobj") for m in self.phrase(o))
            subj = tree.children(v, "nsubj", "csubj")
            if object_relative(tree, v):
                subj = subj[1:]  # "Rubio, who many in the establishment had backed": "who" is the object
            if subj:
                s = subj[0]
                if tree.lemma(s) in WH_WORDS and tree.tokens[v].dep == "relcl":
                    return [] if ambiguous_antecedent(tree, v) else self.phrase(tree.head(v))
                found = self.phrase(s, deep=True)
                for other in subj[1:]:  # "LISBON — Portugal and Indonesia signed": a dateline parsed as subject
                    found = found or self.phrase(other, deep=True)
                if not found and self._anaphoric(s):  # "X said it would ...", "their forces withdrew"
                    return self._reporter(v) or self._unbound(self.resolved_pronoun(s), v)
                return found
            dep = tree.tokens[v].dep
            if dep in ("advcl", "ccomp") and finite(tree, v):
                return []  # "Alongside BLM calls for action, X said": a finite clause has a subject of its own
            if dep == "relcl" or dep == "acl":
                noun = tree.head(v)
                found = self.phrase(noun)
                author = document_author_verb(tree, noun)
                if found or author is None:
                    return found
                v = author  # "X issued a declaration demanding ...", "gave a speech attacking Y": the author, X
                continue
            if dep not in ("xcomp", "conj", "advcl", "ccomp", "pcomp", "dobj", "acomp"):
                return []
            v = tree.head(v)
        return []

    def _anaphoric(self, s: int) -> bool:
        tree = self.tree
        return tree.lemma(s) in PRONOUNS or any(tree.lemma(k) in PRONOUNS for k in tree.children(s, "poss"))

    def _reporter(self, v: int) -> list[Mention]:
        """The subject of the clause that reports ``v`` ("Palestinian leaders said they would ...")."""
        for a in self.tree.ancestors(v):
            if self.tree.tokens[a].pos in ("VERB", "AUX") and self.tree.children(a, "nsubj", "nsubjpass"):
                s = self.tree.children(a, "nsubj", "nsubjpass")[0]
                if not self._anaphoric(s):
                    return self.phrase(s, deep=True)
        return []

    def resolved_pronoun(self, s: int) -> list[Mention]:
        """ "Sen. Jane Doe met the mayor. On Sunday, she endorsed X.": a "he" or "she" subject that no clause
        of its own sentence names (``_reporter`` found none) refers to the one person the previous sentence's
        subject named (centering: the preferred antecedent is the last utterance's subject; Grosz, Joshi &
        Weinstein 1995). None when that subject named no person or two, or when a person named earlier in
        this sentence competes ("After meeting Y, he ...")."""
        tok = self.tree.tokens[s]
        if self.antecedent is None or tok.text.lower() not in role_cue("person_pronouns") or self.in_quote(s):
            return []
        if any(self._competes(m) for m in self.mentions if m.start < tok.start):
            return []
        return [Mention(tok.start, tok.end, self.antecedent)]

    def _unbound(self, resolved: list[Mention], v: int) -> list[Mention]:
        """ "Clinton put Sanders on the defensive ... He accused Clinton": a subject pronoun never refers to a person
        its own clause names as object (a name is free in its clause: binding theory's principle C, Chomsky 1981),
        so the previous sentence's subject is not its referent there."""
        tree = self.tree
        objects = [m for o in tree.children(v, "dobj", "dative", "iobj") for m in self.at(o)]
        named = {actor_key(m.ref) for m in objects}
        return [] if any(actor_key(m.ref) in named for m in resolved) else resolved

    def resolved_object(self, o: int, v: int) -> list[Mention]:
        """ "Hillary Clinton spoke in Ohio. Trump attacked her.": a "him" or "her" object refers to the person
        the previous sentence's subject named when that sentence named no other person, the verb's own
        subject is someone else (a plain pronoun object never refers to its clause's subject: "he praised
        him"), and no other person is named before it in this sentence."""
        tok = self.tree.tokens[o]
        if tok.text.lower() not in role_cue("object_pronouns") or self.in_quote(o):
            return []
        if parallel := self._parallel_object(v):
            return [Mention(tok.start, tok.end, parallel.ref)]
        if self.antecedent is None or not self.sole:
            return []
        subject = self.subject(v)
        if any(actor_key(m.ref) == actor_key(self.antecedent) for m in subject):
            return []
        own = {actor_key(m.ref) for m in subject}
        if any(self._competes(m) for m in self.mentions if m.start < tok.start and actor_key(m.ref) not in own):
            return []
        return [Mention(tok.start, tok.end, self.antecedent)]

    def _parallel_object(self, v: int) -> Mention | None:
        """ "trashing Donald Trump as unqualified and accusing him of ...": a pronoun object of a verb coordinated
        after another whose object names one person (and not the verbs' doer) refers to that person: coordinated
        clauses keep their roles parallel (Quirk et al. 1985, 13.65 ellipsis and substitution in coordination;
        Kehler 2002, 6: parallel relations prefer the antecedent in the same grammatical role)."""
        tree = self.tree
        first = tree.head(v)
        if tree.tokens[v].dep != "conj" or first is None or tree.tokens[first].pos != "VERB":
            return None
        named = _unique(m for o in tree.children(first, "dobj") for m in self.phrase(o) if is_person(m.ref))
        doers = {actor_key(m.ref) for m in self.subject(first)}
        return named[0] if len(named) == 1 and actor_key(named[0].ref) not in doers else None

    def _competes(self, m: Mention) -> bool:
        """Another person named as a noun phrase of its own: not one modifying a noun ("a Trump rally")."""
        if not is_person(m.ref) or self.antecedent is None or actor_key(m.ref) == actor_key(self.antecedent):
            return False
        last = self.tree.token_at(m.end - 1)
        return last is None or self.tree.tokens[last].dep not in ("compound", "amod")

    def nearest(self, root: int, exclude: set[str]) -> list[Mention]:
        """The shallowest actor under ``root`` outside its subject ("offered to hand over to Britain"), in the
        trigger's own clause and its complements: never inside a clause that says something of its own (a
        relative, adverbial or coordinated clause, a participle describing a noun: "urging those calling for
        Sanders' withdrawal", "protested the government for selling arms to X")."""
        tree = self.tree
        skip = {j for k in tree.children(root, "nsubj", "nsubjpass", "csubj") for j in tree.subtree(k)}
        # "..., according to AP": the source of the report, never a party to the act; "following the deaths of
        # two Israelis": an adjunct of time or cause, no party either
        skip |= _adjunct_tokens(tree, root, also=("according",), stop=NEAREST_STOP)
        # "McCain supported it and Cruz opposed the measure": a coordinated clause is another act
        skip |= {j for k in tree.subtree(root) if k != root and _verbal_conj(tree, k) for j in tree.subtree(k)}
        # "complained about the tone ... but defended Sanders": a verb with its own complement shares no object
        skip |= {
            j
            for v in tree.subtree(root, stop=NEAREST_STOP)
            if tree.tokens[v].pos in ("VERB", "AUX")
            for k in _unshared_conjuncts(tree, v)
            for j in tree.subtree(k)
        }
        # a clause completing the trigger or its object ("rejected an invitation to attend X") is its argument, and
        # a document's maker is named with it ("over a bill passed by X": ``Roles._authorship``)
        skip |= {
            j
            for k in tree.subtree(root, stop=NEAREST_STOP)
            for c in tree.children(k, "acl")
            if not (_noun_complement(tree, c) and (k == root or _object_of(tree, k, root)))
            and not _authored(tree, k, c)
            for j in tree.subtree(c)
        }
        # one clause down at most: "answers not to recommend that Clinton be charged" names no party of "seeking"
        skip |= {
            j
            for k in tree.subtree(root, stop=NEAREST_STOP)
            if tree.tokens[k].dep in ("ccomp", "xcomp") and _inside_clause(tree, k, root)
            for j in tree.subtree(k)
        }
        skip |= {j for k in tree.subtree(root, stop=NEAREST_STOP) if _principal(tree, k) for j in tree.subtree(k)}
        for i in sorted(tree.subtree(root, stop=NEAREST_STOP), key=lambda j: (tree.depth(j), j)):
            found = [m for m in self._coordinated(i) if i not in skip and actor_key(m.ref) not in exclude]
            if found:
                return found
        return []

    def preps(self, i: int, lemmas: tuple[str, ...]) -> list[Mention]:
        out = []
        for p in self.tree.children(i, "prep", "agent", "dative"):
            if self.tree.lemma(p) in lemmas and not _principal(self.tree, p):
                for o in self.tree.children(p, "pobj"):
                    out += self.phrase(o)
        return _unique(out)


_ALL_DEPS = (
    "acl",
    "acomp",
    "advcl",
    "advmod",
    "agent",
    "amod",
    "appos",
    "attr",
    "aux",
    "auxpass",
    "case",
    "cc",
    "ccomp",
    "compound",
    "conj",
    "csubj",
    "csubjpass",
    "dative",
    "dep",
    "det",
    "dobj",
    "expl",
    "intj",
    "mark",
    "meta",
    "neg",
    "nmod",
    "npadvmod",
    "nsubj",
    "nsubjpass",
    "nummod",
    "oprd",
    "parataxis",
    "pcomp",
    "pobj",
    "poss",
    "preconj",
    "predet",
    "prep",
    "prt",
    "punct",
    "quantmod",
    "relcl",
    "xcomp",
)


def is_person(ref: ActorRef) -> bool:
    return (ref.actor_id or "").startswith("person:")


def subject_person(roles: Roles) -> ActorRef | None:
    """The one person the sentence's main-clause subject names ("Alabama Sen. Jeff Sessions caused ..."),
    or the one its "he"/"she" subject refers to: what a "he" or "she" in the next sentence refers to.
    None for a subject naming no person, two ("Trump and Cruz"), or a person's belonging ("Trump's
    campaign manager": the subject's head is no person)."""
    tree = roles.tree
    root = next((i for i in tree.tokens if tree.head(i) is None), None)
    subjects = tree.children(root, "nsubj", "nsubjpass") if root is not None else []
    if len(subjects) != 1:
        return None
    s = subjects[0]
    if roles.in_quote(s) or _pronoun_before(tree, s):
        return None  # a subject in quoted words, or another person in focus before it ("Following X, she
        # issued a plan: President Obama adopted it")
    if tree.tokens[s].text.lower() in role_cue("person_pronouns"):
        found = roles.resolved_pronoun(s)
        return found[0].ref if found else None
    if not roles.at(s):  # "Sessions is a well respected conservative": the surname alone, left unlinked
        return roles.antecedent if _surname_of(tree, s, roles.antecedent) else None
    if not any(is_person(m.ref) for m in roles.at(s)):
        return None
    people = {actor_key(m.ref): m.ref for j in [s, *tree.conjuncts(s)] for m in roles.at(j) if is_person(m.ref)}
    return next(iter(people.values())) if len(people) == 1 else None


def _pronoun_before(tree: Tree, s: int) -> bool:
    """A personal pronoun of a person ("she", "him") before the subject in its sentence."""
    words = role_cue("person_pronouns") | role_cue("object_pronouns")
    return any(i < s and tok.text.lower() in words for i, tok in tree.tokens.items())


def quoted_spans(annotated: AnnotatedArticle) -> list[tuple[int, int]]:
    """The character spans of quoted words: the quotes found by the nlp stage, and within each paragraph
    the text after an opening quotation mark up to its closing one (or the paragraph's end: a quote that
    runs on into the next paragraph opens it again)."""
    spans = [(q.start, q.end) for q in annotated.quotes if q.direct]
    text = annotated.article.text
    for m in re.finditer(r"[“\"][^”\"\n]*(?:[”\"]|$)", text, flags=re.MULTILINE):
        spans.append((m.start(), m.end()))
    return spans


def names_only(roles: Roles, person: ActorRef | None) -> bool:
    """The sentence names no person but ``person`` (by name, or by the "he"/"she" resolved to them)."""
    if person is None:
        return False
    return all(actor_key(m.ref) == actor_key(person) for m in roles.mentions if is_person(m.ref))


def _surname_of(tree: Tree, s: int, person: ActorRef | None) -> bool:
    """The subject is the last word of ``person``'s name alone, as written (news style names a person in
    full once, then by surname; the tagger may call a sentence's first word a common noun)."""
    if person is None or tree.children(s, "compound", "amod", "poss", "det", "conj"):
        return False
    return tree.tokens[s].text == person.name.split()[-1]


def object_relative(tree: Tree, v: int) -> bool:
    """A relative clause whose relative pronoun is its object, parsed as a second subject ("Rubio,
    who many in the establishment had backed"): the noun it hangs on is what the verb acts on."""
    subj = tree.children(v, "nsubj")
    return tree.tokens[v].dep == "relcl" and len(subj) > 1 and tree.lemma(subj[0]) in WH_WORDS


def _noun_complement(tree: Tree, c: int) -> bool:
    """A clause that completes its noun ("an invitation to attend", "the demand that Israel ease"), not one that
    describes it as a relative clause does ("those calling for X", "crimes committed by Y"): an infinitive or a
    clause opened by "that" (Quirk et al. 1985, 17.26 appositive clauses, 17.31 infinitival postmodifiers)."""
    return "to" in tree.child_lemmas(c, "aux") or bool(tree.child_lemmas(c, "mark") & {"that", "whether", "if"})


def _authored(tree: Tree, n: int, c: int) -> bool:
    """ "a bill passed by the government", "a statement issued by X": a participle of authorship with its by-agent,
    naming who made the document ``n``; "a speech denouncing X", "a statement condemning X": the participle says
    what the document or speech itself does, its author's act (``document_author_verb``)."""
    if tree.lemma(n) in _listed("verbal_media") | _listed("document_nouns") and tree.tokens[c].tag == "VBG":
        return True
    authorship = tree.lemma(c) in role_cue("authorship_verbs") and tree.lemma(n) in _listed("document_nouns")
    return authorship and any(tree.lemma(a) == "by" for a in tree.children(c, "agent", "prep"))


def _inside_clause(tree: Tree, k: int, root: int) -> bool:
    """Whether a clause (an "acl", "ccomp" or "xcomp") lies between ``k`` and ``root``."""
    j = tree.head(k)
    while j is not None and j != root:
        if tree.tokens[j].dep in ("acl", "ccomp", "xcomp"):
            return True
        j = tree.head(j)
    return False


def _object_of(tree: Tree, k: int, v: int) -> bool:
    return tree.head(k) == v and tree.tokens[k].dep == "dobj"


def _verbal_conj(tree: Tree, k: int) -> bool:
    """A clause coordinated with another, with a subject of its own ("... and Cruz opposed the measure"): another
    act. A coordinated verb phrase shares its doer and may share its object ("donated and delivered goods to X",
    "established ties with and opened an embassy in Tehran")."""
    return (
        tree.tokens[k].dep == "conj"
        and tree.tokens[k].pos in ("VERB", "AUX")
        and bool(tree.children(k, "nsubj", "nsubjpass", "csubj"))
    )


def _unshared_conjuncts(tree: Tree, v: int) -> list[int]:
    """The verbs coordinated with ``v`` when ``v`` has a complement of its own (an object, or a prepositional
    phrase): only a verb with none shares the next one's object ("donated and delivered goods to X"; right node
    raising, Quirk et al. 1985, 13.83), or one whose preposition is left stranded for it ("established ties with
    and opened an embassy in X"), so "complained about the tone but defended Sanders" complains of no one."""
    own = bool(tree.children(v, "dobj")) or any(tree.children(p, "pobj") for p in tree.children(v, "prep"))
    # "established ties with and opened an embassy in Tehran": a stranded preposition awaits the shared object
    heads = [v, *tree.children(v, "dobj")]
    stranded = any(not tree.children(p, "pobj", "pcomp") for h in heads for p in tree.children(h, "prep"))
    verbs = [k for k in tree.children(v, "conj") if tree.tokens[k].pos in ("VERB", "AUX")]
    return verbs if own and not stranded else []


def ambiguous_antecedent(tree: Tree, v: int) -> bool:
    """ "a former backer of Sen. Ted Cruz, who has since called ...": a relative clause after "N1 of N2" may
    qualify either noun (Quirk et al. 1985, 17.13; the parse takes the nearer one: "Gov. Phil Bryant of
    Mississippi, who"), so its antecedent, the clause's doer, is not known."""
    noun = tree.head(v)
    prep = tree.head(noun) if noun is not None else None
    return (
        noun is not None
        and tree.tokens[noun].dep == "pobj"
        and prep is not None
        and tree.lemma(prep) == "of"
        and (head := tree.head(prep)) is not None
        and tree.tokens[head].pos in ("NOUN", "PROPN", "PRON", "NUM")
    )


def finite(tree: Tree, v: int) -> bool:
    """A finite verb (past or present tense, or a modal or tensed auxiliary before it): its clause has a subject
    of its own (Quirk et al. 1985, 3.52), unlike a participle or an infinitive that takes its governor's."""
    if tree.tokens[v].tag in ("VBD", "VBZ", "VBP"):
        return True
    return any(tree.tokens[a].tag in ("MD", "VBD", "VBZ", "VBP") for a in tree.children(v, "aux", "auxpass"))


def _coordinated_modifier(tree: Tree, k: int, root: int) -> bool:
    """ "Republican Trump and Democrat Clinton have criticized", "Donald Trump and House Speaker Paul Ryan pledged":
    the parse hangs the first of two coordinated names on the last as its modifier; a modifier with a coordinator
    of its own ("Trump and") is a conjunct of the phrase, a party beside its head, not words describing it."""
    j: int | None = k
    while j is not None and j != root:
        if tree.children(j, "cc"):
            return True
        j = tree.head(j)
    return False


def _other_party(tree: Tree, root: int) -> set[int]:
    """The possessors of relational nouns that name another party ("Israel's ally", "Iran's rivals"), and the
    possessors or names set before nouns of associates ("Trump's lawyer", "Bernie supporters"): the phrase
    refers to that other party, never to its possessor ("Israel's forces" stays Israel)."""
    others, associates = role_cue("other_party_nouns"), role_cue("associate_nouns")
    return {
        j
        for i in tree.subtree(root, stop=("relcl", "acl", "advcl", "ccomp"))
        if tree.lemma(i) in others | associates
        for p in tree.children(i, "poss", *(("compound", "nmod") if tree.lemma(i) in associates else ()))
        for j in tree.subtree(p)
    }


def stative_passive(tree: Tree, v: int) -> bool:
    """ "X is opposed to", "is committed to": a passive of attitude with no by-agent."""
    if not tree.children(v, "nsubjpass") or tree.children(v, "agent"):
        return False
    return tree.lemma(v) in role_cue("stative_passives") or tree.tokens[v].text.lower() in role_cue("stative_passives")


def document_author_verb(tree: Tree, n: int | None) -> int | None:
    """The verb whose subject authored the document or medium ``n`` that an act's participle hangs on, or
    None: a document that is the object of a verb ("issued a statement demanding ..."); a medium of words
    (a speech, an ad, a tweet) that is the object of a verb that makes it public ("gave a speech attacking
    Y", "released an ad attacking Y"), or that a verb of making or saying sets its act in ("said during a
    speech attacking Y", "comments X made during a speech attacking Y"). Someone who reads, cites or
    appears in a medium is not its author."""
    if n is None or (h := tree.head(n)) is None:
        return None
    lemma, dep = tree.lemma(n), tree.tokens[n].dep
    if dep == "dobj" and lemma in _listed("document_nouns"):
        return h
    if lemma not in _listed("verbal_media"):
        return None
    if dep == "dobj" and tree.lemma(h) in _listed("medium_verbs"):
        return h
    v = tree.head(h) if dep == "pobj" and tree.lemma(h) in _listed("medium_setting_preps") else None
    made = v is not None and tree.lemma(v) in _listed("medium_verbs") | _listed("medium_speech_verbs")
    return v if made else None


@cache
def _listed(key: str) -> frozenset[str]:
    return frozenset(str(x).lower() for x in load_precision().get(key) or ())


@cache
def role_cue(key: str) -> frozenset[str]:
    return frozenset(str(x).lower() for x in load_roles().get(key) or ())


def _adjunct_tokens(tree: Tree, root: int, also: Collection[str] = (), stop: Collection[str] = ()) -> set[int]:
    """The words of the adjunct phrases under ``root`` (role_cue ``adjunct_preps``: time, cause, comparison; and
    the prepositions ``also``), not looking below a child whose dep is in ``stop``."""
    adjuncts = role_cue("adjunct_preps") | set(also)
    preps = [
        k
        for k in tree.subtree(root, stop=stop)
        if tree.tokens[k].dep == "prep" and tree.tokens[k].text.lower() in adjuncts
    ]
    return {j for k in preps for j in tree.subtree(k)}


def _principal(tree: Tree, p: int) -> bool:
    """ "phoning on behalf of his wife": a preposition whose object names the one the act is done for
    (role_cue ``principal_nouns``)."""
    return tree.tokens[p].dep == "prep" and any(
        tree.lemma(o) in role_cue("principal_nouns") for o in tree.children(p, "pobj")
    )


def _under_prep(tree: Tree, i: int, root: int) -> bool:
    """True when ``i`` hangs off ``root`` through a preposition other than "of" ("officials in X")."""
    j: int | None = i
    while j is not None and j != root:
        tok = tree.tokens[j]
        if tok.dep == "prep" and tree.lemma(j) != "of":
            return True
        j = tree.head(j)
    return False


def _possessed_name(tree: Tree, root: int) -> int:
    """ "praised Fox News’ Political Editor Chris Stirewalt": a name ending in s takes the genitive's
    apostrophe alone (Quirk et al. 1985, 5.112), which the parse reads as a closing quote, hanging the possessed name
    on the possessor as its appositive or on the verb as a second object. The phrase is headed by that name: the
    possessor only says whose it is."""
    after = tree.tokens.get(root + 1)
    genitive = after is not None and after.text in GENITIVE_MARKS and tree.tokens[root].text.endswith("s")
    if not genitive or _quote_opened_before(tree, root):
        return root
    up = tree.head(root)
    near = tree.children(root, "appos") + (tree.children(up, "appos", "dobj", "dep") if up is not None else [])
    return next((a for a in near if a > root and min(tree.subtree(a)) == root + 2), root)


def _quote_opened_before(tree: Tree, root: int) -> bool:
    """An opening quote among the words of the phrase before ``root`` ("the ‘Fox News’ brand"): the mark
    after it closes that quote."""
    first = min(tree.subtree(root))
    return any(tree.tokens[k].text in OPENING_QUOTES for k in range(max(first - 1, 0), root) if k in tree.tokens)


def _described(tree: Tree, found: list[Mention]) -> list[Mention]:
    """Without the actors inside a hyphenated modifier ("NATO-member Norway", "pro-Iranian Hizbollah",
    "the Israeli-occupied West Bank"): they describe the phrase's actor, they are no party."""
    dashes = [t for t in tree.tokens.values() if t.text == "-"]
    inside = [m for m in found if any(m.end == d.start or m.start == d.end for d in dashes)]
    rest = [m for m in found if m not in inside]
    return rest if rest and inside else found


def _unique(mentions) -> list[Mention]:
    out: list[Mention] = []
    for m in mentions:
        if all(actor_key(m.ref) != actor_key(o.ref) for o in out):
            out.append(m)
    return out


def actor_key(ref: ActorRef) -> str:
    return ref.actor_id or f"{ref.name.lower()}|{ref.country}"
