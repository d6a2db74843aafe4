import asyncio
import functools

import pytest
from bounded import gather_bounded, run_bounded


class Tracker:
    """Counts how many jobs are in flight and remembers the peak."""

    def __init__(self) -> None:
        self.running = 0
        self.peak = 0

    async def job(self, value: int, delay: float = 0.005) -> int:
        self.running += 1
        self.peak = max(self.peak, self.running)
        try:
            await asyncio.sleep(delay)
            return value
        finally:
            self.running -= 1


def test_results_keep_input_order():
    async def later_first(n: int) -> int:
        await asyncio.sleep(0.002 * (5 - n))
        return n * n

    factories = [functools.partial(later_first, n) for n in range(5)]
    assert asyncio.run(gather_bounded(factories, limit=5)) == [0, 1, 4, 9, 16]


def test_never_more_than_limit_in_flight():
    tracker = Tracker()
    factories = [functools.partial(tracker.job, n) for n in range(20)]
    assert asyncio.run(gather_bounded(factories, limit=3)) == list(range(20))
    assert tracker.peak == 3


def test_limit_of_one_runs_sequentially():
    tracker = Tracker()
    asyncio.run(gather_bounded([functools.partial(tracker.job, n) for n in range(4)], limit=1))
    assert tracker.peak == 1


def test_invalid_limit_is_rejected():
    with pytest.raises(ValueError):
        asyncio.run(gather_bounded([], limit=0))


def test_empty_input_gives_empty_list():
    assert asyncio.run(gather_bounded([], limit=2)) == []


def test_run_bounded_is_a_sync_wrapper():
    tracker = Tracker()
    assert run_bounded([functools.partial(tracker.job, n) for n in range(6)], limit=2) == [
        0,
        1,
        2,
        3,
        4,
        5,
    ]
    assert tracker.peak == 2


def test_return_exceptions_places_errors_in_position():
    async def maybe_fail(n: int) -> int:
        await asyncio.sleep(0)
        if n == 1:
            raise KeyError(n)
        return n

    results = run_bounded(
        [functools.partial(maybe_fail, n) for n in range(3)], limit=2, return_exceptions=True
    )
    assert results[0] == 0 and results[2] == 2
    assert isinstance(results[1], KeyError)
