"""A quoted sentence that names a person by surname alone waits for a line that names them in full;
a photo caption among the paragraphs is never quoted (stories/references.py). Articles written here."""

from __future__ import annotations

import pytest

from newsfuse.model import Article, Block, Story
from newsfuse.nlp import annotate
from newsfuse.stories.brief import briefing
from newsfuse.stories.references import caption, leaning_names, pronoun_subject

FIRST = (
    "Frederick Johnson, 65, was charged on Tuesday with involuntary manslaughter after his granddaughter "
    "found a loaded handgun in the family's home in Detroit and shot herself.",
    "Prosecutors said the gun had been left on a kitchen shelf within reach of the children for weeks.",
    "Johnson has also been charged with three counts of second-degree child abuse, prosecutors said.",
    "Wayne County Prosecutor Alma Ruiz announces charges during a news conference in Detroit on "
    "Wednesday, May 25, 2016.",
)
SECOND = (
    "A Detroit grandfather was charged on Tuesday with involuntary manslaughter in the shooting death of "
    "his five-year-old granddaughter, who found a loaded handgun in the family home.",
    "The gun had been left on a kitchen shelf within reach of the children, prosecutors said on Tuesday.",
)


def _article(aid: str, title: str, paragraphs: tuple[str, ...]) -> Article:
    blocks = tuple(Block("paragraph", p) for p in paragraphs)
    return Article(aid, f"{aid}.json", "json", title, "2016-05-25", f"Outlet {aid}", None, blocks)


@pytest.fixture(scope="module")
def parsed():
    articles = [_article("a1", "Grandfather charged", FIRST), _article("a2", "Detroit grandfather charged", SECOND)]
    return {p.article.id: p for p in annotate(articles)}


def test_a_bare_surname_opening_leans_on_the_name_given_earlier(parsed):
    first = parsed["a1"]
    assert leaning_names(FIRST[2], first) == ["Frederick Johnson"]
    assert leaning_names(FIRST[0], first) == []  # names him in full
    assert leaning_names(FIRST[1], first) == []  # opens with no name
    assert leaning_names(FIRST[2], None) == []  # no parse, nothing found


def test_a_present_tense_line_with_the_weekday_and_full_date_is_a_caption(parsed):
    first = parsed["a1"]
    assert caption(FIRST[3], first)
    assert not caption(FIRST[0], first)  # past tense, a weekday without the full date
    assert not caption(FIRST[3], None)


def test_the_brief_quotes_no_caption_and_no_surname_its_lines_never_introduced(parsed):
    articles = {aid: p.article for aid, p in parsed.items()}
    story = Story("s1", "Grandfather charged", tuple(articles), "2016-05-25", "2016-05-25")
    with_parse = [line["text"] for line in briefing(story, [], articles, [], parsed)["account"]]
    without_parse = [line["text"] for line in briefing(story, [], articles, [])["account"]]
    # without the parse both stand in the account: the parse is what keeps them out
    assert any(line.startswith("Johnson has") for line in without_parse)
    assert any("announces charges" in line for line in without_parse)
    assert with_parse and not any("announces charges" in line for line in with_parse)
    for i, line in enumerate(with_parse):  # the lead that names "a Detroit grandfather" never named him
        assert not line.startswith("Johnson ") or any("Frederick Johnson" in x for x in with_parse[:i])
    assert not any(line.startswith("Johnson has") for line in with_parse)


def test_an_undated_line_of_a_dated_lines_act_is_folded_into_it():
    from newsfuse.stories.brief import _undated_folded
    from newsfuse.stories.statements import Statement

    core = "Indonesia and Portugal signed an agreement"
    dated = Statement(
        core + " on 10 March 2026.", ("a1", "a2"), "composed", "e1", 1.0, core + " on 10 March 2026", (), core
    )
    undated = Statement(core + ".", ("a3", "a2"), "composed", "e2", 1.0, core, ("a4",), core)
    other = Statement(
        "Kenya made a request to the UN.",
        ("a5",),
        "composed",
        "e3",
        1.0,
        "Kenya made a request",
        (),
        "Kenya made a request",
    )
    folded = _undated_folded([dated, undated, other])
    assert [st.event_id for st in folded] == ["e1", "e3"]
    assert folded[0].article_ids == ("a1", "a2") and folded[0].also == ("a3", "a4")
    # two dated lines of that act (two days): which one the undated reports is unknown; all three stay
    second = Statement(
        core + " on 12 March 2026.", ("a6",), "composed", "e4", 1.0, core + " on 12 March 2026", (), core
    )
    assert len(_undated_folded([dated, second, undated])) == 3


