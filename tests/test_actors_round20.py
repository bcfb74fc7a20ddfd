"""Issue 20 item 6, round 20: mechanisms read from the misses of seed 83's PolNeAR dev articles (in-sample now; no
later seed draws from them), shown on their own paragraphs read from the shared corpus: a firm named by what it mines
or makes is no person; a dictionary entry's own name beats another entry's alias; a full name in apposition to 'a
43-year-old black man' is a person's; a senator in a sentence naming a US state is American; a spokesperson in a
passage about a campaign speaks for it; a government's seat one is brought back to, or one burned, is the building;
a country's title after 'former' is a post held; a common noun opening a sentence before the noun it modifies is
no name."""

from __future__ import annotations

from conftest import ids_over
from polnear_passages import linked as linked_passage
from polnear_passages import passage, polnear_article

from newsfuse.model import AnnotatedArticle


def article(prefix: str) -> str:
    return polnear_article("dev", prefix)


def linked(text: str) -> AnnotatedArticle:
    return linked_passage(text, "r20-")


def placed_over(ann: AnnotatedArticle, words: str) -> list[tuple[str | None, str | None]]:
    start = ann.article.text.index(words)
    return [
        (m.actor.country, m.actor.sector)
        for m in ann.actors
        if not m.bare and m.start < start + len(words) and start < m.end
    ]


def test_a_firm_named_by_what_it_mines_is_no_person():
    text = article("nyt_2016-10-02_a-curious-plan")
    ann = linked(
        passage(text, "A few months earlier", "Miracle Run.") + "\n\n" + passage(text, "Unlike Patriot", "say.")
    )
    assert [i for i in ids_over(ann, "Patriot Coal") if i.startswith("person:")] == []
    assert [i for i in ids_over(ann, "Unlike Patriot") if i.startswith("person:")] == []


def test_an_entrys_own_name_beats_another_entrys_alias():
    text = article("nyt_2016-09-20_examining-the-u-n")
    ann = linked(passage(text, "India and Pakistan, for instance", "sanctions list."))
    assert ids_over(ann, "Lashkar-e-Taiba") == ["org:lashkar-e-taiba"]  # Phoenix's Al-Arifeen lists it as an alias


def test_a_full_name_in_apposition_to_a_man_is_a_persons():
    ann = linked(
        "The shooting occurred Tuesday as Keith Lamont Scott, a 43-year-old black man, was sitting in his vehicle."
    )
    assert [i for i in ids_over(ann, "Keith Lamont Scott") if not i.startswith("person:")] == []


def test_a_senator_in_a_sentence_naming_a_us_state_is_american_in_a_report_about_mexico():
    text = article("nyt_2016-09-28_what-mexico-could")
    ann = linked(text[: text.index("cross-border trucking deal.") + len("cross-border trucking deal.")])
    assert placed_over(ann, "Senator Ron Wyden") == [("USA", "LEG")]
    assert placed_over(ann, "Senator Patty Murray") == [("USA", "LEG")]


def test_a_spokeswoman_in_a_passage_about_a_campaign_speaks_for_it():
    text = article("breitbart_2016-09-30_the-latest-trump")
    ann = linked(passage(text, "Donald Trump’s campaign is defending", "as we deem necessary.”"))
    assert placed_over(ann, "Spokeswoman Jessica Ditto") == [("USA", "PTY")]
    assert placed_over(ann, "Ditto said") == [("USA", "PTY")]
    ann = linked("The State Department defended the deal. Spokesman John Kirby said the talks would go on.")
    assert [s for _, s in placed_over(ann, "Spokesman John Kirby")] == ["GOV"]  # no campaign: the title's own sector


def test_a_seat_one_is_brought_back_to_or_one_burned_is_the_building():
    text = article("breitbart_2016-09-30_the-latest-trump")
    ann = linked(passage(text, "Donald Trump is warning voters", "back to the White House."))
    assert ids_over(ann, "the White House") == []
    text = article("breitbart_2016-10-02_washington-post-hit")
    ann = linked(passage(text, "She had gotten them in February", "burned to the ground"))
    assert ids_over(ann, "White House") == []
    ann = linked("The White House said on Monday that the talks would resume. The White House announced a new envoy.")
    assert ids_over(ann, "White House") == ["gov:USA"]  # the subject of 'said': the US executive
    assert ids_over(ann, "White House", 1) == ["gov:USA"]


def test_a_countrys_title_after_former_is_a_post_held():
    text = article("west-journal_2016-09-26_popular-website")
    ann = linked(passage(text, "She has long been", "applause line."))
    assert ids_over(ann, "U.S. senator") == []  # Hillary Clinton described, not the US Congress
    text = article("nyt_2016-09-19_old-hands-help")
    ann = linked(passage(text, "''Their strategy is very clear", "said of RT."))
    assert "gov:USA" not in ids_over(ann, "United States ambassador")
    ann = linked("A U.S. senator criticised the plan on Tuesday.")
    assert ids_over(ann, "U.S. senator") == ["leg:USA"]  # no 'former': the US legislature, as before


def test_a_common_noun_opening_a_sentence_before_the_noun_it_modifies_is_no_name():
    text = article("huff-post_2016-09-20_elizabeth-warren")
    ann = linked(passage(text, "Last week Stumpf", "Bank executives aren’t."))
    assert ids_over(ann, "Bank executives") == []
