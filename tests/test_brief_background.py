"""Background sentences (other incidents, earlier years) are not quoted in a brief's account as the story."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from newsfuse import pipeline
from newsfuse.model import Article, InputFile, Story
from newsfuse.stories.background import is_background, story_day, telling_dates
from newsfuse.stories.brief import briefing
from newsfuse.stories.sentences import split_sentences

GVC = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpus" / "clustering" / "gvc" / "documents.jsonl"


def analysed(records: list[dict]) -> tuple[list[Article], dict, list]:
    articles = []
    for rec in records:
        articles += pipeline.read_and_clean(InputFile.of(f"{rec['id']}.json", json.dumps(rec).encode()))[1]
    analyses = pipeline.analyse(articles, with_embeddings=False)
    return articles, {r.annotated.article.id: r.annotated for r in analyses}, [m for r in analyses for m in r.mentions]


@pytest.fixture(scope="module")
def written():
    """Two short reports of one arrest, written for this test; the second ends with an older case."""
    return analysed(
        [
            {
                "id": "a",
                "title": "Man arrested after warehouse fire",
                "published": "2026-03-12",
                "text": "Police arrested a man on Tuesday after a fire destroyed a warehouse in Dayton.\n"
                "The fire started late Monday night, officials said.",
            },
            {
                "id": "b",
                "title": "Arrest in Dayton warehouse blaze",
                "published": "2026-03-11",
                "text": "A man was arrested Tuesday in connection with the warehouse fire, police said.\n"
                "On February 2, a fire destroyed a furniture store on the same street.\n"
                "The mayor recalled her support of the 2019 plan to rebuild the district.\n"
                "Residents said a report that the owner had sold the building in 2020 was wrong.",
            },
        ]
    )


def sentence(articles: list[Article], start: str) -> tuple[str, str]:
    for a in articles:
        for s in split_sentences(a.text):
            if s.startswith(start):
                return a.id, s
    raise AssertionError(start)


def test_the_story_day_is_the_earliest_day_two_reports_agree_on(written):
    articles, parsed, _ = written
    day = story_day([[a.id] for a in articles], {a.id: a for a in articles}, parsed)
    assert day is not None and dt.date.fromordinal(day) == dt.date(2026, 3, 9)  # Monday night ~ Tuesday


def test_a_date_before_the_story_that_times_the_main_clause_makes_background(written):
    articles, parsed, _ = written
    day = story_day([[a.id] for a in articles], {a.id: a for a in articles}, parsed)
    aid, older = sentence(articles, "On February 2")
    assert is_background(older, parsed[aid], day)
    aid, arrest = sentence(articles, "A man was arrested Tuesday")
    assert not is_background(arrest, parsed[aid], day)


def test_a_date_of_a_noun_or_of_a_reported_clause_does_not_time_the_sentence(written):
    articles, parsed, _ = written
    aid, plan = sentence(articles, "The mayor recalled")
    assert telling_dates(plan, parsed[aid]) == []
    aid, report = sentence(articles, "Residents said a report")
    assert telling_dates(report, parsed[aid]) == []


def test_without_two_reports_agreeing_nothing_is_background(written):
    articles, parsed, _ = written
    b = next(a for a in articles if (a.title or "").startswith("Arrest in"))
    day = story_day([[b.id]], {b.id: b}, parsed)
    assert day is None
    _, older = sentence([b], "On February 2")
    assert not is_background(older, parsed[b.id], day)


def test_the_real_brief_leaves_out_the_other_child_shot_days_before():
    """GVC dev incident 556993: one report ends with other Detroit shootings of children ("On May 8,
    a 9-year-old boy found a handgun ..."), as close in words to the story as its own sentences."""
    docs = [json.loads(line) for line in GVC.open(encoding="utf-8")]
    records = [
        {
            "id": d["doc_id"],
            "title": d["title"],
            "published": d["date"],
            "text": "\n".join(" ".join(s) for s in d["sentences"][1:]),
        }
        for d in docs
        if d["incident_id"] == "556993"
    ]
    articles, parsed, mentions = analysed(records)
    story = Story("s", "Mariah Davis", tuple(a.id for a in articles))
    account = briefing(story, [], {a.id: a for a in articles}, mentions, parsed)["account"]
    texts = [x["text"] for x in account]
    assert texts and not any(t.startswith("On May 8") for t in texts)
    assert any("Mariah" in t for t in texts)


@pytest.fixture(scope="module")
def arrest():
    """Two short reports of one arrest, written for this test."""
    return analysed(
        [
            {
                "id": "c",
                "title": "Driver arrested after crash",
                "published": "2026-04-02",
                "text": "Police arrested Tomas Varga, 36, on Wednesday after a crash outside a bakery in Leeds.\n"
                "Officers pulled him over two streets away.\n"
                "Varga's car hit two parked vans, police said.",
            },
            {
                "id": "d",
                "title": "Man held after Leeds bakery crash",
                "published": "2026-04-02",
                "text": "A driver was arrested on Wednesday after his car crashed outside a Leeds bakery.\n"
                "Police said Tomas Varga, 36, was held after officers pulled him over nearby.",
            },
        ]
    )


def test_a_pronoun_object_with_nobody_named_leans_on_the_line_before(arrest):
    from newsfuse.stories.references import leaning_names, pronoun_without_antecedent

    articles, parsed, _ = arrest
    aid, pulled = sentence(articles, "Officers pulled him over")
    assert pronoun_without_antecedent(pulled, parsed[aid])
    aid, held = sentence(articles, "Police said Tomas Varga")
    assert not pronoun_without_antecedent(held, parsed[aid])
    aid, owner = sentence(articles, "Varga's car hit")
    assert leaning_names(owner, parsed[aid]) == ["Tomas Varga"]  # a surname alone as an owner


def test_a_line_naming_someone_by_surname_waits_for_the_full_name(arrest):
    articles, parsed, mentions = arrest
    story = Story("s", "Leeds crash", tuple(a.id for a in articles))
    texts = [x["text"] for x in briefing(story, [], {a.id: a for a in articles}, mentions, parsed)["account"]]
    assert not any(t.startswith("Officers pulled him over") for t in texts)
    if any(t.startswith("Varga's car") for t in texts):
        first_full = min(i for i, t in enumerate(texts) if "Tomas Varga" in t)
        assert texts.index(next(t for t in texts if t.startswith("Varga's car"))) > first_full
