"""Is a trigger asserted about one specific occurrence, and how sure is a mention?

Stance ("seeks to", "a position in favour of"), interpretation ("By discussing X, both sides
signaled ..."), classes of events ("a series of conversations") and commentary ("the call fits into a
wider pattern") are told apart from reports of acts. Cue words live in data/precision.yaml.
"""

from __future__ import annotations

import re
from functools import cache

from ..model import ActorRef
from ..text.tree import Tree
from .ontology import load_patterns, load_precision

# edges from an act up to what frames it ("a desire [acl] to avoid [dobj] clashes")
FRAME_DEPS = ("xcomp", "acl", "prep", "pobj", "pcomp", "dobj")


@cache
def cue(key: str) -> frozenset[str]:
    return frozenset(str(x).lower() for x in load_precision().get(key) or ())


def factor(key: str) -> float:
    return float(load_precision()["confidence"][key])


def _is_verb(tree: Tree, i: int) -> bool:
    tok = tree.tokens[i]
    return tok.pos in ("VERB", "AUX") or tok.tag.startswith("VB")


def _posed(tree: Tree, n: int) -> bool:
    """ "poses a threat", "the threat the group poses": the noun is the object of a verb of posing, in its own clause
    or in a relative clause on it."""
    h = tree.head(n)
    if tree.tokens[n].dep == "dobj" and h is not None and tree.lemma(h) in cue("danger_verbs"):
        return True
    return any(tree.lemma(v) in cue("danger_verbs") for v in tree.children(n, "relcl"))


def local_veto(tree: Tree, i: int) -> str | None:
    """Why the trigger at ``i`` is no act, judged from its own words: intention, interpretation, class."""
    lemma = tree.lemma(i)
    if opinion_poll(tree, i):
        return "opinion poll"
    if _is_verb(tree, i):
        if lemma in cue("intention_verbs") and _infinitive(tree, i):
            return "intention"
        if lemma in cue("question_verbs") and not _infinitive(tree, i) and not _request_complement(tree, i):
            return "question"
        if lemma in cue("rally_words") and not _protest_rally(tree, i):
            return "rally support"
        if lemma in cue("show_verbs") and tree.children(i, "dobj", "ccomp"):
            return "show"
        if lemma in cue("interpretive_verbs") and (
            _means_clause(tree, i) or tree.child_lemmas(i, "advmod") & cue("trend_adverbs")
        ):
            return "interpretive"
        if lemma in cue("question_verbs") and not _infinitive(tree, i) and _asks_a_question(tree, i):
            return "question"
        if lemma in cue("refusal_verbs") and declines_comment(tree, i):
            return "decline comment"
        if lemma in cue("naming_verbs") and names_its_object(tree, i):
            return "naming"
        if lemma in cue("struggle_verbs") and fights_a_thing(tree, i):
            return "fight against a thing"
        return "contest" if contest(tree, i) else None
    if contest(tree, i):
        return "contest"
    if lemma in cue("danger_nouns") and _posed(tree, i):
        return "danger"
    if lemma in cue("rally_words") and _held_rally(tree, i):
        return "campaign rally"
    return "series" if _under_series(tree, i) else None


def opinion_poll(tree: Tree, i: int) -> bool:
    """ "71 percent of supporters approved of Obama", "a poll found that voters said X should release ...": what
    a poll or a share of the public holds is an opinion measured, no act of an actor (PLOVER codes acts)."""
    above = [i, *tree.ancestors(i)]
    if any(tree.lemma(a) in cue("share_words") or tree.tokens[a].text == "%" for a in above[1:]):
        return True  # "70 percent of voters approved of X", parsed with "percent" as the head
    return any(
        tree.lemma(s) in cue("opinion_subjects") | cue("share_words") or tree.tokens[s].text == "%"
        for a in above
        for s in tree.children(a, "nsubj", "nsubjpass")
    )


def _request_complement(tree: Tree, v: int) -> bool:
    """ "asked X to ...", "asked for help", "asked that ...", "asked their help": what a request asks for. "Clinton
    asked." or "When asked about X, Y said" puts a question: CAMEO 10 is a demand that the target do or give."""
    if tree.children(v, "xcomp", "ccomp") or any(tree.lemma(p) == "for" for p in tree.children(v, "prep")):
        return True
    things = [o for o in tree.children(v, "dobj") if tree.tokens[o].pos in ("NOUN",)]
    return any(tree.lemma(o) not in cue("comment_nouns") for o in things)


