"""The clean stage's one error, in a module of its own so that every clean module imports it plainly."""

from __future__ import annotations


class CleanError(ValueError):
    """A document that leaves no article text after cleaning (one-line message)."""
