"""An organisation the knowledge base does not list takes the CAMEO agent sector its name's last word states
(Phoenix's COMPANY, CORPORATION [~BUS]; NEWSPAPER, NEWS_AGENCY, TELEVISION [~MED]; UNIVERSITY [~EDU]); a name
that states no kind keeps no sector (issue 19 item 5, issue 20 item 6)."""

from __future__ import annotations

from newsfuse.actors import link
from newsfuse.actors.org_sectors import sector_of_name
from newsfuse.model import AnnotatedArticle, Article, Block
from newsfuse.nlp import annotate


def linked(text: str) -> AnnotatedArticle:
    article = Article("os-" + text[:12], "test", "text", None, None, None, None, (Block("paragraph", text),))
    (annotated,) = annotate([article])
    return link(annotated)


def test_a_name_ending_in_a_sector_word_states_its_sector():
    assert sector_of_name("Fox News") == "MED"
    assert sector_of_name("The Washington Post") == "MED"
    assert sector_of_name("Exxon Mobil Corp.") == "BUS"
    assert sector_of_name("Apple Inc.") == "BUS"
    assert sector_of_name("Columbia University") == "EDU"


def test_a_name_that_states_no_kind_keeps_no_sector():
    assert sector_of_name("WikiLeaks") is None
    assert sector_of_name("Khizr Khan") is None
    assert sector_of_name("News") is None  # one word: no body's name
    assert sector_of_name("the United Bus Company of Tehran") is None  # its last word is a place
    assert sector_of_name("the Electoral College") is None  # "college" ends other bodies' names as often


def test_the_linker_gives_an_unlisted_outlet_its_sector_and_leaves_an_unlisted_group_without():
    refs = {m.actor.name: m.actor for m in linked("Clinton rejected a Fox News proposal. WikiLeaks said no.").actors}
    assert refs["Fox News"].sector == "MED" and refs["Fox News"].country is None
    assert refs["WikiLeaks"].sector is None