def _protest_rally(tree: Tree, v: int) -> bool:
    """The CAMEO dictionary codes the verb "rally" as a demonstration (141) only against something, in protest,
    outside or in front of a place, or with demonstrators or activists as its subject; "rallied behind the ticket",
    "rallied to his defense" is support (053), no protest."""
    if tree.child_lemmas(v, "nsubj") & cue("protester_nouns"):
        return True
    places = [p for p in tree.children(v, "prep", "advmod") if tree.lemma(p) in cue("protest_rally_preps")]
    protest = [o for p in tree.children(v, "prep") for o in tree.children(p, "pobj") if tree.lemma(o) == "protest"]
    return bool(places or protest)


def _held_rally(tree: Tree, n: int) -> bool:
    """ "Trump's rallies", "a Clinton rally", "his campaign rally": a rally named by the one who holds it is a
    candidate's campaign event, no demonstration (PLOVER PROTEST: civilians demonstrating against a target)."""
    holders = tree.children(n, "poss", "compound")
    return any(
        tree.tokens[h].ent_type == "PERSON"
        or tree.tokens[h].tag == "PRP$"
        or tree.lemma(h) in cue("campaign_words") | cue("office_titles")
        for h in holders
    )


def retort(tree: Tree, heads: list[int]) -> bool:
    """ "fired back", "shot back", "hit back at": a retort in words (the CAMEO dictionary's HIT "* BACK (AT)": 111)."""
    return any(tree.lemma(h) in cue("retort_verbs") and "back" in tree.child_lemmas(h, "prt", "advmod") for h in heads)


def labelled_person(tree: Tree, heads: list[int]) -> bool:
    """ "pounding Trump as a con artist", "pummeled Trump as divisive": an act that labels a person as something
    is said of him (the CAMEO dictionary's "* LABEL": words), no force."""
    return any(
        any(tree.lemma(p) == "as" for p in tree.children(h, "prep"))
        and any(tree.tokens[o].ent_type == "PERSON" for o in tree.children(h, "dobj"))
        for h in heads
    )


def first_verb_conjunct(tree: Tree, v: int) -> int:
    """The first of the verbs coordinated with ``v`` ("will visit" for "meet" in "will visit Cuba and meet X")."""
    while tree.tokens[v].dep == "conj" and (h := tree.head(v)) is not None and tree.tokens[h].pos in ("VERB", "AUX"):
        v = h
    return v


def possibility(tree: Tree, v: int) -> bool:
    """ "Cruz could help turn out the base", "he could broker a deal", "they might meet": a modal of possibility
    says what may happen, neither an act nor an actor's stated intent (CAMEO 03 is an expressed intent)."""
    verbs = [v, *[h for h in tree.ancestors(v) if _is_verb(tree, h)][:1]] if tree.tokens[v].dep == "xcomp" else [v]
    if not tree.child_lemmas(v, "aux"):  # "can get through and talk": the conjunct shares the modal
        verbs.append(first_verb_conjunct(tree, v))
    return any(tree.child_lemmas(x, "aux") & cue("possibility_auxiliaries") for x in verbs)


def direct_question(tree: Tree, v: int) -> bool:
    """ "Marco Rubio, will you resign?", "Why did X attack Y?": an auxiliary before its subject in a sentence that
    ends in a question mark asks, and asserts nothing."""
    subjects = tree.children(v, "nsubj", "nsubjpass")
    inverted = any(a < s for a in tree.children(v, "aux", "auxpass") for s in subjects)
    return inverted and any(tree.tokens[k].text == "?" for k in tree.tokens if k > v)


def declines_comment(tree: Tree, v: int) -> bool:
    """ "declined to say whether ...", "refused to comment", "declined comment": CAMEO 011 (decline comment, the
    dictionary's REFUSE "* COMMENT", EVADE "* QUESTION"), a statement with no PLOVER type, not a rejection."""
    said = [c for c in tree.children(v, "xcomp") if tree.lemma(c) in cue("comment_verbs")]
    return bool(said) or any(tree.lemma(o) in cue("comment_nouns") for o in tree.children(v, "dobj"))


