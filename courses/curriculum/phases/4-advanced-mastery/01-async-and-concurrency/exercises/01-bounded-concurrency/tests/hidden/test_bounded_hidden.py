import asyncio
import functools

import pytest
from bounded import gather_bounded, run_bounded


def test_factories_are_called_only_when_a_slot_is_free():
    called: list[int] = []
    release = {n: asyncio.Event() for n in range(4)}

    async def job(n: int) -> int:
        await release[n].wait()
        return n

    def factory(n: int):
        called.append(n)
        return job(n)

    async def main() -> tuple[list[int], list[int], list[object]]:
        task = asyncio.ensure_future(
            gather_bounded([functools.partial(factory, n) for n in range(4)], limit=2)
        )
        for _ in range(5):
            await asyncio.sleep(0)
        while_two_run = list(called)
        release[1].set()
        for _ in range(5):
            await asyncio.sleep(0)
        after_one_finished = list(called)
        for event in release.values():
            event.set()
        return while_two_run, after_one_finished, await task

    while_two_run, after_one_finished, results = asyncio.run(main())
    assert while_two_run == [0, 1]
    assert after_one_finished == [0, 1, 2]
    assert results == [0, 1, 2, 3]


def test_failure_propagates_unwrapped_and_cancels_the_rest():
    finished: list[int] = []
    cancelled: list[int] = []

    async def job(n: int) -> int:
        try:
            if n == 0:
                await asyncio.sleep(0.001)
                raise RuntimeError("boom")
            await asyncio.sleep(0.5)
            finished.append(n)
            return n
        except asyncio.CancelledError:
            cancelled.append(n)
            raise

    with pytest.raises(RuntimeError, match="boom"):
        run_bounded([functools.partial(job, n) for n in range(6)], limit=3)
    assert finished == []
    # 1 and 2 were running; 3 may have taken the permit that job 0 released; 4 and 5 never ran
    assert {1, 2} <= set(cancelled) <= {1, 2, 3}


def test_no_tasks_left_running_after_failure():
    async def fail() -> None:
        raise ValueError("bad")

    async def slow() -> None:
        await asyncio.sleep(1)

    async def main() -> tuple[BaseException | None, set[asyncio.Task[object]]]:
        error: BaseException | None = None
        try:
            await gather_bounded([fail, slow, slow, slow], limit=2)
        except ValueError as exc:
            error = exc
        leftover = {t for t in asyncio.all_tasks() if t is not asyncio.current_task()}
        return error, leftover

    error, leftover = asyncio.run(main())
    assert isinstance(error, ValueError)
    assert leftover == set()


def test_accepts_a_generator_of_factories_and_plain_awaitable_factories():
    async def value(n: int) -> int:
        return n + 1

    assert run_bounded((functools.partial(value, n) for n in range(3)), limit=10) == [1, 2, 3]


def test_permit_released_after_failures_with_return_exceptions():
    async def fail() -> None:
        raise OSError("disk")

    async def ok() -> str:
        return "ok"

    results = run_bounded([fail, fail, ok, ok], limit=1, return_exceptions=True)
    assert [type(r).__name__ for r in results] == ["OSError", "OSError", "str", "str"]
