"""The REST API against the real app and a real SQLite file built from the seeds by the pipeline."""

from __future__ import annotations

import csv
import io
import re
import shutil
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from newsfuse.actors import name_of
from newsfuse.api import create_app
from newsfuse.events.ontology import min_confidence
from newsfuse.export.gdelt import NOT_OCCURRED, first_day
from newsfuse.store import EventFilter, open_store
from newsfuse.tell import queries

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / ".." / "shared" / "corpus" / "seeds"
TOKEN = "test-operator-token"
LOCAL = {"base_url": "http://127.0.0.1", "client": ("127.0.0.1", 40000)}


@pytest.fixture(scope="module")
def db(seeds_store_path) -> str:
    return str(seeds_store_path)


@pytest.fixture(scope="module")
def api(db):
    with TestClient(create_app(db, token=TOKEN), **LOCAL) as client:
        yield client


def _copy(db: str, tmp_path: Path) -> str:
    target = tmp_path / "copy.db"
    shutil.copy(db, target)
    return str(target)


# ----------------------------------------------------------------------------- reads


def test_articles_page_by_cursor(api):
    first = api.get("/articles", params={"limit": 2}).json()
    assert len(first["items"]) == 2 and first["next"]
    rest = api.get("/articles", params={"limit": 2, "after": first["next"]}).json()
    assert rest["next"] is None
    ids = [a["id"] for a in first["items"] + rest["items"]]
    assert len(ids) == len(set(ids)) == 3
    for a in first["items"]:
        assert {"id", "source_path", "format", "title", "published", "outlet", "paragraphs", "story_id"} <= set(a)


def test_article_comes_with_annotations_whose_offsets_hold(api):
    aid = api.get("/articles").json()["items"][0]["id"]
    doc = api.get(f"/articles/{aid}").json()
    text = "\n\n".join(b["text"] for b in doc["blocks"])
    assert doc["sentences"] and doc["entities"]
    for s in doc["sentences"]:
        assert text[s["start"] : s["end"]] == s["text"]
    assert api.get("/articles/0000000000000000").status_code == 404


def test_story_with_its_events_and_briefings(api):
    stories = api.get("/stories").json()["items"]
    story = max(stories, key=lambda s: len(s["article_ids"]))
    assert len(story["article_ids"]) >= 2  # the seeds report one event
    doc = api.get(f"/stories/{story['id']}").json()
    assert {a["id"] for a in doc["articles"]} == set(story["article_ids"])
    assert doc["events"] and all(e["story_id"] == story["id"] for e in doc["events"])
    md = api.get(f"/stories/{story['id']}/brief", params={"format": "md"})
    assert md.status_code == 200 and md.headers["content-type"].startswith("text/markdown") and md.text.strip()
    html = api.get(f"/stories/{story['id']}/brief", params={"format": "html"})
    assert html.headers["content-type"].startswith("text/html") and "<script" not in html.text.lower()
    assert api.get(f"/stories/{story['id']}/brief", params={"format": "json"}).json()
    assert api.get(f"/stories/{story['id']}/brief", params={"format": "pdf"}).status_code == 422
    assert api.get("/stories/nope").status_code == 404


def test_events_filters(api):
    everything = api.get("/events", params={"limit": 500}).json()["items"]
    assert everything
    consult = api.get("/events", params={"type": "CONSULT"}).json()["items"]
    assert consult and all(e["type"] == "CONSULT" for e in consult)
    putin = api.get("/events", params={"actor": "Putin"}).json()["items"]
    assert putin and all(any("Putin" in a["name"] for a in e["source_actors"] + e["target_actors"]) for e in putin)
    day = api.get("/events", params={"since": "2025-11-15", "until": "2025-11-15"}).json()["items"]
    assert day and all(e["date"].startswith("2025-11-15") for e in day)
    story = everything[0]["story_id"]
    assert all(e["story_id"] == story for e in api.get("/events", params={"story": story}).json()["items"])
    assert api.get("/events", params={"limit": 0}).status_code == 422


def test_event_cursor_walks_every_event_once(api):
    everything = [e["id"] for e in api.get("/events", params={"limit": 500}).json()["items"]]
    walked, cursor = [], None
    while True:
        page = api.get("/events", params={"limit": 1, **({"after": cursor} if cursor else {})}).json()
        walked += [e["id"] for e in page["items"]]
        cursor = page["next"]
        if cursor is None:
            break
    assert walked == everything


