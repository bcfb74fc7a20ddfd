"""nlp/pipeline: a block boundary always opens a sentence, whatever the parser would have done."""

from __future__ import annotations

from newsfuse.model import Article, Block, article_id
from newsfuse.nlp import annotate
from newsfuse.nlp.pipeline import _split_sentences_at_newlines, load_model


def test_every_token_after_a_line_break_starts_a_sentence_and_no_other_is_forced():
    nlp = load_model()
    doc = _split_sentences_at_newlines(nlp.make_doc("Talks in Geneva went on\n\nthe ministers met again on Monday"))
    forced = [t.text for t in doc[1:] if t.is_sent_start]
    assert forced == ["the"]  # only the token after the break is set (the first one always starts)
    held = [t.text for t in doc if t.is_sent_start is False]
    assert held == ["ministers"]  # and the word after it starts none


def test_a_paragraph_after_a_dateline_block_keeps_its_first_word_in_its_first_sentence():
    blocks = (
        Block("dateline", "Moscow, March 10 (Reuters) -"),
        Block("paragraph", "Russia and Belarus signed a trade deal on Tuesday."),
    )
    article = Article(article_id(blocks), "t", "text", None, None, None, None, blocks)
    ann = annotate([article])[0]
    assert [s.text for s in ann.sentences][1:] == ["Russia and Belarus signed a trade deal on Tuesday."]


def test_a_heading_without_a_full_stop_is_a_sentence_of_its_own():
    blocks = (Block("heading", "Ministers meet in Geneva"), Block("paragraph", "the talks went on until late."))
    article = Article(article_id(blocks), "t", "text", None, None, None, None, blocks)
    ann = annotate([article])[0]
    assert [s.text for s in ann.sentences] == ["Ministers meet in Geneva", "the talks went on until late."]
