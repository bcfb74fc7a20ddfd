"""A cue whose source did not say the content ("have not said whether they will support it", "have yet to
say how they will vote", "declined to say when") is marked negated: the quotes list reads "not said" and --json
says "negated". Through the real spaCy pipeline; sentences written here."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from newsfuse.cli import main
from newsfuse.model import Article, Block


def article(paragraphs: list[str]) -> Article:
    return Article(
        "neg", "neg.txt", "text", None, "2026-03-12", None, None, tuple(Block("paragraph", p) for p in paragraphs)
    )


@pytest.fixture(scope="module")
def annotated():
    from newsfuse.nlp import annotate

    text = [
        "Several large economies have not yet said whether they will support the fund.",
        "Delegates expect a vote next week, and several governments have yet to say how they will vote.",
        "The Kenyan minister declined to say when the fund would start paying for monitoring stations.",
        "The Portuguese minister said the fund would start paying for monitoring stations next year.",
        "The Indonesian minister never said that the fund was too small for the region.",
    ]
    return annotate([article(text)])[0]


@pytest.mark.parametrize(
    ("words", "negated"),
    [
        ("they will support the fund", True),
        ("how they will vote", True),
        ("when the fund would start paying", True),
        ("the fund would start paying for monitoring stations next year", False),
        ("the fund was too small", True),
    ],
)
def test_a_negated_cue_is_marked(annotated, words, negated):
    found = [q for q in annotated.quotes if words in q.text]
    assert found, [q.text for q in annotated.quotes]
    # "declined to say when ..." is also the act of declining, truly reported: "(declined): to say when ..."
    assert all(q.negated is negated for q in found if q.verb != "declined")
    assert all(q.text.startswith("to say") and not q.negated for q in found if q.verb == "declined")


def test_the_quotes_list_says_not_said(tmp_path):
    page = tmp_path / "fund.txt"
    page.write_text(
        "Kenya presents ocean plastics fund\n\n"
        "Kenya presented a proposal for an ocean plastics fund at the United Nations on Thursday, officials said.\n\n"
        "Several large economies have not yet said whether they will support the fund.\n",
        encoding="utf-8",
    )
    db = str(tmp_path / "n.db")
    runner = CliRunner()
    assert runner.invoke(main, ["ingest", str(page), "--db", db]).exit_code == 0
    shown = runner.invoke(main, ["quotes", "--db", db]).output
    assert "(not said): they will support the fund" in shown
    rows = [json.loads(line) for line in runner.invoke(main, ["quotes", "--db", db, "--json"]).output.splitlines()]
    assert [r["negated"] for r in rows if "support the fund" in r["text"]] == [True]
