"""Hidden checks: they record delays, sleeps, attempts, states and state changes on an
injected clock and a seeded random generator; the grader compares with the reference."""

import random

import pytest
from resilience import CircuitBreaker, CircuitOpenError, RetryError, backoff_delay, retry


class Script:
    """Raises the scripted exceptions in order (None means: succeed with the call number)."""

    def __init__(self, *steps):
        self.steps = list(steps)
        self.calls = 0

    def __call__(self, *args, **kwargs):
        self.calls += 1
        step = self.steps.pop(0) if self.steps else None
        if step is not None:
            raise step
        return f"ok #{self.calls} {args} {sorted(kwargs.items())}"


class Clock:
    def __init__(self, now=0.0):
        self.now = now

    def __call__(self):
        return self.now


def outcome(func, *args, **kwargs):
    """The result, or the exception's type and the attributes the statement defines."""
    try:
        return ("returned", func(*args, **kwargs))
    except RetryError as exc:
        return ("RetryError", exc.attempts, type(exc.last_error).__name__, str(exc.last_error),
                exc.__cause__ is exc.last_error)
    except CircuitOpenError as exc:
        return ("CircuitOpenError", exc.retry_at)
    except Exception as exc:
        return (type(exc).__name__, str(exc))


def check_backoff_schedules(observe):
    for base, cap in [(0.25, 2.0), (1, 1), (3, 100), (0.1, 0.35)]:
        observe([backoff_delay(n, base=base, cap=cap) for n in range(1, 9)], tol=1e-12)
    rng = random.Random(2024)
    observe([backoff_delay(n, base=0.5, cap=8, rng=rng) for n in (1, 2, 3, 4, 5, 6, 7)])
    observe(rng.random())  # exactly one draw per delay
    observe(backoff_delay(40, base=2, cap=60, rng=random.Random(1)))
    for failure, base, cap in [(0, 1, 2), (-1, 1, 2), (1, 0, 2), (1, -1, 2), (2, 3, 2.99)]:
        observe.raises(backoff_delay, failure, base=base, cap=cap)


@pytest.mark.parametrize(
    ("steps", "attempts"),
    [
        ((None,), 1),
        ((ConnectionError("a"), None), 2),
        ((TimeoutError("t1"), ConnectionError("c"), TimeoutError("t2"), None), 6),
        ((OSError("o1"), OSError("o2"), OSError("o3")), 3),  # gives up at exactly `attempts`
        ((OSError("o1"), OSError("o2"), OSError("o3"), None), 3),
        ((OSError("only"),), 1),
    ],
)
def check_retry_attempts_and_sleeps(observe, steps, attempts):
    sleeps = []
    script = Script(*steps)
    observe(outcome(retry, script, attempts=attempts, base=0.2, cap=0.5, sleep=sleeps.append))
    observe(script.calls)
    observe(sleeps, tol=1e-12)


def check_retry_only_retries_what_it_is_told_to(observe):
    sleeps = []
    script = Script(ConnectionError("reset"), PermissionError("no"), None)  # both are OSErrors
    observe(outcome(retry, script, attempts=4, base=1, cap=1, sleep=sleeps.append,
                    retry_on=(OSError,)))
    observe((script.calls, sleeps))
    script = Script(ConnectionError("reset"), KeyError("card"), None)
    observe(outcome(retry, script, attempts=4, base=1, cap=9, sleep=sleeps.append,
                    retry_on=(ConnectionError, TimeoutError)))
    observe((script.calls, sleeps))
    script = Script(ValueError("bad amount"))
    observe(outcome(retry, script, attempts=4, base=1, cap=9, sleep=sleeps.append,
                    retry_on=(ConnectionError,)))
    observe((script.calls, sleeps))


def check_retry_with_jitter(observe):
    sleeps = []
    rng = random.Random(99)
    script = Script(*[TimeoutError(f"t{n}") for n in range(5)])
    observe(outcome(retry, script, attempts=5, base=0.3, cap=2, sleep=sleeps.append, rng=rng))
    observe(sleeps)
    observe(rng.random())


def check_retry_validates_before_calling(observe):
    for attempts, base, cap in [(0, 1, 2), (-2, 1, 2), (3, 0, 2), (3, 2, 1)]:
        script = Script()
        observe(outcome(retry, script, attempts=attempts, base=base, cap=cap,
                        sleep=lambda s: None)[0])
        observe(script.calls)
    observe(outcome(retry, Script(), attempts=1, base=2, cap=2, sleep=lambda s: None))


