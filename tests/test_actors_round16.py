"""Issue 20 item 6, round 16: mechanisms read from the misses of the PolNeAR samples (seeds 31-77), each shown on
sentences written for the test (a test that read a PolNeAR train article would change every seed's draw): a US
state's name that a country bears, placed by a place in that state; a speech, a faith and a notion the tagger calls
organisations; an American of a named descent; a supporters' group named for a person; places named by what the
sentence says of them (a destination, a list of cities, an example of places, a capital called a capital); a
nickname that opens a knowledge-base alias; a first name two persons share; chambers coordinated before an office
sought."""

from __future__ import annotations

from conftest import ids_over, named_mentions

from newsfuse.actors import link
from newsfuse.model import AnnotatedArticle, Article, Block
from newsfuse.nlp import annotate


def linked(text: str, published: str | None = None) -> AnnotatedArticle:
    """PolNeAR's articles carry no date: the tests link the sentences as the benchmark reads those articles."""
    article = Article("r16-" + text[:12], "test", "text", None, published, None, None, (Block("paragraph", text),))
    (annotated,) = annotate([article])
    return link(annotated)


def countries_of(ann: AnnotatedArticle, actor_id: str) -> set[str | None]:
    return {m.actor.country for m in named_mentions(ann) if m.actor.actor_id == actor_id}


def test_georgia_is_the_us_state_where_the_article_names_a_place_in_it():
    ann = linked(
        "Georgia businessman Dale Hatcher believes people do not know the candidate. "
        "Hatcher, a former county chairman in suburban Atlanta, flew to a rally in Macon."
    )
    assert ids_over(ann, "Georgia") == []
    assert countries_of(ann, "person:dale-hatcher") == {"USA"}


def test_georgia_stays_the_country_where_nothing_places_it_in_the_united_states():
    ann = linked("Georgia businessman Levan Beridze said Tbilisi would answer the new Russian tariffs.")
    assert ids_over(ann, "Georgia businessman") == ["bus:GEO"]


def test_a_speech_a_faith_and_a_notion_are_no_organisations():
    ann = linked(
        "President Obama delivered his final State of the Union address on Tuesday. "
        "Critics said the speech ignored Islam and Islamophobia alike."
    )
    assert ids_over(ann, "State of the Union") == []
    assert ids_over(ann, "Islam") == []
    assert ids_over(ann, "Islamophobia") == []


def test_a_demonym_joined_to_american_before_an_agent_is_an_american_of_that_descent():
    ann = linked(
        "Senator Ted Cruz spoke of his Irish-American mother. "
        "Miami is home to the largest Cuban-American population in the country. "
        "Chinese-American relations soured in the spring."
    )
    assert ids_over(ann, "Irish-American mother") == ["cvl:USA"]
    assert ids_over(ann, "Cuban-American population") == ["cvl:USA"]
    assert ids_over(ann, "Chinese-American relations") == []


def test_a_capitalised_plural_and_for_before_a_persons_name_is_a_group():
    ann = linked(
        "Donald Trump held a rally in Ohio. "
        "Harjit Sandhu is the head of Sikh Americans for Trump, which met on Monday. "
        "Attorneys for Trump said the filing was late."
    )
    assert ids_over(ann, "Trump", 1) == []
    assert ids_over(ann, "Sikh Americans") == []
    assert ids_over(ann, "Trump", 2) == ["person:donald-trump"]


def test_names_the_sentence_calls_places_are_no_actors():
    ann = linked(
        "Speaker Paul Ryan visited Israel, before heading to other nations and to Germany to discuss security. "
        "Orlando now takes a place with Beirut, Bamako, San Bernardino and other cities struck by terror. "
        "Candidates oppose boots on the ground in places such as Syria. "
        "He refused to say that Jerusalem should be the undivided capital of Israel. "
        "Troops guard the embassy in the capital, Kabul. "
        "Israel regards all of Jerusalem as its capital, and Moscow said it would answer."
    )
    for place in ("Germany", "Bamako", "Syria", "Jerusalem", "Kabul"):
        assert ids_over(ann, place) == [], place
    assert ids_over(ann, "Jerusalem", 1) == []
    assert ids_over(ann, "Israel", 2) == ["state:ISR"]
    assert ids_over(ann, "Moscow") == ["gov:RUS"]


def test_the_first_word_of_a_persons_alias_is_that_person():
    ann = linked(
        "Prime Minister Benjamin Netanyahu rejected the remark. "
        "“I want to wait until I meet with Bibi,” the candidate said, using Netanyahu's nickname."
    )
    assert ids_over(ann, "Bibi") == ["person:benjamin-netanyahu"]


def test_a_first_name_two_persons_named_in_full_share_is_neither():
    ann = linked(
        "Speaker Paul Ryan faces a primary challenge from Paul Nehlen, a businessman. Nehlen said Ryan had failed. "
        "“I like Paul, but these are horrible times,” the candidate said."
    )
    assert ids_over(ann, "Paul,") == []


def test_a_first_name_of_two_full_names_never_shortened_stays_a_persons():
    ann = linked("Jerome Arthur Siegel died on Tuesday. Jerome Siegel was born in 1915. Jerome served in the Navy.")
    assert ids_over(ann, "Jerome", 2) != []


def test_chambers_coordinated_before_an_office_sought_are_no_bodies():
    ann = linked(
        "He wants to help House and Senate candidates navigate the headwinds. The House and Senate passed the bill."
    )
    assert ids_over(ann, "House") == []
    assert ids_over(ann, "House", 1) == ["leg:USA"]
