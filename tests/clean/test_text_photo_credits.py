"""A photo credit names its label with a colon or a credit word; a line that only opens with "Photo"
or "Image" is a heading or a list item of the article."""

from __future__ import annotations

import pytest

from newsfuse.clean import chrome_reason
from newsfuse.clean.normalize import normalize_line

CREDITS = [
    "Photo by Ana Pell",
    "Photo courtesy of the harbour board",
    "(Photo: Lisca port authority)",
    "Image from the ferry company's winter brochure.",
    "Image provided by Harbour Lines.",
    "Picture credit: Joe Marr",
]
NOT_CREDITS = [
    "Photo booth – about $500 for the evening",
    "Photo manipulation in an image editor",
    "Image Processing Onramp, a free course",
    "Photo Sources and Display Controls",
]


@pytest.mark.parametrize("line", CREDITS)
def test_a_credit_line_is_a_photo_credit(line: str) -> None:
    assert chrome_reason(normalize_line(line)) == "photo credit"


@pytest.mark.parametrize("line", NOT_CREDITS)
def test_a_line_opening_with_photo_is_no_credit_without_a_credit_word(line: str) -> None:
    assert chrome_reason(normalize_line(line)) is None