def names_its_object(tree: Tree, v: int) -> bool:
    """ "calling the Islamic State by another name", "calling Indiana Gov. Mike Pence \"my partner in this
    campaign\"": the naming sense of "call" (a name given, by a "by" phrase or in quotes right after the
    object), no phone call (CAMEO 040 needs the parties to talk)."""
    by_name = any(
        tree.lemma(o) in cue("naming_nouns")
        for p in tree.children(v, "prep")
        if tree.lemma(p) == "by"
        for o in tree.children(p, "pobj")
    )
    objects = tree.children(v, "dobj")
    after = max((k for o in objects for k in tree.subtree(o)), default=None)
    nxt = tree.tokens.get(after + 1) if after is not None else None
    return by_name or (nxt is not None and nxt.text in ('"', "“", "''", "``"))


def fights_a_thing(tree: Tree, v: int) -> bool:
    """ "Assange is battling extradition", "fought the charges", "combat crime": every object of the fight
    is a thing fought (struggle_objects), no party: the CAMEO dictionary's FIGHT block codes such fights
    no event ("BATTLE * EXTREMISM", "FIGHT * VIOLENCE": [---])."""
    objects = [k for o in tree.children(v, "dobj") for k in [o, *tree.conjuncts(o)]]
    return bool(objects) and all(tree.lemma(o) in cue("struggle_objects") for o in objects)


def contest(tree: Tree, i: int) -> bool:
    """ "fighting it out for first place in Iowa", "the battle for the nomination": a fight for votes, a place
    or an office is an electoral contest, no use of force (the CAMEO dictionary's FIGHT "* (IN POLLS)"
    codes no event). "would beat Trump in hypothetical match-ups", "beat out Clinton by one point": a defeat
    told with its contest or its margin is an election won (BEAT "* (IN ELECTION)", DEFEAT "* CANDIDATE": none)."""
    lemma = tree.lemma(i)
    if lemma in cue("seizure_words") and _seizes_a_contest_prize(tree, i):
        return True
    if lemma in cue("defeat_words"):
        return _contest_phrase(tree, i, ("in", "by", "with", "for"))
    if lemma not in cue("contest_words"):
        return _out_of_contest(tree, i)
    return _contest_phrase(tree, i, ("for", "in"))


def _seizes_a_contest_prize(tree: Tree, i: int) -> bool:
    """ "Clinton had captured 1,944 delegates": what is seized is a prize of the contest (contest_objects)."""
    return any(tree.lemma(o) in cue("contest_objects") for o in tree.children(i, "dobj"))


def _contest_phrase(tree: Tree, i: int, preps: tuple[str, ...]) -> bool:
    """A phrase of ``preps`` under the trigger names a contest, a place in it or a margin ("in the primary",
    "in match-ups", "by one point", "with 47 percent")."""
    objects = [o for p in tree.children(i, "prep") if tree.lemma(p) in preps for o in tree.children(p, "pobj")]
    words = {tree.lemma(k) for o in objects for k in [o, *tree.children(o, "compound")]}
    return bool(words & cue("contest_objects"))


def _out_of_contest(tree: Tree, i: int) -> bool:
    """ "forcing Cruz and Kasich out of the race", "pushed him from the primary": an act whose end is a candidate
    leaving a contest is an electoral outcome, no event (the CAMEO dictionary codes leaving a race none:
    WITHDRAW "* (FROM RACE)", BOW "* OUT (OF RACE)" [---])."""
    exits = [p for p in tree.children(i, "prep") if tree.lemma(p) == "from"]
    for out in [o for o in tree.children(i, "prep", "prt", "advmod") if tree.lemma(o) == "out"]:
        # "of" under "out" ("out/prep of/prep"), or beside it when "out" is a particle ("out/prt", "of/prep")
        exits += [p for p in tree.children(out, "prep") + tree.children(i, "prep") if tree.lemma(p) == "of"]
    objects = [o for p in exits for o in tree.children(p, "pobj")]
    return any(tree.lemma(o) in cue("contest_objects") for o in objects)


def _infinitive(tree: Tree, v: int) -> bool:
    return any("to" in tree.child_lemmas(c, "aux") for c in tree.children(v, "xcomp"))


def _asks_a_question(tree: Tree, v: int) -> bool:
    """ "asked whether ...", "asked why ...", "asked the crowd: '... why should we ...?'": an interrogative
    complement, a question put, not a request (a request asks someone to do something, or for something)."""
    return any(_open_question(tree, c) or _wh_question(tree, c) for c in tree.children(v, "ccomp"))


