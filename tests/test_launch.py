"""The installed ``newsfuse`` command (``newsfuse.launch``): a cold ingest of many articles starts its workers'
fork server before the CLI's imports, and ends without the interpreter's teardown once all is stored."""

from __future__ import annotations

import json
import subprocess
import sys

from conftest import EXAMPLES, SHARED

from newsfuse.launch import EARLY_BYTES, inputs_hold, wants_workers_early

ECBPLUS = SHARED / "corpus" / "clustering" / "ecbplus"
DOCUMENTS = ECBPLUS / "documents.jsonl"


def ingest(*args: object) -> list[str]:
    return ["newsfuse", "ingest", *map(str, args)]


def test_a_big_input_with_workers_starts_them_early():
    assert DOCUMENTS.stat().st_size >= EARLY_BYTES
    assert wants_workers_early(ingest("--db", "x.db", "--workers", "2", DOCUMENTS))
    assert wants_workers_early(ingest("--workers=2", "--json", "--batch-size", "8", DOCUMENTS))
    assert wants_workers_early(ingest("--workers", "2", ECBPLUS))  # a folder: what it holds


def test_what_may_not_start_workers_starts_nothing():
    assert not wants_workers_early(ingest("--workers", "1", DOCUMENTS))  # analysed in the process itself
    assert not wants_workers_early(ingest("--workers", "2", "--no-analysis", DOCUMENTS))
    assert not wants_workers_early(ingest("--workers", "2", "--dask", "local", DOCUMENTS))
    assert not wants_workers_early(ingest("--workers", "2", "-"))  # stdin: its size is unknown
    assert not wants_workers_early(ingest("--workers", "2", "--help"))
    assert not wants_workers_early(ingest("--workers", "2", "--some-new-option", DOCUMENTS))
    assert not wants_workers_early(ingest("--workers", "many", DOCUMENTS))
    assert not wants_workers_early(["newsfuse", "watch", str(DOCUMENTS)])
    assert not wants_workers_early(["pytest", "-q"])


def test_small_inputs_start_nothing():
    examples = sum(p.stat().st_size for p in EXAMPLES.iterdir() if p.is_file())
    assert examples < EARLY_BYTES  # the examples folder: a dozen short articles, one batch
    assert not wants_workers_early(ingest("--workers", "2", EXAMPLES))
    assert not wants_workers_early(ingest("--workers", "2", EXAMPLES / "bramblegate_wire.jsonl", "missing.jsonl"))
    assert inputs_hold([EXAMPLES, DOCUMENTS], EARLY_BYTES)


def test_the_early_server_is_the_one_the_workers_come_from(tmp_path):
    """``newsfuse ingest`` as a user types it (the console script's name in ``sys.argv[0]``)."""
    probe = (
        "import os, sys\n"
        f"sys.argv = ['/bin/newsfuse', 'ingest', '--workers', '2', '--db', {str(tmp_path / 'x.db')!r}, "
        f"{str(DOCUMENTS)!r}]\n"
        "from newsfuse.launch import start_workers_early\n"
        "from newsfuse.workers import WORKER_MODELS, AnalysisWorkers\n"
        "assert start_workers_early(sys.argv)\n"
        "import newsfuse.cli\n"
        "from multiprocessing import forkserver\n"
        "early = forkserver._forkserver._forkserver_pid\n"
        "pool = AnalysisWorkers(1, os.getpid, preload=WORKER_MODELS)\n"
        "print(early, pool.submit(os.getppid).result())\n"
        "pool.close()\n"
    )
    proc = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr[-2000:]
    early, parent = proc.stdout.split()
    assert early != "None" and early == parent


def test_a_caller_that_imports_the_cli_starts_nothing_early(tmp_path):
    """Only ``newsfuse.launch`` starts workers early: importing the CLI (a test, ``python -m newsfuse.cli``)
    does not, whatever ``sys.argv`` says."""
    probe = (
        "import sys\n"
        f"sys.argv = ['/bin/newsfuse', 'ingest', '--workers', '2', '--db', {str(tmp_path / 'x.db')!r}, "
        f"{str(DOCUMENTS)!r}]\n"
        "import newsfuse.cli\n"
        "from multiprocessing import forkserver\n"
        "print(forkserver._forkserver._forkserver_pid)\n"
    )
    proc = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert proc.stdout.split() == ["None"]


ENDS_AT_ONCE = """
import atexit, sys
atexit.register(print, "torn down")
sys.argv = ["/bin/newsfuse", *sys.argv[1:]]
from newsfuse.launch import main
main()
"""


def test_a_cold_ingest_ends_at_once_with_its_summary_written(tmp_path):
    """As the ``newsfuse`` console script runs ``newsfuse ingest``: the summary is written, then the
    process ends without the interpreter's teardown (no exit handler runs)."""
    args = ["ingest", "--json", "--db", str(tmp_path / "x.db"), str(EXAMPLES / "bramblegate_wire.jsonl")]
    proc = subprocess.run([sys.executable, "-c", ENDS_AT_ONCE, *args], capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "torn down" not in proc.stdout
    summary = json.loads(proc.stdout)
    assert summary["new"] >= 1 and summary["failed"] == 0


CONSOLE_SCRIPT = """import sys
from newsfuse.launch import main
if __name__ == "__main__":
    sys.exit(main())
"""


def test_the_console_script_s_workers_analyse(tmp_path):
    """``newsfuse ingest`` run by a console script file, as pip installs it: each worker the pool forks runs
    that file again (multiprocessing's main-module fixup), and must not try to start a fork server there
    (it would die, and the ingest would go on in one process)."""
    script = tmp_path / "newsfuse"
    script.write_text(CONSOLE_SCRIPT, encoding="utf-8")
    gvc = SHARED / "corpus" / "clustering" / "gvc" / "documents.jsonl"
    records = tmp_path / "gvc.jsonl"
    records.write_text("".join(gvc.read_text(encoding="utf-8").splitlines(keepends=True)[:60]), encoding="utf-8")
    assert records.stat().st_size >= EARLY_BYTES  # the early start is asked for
    args = ["ingest", "--workers", "2", "--db", str(tmp_path / "x.db"), str(records)]
    proc = subprocess.run([sys.executable, str(script), *args], capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "worker stopped" not in proc.stderr, proc.stderr[-2000:]
    assert "60 new" in proc.stdout + proc.stderr


def test_python_dash_m_newsfuse_is_the_command():
    proc = subprocess.run([sys.executable, "-m", "newsfuse", "--version"], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "version" in proc.stdout
