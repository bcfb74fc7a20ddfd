"""The fusion section of the speed results: sizes above the full re-fusion's limit say "not run", and
the 2 s target is judged at 1,000,000 stored."""

from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location("speed_run_all_fusion", ROOT / "benchmarks" / "speed" / "run_all.py")
assert _spec is not None and _spec.loader is not None
speed = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(speed)


def fusion_result(big: int, seconds: float) -> dict:
    return {
        "fusion": {
            "added_per_step": 200,
            "sizes": {
                "10000": {"block_articles": 205, "incremental_seconds": 0.25, "full_refusion_seconds": 10.4},
                str(big): {"block_articles": 257, "incremental_seconds": seconds, "full_refusion_seconds": "not run"},
            },
        }
    }


def test_a_million_stored_under_2_s_meets_the_target_and_not_run_is_shown():
    text = "\n".join(speed.render_one("fusion", fusion_result(1_000_000, 0.41)))
    assert "into 1,000,000 stored: 0.41 s (under 2 s) — met" in text
    assert "not run" in text and "257" in text


def test_a_million_stored_over_2_s_is_not_met_and_a_smaller_store_does_not_judge_it():
    assert speed.targets("fusion", fusion_result(1_000_000, 2.5))[0].endswith("(**over 2 s**) — **not met**")
    assert "not measured: **not met** until it is" in speed.targets("fusion", fusion_result(200_000, 0.4))[0]
