import pytest
from lru import LRUCache, memoize


def test_readme_example():
    cache = LRUCache[str, int](2)
    cache.put("a", 1)
    cache.put("b", 2)
    assert cache.get("a") == 1
    cache.put("c", 3)
    assert cache.keys() == ["a", "c"]
    assert (cache.hits, cache.misses, cache.evictions) == (1, 0, 1)


def test_miss_returns_default_and_counts():
    cache: LRUCache[str, int] = LRUCache(1)
    assert cache.get("nope") is None
    assert cache.get("nope", 42) == 42
    assert cache.misses == 2
    assert cache.hit_rate() == 0.0


def test_replacing_refreshes_without_evicting():
    cache: LRUCache[str, int] = LRUCache(2)
    cache.put("a", 1)
    cache.put("b", 2)
    cache.put("a", 10)
    assert cache.keys() == ["b", "a"]
    assert cache.get("a") == 10
    assert cache.evictions == 0


def test_on_evict_callback_receives_the_evicted_entry():
    evicted: list[tuple[str, int]] = []
    cache: LRUCache[str, int] = LRUCache(1, on_evict=lambda k, v: evicted.append((k, v)))
    cache.put("a", 1)
    cache.put("b", 2)
    assert evicted == [("a", 1)]
    assert len(cache) == 1 and "b" in cache and "a" not in cache


def test_capacity_must_be_positive():
    with pytest.raises(ValueError):
        LRUCache(0)


def test_memoize_avoids_repeated_calls():
    calls: list[int] = []

    @memoize(capacity=10)
    def square(n: int) -> int:
        """Square a number."""
        calls.append(n)
        return n * n

    assert [square(3), square(3), square(4)] == [9, 9, 16]
    assert calls == [3, 4]
    assert square.__name__ == "square" and square.__doc__ == "Square a number."
    assert square.cache.hits == 1
