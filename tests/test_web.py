"""The web page in a real browser: Debian's chromium, headless, driven by Playwright."""

from __future__ import annotations

import json
import socket
import threading
import time
from pathlib import Path

import httpx
import pytest
import uvicorn

from newsfuse.api import create_app
from newsfuse.store import open_store

ROOT = Path(__file__).resolve().parents[1]
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

# Hostile reports written for this test: markup that must show as text, never run.
HOSTILE_HTML = """<!doctype html><html><head>
<title>Port talks &lt;script&gt;window.__pwned=1&lt;/script&gt;</title></head>
<body><article>
<h1>Port talks &lt;script&gt;window.__pwned=1&lt;/script&gt; resume in Valletta</h1>
<p>Negotiators for the harbour authority and the dock workers' union met in Valletta on Monday to resume
talks over night-shift pay, the union said in a statement published after the meeting ended.</p>
<p>The statement quoted a banner seen at the gates, &lt;img src=x onerror="window.__pwned=2;alert(2)"&gt;,
which protesters said was meant as a joke about the authority's website.</p>
<p>A spokesman urged readers to ignore links such as &lt;a href="javascript:alert(3)"&gt;this one&lt;/a&gt;
circulating on social media, and said the next round of talks would take place on Thursday.</p>
<script>window.__pwned = 4; alert(4)</script>
<p>Both sides said they expected an agreement before the end of the month, according to the statement.</p>
</article></body></html>
"""
HOSTILE_JSON = {
    "title": "<script>window.__pwned=5</script>Ferry operators warn of delays",
    "url": "javascript:window.__pwned=6",
    "source": "<img src=x onerror=alert(7)>Harbour Post",
    "published": "2025-11-21",
    "text": "Ferry operators in Valletta warned on Tuesday of delays after the dock workers' union called "
    "a one-day stoppage. A notice pinned at the terminal read <script>window.__pwned=8</script> "
    "according to photographs shared by passengers. The operators said services would resume on "
    "Wednesday morning and apologised to travellers for the disruption.",
}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """The real app under uvicorn on a free 127.0.0.1 port, in a thread."""

    def __init__(self, db: str):
        self.port = _free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        config = uvicorn.Config(create_app(db), host="127.0.0.1", port=self.port, log_level="warning")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> Server:
        self.thread.start()
        deadline = time.monotonic() + 30
        while not self.server.started:
            assert time.monotonic() < deadline, "server did not start"
            time.sleep(0.05)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


@pytest.fixture(scope="module")
def seeds_server(seeds_store_path):
    with Server(str(seeds_store_path)) as server:
        yield server


@pytest.fixture(scope="module")
def hostile_server(tmp_path_factory):
    from newsfuse.pipeline import ingest_paths

    folder = tmp_path_factory.mktemp("hostile")
    (folder / "hostile.html").write_text(HOSTILE_HTML, encoding="utf-8")
    (folder / "hostile.json").write_text(json.dumps(HOSTILE_JSON), encoding="utf-8")
    db = folder / "hostile.db"
    with open_store(str(db)) as store:
        summary = ingest_paths(store, [str(folder / "hostile.html"), str(folder / "hostile.json")])
        assert summary.new == 2, summary
    with Server(str(db)) as server:
        yield server


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    pg = context.new_page()
    pg.dialogs = []  # every alert/confirm a page tries to open
    pg.on("dialog", lambda d: (pg.dialogs.append(d.message), d.dismiss()))
    yield pg
    context.close()


def _main_story(base: str) -> dict:
    stories = httpx.get(f"{base}/stories").json()["items"]
    return max(stories, key=lambda s: len(s["article_ids"]))


def test_story_page_shows_the_outlets_side_by_side(seeds_server, page):
    story = _main_story(seeds_server.base)
    page.goto(f"{seeds_server.base}/stories/{story['id']}")
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "story.png"), full_page=True)
    table = page.locator("table#compare")
    assert table.is_visible()
    headers = table.locator("thead th.outlet-col")
    assert headers.count() == len(story["article_ids"])
    # at least one detail the outlets disagree on, highlighted and named as such
    conflict = table.locator("tr.conflict").first
    assert conflict.is_visible()
    assert conflict.locator(".badge-conflict").inner_text().strip().lower() == "sources differ"
    assert conflict.locator("td.cell-contradicts").count() >= 1
    assert page.locator("section.differ .conflict-item").first.is_visible()
    # the panel lists what the briefing lists as differences, no more and no fewer
    brief = httpx.get(f"{seeds_server.base}/stories/{story['id']}/brief", params={"format": "json"}).json()
    items = page.locator("section.differ .conflict-item")
    assert items.count() == len(brief["differ"]) >= 1
    for i, item in enumerate(brief["differ"]):
        assert " ".join(item["text"].split()) in " ".join(items.nth(i).inner_text().split())
    # single-source details are marked
    assert table.locator("tr.single .badge-single").count() >= 1
    # the briefing and the fused events are on the page
    assert page.locator("section.brief").inner_text().strip()
    assert page.locator("table.events tbody tr").count() >= 1


