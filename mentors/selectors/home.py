"""The mentor home and a mentee's pages."""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass

from django.conf import settings
from django.core.paginator import Page, Paginator
from django.db.models import (
    Exists,
    OuterRef,
)
from django.utils import timezone

from accounts.models import User
from accounts.selectors import user_local_date
from courses import selectors as course_selectors
from courses.models import Enrollment
from courses.selectors import CatchUp, Progress
from mentors.models import (
    MentorAssignment,
    MentorProfile,
    ReviewRound,
)
from mentors.selectors.assignment import (
    assignment_get_active,
    mentee_list,
    mentor_profile_get,
    review_allowed,
)
from mentors.selectors.capstones import round_list_waiting
from mentors.selectors.waits import review_sla
from notifications import selectors as notification_selectors
from notifications.selectors import Streaks
from submissions import selectors as submission_selectors
from submissions.models import Submission

MENTEE_PAGE_SIZE = 20
MENTEE_SUBMISSIONS_PAGE_SIZE = 25
STUCK_WINDOW = datetime.timedelta(days=14)
STUCK_SHOWN = 3  # exercises per mentee


@dataclass(frozen=True)
class StuckExercise:
    """An exercise the mentee failed recently and has not solved: the latest failing
    attempt and how many failing attempts the window holds."""

    latest: Submission
    failed_attempts: int

    @property
    def exercise_title(self) -> str:
        return self.latest.exercise.title


@dataclass(frozen=True)
class MenteeSummary:
    """One row of the mentor home. `progress` is None when the learner has no active
    enrolment any more (the assignment outlived it)."""

    assignment: MentorAssignment
    progress: Progress | None
    catch_up: CatchUp | None  # set when the learner is behind the calendar
    streaks: Streaks
    days_since_active: int | None  # None: never active
    stuck: list[StuckExercise]

    @property
    def learner(self) -> User:
        return self.assignment.learner


