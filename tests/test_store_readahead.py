"""The OS's readahead on a SQLite store's file: off while a write transaction reads by key, back after it
(issue 17: in a store bigger than the page cache the disk served several times the pages SQLite read)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from newsfuse.store.sqlite import OPEN_FILES, ReadAhead, SQLiteStore

LINUX = OPEN_FILES.is_dir() and hasattr(os, "posix_fadvise")


@pytest.fixture
def advised(monkeypatch) -> list[tuple[int, int]]:
    """Every (descriptor, advice) the store gives the OS, in order (each still given to the OS)."""
    calls: list[tuple[int, int]] = []
    real = getattr(os, "posix_fadvise", None)

    def spy(fd: int, offset: int, length: int, advice: int) -> None:
        calls.append((fd, advice))
        if real is not None:
            real(fd, offset, length, advice)

    monkeypatch.setattr(os, "posix_fadvise", spy, raising=False)
    return calls


def _links(descriptors: list[int]) -> set[str]:
    return {os.readlink(OPEN_FILES / str(fd)) for fd in descriptors}


def test_the_store_finds_the_descriptor_sqlite_reads_its_file_through(tmp_path):
    store = SQLiteStore(tmp_path / "s.db")
    try:
        found = store.readahead.descriptors if store.readahead else []
        if LINUX:
            assert len(found) == 1
            assert _links(found) == {os.path.realpath(tmp_path / "s.db")}  # not the WAL's, not the -shm's
        else:
            assert found == []
    finally:
        store.close()


@pytest.mark.skipif(not LINUX, reason="POSIX_FADV_* and /proc/self/fd are Linux's")
def test_a_write_transaction_reads_without_readahead_and_gives_it_back(tmp_path, advised):
    store = SQLiteStore(tmp_path / "s.db")
    try:
        (fd,) = store.readahead.descriptors
        store.get_state("x")  # a read outside a transaction: no advice
        assert advised == []
        with store.transaction():
            assert advised == [(fd, os.POSIX_FADV_RANDOM)]
            with store.transaction():  # nested: the outer one advises
                store.set_state("x", b"1")
            assert advised == [(fd, os.POSIX_FADV_RANDOM)]
        assert advised == [(fd, os.POSIX_FADV_RANDOM), (fd, os.POSIX_FADV_NORMAL)]
        with pytest.raises(RuntimeError), store.transaction():
            store.set_state("x", b"2")
            raise RuntimeError("rolled back")
        assert advised[2:] == [(fd, os.POSIX_FADV_RANDOM), (fd, os.POSIX_FADV_NORMAL)]
        assert store.get_state("x") == b"1"
    finally:
        store.close()


@pytest.mark.skipif(not LINUX, reason="POSIX_FADV_* and /proc/self/fd are Linux's")
def test_a_descriptor_closed_since_is_not_advised(tmp_path, advised):
    path = tmp_path / "f.db"
    path.write_bytes(b"\0" * 4096)
    with open(path, "rb") as f:
        readahead = ReadAhead(str(path))
        assert readahead.descriptors == [f.fileno()]
        assert readahead.random(True) == 1
    other = Path(tmp_path / "other")
    other.write_bytes(b"x")
    with open(other, "rb"):  # may take the closed descriptor's number
        assert readahead.random(False) == 0
    assert advised == [(readahead.descriptors[0], os.POSIX_FADV_RANDOM)]
