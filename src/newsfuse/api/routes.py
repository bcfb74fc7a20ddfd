"""The JSON API. Routes that also have a page answer HTML when the client asks for text/html.

JSON answers are built from the records' plain dicts and returned as ``JSONResponse``: FastAPI's
``jsonable_encoder`` walk over a page of fused events cost several times the query itself."""

from __future__ import annotations

import json
import re
import shutil
import tempfile
from pathlib import Path
from typing import Any

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, PlainTextResponse, Response
from starlette.background import BackgroundTask
from starlette.datastructures import UploadFile

from .. import export as exporter
from ..store.base import EventFilter, Store
from ..tell import queries
from ..tell.actors import filter_actors
from ..tell.limits import MAX_EVENTS, MAX_PAGE
from ..tell.options import BadOption, checked_actors, checked_range
from ..web import pages
from .jobs import load_job

router = APIRouter()
GUESSES = "also events coded below the confidence threshold (left out by default, as the timeline does)"
SAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")


def store_of(request: Request) -> Store:
    return request.app.state.stores.get()


def wants_html(request: Request) -> bool:
    fmt = request.query_params.get("format")
    if fmt in ("json", "html"):
        return fmt == "html"
    return "text/html" in request.headers.get("accept", "")


def not_found(what: str, key: str) -> HTTPException:
    return HTTPException(status_code=404, detail=f"no {what} {key}")


def bad_option(exc: BadOption) -> HTTPException:
    return HTTPException(status_code=422, detail=str(exc))


# ----------------------------------------------------------------------------- articles


@router.get("/articles", summary="Articles, ordered by (published, id)", tags=["articles"])
def list_articles(request: Request, limit: int = Query(100, ge=1, le=MAX_PAGE), after: str | None = None) -> Any:
    store = store_of(request)
    items, nxt = queries.page_articles(store, limit, after)
    if wants_html(request):
        return pages.article_list(request, items, nxt)
    return JSONResponse({"items": [a.to_dict() for a in items], "next": nxt})


@router.get("/articles/{article_id}", summary="One article with its annotations", tags=["articles"])
def get_article(request: Request, article_id: str) -> Any:
    store = store_of(request)
    annotated = store.annotations(article_id)
    article = annotated.article if annotated else store.article(article_id)
    if article is None:
        raise not_found("article", article_id)
    if wants_html(request):
        return pages.article_page(request, store, article, annotated)
    if annotated is not None:
        return JSONResponse(annotated.to_dict())
    empty: dict[str, list] = {"sentences": [], "entities": [], "dates": [], "quotes": [], "actors": []}
    return JSONResponse({**article.to_dict(), **empty})


# ----------------------------------------------------------------------------- stories


@router.get("/", response_class=HTMLResponse, include_in_schema=False)
def home(request: Request, after: str | None = None, limit: int = Query(100, ge=1, le=MAX_PAGE)) -> HTMLResponse:
    """The web page's front: the stories, as on ``/stories`` in HTML."""
    store = store_of(request)
    items, nxt = queries.page_stories(store, limit, after)
    return pages.story_list(request, store, items, nxt)


@router.get("/stories", summary="Stories (the same story across outlets)", tags=["stories"])
def list_stories(request: Request, limit: int = Query(100, ge=1, le=MAX_PAGE), after: str | None = None) -> Any:
    store = store_of(request)
    items, nxt = queries.page_stories(store, limit, after)
    if wants_html(request):
        return pages.story_list(request, store, items, nxt)
    return JSONResponse({"items": [s.to_dict() for s in items], "next": nxt})


@router.get("/stories/{story_id}", summary="One story: its articles and fused events", tags=["stories"])
def get_story(request: Request, story_id: str, guesses: bool = Query(False, description=GUESSES)) -> Any:
    store = store_of(request)
    story = store.story(story_id)
    if story is None:
        raise not_found("story", story_id)
    articles = queries.story_articles(store, story)
    shown = queries.story_events(store, story_id, guesses)
    if wants_html(request):
        brief = queries.brief_content(store, story)
        return pages.story_page(request, store, story, articles, shown.items, brief, shown.guesses_left_out)
    return JSONResponse(
        {
            **story.to_dict(),
            "articles": [_article_summary(a) for a in articles],
            "events": [e.to_dict() for e in shown.items],
            "guesses_left_out": shown.guesses_left_out,
        }
    )


