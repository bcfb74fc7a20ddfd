"""Issue 20 item 6, round 24: mechanisms read from the misses of seed 87's TimeBank articles (in-sample now), shown
on those articles read from the shared corpus (as the benchmark reads them, whole): a firm's short name after its
full name with a legal form ('Reed International PLC' ... 'Reed said') is the firm, and a legal form written as one
('N.V. DSM') makes a name a firm's; a dictionary body that is no firm inside a firm's name ('ETA Systems Inc.') is
not that body; a country one exits, a country's possessive before a firm it is home to ('Britain's leading
luxury-car maker'), a country before 'market' ('U.S. market leader') and a city joined to '-based' are places; a
one-word 'Cabinet' before a minister's title is the report's country's government; a full name after an occupation
noun ('Hungarian astronaut Bertalan Farkas') is a person; a model's letters and number before a word for a made
thing ('An-70 cargo planes'), a resort named between 'the company's' and 'resort', and a body's name before its
founding document ('the U.N. charter') are no actors."""

from __future__ import annotations

import json
from functools import lru_cache

import pytest
from conftest import SHARED, ids_over
from polnear_passages import linked, polnear_article

from newsfuse.model import AnnotatedArticle

TIMEBANK = SHARED / "corpus" / "dates" / "timebank.jsonl"


@lru_cache(maxsize=16)
def article(doc_id: str) -> AnnotatedArticle:
    """One TimeBank article, whole, linked."""
    if not TIMEBANK.exists():
        pytest.skip("the shared TimeBank articles are not here")
    for line in TIMEBANK.read_text(encoding="utf-8").splitlines():
        if line.strip() and (doc := json.loads(line))["doc_id"] == doc_id:
            return linked(doc["text"], "r24-")
    raise AssertionError(doc_id)


def test_a_firms_short_name_after_its_full_name_is_the_firm():
    assert ids_over(article("wsj_0127"), "Reed said") == ["org:reed"]  # 'Reed International PLC' first
    assert ids_over(article("wsj_0189"), "Ralston attributed") == ["org:ralston"]  # 'Ralston Purina Co.'
    assert ids_over(article("wsj_0736"), "Poughkeepsie said") == ["org:poughkeepsie"]  # 'Poughkeepsie Savings Bank'


def test_a_legal_form_written_as_one_makes_a_firms_name():
    (dsm,) = ids_over(article("wsj_0132"), "N.V. DSM said")
    assert dsm is not None and dsm.startswith("org:")


def test_a_dictionary_body_inside_a_firms_name_is_not_that_body():
    ids = ids_over(article("wsj_0575"), "ETA Systems Inc.")
    assert ids and "org:basque-fatherland-and-freedom" not in ids


def test_a_country_one_exits_is_a_place():
    ann = article("WSJ910225-0066")
    assert ids_over(ann, "exit Kuwait") == []
    assert ids_over(ann, "American officials") == ["gov:USA"]  # an agent before a country stays


def test_a_countrys_possessive_before_a_firm_is_where_the_firm_is():
    assert ids_over(article("wsj_0745"), "Britain's leading luxury-car maker") == []


def test_a_central_bank_stays_the_states_own():
    text = polnear_article("train", "nyt_2016-07-30_oil-prices-keep")
    start = text.index("Japan's central bank ended")
    ann = linked(text[start : text.index("\n", start)], "r24-")
    assert ids_over(ann, "Japan") == ["state:JPN"]


def test_a_country_before_market_names_the_market():
    assert ids_over(article("wsj_1014"), "U.S. market leader") == []


def test_a_city_joined_to_based_is_where_a_firm_sits():
    assert ids_over(article("wsj_0169"), "London-based jeweler") == []


def test_cabinet_before_a_ministers_title_is_the_reports_government():
    ids = ids_over(article("APW19980301.0720"), "Cabinet minister Michael Eitan")
    assert ids == ["gov:ISR", "person:michael-eitan"]


def test_a_full_name_after_an_occupation_noun_is_a_person():
    ann = article("APW19980418.0210")
    assert ids_over(ann, "Bertalan Farkas") == ["person:bertalan-farkas"]
    assert ids_over(ann, "Farkas was ordered home") == ["person:bertalan-farkas"]


def test_a_model_designation_before_a_made_thing_is_no_actor():
    assert ids_over(article("APW19980227.0494"), "An-70 cargo planes") == []


def test_a_resort_is_a_property():
    assert ids_over(article("wsj_0981"), "Desert Inn resort") == []


def test_a_bodys_founding_document_is_no_actor():
    ann = article("WSJ900813-0157")
    assert ids_over(ann, "the U.N. charter") == []
