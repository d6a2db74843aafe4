"""Retries with exponential backoff and jitter, and a circuit breaker, on injected time."""

from __future__ import annotations

import random
from collections.abc import Callable
from typing import Any, TypeVar

T = TypeVar("T")


class RetryError(Exception):  # pragma: no mutate - given in the starter
    """Every attempt failed; the last error is `last_error` (and `__cause__`)."""

    def __init__(self, attempts: int, last_error: BaseException) -> None:
        super().__init__(f"gave up after {attempts} attempts: {last_error!r}")
        self.attempts = attempts
        self.last_error = last_error


class CircuitOpenError(Exception):  # pragma: no mutate - given in the starter
    """The circuit is open: the call was refused without reaching the service."""

    def __init__(self, retry_at: float) -> None:
        super().__init__(f"circuit open until {retry_at}")
        self.retry_at = retry_at


def _check_backoff(base: float, cap: float) -> None:
    if base <= 0 or cap < base:
        raise ValueError(f"need 0 < base <= cap, got base={base}, cap={cap}")


def backoff_delay(
    failure: int, *, base: float, cap: float, rng: random.Random | None = None
) -> float:
    """The pause after the `failure`-th failed attempt: base * 2**(failure-1), capped,
    then scaled by one rng.random() draw ("full jitter") when rng is given."""
    if failure < 1:
        raise ValueError(f"failure counts from 1, got {failure}")
    _check_backoff(base, cap)
    raw = min(cap, base * 2 ** (failure - 1))
    return raw if rng is None else raw * rng.random()


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
    if attempts < 1:
        raise ValueError(f"attempts must be at least 1, got {attempts}")
    _check_backoff(base, cap)  # before the first call, not after the first failure
    attempt = 1
    while True:
        try:
            return func()
        except retry_on as error:
            if attempt >= attempts:
                raise RetryError(attempts, error) from error
            sleep(backoff_delay(attempt, base=base, cap=cap, rng=rng))
            attempt += 1


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
        if failure_threshold < 1 or success_threshold < 1:
            raise ValueError("thresholds must be at least 1")
        if reset_timeout <= 0:
            raise ValueError("reset_timeout must be positive")
        self._failure_threshold = failure_threshold
        self._success_threshold = success_threshold
        self._reset_timeout = reset_timeout
        self._clock = clock
        self._failures_on = failures_on
        self._on_change = on_change
        self._state = "closed"
        self._failures = 0
        self._successes: int  # counted from 0 each time the circuit turns half-open
        self._opened_at: float  # set each time the circuit opens

    @property
    def state(self) -> str:
        """One of closed, open, half-open; an open circuit turns half-open once
        reset_timeout has passed on the clock."""
        if self._state == "open" and self._clock() - self._opened_at >= self._reset_timeout:
            self._move("half-open")
        return self._state

    @property
    def failures(self) -> int:
        """Consecutive counted failures; back to 0 on a success while closed or on closing."""
        return self._failures

    def call(self, func: Callable[..., T], /, *args: Any, **kwargs: Any) -> T:
        if self.state == "open":
            raise CircuitOpenError(self._opened_at + self._reset_timeout)
        try:
            result = func(*args, **kwargs)
        except self._failures_on:
            self._failure()
            raise
        except Exception:
            self._success()  # the service answered; the request itself was at fault
            raise
        self._success()
        return result

    def _failure(self) -> None:
        if self._state == "half-open":
            self._move("open")
            return
        self._failures += 1
        if self._failures >= self._failure_threshold:
            self._move("open")

    def _success(self) -> None:
        if self._state == "half-open":
            self._successes += 1
            if self._successes >= self._success_threshold:
                self._move("closed")
        else:
            self._failures = 0

    def _move(self, new: str) -> None:
        old, self._state = self._state, new
        if new == "open":
            self._opened_at = self._clock()
        elif new == "half-open":
            self._successes = 0
        else:
            self._failures = 0
        if self._on_change is not None:
            self._on_change(old, new)
