"""Reads composed for the API's course lists: what a learner may see, with per-row state
(completed, solved) annotated so that a page costs the same number of queries at any size.
(Page reads live in courses.selectors; these add the annotations the API needs.)"""

from __future__ import annotations

from django.db.models import Exists, OuterRef, Q, QuerySet

from accounts.models import User
from courses import selectors
from courses.models import Exercise, Lesson, LessonCompletion, Phase, Track
from submissions.models import Submission


def _visible_to(learner: User) -> Q:
    enrollment = selectors.active_enrollment(learner=learner)
    shared = Q(module__track__isnull=True)
    if enrollment is None:
        return shared
    return shared | Q(module__track_id=enrollment.track_id)


def lessons_for_learner(*, learner: User) -> QuerySet[Lesson]:
    """Live lessons of the shared phases and the learner's track, each with `completed`."""
    lessons: QuerySet[Lesson] = (
        Lesson.objects.live()
        .filter(_visible_to(learner), module__retired_at__isnull=True)
        .select_related("module__phase", "module__track")
        .annotate(
            completed=Exists(
                LessonCompletion.objects.filter(learner=learner, lesson=OuterRef("pk"))
            )
        )
        .order_by("module__phase__number", "module__order", "order", "id")
    )
    return lessons


def exercises_for_learner(*, learner: User) -> QuerySet[Exercise]:
    """Live exercises the learner may open, each with `solved` (a passing submission)."""
    exercises: QuerySet[Exercise] = (
        Exercise.objects.live()
        .filter(_visible_to(learner), module__retired_at__isnull=True)
        .select_related("module__phase", "module__track")
        .annotate(
            solved=Exists(
                Submission.objects.filter(
                    learner=learner, exercise=OuterRef("pk"), status=Submission.Status.PASSED
                )
            )
        )
        .order_by("module__phase__number", "module__order", "order", "id")
    )
    return exercises


def phases() -> QuerySet[Phase]:
    return Phase.objects.live().select_related("program").order_by("number")


def tracks() -> QuerySet[Track]:
    return selectors.catalog_tracks()
