"""Writes of the courses app: enrollment, switching tracks, lesson completion, curriculum sync."""

from __future__ import annotations

import datetime
import logging
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.utils import timezone

from accounts.models import User
from accounts.selectors import user_local_date
from courses import selectors
from courses.errors import EnrollmentError
from courses.models import Enrollment, Lesson, LessonCompletion, Track
from courses.sync import SyncReport, curriculum_sync

__all__ = [
    "SyncReport",
    "TrackChoice",
    "curriculum_sync",
    "enrollment_choose",
    "enrollment_create",
    "enrollment_switch_track",
    "lesson_complete",
    "lesson_uncomplete",
]

logger = logging.getLogger(__name__)


def _assign_mentor(learner: User) -> None:
    """A mentor for the (new) track, in the same transaction; none free → the learner waits."""
    from mentors.services import assignment_ensure

    assignment_ensure(learner=learner)


@transaction.atomic
def enrollment_create(
    *, learner: User, track: Track, started_on: datetime.date | None = None
) -> Enrollment:
    """Start the plan on `track` today (day 1), or on `started_on` (imports and demo data).
    A learner has at most one active enrollment; a second enroll is refused with a message
    pointing at switching."""
    if track.is_retired:
        raise EnrollmentError("This track is no longer offered.")
    current = selectors.enrollment_active(learner=learner)
    if current is not None:
        if current.track_id == track.pk:
            raise EnrollmentError(f"You are already enrolled in {track.title}.")
        raise EnrollmentError(
            f"You are enrolled in {current.track.title}. Switch tracks instead of enrolling twice."
        )
    try:
        with transaction.atomic():
            enrollment = Enrollment.objects.create(
                learner=learner, track=track, started_on=started_on or user_local_date(user=learner)
            )
    except IntegrityError as exc:  # a concurrent request enrolled first
        raise EnrollmentError("You already have an active enrollment.") from exc
    logger.info("learner %s enrolled in %s", learner.pk, track.slug)
    _assign_mentor(learner)
    return enrollment


@transaction.atomic
def enrollment_switch_track(
    *, learner: User, track: Track, by_staff: bool = False, reason: str = ""
) -> Enrollment:
    """Move the learner to another track, keeping their day count (start day carries over).

    Learners may switch until they start work in their track's Phase 3 content; after that
    only staff can (`by_staff=True`), because Phase 3 work belongs to one track.
    """
    current = Enrollment.objects.select_for_update().active().filter(learner=learner).first()
    if current is None:
        raise EnrollmentError("You are not enrolled yet: pick a track to start.")
    if current.track_id == track.pk:
        raise EnrollmentError(f"You are already on {track.title}.")
    if track.is_retired:
        raise EnrollmentError("This track is no longer offered.")
    if not by_staff and selectors.specialisation_started(learner=learner, track=current.track):
        raise EnrollmentError(
            "You have started Phase 3 work in your track, so switching now needs staff: "
            "ask your mentor or support."
        )
    current.status = Enrollment.Status.SWITCHED
    current.ended_at = timezone.now()
    current.note = reason[:200]
    current.save(update_fields=["status", "ended_at", "note"])
    enrollment = Enrollment.objects.create(
        learner=learner,
        track=track,
        started_on=current.started_on,
        note=(f"switched from {current.track.slug}" + (" by staff" if by_staff else ""))[:200],
    )
    logger.info("learner %s switched %s -> %s", learner.pk, current.track.slug, track.slug)
    _assign_mentor(learner)
    return enrollment


@dataclass(frozen=True)
class TrackChoice:
    enrollment: Enrollment
    switched: bool  # False: the learner's first enrollment


@transaction.atomic
def enrollment_choose(*, learner: User, track: Track) -> TrackChoice:
    """The learner picks `track`: enrolled (day 1 today) when they have no active enrollment,
    otherwise switched to it (their day count carries over), refused as those two refuse."""
    if selectors.enrollment_active(learner=learner) is None:
        return TrackChoice(enrollment_create(learner=learner, track=track), switched=False)
    return TrackChoice(enrollment_switch_track(learner=learner, track=track), switched=True)


def lesson_complete(*, learner: User, lesson: Lesson) -> LessonCompletion:
    """Mark a lesson done (idempotent: completing twice keeps the first time)."""
    if not selectors.plan_includes(learner=learner, item=lesson):
        raise EnrollmentError("This lesson is not part of your plan.")
    completion, created = LessonCompletion.objects.get_or_create(learner=learner, lesson=lesson)
    if created:
        from notifications.services import activity_record  # streaks and "practised today"

        activity_record(learner=learner, lessons=1, minutes=lesson.minutes)
    return completion


def lesson_uncomplete(*, learner: User, lesson: Lesson) -> None:
    LessonCompletion.objects.filter(learner=learner, lesson=lesson).delete()
