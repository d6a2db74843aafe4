"""Mentor profiles, assignments and who may review a learner."""

from __future__ import annotations

from django.db.models import (
    Count,
    Exists,
    OuterRef,
    Q,
    QuerySet,
)

from accounts.models import User
from courses.models import Enrollment, Track
from mentors.models import (
    Capstone,
    MentorAssignment,
    MentorProfile,
)


def mentor_profile_list() -> QuerySet[MentorProfile]:
    """Profiles annotated with `active_mentees` (one query, for lists and admin)."""
    return (
        MentorProfile.objects.select_related("user")
        .prefetch_related("tracks")
        .annotate(active_mentees=Count("assignments", filter=Q(assignments__ended_at__isnull=True)))
    )


def mentor_profile_get(*, user: User) -> MentorProfile | None:
    return mentor_profile_list().filter(user=user).first()


def assignment_get_active(*, learner: User) -> MentorAssignment | None:
    return (
        MentorAssignment.objects.active()
        .select_related("mentor__user", "track")
        .filter(learner=learner)
        .first()
    )


def assignment_list(*, learner: User) -> QuerySet[MentorAssignment]:
    return MentorAssignment.objects.filter(learner=learner).select_related(
        "mentor__user", "track", "assigned_by"
    )


def capstone_is_approved(*, learner: User, track: Track) -> bool:
    return Capstone.objects.approved().filter(learner=learner, track=track).exists()


def enrollment_list_unassigned() -> QuerySet[Enrollment]:
    """Active enrollments whose learner has no mentor (and no approved capstone in the
    track), longest waiting first: the order in which freed capacity is handed out."""
    has_mentor = MentorAssignment.objects.active().filter(learner=OuterRef("learner"))
    finished = Capstone.objects.approved().filter(
        learner=OuterRef("learner"), track=OuterRef("track")
    )
    return (
        Enrollment.objects.active()
        .filter(~Exists(has_mentor), ~Exists(finished))
        .select_related("learner", "track")
        .order_by("created_at", "pk")
    )


def mentee_list(*, mentor_user: User) -> QuerySet[MentorAssignment]:
    """The active mentees of a mentor, longest mentored first (none for anybody else)."""
    return (
        MentorAssignment.objects.active()
        .filter(mentor__user=mentor_user)
        .select_related("learner", "track")
        .order_by("created_at")
    )


def review_allowed(*, user: User, learner_id: int) -> bool:
    """Staff, or the learner's currently assigned mentor."""
    if user.is_staff:
        return True
    return (
        MentorAssignment.objects.active().filter(learner_id=learner_id, mentor__user=user).exists()
    )


def assignment_active_by_learner(*, learner_ids: list[int]) -> dict[int, MentorAssignment]:
    """The active assignment of each of these learners that has one (one query)."""
    assignments = (
        MentorAssignment.objects.active()
        .filter(learner_id__in=learner_ids)
        .select_related("mentor__user", "track")
    )
    return {assignment.learner_id: assignment for assignment in assignments}
