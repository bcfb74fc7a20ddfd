"""Issue 20 item 6, round 18: mechanisms read from the misses of the PolNeAR samples (seeds 31-81), each shown on
sentences written for the test (a test that read a PolNeAR article would change every seed's draw): a name the
tagger cut at a quoted nickname goes on to the surname; a headline's colon ends a name; an organisation's name before
a title makes the office that body's, no state's."""

from __future__ import annotations

from conftest import ids_over

from newsfuse.actors import link
from newsfuse.model import AnnotatedArticle, Article, Block
from newsfuse.nlp import annotate


def linked(text: str) -> AnnotatedArticle:
    """PolNeAR's articles carry no date: the tests link the sentences as the benchmark reads those articles."""
    article = Article("r18-" + text[:12], "test", "text", None, None, None, None, (Block("paragraph", text),))
    (annotated,) = annotate([article])
    return link(annotated)


def sectors_over(ann: AnnotatedArticle, words: str) -> list[str | None]:
    start = ann.article.text.index(words)
    return [m.actor.sector for m in ann.actors if not m.bare and m.start < start + len(words) and start < m.end]


def test_a_name_cut_at_a_quoted_nickname_goes_on_to_the_surname():
    ann = linked(
        'It came from the board\'s longest-serving director, the nuclear physicist George "Jay" Keyworth. '
        "Keyworth denied it."
    )
    assert ids_over(ann, 'George "Jay" Keyworth') == ["person:george-jay-keyworth"]
    assert ids_over(ann, "Keyworth", 1) == ["person:george-jay-keyworth"]


def test_a_headlines_colon_ends_the_speakers_name():
    ann = linked(
        "De Blasio: Trust Bratton on security, not 'blowhard' Trump.\n\n"
        "Mayor Bill de Blasio said on Friday that the city was safe."
    )
    assert ids_over(ann, "De Blasio") == ["person:bill-de-blasio"]


def test_an_organisations_name_before_a_title_makes_the_office_that_bodys():
    ann = linked("In a statement Tuesday, Judicial Watch President Tom Fitton called the ruling significant.")
    assert sectors_over(ann, "Tom Fitton") == [None]
    # a state's own body before the title keeps the office in the state
    ann = linked("White House Press Secretary Josh Earnest said so. FBI Director James Comey agreed.")
    assert sectors_over(ann, "Josh Earnest") == ["GOV"]
    assert sectors_over(ann, "James Comey") == ["COP"]
    # a chamber's name before a speaker's title is a state's body ('state_body_words')
    ann = linked("Indiana House Speaker Brian Bosma said so. Texas State Senator José Rodríguez agreed.")
    assert sectors_over(ann, "Brian Bosma") == ["LEG"]
    assert sectors_over(ann, "José Rodríguez") == ["LEG"]
