"""Feedback requests on exercise submissions, and the posting rate of every thread."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Literal

from django.conf import settings
from django.db.models import (
    Count,
    Prefetch,
    Q,
    QuerySet,
)
from django.utils import timezone

from accounts.models import User
from mentors.models import (
    FeedbackComment,
    FeedbackMessage,
    FeedbackRequest,
    LineComment,
    MentorAssignment,
    RoundMessage,
)
from mentors.selectors.assignment import assignment_get_active
from submissions.models import Submission, SubmissionFile

FeedbackRole = Literal["learner", "mentor"]


def _feedback_visible_to(user: User) -> Q:
    """The one access rule of feedback requests: the learner who asked, and the mentor they
    asked while that mentor's assignment to the learner lasts. A mentor who is reassigned
    away (or whose mentee finished) keeps no access, not even to the requests they answered;
    requests made after that go to the new mentor. Staff read them in the admin only."""
    return Q(learner=user) | Q(mentor=user, assignment__ended_at__isnull=True)


def feedback_role(*, user: User, feedback_request: FeedbackRequest) -> FeedbackRole | None:
    """Which side of the request the user is on now, None when it is not theirs to see."""
    visible = FeedbackRequest.objects.filter(
        _feedback_visible_to(user), pk=feedback_request.pk
    ).exists()
    if not visible:
        return None
    return "learner" if feedback_request.learner_id == user.pk else "mentor"


def _feedback_list() -> QuerySet[FeedbackRequest]:
    return FeedbackRequest.objects.select_related(
        "learner", "mentor", "submission__exercise"
    ).annotate(message_count=Count("messages", distinct=True))


def feedback_request_list_for_learner(*, learner: User) -> QuerySet[FeedbackRequest]:
    """The learner's requests: open first, newest first."""
    return (
        _feedback_list().filter(learner=learner).order_by("status", "-created_at", "-pk")
    )  # "open" < "resolved"


def feedback_request_list_for_mentor(
    *, mentor_user: User, status: str = FeedbackRequest.Status.OPEN
) -> QuerySet[FeedbackRequest]:
    """Requests made to the mentor by their current mentees in `status`, oldest first
    (open ones are a queue: the longest waiting comes first)."""
    return (
        _feedback_list()
        .filter(mentor=mentor_user, assignment__ended_at__isnull=True, status=status)
        .order_by("created_at", "pk")
    )


def feedback_request_get(*, user: User, request_id: int) -> FeedbackRequest:
    """The request with its thread, line comments and the submission's files, or
    FeedbackRequest.DoesNotExist unless `_feedback_visible_to` lets the user see it."""
    feedback_request: FeedbackRequest = (
        FeedbackRequest.objects.filter(_feedback_visible_to(user))
        .select_related("learner", "mentor", "assignment", "submission__exercise")
        .prefetch_related(
            Prefetch("messages", queryset=FeedbackMessage.objects.select_related("author")),
            Prefetch("comments", queryset=FeedbackComment.objects.select_related("file", "author")),
            Prefetch("submission__files", queryset=SubmissionFile.objects.order_by("path")),
        )
        .get(pk=request_id)
    )
    return feedback_request


def feedback_open_for_submission(*, submission: Submission) -> FeedbackRequest | None:
    return FeedbackRequest.objects.open().filter(submission=submission).first()


@dataclass(frozen=True)
class FeedbackAsk:
    """What the submission page offers the learner: ask (`can_ask`), or why not, or a link
    to the request already open on this submission."""

    can_ask: bool
    reason: str = ""
    open_request: FeedbackRequest | None = None
    mentor: User | None = None


def feedback_ask_get(*, learner: User, submission: Submission) -> FeedbackAsk:
    """Whether the learner may ask their mentor about this submission now. The service
    enforces the same rules (`feedback_limit_refusal` is shared); this decides what the
    page shows."""
    open_request = feedback_open_for_submission(submission=submission)
    if open_request is not None:
        return FeedbackAsk(can_ask=False, open_request=open_request)
    assignment = assignment_get_active(learner=learner)
    if assignment is None:
        return FeedbackAsk(can_ask=False, reason="You can ask a mentor once one is assigned.")
    mentor_user = assignment.mentor.user
    if submission.learner_id != learner.pk or not submission.is_final:
        reason = "You can ask your mentor once this submission is graded."
        return FeedbackAsk(can_ask=False, reason=reason, mentor=mentor_user)
    refusal = feedback_limit_refusal(learner=learner, assignment=assignment)
    return FeedbackAsk(can_ask=not refusal, reason=refusal, mentor=mentor_user)


def feedback_limit_refusal(*, learner: User, assignment: MentorAssignment) -> str:
    """Why the learner may not open another request now ("" when they may). Only requests
    made to the current mentor count (one left open with a former mentor blocks nothing)."""
    limit: int = settings.FEEDBACK_REQUESTS_OPEN_MAX
    count = FeedbackRequest.objects.open().filter(learner=learner, assignment=assignment).count()
    if count < limit:
        return ""
    return (
        f"You have {count} open feedback requests, the most at once is {limit}: "
        "mark one resolved before asking again."
    )


POSTING_WINDOW = datetime.timedelta(minutes=10)


def thread_posts_refusal(*, author: User, now: datetime.datetime | None = None) -> str:
    """Why `author` may not post another message or line comment now ("" when they may):
    everything they wrote in review rounds and feedback requests in the last ten minutes
    counts against settings.THREAD_POSTS_PER_10_MINUTES (one query)."""
    limit: int = settings.THREAD_POSTS_PER_10_MINUTES
    since = (now or timezone.now()) - POSTING_WINDOW
    recent = [
        model.objects.filter(author=author, created_at__gte=since).values("pk").order_by()
        for model in (RoundMessage, LineComment, FeedbackMessage, FeedbackComment)
    ]
    count = recent[0].union(*recent[1:], all=True).count()
    if count < limit:
        return ""
    return (
        f"You have written {count} messages and comments in ten minutes, the most is {limit}. "
        "Wait a few minutes; what you typed is still here."
    )
