"""What the parse says a name does in its clause: an actor's part, or only a place's or a thing's.

A name is an actor when it does something or has something done to it as a party: the subject of a verb,
the agent of a passive ('by X'), a possessor ('Russia's control'), a party after 'with', 'against' or
'according to'. A country that is only where something happens ('the worst riots Greece has seen', one
of 'twelve countries: Pakistan, India, ...' that a cable connects, 'a Paris boutique') is a place, and a
tagged name that the article never uses in any such part ('hotfixes for IE', 'signed for Catching Fire')
is no actor it can show. The labels are spaCy's (ClearNLP) dependency labels; the word lists are in
``data/roles.yaml``.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from functools import lru_cache
from importlib import resources

from newsfuse.model import Token
from newsfuse.text.tree import Tree
from newsfuse.text.yamlfile import load_yaml

PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})
LISTS = (
    "acting_deps",
    "object_deps",
    "party_preps",
    "state_preps",
    "speech_verbs",
    "chain_deps",
    "event_nouns",
    "act_nouns",
    "agent_nouns",
    "venue_preps",
    "member_verbs",
    "building_verbs",
    "place_nouns",
    "city_nouns",
    "copulas",
    "example_preps",
)


@lru_cache(maxsize=1)
def role_words() -> dict[str, frozenset[str]]:
    raw = load_yaml(resources.files("newsfuse.actors").joinpath("data/roles.yaml").read_text(encoding="utf-8"))
    return {name: frozenset(str(w).lower() for w in raw[name]) for name in LISTS}


class SentenceTrees:
    """An article's parse as one ``Tree`` per sentence, each built when a question first reaches it (most
    sentences hold no name the linker asks about); indices are the article's (``Token.i``)."""

    def __init__(self, tokens: Sequence[Token]) -> None:
        self.tokens = {t.i: t for t in tokens}
        self._order = list(tokens)
        self._sents = [t.sent for t in self._order]
        self._in_order = all(a <= b for a, b in zip(self._sents, self._sents[1:]))
        self._built: dict[int, Tree] = {}

    def _of(self, i: int) -> Tree:
        sent = self.tokens[i].sent if self._in_order else -1
        tree = self._built.get(sent)
        if tree is None:
            lo, hi = (bisect_left(self._sents, sent), bisect_right(self._sents, sent)) if sent >= 0 else (0, None)
            tree = self._built[sent] = Tree(self._order[lo:hi])
        return tree

    def head(self, i: int) -> int | None:
        return self._of(i).head(i)

    def children(self, i: int, *deps: str) -> list[int]:
        return self._of(i).children(i, *deps)

    def lemma(self, i: int) -> str:
        return self.tokens[i].lemma.lower()