def test_a_bare_surname_as_a_later_subject_or_a_possessive_opening_leans_too():
    lines = (
        "Maria Okafor, 34, was named on Monday as the new head of the regional water authority after a vote.",
        "After the vote on Monday, Okafor told reporters the authority would publish its accounts.",
        "Okafor's first decision was to open the archive of past contracts to the public.",
        "The board said the vote of the members was unanimous and that the accounts were in order.",
    )
    [parsed] = annotate([_article("w1", "New head of water authority", lines)])
    assert leaning_names(lines[1], parsed) == ["Maria Okafor"]
    assert leaning_names(lines[2], parsed) == ["Maria Okafor"]
    assert leaning_names(lines[3], parsed) == []


LEANING = (
    "House Speaker Alma Ruiz declared on Thursday that she cannot support the nominee yet.",
    "“We must unify this party before the convention in July,” she said.",
    "They met in the speaker's office for an hour on Thursday afternoon.",
)


@pytest.fixture(scope="module")
def leaning():
    [parsed] = annotate([_article("b1", "Speaker holds back", LEANING)])
    return parsed


def test_a_pronoun_for_the_speaker_or_the_main_subject_leans_on_the_sentence_before(leaning):
    assert not pronoun_subject(LEANING[0], leaning)  # "she" is the subject of a clause below the main verb
    assert pronoun_subject(LEANING[1], leaning)
    assert pronoun_subject(LEANING[2], leaning)
    assert not pronoun_subject(LEANING[1], None)


def test_a_single_source_line_quotes_only_a_sentence_that_stands_alone():
    from newsfuse.model import EventMention
    from newsfuse.stories.brief import _quotable_alone

    first = (
        "Senator Alma Ruiz won the Nevada primary on Saturday after a long count in the state.",
        "In the next state, he accused the governor of hiding the vote count from the public.",
        "The Nevada governor accused the state election board of hiding the vote count on Sunday.",
    )
    [parsed] = annotate([_article("c1", "Ruiz wins Nevada", first)])

    def accusation(k: int) -> EventMention:
        text, start = first[k], parsed.article.text.index(first[k])
        return EventMention(
            f"m{k}", "c1", "ACCUSE", None, "111", (), (), None, None, "occurred", (), text, start,
            start + len(text), k, "accused",
        )  # fmt: skip

    assert _quotable_alone(accusation(2), {"c1": parsed})
    assert not _quotable_alone(accusation(1), {"c1": parsed})  # "he": whose act it is, the sentence before says


def test_a_broad_type_is_stated_in_its_words_only_for_triggers_it_covers():
    """PolNeAR train: "Rubio ... congratulated Florida primary winner Donald Trump" was stated as
    "Marco Rubio expressed support for Donald Trump."; "conceding the race" as "made concessions to"."""
    from newsfuse.model import EventMention
    from newsfuse.stories.config import load
    from newsfuse.stories.statements import worded

    cfg = load("brief.yaml")

    def mention(type_: str, trigger: str, mode: str | None = None) -> EventMention:
        return EventMention("m", "a", type_, mode, None, (), (), None, None, "occurred", (), "", 0, 0, 0, trigger)

    assert not worded(mention("SUPPORT", "congratulated"), cfg)
    assert not worded(mention("SUPPORT", "apologized"), cfg)
    assert worded(mention("SUPPORT", "endorsed"), cfg) and worded(mention("SUPPORT", "backing"), cfg)
    assert worded(mention("SUPPORT", "signed", "sign"), cfg)
    assert not worded(mention("CONCEDE", "conceding"), cfg)
    assert worded(mention("CONCEDE", "lifted"), cfg)
    assert worded(mention("ASSAULT", "shelled"), cfg)  # a type whose words say no more than its verbs


def test_topics_are_those_every_cited_article_names_not_every_mention():
    """Seed 002 names the call's topic once and refers back to the call later without it: the article
    still says the topic, so a statement citing it may state it; a topic one article lacks is left out."""
    from newsfuse.model import EventMention
    from newsfuse.stories.config import load
    from newsfuse.stories.statements import _topics

    cfg = load("brief.yaml")

    def mention(id_: str, article: str, topics: tuple[str, ...], sentence: str) -> EventMention:
        return EventMention(id_, article, "CONSULT", None, None, (), (), None, None, "occurred", topics, sentence, 0, 0)

    support = [
        mention("a1", "a", ("Middle East", "Iran"), "They discussed the Middle East and Iran."),
        mention("a2", "a", (), "During the call, the leaders also spoke about trade."),
        mention("b1", "b", ("Middle East",), "The call covered the Middle East."),
    ]
    assert _topics(support, cfg) == cfg["topics_phrase"].format(topics="the Middle East")
    assert _topics(support[:2], cfg) == cfg["topics_phrase"].format(topics="the Middle East and Iran")
    assert _topics([support[1]], cfg) == ""
