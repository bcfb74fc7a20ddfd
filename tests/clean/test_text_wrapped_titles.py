"""A hard-wrapped dump that opens with its body has no title: its first line is a wrapped line (as
long as the lines the dump wrapped, or breaking off after 'against', 'the', 'its' ...). A title above a
wrapped body stays the title. Text written here."""

from __future__ import annotations

import textwrap

import pytest

from newsfuse.clean import clean_text_lines

BODY = (
    "The foreign ministers of Portugal and Indonesia met in Lisbon on Tuesday to sign an agreement on "
    "marine research that will let research vessels from both countries share survey data on ocean "
    "plastics and coral reef health for five years, officials from both ministries said after the talks. "
    "The Indonesian minister arrived with a delegation of twenty officials, and the talks at the "
    "Portuguese foreign ministry ran into the afternoon before the signing ceremony in the old palace."
)
SECOND = (
    "Portugal's foreign ministry said the next meeting of officials under the agreement would take place "
    "in Jakarta in September, when both sides expect to name the first joint survey missions."
)


def _wrapped(width: int) -> list[str]:
    return (textwrap.fill(BODY, width) + "\n\n" + textwrap.fill(SECOND, width)).split("\n")


@pytest.mark.parametrize("width", [60, 70, 78])
def test_a_wrapped_body_has_no_title_taken_from_its_first_line(width):
    result = clean_text_lines(_wrapped(width))
    assert result.title is None
    assert result.blocks[0].text.startswith("The foreign ministers of Portugal and Indonesia met in Lisbon")


def test_a_line_breaking_off_after_a_preposition_is_no_title():
    lines = ["Kenya filed a proposal on Monday for a plastics fund against", "Ocean Waste, officials said.", "", SECOND]
    assert clean_text_lines(lines).title is None


@pytest.mark.parametrize("gap", [[""], []])
def test_a_title_above_a_wrapped_body_stays_the_title(gap):
    lines = ["Portugal and Indonesia sign research pact", *gap, *_wrapped(70)]
    assert clean_text_lines(lines).title == "Portugal and Indonesia sign research pact"
