"""events/: mechanisms fixed after scoring the coder out of sample (issue 20, PolNeAR set A), each on
short sentences written for the test (not taken from the sample)."""

from __future__ import annotations

import pytest

from newsfuse.actors import link
from newsfuse.events import RuleExtractor, extract_events
from newsfuse.events.ontology import min_confidence
from newsfuse.model import Article, Block, article_id

SENTENCES = {
    "denied_report": "Russia denied a report saying its army attacked Georgia.",
    "plain_report": "A report said Russia attacked Georgia.",
    "named_liar": "Putin called Obama a liar.",
    "phoned": "Putin called Obama on Tuesday.",
    "named_hero": "Putin called Obama his hero.",
    "verbal_attack": "The French president launched a verbal attack on Germany.",
    "attacked_decision": "Iran's foreign minister attacked the German decision.",
    "sharply": "Iran sharply attacked the United States.",
    "troops_attacked": "Russian troops attacked Georgia.",
    "scope_of_probe": "The United Nations widened the scope of its investigation into Syria.",
    "titled_unknown": "Alabama Sen. Walter Brandmeier endorsed Donald Trump.",
    "untitled_unknown": "Walter Brandmeier endorsed Donald Trump.",
    "executive_order": "The governor signed an executive order on Friday.",
    "peace_treaty": "Israel and Jordan signed a peace treaty.",
    "suspended_campaign": "Ohio Gov. John Kasich suspended his campaign.",
    "suspended_aid": "Jordan suspended aid to Syria.",
    "reduced_relative": "Felons convicted of crimes will vote in Virginia in November.",
    "asked_whether": "The reporter asked the minister whether Iran would attack Israel.",
    "asked_quoted": 'Smith asked the crowd "Why should we give Britain our trust?"',
    "asked_to": "Egypt asked Israel to withdraw its troops.",
    "wondered_why": "Officials wondered why Russia attacked Georgia.",
}


@pytest.fixture(scope="module")
def coded():
    from newsfuse.nlp import annotate

    articles = []
    for text in SENTENCES.values():
        blocks = (Block("paragraph", text),)
        articles.append(Article(article_id(blocks), "test", "text", None, "2016-03-01", None, None, blocks))
    extractor = RuleExtractor()
    found = [extract_events(link(a), extractor) for a in annotate(articles)]
    return dict(zip(SENTENCES, found))


def shown(mentions):
    return [m for m in mentions if m.confidence >= min_confidence()]


def likely(mentions):
    """The mentions the confidence model finds more likely right than wrong (shown from its higher threshold)."""
    return [m for m in mentions if m.confidence > 0.5]


def test_an_act_in_a_disputed_report_is_no_event(coded):
    # "denied a report saying X attacked": the attack is denied, not reported as done
    assert [m for m in coded["denied_report"] if m.type == "ASSAULT"] == []
    # the same report not disputed keeps its act, as reported speech
    assert [m.type for m in coded["plain_report"]] == ["ASSAULT"]


def test_calling_someone_a_name_is_no_phone_call(coded):
    # the naming sense: CAMEO's "CALL * LIAR" (111) makes it criticism; a name it does not list, nothing
    assert [(m.type, m.mode) for m in shown(coded["named_liar"])] == [("ACCUSE", "disapprove")]
    assert coded["named_hero"] == []
    call = coded["phoned"]
    assert [(m.type, m.mode) for m in call] == [("CONSULT", "phone")]


@pytest.mark.parametrize("key", ["verbal_attack", "attacked_decision", "sharply"])
def test_an_attack_in_words_is_criticism(coded, key):
    mentions = shown(coded[key])
    assert [(m.type, m.mode) for m in mentions] == [("ACCUSE", "disapprove")]


def test_an_armed_attack_stays_an_assault(coded):
    assert [m.type for m in likely(coded["troops_attacked"])] == ["ASSAULT"]


def test_the_scope_of_an_investigation_carries_it(coded):
    mentions = likely(coded["scope_of_probe"])
    assert [(m.type, m.mode) for m in mentions] == [("ACCUSE", "investigate")]
    assert [a.name for a in mentions[0].source_actors] == ["United Nations"]
    assert [a.country for a in mentions[0].target_actors] == ["SYR"]


def test_an_office_title_makes_an_unlisted_person_a_political_actor(coded):
    titled = shown(coded["titled_unknown"])
    assert [(m.type, [a.name for a in m.source_actors]) for m in titled] == [("SUPPORT", ["Walter Brandmeier"])]
    # without the title the person is not identified: the mention is kept, less sure than the titled one (since the
    # round-14 refit, whose show threshold is 0.55, it may still be shown: an unlinked party is right 0 of 5 times on
    # gsr-dev, 3 of 3 on PolNeAR out of fold)
    (untitled,) = coded["untitled_unknown"]
    assert untitled.confidence < titled[0].confidence


def test_signing_is_support_only_for_an_agreement(coded):
    assert coded["executive_order"] == []
    assert [(m.type, m.mode) for m in likely(coded["peace_treaty"])] == [("SUPPORT", "sign")]


def test_suspending_is_a_sanction_only_for_what_it_halts(coded):
    assert coded["suspended_campaign"] == []
    assert [(m.type, m.mode) for m in likely(coded["suspended_aid"])] == [("SANCTION", "discontinue")]


def test_a_reduced_relative_keeps_its_own_time(coded):
    # "felons convicted of crimes will vote": the conviction is past, not a threatened sanction
    assert [m.type for m in coded["reduced_relative"] if m.type == "THREATEN"] == []
    assert {m.status for m in coded["reduced_relative"]} <= {"occurred"}


def test_a_question_is_no_request_and_asserts_no_act(coded):
    assert coded["asked_whether"] == []  # neither a REQUEST nor a threatened attack
    assert [m for m in coded["asked_quoted"] if m.type == "REQUEST"] == []
    assert [(m.type, m.mode) for m in shown(coded["asked_to"])] == [("REQUEST", "yield")]
    # a wh-question takes its content as given: the attack is still coded (told inside the question's clause, the
    # confidence model need not show it)
    assert [m.type for m in coded["wondered_why"]] == ["ASSAULT"]
