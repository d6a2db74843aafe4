"""Pick the right executor for the work, and keep shared state safe across threads."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Mapping, Sequence
from concurrent.futures import Executor, ProcessPoolExecutor, ThreadPoolExecutor
from typing import Any


def executor_for(kind: str, workers: int, *, cpus: int) -> Executor:
    """Threads for I/O-bound work, processes (at most one per CPU) for CPU-bound work."""
    if workers < 1 or cpus < 1:
        raise ValueError(f"workers and cpus must be at least 1, got {workers} and {cpus}")
    if kind == "io":
        # Waiting threads release the GIL, so more threads than cores is fine.
        return ThreadPoolExecutor(max_workers=workers)
    if kind == "cpu":
        # Pure-Python computation holds the GIL: only separate processes run in parallel,
        # and more processes than cores only adds overhead.
        return ProcessPoolExecutor(max_workers=min(workers, cpus))
    raise ValueError(f"kind must be 'io' or 'cpu', got {kind!r}")


def run_batch(
    func: Callable[[Any], Any], items: Iterable[Any], *, kind: str, workers: int, cpus: int
) -> list[Any]:
    """func over items on the chosen executor; results in input order; always shut down."""
    with executor_for(kind, workers, cpus=cpus) as pool:
        return list(pool.map(func, items))


def _check_quantity(quantity: int) -> None:
    if quantity < 1:
        raise ValueError(f"quantity must be at least 1, got {quantity}")


class Inventory:
    """Stock levels shared by many threads; every read-modify-write holds one lock."""

    def __init__(
        self, levels: Mapping[str, int], *, pause: Callable[[], None] | None = None
    ) -> None:
        if any(level < 0 for level in levels.values()):
            raise ValueError("stock levels must not be negative")
        self._levels = dict(levels)
        self._pause = pause
        self._lock = threading.Lock()

    def level(self, sku: str) -> int:
        with self._lock:
            return self._levels.get(sku, 0)

    def reserve(self, sku: str, quantity: int) -> bool:
        """Take `quantity` units if that many are in stock; False (and no change) if not."""
        _check_quantity(quantity)
        with self._lock:
            current = self._levels.get(sku, 0)
            if self._pause is not None:
                self._pause()
            if current < quantity:
                return False
            self._levels[sku] = current - quantity
            return True

    def restock(self, sku: str, quantity: int) -> None:
        """Add `quantity` units (an unknown sku starts from 0)."""
        _check_quantity(quantity)
        with self._lock:
            current = self._levels.get(sku, 0)
            if self._pause is not None:
                self._pause()
            self._levels[sku] = current + quantity


def reserve_many(inventory: Inventory, orders: Sequence[tuple[str, int]], workers: int) -> int:
    """Run every (sku, quantity) reservation on `workers` threads; the number that succeeded."""
    if workers < 1:
        raise ValueError(f"workers must be at least 1, got {workers}")
    with ThreadPoolExecutor(max_workers=workers) as pool:
        results = list(pool.map(lambda order: inventory.reserve(*order), orders))
    return sum(results)
