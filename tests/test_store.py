"""One store test suite, run against SQLite and a real PostgreSQL server (see conftest.any_store)."""

from __future__ import annotations

import dataclasses
import threading

import pytest

from newsfuse.model import (
    ActorMention,
    ActorRef,
    AnnotatedArticle,
    Article,
    Block,
    DateMention,
    Detail,
    EmbeddedPost,
    Entity,
    Event,
    EventMention,
    InputFile,
    MentionRef,
    Quote,
    RemovedLine,
    Sentence,
    Story,
    Token,
    article_id,
)
from newsfuse.store import EventFilter, open_store

PUTIN = ActorRef("Vladimir Putin", "RUS", "GOV", "President", "person:vladimir-putin")
NETANYAHU = ActorRef("Benjamin Netanyahu", "ISR", "GOV", "Prime Minister", "person:benjamin-netanyahu")


def make_article(
    text: str, title: str = "A title", source: str = "a.txt", published: str | None = "2025-11-16"
) -> Article:
    blocks = (Block("heading", "Heading"), Block("paragraph", text))
    return Article(
        id=article_id(blocks, title),
        source_path=source,
        format="text",
        title=title,
        published=published,
        outlet="Outlet",
        author="Jane Doe",
        blocks=blocks,
        removed=(RemovedLine(1, "Dark", "page chrome"),),
        embedded_posts=(EmbeddedPost("MFA Russia", "@mfa_russia", "2025-11-15", "post", ("https://t.co/x",)),),
    )


def make_mention(article: Article, date: str = "2025-11-15", n: int = 0) -> EventMention:
    return EventMention(
        id=f"m{n}-{article.id}",
        article_id=article.id,
        type="CONSULT",
        mode="phone",
        cameo="040",
        source_actors=(PUTIN,),
        target_actors=(NETANYAHU,),
        date=date,
        date_precision="day",
        status="occurred",
        topics=("Gaza ceasefire",),
        sentence=article.paragraphs[0],
        start=9,
        end=9 + len(article.paragraphs[0]),
        initiator=PUTIN,
        numbers={"killed": 3},
    )


def make_event(
    article: Article, event_id: str = "e1", date: str | None = "2025-11-15", etype: str = "CONSULT"
) -> Event:
    return Event(
        id=event_id,
        type=etype,
        mode="phone",
        cameo="040",
        date=date,
        date_precision="day",
        source_actors=(PUTIN,),
        target_actors=(NETANYAHU,),
        location=None,
        topics=("Syria",),
        status="occurred",
        details=(Detail("initiator", "Vladimir Putin", (article.id,), (), True),),
        mentions=(MentionRef("m0", article.id, "Outlet", "sentence", 0, 8),),
        story_id="s-1",
    )


def test_article_round_trip_and_idempotent_add(any_store):
    a = make_article("Putin and Netanyahu spoke by phone.")
    assert any_store.add_article(a, b"sig") is True
    assert any_store.add_article(a, b"sig") is False  # same content hash: nothing new
    got = any_store.article(a.id)
    assert got == a
    assert got.to_dict()["removed"] == [{"line": 1, "text": "Dark", "reason": "page chrome"}]
    assert any_store.count_articles() == 1
    assert list(any_store.signatures()) == [(a.id, b"sig")]


def test_articles_named_by_their_record_id_or_url(any_store):
    a = dataclasses.replace(make_article("First text."), external_id="rec-1", url="https://example.org/a")
    b = dataclasses.replace(make_article("Second text.", title="B"), external_id="rec-2", url=None)
    c = dataclasses.replace(make_article("Third text.", title="C"), external_id="rec-2")
    for x in (a, b, c):
        any_store.add_article(x)
    assert [x.id for x in any_store.articles_named("rec-1")] == [a.id]
    assert [x.id for x in any_store.articles_named("https://example.org/a")] == [a.id]
    assert len(any_store.articles_named("rec-2")) == 2  # ambiguous: the caller says so
    assert any_store.articles_named("none-such") == []


def test_exact_duplicate_from_another_source_is_an_alias(any_store):
    a = make_article("Same text.")
    b = dataclasses.replace(a, source_path="b.txt")
    any_store.add_article(a)
    assert any_store.add_article(b) is False
    assert any_store.sources(a.id) == ["a.txt", "b.txt"]
    assert any_store.count_articles() == 1


def test_articles_pagination_in_insertion_order(any_store):
    arts = [make_article(f"Text number {i}.", title=f"T{i}") for i in range(5)]
    for a in arts:
        any_store.add_article(a)
    first = any_store.articles(limit=2)
    rest = any_store.articles(after=first[-1].id)
    assert [x.id for x in first + rest] == [a.id for a in arts]


