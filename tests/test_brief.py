"""Cited briefings of the seed story (real stages), in md, html and json; hostile text escaped."""

from __future__ import annotations

import json
import re
from pathlib import Path

import numpy as np
import pytest

from newsfuse.model import Article, Block, InputFile, Story
from newsfuse.stories import StoryClusterer, brief, fuse_events, story_item

SEEDS = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpus" / "seeds"


@pytest.fixture(scope="module")
def seed_story():
    from newsfuse import pipeline

    articles = []
    for path in sorted(SEEDS.glob("*.txt")):
        articles += pipeline.read_and_clean(InputFile.of(str(path), path.read_bytes()))[1]
    analyses = pipeline.analyse(articles)
    clusterer = StoryClusterer()
    story_of = {}
    for r in analyses:
        item = story_item(r.annotated, list(r.mentions), np.frombuffer(r.embedding, dtype=np.float32))
        story_of[r.annotated.article.id] = clusterer.add(item)
    by_id = {a.id: a for a in articles}
    [story] = clusterer.stories(by_id)
    mentions = [m for r in analyses for m in r.mentions]
    events = fuse_events(mentions, {a.id: a.outlet for a in articles}, story_of, {a.id: a.text for a in articles})
    return story, events, by_id


def labels(articles) -> set[str]:
    return {a.outlet or a.id for a in articles.values()}


def test_markdown_cites_all_three_sources_and_every_sentence(seed_story):
    story, events, articles = seed_story
    text = brief(story, events, articles, "md")
    for label in labels(articles):
        assert f"[{label}]" in text
    assert "## Where the sources differ" in text and "## Reported by one source only" in text
    data = json.loads(brief(story, events, articles, "json"))
    assert 5 <= len(data["account"]) <= 10
    assert all(line["sources"] for key in ("account", "differ", "single_source") for line in data[key])
    assert all(set(line["sources"]) <= labels(articles) for line in data["account"])


def test_extracted_sentences_come_from_their_first_cited_source(seed_story):
    story, events, articles = seed_story
    data = json.loads(brief(story, events, articles, "json"))
    by_label = {a.outlet or a.id: a.text for a in articles.values()}
    extracted = [x for x in data["account"] if x["text"] in "\n".join(by_label.values())]
    assert extracted
    for line in extracted:
        assert line["text"] in by_label[line["sources"][0]]


def test_readout_disagreement_is_listed_where_sources_differ(seed_story):
    story, events, articles = seed_story
    data = json.loads(brief(story, events, articles, "json"))
    readout = [x for x in data["differ"] if "readout" in x["text"] and "contradict" in x["text"]]
    assert readout and "yet to release" in readout[0]["text"] and "both governments" in readout[0]["text"]
    assert len(readout[0]["sources"]) >= 2  # both sides cited


def test_quote_wordings_are_variants_not_contradictions(seed_story):
    story, events, articles = seed_story
    data = json.loads(brief(story, events, articles, "json"))
    variants = [x["text"] for x in data["differ"] if "variants" in x["text"]]
    assert any("thorough exchange of views" in v and "extensive exchange of views" in v for v in variants)


def _content(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9]+", text.lower()) if len(w) > 3}


def test_no_two_account_sentences_repeat_each_other(seed_story):
    story, events, articles = seed_story
    account = json.loads(brief(story, events, articles, "json"))["account"]
    words = [_content(x["text"]) for x in account]
    for i, a in enumerate(words):
        for b in words[i + 1:]:
            assert len(a & b) / min(len(a), len(b)) < 0.6, (a, b)
    # the call is told once, and that sentence cites every article that reports it
    call = [x for x in account if "Netanyahu" in x["text"] and re.search(r"phone|telephone|call", x["text"])]
    assert len(call) == 1 and set(call[0]["sources"]) == labels(articles)