@router.get("/stories/{story_id}/brief", summary="Cited briefing for one story", tags=["stories"])
def get_brief(request: Request, story_id: str, format: str = Query("md", pattern="^(md|html|json)$")) -> Response:
    store = store_of(request)
    story = store.story(story_id)
    if story is None:
        raise not_found("story", story_id)
    if format == "json":
        return JSONResponse(queries.brief_content(store, story))
    if format == "html":
        # served as a document of its own: the CSP still forbids any script in it
        return Response(pages.brief_html(queries.brief_content(store, story)), media_type="text/html; charset=utf-8")
    return PlainTextResponse(queries.brief(store, story, "md"), media_type="text/markdown; charset=utf-8")


def _article_summary(a: Any) -> dict[str, Any]:
    return {
        "id": a.id,
        "title": a.title,
        "outlet": a.outlet,
        "published": a.published,
        "url": a.url,
        "source_path": a.source_path,
        "duplicate_of": a.duplicate_of,
    }


# ----------------------------------------------------------------------------- events, actors


@router.get("/events", summary="Fused events, filtered, with cursor pagination", tags=["events"])
def list_events(
    request: Request,
    actor: str | None = Query(
        None,
        description=(
            "actor name (substring), id or ISO-3 country code; a country's name also finds every actor of that country"
        ),
    ),
    type: str | None = Query(None, description="PLOVER type, e.g. CONSULT"),
    since: str | None = Query(None, description="ISO date, inclusive"),
    until: str | None = Query(None, description="ISO date, inclusive"),
    story: str | None = Query(None, description="story id"),
    after: str | None = Query(None, description="cursor: `next` of the previous page"),
    limit: int = Query(100, ge=1, le=MAX_PAGE),
    guesses: bool = Query(False, description=GUESSES),
) -> Any:
    try:
        since, until = checked_range(since, until, prefix="")
    except BadOption as exc:
        raise bad_option(exc) from exc
    flt = EventFilter(actor=actor, type=type, since=since, until=until, story_id=story, limit=limit, after=after)
    items, nxt = queries.page_event_records(store_of(request), flt, guesses)
    return JSONResponse({"items": items, "next": nxt})


@router.get("/events/{event_id}", summary="One fused event with its details and mentions", tags=["events"])
def get_event(request: Request, event_id: str) -> Any:
    store = store_of(request)
    event = store.event(event_id)
    if event is None:
        raise not_found("event", event_id)
    if wants_html(request):
        return pages.event_page(request, store, event)
    return JSONResponse(event.to_dict())


@router.get("/actors", summary="Actors on fused events, most frequent first", tags=["events"])
def list_actors(request: Request, q: str | None = None, limit: int = Query(100, ge=1, le=MAX_EVENTS)) -> Any:
    items = filter_actors(request.app.state.actors.get(store_of(request)), q)
    return JSONResponse({"items": items[:limit], "total": len(items)})


@router.get(
    "/timeline", summary="Dated events, oldest first: all, an actor's, or those between a pair", tags=["events"]
)
def get_timeline(
    request: Request,
    actor: list[str] = Query(
        default=[], description="none (every event), one actor, or two for the events between a pair"
    ),
    since: str | None = Query(None, description="ISO date, inclusive"),
    until: str | None = Query(None, description="ISO date, inclusive"),
    guesses: bool = Query(False, description=GUESSES),
) -> Any:
    if wants_html(request):  # the page's form sends its empty optional field: no value, not a blank name
        actor = [a for a in actor if a.strip()]
    try:
        actors = checked_actors("actor", actor)
        since, until = checked_range(since, until, prefix="")
    except BadOption as exc:
        raise bad_option(exc) from exc
    store = store_of(request)
    answer = queries.timeline(store, actors, since, until, guesses)  # as `newsfuse timeline`: no actor, every event
    if wants_html(request):
        known = request.app.state.actors.get(store)
        return pages.timeline_page(request, actors, answer, known)
    return JSONResponse(
        {
            "actors": actors,
            "items": [e.to_dict() for e in answer.items],
            "capped": answer.capped,
            "guesses_left_out": answer.guesses_left_out,
        }
    )


