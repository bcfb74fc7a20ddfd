"""The command line as a user runs it: ingest the real seeds, list, show, search; bad input; re-runs."""

from __future__ import annotations

import gzip
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from newsfuse.api import create_app
from newsfuse.cli import main
from newsfuse.model import ActorRef, Event, MentionRef
from newsfuse.store import open_store
from newsfuse.tell import queries as tell_queries

SEED_000 = "000_b5307fb3d8fa3eef.txt"
SEED_001 = "001_bbec696de197225f.txt"
SEED_002 = "002_05219128a0266354.txt"


def run(*args: str, input: bytes | None = None):
    result = CliRunner().invoke(main, list(args), input=input, catch_exceptions=False)
    return result


def json_lines(output: str) -> list[dict]:
    return [json.loads(line) for line in output.splitlines() if line.strip().startswith("{")]


@pytest.fixture(scope="session")
def seeds_db(tmp_path_factory, seeds_dir) -> str:
    db = str(tmp_path_factory.mktemp("seeds") / "seeds.db")
    result = run("ingest", str(seeds_dir), "--db", db)
    assert result.exit_code == 0, result.output
    return db


def by_source(articles: list[dict]) -> dict[str, dict]:
    return {Path(a["source_path"]).name: a for a in articles}


def test_ingest_seeds_gives_the_three_articles_as_expected(seeds_db):
    arts = by_source(json_lines(run("articles", "--json", "--db", seeds_db).output))
    assert set(arts) == {SEED_000, SEED_001, SEED_002}
    a1 = arts[SEED_001]
    assert a1["title"] == "Putin and Netanyahu hold phone call amid escalating Middle East tensions"
    assert a1["published"] == "2025-11-16"
    removed = {r["text"] for r in a1["removed"]}
    assert {"Dark", "Light", "Latest News"} <= removed
    assert "Targeting Maria Karystianou: How an independent voice became a threat" in removed
    body = " ".join(a1["paragraphs"])
    for chrome in ("Dark", "Light", "Latest News", "Karystianou", "Greenland", "F-35"):
        assert chrome not in a1["paragraphs"] and chrome not in body
    a2 = arts[SEED_002]
    assert a2["author"] == "Sofia Babu Chacko"
    assert len(a2["embedded_posts"]) == 1
    post = a2["embedded_posts"][0]
    assert post["author"] == "@mfa_russia" and post["date"] == "2025-11-15"
    assert not any(p.startswith("ALSO READ") for p in a2["paragraphs"])
    assert not any("Sofia Babu Chacko is a journalist" in p for p in a2["paragraphs"])
    a0 = arts[SEED_000]
    assert len(a0["headings"]) == 6
    assert [r for r in a0["removed"] if r["text"].strip()] == []
    assert a0["title"] is None and a0["published"] is None


def test_reingest_adds_nothing(seeds_db, seeds_dir):
    before = run("articles", "--json", "--db", seeds_db).output
    result = run("ingest", str(seeds_dir), "--db", seeds_db, "--json")
    summary = json_lines(result.output)[-1]
    assert summary["new"] == 0 and summary["unchanged"] == 3 and summary["failed"] == 0
    assert run("articles", "--json", "--db", seeds_db).output == before


def test_show_and_search(seeds_db):
    arts = by_source(json_lines(run("articles", "--json", "--db", seeds_db).output))
    shown = json.loads(run("show", arts[SEED_001]["id"], "--json", "--db", seeds_db).output)
    assert shown["sentences"] and shown["entities"]
    assert any(d["text"].endswith("Saturday") and d["value"] == "2025-11-15" for d in shown["dates"])
    hits = json_lines(run("search", "Lukashenko", "--json", "--db", seeds_db).output)
    assert [h["article_id"] for h in hits if h["kind"] == "article"] == [arts[SEED_001]["id"]]
    lines = run("search", "phone call", "--db", seeds_db).output.splitlines()
    untitled = {a["id"] for a in arts.values() if not a["title"]}  # seeds 000 and 002 are page dumps with no title
    hit_untitled = [line for line in lines if line.split()[1] in untitled]
    assert hit_untitled and all("  (untitled): " in line for line in hit_untitled)


