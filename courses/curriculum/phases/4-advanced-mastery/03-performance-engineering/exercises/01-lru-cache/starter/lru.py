"""A least-recently-used cache with statistics, and a memoising decorator built on it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, ParamSpec, TypeVar

K = TypeVar("K")
V = TypeVar("V")
P = ParamSpec("P")
R = TypeVar("R")


class LRUCache(Generic[K, V]):
    """Keep the `capacity` most recently used entries."""

    def __init__(self, capacity: int, *, on_evict: Callable[[K, V], None] | None = None) -> None:
        raise NotImplementedError

    def get(self, key: K, default: V | None = None) -> V | None:
        """Return the value (a hit, refreshing recency) or `default` (a miss)."""
        raise NotImplementedError

    def put(self, key: K, value: V) -> None:
        """Insert or replace; evict the least recently used entry when over capacity."""
        raise NotImplementedError

    def __contains__(self, key: object) -> bool:
        raise NotImplementedError

    def __len__(self) -> int:
        raise NotImplementedError

    def keys(self) -> list[K]:
        """Keys from least to most recently used."""
        raise NotImplementedError

    @property
    def hits(self) -> int:
        raise NotImplementedError

    @property
    def misses(self) -> int:
        raise NotImplementedError

    @property
    def evictions(self) -> int:
        raise NotImplementedError

    def hit_rate(self) -> float:
        """hits / (hits + misses), or 0.0 before any lookup."""
        raise NotImplementedError

    def clear(self) -> None:
        """Drop every entry and reset the counters (without calling on_evict)."""
        raise NotImplementedError


def memoize(capacity: int) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """Cache a function's results in an LRUCache exposed as `wrapper.cache`."""
    raise NotImplementedError
