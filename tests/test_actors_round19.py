"""Issue 20 item 6, round 19: mechanisms read from the misses of seed 82's PolNeAR articles (all in-sample now; no
later seed draws from them) and seed 61's Khan family, shown on their own paragraphs read from the shared corpus (the
articles are drawn already, so they are not listed in the benchmark's POLNEAR_IN_TESTS, which would redraw every seed):
a law's name ending in 'Bill' is no first name; a short form of a given name is the person named in full with its
full form; an age after a surname makes the full name ending in it a person's; 'Democrat of Vermont' after a name is
a member of Congress; a title after a body's possessive is that body's office; 'Mr.' and 'Ms.' after a couple's
names ('Khizr and Ghazala Khan') are the husband and the wife."""

from __future__ import annotations

from conftest import ids_over
from polnear_passages import linked as linked_passage
from polnear_passages import passage
from polnear_passages import polnear_article as article

from newsfuse.model import AnnotatedArticle


def linked(text: str) -> AnnotatedArticle:
    return linked_passage(text, "r19-")


def placed_over(ann: AnnotatedArticle, words: str, nth: int = 0) -> list[tuple[str | None, str | None]]:
    start = -1
    for _ in range(nth + 1):
        start = ann.article.text.index(words, start + 1)
    return [
        (m.actor.country, m.actor.sector)
        for m in ann.actors
        if not m.bare and m.start < start + len(words) and start < m.end
    ]


def test_a_laws_name_ending_in_bill_is_no_first_name():
    text = article("dev", "huff-post_2016-10-07_ava-duvernay")
    ann = linked(passage(text, "This crippling stigma", "“super predators.”"))
    assert ids_over(ann, "Crime Bill") == []
    assert ids_over(ann, "Bill Clinton") == ["person:bill-clinton"]  # the first name of a full name stays his
    # a sentence's first word is capitalised as any is: 'When Bill was governor' is the man
    ann = linked("Former President Bill Clinton spoke. When Bill was governor, we went to every inauguration.")
    assert ids_over(ann, "Bill was") == ["person:bill-clinton"]


def test_a_short_form_of_a_given_name_is_the_person_named_in_full_with_its_full_form():
    text = article("dev", "nyt_2016-09-08_obama-on-climate-change")
    ann = linked(passage(text, "Another critic, Laurence H. Tribe", 'big litigation cases."'))
    assert ids_over(ann, "Larry", 1) == ["person:laurence-h-tribe"]  # "Larry has a history of representing ..."


def test_an_age_after_a_surname_makes_the_full_name_ending_in_it_a_persons():
    text = article("dev", "wash-post_2016-09-26_charlotte-struggles")
    first = passage(text, "Small groups of protesters", "don't shoot.\"")
    ann = linked(first + "\n\n" + passage(text, "The death of Scott, 43,", "how the police treat minorities."))
    assert ids_over(ann, "Keith Lamont Scott") == ["person:keith-lamont-scott"]
    assert ids_over(ann, "Scott, 43") == ["person:keith-lamont-scott"]


def test_democrat_of_a_state_after_a_name_is_a_member_of_congress():
    text = article("dev", "nyt_2016-09-12_visa-program-up-for-renewal")
    ann = linked(passage(text, "Critics of the EB-5 program", "without a significant overhaul"))
    assert placed_over(ann, "Patrick J. Leahy") == [("USA", "LEG")]
    # with an article and 'from' it is the party's member, as before
    assert placed_over(linked("Jane Roe, a Democrat from Ohio, said so."), "Jane Roe") == [("USA", "PTY")]


def test_a_title_after_a_bodys_possessive_is_that_bodys_office():
    text = article("train", "nyt_2016-01-30_traditionally-democrat")
    ann = linked(passage(text, "But in an interview, the union's president", "Ms. Henry said."))
    assert placed_over(ann, "Mary Kay Henry") == [(None, "LAB")]
    assert placed_over(ann, "Henry", 1) == [(None, "LAB")]
    # a state's noun keeps the title's own sector; a body of no listed sector gives none
    ann = linked("The country's president, Jane Roe, said so. The group's leader, John Doe, agreed.")
    assert [s for _, s in placed_over(ann, "Jane Roe")] == ["GOV"]
    assert placed_over(ann, "John Doe") == [(None, None)]


def test_mr_and_ms_after_a_couples_names_are_the_husband_and_the_wife():
    text = article("train", "nyt_2016-08-01_pressure-rises-on-trump")
    ann = linked(passage(text, "The confrontation between the parents", "Ms. Khan wrote."))
    assert ids_over(ann, "Mr. Khan had been unfair") == ["person:khizr-khan"]
    assert ids_over(ann, "Mr. Khan pleaded") == ["person:khizr-khan"]
    assert ids_over(ann, "Ms. Khan, in an opinion") == ["person:ghazala-khan"]
    assert ids_over(ann, "Ms. Khan wrote") == ["person:ghazala-khan"]  # after their son Humayun Khan is named
    assert ids_over(ann, "Humayun Khan") == ["person:humayun-khan"]
