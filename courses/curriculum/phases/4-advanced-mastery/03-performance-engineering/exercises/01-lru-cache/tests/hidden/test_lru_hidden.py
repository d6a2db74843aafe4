from lru import LRUCache, memoize


def test_contains_and_len_do_not_change_recency_or_stats():
    cache: LRUCache[str, int] = LRUCache(2)
    cache.put("a", 1)
    cache.put("b", 2)
    assert "a" in cache and len(cache) == 2
    cache.put("c", 3)  # "a" is still least recently used
    assert cache.keys() == ["b", "c"]
    assert (cache.hits, cache.misses) == (0, 0)


def test_hit_rate_and_clear():
    evicted: list[str] = []
    cache: LRUCache[str, int] = LRUCache(1, on_evict=lambda k, v: evicted.append(k))
    cache.put("a", 1)
    cache.get("a")
    cache.get("a")
    cache.get("x")
    cache.put("b", 2)
    assert cache.hit_rate() == 2 / 3
    cache.clear()
    assert len(cache) == 0 and cache.keys() == []
    assert (cache.hits, cache.misses, cache.evictions) == (0, 0, 0)
    assert evicted == ["a"]


def test_falsy_and_none_values_are_hits():
    cache: LRUCache[str, object] = LRUCache(3)
    cache.put("zero", 0)
    cache.put("none", None)
    assert cache.get("zero", "default") == 0
    assert cache.get("none", "default") is None
    assert cache.hits == 2 and cache.misses == 0


def test_eviction_order_under_mixed_use():
    cache: LRUCache[int, int] = LRUCache(3)
    for n in range(3):
        cache.put(n, n)
    cache.get(0)
    cache.put(1, 11)
    cache.put(3, 3)  # evicts 2
    cache.put(4, 4)  # evicts 0
    assert cache.keys() == [1, 3, 4]
    assert cache.evictions == 2


def test_memoize_caches_none_and_uses_kwargs_in_the_key():
    calls: list[tuple[int, int]] = []

    @memoize(capacity=2)
    def f(a: int, b: int = 0) -> None:
        calls.append((a, b))
        return None

    f(1)
    f(1)
    f(1, b=2)
    f(1, b=2)
    assert calls == [(1, 0), (1, 2)]
    assert f.cache.hits == 2 and f.cache.misses == 2


def test_memoize_respects_capacity():
    calls: list[int] = []

    @memoize(capacity=2)
    def ident(n: int) -> int:
        calls.append(n)
        return n

    for n in (1, 2, 3, 1):
        ident(n)
    assert calls == [1, 2, 3, 1]
    assert ident.cache.evictions == 2


def test_large_workload_is_fast():
    cache: LRUCache[int, int] = LRUCache(1000)
    for n in range(200_000):
        cache.put(n % 1500, n)
        cache.get((n * 7) % 1500)
    assert len(cache) == 1000
