"""events/cameo: the lexicon's patterns are indexed by the words they need (a block's pattern is tried
only when one of its cue words is around the verb) and a verb is vetoed only where one of its patterns
codes no event. Both must skip only what could not have fitted: checked against the dictionary read
the plain way (every pattern of every block of the verb, synsets expanded on the spot), on a real parse
of sentences written for this test."""

from __future__ import annotations

import pytest

from newsfuse.events.cameo import Match, Spec, alternatives, load_lexicon, may_veto, specific_outcome
from newsfuse.text.tree import Tree

SENTENCES = {
    "guns": "Rebels fired machine guns at the army convoy near the border on Tuesday.",
    "strike_down": "The French government struck down a law that had limited union rights.",
    "support": "Kosovo obtained military support from Albania on Monday.",
    "call_off": "Israel called off the talks with Hamas after the attack.",
    "aid": "The United States sent humanitarian aid and medical supplies to Gaza.",
    "arrest": "Police arrested dozens of protesters in Cairo and seized their weapons.",
    "accuse": "Iran accused Israel of attacking its embassy in Damascus.",
    "appeal": "The UN appealed for a ceasefire between the two sides.",
    "passive": "The village was attacked by government troops with artillery.",
}


def _plain_has(element: str, keys: set[str], synsets: dict[str, tuple[str, ...]]) -> bool:
    if element.startswith("&"):
        return any(_plain_has(m, keys, synsets) for m in synsets.get(element[1:], ()))
    return all(w in keys for w in element.split())


def _plain_fits(m: Match, spec: Spec, synsets: dict[str, tuple[str, ...]]) -> bool:
    """A pattern read straight from the dictionary: its object, particle, subject and prepositional
    phrase words all around the verb."""
    return (
        all(_plain_has(e, m.obj, synsets) for e in spec.obj)
        and all(p in m.particles for p in spec.prt)
        and all(_plain_has(e, m.subj, synsets) for e in spec.subj)
        and all(
            any(
                _plain_has(p[0], {prep}, synsets) and all(_plain_has(e, words, synsets) for e in p[1:])
                for prep, words in m.preps
            )
            for p in spec.prep
        )
    )


@pytest.fixture(scope="module")
def verbs(linked_sentences):
    """(tree, verb index) for every verb of the sentences the lexicon lists."""
    lex = load_lexicon()
    out = []
    for a in linked_sentences(SENTENCES).values():
        tree = Tree(list(a.tokens))
        out += [(tree, t.i) for t in a.tokens if t.pos == "VERB" and tree.lemma(t.i) in lex.verbs]
    return out


@pytest.mark.parametrize("narrow", [False, True])
def test_the_index_skips_only_patterns_that_could_not_fit(verbs, narrow):
    lex = load_lexicon()
    tried = skipped = fitted = 0
    for tree, v in verbs:
        m = Match(tree, v, narrow=narrow)
        for e in lex.verbs[tree.lemma(v)]:
            assert m.fits(e.need) == _plain_fits(m, e.needs, lex.synsets)
            block, index = lex.blocks[e.block], lex.index[e.block]
            candidates = m.candidates(index)
            assert candidates == sorted(set(candidates))
            plain = [k for k, p in enumerate(block) if _plain_fits(m, p.spec, lex.synsets)]
            assert [k for k in candidates if m.fits(index.needs[k])] == plain
            tried, skipped, fitted = tried + len(block), skipped + len(block) - len(candidates), fitted + len(plain)
    assert len(verbs) >= len(SENTENCES)
    assert fitted > 0 and skipped > tried // 2  # the index does skip, and what fits is still found


def test_a_verb_is_never_vetoed_where_no_pattern_coding_no_event_could_fit(verbs):
    lex = load_lexicon()
    gated = [(tree, v) for tree, v in verbs if not may_veto(tree, v)]
    vetoing_verbs = [v for tree, v in verbs if tree.lemma(v) in lex.vetoing]
    assert gated and vetoing_verbs and len(gated) < len(verbs)  # the sentences hold verbs of both kinds
    for tree, v in verbs:
        blocks = [lex.blocks[e.block] for e in lex.verbs[tree.lemma(v)]]
        m = Match(tree, v, narrow=True)
        none_fits = any(p.code is None and _plain_fits(m, p.spec, lex.synsets) for b in blocks for p in b)
        if none_fits:  # a pattern that codes no event fits: the verb must not be skipped
            assert may_veto(tree, v)
        if not may_veto(tree, v):
            out = specific_outcome(tree, v)
            assert out is None or out.code is not None


def test_the_strike_down_veto_is_not_skipped(linked_sentences):
    a = linked_sentences({"k": SENTENCES["strike_down"]})["k"]
    tree = Tree(list(a.tokens))
    verb = next(t.i for t in a.tokens if t.lemma == "strike")
    assert may_veto(tree, verb) and specific_outcome(tree, verb).code is None


def test_an_element_reads_as_its_word_sets():
    lex = load_lexicon()
    weapon = alternatives("&weapon", lex.synsets)
    assert frozenset({"machine", "gun"}) in weapon and len(weapon) == len(lex.synsets["weapon"])
    assert alternatives("humanitarian aid", lex.synsets) == (frozenset({"humanitarian", "aid"}),)
    assert alternatives("&no-such-synset", lex.synsets) == ()  # holds nowhere, as the plain reading
