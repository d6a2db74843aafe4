"""phase_three_done: the rule that unlocks the capstone, on real progress."""

from __future__ import annotations

import pytest

from accounts.models import User
from courses import selectors as course_selectors
from courses import services as course_services
from courses.models import Enrollment, Track
from mentors import selectors
from mentors.tests.factories import finish_phase_three
from submissions.tests.factories import GradedSubmissionFactory

pytestmark = pytest.mark.django_db


def enrollment_of(learner: User) -> Enrollment:
    enrollment = course_selectors.active_enrollment(learner=learner)
    assert enrollment is not None
    return enrollment


def test_phase_three_is_done_when_every_phase_three_lesson_and_exercise_is(learner: User) -> None:
    assert not selectors.phase_three_done(enrollment=enrollment_of(learner))
    finish_phase_three(learner)
    assert selectors.phase_three_done(enrollment=enrollment_of(learner))


@pytest.mark.parametrize(
    "short", [{"skip_lessons": 1}, {"skip_exercises": 1}], ids=["a lesson", "an exercise"]
)
def test_phase_three_is_not_done_one_item_short(learner: User, short: dict[str, int]) -> None:
    finish_phase_three(learner, **short)
    assert not selectors.phase_three_done(enrollment=enrollment_of(learner))


def test_phase_three_of_another_track_does_not_count(
    outsider: User, data_track: Track, backend_track: Track
) -> None:
    finish_phase_three(outsider)  # enrolled in the data track
    assert selectors.phase_three_done(enrollment=enrollment_of(outsider))
    course_services.switch_track(learner=outsider, track=backend_track, by_staff=True)
    assert not selectors.phase_three_done(enrollment=enrollment_of(outsider))


def test_a_failed_attempt_does_not_solve_a_phase_three_exercise(learner: User) -> None:
    finish_phase_three(learner, skip_exercises=1)
    in_phase_three = {"module__phase__number": selectors.CAPSTONE_PHASE_NUMBER}
    *_, last = course_selectors.exercises_for_learner(learner=learner).filter(**in_phase_three)
    GradedSubmissionFactory.create(learner=learner, exercise=last)  # failed
    assert not selectors.phase_three_done(enrollment=enrollment_of(learner))
