"""A wire dateline says where and by whom a report was filed: the names in it are no party to the act
the sentence after it tells ("MOSCOW (Reuters) - Russia and Belarus signed ..." was signed by Russia and
Belarus, not by Reuters or the Russian government). Sentences written here, in AP and Reuters style."""

from __future__ import annotations

import pytest

from newsfuse.clean import body_blocks, clean_document
from newsfuse.model import Article, RawDocument
from newsfuse.pipeline import analyse


def _parties(sentence: str) -> list[set[str | None]]:
    """The sentence as an article's first paragraph that did not come through the cleaner (a benchmark's sentence):
    the cleaner's dateline finding still gives its dateline a block of its own."""
    article = Article("w1", "w1.txt", "text", None, "2026-03-12", None, None, body_blocks(sentence))
    [result] = analyse([article], with_embeddings=False)
    return [{a.actor_id for a in m.source_actors + m.target_actors} for m in result.mentions if m.type == "SUPPORT"]


@pytest.mark.parametrize("dateline", ["MOSCOW (Reuters) - ", "MOSCOW, March 10 (Reuters) - ", "MINSK, Belarus (AP) _ "])
def test_the_agency_and_the_city_of_a_dateline_sign_nothing(dateline):
    assert _parties(dateline + "Russia and Belarus signed a trade deal on Tuesday.") == [{"state:RUS", "state:BLR"}]


def test_a_dateline_is_found_at_a_paragraphs_start_only():
    [dateline, paragraph] = body_blocks("MOSCOW (Reuters) - Russia said so.")
    assert (dateline.kind, dateline.text, paragraph.text) == ("dateline", "MOSCOW (Reuters) -", "Russia said so.")
    assert [b.kind for b in body_blocks("Officials in Minsk (Belarus) - not a dateline - agreed.")] == ["paragraph"]
    assert [b.kind for b in body_blocks("Russia and Belarus signed a deal - Reuters reported.")] == ["paragraph"]


def test_the_dateline_blocks_span_is_where_it_stands_in_the_text():
    article = Article("w3", "w3.txt", "text", "T", None, None, None, body_blocks("MINSK, Belarus (AP) _ Talks began."))
    start, end = article.dateline_span or (0, 0)
    assert article.text[start:end] == "MINSK, Belarus (AP) _"


@pytest.mark.parametrize("dateline", ["MOSCOW — ", "MOSCOW (Reuters) - ", "Moscow, March 10 (Reuters) - "])
def test_a_cleaned_report_keeps_its_dateline_out_of_the_first_sentence(dateline):
    """The cleaner gives the dateline a block of its own: "MOSCOW — Russia and Belarus signed" had been parsed with
    MOSCOW for the subject, and the signers were left unlinked."""
    lead = f"{dateline}Russia and Belarus signed a trade deal on Tuesday."
    text = f"{lead}\n\nThe deal cuts tariffs on grain."
    article = clean_document(RawDocument("w2.txt", "text", text))
    assert article.dateline == dateline.strip()
    [result] = analyse([article], with_embeddings=False)
    signed = [m for m in result.mentions if m.type == "SUPPORT"]
    assert [{a.actor_id for a in m.source_actors + m.target_actors} for m in signed] == [{"state:RUS", "state:BLR"}]