def _open_question(tree: Tree, c: int) -> bool:
    """A yes/no question ("whether Iran would attack") or a quoted one: it asserts nothing of its content."""
    return bool(tree.child_lemmas(c, "mark") & cue("question_marks")) or "?" in {
        tree.tokens[k].text for k in tree.subtree(c)
    }


def _wh_question(tree: Tree, c: int) -> bool:
    """ "why Russia attacked Georgia": a wh-question, which takes its content as given."""
    return any(tree.tokens[k].tag in ("WRB", "WP", "WDT") for k in tree.children(c, "advmod", "nsubj", "dobj", "attr"))


def in_question(tree: Tree, i: int) -> bool:
    """The act is what an open question asks about ("asked whether Iran would attack"): not asserted."""
    return any(
        i in tree.subtree(c)
        for a in tree.ancestors(i)
        if tree.lemma(a) in cue("question_verbs")
        for c in tree.children(a, "ccomp")
        if _open_question(tree, c)
    )


def _means_clause(tree: Tree, v: int) -> bool:
    """ "By discussing X, both sides signaled ...": the verb reads meaning into another act."""
    return any(
        tree.lemma(p) == "by" and any(tree.tokens[c].tag == "VBG" for c in tree.children(p, "pcomp"))
        for p in tree.children(v, "prep")
    )


def _under_series(tree: Tree, n: int) -> bool:
    h = tree.head(n)
    if tree.tokens[n].dep == "conj" and h is not None:  # "a series of calls and meetings"
        return _under_series(tree, h)
    if tree.tokens[n].dep != "pobj" or h is None or tree.lemma(h) != "of":
        return False
    owner = tree.head(h)
    return owner is not None and tree.lemma(owner) in cue("series_heads")


def under_stance(tree: Tree, anchor: int, triggers: set[int]) -> bool:
    """The act sits in the complement of a stance ("a desire to avoid clashes") no act governs."""
    reporting = {str(x) for x in load_patterns()["reporting_verbs"]}
    stance, j = False, anchor
    while tree.tokens[j].dep in FRAME_DEPS:
        h = tree.head(j)
        if h is None or h in triggers:
            return False if h is not None else stance
        if tree.lemma(h) in reporting and _is_verb(tree, h):
            return stance
        stance = stance or tree.lemma(h) in cue("stance_heads") or _stance_predicate(tree, h)
        j = h
    return stance


def _stance_predicate(tree: Tree, h: int) -> bool:
    """ "Obama's policy has been to allow ISIS ...", "the goal is to ...": a copula whose subject is a stance
    noun says what the stance is (its infinitive predicate), not that the act was done."""
    return tree.lemma(h) == "be" and any(tree.lemma(s) in cue("stance_heads") for s in tree.children(h, "nsubj"))


def asked_for(tree: Tree, v: int) -> bool:
    """ "calls for Emanuel to resign", "pressure for Iran to withdraw": a for-to infinitive states what someone wants
    done (a putative clause), never that it was done."""
    return "for" in tree.child_lemmas(v, "mark") and "to" in tree.child_lemmas(v, "aux")


def past_warning(tree: Tree, v: int) -> bool:
    """ "Biden warned that Trump had elevated the dangers", "warned that Clinton opposes the Second Amendment": a
    warning whose that-clause tells what was done (a past or perfect verb, no modal) or what another party does now
    (a simple present, no modal, no infinitive of a plan) threatens nothing. A threat announces the speaker's future
    act (PLOVER manual 3.11; the CAMEO dictionary's WARN patterns of a danger or a crisis are 012 and 110, not 13x);
    a warning about another's deeds or stance finds fault with them."""
    if tree.lemma(v) not in cue("warning_verbs"):
        return False
    # a clause of saying under it is the quote's attribution the parse hung there ('he warned, "...," Trump told')
    saying = {str(x) for x in load_patterns()["reporting_verbs"]}
    content = [c for c in tree.children(v, "ccomp") if tree.lemma(c) not in saying]
    return bool(content) and all(_done_clause(tree, c) or _present_stance(tree, c) for c in content)


def _done_clause(tree: Tree, c: int) -> bool:
    """A finite clause whose verb tells a deed done: a simple past, or a perfect ("had elevated"), with no modal."""
    auxes = tree.children(c, "aux")
    if any(tree.tokens[a].tag == "MD" for a in auxes) or not tree.children(c, "nsubj"):
        return False
    perfect = tree.tokens[c].tag == "VBN" and any(tree.lemma(a) == "have" for a in auxes)
    return tree.tokens[c].tag == "VBD" or perfect


