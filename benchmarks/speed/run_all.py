"""Run the speed benchmarks with --json and rewrite the speed sections of benchmarks/RESULTS.md.

As ``benchmarks/accuracy/run_all.py`` does for accuracy: each script's JSON is kept in
``benchmarks/speed/last/NAME.json`` with the date, machine, package versions and the machine's load
before and after the run, and the section between the speed markers of RESULTS.md is rendered from
every kept object (``--only NAME`` reruns some and keeps the others' last figures, each section
saying when it was measured). Nothing in that section is typed by hand.

Usage: python benchmarks/speed/run_all.py [--only NAME ...] [--render]
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]


def _accuracy_runner() -> Any:
    """benchmarks/accuracy/run_all.py (a script, not a package), for its environment record."""
    spec = importlib.util.spec_from_file_location("accuracy_run_all", ROOT / "benchmarks" / "accuracy" / "run_all.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


environment = _accuracy_runner().environment

RESULTS = ROOT / "benchmarks" / "RESULTS.md"
LAST = ROOT / "benchmarks" / "speed" / "last"
BEGIN, END = "<!-- speed:begin -->", "<!-- speed:end -->"
WITH_PG = ["scripts/with-postgres.sh", sys.executable]
SKIPPED = {"machine", "_environment", "code"}  # said in each section's "Measured ..." line

# above 16,000: SQL doublings (benchmarks/fill_store.py); the 1,024,000 store (29 GB, about 40 minutes of
# doubling) is probed in place when there is no room for a copy, then deleted (the next run makes it again)
GROWTH_SIZES = "0,1000,4000,16000,64000,256000,512000,1024000"
GROWTH_TARGET = 1_000_000  # issue 17: flat from 1k to 1M stored

# name -> (title, command run from the repository root, what it measures)
RUNS: dict[str, tuple[str, list[str], str]] = {
    "ingest-real": (
        "Whole ingest against spaCy alone, real articles",
        [sys.executable, "benchmarks/ingest.py", "--real-ecbplus", "210"],
        "`newsfuse ingest` (read, clean, dedup, nlp, actors, events, embeddings, stories, fusion, "
        "SQLite store) on the first 210 ECB+ train documents as JSON records, against spaCy "
        "en_core_web_sm `nlp.pipe` alone on the same texts; each from a cold process. newsfuse runs as a "
        "user runs it: its default is one analysis process per core (`workers`); spaCy's `nlp.pipe` as "
        "called by default, in one process, is the target's anchor. Beside them: newsfuse with "
        "`--workers 1` (everything in one process) and spaCy with `n_process` = the cores. newsfuse's "
        "bytecode is compiled first, as an install compiles what it installs (spaCy's included).",
    ),
    "ingest": (
        "Ingest of generated articles",
        [sys.executable, "benchmarks/ingest.py", "--n", "5000", "--n-full", "1000"],
        "Articles generated from the sentences of `examples/` (recombined, so they are distinct "
        "articles, each a text page dump with chrome), ingested into a fresh SQLite file.",
    ),
    "growth": (
        "Cost per added article as the store grows",
        [
            sys.executable,
            "benchmarks/ingest.py",
            "--growth",
            GROWTH_SIZES,
            "--work",
            "/tmp/newsfuse-growth-stores",
        ],
        "Stores up to 16,000 articles filled with tagged copies of 48 analysed generated articles (through "
        "the real store and clusterer, batch by batch); larger stores are doublings of the 16,000 store at "
        "the SQL level (`benchmarks/fill_store.py`: every article-keyed row cloned with renamed ids, the "
        "clusterer's counts doubled: isomorphic clones with the same texts, names and keys, so each index "
        "key lists twice the stories per doubling, up to the clusterer's own caps; not what ingesting new "
        "texts would give). The filled stores are kept in the work folder and reused; each row's *fill* "
        "columns say how its store was filled, how long that took and under what load. Then new articles "
        "ingested in one call, and files ingested one at a time by one long-lived session (as `watch` "
        "takes a file that arrives alone), each on a copy of the store (the largest store, when the disk has "
        "no room for its copy, is probed itself and deleted after: its row says so); times in ms, with the "
        "part outside the analysis (dedup, stories, fusion, store) given apart. Right after each size, the "
        "same probes run on a fresh copy of the 1,000 store (its *reference* columns), and each size is "
        "compared with that reference: the machine's pace drifts over a run (the analysis, which reads no "
        "store, ran 44-51 % slower at 64,000 stored in two runs, at 512,000 and 1M in another), so the two "
        "are measured in the same state of the machine; the change from the 1,000 store's own row, minutes "
        "apart, is given beside it.",
    ),
    "watch": (
        "Files dropped one by one into `watch`",
        [sys.executable, "benchmarks/watch_load.py", "--files", "1000", "--max-minutes", "8"],
        "Generated articles dropped one at a time (written beside the folder, renamed in) into a folder "
        "watched by the real `newsfuse watch --interval 0.25 --json`, at 0.8x the rate of a batch "
        "ingest of the same files measured just before (warm process, fresh SQLite store each); a "
        "file is stored when `watch` prints its line (articles, stories, fusion, checkpoint committed); "
        "then the same files all dropped at once into a fresh `watch` and store (a backlog): its files per second "
        "against the batch's is the throughput figure (the paced run's cannot exceed its pace); "
        "the run stops after 8 minutes, and files not stored by then count as over 2 s.",
    ),
    "understanding": (
        "Understanding stage against spaCy alone",
        [sys.executable, "benchmarks/understanding.py"],
        "TimeBank's 183 real articles, same process, same texts: newsfuse `nlp.annotate` (sentences, "
        "tokens, entities, dates, quotes) + `actors.link` against spaCy `nlp.pipe`.",
    ),
    "bounded": (
        "Bounded work per document",
        [sys.executable, "benchmarks/bounded.py"],
        "One generated single-line text per size, each `newsfuse ingest FILE --db NEW.db` in a fresh "
        "process (the 3,000-character file is the anchor: the fixed cost of a cold process).",
    ),
    "api": (
        "API under load",
        [sys.executable, "benchmarks/api_load.py", "--workers", "2"],
        "Store of 100,000 synthetic events (SQLite), `newsfuse serve --workers 2` on 127.0.0.1, "
        "32 concurrent clients for 30 s over the read endpoints; the load generator runs on the same "
        "cores.",
    ),
    "dask": (
        "Dask: 1 against 2 workers",
        [*WITH_PG, "benchmarks/scale.py", "--parts", "dask", "--n-dask", "5000", "--n-dask-full", "400"],
        "`ingest --dask` on a LocalCluster of 1 and then 2 worker processes, generated articles, a fresh "
        "SQLite store each time: full analysis on the workers, and read+clean only.",
    ),
    "stores": (
        "Stores: SQLite against PostgreSQL, and queries on a million events",
        [*WITH_PG, "benchmarks/scale.py", "--parts", "store,query"],
        "Read+clean+dedup+store into SQLite and PostgreSQL 15 (local server); events by actor name + "
        "one-year range on stores of 1M synthetic events.",
    ),
    "story-growth": (
        "Adding an article to a big story",
        [sys.executable, "benchmarks/story_growth.py", "--probes", "5"],
        "One story grown from generated near-duplicate articles (made in the script, not through the NLP "
        "stages) to 10, 40, 100, 1,000 and 5,000 members; at each size it is saved whole into a fresh SQLite "
        "store and 5 more articles join it through the store, each opened by key (fresh: a CLI ingest) or "
        "by one clusterer kept open (session: `watch`); per added article, the bytes of the story's rows "
        "read by the add and written, ms of the add, the save and the story record fusion keeps, and the "
        "bytes that record reads. The flatness ratio is taken from the first size past the story's member "
        "window (24 members kept for the split check, `split_window`): below it the kept members grow with "
        "the story up to the window, a bounded cost (the 10-member row shows it).",
    ),
    "fusion": (
        "Fusion as the store grows",
        [sys.executable, "benchmarks/scale.py", "--parts", "fusion"],
        "Fusing 200 new articles' event mentions into SQLite stores of N synthetic articles (one mention "
        "each, five articles a story, 60 actors, 8 types, one year): the incremental fusion of an "
        "ingest against a full re-fusion of the same store (up to 100,000 stored; above, 'not run'). "
        "One store grows through the sizes, filled in bulk with one stand-in event per mention; the "
        "block the added articles reach (its size is given) is fused exactly before the timing, and "
        "read cold; CPU seconds beside wall seconds (the machine is shared).",
    ),
}


# ---------------------------------------------------------------------- targets (issue 17)


def _num(obj: Any, *path: str) -> float | None:
    for key in path:
        if not isinstance(obj, dict) or key not in obj:
            return None
        obj = obj[key]
    return obj if isinstance(obj, (int, float)) else None


def _check(label: str, value: float | None, ok: Callable[[float], bool]) -> str:
    if value is None:
        return f"{label}: not measured"
    return f"{label}: {value} — {'met' if ok(value) else '**not met**'}"


def _growth_changes(rows: dict, sizes: list[int], part: str, key: str, paired: bool = False) -> dict[int, float]:
    """Per store size, the change in per cent of ``rows[size][part][key]`` from 1,000 stored: from the
    1,000 store's own row, or (``paired``) from the 1,000 store probed right after that size (its
    ``reference``), in the same state of the machine."""
    out = {}
    for size in sizes:
        row = rows.get(size) or {}
        base = _num(row.get("reference"), part, key) if paired else _num(rows.get(1000), part, key)
        value = _num(row, part, key)
        if base and value:
            out[size] = round(100 * (value / base - 1), 1)
    return out


# CPU time beside the growth probe's times: the load moves it far less than the time (no verdict: the
# target is on the time, and the CPU time leaves out the waits for the disk, counted beside it); the
# analysis's share and a fixed loop's are controls: the same work at every size, reading no store, so a
# size where they moved too moved with the machine; SQLite's steps are a count, which the machine does not move
GROWTH_CPU = (
    ("CPU time per article of one ingest call (this process, all stages)", "one_call", "cpu_ms_per_article"),
    ("CPU time per watched file (mean, all stages)", "watch", "cpu_ms_per_file"),
    ("CPU time per watched file in the analysis (reads no store: a control)", "watch", "cpu_ms_analysis_per_file"),
    ("CPU time of a fixed loop just before the watched files (a control)", "watch", "machine_ms_before"),
    ("SQLite steps per watched file (thousands of VM instructions, counted)", "watch", "sql_steps_k_per_file"),
)


GROWTH_TIMES = (
    ("median time per watched file (all stages)", "watch", "ms_per_file_median"),
    ("time per article of one ingest call (all stages, the call's set-up included)", "one_call", "ms_per_article"),
)


def _growth_unpaired(rows: dict, sizes: list[int]) -> list[str]:
    """The same times against the 1,000 store's own row, probed minutes apart (no verdict: the machine's
    pace drifts between them)."""
    return _growth_beside(rows, sizes, GROWTH_TIMES, "the 1,000 store's own row")


def _growth_cpu(rows: dict, sizes: list[int]) -> list[str]:
    return _growth_beside(rows, sizes, GROWTH_CPU, "1,000 stored")


def _growth_beside(rows: dict, sizes: list[int], measures: tuple, since: str) -> list[str]:
    """One "beside it" line per measure: its change at each size from the 1,000 store's row, no verdict."""
    lines = []
    for label, part, key in measures:
        changes = _growth_changes(rows, sizes, part, key)
        if changes:
            each = ", ".join(f"{size:,}: {changes[size]:+} %" for size in sizes if size in changes)
            lines.append(f"beside it, {label}, change from {since}: {each}")
    return lines


