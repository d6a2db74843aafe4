"""The staff console's reads (the learner page in the admin). Each read composes the apps'
own selectors; nothing here decides anything or writes."""

from __future__ import annotations

from dataclasses import dataclass

from accounts.models import User
from courses import selectors as course_selectors
from courses.models import Enrollment
from mentors import selectors as mentor_selectors
from mentors.models import Capstone, MentorAssignment, ReviewRound
from notifications import selectors as notification_selectors
from notifications.models import Notification
from submissions import selectors as submission_selectors
from submissions.models import Submission

RECENT_SUBMISSIONS = 20
RECENT_NOTIFICATIONS = 20


@dataclass(frozen=True)
class LearnerOverview:
    """What the staff learner page shows beside the account's own fields."""

    learner: User
    enrollment: Enrollment | None
    progress: course_selectors.Progress | None
    assignment: MentorAssignment | None
    submissions: list[Submission]
    capstone: Capstone | None
    rounds: list[ReviewRound]
    notifications: list[Notification]


def learner_overview_get(*, learner: User) -> LearnerOverview:
    """Enrolment, day N, phase, pace and percentage, mentor, the latest submissions, the
    capstone with its rounds and the latest notifications: a constant number of queries,
    however many submissions or notifications the learner has."""
    enrollment = course_selectors.enrollment_active(learner=learner)
    progress = (
        course_selectors.progress_get(enrollment=enrollment) if enrollment is not None else None
    )
    capstone = mentor_selectors.capstone_get(learner=learner)
    rounds = list(mentor_selectors.round_list(capstone=capstone)) if capstone else []
    return LearnerOverview(
        learner=learner,
        enrollment=enrollment,
        progress=progress,
        assignment=mentor_selectors.assignment_get_active(learner=learner),
        submissions=list(
            submission_selectors.learner_submissions(learner=learner)[:RECENT_SUBMISSIONS]
        ),
        capstone=capstone,
        rounds=rounds,
        notifications=notification_selectors.notification_list_recent(
            recipient=learner, limit=RECENT_NOTIFICATIONS
        ),
    )
