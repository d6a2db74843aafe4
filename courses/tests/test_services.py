from __future__ import annotations

import datetime

import pytest
import time_machine

from accounts.models import User
from conftest import make_user
from courses import selectors, services
from courses.errors import EnrollmentError
from courses.models import Enrollment, Exercise, Lesson, Track
from submissions.models import Submission


def test_enrolling_starts_day_one_today_in_the_learners_time_zone(backend_track: Track) -> None:
    user = make_user("tokyo@example.com", time_zone="Asia/Tokyo")
    # 20:00 UTC on 1 March is already 2 March in Tokyo.
    with time_machine.travel(datetime.datetime(2026, 3, 1, 20, 0, tzinfo=datetime.UTC), tick=False):
        enrollment = services.enrollment_create(learner=user, track=backend_track)
    assert enrollment.started_on == datetime.date(2026, 3, 2)
    assert enrollment.status == Enrollment.Status.ACTIVE


def test_a_second_enrollment_is_refused_with_a_pointer_to_switching(
    learner: User, data_track: Track, backend_track: Track
) -> None:
    with pytest.raises(EnrollmentError, match="already enrolled"):
        services.enrollment_create(learner=learner, track=backend_track)
    with pytest.raises(EnrollmentError, match="Switch tracks"):
        services.enrollment_create(learner=learner, track=data_track)
    assert Enrollment.objects.filter(learner=learner).count() == 1


def test_switching_before_phase_three_keeps_the_start_day(learner: User, data_track: Track) -> None:
    first = selectors.enrollment_active(learner=learner)
    assert first is not None
    switched = services.enrollment_switch_track(learner=learner, track=data_track)
    first.refresh_from_db()
    assert first.status == Enrollment.Status.SWITCHED
    assert switched.track == data_track
    assert switched.started_on == first.started_on
    assert Enrollment.objects.active().filter(learner=learner).count() == 1


def test_switching_after_phase_three_work_needs_staff(
    learner: User, data_track: Track, backend_track: Track
) -> None:
    track_lesson = Lesson.objects.live().filter(module__track=backend_track).first()
    assert track_lesson is not None
    services.lesson_complete(learner=learner, lesson=track_lesson)
    with pytest.raises(EnrollmentError, match="needs staff"):
        services.enrollment_switch_track(learner=learner, track=data_track)
    enrollment = services.enrollment_switch_track(
        learner=learner, track=data_track, by_staff=True, reason="asked"
    )
    assert enrollment.track == data_track
    assert "by staff" in enrollment.note


def test_a_submission_in_the_track_counts_as_phase_three_work(
    learner: User, backend_track: Track
) -> None:
    exercise = Exercise.objects.live().filter(module__track=backend_track).first()
    assert exercise is not None
    Submission.objects.create(learner=learner, exercise=exercise)
    assert selectors.specialisation_started(learner=learner, track=backend_track)


def test_completing_a_lesson_twice_keeps_one_completion(learner: User) -> None:
    lesson = Lesson.objects.live().filter(module__phase__number=1).first()
    assert lesson is not None
    first = services.lesson_complete(learner=learner, lesson=lesson)
    second = services.lesson_complete(learner=learner, lesson=lesson)
    assert first.pk == second.pk


def test_another_tracks_lesson_cannot_be_completed(learner: User, data_track: Track) -> None:
    lesson = Lesson.objects.live().filter(module__track=data_track).first()
    assert lesson is not None
    with pytest.raises(EnrollmentError, match="not part of your plan"):
        services.lesson_complete(learner=learner, lesson=lesson)


def test_one_active_enrollment_is_enforced_by_the_database(
    learner: User, data_track: Track
) -> None:
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        Enrollment.objects.create(
            learner=learner, track=data_track, started_on=datetime.date.today()
        )


def test_choosing_a_track_enrolls_a_newcomer_then_switches_them(
    backend_track: Track, data_track: Track
) -> None:
    user = make_user("chooser@example.com")
    first = services.enrollment_choose(learner=user, track=backend_track)
    assert (first.switched, first.enrollment.track) == (False, backend_track)
    second = services.enrollment_choose(learner=user, track=data_track)
    assert (second.switched, second.enrollment.track) == (True, data_track)
    assert second.enrollment.started_on == first.enrollment.started_on
    with pytest.raises(EnrollmentError, match="already on"):
        services.enrollment_choose(learner=user, track=data_track)