def test_the_briefings_citation_marks_open_the_articles_they_cite(seeds_server, page):
    story = _main_story(seeds_server.base)
    brief = httpx.get(f"{seeds_server.base}/stories/{story['id']}/brief", params={"format": "json"}).json()
    page.goto(f"{seeds_server.base}/stories/{story['id']}")
    first = brief["account"][0]
    marks = page.locator("section.brief span.s").first.locator("a.cite")
    assert [marks.nth(i).inner_text() for i in range(marks.count())] == [f"[{m}]" for m in first["sources"]]
    href = marks.first.get_attribute("href")
    assert href == f"/articles/{first['article_ids'][0]}"
    marks.first.click()
    page.wait_for_url(f"**{href}")
    assert page.locator("h1").inner_text().strip()


def test_a_cell_links_to_the_exact_sentence(seeds_server, page):
    story = _main_story(seeds_server.base)
    page.goto(f"{seeds_server.base}/stories/{story['id']}")
    link = page.locator("table#compare td.cell-supports a.quote").first
    sentence = link.get_attribute("title")
    href = link.get_attribute("href")
    link.click()
    page.wait_for_url(f"**{href}")
    target = page.locator("span.s:target")
    assert target.is_visible()
    assert " ".join(sentence.split()) in " ".join(target.inner_text().split())


def test_only_differences_toggle(seeds_server, page):
    story = _main_story(seeds_server.base)
    page.goto(f"{seeds_server.base}/stories/{story['id']}")
    boring = page.locator('tr.detail[data-interesting="no"]')
    if boring.count() == 0:
        pytest.fail("the seeds story has no detail all outlets agree on")
    assert boring.first.is_visible()
    page.check("#only-diff")
    assert not boring.first.is_visible()
    assert page.locator("tr.conflict").first.is_visible()


def test_timeline_chart_for_a_pair(seeds_server, page):
    page.goto(f"{seeds_server.base}/timeline?actor=Putin&actor=Netanyahu")
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "timeline.png"), full_page=True)
    assert page.locator("figure.chart svg circle.pt").count() >= 1
    assert "2025-11-15" in page.locator("table.events").inner_text()


def test_the_timeline_form_with_one_actor_and_the_page_of_every_event(seeds_server, page):
    page.goto(f"{seeds_server.base}/timeline")
    assert page.locator("table.events tbody tr").count() >= 1  # every event, as `newsfuse timeline`
    page.fill("input[name=actor] >> nth=0", "Putin")
    page.click("form.timeline-form button")
    page.wait_for_url("**/timeline?actor=Putin**")
    assert page.locator("h1").inner_text().strip() == "Timeline: Putin"
    assert "2025-11-15" in page.locator("table.events").inner_text()


def test_timeline_page_says_what_it_left_out(seeds_server, page):
    """As the CLI notes it: guesses left out, with a link that shows them, marked as guesses."""
    answer = httpx.get(f"{seeds_server.base}/timeline", params={"actor": "Russia"}).json()
    assert answer["guesses_left_out"] >= 1
    page.goto(f"{seeds_server.base}/timeline?actor=Russia")
    hint = page.locator("p.hint", has_text="guesses")
    assert f"{answer['guesses_left_out']} event" in hint.inner_text()
    rows = page.locator("table.events tbody tr").count()
    hint.locator("a").click()
    page.wait_for_url("**guesses=true**")
    assert page.locator("table.events tbody tr").count() == rows + answer["guesses_left_out"]
    assert page.locator("table.events tbody tr", has_text="guess").count() == answer["guesses_left_out"]


def test_search_page(seeds_server, page):
    page.goto(f"{seeds_server.base}/search?q=Kremlin")
    assert page.locator("ol.results li").count() >= 1
    assert page.locator("ol.results mark").first.inner_text().lower() == "kremlin"


def _hostile_strings(base: str) -> dict[str, list[str]]:
    """For each stored article, the stored strings that carry markup (what the pages must show as text)."""
    out = {}
    for a in httpx.get(f"{base}/articles").json()["items"]:
        fields = [a["title"], a["outlet"], a["url"], *a["headings"], *a["paragraphs"]]
        out[a["id"]] = [f for f in fields if f and ("<script" in f or "onerror" in f or "javascript:" in f)]
    return out


def test_hostile_articles_render_as_text(hostile_server, page):
    base = hostile_server.base
    hostile = _hostile_strings(base)
    assert sum(len(v) for v in hostile.values()) >= 3, "the hostile markup did not reach the store"
    urls = [f"{base}/articles/{aid}" for aid in hostile]
    urls += [f"{base}/stories/{s['id']}" for s in httpx.get(f"{base}/stories").json()["items"]]
    urls += [f"{base}/", f"{base}/articles", f"{base}/search?q=script", f"{base}/search?q=Valletta"]
    for url in urls:
        page.goto(url)
        page.wait_for_load_state("load")
        assert page.evaluate("typeof window.__pwned") == "undefined", url
        assert page.locator("script:not([src])").count() == 0, url
        assert page.locator("img, [onerror], a[href^='javascript']").count() == 0, url
    assert page.dialogs == []
    for aid, strings in hostile.items():
        page.goto(f"{base}/articles/{aid}")
        visible = " ".join(page.locator("main").inner_text().split())
        for s in strings:
            assert " ".join(s.split()) in visible, s
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "hostile.png"), full_page=True)
