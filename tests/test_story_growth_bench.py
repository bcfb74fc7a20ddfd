"""The big-story probe (benchmarks/story_growth.py): every probe article joins the one story, the bytes
a join reads and writes stay flat as the story grows (its row, its last chunk and the keys its article
brings: the story's keys, which grow with it, are on keys rows of their own), and its record
reads nothing more and is as big at 90 articles as at 30 (its article ids are listed by the store)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from newsfuse.stories.cluster import StoryClusterer

ROOT = Path(__file__).resolve().parents[1]


def _load():
    spec = importlib.util.spec_from_file_location("story_growth_bench", ROOT / "benchmarks" / "story_growth.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


story_growth = _load()


def test_probes_join_the_one_story_and_neither_the_join_nor_the_record_grows_with_it(tmp_path: Path) -> None:
    gen, builder = story_growth.Generator(), StoryClusterer()
    rows = []
    for k in range(90):  # (both sizes past the members a story keeps: its row's bound)
        builder.add(gen.item(f"a{k}", k))
        if k + 1 in (30, 90):
            rows.append(story_growth.measured(builder, gen, k + 1, 2, tmp_path))
    for row in rows:
        assert row["stories"] == 1
        for mode in ("fresh", "session"):
            assert row[mode]["joined"] == 1.0
    small, big = rows
    for mode in ("fresh", "session"):  # a join reads and writes the story's row and its last chunk only
        assert big[mode]["read_bytes"] < 1.5 * small[mode]["read_bytes"]
        assert big[mode]["written_bytes"] < 1.5 * small[mode]["written_bytes"]
        assert big[mode]["record_read_bytes"] == small[mode]["record_read_bytes"] == 0
        assert big[mode]["record_bytes"] < 1.1 * small[mode]["record_bytes"]
    assert big["row"]["embs"] == small["row"]["embs"] == 0  # (the chunk rows hold the story's embeddings)
    assert "head:keys" not in big["row"] and big["row"]["keys_rows"] > small["row"]["keys_rows"]  # (its keys rows)
