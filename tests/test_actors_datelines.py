"""A capital in capitals opening a line before a dash is a wire dateline, where the report was filed
("MOSCOW — ..."), not its government speaking ("Moscow said ..."). Sentences written here."""

from __future__ import annotations

from conftest import ids_over, link_written_sentences


def test_a_dateline_capital_is_a_place_and_the_same_capital_speaking_is_its_government():
    linked = link_written_sentences(
        {
            "dateline": "MOSCOW — Officials said the talks would resume on Friday.",
            "speaking": "Moscow said the talks would resume on Friday.",
        }
    )
    assert ids_over(linked["dateline"], "MOSCOW") == []
    assert ids_over(linked["speaking"], "Moscow") == ["gov:RUS"]