def test_brief_in_each_format_from_the_one_read_path(seeds_db):
    [story] = json_lines(run("stories", "--db", seeds_db, "--json").output)
    content = json.loads(run("brief", story["id"], "--db", seeds_db, "--format", "json").output)
    assert json.loads(run("brief", story["id"], "--db", seeds_db, "--json").output) == content
    md = run("brief", story["id"], "--db", seeds_db).output
    page = run("brief", story["id"], "--db", seeds_db, "--format", "html").output
    assert content["account"] and md.startswith(f"# {content['title']}")
    assert page.startswith('<article class="brief">') and page.rstrip().endswith("</article>")
    for x in content["account"] + content["differ"] + content["single_source"]:
        assert x["text"] in md
        escaped = x["text"].replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&#34;")
        assert escaped.replace("'", "&#39;") in page
    assert all(f"<cite>[{s['mark']}]</cite>" in page for s in content["sources"])
    assert run("brief", "nope", "--db", seeds_db, "--format", "html").exit_code != 0


def test_bad_inputs_are_reported_and_the_batch_goes_on(tmp_path, seeds_dir):
    bad = tmp_path / "in"
    bad.mkdir()
    shutil.copy(seeds_dir / SEED_001, bad / "good.txt")
    (bad / "empty.txt").write_bytes(b"")
    (bad / "binary.bin").write_bytes(bytes(range(256)) * 40)
    whole = gzip.compress(" ".join(f"sentence {i} of a long story." for i in range(4000)).encode())
    (bad / "cut.txt.gz").write_bytes(whole[: len(whole) // 2])
    (bad / "lines.jsonl").write_text('{"title": "Ok", "text": "Ministers met in Nairobi on Tuesday."}\n{"title": \n')
    db = str(tmp_path / "t.db")
    result = CliRunner().invoke(main, ["ingest", str(bad), "--db", db, "--json"], catch_exceptions=False)
    assert result.exit_code == 0
    summary = json_lines(result.output)[-1]
    assert summary["new"] == 2 and summary["failed"] >= 4
    for err in summary["errors"]:
        assert err.startswith("error: ") and "\n" not in err
    named = " ".join(summary["errors"])
    for name in ("empty.txt", "binary.bin", "cut.txt.gz", "lines.jsonl"):
        assert name in named
    failures = json_lines(run("failures", "--json", "--db", db).output)
    assert len(failures) == summary["failed"]
    # again: nothing duplicated, failures not recorded twice
    again = json_lines(CliRunner().invoke(main, ["ingest", str(bad), "--db", db, "--json"]).output)[-1]
    assert again["new"] == 0
    assert len(json_lines(run("failures", "--json", "--db", db).output)) == summary["failed"]
    assert len(json_lines(run("articles", "--json", "--db", db).output)) == 2


def test_exit_status_non_zero_only_when_nothing_could_be_read(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    result = CliRunner().invoke(main, ["ingest", str(tmp_path / "empty.txt"), "--db", str(tmp_path / "t.db")])
    assert result.exit_code != 0
    result = CliRunner().invoke(main, ["ingest", str(tmp_path / "missing.txt"), "--db", str(tmp_path / "t.db")])
    assert result.exit_code != 0


def test_console_script_from_stdin(tmp_path, seeds_dir):
    """The installed `newsfuse` command, as a user runs it, reading `-`."""
    exe = Path(sys.executable).with_name("newsfuse")
    db = str(tmp_path / "stdin.db")
    data = (seeds_dir / SEED_002).read_bytes()
    proc = subprocess.run(
        [str(exe), "ingest", "-", "--db", db, "--no-analysis"],
        input=data,
        capture_output=True,
        timeout=300,
        env={**os.environ},
    )
    assert proc.returncode == 0, proc.stderr.decode()
    out = subprocess.run([str(exe), "articles", "--json", "--db", db], capture_output=True, timeout=120)
    arts = json_lines(out.stdout.decode())
    assert len(arts) == 1 and arts[0]["source_path"] == "-" and arts[0]["author"] == "Sofia Babu Chacko"


def test_near_duplicate_is_linked_not_stored_twice(tmp_path, seeds_dir):
    text = (seeds_dir / SEED_000).read_text(encoding="utf-8")
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    edited = text.replace("have held a key phone conversation", "held an important phone conversation")
    assert edited != text
    (tmp_path / "b.txt").write_text("Dark\nLight\n\n" + edited, encoding="utf-8")
    db = str(tmp_path / "t.db")
    summary = json_lines(
        run("ingest", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "--db", db, "--json", "--no-analysis").output
    )[-1]
    assert summary["new"] == 1 and summary["duplicate"] == 1
    arts = by_source(json_lines(run("articles", "--json", "--db", db).output))
    assert arts["b.txt"]["duplicate_of"] == arts["a.txt"]["id"]


# ----------------------------------------------------------------------------- the read side: actors, quotes


def _actor_key(ref: dict) -> str:
    return ref["actor_id"] or ref["name"].casefold()


def test_actors_have_country_sector_role_and_the_counts_of_the_events(seeds_db):
    actors = json_lines(run("actors", "--json", "--db", seeds_db).stdout)
    putin = next(a for a in actors if "Putin" in a["name"])
    assert putin["country"] == "RUS" and putin["sector"] and putin["role"]
    events = json_lines(run("events", "--json", "--db", seeds_db).stdout)
    for actor in actors:  # every count is what the fused events say
        key = _actor_key(actor)
        as_source = sum(_actor_key(r) == key for e in events for r in e["source_actors"])
        as_target = sum(_actor_key(r) == key for e in events for r in e["target_actors"])
        assert (actor["as_source"], actor["as_target"], actor["events"]) == (
            as_source,
            as_target,
            as_source + as_target,
        )
    assert [a["events"] for a in actors] == sorted((a["events"] for a in actors), reverse=True)
    lines = run("actors", "--db", seeds_db).stdout.splitlines()
    assert any("Putin" in line and "RUS" in line for line in lines) and len(lines) == len(actors)


def test_quotes_with_their_speakers_and_by_speaker(seeds_db):
    every = json_lines(run("quotes", "--json", "--db", seeds_db).stdout)
    assert every and all(q["text"] and q["article_id"] for q in every)
    named = next(q for q in every if q["speaker"])
    surname = named["speaker"].split()[-1]
    chosen = json_lines(run("quotes", "--speaker", surname.upper(), "--json", "--db", seeds_db).stdout)
    assert named in chosen and len(chosen) <= len(every)
    for q in chosen:
        assert surname.casefold() in (q["speaker"] or "").casefold() + (q["speaker_text"] or "").casefold()
    assert run("quotes", "--speaker", "Nobody Atall", "--db", seeds_db).stdout == ""


# ----------------------------------------------------------------------------- export: a file, a folder, stdout


def test_export_jsonl_to_a_file_writes_that_one_file(seeds_db, tmp_path):
    out = tmp_path / "out.jsonl"
    result = run("export", "--format", "jsonl", str(out), "--db", seeds_db)
    assert result.exit_code == 0 and out.is_file()
    records = [json.loads(line) for line in out.read_text().splitlines()]
    kinds = [r["kind"] for r in records]
    assert kinds.count("article") == 3 and "event" in kinds and "mention" in kinds
    assert set(kinds) == {"article", "event", "mention"}
    assert result.stdout == f"wrote {out}\n"


def test_export_to_a_folder_when_out_is_one(seeds_db, tmp_path):
    result = run("export", "--format", "csv", str(tmp_path / "tables") + "/", "--db", seeds_db)
    assert result.exit_code == 0
    assert sorted(p.name for p in (tmp_path / "tables").iterdir()) == ["articles.csv", "events.csv", "mentions.csv"]
    result = run("export", "--format", "jsonl", str(tmp_path), "--what", "events", "--db", seeds_db)
    assert (tmp_path / "events.jsonl").is_file() and result.exit_code == 0


def test_export_to_standard_output(seeds_db, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run("export", "--format", "jsonl", "-", "--db", seeds_db)
    assert result.exit_code == 0 and not (tmp_path / "-").exists()
    records = json_lines(result.stdout)
    assert sum(r["kind"] == "article" for r in records) == 3
    events = run("export", "--format", "jsonl", "--what", "events", "-", "--db", seeds_db).stdout
    assert [json.loads(line) for line in events.splitlines()] == json_lines(  # guesses too, with confidence
        run("events", "--all", "--json", "--db", seeds_db).stdout
    )


def test_export_csv_of_every_table_into_one_file_is_a_one_line_error(seeds_db, tmp_path):
    result = run("export", "--format", "csv", str(tmp_path / "all.csv"), "--db", seeds_db)
    assert result.exit_code == 2 and not (tmp_path / "all.csv").exists()
    assert result.stderr.startswith("error: csv holds one table per file") and result.stderr.count("\n") == 1


# ----------------------------------------------------------------------------- bad options are errors


@pytest.mark.parametrize(
    "args, message",
    [
        (["events", "--since", "garbage"], "error: --since: 'garbage' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)\n"),
        (["events", "--until", "2025-13"], "error: --until: '2025-13' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)\n"),
        (
            ["timeline", "--since", "15/11/2025"],
            "error: --since: '15/11/2025' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)\n",
        ),
        (
            ["events", "--since", "2025-12", "--until", "2025-11-30"],
            "error: --since: '2025-12' is after --until '2025-11-30'\n",
        ),
        (
            ["timeline", "--actor", "Putin", "--actor", "Netanyahu", "--actor", "Lukashenko"],
            "error: --actor: at most 2 actors (one, or a pair), got 3\n",
        ),
        (["timeline", "--actor", " "], "error: --actor: an actor name, id or country code may not be blank\n"),
    ],
)
def test_bad_options_are_one_line_errors(seeds_db, args, message):
    result = run(*args, "--db", seeds_db)
    assert result.exit_code == 2
    assert result.stderr == message and result.stdout == ""


def test_good_dates_still_choose_events(seeds_db):
    since = json_lines(run("events", "--json", "--since", "2025-11-15", "--db", seeds_db).stdout)
    assert any(e["type"] == "CONSULT" and e["date"] == "2025-11-15" for e in since)
    assert all((e["date"] or "9999") >= "2025-11-15" for e in since)
    pair = json_lines(
        run(
            "timeline", "--actor", "Putin", "--actor", "Netanyahu", "--until", "2025", "--json", "--db", seeds_db
        ).stdout
    )
    assert any(e["type"] == "CONSULT" and e["date"] == "2025-11-15" for e in pair)


def _events_of_putin(db: str, n: int) -> None:
    putin, bibi = ActorRef("Vladimir Putin", "RUS", "GOV"), ActorRef("Benjamin Netanyahu", "ISR", "GOV")
    events = [
        Event(
            f"e{i}",
            "CONSULT",
            "phone",
            "040",
            f"2025-11-{i + 1:02d}",
            "day",
            (putin,),
            (bibi,),
            None,
            (),
            "occurred",
            (),
            (MentionRef(f"m{i}", "a1", None, "", 0, 1),),
        )
        for i in range(n)
    ]
    with open_store(db) as store:
        store.replace_events(events)


def test_cli_and_api_cap_a_timeline_alike_and_say_so(tmp_path, monkeypatch):
    db = str(tmp_path / "many.db")
    _events_of_putin(db, 4)
    monkeypatch.setattr(tell_queries, "MAX_EVENTS", 3)
    result = run("timeline", "--actor", "Putin", "--json", "--db", db)
    shown = json_lines(result.stdout)
    assert [e["date"] for e in shown] == ["2025-11-01", "2025-11-02", "2025-11-03"]
    assert result.stderr.startswith("note: only the first 3 events are shown")
    with TestClient(create_app(db), base_url="http://127.0.0.1", client=("127.0.0.1", 40000)) as api:
        doc = api.get("/timeline", params={"actor": "Putin"}).json()
    assert doc["capped"] is True and [e["date"] for e in doc["items"]] == [e["date"] for e in shown]
    assert run("events", "--db", db).stderr.startswith("note: only the first 3 events")
    monkeypatch.setattr(tell_queries, "MAX_EVENTS", 4)
    result = run("timeline", "--actor", "Putin", "--db", db)
    assert result.stderr == "" and len(result.stdout.splitlines()) == 4


def test_timeline_leaves_out_guesses_unless_asked(seeds_db):
    every = json_lines(run("timeline", "--all", "--json", "--db", seeds_db).output)
    shown = json_lines(run("timeline", "--json", "--db", seeds_db).output)
    from newsfuse.events.ontology import min_confidence

    assert every and all("confidence" in e for e in every)
    assert [e["id"] for e in shown] == [e["id"] for e in every if e["confidence"] >= min_confidence()]
    assert len(shown) < len(every)  # the seeds have events coded below the threshold


def test_events_leave_out_guesses_unless_asked_and_mark_them(seeds_db):
    """Seen on PolNeAR: `newsfuse events` listed "Scott Pruitt -> ? ASSAULT [occurred]" (confidence 0.18,
    from "It's an invasion, in our estimation, of the state regulatory domain") as any other event."""
    from newsfuse.events.ontology import min_confidence

    every = json_lines(run("events", "--all", "--json", "--db", seeds_db).output)
    shown = json_lines(run("events", "--json", "--db", seeds_db).output)
    assert [e["id"] for e in shown] == [e["id"] for e in every if e["confidence"] >= min_confidence()]
    assert len(shown) < len(every)
    lines = run("events", "--all", "--db", seeds_db).output.splitlines()
    guesses = [line for line in lines if "(guess: confidence" in line]
    assert len(guesses) == len(every) - len(shown)
    plain = run("events", "--db", seeds_db)
    assert "(guess" not in plain.stdout
    left_out = len(every) - len(shown)
    assert plain.stderr.startswith(f"note: {left_out} events coded below confidence {min_confidence():g} are left out")
    assert run("events", "--all", "--db", seeds_db).stderr == ""


def test_timeline_says_which_dates_are_only_implied_by_publication(seeds_db):
    events = json_lines(run("timeline", "--all", "--json", "--db", seeds_db).output)
    lines = [x for x in run("timeline", "--all", "--db", seeds_db).output.splitlines() if x.strip()]
    assert len(lines) == len(events)
    for e, line in zip(events, lines):
        assert ("implied)" in line) == e["date_implied"], line


# Libraries only the reading, exporting and serving commands use: a cold ingest must not pay for them.
NOT_FOR_INGEST = ("fastapi", "uvicorn", "starlette", "pyarrow", "networkx", "dask", "torch")
INGEST_AND_LIST_MODULES = """
import json, sys
from click.testing import CliRunner
from newsfuse.cli import main
result = CliRunner().invoke(main, sys.argv[1:], catch_exceptions=False)
assert result.exit_code == 0, result.output
print(json.dumps(sorted(sys.modules)))
"""


def test_a_cold_ingest_imports_no_server_export_or_read_side_module(seeds_dir, tmp_path):
    args = ["ingest", str(seeds_dir / SEED_001), "--db", str(tmp_path / "cold.db"), "--json"]
    proc = subprocess.run(
        [sys.executable, "-c", INGEST_AND_LIST_MODULES, *args], capture_output=True, text=True, timeout=300
    )
    assert proc.returncode == 0, proc.stderr
    modules = json.loads(proc.stdout.splitlines()[-1])
    roots = {m.split(".")[0] for m in modules}
    assert not roots & set(NOT_FOR_INGEST)
    assert not [m for m in modules if m.split(".")[:2] in (["newsfuse", p] for p in ("api", "web", "export", "tell"))]
    assert "newsfuse.nlp.pipeline" in modules and "newsfuse.actors.link" in modules  # it did analyse


def test_every_command_is_listed_and_loads_when_asked_for():
    listed = run("--help").output
    for name in ("ingest", "articles", "events", "timeline", "actors", "quotes", "brief", "export", "serve", "watch"):
        assert f"  {name} " in listed
        result = run(name, "--help")
        assert result.exit_code == 0 and "--db" in result.output, (name, result.output)


def test_python_dash_m_runs_the_same_command_line():
    proc = subprocess.run(
        [sys.executable, "-m", "newsfuse.cli", "serve", "--help"], capture_output=True, text=True, timeout=120
    )
    assert proc.returncode == 0, proc.stderr
    assert "--workers" in proc.stdout


@pytest.mark.parametrize("command", ["stories", "events", "articles", "failures"])
def test_a_listing_of_a_missing_store_says_so_and_creates_nothing(tmp_path, monkeypatch, command):
    monkeypatch.chdir(tmp_path)
    result = run(command, "--db", "typo.db")
    assert result.exit_code == 2
    assert result.output.strip() == (
        "error: no newsfuse store at 'typo.db': `newsfuse ingest FILES --db typo.db` creates one"
    )
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("command", [["stories"], ["ingest", "x.txt"], ["serve"]])
def test_a_store_url_of_another_kind_is_a_one_line_error_not_a_folder(tmp_path, monkeypatch, command):
    monkeypatch.chdir(tmp_path)
    result = run(*command, "--db", "mysql://host/news")
    assert result.exit_code == 2
    assert result.output.startswith("error: unsupported store 'mysql://host/news'")
    assert len(result.output.strip().splitlines()) == 1
    assert list(tmp_path.iterdir()) == []


def test_a_sqlite_url_names_the_file_as_sqlalchemy_reads_it(tmp_path, monkeypatch, seeds_dir):
    monkeypatch.chdir(tmp_path)
    assert run("ingest", str(seeds_dir / SEED_000), "--db", "sqlite:///rel.db").exit_code == 0
    absolute = tmp_path / "sub" / "abs.db"
    assert run("ingest", str(seeds_dir / SEED_000), "--db", f"sqlite:///{absolute}").exit_code == 0
    assert sorted(p.name for p in tmp_path.glob("**/*.db")) == ["abs.db", "rel.db"]
    listed = run("articles", "--db", "rel.db", "--json")
    assert len(json_lines(listed.output)) == 1


def test_show_finds_an_article_by_the_record_id_a_brief_cites_or_by_its_url(tmp_path):
    records = [
        {
            "id": "wire-0042",
            "url": "https://example.org/news/ocean-fund",
            "title": "Kenya asks for an ocean fund",
            "text": "Kenya asked United Nations members on Thursday to set up a fund to monitor plastic waste.",
        },
        {
            "id": "wire-0043",
            "title": "Ministers meet in Lisbon",
            "text": "The foreign ministers of Portugal and Indonesia met in Lisbon on Tuesday for three hours.",
        },
    ]
    path = tmp_path / "records.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8")
    db = str(tmp_path / "n.db")
    assert run("ingest", str(path), "--db", db).exit_code == 0
    by_record = json.loads(run("show", "wire-0042", "--db", db, "--json").stdout)
    by_url = json.loads(run("show", "https://example.org/news/ocean-fund", "--db", db, "--json").stdout)
    assert by_record["title"] == by_url["title"] == "Kenya asks for an ocean fund"
    assert json.loads(run("show", by_record["id"], "--db", db, "--json").stdout)["id"] == by_record["id"]
    missing = run("show", "wire-9999", "--db", db)
    assert missing.exit_code == 2
    assert missing.output.strip() == "error: no article has the id, record id or URL 'wire-9999'"
