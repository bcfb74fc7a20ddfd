"""Load on the running API: a bounded number of concurrent clients for a bounded time.

Builds (once) a store of synthetic fused events (default 100,000; generated, not extracted: the
point is the serving path), starts `newsfuse serve --workers N` on a free 127.0.0.1 port in a
child process, and has
CLIENTS concurrent clients issue read requests for DURATION seconds over real HTTP (each client
keeps one HTTP/1.1 connection and waits for its answer before the next request, so at most CLIENTS
requests are in flight). Prints requests/s,
p50/p95/p99 latency overall and per endpoint, and the error count (non-2xx or transport errors).

Usage: .venv/bin/python benchmarks/api_load.py [--db PATH] [--events 100000] [--clients 32]
       [--duration 30] [--workers 1] [--json]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any
from urllib.parse import quote

import httpx
import psutil

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from newsfuse.model import ActorRef, Article, Block, Detail, Event, MentionRef, Story  # noqa: E402
from newsfuse.store import open_store  # noqa: E402
from newsfuse.store.base import EventFilter  # noqa: E402

COUNTRIES = ["RUS", "ISR", "USA", "FRA", "DEU", "CHN", "IND", "BRA", "TUR", "IRN", "EGY", "QAT", "UKR", "GBR"]
ACTORS = [
    ActorRef(f"Leader {c} {i}", c, "GOV", "President", f"person:leader-{c.lower()}-{i}")
    for c in COUNTRIES
    for i in range(8)
]
TYPES = ["CONSULT", "AGREE", "ACCUSE", "ASSAULT", "AID", "SANCTION", "PROTEST", "REQUEST", "THREATEN", "SUPPORT"]
CAMEO = {
    "CONSULT": "040",
    "AGREE": "030",
    "ACCUSE": "112",
    "ASSAULT": "180",
    "AID": "070",
    "SANCTION": "160",
    "PROTEST": "140",
    "REQUEST": "020",
    "THREATEN": "130",
    "SUPPORT": "051",
}
WORDS = ["ceasefire", "talks", "sanctions", "border", "energy", "election", "summit", "aid", "strike", "port"]
OUTLETS = ["Wire A", "Wire B", "Daily C", "Times D", "Herald E", "Post F"]


def build_store(db: str, n_events: int, seed: int = 7) -> None:
    """Synthetic articles, stories and n_events fused events, written through the Store interface."""
    rng = random.Random(seed)
    store = open_store(db)
    n_articles = max(n_events // 20, 10)
    articles = []
    with store.transaction():
        for i in range(n_articles):
            words = rng.sample(WORDS, 3)
            text = f"Officials discussed {words[0]} and {words[1]} on day {i}. Analysts expect {words[2]} next."
            blocks = (Block("paragraph", text),)
            a = Article(
                id=f"{i:016x}",
                source_path=f"gen/{i}.txt",
                format="text",
                title=f"Report {i} on {words[0]}",
                published=f"2025-{1 + i % 12:02d}-{1 + i % 28:02d}",
                outlet=OUTLETS[i % len(OUTLETS)],
                author=None,
                blocks=blocks,
                story_id=f"story-{i // 5:06d}",
            )
            store.add_article(a)
            articles.append(a)
    store.save_stories(
        Story(
            f"story-{j:06d}",
            f"Story {j}",
            tuple(a.id for a in articles[j * 5 : (j + 1) * 5]),
            articles[j * 5].published,
            articles[j * 5].published,
        )
        for j in range(n_articles // 5)
    )

    def event(k: int) -> Event:
        etype = rng.choice(TYPES)
        src, tgt = rng.sample(ACTORS, 2)
        reports = rng.sample(articles, rng.randint(1, 4))
        date = f"{rng.randint(2015, 2025)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        mentions = tuple(MentionRef(f"m{k}-{j}", a.id, a.outlet, a.text[:60], 0, 60) for j, a in enumerate(reports))
        details = (
            Detail("date", date, tuple(a.id for a in reports)),
            Detail("topic", rng.choice(WORDS), (reports[0].id,), (), len(reports) == 1),
        )
        return Event(
            f"ev{k:08d}",
            etype,
            None,
            CAMEO[etype],
            date,
            "day",
            (src,),
            (tgt,),
            None,
            (rng.choice(WORDS),),
            "occurred",
            details,
            mentions,
            reports[0].story_id,
        )

    store.replace_events(event(k) for k in range(n_events))
    store.close()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(db: str, port: int, workers: int = 1) -> subprocess.Popen:
    """`newsfuse serve` as a user starts it, with `workers` server processes."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    cmd = [sys.executable, "-m", "newsfuse.cli", "serve", "--db", db, "--port", str(port), "--workers", str(workers)]
    proc = subprocess.Popen(cmd, env=env, start_new_session=True)
    deadline = time.monotonic() + 180  # two workers importing the app on a busy machine take a while
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/stories?limit=1", timeout=2).status_code == 200:
                return proc
        except httpx.HTTPError:
            time.sleep(0.2)
    os.killpg(proc.pid, signal.SIGKILL)  # its worker processes too: they would outlive it
    proc.wait()
    raise RuntimeError("server did not start")


