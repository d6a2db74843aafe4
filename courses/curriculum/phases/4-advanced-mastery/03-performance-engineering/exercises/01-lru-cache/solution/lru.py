"""A least-recently-used cache with statistics, and a memoising decorator built on it."""

from __future__ import annotations

import functools
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any, Generic, ParamSpec, TypeVar

K = TypeVar("K")
V = TypeVar("V")
P = ParamSpec("P")
R = TypeVar("R")

_MISSING: Any = object()


class LRUCache(Generic[K, V]):
    """Keep the `capacity` most recently used entries."""

    def __init__(self, capacity: int, *, on_evict: Callable[[K, V], None] | None = None) -> None:
        if capacity < 1:
            raise ValueError("capacity must be at least 1")
        self._capacity = capacity
        self._on_evict = on_evict
        self._data: OrderedDict[K, V] = OrderedDict()
        self._hits = self._misses = self._evictions = 0

    def get(self, key: K, default: V | None = None) -> V | None:
        """Return the value (a hit, refreshing recency) or `default` (a miss)."""
        if key not in self._data:
            self._misses += 1
            return default
        self._hits += 1
        self._data.move_to_end(key)
        return self._data[key]

    def put(self, key: K, value: V) -> None:
        """Insert or replace; evict the least recently used entry when over capacity."""
        if key in self._data:
            self._data.move_to_end(key)
        self._data[key] = value
        if len(self._data) > self._capacity:
            old_key = next(iter(self._data))  # the least recently used key comes first
            old_value = self._data.pop(old_key)
            self._evictions += 1
            if self._on_evict is not None:
                self._on_evict(old_key, old_value)

    def __contains__(self, key: object) -> bool:
        return key in self._data

    def __len__(self) -> int:
        return len(self._data)

    def keys(self) -> list[K]:
        """Keys from least to most recently used."""
        return list(self._data)

    @property
    def hits(self) -> int:
        return self._hits

    @property
    def misses(self) -> int:
        return self._misses

    @property
    def evictions(self) -> int:
        return self._evictions

    def hit_rate(self) -> float:
        """hits / (hits + misses), or 0.0 before any lookup."""
        lookups = self._hits + self._misses
        return self._hits / lookups if lookups else 0.0

    def clear(self) -> None:
        """Drop every entry and reset the counters (without calling on_evict)."""
        self._data.clear()
        self._hits = self._misses = self._evictions = 0


def memoize(capacity: int) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """Cache a function's results in an LRUCache exposed as `wrapper.cache`."""
    cache: LRUCache[Hashable, Any] = LRUCache(capacity)  # validates capacity up front

    def decorator(func: Callable[P, R]) -> Callable[P, R]:
        @functools.wraps(func)
        def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
            key = (args, tuple(sorted(kwargs.items())))
            found = cache.get(key, _MISSING)
            if found is not _MISSING:
                return found  # type: ignore[no-any-return]
            result = func(*args, **kwargs)
            cache.put(key, result)
            return result

        wrapper.cache = cache  # type: ignore[attr-defined]
        return wrapper

    return decorator
