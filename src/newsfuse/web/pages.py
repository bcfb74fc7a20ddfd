"""Page renderers. The API's routes call these when the client asks for text/html; the web package
never imports the API (the routes hand every page what it shows)."""

from __future__ import annotations

from typing import Any

import jinja2
from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from ..model import AnnotatedArticle, Article, Event, Story
from ..store.base import Store
from . import TEMPLATE_DIR, views

_env = jinja2.Environment(
    loader=jinja2.FileSystemLoader(str(TEMPLATE_DIR)),
    autoescape=True,  # every template, whatever its name: article text is hostile until escaped
    trim_blocks=True,
    lstrip_blocks=True,
)
_env.filters["markdown"] = views.markdown
_env.filters["snippet"] = views.search_snippet
_env.globals["safe_href"] = views.safe_href
templates = Jinja2Templates(env=_env)


def render(request: Request, name: str, **context: Any) -> HTMLResponse:
    return templates.TemplateResponse(request, name, context)


def story_list(request: Request, store: Store, stories: list[Story], nxt: str | None) -> HTMLResponse:
    rows = []
    for s in stories:
        arts = [a for a in (store.article(aid) for aid in s.article_ids[:50]) if a is not None]
        outlets = sorted({a.outlet for a in arts if a.outlet})
        rows.append({"story": s, "outlets": outlets, "count": len(s.article_ids)})
    return render(request, "stories.html", rows=rows, next=nxt)


def story_page(
    request: Request, store: Store, story: Story, articles: list[Article], events: list[Event], brief: str
) -> HTMLResponse:
    """The story's articles side by side, its fused events and its briefing (markdown ``brief``)."""
    annotations = {a.id: store.annotations(a.id) for a in articles}
    columns = views.columns_of(articles)
    groups = views.comparison(events, articles, annotations)
    cites = {c.article_id: c.outlet for c in columns}
    return render(
        request,
        "story.html",
        story=story,
        articles=articles,
        events=events,
        columns=columns,
        groups=groups,
        contradictions=views.contradictions(groups, columns),
        brief=brief,
        cites=cites,
    )


def article_page(request: Request, store: Store, article: Article, annotated: AnnotatedArticle | None) -> HTMLResponse:
    sentences = annotated.sentences if annotated else ()
    story = store.story(article.story_id) if article.story_id else None
    return render(
        request,
        "article.html",
        article=article,
        annotated=annotated,
        story=story,
        blocks=views.article_blocks(article, sentences),
    )


def article_list(request: Request, articles: list[Article], nxt: str | None) -> HTMLResponse:
    return render(request, "articles.html", articles=articles, next=nxt)


def event_page(request: Request, store: Store, event: Event) -> HTMLResponse:
    ids = list(dict.fromkeys(m.article_id for m in event.mentions))
    ids += [aid for d in event.details for aid in d.supported_by + d.contradicted_by if aid not in ids]
    articles = [a for a in (store.article(aid) for aid in ids) if a is not None]
    annotations = {a.id: store.annotations(a.id) for a in articles}
    columns = views.columns_of(articles)
    groups = views.comparison([event], articles, annotations)
    return render(request, "event.html", event=event, columns=columns, groups=groups)


def timeline_page(request: Request, store: Store, actors: list[str], events: list[Event]) -> HTMLResponse:
    known = request.app.state.actors.get(store)[:300]
    return render(
        request,
        "timeline.html",
        actors=actors,
        events=events,
        known=known,
        chart=views.timeline_chart(events),
        quad_names=views.labels()["quad_names"],
    )


def search_page(request: Request, query: str, results: list[dict]) -> HTMLResponse:
    return render(request, "search.html", query=query, results=results)