@dataclass(frozen=True)
class WaitingReview:
    """A review round waiting for the mentor, with how long it has waited against the SLA."""

    review_round: ReviewRound
    waited: datetime.timedelta
    sla: datetime.timedelta

    @property
    def is_overdue(self) -> bool:
        return self.waited >= self.sla

    @property
    def waited_hours(self) -> int:
        return int(self.waited.total_seconds() // 3600)


@dataclass(frozen=True)
class MentorHome:
    profile: MentorProfile
    page: Page[MentorAssignment]
    mentees: list[MenteeSummary]
    reviews: list[WaitingReview]
    sla_hours: int

    @property
    def overdue_count(self) -> int:
        return sum(1 for review in self.reviews if review.is_overdue)


def _stuck_by_learner(
    *, learner_ids: set[int], since: datetime.datetime
) -> dict[int, list[StuckExercise]]:
    """Recent failing attempts at exercises not solved yet, newest first, per learner (one
    query for all of them)."""
    solved = Submission.objects.filter(
        learner_id=OuterRef("learner_id"),
        exercise_id=OuterRef("exercise_id"),
        status=Submission.Status.PASSED,
    )
    failing = (
        Submission.objects.filter(
            learner_id__in=learner_ids,
            status__in=Submission.LEARNER_FAILURES,
            created_at__gte=since,
        )
        .filter(~Exists(solved))
        .select_related("exercise")
        .only(
            "id",
            "learner_id",
            "exercise_id",
            "status",
            "created_at",
            "tests_passed",
            "tests_total",
            "exercise__title",
            "exercise__slug",
        )
        .order_by("-created_at", "-id")
    )
    latest: dict[tuple[int, int], Submission] = {}
    attempts: dict[tuple[int, int], int] = defaultdict(int)
    for submission in failing:
        key = (submission.learner_id, submission.exercise_id)
        latest.setdefault(key, submission)
        attempts[key] += 1
    stuck: dict[int, list[StuckExercise]] = defaultdict(list)
    for key, submission in latest.items():  # in order of the latest attempt, newest first
        if len(stuck[key[0]]) < STUCK_SHOWN:
            stuck[key[0]].append(StuckExercise(latest=submission, failed_attempts=attempts[key]))
    return stuck


def _mentee_summaries(
    *, assignments: list[MentorAssignment], now: datetime.datetime
) -> list[MenteeSummary]:
    """Summaries of the assignments' learners in a number of queries that does not grow
    with them (the courses and notifications selectors read all the learners at once)."""
    learners = [assignment.learner for assignment in assignments]
    enrollments = list(
        Enrollment.objects.active().filter(learner__in=learners).select_related("learner", "track")
    )
    progress_by_learner = {
        p.enrollment.learner_id: p for p in course_selectors.progress_list(enrollments=enrollments)
    }
    streaks = notification_selectors.learner_streaks_list(learners=learners)
    stuck = _stuck_by_learner(
        learner_ids={learner.pk for learner in learners}, since=now - STUCK_WINDOW
    )
    summaries = []
    for assignment in assignments:
        learner_streaks = streaks[assignment.learner_id]
        last = learner_streaks.last_active_on
        learner_progress = progress_by_learner.get(assignment.learner_id)
        summaries.append(
            MenteeSummary(
                assignment=assignment,
                progress=learner_progress,
                catch_up=(
                    course_selectors.catch_up_get(progress=learner_progress)
                    if learner_progress
                    else None
                ),
                streaks=learner_streaks,
                days_since_active=(
                    None
                    if last is None
                    else (user_local_date(user=assignment.learner, at=now) - last).days
                ),
                stuck=stuck.get(assignment.learner_id, []),
            )
        )
    return summaries


def mentor_home_get(
    *, user: User, page_number: str | int | None = None, now: datetime.datetime | None = None
) -> MentorHome | None:
    """The mentor's landing page: a page of their active mentees (longest mentored first)
    with day, phase, pace, streak, last activity and what they are stuck on, and every
    review waiting for them with its wait against the SLA. None for a user who is not a
    mentor. The queries do not grow with the number of mentees."""
    profile = mentor_profile_get(user=user)
    if profile is None:
        return None
    now = now or timezone.now()
    page = Paginator(mentee_list(mentor_user=user), MENTEE_PAGE_SIZE).get_page(page_number)
    sla = review_sla()
    return MentorHome(
        profile=profile,
        page=page,
        mentees=_mentee_summaries(assignments=list(page.object_list), now=now),
        reviews=[
            WaitingReview(review_round=r, waited=now - r.created_at, sla=sla)
            for r in round_list_waiting(user=user)
        ],
        sla_hours=settings.REVIEW_SLA_HOURS,
    )


# --------------------------------------------------------------------------- a mentee's pages


@dataclass(frozen=True)
class MenteePage:
    """A learner as their mentor (or staff) sees them: progress, streaks, submissions."""

    learner: User
    assignment: MentorAssignment | None  # None: staff looking at a learner without a mentor
    progress: Progress | None  # None: not enrolled
    catch_up: CatchUp | None
    streaks: Streaks
    submissions: Page[Submission]


def _mentee_get(*, user: User, learner_id: int) -> User:
    """The learner, if `user` is staff or their currently assigned mentor; else
    User.DoesNotExist (a 404 that does not say the learner exists)."""
    if learner_id == user.pk or not review_allowed(user=user, learner_id=learner_id):
        raise User.DoesNotExist
    learner: User = User.objects.get(pk=learner_id)
    return learner


def mentee_page_get(
    *, user: User, learner_id: int, page_number: str | int | None = None
) -> MenteePage:
    learner = _mentee_get(user=user, learner_id=learner_id)
    enrollment = course_selectors.enrollment_active(learner=learner)
    progress = course_selectors.progress_get(enrollment=enrollment) if enrollment else None
    submissions = submission_selectors.learner_submissions(learner=learner).order_by(
        "-created_at", "-id"
    )
    return MenteePage(
        learner=learner,
        assignment=assignment_get_active(learner=learner),
        progress=progress,
        catch_up=course_selectors.catch_up_get(progress=progress) if progress else None,
        streaks=notification_selectors.learner_streaks(learner=learner),
        submissions=Paginator(submissions, MENTEE_SUBMISSIONS_PAGE_SIZE).get_page(page_number),
    )


def mentee_submission_get(*, user: User, learner_id: int, submission_id: int) -> Submission:
    """A mentee's submission with its files, read-only; Submission.DoesNotExist unless
    `user` may see the learner (`_mentee_get`) and the submission is theirs."""
    try:
        learner = _mentee_get(user=user, learner_id=learner_id)
    except User.DoesNotExist as exc:
        raise Submission.DoesNotExist from exc
    submission = submission_selectors.submission_for_learner(
        learner=learner, submission_id=submission_id
    )
    submission.learner = learner  # loaded already: the page names them
    return submission