def _growth_verdict(change: float, big: int) -> str:
    """Within ±25 % or not (``change``: the largest change from 1,000 stored, at any size measured), and
    whether the measured range reaches the target's 1,000,000 stored."""
    within = abs(change) <= 25
    if big >= GROWTH_TARGET:
        return "met" if within else "**not met** (outside ±25 %)"
    return (
        "within ±25 % this far" if within else "**outside ±25 %**"
    ) + f"; the target runs to {GROWTH_TARGET:,} stored, measured to {big:,}: **not met** until it is"


def targets(name: str, r: dict[str, Any]) -> list[str]:
    if name == "ingest-real":
        return [
            _check("ratio to spaCy words/s (target ≥ 0.8)", _num(r, "real", "ratio"), lambda v: v >= 0.8),
            _check(
                "articles/s, full analysis (target ≥ 15)", _num(r, "real", "ingest_articles_per_s"), lambda v: v >= 15
            ),
            f"beside it: `--workers 1` ratio {_num(r, 'real', 'one_process_ratio')}; ratio to spaCy on every "
            f"core (`n_process` {_num(r, 'real', 'workers')}): {_num(r, 'real', 'ratio_to_spacy_all_cores')}",
        ]
    if name == "growth":
        rows = {row.get("store_articles"): row for row in r.get("growth", []) if "watch" in row}
        sizes = sorted(k for k in rows if isinstance(k, int) and k > 1000)
        if 1000 not in rows or not sizes:
            return ["median time per watched file (all stages) from 1,000 stored on: not measured"]
        big = sizes[-1]
        paired = all("reference" in rows[size] for size in sizes)
        lines = []
        for label, part, key in GROWTH_TIMES:
            changes = _growth_changes(rows, sizes, part, key, paired)
            if not changes:
                lines.append(f"{label}: not measured")
                continue
            worst = max(changes, key=lambda size: abs(changes[size]))
            each = ", ".join(f"{size:,}: {changes[size]:+} %" for size in sizes if size in changes)
            since = "the 1,000 store probed right after each size" if paired else "1,000 stored"
            lines.append(
                f"{label}, change from {since} ({each}); the largest, at {worst:,}: {changes[worst]:+} % — "
                + _growth_verdict(changes[worst], big)
            )
        if paired:
            lines += _growth_unpaired(rows, sizes)
        lines += _growth_cpu(rows, sizes)
        lines += [
            f"{size:,} stored: not measured ({row.get('not_filled') or row.get('not_probed')})"
            for size, row in ((row.get("store_articles"), row) for row in r.get("growth", []))
            if "watch" not in row
        ]
        return lines
    if name == "fusion":
        sizes = (r.get("fusion") or {}).get("sizes") or {}
        if not sizes:
            return ["fusion of 200 added articles: not measured"]
        big = max(sizes, key=int)
        seconds = _num(sizes[big], "incremental_seconds")
        line = f"incremental fusion of 200 added articles into {int(big):,} stored: {seconds} s " + (
            "(under 2 s" if seconds is not None and seconds < 2 else "(**over 2 s**"
        )
        if int(big) >= 1_000_000:
            return [line + ") — " + ("met" if seconds is not None and seconds < 2 else "**not met**")]
        return [line + "); the target is at 1,000,000 stored, not measured: **not met** until it is"]
    if name == "watch":
        w = r.get("watch") or {}
        return [
            _check(
                "files stored more than 2 s after their drop (target 0)", _num(w, "files_over_2_s"), lambda v: v == 0
            ),
            _check(
                "watch throughput with every file waiting / batch ingest throughput (target ≥ 0.8)",
                _num(r.get("backlog") or {}, "throughput_vs_batch"),
                lambda v: v >= 0.8,
            ),
        ]
    if name == "understanding":
        return [_check("ratio to spaCy words/s (target ≥ 0.8)", _num(r, "ratio"), lambda v: v >= 0.8)]
    if name == "api":
        return [
            _check("p95 over all read endpoints, ms (target < 300)", _num(r, "p95_ms"), lambda v: v < 300),
            _check("errors (target 0)", _num(r, "errors"), lambda v: v == 0),
        ]
    if name == "dask":
        speedup = _num(r, "dask", "full analysis", "speedup_2_vs_1")
        return [_check("Dask 2 workers / 1 worker, full analysis (target ≥ 1.7)", speedup, lambda v: v >= 1.7)]
    if name == "story-growth":
        ratios = {k: v for k, v in r.items() if "_read_bytes_ratio_" in k}
        return [
            _check(
                f"{k.replace('_', ' ')}: story rows read per join, add and record (target ≤ 1.25, flat)",
                v,
                lambda x: x <= 1.25,
            )
            for k, v in sorted(ratios.items())
        ]
    if name == "bounded":
        return [f"{row.get('chars'):,} characters: {row.get('verdict')}" for row in r.get("results", [])]
    return []