def test_event_and_story_pages_are_the_read_sides_answers(api, db):
    """The API's pages (read straight into plain dicts) hold what the CLI's read side gives."""
    with open_store(db) as store:
        for params in ({}, {"actor": "Putin"}, {"actor": "RUS"}, {"type": "CONSULT", "since": "2025-11"}):
            flt = EventFilter(**params)
            for guesses in (False, True):
                expected = [e.to_dict() for e in queries.events(store, flt, guesses).items]
                assert expected, params
                asked = {"limit": 500, "guesses": guesses, **params}
                assert api.get("/events", params=asked).json()["items"] == expected
        stories = [s.to_dict() for s in store.stories()]
    walked, cursor = [], None
    while True:
        page = api.get("/stories", params={"limit": 1, **({"after": cursor} if cursor else {})}).json()
        walked += page["items"]
        cursor = page["next"]
        if cursor is None:
            break
    assert walked == stories


def test_guesses_are_left_out_of_event_listings_unless_asked(api):
    """Events coded below the events stage's confidence threshold are guesses: the event listing and
    a story's events leave them out, as the timeline, the brief and the GDELT export do."""
    every = api.get("/events", params={"limit": 500, "guesses": True}).json()["items"]
    shown = api.get("/events", params={"limit": 500}).json()["items"]
    assert [e["id"] for e in shown] == [e["id"] for e in every if e["confidence"] >= min_confidence()]
    assert len(shown) < len(every)
    walked, cursor = [], None
    while True:  # a page may hold fewer events than its limit; the cursor still walks every row once
        page = api.get("/events", params={"limit": 2, **({"after": cursor} if cursor else {})}).json()
        walked += [e["id"] for e in page["items"]]
        cursor = page["next"]
        if cursor is None:
            break
    assert walked == [e["id"] for e in shown]
    story = every[0]["story_id"]
    mine = {e["id"] for e in every if e["story_id"] == story}
    confident = {e["id"] for e in shown if e["story_id"] == story}
    plain = api.get(f"/stories/{story}").json()
    assert {e["id"] for e in plain["events"]} == confident
    assert plain["guesses_left_out"] == len(mine) - len(confident)
    asked = api.get(f"/stories/{story}", params={"guesses": True}).json()
    assert {e["id"] for e in asked["events"]} == mine and asked["guesses_left_out"] == 0
    if plain["guesses_left_out"]:
        page = api.get(f"/stories/{story}", headers={"accept": "text/html"}).text
        assert f"{plain['guesses_left_out']} event" in page and "?guesses=true" in page
    pair = {"actor": ["Putin", "Netanyahu"]}
    with_guesses = api.get("/timeline", params={**pair, "guesses": True}).json()["items"]
    assert with_guesses
    sure = api.get("/timeline", params=pair).json()
    assert [e["id"] for e in sure["items"]] == [e["id"] for e in with_guesses if e["confidence"] >= min_confidence()]
    assert sure["guesses_left_out"] == len(with_guesses) - len(sure["items"])


def test_event_by_id(api):
    event = api.get("/events").json()["items"][0]
    assert api.get(f"/events/{event['id']}").json() == event
    assert api.get("/events/none-such").status_code == 404


def test_actors_and_timeline_of_a_pair(api):
    actors = api.get("/actors").json()["items"]
    putin = next(a for a in actors if "Putin" in a["name"])
    assert putin["country"] == "RUS" and putin["events"] >= 1
    doc = api.get("/timeline", params=[("actor", "Putin"), ("actor", "Netanyahu")]).json()
    assert doc["actors"] == ["Putin", "Netanyahu"]
    items = doc["items"]
    assert any(e["type"] == "CONSULT" and e["date"] == "2025-11-15" for e in items)
    names = [" ".join(a["name"] for a in e["source_actors"] + e["target_actors"]) for e in items]
    assert all("Putin" in n and "Netanyahu" in n for n in names)
    starts = [first_day(e["date"]) for e in items if e["date"]]  # 2025-W46 starts before 2025-11-15
    assert starts == sorted(starts)
    undated = [i for i, e in enumerate(items) if not e["date"]]
    assert undated == list(range(len(starts), len(items)))  # undated events come last


