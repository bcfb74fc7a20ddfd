"""Persons the knowledge base does not know, placed by how the article describes them (actors/described.py):
a title before the name or an appositive after it gives the person a country and a CAMEO sector; a name
with no description stays a bare person. Sentences written for these tests, names invented."""

from __future__ import annotations

import pytest

from newsfuse.actors import get_kb, link
from newsfuse.actors.described import Description, describe
from newsfuse.actors.text import tokenize
from newsfuse.events import extract_events
from newsfuse.model import ActorRef, Article, Block, article_id
from newsfuse.nlp.pipeline import annotate


def description_of(text: str, name: str) -> Description | None:
    toks = tokenize(text)
    words = tokenize(name)
    first = next(i for i, t in enumerate(toks) if t.raw == words[0].raw)
    return describe(get_kb(), toks, text, first, first + len(words) - 1)


@pytest.mark.parametrize(
    ("text", "name", "country", "sector", "role"),
    [
        ("Vermont Sen. Ann Hollis spoke on Monday.", "Ann Hollis", "USA", "LEG", "Vermont Sen."),
        (
            "Republican presidential candidate Dora Kell won.",
            "Dora Kell",
            "USA",
            "PTY",
            "Republican presidential candidate",
        ),
        ("She called Acme News host Pim Arlo.", "Pim Arlo", None, "MED", "Acme News host"),
        ("Longtime radio host Pim Arlo laughed.", "Pim Arlo", None, "MED", "Longtime radio host"),
        ("The talks ended, Norwegian ambassador Siri Vold said.", "Siri Vold", "NOR", "GOV", "Norwegian ambassador"),
        ("Former Ohio Gov. Ted Marsh endorsed him.", "Ted Marsh", "USA", "ELI", "Former Ohio Gov."),
        ("Rep. Lena Torv of Kansas voted no.", "Lena Torv", "USA", "LEG", "Rep."),
        ("Omar Field, a Democrat from Maine, objected.", "Omar Field", "USA", "PTY", "a Democrat from Maine"),
        ("Ruth Amble, the Iowa senator, agreed.", "Ruth Amble", "USA", "LEG", "the Iowa senator"),
        ("Pim Arlo, host of Acme’s “Good Day,” frowned.", "Pim Arlo", None, "MED", "host of Acme’s “Good Day"),
        ("Pim Arlo, editor at The Ledger, wrote.", "Pim Arlo", None, "MED", "editor at The Ledger"),
        ("They met former Fla. Gov. Ted Marsh.", "Ted Marsh", "USA", "ELI", "former Fla. Gov."),
        ("Sen. Ann Hollis (D-Vt.) spoke.", "Ann Hollis", "USA", "LEG", "Sen."),
        ("Ann Hollis (R-TX) spoke.", "Ann Hollis", "USA", "LEG", "(R-TX)"),
    ],
)
def test_a_description_gives_country_and_sector(text, name, country, sector, role) -> None:
    assert description_of(text, name) == Description(role, country, sector)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Ann Hollis spoke on Monday.", "Ann Hollis"),  # a name alone
        ("Ruth Amble, the senator's sister, agreed.", "Ruth Amble"),  # the appositive goes on past the title
        ("On Friday, Ann Hollis left.", "Ann Hollis"),  # a comma before the name ends what came before it
        ("Pim Arlo, host of the party at Acme, smiled.", "Pim Arlo"),  # a lower-case word after 'of': no name
        ("Ann Hollis (R) spoke.", "Ann Hollis"),  # a party letter with no state is no member of Congress
    ],
)
def test_no_description_no_placement(text, name) -> None:
    assert description_of(text, name) is None


def linked(paragraphs: list[str]) -> list[tuple[str, ActorRef]]:
    blocks = tuple(Block("paragraph", p) for p in paragraphs)
    article = Article(article_id(blocks), "test", "text", None, None, None, None, blocks)
    done = link(annotate([article])[0])
    return [(m.text, m.actor) for m in done.actors if not m.bare]


def test_described_person_and_later_surname_share_the_actor() -> None:
    mentions = dict(
        linked(
            [
                "Vermont Sen. Walter Brannigan criticized the trade deal on Tuesday.",
                "Brannigan said it would cost jobs.",
            ]
        )
    )
    first, later = mentions["Walter Brannigan"], mentions["Brannigan"]
    assert (first.actor_id, first.country, first.sector) == ("person:walter-brannigan", "USA", "LEG")
    assert first.role == "Vermont Sen."
    assert later == first


def test_undescribed_person_stays_unplaced() -> None:
    mentions = dict(
        linked(["Walter Brannigan criticized the trade deal on Tuesday.", "Brannigan said it would cost jobs."])
    )
    ref = mentions["Walter Brannigan"]
    assert (ref.actor_id, ref.country, ref.sector, ref.role) == ("person:walter-brannigan", None, None, None)


def test_a_described_persons_later_surname_is_an_identified_event_party() -> None:
    """The event coder abstains on a party it cannot place; the described person's bare surname later in the
    article is placed, so the act it does is coded with more confidence than the same act by a name alone."""
    paragraphs = [
        "Vermont Sen. Walter Brannigan criticized the trade deal on Tuesday.",
        "Brannigan accused the governor of lying about the deal.",
        "Joe Bloggs accused the governor of lying about the deal.",
    ]
    blocks = tuple(Block("paragraph", p) for p in paragraphs)
    article = Article(article_id(blocks), "test", "text", None, "2016-01-05", None, None, blocks)
    events = extract_events(link(annotate([article])[0]))
    by_source = {e.source_actors[0].name: e for e in events if e.trigger == "accused" and e.source_actors}
    described, alone = by_source["Walter Brannigan"], by_source["Joe Bloggs"]
    assert (described.source_actors[0].country, described.source_actors[0].sector) == ("USA", "LEG")
    assert described.confidence > alone.confidence
