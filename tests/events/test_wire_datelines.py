"""A wire dateline says where and by whom a report was filed: the names in it are no party to the act
the sentence after it tells ("MOSCOW (Reuters) - Russia and Belarus signed ..." was signed by Russia and
Belarus, not by Reuters or the Russian government). Sentences written here, in AP and Reuters style."""

from __future__ import annotations

import pytest

from newsfuse.clean import clean_document
from newsfuse.events.roles import dateline_ends
from newsfuse.model import Article, Block, RawDocument
from newsfuse.pipeline import analyse


def _parties(sentence: str) -> list[set[str | None]]:
    article = Article("w1", "w1.txt", "text", None, "2026-03-12", None, None, (Block("paragraph", sentence),))
    [result] = analyse([article], with_embeddings=False)
    return [{a.actor_id for a in m.source_actors + m.target_actors} for m in result.mentions if m.type == "SUPPORT"]


@pytest.mark.parametrize("dateline", ["MOSCOW (Reuters) - ", "MOSCOW, March 10 (Reuters) - ", "MINSK, Belarus (AP) _ "])
def test_the_agency_and_the_city_of_a_dateline_sign_nothing(dateline):
    assert _parties(dateline + "Russia and Belarus signed a trade deal on Tuesday.") == [{"state:RUS", "state:BLR"}]


def test_a_dateline_is_found_at_a_lines_start_only():
    text = "MOSCOW (Reuters) - Russia said so.\nOfficials in Minsk (Belarus) - not a dateline - agreed."
    assert dateline_ends(text) == [(0, len("MOSCOW (Reuters) - "))]
    assert dateline_ends("Russia and Belarus signed a deal - Reuters reported.") == []


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
