"""Issue 20 item 6, round 21: mechanisms read from the misses of seed 84's ECB+ train records (subtopic 1_ecbplus,
in-sample now), shown on those records read from the shared corpus as the benchmark reads them: a clinic's name
(a name ending in a word for a place where people are treated; 'Center' where the article speaks of treatment) after
a word of staying or leaving is the place; a
name that opens such a clinic's name in the same article is the clinic, a place where one checks into it, else the
clinic; a US state's postal code after a town and a comma is the state of an address, no body."""

from __future__ import annotations

import json

import pytest
from conftest import SHARED, ids_over
from polnear_passages import linked as linked_passage

from newsfuse.actors.kb import get_kb
from newsfuse.actors.nonactors import at_place_cue, facility_short_name
from newsfuse.model import AnnotatedArticle, Entity

ECBPLUS = SHARED / "corpus" / "clustering" / "ecbplus" / "documents.jsonl"


def record_with(words: str) -> str:
    """The text of the ECB+ train record of subtopic 1_ecbplus that holds ``words``, its sentences' tokens joined
    by spaces as the benchmark's records read."""
    if not ECBPLUS.exists():
        pytest.skip("the shared ECB+ corpus is not here")
    for line in ECBPLUS.read_text(encoding="utf-8").splitlines():
        record = json.loads(line) if line.strip() else {}
        if record.get("subtopic") != "1_ecbplus" or record.get("split") != "train":
            continue
        text = "\n".join(" ".join(sentence) for sentence in record["sentences"])
        if words in text:
            return text
    raise AssertionError(f"no 1_ecbplus train record holds {words!r}")


def linked(text: str) -> AnnotatedArticle:
    return linked_passage(text, "r21-")


def person_ids_over(ann: AnnotatedArticle, words: str) -> list[str | None]:
    return [i for i in ids_over(ann, words) if i and i.startswith("person:")]


def test_a_clinics_short_name_one_is_back_at_is_the_place():
    ann = linked(record_with("is back at Betty Ford"))
    assert ids_over(ann, "at Betty Ford") == []  # the article writes 'the Betty Ford Center' too
    assert ids_over(ann, "Morningside but") == []  # 'never checked into Morningside', beside 'Morningside Recovery'


def test_a_clinics_short_name_acting_is_the_clinic():
    ann = linked(record_with("Morningside is unlicensed"))
    assert ids_over(ann, "Morningside is unlicensed") == ["org:morningside"]


def test_a_clinic_one_has_left_is_the_place():
    ann = linked(record_with("has left the Betty Ford Center"))
    assert ids_over(ann, "the Betty Ford Center and") == []
    assert person_ids_over(ann, "Leaves Betty Ford") == []


def test_a_states_postal_code_after_a_town_is_no_body():
    ann = linked(record_with("Fountain Valley , CA"))
    assert ids_over(ann, "CA .") == []  # Phoenix's CA is an armed group


def test_only_a_name_opening_a_clinics_name_is_its_short_name():
    text = "Dr. Ruth Anderson, who works at MD Anderson Cancer Center, said Anderson was at home."
    at = text.rindex("Anderson was")
    anderson = Entity("Anderson", "PERSON", at, at + len("Anderson"))
    assert not facility_short_name(get_kb(), text, anderson)
    text = "She left the Promises Treatment Center, a rehab in Malibu, in May. Promises said she was well."
    at = text.index("Promises said")
    promises = Entity("Promises", "ORG", at, at + len("Promises"))
    assert facility_short_name(get_kb(), text, promises)


def test_a_centre_is_a_clinic_only_where_the_article_speaks_of_treatment():
    kb = get_kb()
    text = "Mourners gathered at the Muhammad Ali Center. Muhammad Ali was born in Louisville."
    at = text.rindex("Muhammad Ali")
    assert not facility_short_name(kb, text, Entity("Muhammad Ali", "PERSON", at, at + len("Muhammad Ali")))
    text = "She left rehab at the Betty Ford Center in May. Betty Ford staff said she was well."
    at = text.rindex("Betty Ford")
    assert facility_short_name(kb, text, Entity("Betty Ford", "PERSON", at, at + len("Betty Ford")))


def test_a_place_cue_allows_the_and_two_lower_case_words():
    kb = get_kb()
    text = "During her stay at the famed Betty Ford Center she wrote; she praised the Betty Ford Center"
    assert at_place_cue(kb, text, text.index("Betty Ford Center"))
    assert not at_place_cue(kb, text, text.rindex("Betty Ford Center"))  # 'praised the': no place
    text = "having checked out of the Betty Ford Centre on Thursday"
    assert at_place_cue(kb, text, text.index("the Betty"))
