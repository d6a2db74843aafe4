"""Run many awaitables with at most `limit` in flight at once."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable
from typing import TypeVar

T = TypeVar("T")


async def gather_bounded(
    factories: Iterable[Callable[[], Awaitable[T]]],
    limit: int,
    *,
    return_exceptions: bool = False,
) -> list[T | BaseException]:
    """Like asyncio.gather, but with at most `limit` jobs running concurrently."""
    raise NotImplementedError


def run_bounded(
    factories: Iterable[Callable[[], Awaitable[T]]],
    limit: int,
    *,
    return_exceptions: bool = False,
) -> list[T | BaseException]:
    """Synchronous wrapper around gather_bounded using asyncio.run."""
    raise NotImplementedError
