"""Every exercise of the curriculum, graded in the real sandbox, in its own runtime, through
the strict verdict a learner gets: the reference solution passes, the starter does not."""

from __future__ import annotations

import pytest

from courses import content, keys
from submissions.sandbox import Outcome

EXERCISES = [exercise for _, exercise in content.load_program().exercises()]


@pytest.mark.parametrize("exercise", EXERCISES, ids=[e.slug for e in EXERCISES])
def test_reference_solution_passes_and_starter_fails_in_the_sandbox(
    exercise: content.ExerciseSpec,
) -> None:
    key = keys.record(exercise)
    solution = keys.grade(exercise, "solution", key)
    assert solution.outcome == Outcome.PASSED, (solution.reason, solution.staff_notes[:5])
    assert solution.passed == solution.total
    if exercise.kind == "tests":
        caught = [t for t in solution.tests if t.hidden]
        assert len(caught) == len(exercise.mutants) >= content.MIN_MUTANTS
    else:
        assert len(key.visible) >= content.MIN_VISIBLE_TESTS
        assert len(key.checks) >= content.MIN_HIDDEN_TESTS
        assert sum(1 for t in solution.tests if t.hidden) == len(key.checks)

    starter = keys.grade(exercise, "starter", key)
    assert starter.outcome != Outcome.PASSED, starter.reason
    assert starter.passed < starter.total
