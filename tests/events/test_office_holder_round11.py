"""A common noun of office whose modifiers name the body, with the holder's name in apposition ("France's far-right
National Front party leader, Marine Le Pen, voiced support ..."): the person acts, in that office (PLOVER manual
2.4.1; events round 11). The sentence is from a PolNeAR train article."""

from __future__ import annotations

from polnear_coding import analysed, polnear_sentence  # tests/events/polnear_coding.py

LE_PEN = ("huff-post_2016-08-31_france-s-marine-le-pen-backs-tru", "voiced support for U.S. Republican")


def test_appositive_holder_is_the_doer():
    result = analysed(polnear_sentence(*LE_PEN), "2016-08-31")
    (support,) = [m for m in result.mentions if m.type == "SUPPORT"]
    assert "Marine Le Pen" in [a.name for a in support.source_actors]
    assert [a.name for a in support.target_actors] == ["Donald Trump"]
    assert not any(a.sector == "REB" for a in support.source_actors)  # no Greek armed group by a bare alias
