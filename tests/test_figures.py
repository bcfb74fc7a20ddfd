"""Figures a story's articles state, and where two articles disagree on one of them."""

from __future__ import annotations

import dataclasses
import json
import math
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsfuse.model import Article, Block
from newsfuse.nlp.pipeline import annotate
from newsfuse.stories.figures import NONE_OF, disagreements, find_figures


def one(sentence: str):
    found = find_figures("a", [sentence])
    assert len(found) == 1, found
    return found[0]


def test_a_count_of_a_plural_noun_is_a_figure():
    f = one("The Indonesian minister arrived with a delegation of 20 officials, and the talks ran late.")
    assert (f.noun, f.counted, f.low, f.high) == ("official", "officials", 20, 20)
    assert f.text == "with a delegation of 20 officials"
    assert {"delegation", "indonesian"} <= f.context


def test_words_between_the_number_and_its_noun_and_number_words():
    f = one("Canada imposed sanctions on five shipping companies.")
    assert (f.noun, f.low) == ("company", 5)
    assert one("The plan asks for 40 million US dollars.").low == 40_000_000
    assert one("It hired a dozen engineers.").low == 12


def test_vague_wordings_allow_a_range():
    f = one("More than a dozen countries back the draft.")
    assert f.low > 12 and f.high == math.inf
    f = one("Nearly 30 vessels were seen.")
    assert f.low < 30 and f.high == 30
    assert one("Dozens of people gathered.").high == math.inf


def test_years_durations_ones_and_verbs_are_not_figures():
    assert find_figures("a", ["In 2026 officials met for three hours over two days at 10 a.m."]) == []
    assert find_figures("a", ["One official spoke, and it is so."]) == []
    assert find_figures("a", ["Report 002 says the talks went well."]) == []


def test_incompatible_counts_of_one_thing_disagree_and_a_vague_one_fits_both():
    figures = (
        find_figures("q", ["The draft is co-sponsored by 14 countries, including Portugal, officials in Nairobi said."])
        + find_figures("f", ["In Nairobi the minister said it was co-sponsored by 16 countries."])
        + find_figures("n", ["More than a dozen countries co-sponsored the draft in Nairobi."])
    )
    [d] = disagreements(figures)
    assert d.noun == "country" and d.counted == "countries"
    assert [arts for _, arts in d.sides] == [("q",), ("f",)]
    assert [arts for _, arts in d.fitting] == [("n",)]


def test_counts_of_different_things_or_in_one_article_only_do_not_disagree():
    other_context = find_figures("a", ["Police said 12 officials were arrested in Lisbon."]) + find_figures(
        "b", ["The ministers' two countries face the same ocean problems."]
    )
    assert disagreements(other_context) == []
    same_noun_other_thing = find_figures(
        "a", ["A delegation of 12 officials arrived in Lisbon on Tuesday."]
    ) + find_figures("b", ["Police said 20 officials were arrested for fraud in Jakarta."])
    assert disagreements(same_noun_other_thing) == []
    same_value = find_figures("a", ["A delegation of 12 officials arrived in Lisbon."]) + find_figures(
        "b", ["The delegation of twelve officials arrived in Lisbon on Tuesday."]
    )
    assert disagreements(same_value) == []
    one_article = find_figures(
        "a", ["A delegation of 12 officials arrived in Lisbon.", "The delegation of 20 officials arrived in Lisbon."]
    )
    assert disagreements(one_article) == []


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=300))
@settings(max_examples=200, deadline=None)
def test_any_text_gives_well_formed_figures(text):
    for f in find_figures("a", [text]):
        assert 2 <= f.low <= f.high and f.noun and f.text


@given(st.integers(min_value=2, max_value=10_000_000), st.sampled_from(["officials", "vessels", "people"]))
@settings(max_examples=100, deadline=None)
def test_any_written_count_is_read_back(n, noun):
    f = one(f"Witnesses in the port counted {n:,} {noun} on the quay.")
    assert f.low == f.high == (n if not 1900 <= n <= 2099 else f.low)