def _present_stance(tree: Tree, c: int) -> bool:
    """ "that Clinton opposes the Second Amendment": a simple present with no auxiliary tells what its subject does or
    holds now; not when the subject is a pronoun, which may be the speaker ("that we are ready", "that it has the
    right to respond"), or the clause has an infinitive of what is planned ("that Israel is prepared to act")."""
    subjects = tree.children(c, "nsubj")
    if tree.tokens[c].tag not in ("VBZ", "VBP") or tree.children(c, "aux") or not subjects:
        return False
    if any(tree.tokens[s].pos == "PRON" for s in subjects):
        return False
    return not any(tree.children(k, "xcomp") for k in [c, *tree.children(c, "acomp")])


def decided_against(tree: Tree, v: int) -> bool:
    """ "decided not to recommend indicting Clinton": a decision verb (CAMEO DECIDE, DETERMINE, OPT: 030, an intent
    to cooperate) with a negated infinitive decides against acting: no intent to cooperate, no act."""
    if tree.lemma(v) not in cue("decision_verbs"):
        return False
    return any(tree.children(c, "neg") for c in tree.children(v, "xcomp"))


def inferred(tree: Tree, anchor: int) -> bool:
    """ "... means that within ten years Iran will threaten Israel": an act in the clause of a verb of inference
    (``inference_verbs``) whose subject is no speaker is the writer's reasoning about what will be."""
    j = anchor
    while tree.tokens[j].dep in ("ccomp", "conj") and (h := tree.head(j)) is not None:
        if tree.lemma(h) in cue("inference_verbs"):
            return True
        j = h
    return False


def commentary(tree: Tree, n: int) -> bool:
    """An event noun that is the subject of a predicate about it ("the call fits into ...")."""
    h = tree.head(n)
    return (
        tree.tokens[n].dep in ("nsubj", "nsubjpass")
        and h is not None
        and tree.lemma(h) in cue("commentary_predicates")
        and tree.lemma(h) not in cue("event_predicates")
    )


def carries_event(tree: Tree, v: int) -> bool:
    """The verb whose subject is an event noun dates and places it ("talks began", "took place")."""
    return tree.lemma(v) in cue("event_predicates")


def anaphoric_noun(tree: Tree, n: int) -> bool:
    """ "the call", "this conversation", "Putin's latest call": a reference to a reported event."""
    if tree.child_lemmas(n, "amod") & cue("anaphoric_modifiers"):
        return True
    if tree.child_lemmas(n, "amod") & {"early", "earlier", "previous", "prior", "last", "first", "new", "another"}:
        return False  # "an earlier conversation": another event
    return bool(tree.child_lemmas(n, "det") & cue("definite_determiners"))


def group_subject(tree: Tree, v: int) -> bool:
    """ "the leaders", "both sides", "the two ministers": the participants of the last reported event."""
    return any(
        (tree.lemma(s) in cue("group_anaphors") and tree.tokens[s].tag in ("NNS", "NNPS"))
        or tree.tokens[s].text.lower() in cue("group_pronouns")
        for s in tree.children(v, "nsubj", "nsubjpass")
    )


def document_agent(tree: Tree, v: int | None) -> bool:
    """ "The proposal calls for ...", "Moscow's proposal rejects ...": a text does the act."""
    while v is not None and not tree.children(v, "nsubj") and tree.tokens[v].dep == "conj":
        v = tree.head(v)  # "calls for X and rejects Y"
    if v is None:
        return False
    return any(tree.lemma(s) in cue("document_nouns") for s in tree.children(v, "nsubj"))


def starts_ongoing(tree: Tree, date_tokens: list[int]) -> bool:
    """The date is the start of an ongoing act ("since late 2023")."""
    for i in date_tokens:
        for a in [i, *tree.ancestors(i)][:4]:
            if tree.lemma(a) in cue("start_markers"):
                return True
            prev = a - 1
            if prev in tree.tokens and tree.lemma(prev) in cue("start_markers"):
                return True
    return False


def ongoing(tree: Tree, heads: list[int]) -> bool:
    """ "a sustained campaign of airstrikes": an act with no single date."""
    return any(tree.child_lemmas(h, "amod") & cue("ongoing_modifiers") for h in heads)


