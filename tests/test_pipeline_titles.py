"""The title goes through the date, actor and event stages as a document of its own (issue 20 item 4):
its event mentions join the article's where the body does not tell the same event. Articles written here."""

from __future__ import annotations

import dataclasses

from newsfuse.analysis import title_article
from newsfuse.model import Article, Block
from newsfuse.pipeline import analyse


def _article(title: str | None, *paragraphs: str) -> Article:
    blocks = tuple(Block("paragraph", p) for p in paragraphs)
    return Article("t1", "t1.json", "json", title, "2026-03-12", "Outlet", None, blocks)


BODY = (
    "The talks in Lisbon ran into the afternoon, and officials from both ministries said the next "
    "round of discussions would follow in September.",
)


def test_a_title_in_sentence_case_is_analysed_and_one_in_headline_case_is_not():
    assert title_article(_article("Kenya asks UN members to fund ocean plastics monitoring", *BODY)) is not None
    assert title_article(_article("Kenya Asks UN Members To Fund Ocean Plastics Monitoring", *BODY)) is None
    assert title_article(_article(None, *BODY)) is None
    assert title_article(_article("Breaking news", *BODY)) is None


def test_an_event_only_the_title_states_joins_the_articles_mentions():
    [result] = analyse(
        [_article("Indonesia and Portugal sign five-year ocean research deal", *BODY)], with_embeddings=False
    )
    from_title = [m for m in result.mentions if m.start == -1]
    assert [m.type for m in from_title] == ["SUPPORT"]
    [m] = from_title
    assert m.article_id == "t1" and m.sentence == "Indonesia and Portugal sign five-year ocean research deal"
    assert {a.actor_id for a in m.source_actors + m.target_actors} == {"state:IDN", "state:PRT"}
    # a headline's present tense tells a done act: the week of publication, implied
    assert (m.date, m.date_precision, m.date_implied) == ("2026-W11", "week", True)


def test_a_title_of_an_undated_article_or_of_a_planned_act_takes_no_implied_date():
    undated = dataclasses.replace(
        _article("Indonesia and Portugal sign five-year ocean research deal", *BODY), published=None
    )
    planned = _article("Indonesia and Portugal to sign five-year ocean research deal", *BODY)
    for article in (undated, planned):
        [result] = analyse([article], with_embeddings=False)
        assert all(m.date is None for m in result.mentions if m.start == -1)


def test_a_title_the_body_restates_adds_no_mention():
    lead = (
        "Indonesia and Portugal signed a five-year ocean research deal in Lisbon on Tuesday, the two "
        "foreign ministries said."
    )
    [result] = analyse(
        [_article("Indonesia and Portugal sign five-year ocean research deal", lead, *BODY)], with_embeddings=False
    )
    assert any(m.type == "SUPPORT" for m in result.mentions)
    assert not [m for m in result.mentions if m.start == -1]
