"""Date rules written from the TimeML/TIMEX3 guidelines and HeidelTime's approach, each checked
on sentences written for the test (publication date: Wednesday 11 March 1998)."""

from __future__ import annotations

from newsfuse.model import Article, Block
from newsfuse.nlp import annotate
from newsfuse.nlp.dates import find_dates, tense

PUB = "1998-03-11"  # a Wednesday


def annotated_dates(text: str, published: str | None = PUB) -> dict[str, str | None]:
    """Dates as the pipeline gives them (the parse's tokens reach the date rules)."""
    (ann,) = annotate([Article("t", "t.txt", "text", None, published, None, None, (Block("paragraph", text),))])
    return {d.text: d.value for d in ann.dates}


def values(text: str, published: str | None = PUB) -> dict[str, str | None]:
    return {d.text: d.value for d in find_dates(text, published)}


# --------------------------------------------------------------------------- tense


def test_a_present_tense_verb_without_other_cue_puts_a_weekday_ahead():
    # HeidelTime's reading of news: present or future tense looks ahead, past looks back.
    assert annotated_dates("Foreign ministers from both sides meet Tuesday in Geneva.") == {"Tuesday": "1998-03-17"}
    assert annotated_dates("Foreign ministers from both sides met Tuesday in Geneva.") == {"Tuesday": "1998-03-10"}
    # without the parse nothing says present tense: the past, news' default
    assert values("Foreign ministers from both sides meet Tuesday in Geneva.") == {"Tuesday": "1998-03-10"}


def test_a_base_form_after_to_is_no_past_tense():
    # "set", "cut", "put" are past forms too, but not after the infinitive's "to"
    text = "The board meets Tuesday to set rates."
    at = text.index("Tuesday")
    assert tense(text, at, at + len("Tuesday")) is None
    assert annotated_dates(text) == {"Tuesday": "1998-03-17"}
    text = "The board met Tuesday and set rates."
    assert tense(text, text.index("Tuesday"), text.index("Tuesday") + 7) == "past"
