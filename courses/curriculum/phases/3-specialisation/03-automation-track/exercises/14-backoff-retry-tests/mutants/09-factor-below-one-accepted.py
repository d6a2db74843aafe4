"""Retry a flaky operation with exponential backoff. The sleep function is injected."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")
RETRYABLE: tuple[type[BaseException], ...] = (ConnectionError, TimeoutError)


class RetryError(Exception):
    """Every attempt failed with a retryable error."""

    def __init__(self, attempts: int, last_error: BaseException) -> None:
        super().__init__(f"gave up after {attempts} attempts: {last_error!r}")
        self.attempts = attempts
        self.last_error = last_error


def backoff_delays(
    attempts: int, *, base: float = 0.5, factor: float = 2.0, max_delay: float = 30.0
) -> list[float]:
    """The waits between `attempts` tries: base, base*factor, base*factor**2, ... capped."""
    if attempts < 1:
        raise ValueError("attempts must be at least 1")
    if base < 0 or factor < 0 or max_delay < 0:
        raise ValueError("base and max_delay must be >= 0 and factor >= 1")
    return [min(base * factor**i, max_delay) for i in range(attempts - 1)]


def retry(
    operation: Callable[[], T],
    *,
    attempts: int = 3,
    base: float = 0.5,
    factor: float = 2.0,
    max_delay: float = 30.0,
    retry_on: tuple[type[BaseException], ...] = RETRYABLE,
    sleep: Callable[[float], None] = time.sleep,
) -> T:
    """Call `operation` until it succeeds, sleeping between tries; RetryError when all fail."""
    delays = backoff_delays(attempts, base=base, factor=factor, max_delay=max_delay)
    for delay in delays:
        try:
            return operation()
        except retry_on:
            sleep(delay)
    try:
        return operation()
    except retry_on as exc:
        raise RetryError(attempts, exc) from exc
