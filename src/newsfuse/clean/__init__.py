"""clean: RawDocument -> Article (page chrome out with reasons, metadata, headings, paragraphs)."""

from __future__ import annotations

from ..model import Article, RawDocument, article_id
from .dates import date_in_url
from .errors import CleanError
from .html import clean_html
from .long_lines import clean_long_lines
from .normalize import normalize_line, split_lines, strip_inline_markup
from .text import CleanResult, body_blocks, chrome_reason, clean_text_lines

__all__ = [
    "CleanError",
    "CleanResult",
    "article_from_result",
    "body_blocks",
    "chrome_reason",
    "clean_document",
    "clean_text_lines",
    "normalize_line",
    "split_lines",
]


def clean_document(doc: RawDocument) -> Article:
    if doc.format in ("html", "warc"):
        return clean_html(doc)
    if doc.meta.get("html"):  # a record's or a feed entry's body in markup
        try:
            return clean_html(doc)
        except CleanError:
            return _clean_text(doc, strip_markup=True)  # a few lines the page reader finds no article in
    return _clean_text(doc, strip_markup=bool(doc.meta.get("inline_markup")))


def _clean_text(doc: RawDocument, strip_markup: bool) -> Article:
    text = strip_inline_markup(doc.text) if strip_markup else doc.text
    result = clean_long_lines(split_lines(text), meta=doc.meta)  # over-long lines cut at sentence ends
    return article_from_result(doc, result)


def article_from_result(doc: RawDocument, result: CleanResult) -> Article:
    """The Article for ``doc`` from a cleaning result; CleanError when no body text is left."""
    if not any(b.kind == "paragraph" for b in result.blocks):
        raise CleanError("no article text after cleaning")
    return Article(
        id=article_id(result.blocks, result.title),
        source_path=doc.source_path,
        format=doc.format,
        title=result.title,
        published=result.published or date_in_url(doc.url),
        outlet=result.outlet,
        author=result.author,
        blocks=result.blocks,
        removed=result.removed,
        embedded_posts=result.embedded_posts,
        url=doc.url or result.url,
        external_id=doc.external_id,
        input_sha256=doc.input_sha256,
    )