# Sentences below are from the ECB+ dev documents named beside them (../shared/corpus/clustering).


def test_measures_and_counts_over_a_period_are_not_compared():
    # 12_1ecb / 12_3ecb: two distances in one story, of two different things
    assert find_figures("a", ["The warship some 13 nautical miles away , altered course ."]) == []
    assert find_figures("b", ["The incident took place about 150 nautical miles off Aden ."]) == []
    # 12_8ecb: a tally of the year, not of the event the story reports
    period = "This year , pirates have attacked nearly 100 vessels off Somalia 's coast and hijacked nearly 40 ."
    assert find_figures("a", [period]) == []


def test_a_count_of_the_rest_of_a_group_is_not_the_group():
    # 18_9ecbplus / 12_5ecbplus: "the two other victims", "the other three boats" are parts of a whole
    assert find_figures("a", ["The two other victims were being treated at Beaumont Hospital in Royal Oak ."]) == []
    assert (
        find_figures("a", ["Two managed to give the Indian Navy a slip , but the other three boats were intercepted ."])
        == []
    )


def test_an_article_giving_both_values_counts_two_things():
    a = find_figures(
        "a",
        [
            "Police seized 12 magazines from the pirate boat .",
            "Police later seized 31 magazines from the pirate boat .",
        ],
    )
    b = find_figures("b", ["Police seized 31 magazines from the pirate boat ."])
    assert len(a) == 2 and disagreements(a + b) == []
    c = find_figures("c", ["Police seized 12 magazines from the pirate boat ."])
    assert len(disagreements(c + b)) == 1  # without the article that gives both, the two reports do disagree


# Sentences below are from ECB+ train and dev documents (named beside them), from items of the
# hand-labelled "where the sources differ" sample (benchmarks/data/differences_labels.jsonl).


def test_an_average_is_not_a_count():
    # 31_8ecb: a player's average over five games; 31_4ecb: another player's count in one game
    average = (
        "In the five games he played before Thursday 's action , Hansbrough averaged a team-high 22.8 points "
        "to go with 7.2 rebounds ."
    )
    assert find_figures("a", [average]) == []
    assert find_figures("b", ["Curry averages 28 points and eight rebounds per game ."]) == []
    one_game = find_figures(
        "c", ["Stephen Curry , posted a game-high 29 points to go with eight rebounds and six assists ."]
    )
    assert [f.noun for f in one_game] == ["rebound", "assist"]  # points are skipped (a score, a rank)
    assert (
        find_figures("d", ["Donors pledged 2.5 million dollars ."])[0].low == 2_500_000
    )  # a multiplier: still a count


def test_counts_beside_a_count_of_other_ones_are_parts():
    # 12_12ecb: seven AK-47s and two other rifles are parts of the nine rifles 12_3ecb counts
    parts = (
        "The Naval commandos also boarded the pirates ' boats and seized seven AK-47 assault rifles , two other "
        "rifles , a grenade launcher and 13 fully loaded magazines of ammunition ."
    )
    assert [f.noun for f in find_figures("a", [parts])] == ["magazine"]
    whole = find_figures("b", ["Nine assault rifles , a grenade launcher , 13 fully loaded magazines were seized ."])
    assert disagreements(find_figures("a", [parts]) + whole) == []


def test_a_model_designation_is_not_a_count():
    # 12_1ecbplus: "six AK 47 rifles" are six rifles, not 47
    seized = "INS Sukanya nabbed 26 Somali pirates with six AK 47 rifles , 12 magazines and about 300 rounds ."
    assert all(f.noun != "rifle" for f in find_figures("a", [seized]))


def test_the_real_differences_of_the_labelled_sample_are_still_found():
    # 8_3ecbplus / 8_8ecbplus: the same Athens riot, 12 vs 18 injured
    usa = find_figures("a", ["Police said 12 people were injured in the riots ."])
    reuters = find_figures("b", ["Police said 18 people had been injured in the violence and 12 arrested ."])
    assert [(d.noun, len(d.sides)) for d in disagreements(usa + reuters)] == [("person", 2)]
    # 20_3ecb / 20_1ecb: the same Qeshm quake, two vs five injured
    isna = find_figures(
        "c", ["the quake on the outskirts of Dargahan , a small town on the island , injured two people ."]
    )
    other = find_figures("d", ["The tremor struck the town of Dargahan on Qeshm island , injuring five people ."])
    assert len(disagreements(isna + other)) == 1


