"""Who mentors whom: automatic matching by load, staff (re)assignment, handing out freed places.

The candidate mentors are locked before their load is counted, so two requests can never
both take a mentor's last free place."""

from __future__ import annotations

import logging

from django.db import IntegrityError, transaction
from django.db.models import Count
from django.utils import timezone

from accounts.models import User
from config.queueing import publish_on_commit
from courses import selectors as course_selectors
from courses.models import Track
from mentors import notify, selectors
from mentors.errors import MentorshipError
from mentors.models import MentorAssignment, MentorProfile

logger = logging.getLogger("apprentice.mentors")


def _pick_mentor(*, track: Track) -> MentorProfile | None:
    """The least-loaded active mentor of the track with a free place (ties: oldest profile).

    The candidate profile rows are locked (in primary-key order, so concurrent callers
    queue instead of deadlocking) before their load is counted: two transactions can never
    both see the last free place of the same mentor."""
    candidates = list(
        MentorProfile.objects.select_for_update(of=("self",))
        .filter(tracks=track, availability=MentorProfile.Availability.ACTIVE)
        .order_by("pk")
        .only("pk", "capacity", "user_id")
    )
    if not candidates:
        return None
    loads = dict(
        MentorAssignment.objects.active()
        .filter(mentor__in=[c.pk for c in candidates])
        .values_list("mentor")
        .annotate(n=Count("pk"))
        .values_list("mentor", "n")
    )
    free = [c for c in candidates if loads.get(c.pk, 0) < c.capacity]
    if not free:
        return None
    return min(free, key=lambda c: (loads.get(c.pk, 0), c.pk))


def _create_assignment(
    *,
    learner: User,
    mentor: MentorProfile,
    track: Track,
    source: str,
    reason: str = "",
    by: User | None = None,
) -> MentorAssignment:
    try:
        with transaction.atomic():
            assignment = MentorAssignment.objects.create(
                learner=learner,
                mentor=mentor,
                track=track,
                source=source,
                reason=reason[:300],
                assigned_by=by,
            )
    except IntegrityError as exc:  # a concurrent request assigned this learner first
        raise MentorshipError("This learner already has a mentor.") from exc
    notify.mentor_assigned(assignment=assignment)
    logger.info("learner %s assigned to mentor %s (%s)", learner.pk, mentor.pk, source)
    return assignment


def _current_locked(*, learner: User) -> MentorAssignment | None:
    """The learner's active assignment, row-locked until the transaction ends."""
    return MentorAssignment.objects.select_for_update().active().filter(learner=learner).first()


def _end_assignment(*, assignment: MentorAssignment, reason: str) -> bool:
    ended = MentorAssignment.objects.filter(pk=assignment.pk, ended_at__isnull=True).update(
        ended_at=timezone.now(), end_reason=reason[:300]
    )
    return ended == 1


@transaction.atomic
def assignment_ensure(*, learner: User) -> MentorAssignment | None:
    """Make sure the learner has a mentor for the track they are enrolled in.

    Keeps a current mentor who covers the track; otherwise ends that assignment and picks
    the least-loaded free mentor. Returns None when nobody is free: the learner then waits
    in `selectors.enrollment_list_unassigned()` until `waiting_learners_assign` finds a place."""
    enrollment = course_selectors.active_enrollment(learner=learner)
    if enrollment is None:
        return None
    current = _current_locked(learner=learner)
    if current is not None:
        if current.track_id == enrollment.track_id:
            return current
        covers = current.mentor.tracks.filter(pk=enrollment.track_id).exists()
        if covers:
            MentorAssignment.objects.filter(pk=current.pk).update(track=enrollment.track)
            current.track = enrollment.track
            return current
        _end_assignment(assignment=current, reason=f"track switched to {enrollment.track.slug}")
    elif selectors.capstone_is_approved(learner=learner, track=enrollment.track):
        return None  # finished: no mentor needed any more
    mentor = _pick_mentor(track=enrollment.track)
    if mentor is None:
        logger.info("no mentor free for learner %s on %s", learner.pk, enrollment.track.slug)
        return None
    return _create_assignment(
        learner=learner,
        mentor=mentor,
        track=enrollment.track,
        source=MentorAssignment.Source.AUTOMATIC,
    )


def waiting_learners_assign_later() -> None:
    """Queue the `mentors.assign_waiting_learners` task, run after the current transaction
    commits (a capacity change saved in admin must be visible to it)."""
    from mentors.tasks import assign_waiting_learners

    publish_on_commit(assign_waiting_learners)


def waiting_learners_assign(*, limit: int = 200) -> int:
    """Hand freed capacity to waiting learners, longest waiting first. Returns how many got
    a mentor. Each learner is assigned in its own transaction; tracks without a free
    mentor are skipped for the rest of the pass."""
    assigned = 0
    full_tracks: set[int] = set()
    for enrollment in selectors.enrollment_list_unassigned()[:limit]:
        if enrollment.track_id in full_tracks:
            continue
        assignment = assignment_ensure(learner=enrollment.learner)
        if assignment is None:
            full_tracks.add(enrollment.track_id)
        else:
            assigned += 1
    return assigned


@transaction.atomic
def assignment_set(
    *, learner: User, mentor: MentorProfile, by: User, reason: str
) -> MentorAssignment:
    """Staff assign or reassign a learner to a specific mentor, with a reason kept in the
    history. The mentor must cover the learner's track, be active and have a free place."""
    if not reason.strip():
        raise MentorshipError("Give a reason for the (re)assignment; it is kept in the history.")
    enrollment = course_selectors.active_enrollment(learner=learner)
    if enrollment is None:
        raise MentorshipError(f"{learner} is not enrolled in a track.")
    locked = MentorProfile.objects.select_for_update().get(pk=mentor.pk)
    if locked.availability != MentorProfile.Availability.ACTIVE:
        raise MentorshipError(f"{locked.user.name} is paused and takes no new mentees.")
    if not locked.tracks.filter(pk=enrollment.track_id).exists():
        raise MentorshipError(f"{locked.user.name} does not cover {enrollment.track.title}.")
    current = _current_locked(learner=learner)
    if current is not None and current.mentor_id == locked.pk:
        raise MentorshipError(f"{learner.name} is already mentored by {locked.user.name}.")
    load = MentorAssignment.objects.active().filter(mentor=locked).count()
    if load >= locked.capacity:
        raise MentorshipError(
            f"{locked.user.name} is at capacity ({load}/{locked.capacity}); raise the capacity first."
        )
    if current is not None:
        _end_assignment(assignment=current, reason=f"reassigned by {by}: {reason}")
    assignment = _create_assignment(
        learner=learner,
        mentor=locked,
        track=enrollment.track,
        source=MentorAssignment.Source.STAFF,
        reason=reason,
        by=by,
    )
    if current is not None:
        transaction.on_commit(waiting_learners_assign)  # the old mentor has a free place
    return assignment


@transaction.atomic
def assignment_end(*, learner: User, reason: str) -> bool:
    current = _current_locked(learner=learner)
    if current is None:
        return False
    return _end_assignment(assignment=current, reason=reason)
