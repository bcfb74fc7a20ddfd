"""Issue 20 item 6, round 14: mechanisms read from the misses of the PolNeAR samples (seeds 62-72), each shown on
sentences written for the test: names that are a programme's, a doctrine's, a currency's, a book's or a campaign
committee's words; agents whose country is not the place after 'in'; a post held; a court named by its country;
a region's people; a question's verb before a name; a photo credit's agency."""

from __future__ import annotations

from conftest import ids_over, named_mentions

from newsfuse.actors import link
from newsfuse.model import AnnotatedArticle, Article, Block
from newsfuse.nlp import annotate


def linked(text: str, published: str | None = "2016-05-02") -> AnnotatedArticle:
    article = Article("r14-" + text[:12], "test", "text", None, published, None, None, (Block("paragraph", text),))
    (annotated,) = annotate([article])
    return link(annotated)


def test_names_that_are_words_of_a_programme_a_doctrine_a_currency_or_a_title():
    ann = linked(
        "The agency widened the Northern Valley Growers program this spring. "
        "Lawyers cited what is known as the Hendrick doctrine from an old case. "
        "The American invasion of Iraq began in 2003, and the Iraq invasion divided the party. "
        "A loaf now costs 40 United States cents more. "
        "She is the author of ''America's Quiet Century,'' a history of the era."
    )
    assert ids_over(ann, "Northern Valley Growers") == []
    assert ids_over(ann, "Hendrick") == []
    assert ids_over(ann, "American") == ["state:USA"] and ids_over(ann, "Iraq", 1) == []
    assert ids_over(ann, "United States") == []
    assert ids_over(ann, "America's Quiet Century") == []


def test_a_quotation_in_two_apostrophes_that_is_no_title_keeps_its_names():
    ann = linked("When he speaks, he feels ''the steady gaze of Martha Quill,'' his mother, on him.")
    assert ids_over(ann, "Martha Quill") == ["person:martha-quill"]


def test_an_office_in_a_candidates_committee_name_or_after_former_is_no_body():
    ann = linked(
        "Rep. Dana Whitcombe filed the papers on Monday. "
        "The Whitcombe for Senate campaign joined the lawsuit on Tuesday. "
        "Former Secretary of State and longtime diplomat Hillary Clinton spoke in Ohio."
    )
    assert ids_over(ann, "Senate") == []
    assert ids_over(ann, "Secretary of State") == []


def test_agents_are_not_the_countrys_of_the_place_they_are_in():
    ann = linked(
        "She called for more flexibility for U.S. military advisers in Iraq on Monday. "
        "He lived as a refugee in Khartoum for two years before he reached Canada."
    )
    assert "mil:IRQ" not in ids_over(ann, "military advisers")
    assert "ref:SDN" not in ids_over(ann, "refugee")


def test_a_court_named_by_its_country_is_that_countrys_judiciary():
    ann = linked("Judge Ellen Marrow of the United States Court of Appeals for the Ninth Circuit wrote the opinion.")
    assert "jud:USA" in ids_over(ann, "Court of Appeals")


def test_a_regions_people_are_no_countrys_and_a_census_groups_leaders_are_its_elites():
    ann = linked(
        "The plan allows Central Americans to come to the U.S. as refugees. "
        "Perez urged Latino leaders to stand up and be active."
    )
    assert "cvl:USA" not in ids_over(ann, "Americans")
    assert ids_over(ann, "Latino leaders") == ["eli:USA"]  # a census group's leaders: its elites, no office


def test_a_question_verb_before_a_surname_is_no_first_name():
    ann = linked("Ted Cruz spoke in Iowa on Monday. Will Cruz's gambit work any better?")
    assert ids_over(ann, "Cruz", 1) == ["person:ted-cruz"]


def test_a_one_letter_name_and_a_photo_credits_agency_are_not_persons():
    ann = linked("“Neither do I.” Photo: Carlos Barria / Reuters.")
    assert all(m.text != "I" for m in named_mentions(ann))
    assert not any((m.actor.actor_id or "").startswith("person:") for m in named_mentions(ann) if "Reuters" in m.text)