# ---------------------------------------------------------------------- the referent, from the parse
# Sentences below are written for these tests; each pair is parsed by the real spaCy pipeline.


def parsed(article_id: str, *sentences: str):
    """The figures of an article of ``sentences`` (one paragraph each), found with its real parse
    (less the nones and counts compared only with each other: tests/stories/test_none_against_figure.py)."""
    blocks = tuple(Block("paragraph", s) for s in sentences)
    article = Article(article_id, f"{article_id}.txt", "text", None, None, f"Outlet {article_id}", None, blocks)
    (annotated,) = annotate([article])
    return [f for f in find_figures(article_id, list(sentences), annotated) if not f.noun.startswith(NONE_OF)]


def differ(a: str, b: str) -> list:
    return disagreements(parsed("a", a) + parsed("b", b))


def test_counts_of_one_referent_in_two_reports_disagree():
    # the injured of one riot, in a passive without its agent on both sides
    (d,) = differ(
        "Police said 12 people were injured in the clashes.", "Police said 18 people were injured in the clashes."
    )
    assert d.noun == "person" and len(d.sides) == 2
    # a participial clause takes its head's subject: the quake, unnamed on both sides
    assert (
        len(
            differ(
                "The earthquake on Tabar island injured five people.",
                "A strong earthquake struck Tabar island, injuring seven people.",
            )
        )
        == 1
    )
    # a suspect's arrest count by the same named agency
    assert len(differ("The FBI arrested four suspects on Monday.", "On Monday the FBI arrested six suspects.")) == 1


def test_counts_of_different_owners_are_not_compared():
    assert differ("Smith completed 21 passes in the win.", "Jones completed 25 passes in the win.") == []
    assert differ("The French navy captured eight pirates.", "The Spanish navy captured 12 pirates.") == []
    # a relative clause hangs on the player it describes
    assert differ("Smith, who completed 21 passes, ran for a touchdown.", "Jones completed 25 passes.") == []
    # named on one side, only a pronoun or nobody on the other: unsure, not listed
    assert differ("The navy seized seven rifles.", "The Spanish navy seized nine rifles.") == []
    assert differ("He completed 21 passes.", "Smith completed 25 passes.") == []
    # a crowd one speaker faced is not another's (PolNeAR train: two New Hampshire rallies a day apart)
    assert (
        differ(
            "Smith is taking questions in a lodge in Salem in front of a crowd of about 230 people.",
            "Jones spoke in front of a crowd of about 1,000 people who packed a high school cafeteria.",
        )
        == []
    )
    # the same speaker's crowd in two reports is compared
    assert (
        len(
            differ(
                "Smith spoke in front of a crowd of about 230 people in Salem.",
                "Smith spoke in front of a crowd of about 1,000 people in Salem.",
            )
        )
        == 1
    )


def test_counts_under_different_verbs_or_kinds_are_not_compared():
    assert differ("The navy seized seven rifles.", "The navy found three rifles.") == []
    assert differ("The navy has seven rifles.", "The navy has three rifles.") == []  # "have" says nothing
    assert differ("Rebels killed four Indian soldiers.", "Rebels killed nine Pakistani soldiers.") == []
    # a kind named on one side only: unsure (PolNeAR train: one state's delegates, a day of contests' delegates)
    assert (
        differ(
            "Donald Trump won at least 44 of the 50 delegates at stake in the South Carolina primary.",
            "Donald Trump has won at least 139 Super Tuesday delegates, while Ted Cruz has won at least 52.",
        )
        == []
    )


