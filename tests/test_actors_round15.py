"""Issue 20 item 6, round 15: mechanisms read from the misses of the PolNeAR samples (seeds 31-74), each shown on
sentences written for the test (a test that read a PolNeAR train article would change every seed's draw): an epithet
before a first name, a given name the tagger calls an organisation, a candidate's surname before a word for the
campaign, a misspelt first name of a listed person, a post held after 'be' or 'as', a title that closes a quotation,
a surname before a government's seat, a denied office ('non-government'), a city's name for attacks, countries as
sides of a match, and names joined by 'for' that name an organisation."""

from __future__ import annotations

from conftest import ids_over, named_mentions

from newsfuse.actors import link
from newsfuse.model import AnnotatedArticle, Article, Block
from newsfuse.nlp import annotate


def linked(text: str, published: str | None = None) -> AnnotatedArticle:
    """PolNeAR's articles carry no date: the tests link the sentences as the benchmark reads those articles."""
    article = Article("r15-" + text[:12], "test", "text", None, published, None, None, (Block("paragraph", text),))
    (annotated,) = annotate([article])
    return link(annotated)


def test_an_epithet_before_a_first_name_is_that_persons_nickname():
    ann = linked(
        "Hillary Clinton campaigned in Ohio on Monday. "
        "Donald Trump said at a rally that Crooked Hillary would lose. "
        "It hits Hillary where she is most vulnerable."
    )
    assert ids_over(ann, "Crooked Hillary") == ["person:hillary-clinton"]
    assert ids_over(ann, "Hillary", 2) == ["person:hillary-clinton"]


def test_a_candidates_surname_before_a_word_for_the_campaign_is_the_candidate():
    ann = linked(
        "Alabama Sen. Jeff Sessions, a prominent Trump supporter, said the donations were a problem. "
        "The Trump campaign did not answer."
    )
    assert ids_over(ann, "Trump") == ["person:donald-trump"]


def test_a_listed_persons_first_name_with_a_letter_dropped_is_that_person():
    ann = linked(
        "Elizabeth Warren campaigned with Hilary Clinton in Cincinnati on Monday. "
        "Republican National Committee chairman Rence Priebus said the evidence was clear."
    )
    assert ids_over(ann, "Hilary Clinton") == ["person:hillary-clinton"]
    assert ids_over(ann, "Rence Priebus") == ["person:reince-priebus"]


def test_an_office_after_be_or_as_is_a_post_held():
    ann = linked(
        "“You cannot be Secretary of State of the United States and use that position to raise money,” he said. "
        "She used a private server during her time as Secretary of State."
    )
    assert ids_over(ann, "Secretary of State") == []
    assert ids_over(ann, "Secretary of State", 1) == []


def test_a_title_that_closes_a_quotation_is_not_the_next_names():
    ann = linked(
        "''That was a good speech, Mr. President,'' Representative Dana Whitcombe, Democrat of Ohio, told Mr. Obama."
    )
    assert ids_over(ann, "Dana Whitcombe") == ["person:dana-whitcombe"]
    (cohen,) = [m for m in named_mentions(ann) if m.actor.actor_id == "person:dana-whitcombe"]
    assert cohen.text == "Dana Whitcombe" and cohen.actor.sector == "LEG"


def test_a_surname_before_a_governments_seat_is_the_head_of_government():
    ann = linked(
        "President Obama and the first lady, Michelle Obama, greeted guests. "
        "Tina Tchen, Mrs. Obama's chief of staff, said the lines were long. "
        "George Bush hosted 25 parties in 2008, but the Obama White House has eliminated all but a handful."
    )
    assert ids_over(ann, "Obama", 3) == ["person:barack-obama"]


def test_a_hyphened_non_denies_the_office_after_a_possessive():
    ann = linked(
        "The report on Hillary Clinton was published Tuesday. "
        "More than half of Clinton’s non-government meetings were with donors, it said."
    )
    assert ids_over(ann, "Clinton’s non-government") == ["person:hillary-clinton"]


def test_a_given_name_the_tagger_calls_an_organisation_is_the_person_named_in_full_with_it():
    ann = linked(
        "As Donald Trump began tweeting out his new nickname for Hillary Clinton, his son said The Donald is just "
        "getting started."
    )
    assert ids_over(ann, "Donald", 1) == ["person:donald-trump"]


def test_a_capitals_attackers_before_attacks_name_where_they_struck():
    ann = linked("After the Paris terrorist attacks, Chris Christie spoke of security in New Hampshire.")
    assert ids_over(ann, "Paris terrorist") == []


def test_countries_between_which_a_final_is_played_are_teams():
    ann = linked(
        "The ad will air during Sunday's final of the Copa America soccer tournament between Argentina and Chile. "
        "Talks between Iran and Iraq resumed on Monday."
    )
    assert ids_over(ann, "Argentina") == [] and ids_over(ann, "Chile") == []
    assert ids_over(ann, "Iran") == ["state:IRN"]


def test_names_joined_by_for_and_a_country_name_an_organisation():
    ann = linked(
        "Obama for America built large followings on Facebook in 2012. "
        "Charles Chamberlain, Democracy for America's executive director, praised the remarks. "
        "Obama ran for president in 2008. Support for Mexico grew after the storm, and support for the plan grew too."
    )
    assert ids_over(ann, "Obama for America") == []
    assert ids_over(ann, "America", 1) == []
    assert ids_over(ann, "Obama", 1) == ["person:barack-obama"]
    assert ids_over(ann, "Mexico") == ["state:MEX"]  # a common word opening its sentence is no name's
