"""Retries with exponential backoff and jitter, and a circuit breaker, on injected time."""

from __future__ import annotations

import random
from collections.abc import Callable
from typing import Any, TypeVar

T = TypeVar("T")


class RetryError(Exception):
    """Every attempt failed; the last error is `last_error` (and `__cause__`)."""

    def __init__(self, attempts: int, last_error: BaseException) -> None:
        super().__init__(f"gave up after {attempts} attempts: {last_error!r}")
        self.attempts = attempts
        self.last_error = last_error


class CircuitOpenError(Exception):
    """The circuit is open: the call was refused without reaching the service."""

    def __init__(self, retry_at: float) -> None:
        super().__init__(f"circuit open until {retry_at}")
        self.retry_at = retry_at


def backoff_delay(
    failure: int, *, base: float, cap: float, rng: random.Random | None = None
) -> float:
    """The pause after the `failure`-th failed attempt: base * 2**(failure-1), capped,
    then scaled by one rng.random() draw ("full jitter") when rng is given."""
    raise NotImplementedError


def retry(
    func: Callable[[], T],
    *,
    attempts: int,
    base: float,
    cap: float,
    sleep: Callable[[float], None],
    retry_on: tuple[type[BaseException], ...] = (Exception,),
    rng: random.Random | None = None,
) -> T:
    """Call func up to `attempts` times, sleeping a backoff delay between attempts."""
    raise NotImplementedError


class CircuitBreaker:
    """closed -> (failure_threshold failures in a row) -> open -> (reset_timeout) ->
    half-open -> (success_threshold successes) -> closed, or (one failure) -> open."""

    def __init__(
        self,
        *,
        failure_threshold: int,
        reset_timeout: float,
        clock: Callable[[], float],
        success_threshold: int = 1,
        failures_on: tuple[type[BaseException], ...] = (Exception,),
        on_change: Callable[[str, str], None] | None = None,
    ) -> None:
        raise NotImplementedError

    @property
    def state(self) -> str:
        """One of closed, open, half-open."""
        raise NotImplementedError

    @property
    def failures(self) -> int:
        """Consecutive counted failures."""
        raise NotImplementedError

    def call(self, func: Callable[..., T], /, *args: Any, **kwargs: Any) -> T:
        raise NotImplementedError