def test_events_are_worded_readably_with_dates_at_their_precision(seed_story):
    story, events, articles = seed_story
    data = json.loads(brief(story, events, articles, "json"))
    text = " ".join(x["text"] for key in ("account", "single_source") for x in data[key])
    assert "Vladimir Putin held a phone call with Benjamin Netanyahu on 15 November 2025" in text
    assert re.search(r"Vladimir Putin and Alexander Lukashenko held (talks|a phone call) in the week of 10 November 2025", text)
    assert not re.search(r"\b\d{4}-(W\d\d|\d\d)\b", text)  # no raw ISO dates
    assert not re.search(r"^[^.]*: [a-z]+\.$", text)  # no bare "Name: type." sentences
    for line in data["account"]:
        assert line["text"][0].isupper() and line["text"].endswith((".", "”", '"'))


def test_single_source_section_is_informative(seed_story):
    story, events, articles = seed_story
    data = json.loads(brief(story, events, articles, "json"))
    single = [x["text"] for x in data["single_source"]]
    assert any("initiated by Vladimir Putin" in x for x in single)
    for x in single:
        for quote in re.findall(r"quoted: “(.*)”", x):
            assert len(quote.split()) >= 4
    assert all(len(x["sources"]) == 1 for x in data["single_source"])


def test_html_escapes_hostile_article_text():
    hostile = '<script>alert("x")</script> The minister met the envoy in Geneva on Monday to discuss the talks.'
    a = Article("h1", "x.txt", "text", "<img src=x onerror=alert(1)>", None, "<b>outlet</b>", None,
                (Block("paragraph", hostile),))
    story = Story("s-h1", a.title, ("h1",))
    out = brief(story, [], {"h1": a}, "html")
    assert "<script>" not in out and "<img" not in out and "<b>outlet" not in out
    assert "&lt;script&gt;" in out and "[&lt;b&gt;outlet&lt;/b&gt;]" in out
    assert re.search(r"<h2>Where the sources differ</h2>", out)


def test_unknown_format_is_refused():
    story = Story("s-x", "t", ())
    with pytest.raises(ValueError):
        brief(story, [], {}, "pdf")


@pytest.fixture(scope="module")
def example_briefs(tmp_path_factory, examples_dir):
    """Every story of the example corpus, ingested into SQLite, as its JSON briefing."""
    from newsfuse.pipeline import ingest_paths
    from newsfuse.store import EventFilter, open_store
    from newsfuse.stories import briefing

    db = tmp_path_factory.mktemp("examples") / "examples.db"
    with open_store(str(db)) as store:
        ingest_paths(store, [str(examples_dir)])
        out = []
        for story in store.stories():
            events = store.events(EventFilter(story_id=story.id, limit=100000))
            arts = {a: store.article(a) for a in story.article_ids}
            out.append(briefing(story, events, {k: v for k, v in arts.items() if v}))
    return out


def figure_lines(briefs) -> list[dict]:
    return [x for b in briefs for x in b["differ"] if "different figures" in x["text"]]


def test_example_figures_that_disagree_are_listed_where_sources_differ(example_briefs):
    lines = {x["text"].split(":")[0]: x for x in figure_lines(example_briefs)}
    assert set(lines) == {"The sources give different figures for the " + n for n in ("officials", "countries", "companies")}
    countries = lines["The sources give different figures for the countries"]
    assert re.search(r"“[^”]*14 countries” according to \[Bramblegate Wire\] \[Quayside Chronicle\]; "
                     r"“[^”]*16 countries” according to \[Ferrule Times\]; "
                     r"“More than a dozen countries” according to \[Northgate Wire\] fits both\.", countries["text"])
    assert set(countries["sources"]) == {"Bramblegate Wire", "Quayside Chronicle", "Ferrule Times", "Northgate Wire"}
    companies = lines["The sources give different figures for the companies"]["text"]
    assert "five" in companies and "six companies” according to [Pelican Press]" in companies
    officials = lines["The sources give different figures for the officials"]["text"]
    assert "12 officials" in officials and "20 officials" in officials


def test_seed_story_states_no_figure_disagreement(seed_story):
    from newsfuse.stories import briefing

    assert figure_lines([briefing(*seed_story)]) == []
