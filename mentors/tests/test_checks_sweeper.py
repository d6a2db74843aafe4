from __future__ import annotations

import datetime

import time_machine
from django.utils import timezone

from accounts.models import User
from courses.models import Track
from mentors import services
from mentors.models import CheckRun
from mentors.tests.factories import make_learner, uploaded_round


def _uploaded_run(track: Track, staff: User) -> CheckRun:
    learner = make_learner("sweep@example.com")
    from courses import services as course_services

    course_services.enrollment_create(learner=learner, track=track)
    return CheckRun.objects.get(version=uploaded_round(learner, track, staff=staff).version)


def test_a_check_run_whose_message_was_lost_is_published_again(
    backend_track: Track, staff: User, django_capture_on_commit_callbacks
) -> None:
    with django_capture_on_commit_callbacks(execute=False):
        run = _uploaded_run(backend_track, staff)
    assert services.check_runs_requeue_stale() == 0  # just uploaded: its message is on the way
    later = timezone.now() + datetime.timedelta(minutes=2)
    with (
        time_machine.travel(later, tick=False),
        django_capture_on_commit_callbacks(execute=False) as published,
    ):
        assert services.check_runs_requeue_stale() == 1
    assert len(published) == 1
    run.refresh_from_db()
    assert run.status == CheckRun.Status.QUEUED


def test_finished_and_live_runs_are_left_alone(backend_track: Track, staff: User) -> None:
    run = _uploaded_run(backend_track, staff)
    claimed = services.check_run_claim(check_run_id=run.pk)
    assert claimed is not None
    later = timezone.now() + datetime.timedelta(minutes=2)
    with time_machine.travel(later, tick=False):
        assert services.check_runs_requeue_stale() == 0  # running, lease still valid
    services.check_run_record_failure(check_run_id=run.pk, error="stopped by test")
    with time_machine.travel(later + datetime.timedelta(hours=1), tick=False):
        assert services.check_runs_requeue_stale() == 0  # final
