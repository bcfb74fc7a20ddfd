"""Command-line paths -> input files: folders (recursive, sorted), globs and "-" for stdin."""

from __future__ import annotations

import glob
import os
import re
import stat
import sys
from collections.abc import Iterator, Sequence
from fnmatch import translate
from functools import cache
from typing import BinaryIO

from ..model import InputError, InputFile
from . import _data
from .result import DEFAULT_MAX_BYTES, error, megabytes

STDIN = "-"


def iter_inputs(
    paths: Sequence[str], *, max_bytes: int = DEFAULT_MAX_BYTES, stdin: BinaryIO | None = None
) -> Iterator[InputFile | InputError]:
    """Every readable input named by ``paths``, or an InputError saying why one is not. Never raises."""
    for found in iter_paths(paths):
        if isinstance(found, InputError):
            yield found
        else:
            path, info = found
            if info is None:  # only standard input ("-") comes without a stat
                yield _read_stream(stdin or sys.stdin.buffer, STDIN, max_bytes)
            else:
                yield _read_file(path, info, max_bytes)


def iter_paths(paths: Sequence[str]) -> Iterator[tuple[str, os.stat_result | None] | InputError]:
    """The files ``paths`` name, without reading them: (path, stat) per file (("-", None) for stdin),
    folders expanded recursively and sorted, skipping what ``data/walk.yaml`` lists; an InputError
    for what cannot be looked at. Never raises."""
    seen: set[str] = set()
    for path in paths:
        if path == STDIN:
            yield STDIN, None
        elif _exists(path):
            yield from _expand(path, seen)
        elif glob.has_magic(path):
            yield from _expand_glob(path, seen)
        else:
            yield error(path, "no such file or directory")


def _exists(path: str) -> bool:
    """False only when nothing is there; a path we may not look at exists (and fails later)."""
    try:
        os.lstat(path)
    except FileNotFoundError:
        return False
    except (OSError, ValueError):
        return True
    return True


def _expand_glob(pattern: str, seen: set[str]) -> Iterator[tuple[str, os.stat_result] | InputError]:
    matches = sorted(glob.glob(pattern, recursive=True))
    if not matches:
        yield error(pattern, "no files match this pattern")
    for path in matches:
        yield from _expand(path, seen)


def _expand(path: str, seen: set[str], real: str | None = None) -> Iterator[tuple[str, os.stat_result] | InputError]:
    """``path``'s files; ``real``: its real path, when the caller knows it without asking the
    file system again (``_walk``: a folder's entry that is no link)."""
    try:
        info = os.stat(path)
    except OSError as exc:
        yield error(path, _os_cause(exc))
        return
    if stat.S_ISDIR(info.st_mode):
        yield from _walk(path, seen)
        return
    real = real or os.path.realpath(path)
    if real not in seen:
        seen.add(real)
        yield path, info


def _walk(folder: str, seen: set[str]) -> Iterator[tuple[str, os.stat_result] | InputError]:
    """The folder's files, sorted by name, recursively. Its real path is resolved once: an entry
    that is no link has that path plus its name as its own (``watch`` walks its folders every poll)."""
    try:
        with os.scandir(folder) as it:
            entries = sorted(it, key=lambda e: e.name)
    except OSError as exc:
        yield error(folder, _os_cause(exc, "cannot list directory"))
        return
    real_folder = os.path.realpath(folder)
    for entry in entries:
        if _skipped(entry.name):
            continue
        if entry.is_dir(follow_symlinks=False):
            yield from _walk(entry.path, seen)
        elif not entry.is_symlink():
            yield from _expand(entry.path, seen, os.path.join(real_folder, entry.name))
        elif not os.path.isdir(entry.path):  # no linked folders: no cycles
            yield from _expand(entry.path, seen)


def _skipped(name: str) -> bool:
    return name.startswith(".") or _skip_names().match(name.lower()) is not None


@cache
def _skip_names() -> re.Pattern[str]:
    """``data/walk.yaml``'s skip patterns, lower-cased, as one expression (for a lower-cased name)."""
    return re.compile("|".join(translate(p.lower()) for p in _data.load("walk")["skip_names"]))


def _read_file(path: str, info: os.stat_result, max_bytes: int) -> InputFile | InputError:
    if stat.S_ISREG(info.st_mode) and info.st_size > max_bytes:
        return _too_large(path, info.st_size, max_bytes)
    if stat.S_ISSOCK(info.st_mode):
        return error(path, "not a regular file (socket)")
    try:
        with open(path, "rb") as stream:
            return _read_stream(stream, path, max_bytes)
    except OSError as exc:
        return error(path, _os_cause(exc))


def _read_stream(stream: BinaryIO, path: str, max_bytes: int) -> InputFile | InputError:
    try:
        data = stream.read(max_bytes + 1)
    except OSError as exc:
        return error(path, _os_cause(exc))
    if data is None:
        return error(path, "nothing to read (non-blocking stream)")
    if len(data) > max_bytes:
        return error(path, f"file too large (over the {megabytes(max_bytes)} limit)")
    return InputFile.of(path, data)


def _too_large(path: str, size: int, max_bytes: int) -> InputError:
    return error(path, f"file too large ({megabytes(size)} > {megabytes(max_bytes)} limit)")


def _os_cause(exc: OSError, doing: str | None = None) -> str:
    reason = (exc.strerror or str(exc)).lower()
    return f"{reason} ({doing})" if doing else reason
