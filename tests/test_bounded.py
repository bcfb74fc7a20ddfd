"""Bounded work per document: over-long lines split, analysis capped, a time limit, Ctrl-C at once."""

from __future__ import annotations

import os
import signal
import time

import pytest

from newsfuse import events
from newsfuse.analysis import analysed_part
from newsfuse.clean.long_lines import split_line, split_long_lines
from newsfuse.ingest import iter_inputs
from newsfuse.model import Article, Block
from newsfuse.nlp import pipeline as nlp_pipeline
from newsfuse.pipeline import analyse, ingest_paths, read_and_clean
from newsfuse.store import open_store


def _clean_file(path) -> list:
    articles = []
    for item in iter_inputs([str(path)]):
        _fmt, found, errors = read_and_clean(item)
        assert not errors
        articles += found
    return articles


@pytest.fixture(scope="module")
def seed_paragraphs(seeds_dir) -> list[str]:
    paragraphs: list[str] = []
    for path in sorted(seeds_dir.glob("*.txt")):
        for article in _clean_file(path):
            paragraphs += article.paragraphs
    return paragraphs


@pytest.fixture()
def one_line_file(tmp_path, seed_paragraphs):
    """The three seed articles' paragraphs, three times over, as one single line (over 20,000 characters)."""
    line = " ".join(seed_paragraphs * 3)
    assert len(line) > 20_000
    path = tmp_path / "one-line.txt"
    path.write_text(line + "\n", encoding="utf-8")
    return path, line


def test_a_single_line_article_is_cut_into_paragraphs_at_sentence_ends(one_line_file):
    path, line = one_line_file
    (article,) = _clean_file(path)
    paragraphs = article.paragraphs
    assert len(paragraphs) >= 12
    assert " ".join(paragraphs) == line  # nothing lost, nothing added, order kept
    for p in paragraphs[:-1]:
        assert p.rstrip("\"'”’)»").endswith((".", "!", "?", "…")), p[-40:]
        assert len(p) >= 1500
    assert all(r.line == 1 for r in article.removed)  # line numbers are the input's


def test_the_cut_is_never_after_an_abbreviation_or_inside_a_quotation():
    sentence = "Mr. Lavrov met Dr. Stone and J. Smith in the capital on Monday to talk about trade. "
    pieces = split_line(sentence * 200)
    assert len(pieces) > 2
    assert all(p.endswith("trade.") for p in pieces)
    quoted = 'He said: "' + "We will stay. We will not leave. " * 120 + '" Then he left. ' + "It rained. " * 300
    first = split_line(quoted)[0]
    assert first.endswith("Then he left.")  # the quotation (about 4,000 characters) stays in one piece


def test_lines_without_sentence_ends_are_cut_at_spaces_and_short_lines_stay():
    pieces = split_line("word " * 10_000)
    assert len(pieces) == 3 and all(len(p) <= 20_000 for p in pieces)
    lines = ["Title", "short line.", "A whole article on one line. " * 600, "x " * 12_000]
    pieces, origin = split_long_lines(lines)
    assert pieces[:3] == lines[:3] and origin[:3] == [0, 1, 2]  # up to 20,000 characters a line stays whole
    assert len(pieces) == 5 and origin[3:] == [3, 3]


def test_the_parser_sees_the_capped_part_and_the_article_keeps_the_rest(tmp_path, monkeypatch, one_line_file, capsys):
    path, line = one_line_file
    monkeypatch.setattr(nlp_pipeline, "max_analysed_chars", lambda: 2000)
    with open_store(str(tmp_path / "cap.db")) as store:
        summary = ingest_paths(store, [str(path)])
        assert summary.new == 1
        (article_id,) = summary.new_ids
        article = store.article(article_id)
        annotated = store.annotations(article_id)  # the store round-trips the flag
        mentions = store.mentions()
    assert " ".join(article.paragraphs) == line  # the whole text is stored
    cap = annotated.analysed_chars
    assert cap is not None and 1000 < cap <= 2000
    assert annotated.sentences and max(s.end for s in annotated.sentences) <= cap
    assert all(t.end <= cap for t in annotated.tokens) and all(q.end <= cap for q in annotated.quotes)
    assert all(m.end <= cap for m in mentions if m.article_id == article_id)
    assert f"analysis capped at {cap} of {len(article.text)} characters" in capsys.readouterr().err


