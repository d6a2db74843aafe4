import random

import pytest
from resilience import CircuitBreaker, CircuitOpenError, RetryError, backoff_delay, retry


class Flaky:
    """Fails with the given exceptions, in order, then returns "paid"."""

    def __init__(self, *errors):
        self.errors = list(errors)
        self.calls = 0

    def __call__(self):
        self.calls += 1
        if self.errors:
            raise self.errors.pop(0)
        return "paid"


class Clock:
    def __init__(self, now=0.0):
        self.now = now

    def __call__(self):
        return self.now


def test_backoff_doubles_up_to_the_cap():
    assert [backoff_delay(n, base=0.5, cap=3) for n in range(1, 6)] == [0.5, 1.0, 2.0, 3, 3]


def test_full_jitter_scales_by_one_draw():
    rng, twin = random.Random(42), random.Random(42)
    assert backoff_delay(3, base=1, cap=10, rng=rng) == 4 * twin.random()


def test_retry_sleeps_between_attempts_only():
    sleeps = []
    flaky = Flaky(ConnectionError(), TimeoutError())
    assert retry(flaky, attempts=5, base=0.1, cap=1, sleep=sleeps.append) == "paid"
    assert flaky.calls == 3
    assert sleeps == [0.1, 0.2]


def test_retry_gives_up_with_the_last_error_as_cause():
    sleeps = []
    with pytest.raises(RetryError) as caught:
        retry(Flaky(*[ConnectionError(n) for n in range(3)]), attempts=3, base=1, cap=5,
              sleep=sleeps.append)
    assert caught.value.attempts == 3
    assert isinstance(caught.value.__cause__, ConnectionError)
    assert sleeps == [1, 2]


def test_other_errors_are_not_retried():
    flaky = Flaky(KeyError("card"))
    with pytest.raises(KeyError):
        retry(flaky, attempts=3, base=1, cap=2, sleep=lambda s: None, retry_on=(OSError,))
    assert flaky.calls == 1


def test_breaker_opens_after_failures_in_a_row():
    clock = Clock()
    breaker = CircuitBreaker(failure_threshold=2, reset_timeout=30, clock=clock)
    for _ in range(2):
        with pytest.raises(ConnectionError):
            breaker.call(Flaky(ConnectionError()))
    assert breaker.state == "open"
    never = Flaky()
    with pytest.raises(CircuitOpenError) as caught:
        breaker.call(never)
    assert never.calls == 0
    assert caught.value.retry_at == 30


def test_breaker_half_opens_after_the_timeout_and_closes_on_success():
    clock = Clock(100.0)
    changes = []
    breaker = CircuitBreaker(failure_threshold=1, reset_timeout=10, clock=clock,
                             on_change=lambda old, new: changes.append((old, new)))
    with pytest.raises(OSError):
        breaker.call(Flaky(OSError()))
    clock.now = 109.0
    assert breaker.state == "open"
    clock.now = 110.0
    assert breaker.state == "half-open"
    assert breaker.call(Flaky()) == "paid"
    assert breaker.state == "closed" and breaker.failures == 0
    assert changes == [("closed", "open"), ("open", "half-open"), ("half-open", "closed")]


def test_a_success_resets_the_count():
    breaker = CircuitBreaker(failure_threshold=2, reset_timeout=5, clock=Clock())
    with pytest.raises(OSError):
        breaker.call(Flaky(OSError()))
    breaker.call(Flaky())
    with pytest.raises(OSError):
        breaker.call(Flaky(OSError()))
    assert breaker.state == "closed" and breaker.failures == 1
