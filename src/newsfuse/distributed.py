"""Dask runner: the per-document stages on Dask workers, everything order-dependent on the driver.

Two phases, so a re-run after a crash redoes only what was not stored:
1. read + clean on workers (cheap), dedup on the driver in input order (same decisions as a plain run);
2. nlp + actors + events + embeddings on workers for the new articles, partition by partition;
   the partitions' results are stored in input order, one transaction for those analysed by the time
   the driver gets to them (``store_rounds``), then stories and
   fusion run on the driver, which must see everything. Dask supplies only the map over
   documents: dedup, storing, stories and fusion are one ``IngestSession``'s, as in a plain run.
A worker that dies loses its tasks to the scheduler, which runs them again elsewhere.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Callable, Iterator, Sequence
from importlib import resources
from typing import TYPE_CHECKING, Any, TypeVar

from .analysis import StorableAnalysis, analyse, prepare_analysis, storable
from .ingest import iter_inputs
from .model import Article, InputError, InputFile
from .pipeline import IngestSession, IngestSummary, dedup_signature, read_and_clean, record_failure
from .store.base import Store
from .stories.embed import limit_threads
from .text.yamlfile import load_yaml
from .workers import even_chunks

if TYPE_CHECKING:  # dask itself is imported only when a cluster is used (its import costs seconds)
    from dask.distributed import Client, Future, LocalCluster, Worker

PARTITION_INPUTS = 8  # input files per read task
PARTITION_ARTICLES = 16  # articles per analysis task
TAIL_ARTICLES = PARTITION_ARTICLES // 2  # at most, per analysis task of the last round
TASK_RETRIES = 3
STORE_ARTICLES = 4 * PARTITION_ARTICLES  # at most, per store transaction (partitions analysed by then)
T = TypeVar("T")


def connect(address: str) -> tuple[Client, LocalCluster | None]:
    """`local` or `local:N` starts a LocalCluster of N worker processes; anything else is a scheduler."""
    from dask.distributed import Client  # lazy: dask's import costs seconds to every plain run

    if address == "local" or address.startswith("local:"):
        cluster = local_cluster(int(address.split(":", 1)[1]) if ":" in address else 2)
        return Client(cluster), cluster
    return Client(address), None


def local_cluster(workers: int) -> LocalCluster:
    """A LocalCluster of ``workers`` single-threaded worker processes, without a dashboard, started with
    ``local_settings`` (its scheduler and nannies read them as they start, and pass them to the workers)."""
    import dask
    from dask.distributed import LocalCluster  # lazy, as above

    with dask.config.set(local_settings()):
        return LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None)


def local_settings() -> dict[str, Any]:
    """Dask's settings for a local cluster (``data/dask_local.yaml``): the periodic work that only feeds
    dashboards slowed down or off, as its processes share the cores with the analysis."""
    text = resources.files("newsfuse").joinpath("data/dask_local.yaml").read_text(encoding="utf-8")
    return dict(load_yaml(text))


def read_partition(
    items: Sequence[InputFile],
) -> list[tuple[str, str, str | None, list[Article], list[InputError], list[bytes]]]:
    """Worker task: (path, sha256, format, articles, errors, the articles' near-duplicate signatures)
    per input: the driver dedups with the signatures made here (``dedup_signature``)."""
    out = []
    for item in items:
        fmt, articles, errors = read_and_clean(item)
        out.append((item.path, item.sha256, fmt, articles, errors, [dedup_signature(a) for a in articles]))
    return out


def analyse_partition(articles: Sequence[Article], pieces: int) -> list[StorableAnalysis]:
    """Worker task: the per-document analysis, same code as a plain run, with the embedder held to
    the worker's threads (each worker process would otherwise claim every core of the machine) and
    cut at the store's ``pieces`` (``embedding_pieces``, decided on the driver), in a process prepared as
    the plain run's workers are (``prepare_analysis``: the collector no longer walks the models'
    objects, ~0.35 s per worker per 200 articles); sent back storable
    (encoded rows and story items, see ``StorableAnalysis``): the driver stores them as they come."""
    prepare_worker()
    return [storable(x) for x in analyse(list(articles), pieces=pieces)]


def prepare_worker(dask_worker: Worker | None = None) -> None:
    """This worker process made ready for ``analyse_partition``, once: the encoder held to the worker's
    threads, then the models loaded and moved out of the cyclic collector's sight (``prepare_analysis``).
    The first task does it; ``client.run(prepare_worker)`` does it before (Dask passes ``dask_worker``)."""
    from dask.distributed import get_worker  # lazy, as above; a worker has dask imported already

    worker = dask_worker if dask_worker is not None else get_worker()
    limit_threads(getattr(worker.state, "nthreads", 1))
    prepare_analysis()


def full_partitions(unsent: Sequence[T], slots: int) -> list[list[T]]:
    """The full partitions (PARTITION_ARTICLES each, in order) that may be sent out of ``unsent`` while
    more may come: as many as leave at least a last round's worth (``slots`` x TAIL_ARTICLES) behind."""
    count = max(0, (len(unsent) - slots * TAIL_ARTICLES) // PARTITION_ARTICLES)
    return [list(unsent[k * PARTITION_ARTICLES : (k + 1) * PARTITION_ARTICLES]) for k in range(count)]


def last_round(rest: Sequence[T], slots: int) -> list[list[T]]:
    """The articles left once all are admitted, in partitions of at most TAIL_ARTICLES, as equal as can
    be, their number a multiple of ``slots``: the workers end together, each on a short task."""
    return even_chunks(rest, TAIL_ARTICLES, slots)


def store_round_end(sizes: Sequence[int], ready: Sequence[bool], first: int) -> int:
    """Where the store round that begins with partition ``first`` (analysed) ends (exclusive): it takes the
    partitions right after it that are analysed too (``ready``), at most STORE_ARTICLES articles in all
    (``sizes``: each partition's), so that one transaction stores what arrived while the driver was busy."""
    last, size = first + 1, sizes[first]
    while last < len(sizes) and ready[last] and size + sizes[last] <= STORE_ARTICLES:
        size += sizes[last]
        last += 1
    return last


class _Partitions:
    """The admitted articles (``session.pending``, in input order) sent out as analysis partitions while
    more are admitted: full ones of PARTITION_ARTICLES as soon as enough are held back for the last
    round, then that rest in partitions of at most TAIL_ARTICLES, their number a multiple of the
    cluster's worker threads, so that the workers start before the last input is admitted and finish
    together. Nothing is stored until every partition is out (``pending`` only grows meanwhile)."""

    def __init__(self, client: Client, session: IngestSession, analyse_articles: bool) -> None:
        self.client, self.session, self.analyse_articles = client, session, analyse_articles
        self.slots = max(1, sum(client.nthreads().values()))
        self.sent = 0  # articles of session.pending sent
        self.batches: list[list[tuple[Article, bytes]]] = []
        self.futures: list[Future[list[StorableAnalysis]] | None] = []

    def send_full(self) -> None:
        """Send the full partitions that may go now (``full_partitions``)."""
        for batch in full_partitions(self.session.pending[self.sent :], self.slots):
            self._send(batch)

    def send_rest(self) -> None:
        """Send what is left, once every input is admitted, as the last round (``last_round``)."""
        for batch in last_round(self.session.pending[self.sent :], self.slots):
            self._send(batch)

    def store_rounds(self) -> Iterator[tuple[int, int]]:
        """The partitions to store, in order, as ranges ``[first, last)``: the next one once analysed, with
        those after it already analysed too (at most STORE_ARTICLES in all), in one transaction: a
        transaction's fixed cost (the clusterer's changed rows, the fusion's pending lists) is paid once
        for the partitions that arrived while the driver was busy."""
        from dask.distributed import wait  # lazy, as above

        first = 0
        while first < len(self.batches):
            if self.futures[first] is not None:
                wait([self.futures[first]])  # its errors are raised where its result is read
            ready = [f is None or f.done() for f in self.futures]
            last = store_round_end([len(b) for b in self.batches], ready, first)
            yield first, last
            first = last

    def _send(self, batch: list[tuple[Article, bytes]]) -> None:
        self.sent += len(batch)
        self.batches.append(batch)
        originals = [a for a, _ in batch if a.duplicate_of is None]
        self.futures.append(
            self.client.submit(analyse_partition, originals, self.session.pieces(), retries=TASK_RETRIES, pure=False)
            if self.analyse_articles and originals
            else None
        )


def ingest_with_dask(
    store: Store,
    paths: Sequence[str],
    address: str,
    *,
    analyse_articles: bool = True,
    on_error: Callable[[str], None] | None = None,
    client: Client | None = None,
) -> IngestSummary:
    """Ingest ``paths`` into ``store`` with the per-document stages on a Dask cluster (``address``, or
    ``client`` when given), the driver's heap frozen meanwhile (``frozen_heap``)."""
    with frozen_heap():
        return _ingest_with_dask(store, paths, address, analyse_articles, on_error, client)


@contextlib.contextmanager
def frozen_heap() -> Iterator[None]:
    """What the driver holds already (modules, dask, the store) out of the cyclic collector's sight while it
    ingests, and back in it after: the collections of a run no longer walk it (the driver's CPU is taken
    from the workers': ~0.25 s per 400 articles on 2 cores)."""
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def _ingest_with_dask(
    store: Store,
    paths: Sequence[str],
    address: str,
    analyse_articles: bool,
    on_error: Callable[[str], None] | None,
    client: Client | None,
) -> IngestSummary:
    own_client = client is None
    cluster = None
    if client is None:
        client, cluster = connect(address)
    summary = IngestSummary()
    session = IngestSession(store)  # dedup, storing, stories and fusion: the same steps as a plain run
    try:
        inputs: list[InputFile] = []
        for item in iter_inputs(list(paths)):
            if isinstance(item, InputError):
                record_failure(store, summary, item, None, on_error)
            else:
                inputs.append(item)
        summary.inputs = len(inputs)
        by_sha = {item.sha256: item for item in inputs}
        read_futures = [
            client.submit(read_partition, inputs[i : i + PARTITION_INPUTS], retries=TASK_RETRIES, pure=False)
            for i in range(0, len(inputs), PARTITION_INPUTS)
        ]
        partitions = _Partitions(client, session, analyse_articles)
        for future in read_futures:  # in input order: the same dedup decisions as a plain run
            for _path, sha, fmt, articles, errors, signatures in future.result():
                store.save_input(by_sha[sha], fmt)
                for err in errors:
                    record_failure(store, summary, err, sha, on_error)
                session.admit(articles, summary, signatures)
            partitions.send_full()  # the workers analyse while the rest is admitted
        partitions.send_rest()
        for first, last in partitions.store_rounds():
            batch = [x for b in partitions.batches[first:last] for x in b]
            done = [f for f in partitions.futures[first:last] if f is not None]
            analyses = [x for part in client.gather(done) for x in part]
            session.store_storable(batch, analyses)
            summary.new_ids.extend(a.id for a, _ in batch)
    except KeyboardInterrupt:
        summary.interrupted = True
        session.pending.clear()
    finally:
        if own_client:
            client.close()
            if cluster is not None:
                cluster.close()
    if analyse_articles and summary.new:
        session.update_stories_and_events()
    return summary