def server_cpu_seconds(pid: int) -> float:
    """CPU seconds (user + system) used so far by the server process and its worker processes."""
    total = 0.0
    root = psutil.Process(pid)
    for proc in [root, *root.children(recursive=True)]:
        try:
            times = proc.cpu_times()
        except psutil.NoSuchProcess:
            continue
        total += times.user + times.system
    return total


def request_mix(rng: random.Random, event_ids: list[str]) -> tuple[str, str]:
    """(endpoint label, path) drawn from a read mix an analyst's tools would send."""
    actor = rng.choice(ACTORS)
    choices = [
        (30, "events page", f"/events?limit=50&after={rng.choice(event_ids)}"),
        (15, "events by actor", f"/events?actor={actor.country}&limit=50"),
        (10, "events by type+dates", f"/events?type={rng.choice(TYPES)}&since=2020-01-01&until=2021-12-31&limit=50"),
        (20, "event by id", f"/events/{rng.choice(event_ids)}"),
        (8, "stories", "/stories?limit=50"),
        (7, "articles", "/articles?limit=20"),
        (7, "search", f"/search?q={rng.choice(WORDS)}"),
        (3, "timeline pair", f"/timeline?actor={actor.name}&actor={rng.choice(ACTORS).name}"),
    ]
    weights = [c[0] for c in choices]
    _, label, path = rng.choices(choices, weights=weights)[0]
    return label, path


class HTTPConnection:
    """One client's HTTP/1.1 keep-alive connection over asyncio streams: GET a path, read the status
    line, the headers and the whole body (Content-Length). A few dozen microseconds of client CPU a
    request, where httpx's AsyncClient spent about 5 ms: with the client on the same two cores as
    the server, that made the figure as much the client's as the server's."""

    def __init__(self, host: str, port: int):
        self.host, self.port = host, port
        self.request_head = f"Host: {host}:{port}\r\nAccept: application/json\r\n\r\n".encode()
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def get(self, path: str) -> int:
        """The answer's status; the connection is opened when needed and closed on any failure."""
        try:
            async with asyncio.timeout(60):
                return await self._get(path)
        except BaseException:
            self.close()
            raise

    async def _get(self, path: str) -> int:
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
        assert self.reader is not None
        self.writer.write(b"GET " + path.encode("ascii") + b" HTTP/1.1\r\n" + self.request_head)
        head = await self.reader.readuntil(b"\r\n\r\n")
        status = int(head[9:12])
        length, keep = None, True
        for line in head.split(b"\r\n")[1:]:
            name, _, value = line.partition(b":")
            name = name.strip().lower()
            if name == b"content-length":
                length = int(value)
            elif name == b"connection":
                keep = value.strip().lower() != b"close"
            elif name == b"transfer-encoding":
                raise ValueError("chunked answer: not expected from these endpoints")
        if length is None:
            raise ValueError("answer without Content-Length")
        await self.reader.readexactly(length)
        if not keep:
            self.close()
        return status

    def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
        self.reader = self.writer = None


