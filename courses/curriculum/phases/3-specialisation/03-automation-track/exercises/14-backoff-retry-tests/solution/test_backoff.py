"""The reference suite for backoff.py: behaviour only, with a fake sleep."""

import pytest
from backoff import RETRYABLE, RetryError, backoff_delays, retry


class Flaky:
    """Fails with the given exceptions, one per call, then returns 'ok'."""

    def __init__(self, *errors: BaseException) -> None:
        self.errors = list(errors)
        self.calls = 0

    def __call__(self) -> str:
        self.calls += 1
        if self.errors:
            raise self.errors.pop(0)
        return "ok"


def test_default_delays_double_each_time_up_to_30_seconds():
    assert backoff_delays(5) == [0.5, 1.0, 2.0, 4.0]
    assert backoff_delays(1) == []
    assert backoff_delays(8) == [0.5, 1.0, 2.0, 4.0, 8.0, 16.0, 30.0]


def test_retry_defaults_three_attempts_and_a_30_second_cap():
    slept: list[float] = []
    operation = Flaky(*[TimeoutError("t")] * 10)
    with pytest.raises(RetryError):
        retry(operation, sleep=slept.append)
    assert (operation.calls, slept) == (3, [0.5, 1.0])
    slept.clear()
    with pytest.raises(RetryError):
        retry(Flaky(*[TimeoutError("t")] * 10), attempts=8, sleep=slept.append)
    assert slept[-2:] == [16.0, 30.0]


def test_delays_are_exponential_for_any_factor():
    assert backoff_delays(6, base=1.0, factor=3.0, max_delay=1000.0) == [1.0, 3.0, 9.0, 27.0, 81.0]


def test_delays_are_capped_at_max_delay():
    assert backoff_delays(6, base=1.0, factor=2.0, max_delay=5.0) == [1.0, 2.0, 4.0, 5.0, 5.0]
    assert backoff_delays(3, base=7.0, factor=1.0, max_delay=7.0) == [7.0, 7.0]


@pytest.mark.parametrize(
    "kwargs",
    [{"attempts": 0}, {"attempts": -1}, {"attempts": 3, "base": -0.1},
     {"attempts": 3, "factor": 0.9}, {"attempts": 3, "max_delay": -1.0}],
)
def test_invalid_settings(kwargs):
    attempts = kwargs.pop("attempts")
    with pytest.raises(ValueError):
        backoff_delays(attempts, **kwargs)
    operation = Flaky()
    with pytest.raises(ValueError):
        retry(operation, attempts=attempts, sleep=lambda delay: None, **kwargs)
    assert operation.calls == 0


def test_boundary_settings_are_valid():
    assert backoff_delays(2, base=0.0, factor=1.0, max_delay=0.0) == [0.0]


def test_first_success_returns_without_sleeping():
    slept: list[float] = []
    operation = Flaky()
    assert retry(operation, sleep=slept.append) == "ok"
    assert (operation.calls, slept) == (1, [])


def test_retries_with_the_backoff_delays_until_success():
    slept: list[float] = []
    operation = Flaky(ConnectionError("reset"), TimeoutError("slow"), ConnectionError("reset"))
    result = retry(operation, attempts=5, base=1.0, factor=3.0, max_delay=5.0, sleep=slept.append)
    assert result == "ok"
    assert operation.calls == 4
    assert slept == [1.0, 3.0, 5.0]


def test_gives_up_after_exactly_attempts_calls_without_a_last_sleep():
    slept: list[float] = []
    last = TimeoutError("third")
    operation = Flaky(ConnectionError("first"), ConnectionError("second"), last)
    with pytest.raises(RetryError) as info:
        retry(operation, attempts=3, sleep=slept.append)
    assert operation.calls == 3
    assert slept == [0.5, 1.0]
    assert info.value.attempts == 3
    assert info.value.last_error is last


def test_a_single_attempt_never_sleeps():
    slept: list[float] = []
    operation = Flaky(ConnectionError("down"))
    with pytest.raises(RetryError) as info:
        retry(operation, attempts=1, sleep=slept.append)
    assert (operation.calls, slept, info.value.attempts) == (1, [], 1)


def test_other_errors_propagate_at_once():
    slept: list[float] = []
    error = PermissionError("denied")
    operation = Flaky(ConnectionError("blip"), error)
    with pytest.raises(PermissionError) as info:
        retry(operation, attempts=5, sleep=slept.append)
    assert info.value is error
    assert (operation.calls, slept) == (2, [0.5])


def test_retry_on_decides_what_is_retried():
    slept: list[float] = []
    operation = Flaky(KeyError("not yet"), KeyError("not yet"))
    assert retry(operation, retry_on=(KeyError,), sleep=slept.append) == "ok"
    assert slept == [0.5, 1.0]
    with pytest.raises(ConnectionError):
        retry(Flaky(ConnectionError("x")), retry_on=(KeyError,), sleep=slept.append)
    assert RETRYABLE == (ConnectionError, TimeoutError)


def test_subclasses_of_retryable_errors_are_retried():
    slept: list[float] = []
    assert retry(Flaky(ConnectionRefusedError("no")), sleep=slept.append) == "ok"
    assert slept == [0.5]


def test_retry_error_message_and_type():
    with pytest.raises(RetryError) as info:
        retry(Flaky(*[TimeoutError("t")] * 2), attempts=2, sleep=lambda d: None)
    assert isinstance(info.value, Exception)
    assert "2" in str(info.value)