def test_the_timeline_without_an_actor_is_every_event_as_the_cli_lists_it(api, db):
    doc = api.get("/timeline").json()
    with open_store(db) as store:
        every = queries.timeline(store, [])
    assert doc["actors"] == [] and doc["items"] and [e["id"] for e in doc["items"]] == [e.id for e in every.items]
    assert doc["guesses_left_out"] == every.guesses_left_out


def test_a_blank_actor_is_refused_as_json_and_an_empty_form_field_is_no_actor_on_the_page(api):
    assert api.get("/timeline", params=[("actor", "Putin"), ("actor", "")]).status_code == 422
    page = api.get("/timeline", params=[("actor", "Putin"), ("actor", "")], headers={"Accept": "text/html"})
    assert page.status_code == 200 and "Timeline: Putin<" in page.text and "2025-11-15" in page.text


def test_bad_dates_and_actors_are_refused_with_the_cli_message(api):
    bad = api.get("/events", params={"since": "garbage"})
    assert bad.status_code == 422
    assert bad.json()["detail"] == "since: 'garbage' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)"
    three = api.get("/timeline", params=[("actor", "Putin"), ("actor", "Netanyahu"), ("actor", "Lukashenko")])
    assert three.status_code == 422 and "at most 2 actors" in three.json()["detail"]
    doc = api.get("/timeline", params={"actor": "Putin", "since": "2025-11-15", "until": "2025-11"}).json()
    assert doc["capped"] is False
    assert any(e["type"] == "CONSULT" and e["date"] == "2025-11-15" for e in doc["items"])


def test_search(api):
    doc = api.get("/search", params={"q": "Kremlin"}).json()
    assert doc["items"] and all(r["article_id"] for r in doc["items"])
    assert api.get("/search", params={"q": ""}).json()["items"] == []


def test_export_endpoint_matches_the_events(api):
    events = {e["id"]: e for e in api.get("/events", params={"limit": 500, "guesses": True}).json()["items"]}
    r = api.get("/export", params={"format": "csv", "what": "events"})  # guesses too, with confidence
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    assert len(list(csv.DictReader(io.StringIO(r.text)))) == len(events)
    tsv = api.get("/export", params={"format": "gdelt"}).text
    assert tsv.startswith("GLOBALEVENTID\tSQLDATE")
    rows = list(csv.DictReader(io.StringIO(tsv), delimiter="\t"))
    # GDELT rows are events that happened: a subset of the events, none denied or hypothetical
    assert rows and {row["NewsfuseEventId"] for row in rows} <= set(events)
    occurred = [e for e in events.values() if e["status"] not in NOT_OCCURRED]
    assert all(row["Status"] not in NOT_OCCURRED for row in rows) and len(rows) <= len(occurred)
    assert api.get("/export", params={"format": "graphml"}).text.startswith("<?xml")
    assert api.get("/export", params={"format": "parquet", "what": "articles"}).content[:4] == b"PAR1"
    assert api.get("/export", params={"format": "xls"}).status_code == 422


def test_openapi_and_docs(api):
    paths = api.get("/openapi.json").json()["paths"]
    for p in (
        "/articles",
        "/articles/{article_id}",
        "/stories",
        "/stories/{story_id}",
        "/stories/{story_id}/brief",
        "/events",
        "/events/{event_id}",
        "/actors",
        "/timeline",
        "/search",
        "/ingest",
        "/jobs/{job_id}",
        "/export",
    ):
        assert p in paths
    docs = api.get("/docs")
    assert docs.status_code == 200 and "swagger" in docs.text.lower()


def test_home_and_story_pages_are_served_by_the_api_routes(api):
    stories = api.get("/stories").json()["items"]
    home = api.get("/")
    assert home.status_code == 200 and home.headers["content-type"].startswith("text/html")
    assert all(f'href="/stories/{s["id"]}"' in home.text for s in stories)
    assert "/" not in api.get("/openapi.json").json()["paths"]
    story = max(stories, key=lambda s: len(s["article_ids"]))
    page = api.get(f"/stories/{story['id']}", headers={"accept": "text/html"})
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    body = re.search(r'<div class="brief-body">(.*?)</div>', page.text, flags=re.S)
    assert body and re.sub(r"<[^>]+>", "", body.group(1)).strip()  # the briefing the route handed the page


