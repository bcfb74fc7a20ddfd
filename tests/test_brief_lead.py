"""The opening of a briefing: a report's lead, without the page chrome glued to it, one that tells
what happened before one that only tells what is to come (real GVC dev articles)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsfuse import pipeline
from newsfuse.model import InputFile, Story
from newsfuse.stories.brief import briefing
from newsfuse.stories.lead import headline_cased, lead_ranks, looks_ahead
from newsfuse.stories.sentences import Sentence, article_sentences, quotable, split_sentences, without_chrome

GVC = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpus" / "clustering" / "gvc" / "documents.jsonl"


def gvc_documents(incident: str) -> list[dict]:
    docs = [json.loads(line) for line in GVC.open(encoding="utf-8")]
    return [d for d in docs if d["incident_id"] == incident]


def sentence_of(doc: dict, index: int) -> str:
    return " ".join(doc["sentences"][index])


@pytest.mark.parametrize(
    ("incident", "index", "expected_start"),
    [
        ("661322", 1, "BLADENSBURG , MD — Authorities have released the name"),  # "UPDATED at 3:05 p.m."
        ("486434", 3, "Baton Rouge Police have charged 17-year"),  # a headline's end, "Posted on"
        ("488277", 2, "A 17-year - old Chalmette male was arrested"),  # "2016 | Filed under : SBSO News"
        ("399367", 2, "Police in Madisonville are investigating"),  # another headline, "Photos"
        ("584156", 1, "KANSAS CITY , Mo. -- A 4-year - old boy was shot"),  # the video player's notice
        ("399367", 4, "A man shooting at others at a Madisonville party"),  # "( Photo : ...)Buy Photo"
    ],
)
def test_page_chrome_in_front_of_a_real_sentence_is_cut_and_the_rest_is_verbatim(incident, index, expected_start):
    doc = next(d for d in gvc_documents(incident) if any(expected_start in s for s in map(" ".join, d["sentences"])))
    sentence = sentence_of(doc, index)
    trimmed = without_chrome(sentence)
    assert trimmed.startswith(expected_start)
    assert sentence.endswith(trimmed) and len(trimmed) < len(sentence)


def test_a_headline_run_into_its_lead_is_cut_with_the_articles_title():
    doc = next(d for d in gvc_documents("641499") if d["title"].startswith("22-year"))
    glued = sentence_of(doc, 1)
    assert glued.startswith(doc["title"])
    assert without_chrome(glued, doc["title"]) == glued[len(doc["title"]) :].strip()
    assert without_chrome(glued) == glued  # without the title, nothing marks the headline's end


def test_sentences_without_chrome_or_with_a_label_far_in_are_kept_whole():
    plain = "He posted on Facebook that the Photos were fake, and police said the account was his."
    assert without_chrome(plain) == plain
    far = " ".join(["The council met for hours and heard every speaker in turn"] * 4) + " Photos Police said so."
    assert without_chrome(far) == far  # a label beyond the first words is content


def test_an_initial_ends_a_sentence_before_a_word_that_only_opens_sentences():
    doc = next(d for d in gvc_documents("591237") if d["title"].startswith("Husband"))
    text = sentence_of(doc, 1)  # "... off of South Avenue A. The husband has been identified as ..."
    first, second = split_sentences(text)
    assert first.endswith("South Avenue A.") and second.startswith("The husband has been identified")
    assert split_sentences("The panel was led by Warren S. Smith of the Navy.") == [
        "The panel was led by Warren S. Smith of the Navy."
    ]


def test_a_teaser_repeated_in_the_body_counts_once_among_the_leads():
    doc = next(d for d in gvc_documents("282561") if d["title"].startswith("Family"))
    sents = [s for s in article_sentences("a", [sentence_of(doc, i) for i in range(1, 5)]) if quotable(s.text)]
    assert sents[0].text == sents[1].text  # the teaser, then the body's copy of it
    ranks = lead_ranks(sents)
    assert ranks[("a", 0)] == 0 and ("a", 1) not in ranks
    assert ranks[("a", 3)] == 1  # "Officials Wednesday identified three people ..." (after the dateline)


@pytest.fixture(scope="module")
def analysed_282561():
    """The two real articles of GVC incident 282561 (a murder-suicide), read and analysed as JSON records."""
    articles = []
    for d in gvc_documents("282561"):
        sents = [" ".join(s) for s in d["sentences"]]
        rec = {"id": d["doc_id"], "title": d["title"], "published": d["date"], "text": "\n".join(sents[1:])}
        articles += pipeline.read_and_clean(InputFile.of(f"{d['doc_id']}.json", json.dumps(rec).encode()))[1]
    analyses = pipeline.analyse(articles, with_embeddings=False)
    return articles, {r.annotated.article.id: r.annotated for r in analyses}, [m for r in analyses for m in r.mentions]


def test_a_sentence_that_only_tells_what_is_to_come_looks_ahead(analysed_282561):
    articles, parsed, _ = analysed_282561
    by_title = {a.title[:6]: a for a in articles}
    family, police = by_title["Family"], by_title["Murder"]
    counselors = next(s for s in split_sentences(family.text) if s.startswith("Grief counselors will be on hand"))
    identified = next(s for s in split_sentences(police.text) if s.startswith("Police have identified"))
    assert looks_ahead(counselors, parsed[family.id])
    assert not looks_ahead(identified, parsed[police.id])
    assert not looks_ahead(counselors, None)  # no parse: no judgement


def test_the_brief_opens_with_the_event_not_with_the_grief_counselors(analysed_282561):
    articles, parsed, mentions = analysed_282561
    story = Story("s", "Rancho Penasquitos", tuple(a.id for a in articles))
    opening = briefing(story, [], {a.id: a for a in articles}, mentions, parsed)["account"][0]
    assert opening["text"].startswith("Police have identified the three found dead in a Rancho Penasquitos home")
    assert opening["kind"] == "quoted"
    said = {a.id: a.text for a in articles}
    assert all(opening["text"] in said[a] for a in opening["article_ids"][:1])


def test_without_parses_the_brief_still_opens_with_a_first_sentence(analysed_282561):
    articles, _, mentions = analysed_282561
    story = Story("s", "Rancho Penasquitos", tuple(a.id for a in articles))
    by_id = {a.id: a for a in articles}
    opening = briefing(story, [], by_id, mentions)["account"][0]["text"]
    firsts = [
        next(s.text for s in article_sentences(a.id, a.paragraphs, a.title) if len(s.text.split()) >= 6)
        for a in articles
    ]
    assert opening in firsts


def test_lead_ranks_follow_article_order_per_article():
    rows = [("x", "One.", 0), ("y", "Two.", 0), ("x", "One.", 1), ("x", "Three.", 2)]
    pool = [Sentence(a, t, i, frozenset(t.lower().split())) for a, t, i in rows]
    assert lead_ranks(pool) == {("x", 0): 0, ("y", 0): 0, ("x", 2): 1}  # x's repeat has no rank


def test_a_sentence_cut_inside_a_parenthesis_is_not_quoted_and_one_ending_in_a_spaced_quote_is():
    cut = "Four men rammed their car into a jewellery store in Paris on Monday , making off with a €2 million ( $2 ."
    assert not quotable(cut)  # the source's line ends inside the parenthesis: the sentence is cut
    assert not quotable(
        "Hustle first question later ” printed on it and white size 9 1/2 Fila tennis shoes ."
    )  # GVC dev
    doc = next(d for d in gvc_documents("578238") if d["title"].startswith("Mpls"))
    lead = sentence_of(doc, 2)  # "... through his music “ from this day forward . ”"
    assert lead.endswith("forward . ”") and quotable(lead)


def test_a_headline_with_a_full_stop_is_no_lead():
    assert headline_cased(
        'Esther Williams - Esther Williams : "Million Dollar Mermaid" Swimmer And Actress Dies Aged 91 .'
    )
    assert not headline_cased(
        "Wladimir Klitschko stopped Tony Thompson in the sixth round to retain his WBA , IBF and WBO titles ."
    )


def test_a_line_ending_in_a_rank_goes_on_with_the_name_on_the_next_line():
    lines = (
        "Anyone with information is asked to call Det .\nJohn Smith at the precinct .\n"
        "The scene was cleared at 4 p.m .\nIt rained ."
    )
    assert split_sentences(lines) == [
        "Anyone with information is asked to call Det . John Smith at the precinct .",
        "The scene was cleared at 4 p.m .",  # a time ends a sentence: no name follows "p.m."
        "It rained .",
    ]
    assert split_sentences("The officer was named by Sgt .") == ["The officer was named by Sgt ."]


def test_the_lines_of_a_quotation_over_several_lines_are_not_quoted_alone():
    paragraphs = [
        "Police arrested the driver after a chase on Friday.",
        "“He was pretty shaken up.",
        "He tried to help her,” said Sgt. Ann Ross.",
        "The driver was held overnight.",
    ]
    flags = [s.in_quotation for s in article_sentences("a", paragraphs)]
    assert flags == [False, True, True, False]


def test_a_quotation_cut_off_by_a_new_opening_or_the_end_leaves_the_lines_after_it_to_the_writer():
    lost_close = ["“It was over in seconds.", "The suspect fled on foot.", "“We will find him,” Ross said."]
    assert [s.in_quotation for s in article_sentences("a", lost_close)] == [False, False, False]
    unclosed = ["The mayor said: “We will rebuild.", "The council meets on Monday."]
    assert [s.in_quotation for s in article_sentences("a", unclosed)] == [False, False]


def test_straight_marks_in_tokenised_text_close_after_a_comma_and_open_before_a_word():
    lines = [
        '" Anytime there is a loss of life , it is a tragedy .',
        'But it hits the whole community hard , " a spokesman said .',
        'Officers said the car was a " dark sedan " with tinted windows .',
    ]
    assert [s.in_quotation for s in article_sentences("a", lines)] == [True, True, False]


def test_a_time_or_decimal_spaced_by_a_tokeniser_ends_no_sentence():
    text = "At 9 . 25 a . m . on Thursday , the crew spotted five boats . Two fled ."
    assert split_sentences(text) == ["At 9 . 25 a . m . on Thursday , the crew spotted five boats .", "Two fled ."]


ECBPLUS = GVC.parents[1] / "ecbplus" / "documents.jsonl"


def ecbplus_lines(doc_id: str) -> list[str]:
    for line in ECBPLUS.open(encoding="utf-8"):
        doc = json.loads(line)
        if doc["doc_id"] == doc_id:
            return [" ".join(words) for words in doc["sentences"]]
    raise LookupError(doc_id)


def test_the_turns_of_a_printed_transcript_are_the_speakers_words_not_the_writers():
    lines = ecbplus_lines("34_11ecbplus")  # "Here is the transcript ...", then "President Barack Obama : ..."
    sents = article_sentences("a", lines)
    turn = next(i for i, s in enumerate(sents) if s.text.startswith("President Barack Obama :"))
    assert not any(s.in_quotation for s in sents[:turn])
    assert all(s.in_quotation for s in sents[turn:])
    assert "health of the economy" in " ".join(s.text for s in sents[turn:])


def test_a_taped_exchange_of_two_speakers_is_theirs_until_the_writers_next_heading():
    lines = ecbplus_lines("26_6ecbplus")
    start = next(i for i, line in enumerate(lines) if line.startswith("Salerno :"))
    sents = article_sentences("a", lines[start - 1 : start + 5])
    assert [s.in_quotation for s in sents][:5] == [False, True, True, True, False]  # the writer, 3 turns, a heading


def test_a_headline_or_a_kicker_shaped_like_a_turn_opens_no_transcript():
    headline = ["Trump : We will build the wall", "The candidate spoke in Phoenix on Wednesday ."]
    assert [s.in_quotation for s in article_sentences("a", headline)] == [False, False]
    chrome = ["Police said the man fled .", "Follow WTOL : Download our app here .", "He was arrested later ."]
    assert [s.in_quotation for s in article_sentences("a", chrome)] == [False, False, False]
    kicker = ["Police said the man fled .", "Update : The road has reopened .", "Traffic is moving ."]
    assert [s.in_quotation for s in article_sentences("a", kicker)] == [False, False, False]


POLNEAR_DEV = GVC.parents[2] / "quotes" / "polnear" / "dev" / "text"


def test_the_paragraph_a_line_ending_in_a_colon_introduces_as_speech_is_the_speakers():
    path = POLNEAR_DEV / "west-journal_2016-09-26_rush-limbaugh-hillary-asking-mod.txt"
    paragraphs = [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    sents = article_sentences("a", paragraphs)
    intro = next(i for i, s in enumerate(sents) if s.text == "Limbaugh added:")
    after = next(i for i, s in enumerate(sents) if i > intro and s.text.startswith("Mook told CBS"))
    quoted = sents[intro + 1 : after]  # "And from a supposed front-runner, ...", "She can't beat this guy ..."
    assert len(quoted) >= 2 and all(s.in_quotation for s in quoted)
    assert not sents[intro].in_quotation and not sents[after].in_quotation  # the writer again: the next paragraph


def test_a_colon_that_introduces_no_speech_quotes_nothing():
    lines = ["The victims were named as:", "John Smith , 45 , of Kokomo .", "Police said the man fled ."]
    assert [s.in_quotation for s in article_sentences("a", lines)] == [False, False, False]