class Parse:
    """An article's parse, indexed by character offset, for the questions the linker asks of a span."""

    def __init__(self, tokens: Sequence[Token]) -> None:
        self.tokens = list(tokens)
        self.starts = [t.start for t in self.tokens]
        self.tree = SentenceTrees(self.tokens)
        self.words = role_words()

    def __bool__(self) -> bool:
        return bool(self.tokens)

    def common_noun_at(self, start: int) -> bool:
        """The parsed word starting at ``start`` is tagged a common noun (NN, NNS)."""
        at = bisect_left(self.starts, start)
        return at < len(self.tokens) and self.tokens[at].start == start and self.tokens[at].tag in {"NN", "NNS"}

    def modifies_next(self, start: int) -> bool:
        """The parsed word starting at ``start`` is a compound of the word right after it ('Bank executives')."""
        at = bisect_left(self.starts, start)
        if at >= len(self.tokens) or self.tokens[at].start != start:
            return False
        tok = self.tokens[at]
        return tok.dep == "compound" and tok.head == tok.i + 1

    def head_of(self, start: int, end: int) -> Token | None:
        """The token of the span ``start..end`` whose head lies outside it (the span's own head)."""
        lo, hi = bisect_left(self.starts, start), bisect_left(self.starts, end)
        inside = self.tokens[lo:hi]
        if not inside:
            return None
        own = {t.i for t in inside}
        return next((t for t in inside if t.head not in own or t.head == t.i), inside[-1])

    def chain_top(self, tok: Token) -> tuple[Token, int, bool]:
        """Up through coordinations and appositions to the phrase that has the part ('Pakistan, India
        and Bangladesh' -> 'countries' in 'connects 12 countries: Pakistan, ...'), how many names the
        widest coordination on the way holds, and whether the way passed an apposition."""
        size, restated = 1, False
        for _ in range(12):
            if tok.dep != "conj":
                size = max(size, 1 + self._conjuncts(tok.i))
            head = self.tree.head(tok.i)
            if tok.dep not in self.words["chain_deps"] or head is None:
                break
            restated = restated or tok.dep == "appos"
            tok = self.tree.tokens[head]
        return tok, size, restated

    def _conjuncts(self, i: int) -> int:
        """The conjuncts under token i ('A , B , C and D': spaCy hangs each on the one before)."""
        n, todo = 0, list(self.tree.children(i, "conj"))
        while todo:
            k = todo.pop()
            n += 1
            todo.extend(self.tree.children(k, "conj"))
        return n

    def acts(self, tok: Token, objects: bool = False) -> bool:
        """Whether ``tok`` (after ``chain_top``) has an actor's part: subject, agent, possessor, a party
        after a preposition of parties, an addressee ('told Reuters', 'according to THR'); with
        ``objects``, also a verb's object or a party after the prepositions a state is the party of
        ('aid from Russia')."""
        w = self.words
        if tok.dep in w["acting_deps"] or objects and tok.dep in w["object_deps"]:
            return True
        head = self.tree.head(tok.i)
        if head is None:
            return False
        if tok.dep == "dobj":
            return self.tree.lemma(head) in w["speech_verbs"]
        return tok.dep == "pobj" and self._party_after(self.tree.tokens[head], objects)

    def _party_after(self, prep: Token, objects: bool) -> bool:
        """The object of the preposition ``prep`` is a party to its clause."""
        w, word = self.words, prep.text.lower()
        above = self.tree.head(prep.i)
        over = self.tree.tokens[above] if above is not None else None
        over_lemma = over.lemma.lower() if over is not None else ""
        if word in w["party_preps"]:
            return True
        if word == "to" and over is not None and (over.text.lower() == "according" or over_lemma in w["speech_verbs"]):
            return True  # "according to THR", "confirmed to MailOnline"
        return objects and word in w["state_preps"]

    def venue_of_event(self, start: int, end: int) -> bool:
        """The name at ``start..end`` is only where something happened: the object of 'at', 'inside' or
        'outside' that hangs on a verb ('pronounced dead at HCMC', 'a fire broke out at Marfin Bank'), not
        on a noun ('head coach at Ohio State', 'customers at Vodafone') or on a verb of belonging ('works at
        Google', 'studied at Yale')."""
        tok = self.head_of(start, end)
        if tok is None or tok.dep != "pobj":
            return False
        prep_i = self.tree.head(tok.i)
        prep = self.tree.tokens[prep_i] if prep_i is not None else None
        if prep is None or prep.text.lower() not in self.words["venue_preps"] or not 0 < tok.i - prep.i <= 4:
            return False  # the preposition opens the name's phrase ('at the local Rite Aid')
        verb_i = self.tree.head(prep.i)
        verb = self.tree.tokens[verb_i] if verb_i is not None else None
        if verb is not None and verb.pos == "NOUN" and verb.lemma.lower() in self.words["event_nouns"]:
            return True  # "the Republican debate at St. Anselm College": where the event is held
        return verb is not None and verb.pos == "VERB" and verb.lemma.lower() not in self.words["member_verbs"]

    def building_acted_on(self, start: int, end: int) -> bool:
        """The name at ``start..end`` is what a verb of fire, entry or guard is done to ('the Wasilla Bible
        Church was burned', 'protesters occupied the Administrative Headquarters', 'police guarding
        Parliament'): a building, not the body that uses it."""
        tok = self.head_of(start, end)
        if tok is None or tok.dep not in {"dobj", "nsubjpass"}:
            return False
        verb_i = self.tree.head(tok.i)
        verb = self.tree.tokens[verb_i] if verb_i is not None else None
        return verb is not None and verb.pos == "VERB" and verb.lemma.lower() in self.words["building_verbs"]

    def state_acts(self, start: int, end: int, agent_heads: frozenset[str]) -> bool:
        """A country's (or a capital's) name at ``start..end`` stands for the state: it has an actor's
        part, modifies an agent, a title or an act ('U.S. Surgeon General', 'an Israel-Iran
        confrontation') or is the agent of a participle ('US-backed'). A list of three or more names, or
        an apposition, acts only as a subject or an agent, as a party ('ties with Iran, Arab states and
        ...') or as agents it names ('mediators including Egypt, Qatar and Turkey'); otherwise it names
        places ('connects 12 countries: Pakistan, India, ...', 'the worst riots Greece has seen', read as
        an apposition). Without a parse, it acts."""
        tok = self.head_of(start, end)
        if tok is None:
            return True
        head = self.tree.head(tok.i)
        above = self.tree.tokens[head] if head is not None else None
        if tok.dep == "appos" and above is not None and above.ent_type in PLACE_TYPES:
            return False  # "Varna , Bulgaria": the country says where the place before it lies
        if above is not None and above.tag == "VBN" and tok.dep in {"npadvmod", "compound", "amod"}:
            return True  # "US-backed", "Russia-brokered": the agent of the participle
        if tok.dep == "compound":
            while above is not None and above.dep == "compound" and above.pos == "PROPN":
                above = self.tree.tokens.get(above.head)  # "an Israel-Iran confrontation": up the pair
            return above is not None and above.lemma.lower() in agent_heads | self.words["act_nouns"]
        top, size, restated = self.chain_top(tok)
        if size >= 3 or restated:
            return self._list_acts(top, agent_heads)
        return self.acts(top, objects=True)

    def _list_acts(self, top: Token, agent_heads: frozenset[str]) -> bool:
        """The phrase a list of names (or an apposition) restates or fills has an actor's part: subject,
        agent, a party after 'with', 'between', ..., an agent noun itself, or one 'including' them."""
        w = self.words
        agents = agent_heads | w["agent_nouns"]
        if top.dep in w["acting_deps"] - {"poss"} or top.lemma.lower() in agents:
            return True
        head = self.tree.head(top.i)
        if top.dep != "pobj" or head is None:
            return False
        prep = self.tree.tokens[head]
        if prep.text.lower() in w["party_preps"]:
            return True
        above = self.tree.head(prep.i)
        return above is not None and self.tree.lemma(above) in agents

    def name_acts(self, spans: Sequence[tuple[int, int]]) -> bool:
        """Whether any of a name's mentions in the article (``spans``) has an actor's part (without a
        parse: yes)."""
        if not self.tokens:
            return True
        for start, end in spans:
            tok = self.head_of(start, end)
            if tok is not None and self.acts(self.chain_top(tok)[0]):
                return True
        return False

    def called_a_place(self, start: int, end: int, motion: frozenset[str], capital: bool = False) -> bool:
        """The name at ``start..end`` names a place by what its sentence says of it: a place one goes to (the
        object of 'to' on a word of motion: 'heading to other nations and to Germany', 'trips to Israel'), a
        place among places ('Paris, Beirut, Bamako and other cities', 'places such as Syria') or a city its
        clause calls a capital ('Jerusalem should be the undivided capital', 'regards Jerusalem as its
        capital'; only where the name is a capital's: 'Israel regards ... as its capital' acts)."""
        tok = self.head_of(start, end)
        if tok is None:
            return False
        top = self.chain_top(tok)[0]
        return self._goes_to(top, motion) or self._among_places(top) or capital and self._called_capital(top)

    def done_to(self, start: int, end: int, verbs: frozenset[tuple[str, ...]]) -> bool:
        """The name at ``start..end`` is the subject or the object of a verb whose lemma is one of ``verbs``
        ('the White House fumigated and burned', 'toured the Kremlin')."""
        tok = self.head_of(start, end)
        if tok is None:
            return False
        top = self.chain_top(tok)[0]
        verb = self._head_token(top) if top.dep in {"nsubj", "nsubjpass", "dobj"} else None
        return verb is not None and (verb.lemma.lower(),) in verbs

    def _goes_to(self, top: Token, motion: frozenset[str]) -> bool:
        prep = self._head_token(top) if top.dep == "pobj" else None
        while prep is not None and prep.dep == "conj" and self._head_token(prep) is not None:
            prep = self._head_token(prep)  # "to other nations and to Germany": the first 'to'
        over = self._head_token(prep) if prep is not None and prep.text.lower() == "to" else None
        return over is not None and (over.lemma.lower() in motion or over.text.lower() in motion)

    def _among_places(self, top: Token) -> bool:
        w = self.words
        if any(self.tree.lemma(k) in w["place_nouns"] for k in self._all_conjuncts(top.i)):
            return True  # "Paris, Brussels, Bamako and other cities"
        prep = self._head_token(top) if top.dep == "pobj" else None
        if prep is None or prep.text.lower() not in w["example_preps"]:
            return False
        noun = self._head_token(prep)  # "places such as Syria"
        return noun is not None and noun.lemma.lower() in w["place_nouns"]

    def _called_capital(self, top: Token) -> bool:
        node, w = top, self.words
        for _ in range(3):  # "all of Jerusalem": up to the verb's subject or object
            if node.dep not in {"pobj", "prep"}:
                break
            up = self._head_token(node)
            if up is None:
                return False
            node = up
        verb = self._head_token(node) if node.dep in {"nsubj", "nsubjpass", "dobj"} else None
        if verb is None:
            return False
        for k in self.tree.children(verb.i, "attr", "oprd", "prep"):
            child = self.tree.tokens[k]
            if child.dep != "prep" and verb.lemma.lower() in w["copulas"] and child.lemma.lower() in w["city_nouns"]:
                return True  # "Jerusalem should be the undivided capital"
            objects = self.tree.children(k, "pobj") if child.text.lower() == "as" else []
            if any(self.tree.lemma(o) in w["city_nouns"] for o in objects):
                return True  # "regards all of Jerusalem as its indivisible capital"
        return False

    def _head_token(self, tok: Token) -> Token | None:
        head = self.tree.head(tok.i)
        return self.tree.tokens[head] if head is not None else None

    def _all_conjuncts(self, i: int) -> list[int]:
        out, todo = [], list(self.tree.children(i, "conj"))
        while todo:
            k = todo.pop()
            out.append(k)
            todo.extend(self.tree.children(k, "conj"))
        return out
