"""A fused event made of its kept parts (``stories.fused_event._EventParts``): when its cluster gains mentions
(a watched story's next file), the parts kept from the last fusion are updated with the new mentions
only, and the record must be the one built at once from all of them, whatever order they came in.

The mentions are those the real analysis finds in real ECB+ reports of ../shared/corpus/clustering
(an ECB+ topic is one story, as the corpus groups its reports); the quotes are sentences of those
reports, some repeated word for word and some cut short (a variant of the same quote).
"""

from __future__ import annotations

import dataclasses
import random
from collections.abc import Iterator

import pytest
from conftest import ecbplus_topic_lines

from newsfuse import pipeline
from newsfuse.model import Event, EventMention, InputFile
from newsfuse.stories import event_details as ED
from newsfuse.stories import fuse as F
from newsfuse.stories import fused_event as E
from newsfuse.stories import mention_facts as MF
from newsfuse.text.recent import Recent

TOPICS = ("1", "3")  # ECB+ topics (celebrity rehab, a prison escape): one story each
PER_TOPIC = 10


@pytest.fixture(scope="module")
def reports() -> list[tuple[str, str, list[EventMention]]]:
    """(article id, story, the article's event mentions) per real report, in corpus order."""
    lines = ecbplus_topic_lines(TOPICS, PER_TOPIC)
    raw = ("\n".join(line for _, line in lines) + "\n").encode("utf-8")
    articles = pipeline.read_and_clean(InputFile.of("reports.jsonl", raw))[1]
    analyses = pipeline.analyse(articles, with_embeddings=False)
    return [(a.id, story, list(x.mentions)) for (story, _), a, x in zip(lines, articles, analyses)]


@pytest.fixture()
def updates(monkeypatch) -> Iterator[list[tuple[int, int]]]:
    """Counts the parts updated in place: (mentions held, mentions added) of each, with fresh caches."""
    seen: list[tuple[int, int]] = []
    update = E._EventParts.update

    def counting(self, facts):
        held = len(self.contents)
        done = update(self, facts)
        if done:
            seen.append((held, len(facts) - held))
        return done

    monkeypatch.setattr(E._EventParts, "update", counting)
    monkeypatch.setattr(E, "_EVENTS", Recent(E.EVENTS_KEPT, lambda e: 1 + len(e.mentions)))
    monkeypatch.setattr(E, "_PARTS", Recent(E.EVENTS_KEPT, lambda parts: 1 + len(parts.contents)))
    yield seen


def _built_at_once(mentions: list[EventMention], story_of: dict[str, str]) -> list[Event]:
    """The fused events with no event or parts kept (each record built from all its mentions)."""
    kept = E._EVENTS, E._PARTS
    E._EVENTS = Recent(E.EVENTS_KEPT, lambda e: 1 + len(e.mentions))
    E._PARTS = Recent(E.EVENTS_KEPT, lambda parts: 1 + len(parts.contents))
    try:
        return F.fuse_events(mentions, {}, story_of)
    finally:
        E._EVENTS, E._PARTS = kept


def _grow(groups: list[list[EventMention]], story_of: dict[str, str]) -> list[Event]:
    """Fuse the groups' mentions as they come, one group more each time, each fusion checked against
    the events built at once; the last fusion's events."""
    mentions: list[EventMention] = []
    events: list[Event] = []
    for step, group in enumerate(groups, 1):
        mentions += group
        events = F.fuse_events(mentions, {}, story_of)
        assert events == _built_at_once(mentions, story_of), f"group {step}"
    return events


def test_an_event_updated_by_several_groups_equals_the_event_built_at_once(reports, updates):
    story_of = {article: story for article, story, _ in reports}
    groups = [[m for _, _, ms in reports[i : i + 3] for m in ms] for i in range(0, len(reports), 3)]
    forward = _grow(groups, story_of)
    assert any(held >= 5 for held, _ in updates)  # grown events were updated, not built again
    order = list(range(len(reports)))
    random.Random(11).shuffle(order)
    shuffled = [[m for i in order[k : k + 3] for m in reports[i][2]] for k in range(0, len(order), 3)]
    assert _grow(shuffled, story_of) == forward  # the order the articles came in changes nothing


def _quoted(reports: list[tuple[str, str, list[EventMention]]], rng: random.Random) -> list[EventMention]:
    """One report's mention told by many articles, each quoting a report sentence: mostly the same
    few sentences word for word, now and then one cut short (a variant of one) or a sentence of its own."""
    sentences = sorted({m.sentence for _, _, ms in reports for m in ms if len(m.sentence.split()) >= 8})
    common = sentences[:3]
    base = next(m for _, _, ms in reports for m in ms)
    out = []
    for i in range(48):
        said = rng.choice(common)
        roll = rng.random()
        quote = " ".join(said.split()[:-2]) if roll < 0.15 else said if roll < 0.95 else rng.choice(sentences)
        out.append(
            dataclasses.replace(
                base,
                id=f"q{rng.randrange(10**6):06d}-{i}",
                article_id=f"a{rng.randrange(10**6):06d}",
                quotes=(quote,),
                status=rng.choice(["occurred", "occurred", "planned"]),
                numbers={"dead": rng.choice([2, 3])} if rng.random() < 0.3 else {},
            )
        )
    return out


@pytest.mark.parametrize("seed", [3, 4, 5])
def test_quotes_added_among_the_others_group_as_in_one_pass_over_all(reports, updates, monkeypatch, seed):
    regroups: list[int] = []  # the quotes of each pass made again on an update (groups made before)
    regroup = ED._QuoteParts.regroup

    def counting(self):
        if self.groups:
            regroups.append(len(self.items))
        regroup(self)

    monkeypatch.setattr(ED._QuoteParts, "regroup", counting)
    mentions = _quoted(reports, random.Random(seed))
    story_of = {m.article_id: "s" for m in mentions}
    [event] = _grow([mentions[i : i + 3] for i in range(0, len(mentions), 3)], story_of)
    assert len(event.mentions) == len(mentions)
    assert any(d.variants for d in event.details if d.field == "quote")  # a sentence and its cut are one quote
    assert len(updates) >= 10  # the event was updated group by group
    assert len(regroups) < sum(added for _, added in updates)  # many quotes were placed without a new pass


def _details(quotes: ED._QuoteParts) -> list:
    return [(d.value, d.supported_by, d.variants) for d in quotes.details()]


def _one_pass(items: list[tuple[MF._At, str, str]]) -> ED._QuoteParts:
    at_once = ED._QuoteParts()
    for at, article, wording in items:
        at_once.add(at, article, wording, grouped=False)
    at_once.regroup()
    return at_once


@pytest.mark.parametrize("seed", range(40))
def test_quote_groups_updated_quote_by_quote_are_the_groups_of_one_pass(reports, seed):
    """Each quote placed where it comes (first, last, among the others; a wording its group holds
    from before or after it, a variant, one of its own) gives the groups one pass over all makes."""
    rng = random.Random(seed)
    sentences = sorted({m.sentence for _, _, ms in reports for m in ms if len(m.sentence.split()) >= 8})
    said = rng.sample(sentences, 2)  # each with two cuts: three wordings of one quote
    wordings = said + [" ".join(s.split()[:-cut]) for s in said for cut in (1, 3)] + rng.sample(sentences, 2)
    updated = ED._QuoteParts()
    for i in range(30):
        at = ((f"a{rng.randrange(100):02d}", rng.randrange(1000), f"m{i}"), 0)
        updated.add(at, at[0][0], rng.choice(wordings), grouped=True)
        assert _details(updated) == _details(_one_pass(updated.items)), f"quote {i}"
