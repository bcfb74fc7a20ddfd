"""CPU of storing and fusing each group of watched files, by quarter of the run (issue 17).

``watch`` stores the files one poll finds as one group: admit, store (articles, mentions, stories),
then re-fuse the block of events the group reaches, then checkpoint. This runs the same steps in
this process, without the watch's workers or its timing: ``benchmarks/watch_load.py``'s own
generated files (seed 97), read, cleaned and analysed once (cached in ``--cache``, a pickle), then
stored ``--group`` files at a time into a fresh SQLite store. It prints the CPU seconds
(``time.process_time``) per group of the store step and of the fusion step, mean by quarter of the
run: whether a group's cost stays flat as the store grows. Timings are CPU, not wall: comparable back
to back on a loaded machine. ``--profile N`` writes a cProfile of the fusion of group N.

Usage: python benchmarks/fusion_groups.py [--files 1000] [--group 6] [--cache DIR] [--profile N]
       [--repeat R] [--json]
"""

from __future__ import annotations

import argparse
import cProfile
import json
import pickle
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

import ingest as ingest_bench  # noqa: E402  (benchmarks/ingest.py: the article generator)
from watch_load import SEED  # noqa: E402

from newsfuse.model import InputFile  # noqa: E402
from newsfuse.pipeline import IngestSession, IngestSummary, analyse_storable, read_and_clean  # noqa: E402
from newsfuse.store import open_store  # noqa: E402
from newsfuse.stories.embed import TEXT_WORD_PIECES  # noqa: E402


def analysed_files(files: int, cache: Path) -> list[tuple[list, list]]:
    """Per generated file: (its articles, their storable analyses), made once and cached."""
    path = cache / f"analysed-{files}-{SEED}.pickle"
    if path.exists():
        return pickle.loads(path.read_bytes())
    folder = cache / f"files-{files}"
    folder.mkdir(parents=True, exist_ok=True)
    ingest_bench.generate(folder, files, seed=SEED)
    out = []
    for p in sorted(folder.iterdir()):
        _, articles, _ = read_and_clean(InputFile.of(str(p), p.read_bytes()))
        analyses, _ = analyse_storable(articles, None, TEXT_WORD_PIECES)
        out.append((articles, analyses))
    path.write_bytes(pickle.dumps(out))
    return out


def run(files: list[tuple[list, list]], group: int, profile: int | None, profile_out: Path) -> list[dict]:
    """Store and fuse the files ``group`` at a time into a fresh store; CPU seconds of each group's steps."""
    out = []
    profiler = cProfile.Profile()
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(str(Path(tmp) / "groups.db"))
        session = IngestSession(store)
        for g, start in enumerate(range(0, len(files), group)):
            part = files[start : start + group]
            by_id = {x.article_id: x for _, analyses in part for x in analyses}
            t0 = time.process_time()
            summary = IngestSummary()
            session.admit([a for articles, _ in part for a in articles], summary)
            batch = list(session.pending)
            session.store_storable(batch, [by_id[a.id] for a, _ in batch if a.id in by_id])
            t1 = time.process_time()
            profiled = profile is not None and g >= profile
            if profiled:
                profiler.enable()
            session.update_stories_and_events()
            if profiled:
                profiler.disable()
            t2 = time.process_time()
            with store.transaction():
                store.set_state("fusion_groups:checkpoint", json.dumps([start, len(part)]).encode())
            out.append({"stored": start + len(part), "store_s": t1 - t0, "fusion_s": t2 - t1})
        session.close()
        store.close()
    if profile is not None:
        profiler.dump_stats(str(profile_out))
    return out


def by_quarter(groups: list[dict], files: int) -> list[dict]:
    quarters = []
    for q in range(4):
        lo, hi = q * files / 4, (q + 1) * files / 4
        part = [g for g in groups if lo < g["stored"] <= hi]
        quarters.append(
            {
                "quarter": q,
                "groups": len(part),
                "store_ms": round(1000 * statistics.fmean(g["store_s"] for g in part), 1),
                "fusion_ms": round(1000 * statistics.fmean(g["fusion_s"] for g in part), 1),
            }
        )
    return quarters


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--files", type=int, default=1000)
    ap.add_argument("--group", type=int, default=6)
    ap.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "newsfuse-fusion-groups")
    ap.add_argument("--profile", type=int, default=None, help="profile the fusions from this group on")
    ap.add_argument("--profile-out", type=Path, default=Path("fusion_group.prof"))
    ap.add_argument("--repeat", type=int, default=1)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    files = analysed_files(args.files, args.cache)
    runs = [by_quarter(run(files, args.group, args.profile, args.profile_out), args.files) for _ in range(args.repeat)]
    if args.json:
        print(json.dumps({"files": args.files, "group": args.group, "runs": runs}))
        return
    print(f"{args.files} files, groups of {args.group}: CPU ms per group, mean by quarter of the files stored")
    for i, quarters in enumerate(runs):
        store = " / ".join(f"{q['store_ms']:6.1f}" for q in quarters)
        fusion = " / ".join(f"{q['fusion_ms']:6.1f}" for q in quarters)
        print(f"run {i}: store {store}   fusion {fusion}")


if __name__ == "__main__":
    main()
