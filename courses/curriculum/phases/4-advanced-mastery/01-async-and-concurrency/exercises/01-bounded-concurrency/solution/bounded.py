"""Run many awaitables with at most `limit` in flight at once."""

from __future__ import annotations

import asyncio
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
    if limit < 1:
        raise ValueError("limit must be at least 1")
    semaphore = asyncio.Semaphore(limit)

    async def guarded(factory: Callable[[], Awaitable[T]]) -> T:
        async with semaphore:
            return await factory()  # the factory is only called once we hold a permit

    tasks = [asyncio.ensure_future(guarded(factory)) for factory in factories]
    if not tasks:
        return []
    try:
        results: list[T | BaseException] = list(
            await asyncio.gather(*tasks, return_exceptions=return_exceptions)
        )
    except BaseException:
        for task in tasks:
            task.cancel()
        # Wait for the cancellations so nothing keeps running after we return.
        await asyncio.gather(*tasks, return_exceptions=True)
        raise
    return results


def run_bounded(
    factories: Iterable[Callable[[], Awaitable[T]]],
    limit: int,
    *,
    return_exceptions: bool = False,
) -> list[T | BaseException]:
    """Synchronous wrapper around gather_bounded using asyncio.run."""
    return asyncio.run(gather_bounded(factories, limit, return_exceptions=return_exceptions))
