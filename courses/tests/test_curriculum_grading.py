"""Every exercise of the curriculum, graded in the real sandbox, in its own runtime, through
the strict verdict a learner gets: the reference solution passes, the starter does not."""

from __future__ import annotations

import pytest

from courses import content, keys
from submissions.sandbox import AnswerKey, Outcome, SandboxResult

EXERCISES = [exercise for _, exercise in content.load_program().exercises()]
Graded = dict[str, tuple[AnswerKey, SandboxResult, SandboxResult]]


@pytest.fixture(scope="module")
def graded(request: pytest.FixtureRequest) -> Graded:
    """The selected exercises (all, unless `-k` picks some) graded once, in parallel
    processes, one per core."""
    selected: set[str] = set()
    for item in request.session.items:
        callspec = getattr(item, "callspec", None)
        if getattr(item, "module", None) is request.module and callspec is not None:
            selected.add(callspec.params["exercise"].slug)
    return keys.grade_many([e for e in EXERCISES if e.slug in selected])


@pytest.mark.parametrize("exercise", EXERCISES, ids=[e.slug for e in EXERCISES])
def test_reference_solution_passes_and_starter_fails_in_the_sandbox(
    exercise: content.ExerciseSpec, graded: Graded
) -> None:
    key, solution, starter = graded[exercise.slug]
    assert solution.outcome == Outcome.PASSED, (solution.reason, solution.staff_notes[:5])
    assert solution.passed == solution.total
    if exercise.kind == "tests":
        caught = [t for t in solution.tests if t.hidden]
        assert len(caught) == len(exercise.mutants) >= content.MIN_MUTANTS
    else:
        assert len(key.visible) >= content.MIN_VISIBLE_TESTS
        assert len(key.checks) >= content.MIN_HIDDEN_TESTS
        assert sum(1 for t in solution.tests if t.hidden) == len(key.checks)

    assert starter.outcome != Outcome.PASSED, starter.reason
    assert starter.passed < starter.total
