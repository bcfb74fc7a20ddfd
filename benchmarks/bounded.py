"""Bounded work per document: one huge single-line text file, ingested from a fresh process.

Generates single-line English-like texts (fixed seed: sentences from templates with generated
names, places, numbers and quotations, so that nearly every word 5-gram is distinct, like real
prose), then runs ``newsfuse ingest FILE --db NEW.db`` for each in a fresh process and prints its
wall time, CPU time and peak memory (the child's own rusage) beside the targets of issue 17:
  1 MB   ingested (or refused with a one-line error) within 10 s
  12 MB  within 60 s and 1 GB
The anchor is the same command on a 3 KB file of the same text, in the same run: the fixed cost
of a cold process (imports, models) that every figure includes.
Usage: python benchmarks/bounded.py [--sizes 3000,1000000,12000000] [--json]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = 17
TARGETS = {1_000_000: (10.0, None), 12_000_000: (60.0, 1024.0)}  # size -> (seconds, MB)

SYLLABLES = [
    "ka",
    "lo",
    "ren",
    "ta",
    "vi",
    "mor",
    "sel",
    "an",
    "dru",
    "bek",
    "os",
    "li",
    "na",
    "tor",
    "es",
    "gar",
    "mi",
    "pol",
    "ur",
    "zen",
    "fa",
    "ri",
    "dom",
    "ke",
    "sha",
]
TITLES = ["President", "Minister", "Senator", "General", "Governor", "Mayor", "Judge", "Ambassador"]
BODIES = [
    "council",
    "ministry",
    "central bank",
    "parliament",
    "army",
    "trade commission",
    "union",
    "court",
    "electoral board",
    "health agency",
    "port authority",
    "opposition party",
]
VERBS = [
    "met",
    "criticised",
    "announced talks with",
    "signed an agreement with",
    "accused",
    "visited",
    "rejected an offer from",
    "praised",
    "warned",
    "called on",
    "pledged aid to",
    "sanctioned",
    "thanked",
]
WHEN = [
    "on Monday",
    "on Tuesday",
    "last week",
    "in January",
    "late on Friday",
    "this morning",
    "on Sunday evening",
    "two days ago",
    "on {day} {month} {year}",
    "in {month} {year}",
]
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
TAILS = [
    "after a long dispute over {thing}",
    "as the price of {thing} rose by {n} percent",
    "amid unrest in {place}",
    "despite earlier promises on {thing}",
    "in a statement",
    "during a visit to {place}",
    "according to local media in {place}",
    "before the vote on {thing}",
    "to ease tensions over {thing}",
    "with {n} delegates present",
]
THINGS = [
    "water rights",
    "grain",
    "fuel",
    "the new port",
    "fishing quotas",
    "bread",
    "rail fares",
    "the border",
    "pensions",
    "the census",
    "road tolls",
    "medicine",
]
QUOTES = [
    '"We will not accept {thing} on these terms," {person} said.',
    '{person} said the plan was "a step in the right direction for {place}."',
    '"The talks in {place} were useful," said {person}.',
    "{person} told reporters that {n} people had been detained in {place}.",
]


class Generator:
    """Deterministic English-like prose with a large vocabulary of generated names."""

    def __init__(self, seed: int = SEED) -> None:
        self.rng = random.Random(seed)

    def word(self, syllables: int) -> str:
        return "".join(self.rng.choice(SYLLABLES) for _ in range(syllables)).capitalize()

    def person(self) -> str:
        return f"{self.rng.choice(TITLES)} {self.word(2)} {self.word(self.rng.choice((2, 3)))}"

    def place(self) -> str:
        return self.word(self.rng.choice((2, 3)))

    def actor(self) -> str:
        r = self.rng.random()
        if r < 0.4:
            return self.person()
        if r < 0.7:
            return f"The {self.rng.choice(BODIES)} of {self.place()}"
        return f"Officials in {self.place()}"

    def fill(self, template: str) -> str:
        return template.format(
            thing=self.rng.choice(THINGS),
            place=self.place(),
            person=self.person(),
            n=self.rng.randrange(2, 900),
            day=self.rng.randrange(1, 29),
            month=self.rng.choice(MONTHS),
            year=self.rng.randrange(1990, 2026),
        )

    def sentence(self) -> str:
        if self.rng.random() < 0.15:
            return self.fill(self.rng.choice(QUOTES))
        obj = self.actor()
        obj = obj[0].lower() + obj[1:] if obj.startswith(("The ", "Officials")) else obj
        return self.fill(
            f"{self.actor()} {self.rng.choice(VERBS)} {obj} {self.rng.choice(WHEN)} {self.rng.choice(TAILS)}."
        )

    def text(self, size: int) -> str:
        """One line of about ``size`` characters (whole sentences), ending in a newline."""
        out: list[str] = []
        total = 0
        while total < size:
            s = self.sentence()
            out.append(s)
            total += len(s) + 1
        return " ".join(out)[: size - 1].rsplit(" ", 1)[0] + "\n"


def ingest_once(path: Path, db: Path) -> dict:
    """``newsfuse ingest PATH`` in a fresh process: wall seconds, peak RSS (MB), exit status, stderr lines."""
    cmd = [str(ROOT / ".venv" / "bin" / "newsfuse"), "ingest", str(path), "--db", str(db), "--json"]
    env = dict(os.environ, HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1")
    err_path = db.with_suffix(".stderr")
    with open(err_path, "wb") as err, open(os.devnull, "wb") as out:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=out, stderr=err, env=env)
        _pid, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
    lines = [x for x in err_path.read_text(errors="replace").splitlines() if x.startswith(("error:", "warning:"))]
    return {
        "wall_s": round(wall, 2),
        "cpu_s": round(usage.ru_utime + usage.ru_stime, 2),
        "peak_rss_mb": round(usage.ru_maxrss / 1024, 1),
        "exit": os.waitstatus_to_exitcode(status),
        "messages": lines,
    }


def verdict(size: int, wall: float, rss: float) -> str:
    """Each target of this size, met or missed ("anchor" for a size without targets)."""
    if size not in TARGETS:
        return "anchor"
    seconds, mb = TARGETS[size]
    parts = [f"{'meets' if wall <= seconds else 'misses'} {seconds:g} s"]
    if mb is not None:
        parts.append(f"{'meets' if rss <= mb else 'misses'} {mb:g} MB")
    return ", ".join(parts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="3000,1000000,12000000", help="characters per generated file")
    parser.add_argument("--json", action="store_true", help="only the final JSON line")
    args = parser.parse_args()
    sizes = [int(x) for x in args.sizes.split(",")]
    results = []
    with tempfile.TemporaryDirectory(prefix="newsfuse-bounded-") as tmp:
        for size in sizes:
            path = Path(tmp) / f"single-line-{size}.txt"
            path.write_text(Generator(SEED).text(size), encoding="utf-8")
            r = {"chars": size, **ingest_once(path, Path(tmp) / f"bounded-{size}.db")}
            r["verdict"] = verdict(size, r["wall_s"], r["peak_rss_mb"])
            results.append(r)
            if not args.json:
                print(
                    f"{size:>10,} chars  {r['wall_s']:7.1f} s wall  {r['cpu_s']:7.1f} s cpu  "
                    f"{r['peak_rss_mb']:7.1f} MB  exit {r['exit']}  "
                    f"{r['verdict']}",
                    flush=True,
                )
                for line in r["messages"]:
                    print(f"{'':12}{line[:110]}")
    machine = f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    load = os.getloadavg()[0]
    print(
        json.dumps(
            {
                "benchmark": "bounded",
                "date": datetime.now(UTC).strftime("%Y-%m-%d"),
                "machine": machine,
                "load_1min": round(load, 1),
                "seed": SEED,
                "results": results,
            }
        )
    )


if __name__ == "__main__":
    sys.exit(main())