def test_raw_input_kept_and_failures_recorded_once(any_store):
    item = InputFile.of("x.txt", b"\xff\xfe raw bytes")
    assert any_store.save_input(item, "text") is True
    assert any_store.save_input(item, "text") is False
    assert any_store.input_bytes(item.sha256) == b"\xff\xfe raw bytes"
    any_store.record_failure("bad.json", "line 2: invalid JSON")
    any_store.record_failure("bad.json", "line 2: invalid JSON")
    assert any_store.failures() == [{"path": "bad.json", "cause": "line 2: invalid JSON", "input_sha256": None}]


def test_full_text_search_over_articles_and_quotes(any_store):
    a = make_article("The Kremlin described a thorough exchange of views on Gaza.")
    any_store.add_article(a)
    ann = AnnotatedArticle(
        article=a,
        quotes=(Quote(PUTIN, "Putin", "said", "comprehensive settlement", 20, 44, True, 0),),
    )
    any_store.save_annotations(ann)
    hits = any_store.search("exchange views")
    assert hits and hits[0]["article_id"] == a.id and hits[0]["kind"] == "article"
    quote_hits = [h for h in any_store.search("comprehensive settlement") if h["kind"] == "quote"]
    assert quote_hits and quote_hits[0]["article_id"] == a.id
    # FTS syntax in user input is taken as words, never as a query language
    assert any_store.search('"unbalanced OR (NEAR') == []


def test_annotations_saved_again_replace_the_articles_quotes_in_search(any_store):
    a = make_article("The Kremlin described a thorough exchange of views on Gaza.")
    other = make_article("Netanyahu thanked Putin for the call.")
    for article, words in ((a, "comprehensive settlement"), (other, "lasting settlement")):
        any_store.add_article(article)
        quote = Quote(PUTIN, "Putin", "said", words, 20, 44, True, 0)
        any_store.save_annotations(AnnotatedArticle(article=article, quotes=(quote,)))
    any_store.save_annotations(
        AnnotatedArticle(article=a, quotes=(Quote(PUTIN, "Putin", "said", "fresh talks", 1, 12, True, 0),))
    )

    def quoted(words: str) -> list[str]:
        return [h["article_id"] for h in any_store.search(words) if h["kind"] == "quote"]

    assert quoted("comprehensive") == [] and quoted("fresh talks") == [a.id]
    assert quoted("lasting settlement") == [other.id]


def test_annotations_round_trip(any_store):
    a = make_article("Putin called Netanyahu on Saturday.")
    any_store.add_article(a)
    ann = AnnotatedArticle(
        article=a,
        sentences=(Sentence(9, 44, "Putin called Netanyahu on Saturday."),),
        tokens=(Token(0, 9, 14, "Putin", "Putin", "PROPN", "NNP", "nsubj", 1, 0, "PERSON", "B"),),
        entities=(Entity("Putin", "PERSON", 9, 14, "person:vladimir-putin"),),
        dates=(DateMention("on Saturday", 32, 43, "2025-11-15", "day", "weekday"),),
        actors=(ActorMention("Putin", 9, 14, PUTIN, "kb"),),
    )
    any_store.save_annotations(ann)
    assert any_store.annotations(a.id) == ann


def test_mentions_replace_per_article(any_store):
    a = make_article("Putin and Netanyahu spoke by phone.")
    any_store.add_article(a)
    any_store.save_mentions(a.id, [make_mention(a, n=0), make_mention(a, n=1)])
    any_store.save_mentions(a.id, [make_mention(a, n=0)])
    got = any_store.mentions(a.id)
    assert got == [make_mention(a, n=0)]
    assert got[0].numbers == {"killed": 3}
    assert any_store.mentions() == got


def test_events_filters_and_cursor(any_store):
    a = make_article("x")
    any_store.add_article(a)
    events = [
        make_event(a, "e1", "2025-11-15"),
        make_event(a, "e2", "2025-11-10", "ASSAULT"),
        make_event(a, "e3", None),
    ]
    any_store.replace_events(events)
    assert [e.id for e in any_store.events()] == ["e2", "e1", "e3"]
    assert [e.id for e in any_store.events(EventFilter(type="assault"))] == ["e2"]
    assert [e.id for e in any_store.events(EventFilter(since="2025-11-12"))] == ["e1"]
    assert [e.id for e in any_store.events(EventFilter(until="2025-11-12"))] == ["e2"]
    assert len(any_store.events(EventFilter(actor="netanyahu"))) == 3
    assert len(any_store.events(EventFilter(actor="RUS"))) == 3
    assert any_store.events(EventFilter(actor="Lukashenko")) == []
    page1 = any_store.events(EventFilter(limit=2))
    page2 = any_store.events(EventFilter(limit=2, after=page1[-1].id))
    assert [e.id for e in page1 + page2] == ["e2", "e1", "e3"]
    assert any_store.event("e1") == events[0]
    any_store.replace_events(events[:1])
    assert [e.id for e in any_store.events()] == ["e1"]