# ---------------------------------------------------------------------- running


def run(argv: list[str]) -> dict[str, Any]:
    """Run one script with --json; its JSON is the last top-level object it prints (one line, or an
    indented block starting at a line that is just "{")."""
    proc = subprocess.run(
        [*argv, "--json"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1"},
    )
    sys.stdout.write(proc.stdout[-4000:])
    sys.stderr.write(proc.stderr[-3000:])
    if proc.returncode != 0:
        return {"error": f"exit {proc.returncode}: {proc.stderr.strip().splitlines()[-1:]}"}
    return last_json(proc.stdout)


def last_json(stdout: str) -> dict[str, Any]:
    lines = stdout.splitlines()
    for i in range(len(lines) - 1, -1, -1):
        if lines[i].startswith("{"):
            try:
                return json.loads("\n".join(lines[i:]))
            except json.JSONDecodeError:
                continue
    return {"error": "no JSON object in the script's output"}


def keep(name: str, result: dict[str, Any], load_before: float) -> None:
    result["_environment"] = {
        **environment(),
        "load_1min_before": round(load_before, 1),
        "load_1min_after": round(os.getloadavg()[0], 1),
    }
    LAST.mkdir(parents=True, exist_ok=True)
    (LAST / f"{name}.json").write_text(json.dumps(result, indent=1, sort_keys=True) + "\n", encoding="utf-8")


# ---------------------------------------------------------------------- rendering


def _cell(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:,.3f}".rstrip("0").rstrip(".") if abs(value) < 100 else f"{value:,.1f}"
    if isinstance(value, int) and not isinstance(value, bool):
        return f"{value:,}"
    if isinstance(value, (list, dict)):
        return f"{len(value)} items" if value else "–"
    return str(value).replace("|", "/").replace("\n", " ")[:120]


def _table(rows: list[dict[str, Any]], first: str | None = None) -> list[str]:
    keys: list[str] = []
    for row in rows:
        keys += [k for k, v in row.items() if k not in keys and not isinstance(v, (list, dict))]
    if not keys:
        return []
    out = ["| " + " | ".join(k.replace("_", " ") for k in keys) + " |", "|" + " --- |" * len(keys)]
    out += ["| " + " | ".join(_cell(row.get(k, "–")) for k in keys) + " |" for row in rows]
    return out


def tables(obj: Any, label: str = "") -> list[str]:
    """Every figure of a result, as tables: scalars of a dict in one row; a list of dicts, or a dict
    whose values are dicts, as one row each (the key as the first column); deeper levels below."""
    if isinstance(obj, list) and obj and all(isinstance(x, dict) for x in obj):
        out = [f"*{label}*", ""] if label else []
        return out + _table([_flat(x) for x in obj]) + [""]
    if not isinstance(obj, dict):
        return []
    out: list[str] = []
    scalars = {k: v for k, v in obj.items() if not isinstance(v, (list, dict)) and k not in SKIPPED}
    if scalars:
        out += ([f"*{label}*", ""] if label else []) + _table([scalars]) + [""]
    nested = {k: v for k, v in obj.items() if isinstance(v, dict) and k not in SKIPPED}
    if nested and all(all(not isinstance(x, (list, dict)) for x in v.values()) for v in nested.values()):
        rows = [{"": k, **v} for k, v in _in_order(nested)]
        out += ([f"*{label}: by kind*", ""] if label else []) + _table(rows) + [""]
    else:
        for key, value in _in_order(nested):
            out += tables(value, f"{label} › {key}" if label else key)
    for key, value in obj.items():
        if isinstance(value, list) and key not in SKIPPED:
            out += tables(value, f"{label} › {key}" if label else key)
    return out


def _flat(row: dict[str, Any]) -> dict[str, Any]:
    """A row whose values are dicts of figures ("watch": {"ms_per_file_median": ...}) as columns
    "watch › ms_per_file_median"."""
    out: dict[str, Any] = {}
    for key, value in row.items():
        if isinstance(value, dict):
            out.update({f"{key} › {k}": v for k, v in value.items() if not isinstance(v, (list, dict))})
        else:
            out[key] = value
    return out


def _in_order(mapping: dict[str, Any]) -> list[tuple[str, Any]]:
    """Keys that are numbers (store sizes) in numeric order; others as the script gave them."""
    if mapping and all(k.isdigit() for k in mapping):
        return sorted(mapping.items(), key=lambda kv: int(kv[0]))
    return list(mapping.items())


def _load_reading(env: dict[str, Any]) -> str:
    loads = [v for v in (env.get("load_1min_before"), env.get("load_1min_after")) if isinstance(v, (int, float))]
    cores = env.get("cores")
    if loads and isinstance(cores, int) and max(loads) <= cores:
        return "at or below the core count"
    return (
        "above the core count: the benchmark's own processes or other jobs shared the cores, so absolute "
        "speeds may be low; ratios measured within one run stay comparable"
    )


def render_one(name: str, r: dict[str, Any]) -> list[str]:
    title, argv, what = RUNS[name]
    command = " ".join(a if a != sys.executable else "python" for a in argv)
    env = r.get("_environment", {})
    lines = [f"### {title} (`{command}`)", "", what, ""]
    lines.append(
        f"Measured {env.get('date', '?')} on {env.get('arch', '?')}, {env.get('cores', '?')} cores, "
        f"Python {env.get('python', '?')}; 1-minute load average {env.get('load_1min_before', '?')} before "
        f"and {env.get('load_1min_after', '?')} after the run ({_load_reading(env)})."
    )
    lines.append("")
    if "error" in r:
        return lines + [f"**The last run failed**: {r['error']}", ""]
    checks = targets(name, r)
    if checks:
        lines += [f"- {c}" for c in checks] + [""]
    return lines + tables(r)


def render() -> None:
    lines = ["## Speed (`python benchmarks/speed/run_all.py`)", ""]
    for name in RUNS:
        path = LAST / f"{name}.json"
        if path.exists():
            lines += render_one(name, json.loads(path.read_text(encoding="utf-8")))
        else:
            lines += [f"### {RUNS[name][0]}", "", "Not run yet.", ""]
    text = RESULTS.read_text(encoding="utf-8")
    if BEGIN not in text or END not in text:
        sys.exit(f"{RESULTS}: no {BEGIN} ... {END} markers to render between")
    head, _, rest = text.partition(BEGIN)
    _, _, tail = rest.partition(END)
    RESULTS.write_text(head + BEGIN + "\n" + "\n".join(lines).rstrip() + "\n" + END + tail, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="*", choices=list(RUNS), help="rerun these, keep the others' last figures")
    parser.add_argument("--render", action="store_true", help="only render RESULTS.md from the kept JSON")
    args = parser.parse_args()
    if not args.render:
        for name in args.only or list(RUNS):
            print(f"== {name}", flush=True)
            load_before = os.getloadavg()[0]
            keep(name, run(RUNS[name][1]), load_before)
    render()


if __name__ == "__main__":
    main()