def test_a_part_taken_from_a_whole_counts_the_part():
    (f,) = parsed("a", "Smith completed 24 of 30 passes.")
    assert (f.low, f.high) == (24, 24)
    assert differ("Smith completed 24 of 30 passes.", "Smith completed 24 passes.") == []
    assert len(differ("Smith completed 24 of 30 passes.", "Smith completed 21 passes.")) == 1


def test_counts_of_a_part_of_the_game_or_of_another_span_are_not_compared():
    whole = "Smith blocked five shots."
    assert parsed("a", "During the deciding run, Smith scored twice, grabbed a rebound and blocked three shots.") == []
    assert parsed("a", "Smith blocked three shots in the second half.") == []
    assert differ("Smith had missed four games earlier this season.", "Smith missed two games.") == []
    assert [f.noun for f in parsed("a", "In 40 games with the club, Smith blocked 80 shots.")] == ["game"]
    spread = parsed("a", "The navy seized 31 rifles during the five operations it carried out.")
    assert [f.noun for f in spread] == ["operation"]
    assert parsed("a", "Smith blocked eight shots, a career high.") == []
    assert len(differ("Smith blocked three shots.", whole)) == 1  # no scope: the same count


def test_expected_counts_and_the_last_few_are_not_compared():
    assert parsed("a", "Smith will miss three games with a knee sprain.") == []
    assert parsed("a", "Smith missed the final two games with a knee sprain.") == []
    assert differ("The navy seized seven rifles on Monday.", "The navy seized three rifles on Friday.") == []


def test_a_sentence_the_parse_does_not_hold_is_never_compared():
    (annotated,) = annotate([Article("a", "a.txt", "text", None, None, "A", None, (Block("paragraph", "Hi."),))])
    off_text = find_figures("a", ["The navy seized seven rifles."], annotated)
    other = parsed("b", "The navy seized three rifles.")
    assert len(off_text) == 1 and disagreements(off_text + other) == []


def test_two_ages_of_one_person_named_in_full_disagree():
    (d,) = differ(
        "Police in Dayton arrested 61-year-old Mary Jane Porter on Friday.",
        "Sixty-year-old Mary Jane Porter was arrested in Dayton on Friday.",
    )
    assert d.noun == "age" and sorted(w.split()[-4] for w, _ in d.sides) == ["61-year-old", "Sixty-year-old"]
    (f,) = parsed("a", "Police charged John Porter, a man aged 40, in Dayton.")
    assert (f.noun, f.low, f.actor) == ("age", 40, frozenset({"john", "porter"}))


def test_ages_of_unnamed_or_other_people_are_not_compared():
    # a surname alone may be the suspect or his mother; "a 22-year-old man" may be anyone
    assert (
        differ(
            "Police said 35-year-old Porter was arrested in Dayton.",
            "Police said 61-year-old Mary Porter died in Dayton.",
        )
        == []
    )
    assert parsed("a", "Police in Dayton arrested a 22-year-old man on Friday.") == []
    assert (
        differ(
            "Police in Dayton arrested 61-year-old Mary Porter.", "Police in Dayton arrested 35-year-old John Porter."
        )
        == []
    )


def test_a_count_past_the_parsed_text_is_never_compared():
    # a capped analysis parses only the start of a long article: a later sentence has no tokens
    first = "The navy seized many rifles."
    (full,) = annotate([Article("a", "a.txt", "text", None, None, "A", None, (Block("paragraph", first),))])
    later = "The navy seized seven rifles."
    blocks = (Block("paragraph", first), Block("paragraph", later))
    capped = dataclasses.replace(full, article=Article("a", "a.txt", "text", None, None, "A", None, blocks))
    found = find_figures("a", [later], capped)
    assert [f.verb for f in found] == [""] and disagreements(found + parsed("b", "The navy seized three rifles.")) == []


# ---------------------------------------------------------------------- the incident: clock times
# Sentences written for these tests, each article's lead parsed by the real spaCy pipeline.