def test_stories_state_embeddings(any_store):
    a = make_article("x")
    any_store.add_article(a)
    s = Story("s-1", "A story", (a.id,), "2025-11-16", "2025-11-16", ("Vladimir Putin",))
    any_store.save_stories([s])
    any_store.set_story(a.id, "s-1")
    assert any_store.stories() == [s] and any_store.story("s-1") == s
    assert any_store.article(a.id).story_id == "s-1"
    any_store.set_state("k", b"\x00\x01")
    any_store.set_state("k", b"\x02")
    assert any_store.get_state("k") == b"\x02" and any_store.get_state("missing") is None
    any_store.save_embedding(a.id, b"\x00" * 8)
    assert list(any_store.embeddings()) == [(a.id, b"\x00" * 8)]


def test_replace_stories_of_saves_the_touched_stories_and_drops_the_vanished(any_store):
    a, b, c = make_article("a"), make_article("b"), make_article("c")
    for x in (a, b, c):
        any_store.add_article(x)
    one = Story("s-1", "One", (a.id,), "2025-11-16", "2025-11-16", ())
    two = Story("s-2", "Two", (b.id,), "2025-11-16", "2025-11-16", ())
    three = Story("s-3", "Three", (c.id,), "2025-11-16", "2025-11-16", ())
    any_store.save_stories([one, two, three])
    merged = Story("s-1", "One", (a.id, b.id), "2025-11-16", "2025-11-16", ("Vladimir Putin",))
    any_store.replace_stories_of(["s-1", "s-2"], [merged])  # s-2 merged into s-1; s-3 untouched
    assert any_store.stories() == [merged, three]
    assert any_store.story("s-2") is None
    fresh = Story("s-4", "Four", (c.id,), "2025-11-17", "2025-11-17", ())
    any_store.replace_stories_of([], [fresh, three])  # a record given again replaces its old one
    assert any_store.stories() == [merged, three, fresh]


def _second_connection(store):
    """Another connection to the same store, as another process would have."""
    from newsfuse.store.postgres import PostgresStore

    return PostgresStore(store.url, schema=store.schema) if isinstance(store, PostgresStore) else open_store(store.url)


def test_lock_state_keeps_another_writer_out_until_the_transaction_ends(any_store):
    any_store.set_state("gen", b"1")
    other = _second_connection(any_store)
    seen: list[bytes | None] = []

    def bump_elsewhere() -> None:
        with other.transaction():
            other.lock_state("gen")
            seen.append(other.get_state("gen"))
            other.set_state("gen", str(int(seen[-1] or b"0") + 1).encode())

    try:
        with any_store.transaction():
            any_store.lock_state("gen")
            value = any_store.get_state("gen")
            worker = threading.Thread(target=bump_elsewhere)
            worker.start()
            worker.join(0.5)
            assert worker.is_alive(), "the other writer got in while the lock was held"
            any_store.set_state("gen", str(int(value or b"0") + 1).encode())
        worker.join(30)
        assert seen == [b"2"]  # it read the value this writer left, not the one before
        assert any_store.get_state("gen") == b"3"
    finally:
        other.close()


def test_transaction_rolls_back_a_failed_batch(any_store):
    a = make_article("kept")
    b = make_article("rolled back", title="B")
    any_store.add_article(a)
    with pytest.raises(RuntimeError):
        with any_store.transaction():
            any_store.add_article(b)
            raise RuntimeError("crash mid-batch")
    assert any_store.has_article(a.id) and not any_store.has_article(b.id)


def test_dates_of_any_precision_sort_in_time_order(any_store):
    a = make_article("x")
    any_store.add_article(a)
    dates = {"d1": "2025-11-01", "w": "2025-W46", "d2": "2025-11-15", "m": "2025-12", "q": "2026-Q1", "y": "2024"}
    any_store.replace_events([make_event(a, k, v) for k, v in dates.items()])
    assert [e.id for e in any_store.events()] == ["y", "d1", "w", "d2", "m", "q"]
    assert [e.id for e in any_store.events(EventFilter(since="2025-11-05", until="2025-11-30"))] == ["w", "d2"]
