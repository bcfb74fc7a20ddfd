"""What a reader gives back, and the one-line error causes it uses."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..model import InputError, RawDocument

MB = 1024 * 1024
DEFAULT_MAX_BYTES = 50 * MB
_MAX_CAUSE = 240


@dataclass(frozen=True)
class ReadResult:
    format: str | None
    documents: list[RawDocument] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)


def one_line(text: object, limit: int = _MAX_CAUSE) -> str:
    """Any message (an exception's text, say) as one short line."""
    line = re.sub(r"\s+", " ", str(text)).strip()
    return line if len(line) <= limit else line[: limit - 3] + "..."


def error(path: str, cause: object) -> InputError:
    return InputError(path, one_line(cause))


def failed(path: str, cause: object, fmt: str | None = None) -> ReadResult:
    return ReadResult(fmt, [], [error(path, cause)])


def megabytes(size: int) -> str:
    """A size for messages: "200.0 MB", or exact bytes below 0.1 MB."""
    return f"{size / MB:.1f} MB" if size >= MB // 10 else f"{size} bytes"


def exc_text(exc: BaseException) -> str:
    return one_line(str(exc) or type(exc).__name__, 160)
