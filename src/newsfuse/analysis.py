"""The per-document analysis: nlp -> actors -> events (+ the embedding), made storable.

Everything here is a pure function of the articles: the ingest's own process runs it, and so do
its analysis workers (``workers``), which import this module alone (through ``worker_models``):
not the reading, cleaning, dedup and store side of ``pipeline``, which they never run.
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import gc
import re
import signal
import threading
from collections.abc import Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from types import FrameType
from typing import Any

import numpy as np

from . import actors, events, nlp
from .model import AnnotatedArticle, Article, Block, EmbeddedPost, EventMention, week_of
from .store.serde import EncodedAnalysis, encode_analysis
from .stories import StoryItem, embed_texts, embedding_text, fusion_keys, may_run_beside, story_item
from .stories.embed import TEXT_WORD_PIECES
from .stories.items import actor_key
from .stories.lead import headline_cased
from .workers import collections_held_off


class AnalysisTimeout(BaseException):
    """The analysis in hand ran past its time limit (a BaseException: stage guards do not catch it)."""


@dataclass(frozen=True)
class Analysis:
    """What the per-document stages produce for one article."""

    annotated: AnnotatedArticle
    mentions: tuple[EventMention, ...]
    embedding: bytes | None = None
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class StorableAnalysis:
    """An Analysis as storing it needs it: annotations and mentions encoded, fusion keys and story item
    made (``storable``). Nothing in it depends on the store, so it is made wherever the article was
    analysed: a Dask worker sends this, and the driver, whose work every worker waits on, neither
    encodes nor unpickles the token rows."""

    encoded: EncodedAnalysis
    fusion_keys: tuple[tuple[str, int, int], ...]
    story: StoryItem
    embedding: bytes | None = None
    warnings: tuple[str, ...] = ()

    @property
    def article_id(self) -> str:
        return self.encoded.article_id


def storable(analysis: Analysis) -> StorableAnalysis:
    """What storing this analysis writes and what the story clusterer reads of it."""
    mentions = list(analysis.mentions)
    vec = np.frombuffer(analysis.embedding, dtype=np.float32) if analysis.embedding else None
    return StorableAnalysis(
        encode_analysis(analysis.annotated, mentions),
        tuple(fusion_keys(mentions)),
        story_item(analysis.annotated, mentions, vec),
        analysis.embedding,
        analysis.warnings,
    )


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """The cyclic garbage collector held off in this block, and back as it was after it. Analysing a
    batch makes hundreds of thousands of objects (parse rows, spaCy's own), many of them kept and none
    found in reference cycles (a collection after each batch of 16 ECB+ articles found nothing to
    free): the collector's passes over them while they were made cost 7 % of the analysis's CPU time
    there; after the batch, its next pass sees them once."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


@collector_paused()
def analyse(
    articles: Sequence[Article], with_embeddings: bool = True, pieces: int = TEXT_WORD_PIECES
) -> list[Analysis]:
    """nlp -> actors -> events (+ a sentence embedding for story clustering, of the first ``pieces``
    word pieces of each article's title and lead: the store's cut, see ``embedding_pieces``), batched.

    Embedded social posts (an official account's post pasted in an article) are reports too:
    they are analysed as small documents of their own, published on the post's date, and their
    event mentions join the article's with the post's account as reporting source. The title, too,
    is analysed as a document of its own (``title_article``): its dates resolve against the
    article's publication date, its actors are linked, and its event mentions join the article's.
    A stage that fails on one article leaves that article with what the earlier stages gave
    (and a warning): one odd document never sinks its batch.
    """
    posts = [
        (i, post_article(a, k, p), p)
        for i, a in enumerate(articles)
        for k, p in enumerate(a.embedded_posts)
        if p.text.strip()
    ]
    # The embedder reads only the articles' own text: it runs in a thread beside the parser (both spend
    # their time in native code that releases the GIL), and a failure or a time limit in the parse
    # does not wait for it; in a process held to one thread (a Dask worker) it runs after the parse.
    embedder = ThreadPoolExecutor(max_workers=1, thread_name_prefix="newsfuse-embed")
    beside = may_run_beside()
    try:
        embed_now = with_embeddings and bool(articles)
        embedding = embedder.submit(article_vectors, articles, pieces) if embed_now and beside else None
        titles = [(i, ta) for i, a in enumerate(articles) if (ta := title_article(a)) is not None]
        annotated = nlp.annotate(list(articles) + [pa for _, pa, _ in posts] + [ta for _, ta in titles])
        vectors: list[bytes | None] = (
            list(embedding.result())
            if embedding
            else list(article_vectors(articles, pieces))
            if embed_now
            else [None] * len(articles)
        )
    finally:
        embedder.shutdown(wait=False, cancel_futures=True)
    main, from_posts = annotated[: len(articles)], annotated[len(articles) : len(articles) + len(posts)]
    results = [_analyse_one(ann, vec) for ann, vec in zip(main, vectors)]
    for (i, _ta), ann in zip(titles, annotated[len(articles) + len(posts) :]):
        from_title, parent = _analyse_one(ann, None), results[i]
        told = [m for m in from_title.mentions if not _restated(m, parent.mentions)]
        results[i] = _joined(parent, [mention_from_title(m, parent.annotated.article) for m in told], from_title)
    for (i, _pa, post), ann in zip(posts, from_posts):
        from_post, parent = _analyse_one(ann, None), results[i]
        moved = [mention_from_post(m, parent.annotated.article, post) for m in from_post.mentions]
        results[i] = _joined(parent, moved, from_post)
    return results


def _joined(parent: Analysis, mentions: Sequence[EventMention], part: Analysis) -> Analysis:
    """The article's analysis with the mentions of a part analysed on its own (its title, an embedded
    post) attached, and that part's warnings."""
    return dataclasses.replace(
        parent, mentions=parent.mentions + tuple(mentions), warnings=parent.warnings + part.warnings
    )


def article_vectors(articles: Sequence[Article], pieces: int = TEXT_WORD_PIECES) -> list[bytes]:
    """Each article's sentence embedding (float32 bytes), from the first ``pieces`` word pieces of its
    title and lead."""
    return [v.tobytes() for v in embed_texts([embedding_text(a) for a in articles], max_pieces=pieces)]


def post_article(article: Article, index: int, post: EmbeddedPost) -> Article:
    """An embedded post as a document of its own (for analysis only; never stored as an article)."""
    return Article(
        id=f"{article.id}~post{index + 1}",
        source_path=article.source_path,
        format=article.format,
        title=None,
        published=post.date or article.published,
        outlet=post.handle or post.author,
        author=post.author,
        blocks=(Block("paragraph", readable_post_text(post.text)),),
        language=article.language,
    )


TITLE_MIN_WORDS = 3  # a shorter title ("Breaking news", a name) states no event


def title_article(article: Article) -> Article | None:
    """The article's title as a document of its own (for analysis only; never stored as an article),
    published when the article was. None for an article without a title, and for a title in
    headline case ("Grandparents Charged In Girl's Death"): the parser, trained on running text,
    reads every capitalised word there as a name."""
    title = " ".join((article.title or "").split())
    if len(title.split()) < TITLE_MIN_WORDS or headline_cased(title):
        return None
    return Article(
        id=f"{article.id}~title",
        source_path=article.source_path,
        format=article.format,
        title=None,
        published=article.published,
        outlet=article.outlet,
        author=None,
        blocks=(Block("heading", title),),
        language=article.language,
    )


def mention_from_title(mention: EventMention, article: Article) -> EventMention:
    """A title's mention, attached to its article: no offsets in the article text (start = end = -1);
    its sentence is the title. A headline tells a done act in the present tense ("Portugal and
    Indonesia sign research pact"), so an occurred act the title does not date takes the week the
    article was published, marked implied, as a body sentence in the past tense does."""
    date, precision, implied = mention.date, mention.date_precision, mention.date_implied
    week = week_of(article.published)
    if date is None and mention.status == "occurred" and week is not None:
        date, precision, implied = week, "week", True
    return _attached(mention, article, date=date, date_precision=precision, date_implied=implied)


def _attached(mention: EventMention, article: Article, **changes: Any) -> EventMention:
    """A mention from outside the article's text (its title, a quoted post) attached to the article:
    no offsets in its text (start = end = sentence index = -1)."""
    return dataclasses.replace(mention, article_id=article.id, start=-1, end=-1, sentence_index=-1, **changes)


def _restated(title_mention: EventMention, body: Sequence[EventMention]) -> bool:
    """Does the body tell the title's event (the same type between the same actors)? Then the
    body's mention, with its date and place, stands for it; the title adds nothing."""
    return any(m.type == title_mention.type and _parties(m) == _parties(title_mention) for m in body)


def _parties(mention: EventMention) -> frozenset[str]:
    return frozenset(actor_key(a) for a in mention.source_actors + mention.target_actors)


def readable_post_text(text: str) -> str:
    """Hashtags and handles as words ("#Putin" -> "Putin", "@netanyahu" -> "Netanyahu"), so the
    language model and the actor linker read a post like prose."""
    text = re.sub(r"(?<![\w&])#(\w+)", r"\1", text)
    return re.sub(
        r"(?<!\w)@([a-z]\w*)", lambda m: m.group(1).capitalize() if m.group(1).isalpha() else m.group(1), text
    )


def mention_from_post(mention: EventMention, article: Article, post: EmbeddedPost) -> EventMention:
    """A post's mention, attached to the article quoting the post. It has no offsets in the article
    text (start = end = -1); its sentence is the post's own words. A post dated the day it reports an
    occurred event gives that day."""
    date, precision = mention.date, mention.date_precision
    if post.date and mention.status == "occurred" and precision not in ("day",):
        date, precision = post.date, "day"
    return _attached(
        mention,
        article,
        date=date,
        date_precision=precision,
        reporting_source=post.handle or post.author or mention.reporting_source,
    )


def _analyse_one(ann: AnnotatedArticle, vector: bytes | None) -> Analysis:
    """Actors and events over what the parser saw (the capped part of a long article); the
    result carries the whole article again."""
    article = ann.article
    warnings: list[str] = []
    if ann.analysed_chars is not None:
        warnings.append(
            f"warning: {article.source_path}: analysis capped at {ann.analysed_chars} of "
            f"{len(article.text)} characters (the rest is stored, not analysed)"
        )
        ann = dataclasses.replace(ann, article=analysed_part(article, ann.analysed_chars))
    try:
        ann = actors.link(ann)
    except Exception as exc:  # noqa: BLE001 - reported, never fatal for the batch
        warnings.append(f"warning: {article.source_path}: actor linking failed: {type(exc).__name__}: {exc}")
    mentions: tuple[EventMention, ...] = ()
    try:  # each with its article's publication date: fusion reads it (an undated mention's only time)
        mentions = tuple(dataclasses.replace(m, published=article.published) for m in events.extract_events(ann))
    except Exception as exc:  # noqa: BLE001
        warnings.append(f"warning: {article.source_path}: event extraction failed: {type(exc).__name__}: {exc}")
    return Analysis(dataclasses.replace(ann, article=article), mentions, vector, tuple(warnings))


def analysed_part(article: Article, chars: int) -> Article:
    """The article cut to its first ``chars`` characters of text (whole blocks, then part of one)."""
    blocks: list[Block] = []
    pos = 0
    for block in article.blocks:
        room = chars - pos
        if room <= 0:
            break
        blocks.append(block if len(block.text) <= room else dataclasses.replace(block, text=block.text[:room]))
        pos += len(block.text) + 2  # blocks are joined by a blank line
    return dataclasses.replace(article, blocks=tuple(blocks))


@contextlib.contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Raise AnalysisTimeout in the block after ``seconds`` (main thread only; elsewhere no limit)."""
    if not seconds or threading.current_thread() is not threading.main_thread():
        yield
        return

    def handler(signum: int, frame: FrameType | None) -> None:
        raise AnalysisTimeout

    previous = signal.signal(signal.SIGALRM, handler)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def analyse_within(
    articles: Sequence[Article], seconds: float | None, with_embeddings: bool = True, pieces: int = TEXT_WORD_PIECES
) -> tuple[list[Analysis], list[Article]]:
    """``analyse`` with a time limit per document: (analyses, articles that ran past it).

    The batch is analysed together within the limit; when it runs past it, each article is
    analysed alone within the limit, and those that run past it again are given up.
    """
    if not seconds:
        return analyse(articles, with_embeddings, pieces), []
    prepare_analysis(with_embeddings)  # models load outside the limit (and are never cut off half-imported)
    try:
        with time_limit(seconds):
            return analyse(articles, with_embeddings, pieces), []
    except AnalysisTimeout:
        if len(articles) == 1:
            return [], list(articles)
    done: list[Analysis] = []
    late: list[Article] = []
    for article in articles:
        try:
            with time_limit(seconds):
                done.extend(analyse([article], with_embeddings, pieces))
        except AnalysisTimeout:
            late.append(article)
    return done, late


def analyse_storable(
    articles: Sequence[Article], seconds: float | None, pieces: int | None
) -> tuple[list[StorableAnalysis], list[Article]]:
    """``analyse_within`` made storable (a worker's part of a session): with embeddings of ``pieces``
    word pieces, where the workers embed (the session's own process then only stores); for None,
    without (the session's process adds them: ``with_embedding``)."""
    analyses, late = analyse_within(articles, seconds, pieces is not None, pieces or TEXT_WORD_PIECES)
    return [storable(x) for x in analyses], late


def with_embedding(result: StorableAnalysis, vector: bytes | None) -> StorableAnalysis:
    """A storable analysis made without its embedding, given it: what ``storable`` makes of the
    analysis with that embedding (None: as it is)."""
    if vector is None:
        return result
    story = dataclasses.replace(result.story, embedding=np.frombuffer(vector, dtype=np.float32))
    return dataclasses.replace(result, story=story, embedding=vector)


def start_analysis_worker(with_embeddings: bool = False) -> None:
    """A worker process's start: the models of every stage, the encoder only if the workers embed."""
    prepare_analysis(with_embeddings)


@functools.lru_cache(maxsize=2)
def prepare_analysis(with_embeddings: bool = True) -> None:
    """Load the models and every stage's rules once, by analysing one short sentence, so that a
    time limit measures the document and never cuts a model or module off half-loaded.

    What is loaded by then (modules, models, the KB: millions of objects) lives as long as the
    process: it is moved out of the cyclic collector's sight (``gc.freeze``), so that later
    collections, and the last ones when the process ends, do not walk it again (a cold ingest of one
    short file spent a fifth of its CPU time in them). Nor does the collector walk it while it loads
    (``collections_held_off``): its passes then, over ever more objects that all stay, were a quarter
    of the CPU time of the load (0.6 of 2.5 s in the workers' fork server, before any worker starts);
    what they would have freed, a few thousand objects in cycles (~1 MB), is frozen with the rest."""
    warm_up = Article(
        id="warm-up",
        source_path="warm-up",
        format="text",
        title=None,
        published=None,
        outlet=None,
        author=None,
        blocks=(Block("paragraph", "The minister met the ambassador in Paris on Monday."),),
    )
    with collections_held_off():
        analyse([warm_up], with_embeddings)
        gc.freeze()
