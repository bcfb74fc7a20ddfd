"""A cache of what a long-lived process asked lately, bounded by the weight of its values."""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

V = TypeVar("V")


class Recent(Generic[V]):
    """Values go into the current generation; once it weighs ``kept``, it becomes the previous one and
    the one before is dropped; a value of the previous one asked again moves back into the current
    one. A value never asked again (the fused event of a cluster that has since grown: its key
    changed) is dropped within two turns, so the cache holds what the last calls read, about twice
    ``kept`` at most (a generation outweighs it by its last value at most), however long the process
    runs. A cache cleared when it holds a count of entries kept every superseded version until
    then (an event of a big story holds thousands of mentions: a watch's heap, and each full pass of
    the cyclic collector over it, grew with the square of the story), and then dropped the live ones
    too (a spike of rebuilding)."""

    __slots__ = ("kept", "weigh", "current", "previous", "held")

    def __init__(self, kept: int, weigh: Callable[[V], int]) -> None:
        self.kept = kept
        self.weigh = weigh
        self.current: dict[Hashable, V] = {}
        self.previous: dict[Hashable, V] = {}
        self.held = 0  # weight of the current generation

    def get(self, key: Hashable) -> V | None:
        found = self.current.get(key)
        if found is None and key in self.previous:
            found = self.previous.pop(key)
            self.put(key, found)
        return found

    def put(self, key: Hashable, value: V) -> None:
        weight = self.weigh(value)
        if self.held + weight > self.kept and self.current:
            self.previous, self.current, self.held = self.current, {}, 0
        old = self.current.get(key)
        self.held += weight - (self.weigh(old) if old is not None else 0)
        self.current[key] = value

    def clear(self) -> None:
        """Forget everything (a benchmark timing a first fusion)."""
        self.current, self.previous, self.held = {}, {}, 0

    def take(self, key: Hashable) -> V | None:
        """Remove the value and hand it over (None if not kept): a value changed in place leaves the
        cache while it changes (its weight with it), so no other thread reads it half changed."""
        found = self.current.pop(key, None)
        if found is not None:
            self.held -= self.weigh(found)
            return found
        return self.previous.pop(key, None)
