"""Page renderers. The API's routes call these when the client asks for text/html; the web package
never imports the API (the routes hand every page what it shows) and reads the store only through
the read side, ``newsfuse.tell``."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

import jinja2
from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from ..model import AnnotatedArticle, Article, Event, Story
from ..store.base import Store
from ..tell import queries
from ..tell.guesses import threshold
from . import TEMPLATE_DIR, views

_env = jinja2.Environment(
    loader=jinja2.FileSystemLoader(str(TEMPLATE_DIR)),
    autoescape=True,  # every template, whatever its name: article text is hostile until escaped
    trim_blocks=True,
    lstrip_blocks=True,
)
_env.filters["snippet"] = views.search_snippet
_env.globals["safe_href"] = views.safe_href
templates = Jinja2Templates(env=_env)


def render(request: Request, name: str, **context: Any) -> HTMLResponse:
    return templates.TemplateResponse(request, name, context)


def story_list(request: Request, store: Store, stories: list[Story], nxt: str | None) -> HTMLResponse:
    rows = []
    for s in stories:
        rows.append(
            {
                "story": s,
                "outlets": queries.story_outlets(store, s),
                "actors": queries.actor_names(s.actors[:4]),
                "count": len(s.article_ids),
            }
        )
    return render(request, "stories.html", rows=rows, next=nxt)


def story_page(
    request: Request,
    store: Store,
    story: Story,
    articles: list[Article],
    events: list[Event],
    brief: dict[str, Any],
    guesses_left_out: int = 0,
) -> HTMLResponse:
    """The story's articles side by side, its fused events (and how many guesses were left out) and
    its briefing (``brief``: ``queries.brief_content``), whose "where the sources differ" items the
    page lists beside it, as the briefing states them."""
    annotations = queries.annotations_of(store, articles)
    columns = views.columns_of(articles)
    groups = views.comparison(events, articles, annotations)
    return render(
        request,
        "story.html",
        story=story,
        articles=articles,
        events=events,
        columns=columns,
        groups=groups,
        differences=views.differences(brief, views.contradictions(groups, columns)),
        brief=brief,
        **briefing_wording(brief),
        guesses_left_out=guesses_left_out,
        threshold=threshold(),
    )


def article_page(request: Request, store: Store, article: Article, annotated: AnnotatedArticle | None) -> HTMLResponse:
    sentences = annotated.sentences if annotated else ()
    story = queries.article_story(store, article)
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
    articles = queries.event_articles(store, event)
    annotations = queries.annotations_of(store, articles)
    columns = views.columns_of(articles)
    groups = views.comparison([event], articles, annotations)
    return render(request, "event.html", event=event, columns=columns, groups=groups)


def timeline_page(
    request: Request, actors: list[str], answer: queries.Capped[Event], known: list[dict[str, Any]]
) -> HTMLResponse:
    """The events of one actor or a pair, with a chart, and what was left out (guesses, a cut at the
    limit) as the CLI says it; ``known`` actors (most frequent first) to pick from."""
    return render(
        request,
        "timeline.html",
        actors=actors,
        events=answer.items,
        known=known[:300],
        chart=views.timeline_chart(answer.items),
        quad_names=views.labels()["quad_names"],
        guesses_left_out=answer.guesses_left_out,
        guesses_href="?" + urlencode([("actor", a) for a in actors] + [("guesses", "true")]),
        capped=answer.capped,
        limit=answer.limit,
        threshold=threshold(),
    )


def search_page(request: Request, query: str, results: list[dict]) -> HTMLResponse:
    return render(request, "search.html", query=query, results=results)


def brief_html(content: dict[str, Any]) -> str:
    """A briefing's content (``tell.queries.brief_content``, the JSON form) as an HTML document of
    its own, through the ``brief.html`` template: article text is escaped like on every page."""
    return _env.get_template("brief.html").render(brief=content, **briefing_wording(content))


def briefing_wording(content: dict[str, Any]) -> dict[str, Any]:
    """What the briefing templates (``_brief.html``) need beside its content: the headings, the
    phrase around marks of reports that tell an event without its date, each article's mark."""
    words = queries.brief_wording()
    before, _, after = words["also_phrase"].partition("{sources}")
    return {
        "headings": words["headings"],
        "also": (before, after),
        "marks_of": {s["article_id"]: s["mark"] for s in content["sources"]},
    }
