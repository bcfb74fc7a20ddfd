"""A capital in capitals opening a line before a dash is a wire dateline, where the report was filed
("MOSCOW — ..."), not its government speaking ("Moscow said ..."); every seat of government speaks for its
government ("Lisbon said"), none is an actor where one goes. Sentences written here."""

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


def test_a_seat_of_government_speaking_is_its_government_and_one_to_visit_is_no_actor():
    linked = link_written_sentences(
        {
            "speaking": "An invitation to visit Jakarta, which Lisbon said it had accepted, was sent on Monday.",
            "visit": "The minister flew to Lisbon on Tuesday.",
        }
    )
    assert ids_over(linked["speaking"], "Lisbon") == ["gov:PRT"]
    assert ids_over(linked["visit"], "Lisbon") == []