def check_breaker_lifecycle(observe):
    clock = Clock(1000.0)
    changes = []
    breaker = CircuitBreaker(failure_threshold=3, reset_timeout=60, clock=clock,
                             on_change=lambda old, new: changes.append((old, new, clock.now)))
    script = Script(OSError("1"), OSError("2"), None, OSError("3"), OSError("4"), OSError("5"))
    trace = []
    for now in (1000.0, 1001.0, 1002.0, 1003.0, 1004.0, 1005.0, 1006.0):
        clock.now = now
        trace.append((outcome(breaker.call, script, now), breaker.state, breaker.failures))
    observe(trace)
    observe(script.calls)
    for now in (1064.5, 1065.0):  # opened at 1005: half-open from 1065 on
        clock.now = now
        observe((breaker.state, outcome(breaker.call, Script(), "probe")[0]))
    observe((breaker.state, breaker.failures))
    script = Script(OSError("trial fails"))
    clock.now = 1065.0
    breaker = CircuitBreaker(failure_threshold=1, reset_timeout=10, clock=clock,
                             on_change=lambda old, new: changes.append((old, new, clock.now)))
    observe(outcome(breaker.call, script))
    clock.now = 1075.0
    observe(outcome(breaker.call, Script(ConnectionError("still down"))))  # trial fails
    clock.now = 1084.0
    observe(outcome(breaker.call, Script()))  # re-opened at 1075: closed again at 1085
    clock.now = 1085.0
    observe(outcome(breaker.call, Script(), k=1))
    observe(changes)


def check_half_open_needs_enough_successes(observe):
    clock = Clock(0.0)
    changes = []
    breaker = CircuitBreaker(failure_threshold=2, reset_timeout=5, clock=clock,
                             success_threshold=3, on_change=lambda o, n: changes.append(n))
    steps = [OSError(), OSError(), None, None, OSError(), None, None, None, None, OSError()]
    script = Script(*steps)
    trace = []
    for _ in steps:
        result = outcome(breaker.call, script)
        trace.append((result[0], breaker.state, breaker.failures))
        clock.now += 5  # enough for every open circuit to turn half-open
    observe(trace)
    observe(changes)
    observe(script.calls)


def check_exceptions_that_are_not_failures(observe):
    clock = Clock(10.0)
    breaker = CircuitBreaker(failure_threshold=2, reset_timeout=1, clock=clock,
                             failures_on=(ConnectionError, TimeoutError))
    script = Script(ConnectionError(), ValueError("bad request"), ConnectionError(),
                    KeyError("x"), TimeoutError(), TimeoutError())
    trace = []
    for _ in range(6):
        trace.append((outcome(breaker.call, script)[0], breaker.state, breaker.failures))
    observe(trace)
    clock.now = 11.0
    observe((outcome(breaker.call, Script(ValueError("still a bad request")))[0], breaker.state,
             breaker.failures))


def check_breaker_validation_and_read_only_state(observe):
    for kwargs in [dict(failure_threshold=0, reset_timeout=1),
                   dict(failure_threshold=1, reset_timeout=0),
                   dict(failure_threshold=1, reset_timeout=-5),
                   dict(failure_threshold=1, reset_timeout=1, success_threshold=0)]:
        observe.raises(lambda: CircuitBreaker(clock=Clock(), **kwargs))
    breaker = CircuitBreaker(failure_threshold=1, reset_timeout=0.5, clock=Clock())
    observe((breaker.state, breaker.failures))
    observe.raises(setattr, breaker, "state", "closed")
    observe.raises(setattr, breaker, "failures", 0)
    observe(outcome(breaker.call, Script(OSError("x"))))
    observe((breaker.state, breaker.failures))


def check_retry_around_a_breaker_fails_fast_when_open(observe):
    clock = Clock(500.0)
    sleeps = []

    def sleep(seconds):
        sleeps.append(seconds)
        clock.now += seconds

    breaker = CircuitBreaker(failure_threshold=2, reset_timeout=3, clock=clock)
    service = Script(ConnectionError("a"), ConnectionError("b"), None, None)
    observe(outcome(retry, lambda: breaker.call(service), attempts=5, base=1, cap=4,
                    sleep=sleep, retry_on=(ConnectionError,)))
    observe((service.calls, sleeps, breaker.state, clock.now))
    observe(outcome(retry, lambda: breaker.call(service), attempts=5, base=1, cap=4,
                    sleep=sleep, retry_on=(ConnectionError, CircuitOpenError)))
    observe((service.calls, sleeps, breaker.state, clock.now))
