"""The cache of what was asked lately: bounded by weight, what is asked again survives a turn."""

from __future__ import annotations

from newsfuse.text.recent import Recent


def test_the_recent_cache_drops_what_is_not_asked_again_and_keeps_what_is_across_a_turn():
    cache = Recent(10, len)
    cache.put("live", "abcd")  # asked by every fusion
    for version in range(20):  # a growing cluster: each fusion makes a new key, the old never asked again
        assert cache.get("live") == "abcd"
        cache.put(("grown", version), "x" * 3)
        assert cache.held <= 10
        assert sum(map(len, cache.current.values())) + sum(map(len, cache.previous.values())) <= 2 * 10
    assert ("grown", 0) not in cache.current and ("grown", 0) not in cache.previous
    assert cache.get(("grown", 0)) is None
    assert cache.get(("grown", 19)) == "xxx"


def test_a_value_heavier_than_the_bound_is_held_alone_in_its_generation():
    cache = Recent(4, len)
    cache.put("a", "xx")
    cache.put("big", "x" * 9)
    assert cache.current == {"big": "x" * 9} and cache.previous == {"a": "xx"}
    cache.put("b", "x")
    assert cache.current == {"b": "x"} and "a" not in cache.previous


def test_a_cleared_cache_holds_nothing_and_fills_again():
    cache = Recent(4, len)
    cache.put("a", "xx")
    cache.put("b", "xxx")  # "a" moves to the previous generation
    cache.clear()
    assert cache.get("a") is None and cache.get("b") is None and cache.held == 0
    cache.put("c", "x")
    assert cache.get("c") == "x" and cache.held == 1
