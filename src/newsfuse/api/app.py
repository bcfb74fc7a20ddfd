"""The FastAPI application: JSON API, web pages and static files behind one guard."""

from __future__ import annotations

import base64
import hashlib
import os
import re
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles

from ..store import default_url
from ..tell.actors import ActorIndex
from ..web import STATIC_DIR
from .guard import Guard, GuardConfig
from .jobs import JobRunner
from .routes import router
from .stores import StoreProvider

MAX_BODY = 20 * 1024 * 1024
SWAGGER_CDN = "https://cdn.jsdelivr.net"


def create_app(
    store_url: str, token: str | None = None, allow_remote_reads: bool = False, max_body: int = MAX_BODY
) -> FastAPI:
    stores = StoreProvider(store_url)
    jobs = JobRunner(store_url, stores.get() if store_url == ":memory:" else None)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        jobs.shutdown()
        stores.close()

    app = FastAPI(
        title="newsfuse",
        version="1",
        lifespan=lifespan,
        docs_url=None,
        redoc_url=None,
        description="From many news reports, one checked account of what happened. "
        "Reads are open on 127.0.0.1; writes need the operator's bearer token.",
    )
    app.state.stores = stores
    app.state.jobs = jobs
    app.state.actors = ActorIndex()
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    app.include_router(router)
    docs_html, docs_csp = _docs_page()

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return HTMLResponse(docs_html)

    app.add_middleware(
        Guard,
        config=GuardConfig(
            token=token or None, allow_remote_reads=allow_remote_reads, max_body=max_body, docs_csp=docs_csp
        ),
    )
    return app


def _docs_page() -> tuple[str, str]:
    """Swagger UI, with a CSP that allows exactly its one inline script (by hash) and its CDN."""
    html = bytes(get_swagger_ui_html(openapi_url="/openapi.json", title="newsfuse API").body).decode()
    hashes = " ".join(
        "'sha256-" + base64.b64encode(hashlib.sha256(m.encode()).digest()).decode() + "'"
        for m in re.findall(r"<script>(.*?)</script>", html, flags=re.S)
    )
    csp = (
        f"default-src 'self'; script-src 'self' {SWAGGER_CDN} {hashes}; style-src 'self' {SWAGGER_CDN}; "
        f"img-src 'self' data: https:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'"
    )
    return html, csp


def app_from_env() -> FastAPI:
    """For `uvicorn --factory newsfuse.api.app:app_from_env`."""
    return create_app(
        default_url(),
        token=os.environ.get("NEWSFUSE_TOKEN"),
        allow_remote_reads=os.environ.get("NEWSFUSE_PUBLIC_READS") == "1",
    )
