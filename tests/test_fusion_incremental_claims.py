"""Incremental fusion reads what it needs of an article by key: its outlet and story from the
article's row and its readout claims as kept in the store (found once per article and rules), and
gives the events that fusing the articles themselves gives; on SQLite and PostgreSQL."""

from __future__ import annotations

from newsfuse.model import ActorRef, Article, Block, EventMention
from newsfuse.nlp.pipeline import max_analysed_chars
from newsfuse.pipeline import article_claims, fuse_block, fuse_stored
from newsfuse.stories.readout_claims import claims_version, find_claims

PUTIN = ActorRef("Vladimir Putin", "RUS", "GOV", None, "putin")
NETANYAHU = ActorRef("Benjamin Netanyahu", "ISR", "GOV", None, "netanyahu")
TEXTS = {
    "a1": "Putin and Netanyahu spoke by phone on Monday. Israel has yet to release its readout of the call.",
    "a2": "The Kremlin said Putin called Netanyahu on Monday. The two leaders discussed the region.",
    "a3": "Netanyahu spoke with Putin on Monday. Both sides confirmed the call, Moscow has yet to release its readout.",
}


def _article(aid: str, outlet: str) -> Article:
    return Article(aid, f"{aid}.txt", "text", None, None, outlet, None, (Block("paragraph", TEXTS[aid]),))


def _mention(aid: str) -> EventMention:
    return EventMention(
        id=f"{aid}-m0",
        article_id=aid,
        type="CONSULT",
        mode=None,
        cameo=None,
        source_actors=(PUTIN,),
        target_actors=(NETANYAHU,),
        date="2025-03-03",
        date_precision="day",
        status="occurred",
        topics=(),
        sentence=TEXTS[aid].split(". ")[0],
        start=0,
        end=len(TEXTS[aid].split(". ")[0]),
    )


def _stored(store) -> set[str]:
    articles = [_article("a1", "Outlet A"), _article("a2", "Outlet B"), _article("a3", "Outlet C")]
    with store.transaction():
        for article in articles:
            store.add_article(article)
            store.save_mentions(article.id, [_mention(article.id)])
            store.set_story(article.id, "s1")
    return {a.id for a in articles}


def test_a_block_fused_from_rows_and_kept_claims_equals_fusing_the_articles(any_store):
    block = _stored(any_store)
    mentions = any_store.mentions_of(block)
    expected = fuse_stored(mentions, any_store.articles_by_id(block))
    readouts = [d for e in expected for d in e.details if d.field == "readout"]
    assert {a for d in readouts for a in d.supported_by} == {"a1", "a3"}  # from outside the mentions' sentences
    assert any_store.fusion_articles(block) == {
        "a1": ("Outlet A", "s1"),
        "a2": ("Outlet B", "s1"),
        "a3": ("Outlet C", "s1"),
    }
    assert fuse_block(any_store, mentions, block) == expected  # claims found and kept on the way
    assert fuse_block(any_store, mentions, block) == expected  # claims read back


def test_claims_are_found_once_per_article_and_again_under_other_rules(any_store):
    block = _stored(any_store)
    version = f"{claims_version()}:{max_analysed_chars()}"
    assert any_store.fusion_claims(block, version) == {}
    found = article_claims(any_store, block)
    assert found == {a: find_claims(TEXTS[a]) for a in block}
    assert found["a1"] and found["a3"] and not found["a2"]
    assert any_store.fusion_claims(block, version) == found
    # claims kept under other rules are not read: the texts are searched again and the rows replaced
    any_store.save_fusion_claims({"a2": [("both", "made up")]}, "other-rules")
    assert any_store.fusion_claims({"a2"}, "other-rules") == {"a2": [("both", "made up")]}
    assert article_claims(any_store, block) == found
    assert any_store.fusion_claims(block, version) == found
