"""A party linked to a body whose sector CAMEO codes with no country (a news outlet MED, a company BUS) is an
identified actor: PLOVER codes any entity, and its sector table has companies and news outlets (issue 19 item 5).
A party with no code at all (a private person named bare, a group whose name states no kind) still holds the
mention back. The sentence is read from a PolNeAR train article of set F (read) in ../shared."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from newsfuse.events import precision as prec
from newsfuse.model import ActorRef, Article, Block
from newsfuse.pipeline import analyse

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "benchmarks" / "accuracy"))
import events as bench  # noqa: E402

SHOWN = 0.5  # events.min_confidence (data/abstain.yaml)
FOX = "west-journal_2016-05-24_hillary-clinton-says-no-to-fox-n"


def _shown(sentence: str):
    article = Article("cb", "cb.json", "json", None, None, None, None, (Block("paragraph", sentence),))
    [result] = analyse([article], with_embeddings=False)
    return [m for m in result.mentions if m.confidence >= SHOWN]


def test_a_body_in_a_sector_coded_alone_is_identified():
    assert prec.identified(ActorRef("Fox News", None, "MED", None, "org:fox-news"))
    assert prec.identified(ActorRef("Exxon Mobil", None, "BUS", None, "org:exxon-mobil"))
    assert not prec.identified(ActorRef("WikiLeaks", None, None, None, "org:wikileaks"))
    assert not prec.identified(ActorRef("Khizr Khan", None, None, None, "person:khizr-khan"))
    # a person still needs the article's description for a sector alone; an office of a state needs its state
    assert not prec.identified(ActorRef("Jane Roe", None, "MED", None, "person:jane-roe"))
    assert not prec.identified(ActorRef("Liberian Peace Council", None, "GOV", None, "org:liberian-peace-council"))


def test_rejecting_a_news_outlets_proposal_is_shown_with_the_outlet_as_recipient():
    sentence = bench.polnear_sentence(FOX, "rejected a Fox News proposal")
    if sentence is None:
        pytest.skip("the PolNeAR corpus is not in ../shared")
    [rejection] = [m for m in _shown(sentence) if m.trigger == "rejected"]
    assert rejection.type == "REJECT"
    assert [a.name for a in rejection.target_actors] == ["Fox News"]


def test_the_name_after_a_genitive_apostrophe_is_the_party_not_its_outlet():
    # written for the test: a name ending in s takes the apostrophe alone, which the parse reads as a closing quote
    # and hangs the possessed name on the verb; the outlet only says whose editor he is
    sentence = "Ted Cruz praised Fox News’ Political Editor Chris Stirewalt at a town hall in Iowa."
    [praise] = _shown(sentence)
    assert praise.type == "SUPPORT"
    assert [a.name for a in praise.target_actors] == ["Chris Stirewalt"]
