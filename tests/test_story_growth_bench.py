"""The big-story probe (benchmarks/story_growth.py): every probe article joins the one story, and the
story's row bytes read per join grow with the story (what the benchmark is there to show)."""

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


def test_probes_join_the_one_story_and_its_bytes_grow_with_it(tmp_path: Path) -> None:
    gen, builder = story_growth.Generator(), StoryClusterer()
    rows = []
    for k in range(40):
        builder.add(gen.item(f"a{k}", k))
        if k + 1 in (10, 40):
            rows.append(story_growth.measured(builder, gen, k + 1, 2, tmp_path))
    for row in rows:
        assert row["stories"] == 1
        for mode in ("fresh", "session"):
            assert row[mode]["joined"] == 1.0
    small, big = rows
    assert big["fresh"]["read_bytes"] > small["fresh"]["read_bytes"]
    assert big["row"]["embs"] > small["row"]["embs"]