def test_an_article_under_the_cap_is_analysed_whole(seeds_dir):
    articles = _clean_file(sorted(seeds_dir.glob("*.txt"))[0])
    (result,) = analyse(articles)
    assert result.annotated.analysed_chars is None
    assert result.annotated.sentences[-1].end == len(articles[0].text)


def test_analysed_part_is_the_text_prefix():
    article = Article(
        id="a",
        source_path="a",
        format="text",
        title=None,
        published=None,
        outlet=None,
        author=None,
        blocks=(Block("heading", "Head"), Block("paragraph", "One two. Three four."), Block("paragraph", "Five six.")),
    )
    for chars in (4, 10, 26, 30, 37, 40):  # block ends or inside a block (the cap never ends in a blank line)
        assert analysed_part(article, chars).text == article.text[:chars]


def _slow_events_for(marker: str, stuck: list[float], then=None):
    """The real event stage, but stuck for 30 s (as on a pathological document) for texts containing
    ``marker``; ``stuck`` gets how long each stuck call lasted before it was cut off."""
    real = events.extract_events

    def extract(annotated):
        if marker in annotated.article.text:
            started = time.monotonic()
            try:
                if then:
                    then()
                for _ in range(600):
                    time.sleep(0.05)
            finally:
                stuck.append(time.monotonic() - started)
        return real(annotated)

    return extract


def _small_file(folder, seeds_dir, name: str):
    path = folder / name
    path.write_bytes(sorted(seeds_dir.glob("*.txt"))[2].read_bytes())
    return path


def test_a_document_past_the_time_limit_is_a_one_line_error_and_the_batch_goes_on(tmp_path, monkeypatch, seeds_dir):
    slow = tmp_path / "a-slow.txt"
    slow.write_text("Zorblat officials met on Monday. They talked about the weather for a long time.\n")
    small = _small_file(tmp_path, seeds_dir, "b-small.txt")
    stuck: list[float] = []
    monkeypatch.setattr(events, "extract_events", _slow_events_for("Zorblat", stuck))
    lines: list[str] = []
    with open_store(str(tmp_path / "limit.db")) as store:
        summary = ingest_paths(store, [str(slow), str(small)], time_limit=8, on_error=lines.append)
        stored = [a.source_path for a in store.articles()]
        failures = list(store.failures())
    assert lines == [f"error: {slow}: analysis took longer than 8 s"]
    assert stored == [str(small)]
    assert [f["path"] for f in failures] == [str(slow)]
    assert (summary.new, summary.failed, summary.interrupted) == (1, 1, False)
    # cut off twice: in the batch (8 s for the batch), then analysed alone (8 s for it alone)
    assert len(stuck) == 2 and all(t < 8 for t in stuck)


def test_ctrl_c_stops_at_once_with_the_finished_batches_stored(tmp_path, monkeypatch, seeds_dir):
    first = _small_file(tmp_path, seeds_dir, "a-first.txt")
    stuck = tmp_path / "b-stuck.txt"
    stuck.write_text("Zorblat officials met on Monday. They talked about the weather for a long time.\n")
    pressed: list[float] = []

    def press_ctrl_c():
        pressed.append(time.monotonic())
        os.kill(os.getpid(), signal.SIGINT)

    monkeypatch.setattr(events, "extract_events", _slow_events_for("Zorblat", [], then=press_ctrl_c))
    with open_store(str(tmp_path / "int.db")) as store:
        summary = ingest_paths(store, [str(first), str(stuck)], batch_size=1, time_limit=None)
        stopped = time.monotonic()
        stored = [a.source_path for a in store.articles()]
    assert pressed and stopped - pressed[0] < 2
    assert summary.interrupted and summary.new == 1
    assert stored == [str(first)]
