import os
import threading
import time
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor

import pytest
from workpool import Inventory, executor_for, reserve_many, run_batch


def square_with_pid(n: int) -> tuple[int, int]:
    return n * n, os.getpid()


def slow_echo(n: int) -> int:
    time.sleep(0.002 * (5 - n))  # the first items finish last
    return n


def test_io_work_gets_threads():
    pool = executor_for("io", 12, cpus=2)
    try:
        assert isinstance(pool, ThreadPoolExecutor)
        assert pool._max_workers == 12
    finally:
        pool.shutdown()


def test_cpu_work_gets_at_most_one_process_per_cpu():
    pool = executor_for("cpu", 12, cpus=2)
    try:
        assert isinstance(pool, ProcessPoolExecutor)
        assert pool._max_workers == 2
    finally:
        pool.shutdown()


def test_bad_arguments_are_rejected():
    for args in [("io", 0, 1), ("cpu", 1, 0), ("disk", 2, 2)]:
        with pytest.raises(ValueError):
            executor_for(args[0], args[1], cpus=args[2])


def test_run_batch_keeps_input_order():
    assert run_batch(slow_echo, range(5), kind="io", workers=5, cpus=1) == [0, 1, 2, 3, 4]


def test_cpu_batch_runs_in_other_processes():
    results = run_batch(square_with_pid, [3, 1, 2], kind="cpu", workers=4, cpus=2)
    assert [value for value, _ in results] == [9, 1, 4]
    assert all(pid != os.getpid() for _, pid in results)


def test_run_batch_shuts_the_pool_down():
    before = threading.active_count()
    run_batch(slow_echo, [4, 3], kind="io", workers=2, cpus=1)
    assert threading.active_count() == before


def test_reserve_takes_stock_only_when_there_is_enough():
    stock = Inventory({"bolt": 5})
    assert stock.reserve("bolt", 3) is True
    assert stock.reserve("bolt", 3) is False
    assert stock.level("bolt") == 2
    assert stock.reserve("bolt", 2) is True
    assert stock.level("bolt") == 0
    assert stock.level("nut") == 0


def test_no_overselling_with_many_threads():
    stock = Inventory({"bolt": 4}, pause=lambda: time.sleep(0.001))
    assert reserve_many(stock, [("bolt", 1)] * 12, workers=6) == 4
    assert stock.level("bolt") == 0


def test_restock_and_validation():
    stock = Inventory({})
    stock.restock("nut", 7)
    assert stock.level("nut") == 7
    with pytest.raises(ValueError):
        stock.reserve("nut", 0)
    with pytest.raises(ValueError):
        Inventory({"nut": -1})