@router.get("/search", summary="Full-text search over articles and quotes", tags=["articles"])
def search(request: Request, q: str = Query("", max_length=500), limit: int = Query(20, ge=1, le=200)) -> Any:
    store = store_of(request)
    results = store.search(q, limit) if q.strip() else []
    if wants_html(request):
        return pages.search_page(request, q, results)
    return JSONResponse({"query": q, "items": results})


# ----------------------------------------------------------------------------- ingest, jobs


@router.post(
    "/ingest", status_code=202, summary="Upload files or JSON articles; processed in the background", tags=["ingest"]
)
async def ingest(request: Request) -> Any:
    """Multipart form with one or more ``files``, or a JSON body: an article object, a list of them,
    or ``{"articles": [...]}``. Needs ``Authorization: Bearer <NEWSFUSE_TOKEN>``; bodies are bounded."""
    runner = request.app.state.jobs
    folder = runner.new_folder()
    try:
        names = await _save_upload(request, folder)
    except HTTPException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    record = runner.submit(store_of(request), folder, names)
    return JSONResponse(record, status_code=202, headers={"location": f"/jobs/{record['id']}"})


async def _save_upload(request: Request, folder: Path) -> list[str]:
    ctype = request.headers.get("content-type", "")
    if ctype.startswith("multipart/form-data"):
        form = await request.form(max_files=1000)
        names = []
        for i, item in enumerate(form.getlist("files")):
            if not isinstance(item, UploadFile):
                continue
            name = f"{i:04d}_" + (SAFE_NAME.sub("_", Path(item.filename or "upload").name)[-120:] or "upload")
            (folder / name).write_bytes(await item.read())
            names.append(name)
        if not names:
            raise HTTPException(status_code=422, detail="no files in the form field `files`")
        return names
    if "json" in ctype:
        try:
            body = json.loads(await request.body())
        except ValueError as exc:
            raise HTTPException(status_code=422, detail=f"invalid JSON: {exc}") from exc
        items = body.get("articles", [body]) if isinstance(body, dict) else body
        if not isinstance(items, list) or not items or not all(isinstance(x, dict) for x in items):
            raise HTTPException(status_code=422, detail="expected an article object or a list of them")
        with (folder / "articles.jsonl").open("w", encoding="utf-8") as fh:
            for item in items:
                fh.write(json.dumps(item, ensure_ascii=False) + "\n")
        return ["articles.jsonl"]
    raise HTTPException(status_code=415, detail="send multipart/form-data files or application/json articles")


@router.get("/jobs/{job_id}", summary="State of an ingest job", tags=["ingest"])
def get_job(request: Request, job_id: str) -> Any:
    record = load_job(store_of(request), job_id)
    if record is None:
        raise not_found("job", job_id)
    return record


# ----------------------------------------------------------------------------- export


@router.get("/export", summary="Download an export (the formats of `newsfuse export`)", tags=["export"])
def get_export(
    request: Request,
    format: str = Query(..., pattern="^(jsonl|csv|parquet|gdelt|graphml)$"),
    what: str = Query("events", pattern="^(events|articles|mentions)$"),
) -> FileResponse:
    folder = Path(tempfile.mkdtemp(prefix="newsfuse-export-"))
    table = format in ("jsonl", "csv", "parquet")
    name = f"{what if table else 'newsfuse'}.{exporter.EXTENSIONS[format]}"
    try:
        exporter.export(store_of(request), format, str(folder / name), what if table else None)
    except Exception:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    return FileResponse(
        folder / name,
        media_type=exporter.MEDIA_TYPES[format],
        filename=name,
        background=BackgroundTask(shutil.rmtree, folder, True),
    )
