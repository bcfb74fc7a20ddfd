"""The speed section of RESULTS.md is rendered from the scripts' JSON: reading it back from a script's
output, and every figure of it reaching the page."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location("speed_run_all", ROOT / "benchmarks" / "speed" / "run_all.py")
assert _spec is not None and _spec.loader is not None
speed = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(speed)


def test_last_json_reads_one_line_and_indented_objects():
    assert speed.last_json('progress\n{"a": 1}\n') == {"a": 1}
    indented = json.dumps({"p95_ms": 12.5, "endpoints": {"search": {"p50_ms": 3.0}}}, indent=2)
    assert speed.last_json("built store\n" + indented + "\n") == {
        "p95_ms": 12.5,
        "endpoints": {"search": {"p50_ms": 3.0}},
    }
    assert "error" in speed.last_json("no json here\n")


def test_every_figure_of_a_result_is_rendered():
    result = {
        "p95_ms": 287.4,
        "errors": 0,
        "requests": 12345,
        "endpoints": {"search": {"p50_ms": 3.25, "requests": 40}, "events page": {"p50_ms": 9.5, "requests": 77}},
        "_environment": {"date": "2026-12-04", "cores": 2, "arch": "x86_64", "python": "3.11.7"},
    }
    text = "\n".join(speed.render_one("api", result))
    for figure in ("287.4", "12,345", "3.25", "9.5", "77", "2026-12-04"):
        assert figure in text
    assert "p95 over all read endpoints, ms (target < 300): 287.4 — met" in text
    assert "errors (target 0): 0 — met" in text


def test_a_list_of_rows_becomes_one_table():
    rows = [
        {"store_articles": 0, "watch": {"ms_per_file_median": 46.0}},
        {"store_articles": 4000, "watch": {"ms_per_file_median": 301.5}},
    ]
    text = "\n".join(speed.tables({"growth": rows}))
    assert "| store articles | watch › ms per file median |" in text
    assert "| 4,000 | 301.5 |" in text


def test_the_growth_cpu_time_is_given_beside_the_times_without_a_verdict():
    def row(size: int, ms: float, cpu: float) -> dict:
        return {
            "store_articles": size,
            "one_call": {"ms_per_article": ms, "cpu_ms_per_article": cpu},
            "watch": {"ms_per_file_median": ms, "cpu_ms_per_file": cpu},
        }

    lines = speed.targets("growth", {"growth": [row(1000, 40.0, 60.0), row(256000, 60.0, 61.5)]})
    assert any("one ingest call" in line and "+50.0 %" in line and "not met" in line for line in lines)
    cpu = [line for line in lines if line.startswith("beside it, CPU time")]
    assert len(cpu) == 2 and all("256,000: +2.5 %" in line and "met" not in line for line in cpu)


def test_a_failed_run_is_said_not_hidden():
    text = "\n".join(speed.render_one("bounded", {"error": "exit 1: ['boom']"}))
    assert "**The last run failed**: exit 1" in text


def test_the_script_refuses_a_page_without_markers(tmp_path, monkeypatch):
    page = tmp_path / "RESULTS.md"
    page.write_text("# no markers\n", encoding="utf-8")
    monkeypatch.setattr(speed, "RESULTS", page)
    monkeypatch.setattr(speed, "LAST", tmp_path / "last")
    try:
        speed.render()
    except SystemExit as exc:
        assert "markers" in str(exc)
    else:
        raise AssertionError("render wrote a page without markers")
    assert page.read_text(encoding="utf-8") == "# no markers\n"


def test_render_replaces_only_the_speed_section(tmp_path, monkeypatch):
    page = tmp_path / "RESULTS.md"
    page.write_text(f"# top\n{speed.BEGIN}\nold\n{speed.END}\nkept below\n", encoding="utf-8")
    last = tmp_path / "last"
    last.mkdir()
    (last / "understanding.json").write_text(json.dumps({"ratio": 0.91, "articles": 183}), encoding="utf-8")
    monkeypatch.setattr(speed, "RESULTS", page)
    monkeypatch.setattr(speed, "LAST", last)
    speed.render()
    text = page.read_text(encoding="utf-8")
    assert text.startswith("# top\n") and text.endswith("kept below\n") and "old" not in text
    assert "ratio to spaCy words/s (target ≥ 0.8): 0.91 — met" in text
    assert "Not run yet." in text  # the runs with no kept JSON say so


def test_help_runs():
    out = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "speed" / "run_all.py"), "--help"], capture_output=True, text=True
    )
    assert out.returncode == 0 and "--only" in out.stdout


def test_the_growth_controls_are_given_beside_the_cpu_time():
    def row(size: int, analysis: float, loop: float, steps: float) -> dict:
        watch = {"ms_per_file_median": 70.0, "cpu_ms_per_file": 90.0, "cpu_ms_analysis_per_file": analysis}
        watch |= {"machine_ms_before": loop, "sql_steps_k_per_file": steps}
        return {"store_articles": size, "one_call": {"ms_per_article": 70.0}, "watch": watch}

    lines = speed.targets("growth", {"growth": [row(1000, 70.0, 14.0, 150.0), row(64000, 105.0, 21.0, 151.5)]})
    beside = {line.split(" (")[0].removeprefix("beside it, "): line for line in lines if line.startswith("beside it")}
    assert "64,000: +50.0 %" in beside["CPU time per watched file in the analysis"]
    assert "64,000: +50.0 %" in beside["CPU time of a fixed loop just before the watched files"]
    assert "64,000: +1.0 %" in beside["SQLite steps per watched file"]


def test_growth_compares_each_size_with_the_reference_probed_beside_it():
    """A size is compared with the 1,000 store probed right after it (the machine's pace drifts over a
    run); the change from the 1,000 store's own row, minutes apart, stays beside it without a verdict."""

    def probes(ms: float) -> dict:
        return {"one_call": {"ms_per_article": ms}, "watch": {"ms_per_file_median": ms}}

    rows = [
        {"store_articles": 1000, **probes(70.0)},
        {"store_articles": 64000, **probes(120.0), "reference": probes(100.0)},
        {"store_articles": 1024000, **probes(80.0), "reference": probes(70.0)},
    ]
    lines = speed.targets("growth", {"growth": rows})
    watch = next(line for line in lines if line.startswith("median time per watched file"))
    assert "from the 1,000 store probed right after each size (64,000: +20.0 %, 1,024,000: +14.3 %)" in watch
    assert watch.endswith("— met")
    unpaired = [line for line in lines if "1,000 store's own row" in line]
    assert len(unpaired) == 2 and all("64,000: +71.4 %" in line and "met" not in line for line in unpaired)
