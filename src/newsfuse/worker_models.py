"""The models of every analysis stage, loaded on import: what the analysis workers' fork server
imports before it forks them (``workers.AnalysisWorkers`` with ``preload``), so that each worker
starts with them loaded (copies of the server's memory, shared until written) instead of importing
the modules and loading the models again. The server ignores Ctrl-C as its workers do: the ingest
that owns them handles it, and ends them."""

from __future__ import annotations

import signal

from .analysis import prepare_analysis

signal.signal(signal.SIGINT, signal.SIG_IGN)
prepare_analysis(False)  # the encoder's thread pool is never loaded here: see workers
