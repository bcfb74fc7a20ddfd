"""What an ingest costs the store, counted rather than timed (issue 17: cost per added article as the
store grows). On a loaded machine the growth probe's timings move with the load; these counts do not:
SQL statements run, read calls (nearly all of them SQLite's page reads: misses of its own page cache,
served by the OS cache or the disk), bytes the disk served (the kernel's storage reads), the
candidate stories the story clusterer scored (at most ``max_candidates`` per article, by design), and
the process's CPU time (user + system; other processes move it far less than they move the wall clock).
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

PROC_IO = Path("/proc/self/io")


def process_io() -> dict[str, int]:
    """This process's I/O counters (Linux; empty elsewhere): syscr (read calls), read_bytes (from storage)."""
    if not PROC_IO.exists():
        return {}
    fields = (line.split(":") for line in PROC_IO.read_text().splitlines())
    return {name.strip(): int(value) for name, value in fields}


class CandidateCount:
    """Candidate stories the clusterer scored, counted from its ``_candidates`` (patched once per process)."""

    scored = 0

    @classmethod
    def install(cls) -> None:
        from newsfuse.stories.cluster import StoryClusterer

        original = StoryClusterer._candidates
        if getattr(original, "counted", False):
            return

        def counted(self: Any, keys: list[str]) -> list:
            found = original(self, keys)
            cls.scored += len(found)
            return found

        counted.counted = True  # type: ignore[attr-defined]
        StoryClusterer._candidates = counted  # type: ignore[method-assign]


class StoreWork:
    """Counts the work done through one SQLite store between ``start`` and ``counts``."""

    def __init__(self, store: Any) -> None:
        self.statements = 0
        self.io: dict[str, int] = {}
        self.candidates = 0
        self.cpu = 0.0
        CandidateCount.install()
        store._conn.set_trace_callback(self._statement)

    def _statement(self, sql: str) -> None:
        self.statements += 1

    def start(self) -> None:
        self.statements = 0
        self.io = process_io()
        self.candidates = CandidateCount.scored
        self.cpu = time.process_time()

    def counts(self, per: int) -> dict[str, float]:
        """What was counted since ``start``, per article or file (``per`` of them)."""
        now = process_io()
        per = max(per, 1)
        out = {
            "sql_statements": round(self.statements / per, 1),
            "candidate_stories": round((CandidateCount.scored - self.candidates) / per, 2),
            "cpu_ms": round(1000 * (time.process_time() - self.cpu) / per, 1),
        }
        if now and self.io:
            out["read_calls"] = round((now["syscr"] - self.io["syscr"]) / per, 1)
            out["disk_read_kib"] = round((now["read_bytes"] - self.io["read_bytes"]) / 1024 / per, 1)
        return out
