from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from accounts.models import User
from conftest import make_user
from courses import selectors, services
from courses.errors import NotInPlan
from courses.models import Enrollment, Exercise, ExerciseFile, Lesson, Track
from submissions.models import Submission


def _enrollment(learner: User) -> Enrollment:
    enrollment = selectors.enrollment_active(learner=learner)
    assert enrollment is not None
    return enrollment


def _progress_on_day(learner: User, day: int) -> selectors.Progress:
    enrollment = _enrollment(learner)
    today = enrollment.started_on + datetime.timedelta(days=day - 1)
    return selectors.progress_get(enrollment=enrollment, today=today)


def test_day_one_of_a_fresh_learner_is_on_track_in_phase_one(learner: User) -> None:
    progress = _progress_on_day(learner, 1)
    assert progress.day_number == 1
    assert progress.expected_phase.number == 1
    assert progress.current_phase.number == 1
    assert progress.pace == "on track"
    assert [p.phase.number for p in progress.phases] == [1, 2, 3, 4]


def test_day_forty_without_finishing_phase_one_is_behind(learner: User) -> None:
    progress = _progress_on_day(learner, 40)
    assert progress.expected_phase.number == 2
    assert progress.pace == "behind"


def test_finishing_phase_one_early_is_ahead(learner: User) -> None:
    for lesson in Lesson.objects.live().filter(module__phase__number=1):
        services.lesson_complete(learner=learner, lesson=lesson)
    for exercise in Exercise.objects.live().filter(module__phase__number=1):
        Submission.objects.create(
            learner=learner, exercise=exercise, status=Submission.Status.PASSED
        )
    progress = _progress_on_day(learner, 10)
    assert progress.phases[0].percent == 100
    assert progress.current_phase.number == 2
    assert progress.pace == "ahead"
    assert progress.next_step is not None and progress.next_step.phase_number == 2


def test_the_day_number_is_capped_at_the_end_of_the_programme(learner: User) -> None:
    progress = _progress_on_day(learner, 400)
    assert progress.day_number == 180
    assert progress.expected_phase.number == 4


def test_failed_submissions_do_not_count_as_solved(learner: User) -> None:
    exercise = Exercise.objects.live().filter(module__phase__number=1).first()
    assert exercise is not None
    Submission.objects.create(learner=learner, exercise=exercise, status=Submission.Status.FAILED)
    assert _progress_on_day(learner, 1).exercises_solved == 0


def test_the_roadmap_shows_only_the_learners_track_in_phase_three(learner: User) -> None:
    enrollment = _enrollment(learner)
    phases = selectors.roadmap_get(track=enrollment.track)
    phase3 = next(p for p in phases if p.number == 3)
    tracks = {m.track_id for m in phase3.modules.all()}
    assert tracks == {enrollment.track_id}


def test_progress_takes_a_constant_number_of_queries(
    learner: User, django_assert_max_num_queries
) -> None:
    enrollment = _enrollment(learner)
    with django_assert_max_num_queries(8):
        selectors.progress_get(enrollment=enrollment)


def test_the_plan_holds_shared_and_own_track_content_never_another_tracks_or_retired(
    learner: User, backend_track: Track, data_track: Track
) -> None:
    shared = Lesson.objects.live().filter(module__track__isnull=True).first()
    own = Exercise.objects.live().filter(module__track=backend_track).first()
    other = Lesson.objects.live().filter(module__track=data_track).first()
    assert shared is not None and own is not None and other is not None
    assert selectors.plan_includes(learner=learner, item=shared)
    assert selectors.plan_includes(learner=learner, item=own)
    assert not selectors.plan_includes(learner=learner, item=other)
    assert selectors.lesson_get(learner=learner, slug=shared.slug) == shared
    with pytest.raises(NotInPlan):
        selectors.lesson_get(learner=learner, slug=other.slug)
    Lesson.objects.filter(pk=shared.pk).update(retired_at=timezone.now())
    shared.refresh_from_db()
    assert not selectors.plan_includes(learner=learner, item=shared)
    with pytest.raises(NotInPlan):
        selectors.lesson_get(learner=learner, slug=shared.slug)


def test_a_learner_without_a_track_has_only_the_shared_modules(backend_track: Track) -> None:
    newcomer = make_user("newcomer@example.com")
    own = Exercise.objects.live().filter(module__track=backend_track).first()
    shared = Exercise.objects.live().filter(module__track__isnull=True).first()
    assert own is not None and shared is not None
    assert not selectors.plan_includes(learner=newcomer, item=own)
    assert selectors.exercise_get(learner=newcomer, slug=shared.slug).public_files  # type: ignore[attr-defined]
    with pytest.raises(NotInPlan):
        selectors.exercise_get(learner=newcomer, slug=own.slug)


def test_the_exercise_page_context_splits_public_files_by_role(learner: User) -> None:
    suite = Exercise.objects.live().filter(kind=Exercise.Kind.TESTS).first()
    assert suite is not None
    exercise = selectors.exercise_get(learner=learner, slug=suite.slug)
    page = selectors.exercise_page_context(learner=learner, exercise=exercise)
    Role = ExerciseFile.Role
    assert page["subject_files"] and {f.role for f in page["subject_files"]} == {Role.SUBJECT}
    assert {f.role for f in page["starter_files"]} == {Role.STARTER}
    assert {f.role for f in page["visible_tests"]} <= {Role.VISIBLE_TEST}
    assert page["start"].source == "starter"
    refused = selectors.exercise_page_context(learner=learner, exercise=exercise, refused=True)
    assert refused["start"] is None and refused["starting_over"] is False
