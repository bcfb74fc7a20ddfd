"""What an ingest costs the store, counted rather than timed (issue 17: cost per added article as the
store grows). On a loaded machine the growth probe's timings move with the load; these counts do not:
SQL statements run, the steps SQLite's engine took to run them (its virtual machine's instructions, in
thousands, each call into the engine counted in whole hundreds: rows visited and written, whether
their pages were in its cache or not; a lower bound, the same for the same statements), read calls (nearly
all of them SQLite's page reads: misses of its own page cache, served by the OS cache or the disk),
bytes the disk served (the kernel's storage reads), bytes
written (the WAL's frames, the input copies, whatever the process writes), the
candidate stories the story clusterer scored (at most ``max_candidates`` per article, by design), and
the process's CPU time (user + system; other processes move it far less than they move the wall clock).
With ``by_statement`` the read calls and disk bytes are also told per kind of SQL statement (its text
with the values and IN lists folded): each statement is charged what was read from its start to the
next statement's (its fetches; the Python work in between reads next to nothing from files).
"""

from __future__ import annotations

import os
import re
import time
from pathlib import Path
from typing import Any

PROC_IO = Path("/proc/self/io")
_LITERAL = re.compile(r"[Xx]'[0-9A-Fa-f]*'|'(?:[^']|'')*'|-?\b\d+(?:\.\d+)?\b")
_LIST = re.compile(r"\?(?:\s*,\s*\?)+")


def process_io() -> dict[str, int]:
    """This process's I/O counters (Linux; empty elsewhere): syscr (read calls), read_bytes (from storage)."""
    if not PROC_IO.exists():
        return {}
    fields = (line.split(":") for line in PROC_IO.read_text().splitlines())
    return {name.strip(): int(value) for name, value in fields}


def statement_kind(sql: str) -> str:
    """A traced (expanded) statement without its values: literals as ``?``, an IN list as ``?...``."""
    return " ".join(_LIST.sub("?...", _LITERAL.sub("?", sql)).split())


class StatementReads:
    """Read calls and bytes from storage per kind of statement, sampled from /proc/self/io at each
    statement's start through an open descriptor (one read call per sample, taken off the count)."""

    def __init__(self) -> None:
        self.fd = os.open(PROC_IO, os.O_RDONLY)
        self.kinds: dict[str, list[int]] = {}  # kind -> [statements, read calls, bytes from storage]
        self.current: str | None = None
        self.samples = 0  # read calls of its own since ``start``, taken off StoreWork's count too
        self.last = self._sample()

    def _sample(self) -> tuple[int, int]:
        self.samples += 1
        fields = dict(line.split(":") for line in os.pread(self.fd, 4096, 0).decode().splitlines())
        return int(fields["syscr"]), int(fields["read_bytes"])

    def statement(self, sql: str) -> None:
        now = self._sample()
        self._charge(now)
        self.current = statement_kind(sql)
        self.kinds.setdefault(self.current, [0, 0, 0])[0] += 1

    def _charge(self, now: tuple[int, int]) -> None:
        if self.current is not None:
            found = self.kinds[self.current]
            found[1] += now[0] - self.last[0] - 1
            found[2] += now[1] - self.last[1]
        self.last = now

    def start(self) -> None:
        self.kinds, self.current, self.samples = {}, None, 0
        self.last = self._sample()

    def per(self, per: int) -> list[dict[str, Any]]:
        """Each kind's statements, read calls and disk KiB per article or file, most read calls first."""
        self._charge(self._sample())
        self.current = None
        rows = [
            {
                "statement": kind,
                "runs": round(runs / per, 1),
                "read_calls": round(calls / per, 1),
                "disk_read_kib": round(read / 1024 / per, 1),
            }
            for kind, (runs, calls, read) in self.kinds.items()
        ]
        return sorted(rows, key=lambda r: (-r["read_calls"], -r["disk_read_kib"], r["statement"]))


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


SQL_STEPS = 100  # SQLite VM instructions per call of the progress handler (counted per call into the engine)


class StoreWork:
    """Counts the work done through one SQLite store between ``start`` and ``counts``."""

    def __init__(self, store: Any, by_statement: bool = False) -> None:
        self.statements = 0
        self.steps = 0  # hundreds of SQLite VM instructions
        self.by_statement = StatementReads() if by_statement else None
        self.io: dict[str, int] = {}
        self.io_counted: dict[str, int] = {}  # at the last ``counts``
        self.candidates = 0
        self.cpu = 0.0
        CandidateCount.install()
        store._conn.set_trace_callback(self._statement)
        store._conn.set_progress_handler(self._steps, SQL_STEPS)

    def _statement(self, sql: str) -> None:
        self.statements += 1
        if self.by_statement is not None:
            self.by_statement.statement(sql)

    def _steps(self) -> int:
        self.steps += 1
        return 0  # go on with the statement

    def start(self) -> None:
        self.statements = 0
        self.steps = 0
        self.io = process_io()
        self.candidates = CandidateCount.scored
        self.cpu = time.process_time()
        if self.by_statement is not None:
            self.by_statement.start()

    def counts(self, per: int) -> dict[str, Any]:
        """What was counted since ``start``, per article or file (``per`` of them)."""
        per = max(per, 1)
        kinds = self.by_statement.per(per) if self.by_statement is not None else None
        now = self.io_counted = process_io()
        out = {
            "sql_statements": round(self.statements / per, 1),
            "sql_steps_k": round(self.steps * SQL_STEPS / 1000 / per, 1),
            "candidate_stories": round((CandidateCount.scored - self.candidates) / per, 2),
            "cpu_ms": round(1000 * (time.process_time() - self.cpu) / per, 1),
        }
        own = self.by_statement.samples if self.by_statement is not None else 0
        if now and self.io:
            out["read_calls"] = round((now["syscr"] - self.io["syscr"] - own) / per, 1)
            out["disk_read_kib"] = round((now["read_bytes"] - self.io["read_bytes"]) / 1024 / per, 1)
            out["written_kib"] = round((now["wchar"] - self.io["wchar"]) / 1024 / per, 1)
        if kinds is not None:
            out["reads_by_statement"] = kinds
        return out

    def closing(self, per: int) -> dict[str, float]:
        """Read calls and disk KiB per article or file since ``counts``: what closing the store read
        (its checkpoint copies the WAL's pages back into the file), outside the timed work."""
        now = process_io()
        if not now or not self.io_counted:
            return {}
        per = max(per, 1)
        return {
            "read_calls_closing": round((now["syscr"] - self.io_counted["syscr"]) / per, 1),
            "disk_read_kib_closing": round((now["read_bytes"] - self.io_counted["read_bytes"]) / 1024 / per, 1),
        }
