"""events/patterns: the hand patterns are looked up by lemma; each lemma must give exactly the patterns
that list it, in their order in patterns.yaml (the first that fits wins), as a scan of all would."""

from __future__ import annotations

from newsfuse.events.patterns import by_lemma, compiled


def test_each_lemma_gives_the_patterns_listing_it_in_order():
    for patterns, index in zip(compiled(), by_lemma()):
        lemmas = {lemma for p in patterns for lemma in p.lemmas}
        assert set(index) == lemmas and len(lemmas) > 20
        for lemma in lemmas:
            assert index[lemma] == tuple(p for p in patterns if lemma in p.lemmas)
        assert sum(len(ps) for ps in index.values()) == sum(len(p.lemmas) for p in patterns)


def test_a_lemma_listed_by_several_patterns_keeps_their_order():
    verbs = by_lemma()[0]
    shared = [lemma for lemma, ps in verbs.items() if len(ps) > 1]
    assert shared  # e.g. a verb with an object-specific pattern before its general one
    order = {id(p): k for k, p in enumerate(compiled()[0])}
    for lemma in shared:
        ks = [order[id(p)] for p in verbs[lemma]]
        assert ks == sorted(ks)