def test_clock_times_are_read_from_the_lead_only():
    later = ["Police cordoned off Elm Street."] * 6 + ["The shooting happened at 4:10 a.m."]
    assert len(differ("The shooting happened at 1:10 a.m.", "The shooting happened at 4:10 a.m.")) == 1
    assert disagreements(parsed("a", "The shooting happened at 1:10 a.m.") + parsed("b", *later)) == []


def test_clock_times_of_one_happening_disagree():
    (d,) = differ("The shooting happened at 10:30 p.m. Friday.", "The shooting happened at about 8:45 p.m. Friday.")
    assert d.noun == "time:incident" and {w for w, _ in d.sides} == {"at 10:30 p.m.", "at about 8:45 p.m."}
    assert d.counted == "time of the incident"
    # that it took place, and the shooting itself, time the incident
    assert len(differ("The shooting occurred around 2 a.m.", "The shooting happened at 4:10 a.m.")) == 1
    assert len(differ("The shooting happened at 10:30 p.m.", "John Smith was shot at 8:15 p.m.")) == 1
    assert differ("Smith was fired at 10:30 a.m.", "John Smith was shot at 8:15 p.m.") == []  # a dismissal, maybe
    # another verb times itself, with its doer on both sides
    assert len(differ("Police were called at 9:15 p.m.", "Police were called at 10:40 p.m.")) == 1


def test_clock_times_that_fit_or_time_other_things_are_not_differences():
    assert differ("The shooting happened at about 10:30 p.m.", "The shooting happened at 10:45 p.m.") == []
    assert differ("The shooting happened shortly after 2 a.m.", "The shooting happened at 2:20 a.m.") == []
    # bounds, spans, other verbs, other doers, other days, nothing said of what it times
    assert differ("The shooting happened after 10 p.m.", "The shooting happened at 6 a.m.") == []
    assert differ("The shooting happened between 1 and 2 a.m.", "The shooting happened at 6 a.m.") == []
    assert differ("Police were called at 9:15 p.m.", "Police arrived at 10:40 p.m.") == []
    assert differ("Police were called at 9:15 p.m.", "Firefighters were called at 10:40 p.m.") == []
    assert differ("The shooting happened at 9 p.m. Friday.", "The shooting happened at 11 p.m. Saturday.") == []
    assert differ("They were called at 9:15 p.m.", "Police were called at 10:40 p.m.") == []
    assert differ("John Smith was shot at 10:30 p.m.", "Mary Jones was shot at 8:15 p.m.") == []
    # a range across midnight leaves the day unsure
    assert differ("The shooting happened around midnight.", "The shooting happened at 11:50 p.m.") == []


def test_the_doers_and_the_undergoers_of_one_act_are_two_referents():
    # seen on the scrapinghub pages (NASA's lunar landers, 18 November 2019): the five companies that
    # join and the nine that are joined were listed as a difference
    assert (
        differ(
            "The five companies join nine others selected by the lunar payload program in November 2018.",
            "NASA said the five companies had been selected to join the nine companies with lunar payload contracts.",
        )
        == []
    )
    # the same part in the act, active on one side and passive on the other: still compared
    assert (
        len(differ("Police arrested four suspects in Dayton.", "Six suspects were arrested by police in Dayton.")) == 1
    )


ECBPLUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "clustering" / "ecbplus" / "documents.jsonl"


@pytest.mark.skipif(not ECBPLUS.exists(), reason="needs ../shared/corpus/clustering/ecbplus")
def test_a_part_the_parse_is_unsure_of_is_still_compared():
    """ECB+ train 19: the banks attacked in one Athens riot, "attacked ... four shops and two banks"
    (the attack's undergoers) and "attacked a police station ... in central Athens as well as at least
    three banks" (hung on "in" by the parse): labelled a real difference, still listed."""
    docs = {d["doc_id"]: d for d in map(json.loads, ECBPLUS.read_text(encoding="utf-8").splitlines()) if d}

    def banks(doc_id: str, words: str) -> str:
        return next(s for s in docs[doc_id]["text"].split("\n") if words in s)

    found = differ(banks("19_8ecb", "two banks"), banks("19_5ecb", "three banks"))
    assert [d.noun for d in found] == ["bank"]
