"""The ``newsfuse`` command as installed (its console script) and ``python -m newsfuse``.

A cold ``newsfuse ingest`` of many articles starts its analysis workers' fork server here, before
``newsfuse.cli`` and the pipeline are imported: the server imports the stages and loads their models
(seconds of one core, and no worker starts before it ends) on another core while this process imports,
reads, dedups and embeds, instead of after. Only a command line run this way starts anything early: a
caller that imports ``newsfuse.cli`` and runs its command (a test, ``python -m newsfuse.cli``) gets
the plain command, and a worker that multiprocessing starts re-runs the console script with
``__name__ != "__main__"``, which calls nothing here.

Only the command line says what will run this early, so the guess is kept to what it says plainly: the
``ingest`` command with analysis, more than one worker (``--workers``, one per core by default) and
inputs that hold at least EARLY_BYTES (files, and what folders hold). Anything else (another command,
stdin, a small input, ``--workers 1``, ``--no-analysis``, ``--dask``, an option it does not know) starts
nothing here: the ingest starts the server itself when an input gives more than a batch, as before. A
wrong guess (an input of one batch, or every article unchanged) costs a model load on another core,
ended with the process."""

from __future__ import annotations

import gc
import importlib
import os
import sys
from collections.abc import Sequence

from .workers import WORKER_MODELS, collections_held_off, start_fork_server, worker_count

EARLY_BYTES = 128 * 1024  # about 60 articles of news text: several batches of 16
VALUED = frozenset({"--db", "--batch-size", "--time-limit", "--workers"})  # ``ingest``'s options that take a value
FLAGS = frozenset({"--json"})
NOT_EARLY = frozenset({"--no-analysis", "--dask", "--help"})


def wants_workers_early(argv: Sequence[str]) -> bool:
    """Whether the command line ``argv`` is an ingest that will start analysis workers."""
    if len(argv) < 3 or argv[1] != "ingest":
        return False
    paths, workers, args = [], 0, iter(argv[2:])
    for arg in args:
        name, has_value, value = arg.partition("=")
        if name in NOT_EARLY:
            return False
        if name in VALUED:
            value = value if has_value else next(args, "")
            if name == "--workers":
                if not value.isdigit():
                    return False
                workers = int(value)
        elif arg.startswith("-") and arg not in FLAGS:
            return False  # stdin, or an option this module does not know: leave it to the command
        elif not arg.startswith("-"):
            paths.append(arg)
    return worker_count(workers) > 1 and inputs_hold(paths, EARLY_BYTES)


def inputs_hold(paths: Sequence[str], least: int) -> bool:
    """Whether the files and folders named hold at least ``least`` bytes (a folder is walked only until then)."""
    total = 0
    for path in paths:
        if os.path.isfile(path):
            total += os.path.getsize(path)
        for root, _dirs, files in os.walk(path):
            for name in files:
                total += _size(os.path.join(root, name))
                if total >= least:
                    return True
        if total >= least:
            return True
    return False


def _size(path: str) -> int:
    try:
        return os.path.getsize(path)
    except OSError:
        return 0


def start_workers_early(argv: Sequence[str]) -> bool:
    """Start the analysis workers' fork server now if ``argv`` is an ingest that will need it."""
    if not wants_workers_early(argv):
        return False
    start_fork_server(WORKER_MODELS)
    return True


def main() -> None:
    """Run the ``newsfuse`` command line in ``sys.argv``; an ingest that writes everything ends the process
    at once after its summary (``cli.Launched``)."""
    start_workers_early(sys.argv)
    # imported only now, after the fork server started: the pipeline's imports are what it runs beside;
    # they stay for the process's life, so the collector does not walk them as they load, nor after
    with collections_held_off():
        cli = importlib.import_module("newsfuse.cli")
        gc.freeze()
    cli.main(obj=cli.Launched(end_at_once=True))
