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

from newsfuse.cli import main

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
    proc = subprocess.run([str(exe), "ingest", "-", "--db", db, "--no-analysis"], input=data, capture_output=True,
                          timeout=300, env={**os.environ})
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
    summary = json_lines(run("ingest", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "--db", db, "--json",
                             "--no-analysis").output)[-1]
    assert summary["new"] == 1 and summary["duplicate"] == 1
    arts = by_source(json_lines(run("articles", "--json", "--db", db).output))
    assert arts["b.txt"]["duplicate_of"] == arts["a.txt"]["id"]
