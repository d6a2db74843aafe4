"""Warm runs in the real sandbox: started ahead, used once, graded exactly like cold runs."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator

import pytest

from submissions.sandbox import Limits, Outcome, SandboxFile, SandboxResult, runtimes, warm
from submissions.sandbox.runner import grade_submission
from submissions.tests import sandbox_kit as kit


@pytest.fixture
def pool() -> Iterator[warm.WarmPool]:
    pool = warm.WarmPool(max_keys=4, idle_seconds=60)
    yield pool
    pool.drain()


def _grade(
    code: str, pool: warm.WarmPool | None, *, limits: Limits = kit.FAST, name: str = "arith.py"
) -> SandboxResult:
    return grade_submission(
        files=[SandboxFile(name, code)],
        visible_tests=[kit.VISIBLE],
        hidden_checks=[kit.HIDDEN],
        key=kit.key(),
        runtime=kit.core(),
        limits=limits,
        warm=pool,
    )


def _verdict(result: SandboxResult) -> tuple[str, int, int, list[tuple[str, str, str]]]:
    tests = [(t.nodeid, t.status, t.message) for t in result.tests]
    return result.outcome, result.passed, result.total, tests


def test_a_warm_run_grades_exactly_like_a_cold_one(pool: warm.WarmPool) -> None:
    _grade(kit.REFERENCE.content, pool)  # starts the warm runs for the next submission
    assert len(pool) == 2  # the visible and the hidden run wait for the next submission
    started = pool.waiting()

    for code in (kit.WRONG, kit.REFERENCE.content):
        warm_result = _grade(code, pool)
        assert _verdict(warm_result) == _verdict(_grade(code, None))
    assert _grade(kit.REFERENCE.content, pool).outcome == Outcome.PASSED
    assert _grade(kit.WRONG, pool).outcome == Outcome.FAILED
    # Every grading used the waiting runs and left new ones in their place.
    assert not set(map(id, started.values())) & set(map(id, pool.waiting().values()))


def test_each_submission_runs_in_a_sandbox_of_its_own(pool: warm.WarmPool) -> None:
    # A learner's code that leaves a mark in /tmp and in /work: a reused sandbox would show it
    # to the next submission, which then returns wrong answers and fails.
    marking = (
        "import os\n"
        "_SEEN = os.path.exists('/tmp/mark') or os.path.exists('/work/mark')\n"
        "open('/tmp/mark', 'w').close()\n"
        "open('/work/mark', 'w').close()\n\n"
        + kit.REFERENCE.content.replace("return a + b", "return a + b + (1 if _SEEN else 0)")
    )
    assert _grade(marking, pool).outcome == Outcome.PASSED
    for _ in range(2):
        assert len(pool) == 2
        assert _grade(marking, pool).outcome == Outcome.PASSED


def test_the_wall_clock_starts_when_the_submission_arrives(pool: warm.WarmPool) -> None:
    limits = Limits(wall_seconds=2, cpu_seconds=4)
    _grade(kit.REFERENCE.content, pool, limits=limits)
    time.sleep(2.5)  # the waiting runs are older than their wall limit
    result = _grade(kit.REFERENCE.content, pool, limits=limits)
    assert result.outcome == Outcome.PASSED, result.reason
    slow = kit.REFERENCE.content + "\nimport time\ntime.sleep(3)\n"
    assert _grade(slow, pool, limits=limits).outcome == Outcome.TIMED_OUT


def test_other_limits_or_tests_never_take_a_waiting_run(pool: warm.WarmPool) -> None:
    _grade(kit.REFERENCE.content, pool)
    first = pool.waiting()
    other = Limits(wall_seconds=5, cpu_seconds=5, memory_mb=256)
    assert _grade(kit.REFERENCE.content, pool, limits=other).outcome == Outcome.PASSED
    assert len(pool) == 4
    assert all(pool.waiting()[key] is run for key, run in first.items())
    assert {key.limits for key in pool.waiting()} == {kit.FAST, other}


def test_the_pool_keeps_its_most_recent_keys_and_kills_the_rest() -> None:
    pool = warm.WarmPool(max_keys=2, idle_seconds=60)
    try:
        _grade(kit.REFERENCE.content, pool)
        dropped = list(pool.waiting().values())
        _grade(kit.REFERENCE.content, pool, limits=Limits(wall_seconds=5, cpu_seconds=5))
        assert len(pool) == 2
        assert all(key.limits.wall_seconds == 5 for key in pool.waiting())
        for run in dropped:
            assert run.launched.proc is not None and run.launched.proc.poll() is not None
            assert not run.prepared.tmp.exists()
    finally:
        pool.drain()


def test_a_waiting_run_exits_after_its_idle_time_and_leaves_nothing() -> None:
    pool = warm.WarmPool(max_keys=4, idle_seconds=1.5)
    try:
        _grade(kit.REFERENCE.content, pool)
        runs = list(pool.waiting().values())
        cgroups = [
            d
            for run in runs
            for d in (run.launched.spec.cgroup.dirs if run.launched.spec.cgroup else [])
        ]
        # Importing runs with the lowest CPU share, so on a busy machine this takes a while.
        give_up = time.monotonic() + 120
        while any(run.launched.proc and run.launched.proc.poll() is None for run in runs):
            assert time.monotonic() < give_up, "a waiting run never exited by itself"
            time.sleep(0.1)
        assert all(run.launched.proc and run.launched.proc.returncode == 0 for run in runs)
        # The launcher exited by itself; the pool drops it and the next grading starts cold.
        assert _grade(kit.REFERENCE.content, pool).outcome == Outcome.PASSED
        assert all(run not in pool.waiting().values() for run in runs)
        assert not any(run.prepared.tmp.exists() for run in runs)
        assert not any(d.exists() for d in cgroups)
    finally:
        pool.drain()


def test_a_waiting_run_that_died_is_replaced_by_a_cold_one(pool: warm.WarmPool) -> None:
    _grade(kit.REFERENCE.content, pool)
    for run in pool.waiting().values():
        assert run.launched.proc is not None
        run.launched.proc.kill()
        run.launched.proc.wait()
    assert _grade(kit.REFERENCE.content, pool).outcome == Outcome.PASSED
    assert _grade(kit.WRONG, pool).outcome == Outcome.FAILED


def test_drain_kills_the_waiting_runs_and_removes_their_files(pool: warm.WarmPool) -> None:
    _grade(kit.REFERENCE.content, pool)
    runs = list(pool.waiting().values())
    pool.drain()
    assert len(pool) == 0
    for run in runs:
        assert run.launched.proc is not None and run.launched.proc.poll() is not None
        assert not run.prepared.tmp.exists()
        assert run.launched.spec.cgroup is None or not run.launched.spec.cgroup.dirs


def test_only_runtime_modules_imported_at_the_top_level_are_preloaded() -> None:
    data = runtimes.resolve("data")
    files = [
        SandboxFile(
            "test_model.py",
            "import os\nimport numpy as np\nimport pandas as pd\n"
            "from sklearn.pipeline import Pipeline\nfrom delivery_model import fit\n"
            "from . import helpers\n\n\ndef test_late():\n    import matplotlib.pyplot\n",
        ),
        SandboxFile("model.py", "import polars as pl, sklearn.linear_model\n"),
        SandboxFile("test_broken.py", "def (:\n"),
        SandboxFile("notes.txt", "import duckdb\n"),
    ]
    assert warm.preload_modules(files, data) == (
        "numpy",
        "pandas",
        "polars",
        "sklearn.linear_model",
        "sklearn.pipeline",
    )
    assert warm.preload_modules(files, kit.core()) == ()


def test_a_submission_that_imports_other_libraries_does_not_take_the_waiting_run(
    pool: warm.WarmPool,
) -> None:
    _grade(kit.REFERENCE.content, pool)
    first = pool.waiting()
    with_hypothesis = "import hypothesis\n" + kit.REFERENCE.content
    assert _grade(with_hypothesis, pool).outcome == Outcome.PASSED
    assert len(pool) == 4
    assert all(pool.waiting()[key] is run for key, run in first.items())


def test_a_data_exercise_grades_the_same_warm(pool: warm.WarmPool) -> None:
    from courses import content, keys

    exercise = next(
        e for _, e in content.load_program().exercises() if e.slug == "delivery-time-regression"
    )
    key = keys.record(exercise)

    def grade(role: str) -> SandboxResult:
        return grade_submission(
            files=keys.sandbox_files(exercise, role),
            visible_tests=keys.sandbox_files(exercise, "visible_test"),
            hidden_checks=keys.sandbox_files(exercise, "hidden_test"),
            key=key,
            runtime=runtimes.resolve(exercise.runtime),
            limits=keys.limits_of(exercise),
            warm=pool,
        )

    grade("solution")
    assert all("sklearn.linear_model" in k.preload for k in pool.waiting())
    solution, starter = grade("solution"), grade("starter")
    assert solution.outcome == Outcome.PASSED and solution.passed == solution.total
    assert starter.outcome != Outcome.PASSED and starter.passed < starter.total


def _cpu_share(run: warm.WarmRun) -> str:
    cgroup = run.launched.spec.cgroup
    assert cgroup is not None
    if cgroup.cpu_dir is not None:
        return (cgroup.cpu_dir / "cpu.shares").read_text().strip()
    return (cgroup.dirs[0] / "cpu.weight").read_text().strip()


def test_a_waiting_run_imports_with_the_lowest_cpu_share_and_runs_with_a_normal_one(
    pool: warm.WarmPool,
) -> None:
    _grade(kit.REFERENCE.content, pool)
    runs = list(pool.waiting().values())
    assert {_cpu_share(run) for run in runs} <= {"1", "2"}  # cgroup v2 weight / v1 shares
    seen: list[str] = []
    # While the learner's code sleeps, the host reads the runs' shares.
    timer = threading.Timer(0.8, lambda: seen.extend(_cpu_share(run) for run in runs))
    timer.start()
    slow = kit.REFERENCE.content + "\nimport time\ntime.sleep(1.5)\n"
    assert _grade(slow, pool).outcome == Outcome.PASSED
    timer.join()
    assert seen and set(seen) <= {"100", "1024"}