async def run_load(host: str, port: int, clients: int, duration: float, event_ids: list[str]) -> dict:
    latencies: dict[str, list[float]] = {}
    errors: dict[str, int] = {}
    deadline = time.monotonic() + duration

    async def client(k: int) -> None:
        rng = random.Random(k)
        http = HTTPConnection(host, port)
        while time.monotonic() < deadline:
            label, path = request_mix(rng, event_ids)
            t0 = time.perf_counter()
            try:
                ok = await http.get(quote(path, safe="/?=&:")) == 200
            except (OSError, EOFError, ValueError, TimeoutError):  # EOFError: asyncio.IncompleteReadError
                ok = False
            latencies.setdefault(label, []).append(time.perf_counter() - t0)
            if not ok:
                errors[label] = errors.get(label, 0) + 1
        http.close()

    started = time.monotonic()
    await asyncio.gather(*(client(k) for k in range(clients)))
    elapsed = time.monotonic() - started
    return summarise(latencies, errors, elapsed, clients)


def _pct(values: list[float], p: float) -> float:
    if len(values) == 1:
        return values[0] * 1000
    return statistics.quantiles(values, n=100, method="inclusive")[int(p) - 1] * 1000


def summarise(latencies: dict[str, list[float]], errors: dict[str, int], elapsed: float, clients: int) -> dict:
    everything = [x for xs in latencies.values() for x in xs]
    out: dict[str, Any] = {
        "clients": clients,
        "seconds": round(elapsed, 1),
        "requests": len(everything),
        "requests_per_s": round(len(everything) / elapsed, 1),
        "errors": sum(errors.values()),
        "p50_ms": round(_pct(everything, 50), 1),
        "p95_ms": round(_pct(everything, 95), 1),
        "p99_ms": round(_pct(everything, 99), 1),
        "endpoints": {},
    }
    for label, xs in sorted(latencies.items()):
        out["endpoints"][label] = {
            "requests": len(xs),
            "errors": errors.get(label, 0),
            "p50_ms": round(_pct(xs, 50), 1),
            "p95_ms": round(_pct(xs, 95), 1),
            "p99_ms": round(_pct(xs, 99), 1),
        }
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--db", default=None, help="store to serve (built when missing)")
    ap.add_argument("--events", type=int, default=100_000)
    ap.add_argument("--clients", type=int, default=32)
    ap.add_argument("--duration", type=float, default=30.0)
    ap.add_argument("--workers", type=int, default=1, help="server processes (newsfuse serve --workers)")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    db = args.db or str(Path(tempfile.gettempdir()) / f"newsfuse-load-{args.events}.db")
    if not Path(db).exists():
        t0 = time.monotonic()
        build_store(db, args.events)
        print(f"built {db} with {args.events} events in {time.monotonic() - t0:.0f} s", file=sys.stderr)
    with open_store(db) as store:
        all_ids = [e.id for e in store.events(EventFilter(limit=10_000_000))]
    event_ids = all_ids[:: max(len(all_ids) // 5000, 1)]
    port = _free_port()
    server = start_server(db, port, args.workers)
    try:
        server_cpu0, client_cpu0 = server_cpu_seconds(server.pid), time.process_time()
        result = asyncio.run(run_load("127.0.0.1", port, args.clients, args.duration, event_ids))
        result["server_cpu_s"] = round(server_cpu_seconds(server.pid) - server_cpu0, 1)
        result["client_cpu_s"] = round(time.process_time() - client_cpu0, 1)
    finally:
        os.killpg(server.pid, signal.SIGTERM)  # the server and its worker processes
        server.wait(timeout=30)
    result["events_in_store"] = len(all_ids)
    result["workers"] = args.workers
    result["clients"] = args.clients
    if args.json:
        print(json.dumps(result, indent=2))
        return
    print(
        f"{result['requests']} requests in {result['seconds']} s from {args.clients} clients over "
        f"{len(all_ids)} events: {result['requests_per_s']} req/s, p50 {result['p50_ms']} ms, "
        f"p95 {result['p95_ms']} ms, p99 {result['p99_ms']} ms, errors {result['errors']}"
    )
    print(
        f"CPU during the load: server {result['server_cpu_s']} s, this client {result['client_cpu_s']} s "
        f"(of {result['seconds']} s on {os.cpu_count()} cores); load average {os.getloadavg()[0]:.2f}"
    )
    for label, r in result["endpoints"].items():
        print(
            f"  {label:22} {r['requests']:7}  p50 {r['p50_ms']:7} ms  p95 {r['p95_ms']:7} ms  "
            f"p99 {r['p99_ms']:7} ms  errors {r['errors']}"
        )


if __name__ == "__main__":
    main()
