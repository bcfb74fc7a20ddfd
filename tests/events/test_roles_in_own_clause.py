"""Roles come from the trigger's own clause, as English grammar gives them (issue 19 item 2, the roles round):
a relative clause whose antecedent the parse cannot tell, a finite clause with no subject parsed, the object of
an asked party's act, an actor inside a clause that modifies a noun, and the possessor of a person's associate
are no party to the act; the coder abstains instead of guessing. Seen while reading PolNeAR train articles
(reading sample 2); the sentences are written here."""

from __future__ import annotations

import pytest
from polnear_coding import candidates, names

from newsfuse.events.roles import ambiguous_antecedent, finite
from newsfuse.model import Article, Block
from newsfuse.pipeline import analyse
from newsfuse.text.tree import Tree


def _analysed(sentence: str):
    article = Article("r1", "r1.json", "json", None, "2016-05-12", None, None, (Block("paragraph", sentence),))
    [result] = analyse([article], with_embeddings=False)
    return result


def _shown(sentence: str, kind: str):
    return [m for m in _analysed(sentence).mentions if m.type == kind and m.confidence >= 0.5]


def test_the_object_of_the_asked_partys_act_is_never_the_one_asked():
    # "Republicans" names no actor: whom the call is made of is not known, so nothing is shown
    assert not _shown("Senator Ted Cruz called on Republicans to back Donald Trump.", "REQUEST")
    for m in _analysed("Senator Ted Cruz called on Republicans to back Donald Trump.").mentions:
        assert "Donald Trump" not in names(m.target_actors)


def test_a_named_asked_party_is_still_the_recipient():
    [m] = _shown("Senator Ted Cruz called on Congress to back Donald Trump.", "REQUEST")
    assert names(m.source_actors) == {"Ted Cruz"}
    assert "Donald Trump" not in names(m.target_actors) and m.target_actors


@pytest.mark.parametrize(
    "sentence, outsider",
    [
        ("Vice President Joe Biden urged those calling for Bernie Sanders' withdrawal to wait.", "Bernie Sanders"),
        (
            "Senator Chuck Grassley sent a letter to James Comey seeking answers about his decision not to "
            "recommend that Hillary Clinton be prosecuted.",
            "Hillary Clinton",
        ),
        (
            "Also Monday, Bob Goodlatte and Trey Gowdy sent a letter to James Comey, signed by 200 House Republicans, "
            "seeking more answers about his decisions not to recommend that Hillary Clinton be prosecuted.",
            "Hillary Clinton",
        ),
    ],
)
def test_an_actor_inside_a_clause_of_the_object_is_no_recipient(sentence, outsider):
    for m in _analysed(sentence).mentions:
        if m.type == "REQUEST":
            assert outsider not in names(m.target_actors), m.rule


def test_a_relative_clause_after_of_has_no_known_doer():
    sentence = (
        "Governor Phil Bryant, a former backer of Senator Ted Cruz, who has since called on Congress to reject "
        "Barack Obama's nominee, spoke on Monday."
    )
    for m in _analysed(sentence).mentions:
        if m.type == "REQUEST":
            assert "Ted Cruz" not in names(m.source_actors)
            assert m.confidence < 0.5


def test_a_finite_clause_with_no_subject_parsed_takes_no_other_subject():
    for m in _analysed(
        "Alongside NAACP calls for action, Senator John McCain said on Monday that Congress must act."
    ).mentions:
        if m.trigger == "calls":
            assert "John McCain" not in names(m.source_actors)


@pytest.mark.parametrize(
    "sentence, possessor",
    [
        ("Donald Trump's lawyer sued the New York Times on Monday.", "Donald Trump"),
        ("Bernie supporters met Hillary Clinton in Ohio.", "Bernie Sanders"),
    ],
)
def test_the_possessor_of_an_associate_is_not_the_doer(sentence, possessor):
    for m in _analysed(sentence).mentions:
        assert possessor not in names(m.source_actors) | names(m.target_actors)


def test_a_possessor_still_acts_through_its_spokesman():
    [m] = _shown("Russia's spokesman condemned Ukraine on Monday.", "ACCUSE")
    assert [a.country for a in m.source_actors] == ["RUS"]


def test_the_grammar_of_finite_clauses_and_of_phrase_antecedents():
    result = _analysed("Governor Phil Bryant, a backer of Senator Ted Cruz, who spoke, said he called.")
    tree = Tree(list(result.annotated.tokens))
    by_text = {tok.text: i for i, tok in tree.tokens.items()}
    assert finite(tree, by_text["said"]) and not finite(tree, by_text["backer"])
    assert ambiguous_antecedent(tree, by_text["spoke"])


def test_a_person_named_in_the_title_of_another_is_no_party():
    sentence = "Senator Elizabeth Warren accused Donald Trump campaign manager Corey Lewandowski of lying."
    for m in _analysed(sentence).mentions:
        if m.type == "ACCUSE":
            assert "Donald Trump" not in names(m.target_actors)


def test_a_coordinated_clause_lends_no_recipient():
    for m in _analysed("Senator John McCain supported it and Ted Cruz opposed the measure.").mentions:
        if m.type == "SUPPORT":
            assert "Ted Cruz" not in names(m.target_actors)


def test_a_gerund_clause_lends_no_recipient():
    for m in _analysed("The Armenians of Israel protested the government for selling arms to Azerbaijan.").mentions:
        assert "Azerbaijan" not in names(m.target_actors)


def test_a_party_named_in_an_adjunct_of_time_is_no_recipient():
    sentence = "Israel reimposed blockades in the West Bank on Friday following the deaths of two Egyptian soldiers."
    for m in _analysed(sentence).mentions:
        assert not [a for a in m.target_actors if a.country == "EGY"], (m.type, m.target_actors)


def test_a_clause_completing_the_object_still_names_the_recipient():
    sentence = "Hamas rejected an invitation to attend a meeting of Egypt and Jordan on Monday."
    [m] = [m for m in _analysed(sentence).mentions if m.type == "REJECT"]
    assert {a.country for a in m.target_actors} & {"EGY", "JOR"}


def test_what_a_speech_does_is_its_speakers_act_on_the_party_itnames():
    sentence = "Mitt Romney, who helped launch the movement with a March speech denouncing Donald Trump, stayed away."
    # found, not coded: the who-clause describes Romney (events round 15); the speech's roles are what is tested
    [m] = [m for m, _ in candidates(sentence) if m.type == "ACCUSE"]
    assert names(m.source_actors) == {"Mitt Romney"} and names(m.target_actors) == {"Donald Trump"}
