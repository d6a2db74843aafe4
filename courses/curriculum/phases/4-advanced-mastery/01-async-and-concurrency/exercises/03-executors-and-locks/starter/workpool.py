"""Pick the right executor for the work, and keep shared state safe across threads."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from concurrent.futures import Executor
from typing import Any


def executor_for(kind: str, workers: int, *, cpus: int) -> Executor:
    """A ThreadPoolExecutor for "io" work, a ProcessPoolExecutor for "cpu" work."""
    raise NotImplementedError


def run_batch(
    func: Callable[[Any], Any], items: Iterable[Any], *, kind: str, workers: int, cpus: int
) -> list[Any]:
    """func over items on the chosen executor; results in input order; always shut down."""
    raise NotImplementedError


class Inventory:
    """Stock levels shared by many threads; every read-modify-write holds one lock."""

    def __init__(
        self, levels: Mapping[str, int], *, pause: Callable[[], None] | None = None
    ) -> None:
        raise NotImplementedError

    def level(self, sku: str) -> int:
        raise NotImplementedError

    def reserve(self, sku: str, quantity: int) -> bool:
        """Take `quantity` units if that many are in stock; False (and no change) if not."""
        raise NotImplementedError

    def restock(self, sku: str, quantity: int) -> None:
        """Add `quantity` units (an unknown sku starts from 0)."""
        raise NotImplementedError


def reserve_many(inventory: Inventory, orders: Sequence[tuple[str, int]], workers: int) -> int:
    """Run every (sku, quantity) reservation on `workers` threads; the number that succeeded."""
    raise NotImplementedError