def test_the_story_list_names_actors_as_a_reader_knows_them(api):
    stories = api.get("/stories").json()["items"]
    ids = {a for s in stories for a in s["actors"][:4]}
    assert ids and any(":" in a for a in ids)  # the API gives ids (for scripts) ...
    home = api.get("/").text
    cells = " ".join(re.findall(r"<td>([^<]*)</td>", home))
    named = [name_of(a) for a in ids if name_of(a)]
    assert named and all(n in cells for n in named)  # ... the page the names ("Benjamin Netanyahu")
    assert not any(a in cells for a in ids if ":" in a)


# ----------------------------------------------------------------------------- access and headers


def test_security_headers(api):
    r = api.get("/stories", headers={"accept": "text/html"})
    csp = r.headers["content-security-policy"]
    script_src = next(p for p in csp.split(";") if p.strip().startswith("script-src"))
    assert "'self'" in script_src and "unsafe-inline" not in script_src
    assert r.headers["x-content-type-options"] == "nosniff"
    assert "unsafe-inline" not in api.get("/docs").headers["content-security-policy"]


def test_reads_are_local_unless_opened(db):
    remote = {"base_url": "http://10.0.0.8", "client": ("10.0.0.9", 40000)}
    with TestClient(create_app(db, token=TOKEN), **remote) as c:
        assert c.get("/events").status_code == 403
        assert c.get("/events", headers={"authorization": f"Bearer {TOKEN}"}).status_code == 200
    with TestClient(create_app(db, allow_remote_reads=True), **remote) as c:
        assert c.get("/events").status_code == 200
    # a loopback client asking for another host name is a DNS-rebinding page, not the operator
    with TestClient(create_app(db), base_url="http://evil.example", client=("127.0.0.1", 1)) as c:
        assert c.get("/events").status_code == 403


def test_writes_need_the_operators_token(db):
    with TestClient(create_app(db), **LOCAL) as c:
        assert c.post("/ingest", json={"title": "t", "text": "x"}).status_code == 403
    with TestClient(create_app(db, token=TOKEN), **LOCAL) as c:
        assert c.post("/ingest", json={"title": "t", "text": "x"}).status_code == 401
        bad = c.post("/ingest", json={"title": "t", "text": "x"}, headers={"authorization": "Bearer wrong"})
        assert bad.status_code == 401


def test_oversized_upload_is_refused(api):
    auth = {"authorization": f"Bearer {TOKEN}"}
    big = b"a" * (20 * 1024 * 1024 + 1)
    r = api.post("/ingest", files={"files": ("big.txt", big, "text/plain")}, headers=auth)
    assert r.status_code == 413


# ----------------------------------------------------------------------------- ingest jobs


def _wait(client: TestClient, job_id: str) -> dict:
    client.app.state.jobs.wait_idle(timeout=300)
    return client.get(f"/jobs/{job_id}").json()


def test_ingest_uploaded_file_in_the_background(tmp_path):
    seed = sorted(SEEDS.glob("*.txt"))[0]
    auth = {"authorization": f"Bearer {TOKEN}"}
    with TestClient(create_app(str(tmp_path / "new.db"), token=TOKEN), **LOCAL) as c:
        r = c.post("/ingest", files=[("files", (seed.name, seed.read_bytes(), "text/plain"))], headers=auth)
        assert r.status_code == 202
        job = _wait(c, r.json()["id"])
        assert job["status"] == "done", job
        assert job["summary"]["new"] == 1
        assert len(c.get("/articles").json()["items"]) == 1
        assert c.get("/jobs/unknown").status_code == 404


def test_ingest_json_articles(db, tmp_path):
    auth = {"authorization": f"Bearer {TOKEN}"}
    article = {
        "title": "Harbour workers end a two-day strike in Rotterdam",
        "source": "Test Wire",
        "published": "2025-11-20",
        "text": "Dock workers in Rotterdam ended a two-day strike on Thursday after the port authority "
        "agreed to review night-shift pay. Union leaders said talks would resume next week.",
    }
    with TestClient(create_app(_copy(db, tmp_path), token=TOKEN), **LOCAL) as c:
        r = c.post("/ingest", json={"articles": [article]}, headers=auth)
        assert r.status_code == 202
        job = _wait(c, r.json()["id"])
        assert job["status"] == "done" and job["summary"]["new"] == 1
        titles = [a["title"] for a in c.get("/articles").json()["items"]]
        assert article["title"] in titles and len(titles) == 4
        assert c.post("/ingest", json={"articles": "nope"}, headers=auth).status_code == 422
        assert c.post("/ingest", content=b"x", headers={**auth, "content-type": "text/plain"}).status_code == 415