def same_actor(a: ActorRef, b: ActorRef) -> bool:
    """One actor, or a state and its own government: never an act's source and target at once."""
    if a.actor_id and a.actor_id == b.actor_id:
        return True
    if a.name.lower() == b.name.lower() and a.country == b.country:
        return True
    return bool(a.country) and a.country == b.country and state_like(a) and state_like(b)


def state_like(r: ActorRef) -> bool:
    """A state or its government as a whole ("Russia", "Moscow", "the Kremlin"), not a person or a part."""
    kind = (r.actor_id or "").split(":")[0]
    return r.sector in (None, "GOV") and not r.role and kind in ("", "state", "gov")


def identified(r: ActorRef) -> bool:
    """An actor with a CAMEO code: a country, an international group sector (IGO, NGO, ...), or a person
    the article describes by an agent's title with no country ("MSNBC host Joe Scarborough": MED)."""
    sector = (r.sector or "").lower()
    return bool(r.country) or sector in cue("stateless_sectors") or described_agent(r)


def described_agent(r: ActorRef) -> bool:
    """A person placed by the article's description (its ``role``) in a CAMEO agent sector: the CAMEO
    agent dictionaries code such a person by the agent alone where no country is found (PETRARCH's
    ``MEDIA_ [~MED]``: the "~" agent takes a country when there is one, else stands alone). A body in such a
    sector ("Fox News": MED, "Exxon Mobil": BUS) is coded the same way: PLOVER codes any entity, a company or
    a news outlet among them (its sector table's BUS and JRN), so the body is identified."""
    kind = (r.actor_id or "").split(":")[0]
    agent = (r.sector or "").lower() in cue("sector_only_agents")
    return agent and (bool(r.role) if kind == "person" else kind in cue("body_id_kinds"))


def commentary_verb(tree: Tree, v: int) -> bool:
    return tree.lemma(v) in cue("commentary_predicates") and tree.lemma(v) not in cue("event_predicates")


def verbal_attack(tree: Tree, heads: list[int]) -> bool:
    """An attack made in words ("a verbal attack", "tweet attacks", "a speech attacking X", "sharply
    attacked", "attacked the decision"): CAMEO codes these 111, criticize (its ATTACK patterns "VERBALLY *",
    "SHARPLY *", "MAGAZINE *", "* DECISION", "{VERBAL ATTACK}"), not a use of force."""
    verbal = cue("verbal_manner") | cue("verbal_media") | cue("verbal_objects")
    if retort(tree, heads) or labelled_person(tree, heads):
        return True
    return any(
        {tree.lemma(n) for n in _attack_words_around(tree, h)} & verbal
        for h in heads
        if tree.lemma(h) in cue("attack_words")
    )


def _attack_words_around(tree: Tree, h: int) -> list[int]:
    """Its modifiers, subject (with the subject's compounds), object, the object of "on"/"in"/"via"/"for" ("attacked
    Trump for comments made this week", "attacks in the debate"), and the noun a participle modifies ("a speech
    attacking X")."""
    near = tree.children(h, "amod", "advmod", "compound", "nmod", "poss", "nsubj", "dobj")
    near += [c for s in tree.children(h, "nsubj") for c in tree.children(s, "compound")]
    near += [
        o
        for p in tree.children(h, "prep")
        if tree.lemma(p) in ("on", "in", "via", "for")
        for o in tree.children(p, "pobj")
    ]
    # "the attacks they have been airing in the media": the relative clause's verb and the objects of its "in"/"on"
    near += [
        x
        for r in tree.children(h, "relcl")
        for x in [r]
        + [
            o
            for p in tree.children(r, "prep")
            if tree.lemma(p) in ("on", "in", "via")
            for o in tree.children(p, "pobj")
        ]
    ]
    up = tree.head(h)
    return near + ([up] if tree.tokens[h].dep == "acl" and up is not None else [])


def office_title(text: str, floor: int, start: int) -> bool:
    """The name at ``start`` follows a political office's title ("Sen. Jeff Sessions", "Treasury Secretary
    Jacob J. Lew", "Virginia Gov. Terry McAuliffe"): a political actor, as CAMEO's agent dictionaries code
    by such titles, even where the knowledge base does not list the person."""
    words = re.findall(r"[A-Za-z]+", text[max(floor, start - 40) : start])[-3:]
    return any(w.lower() in cue("office_titles") for w in words)
