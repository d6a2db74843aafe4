"""Every exercise in the curriculum, graded in the real sandbox: the reference solution
passes all visible and hidden tests, and the starter code fails them."""

from __future__ import annotations

import pytest

from courses import content
from submissions.sandbox import Limits, Outcome, SandboxFile, SandboxResult, run_tests

EXERCISES = [exercise for _, exercise in content.load_program().exercises()]


def _files(exercise: content.ExerciseSpec, role: str) -> list[SandboxFile]:
    return [SandboxFile(path=f.path, content=f.content) for f in exercise.files_with_role(role)]


def _grade(exercise: content.ExerciseSpec, code_role: str) -> SandboxResult:
    return run_tests(
        files=_files(exercise, code_role),
        visible_tests=_files(exercise, "visible_test"),
        hidden_tests=_files(exercise, "hidden_test"),
        limits=Limits(wall_seconds=float(exercise.wall_seconds), memory_mb=exercise.memory_mb),
        mode="bwrap",
    )


@pytest.mark.parametrize("exercise", EXERCISES, ids=[e.slug for e in EXERCISES])
def test_reference_solution_passes_and_starter_fails_in_the_sandbox(
    exercise: content.ExerciseSpec,
) -> None:
    solution = _grade(exercise, "solution")
    assert solution.outcome == Outcome.PASSED, (solution.reason, solution.log_tail[-2000:])
    hidden = [t for t in solution.tests if t.hidden]
    visible = [t for t in solution.tests if not t.hidden]
    assert len(visible) >= content.MIN_VISIBLE_TESTS
    assert len(hidden) >= content.MIN_HIDDEN_TESTS

    starter = _grade(exercise, "starter")
    assert starter.outcome == Outcome.FAILED, (starter.outcome, starter.reason)
    assert starter.passed < starter.total
