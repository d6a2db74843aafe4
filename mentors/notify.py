"""Every notification the mentorship flow sends, in one place.

Calls go to `notifications.services.notification_create`, which is idempotent per
(recipient, kind, dedupe_key) and delivers on commit; that import is lazy so this app does
not load the notifications services at import time (only its `Kind` choices).
"""

from __future__ import annotations

from django.urls import reverse

from accounts.models import User
from mentors.models import FeedbackRequest, MentorAssignment, ReviewRound
from notifications.models import Kind


def _send(*, recipient: User, kind: Kind, dedupe_key: str, title: str, body: str, url: str) -> None:
    from notifications.services import notification_create

    notification_create(
        recipient=recipient, kind=kind, dedupe_key=dedupe_key, title=title, body=body, url=url
    )


def mentor_assigned(*, assignment: MentorAssignment) -> None:
    """To the learner and to the mentor."""
    mentor_user, learner, track = assignment.mentor.user, assignment.learner, assignment.track
    for recipient, title, body, url in (
        (
            learner,
            f"{mentor_user.name} is your mentor",
            f"{mentor_user.name} will review your capstone for {track.title}.",
            reverse("mentors:capstone"),
        ),
        (
            mentor_user,
            f"New mentee: {learner.name}",
            f"{learner.name} ({track.title}) has been assigned to you.",
            reverse("mentors:queue"),
        ),
    ):
        _send(
            recipient=recipient,
            kind=Kind.MENTOR_ASSIGNED,
            dedupe_key=f"assignment:{assignment.pk}",
            title=title,
            body=body,
            url=url,
        )


def review_requested(*, review_round: ReviewRound, mentor_user: User) -> None:
    learner = review_round.capstone.learner
    _send(
        recipient=mentor_user,
        kind=Kind.REVIEW_REQUESTED,
        dedupe_key=f"round:{review_round.pk}",
        title=f"Review requested: {learner.name}, round {review_round.number}",
        body=f"{learner.name} uploaded version {review_round.number} of their capstone.",
        url=reverse("mentors:round", args=[review_round.pk]),
    )


def review_ready(*, review_round: ReviewRound) -> None:
    decision = review_round.get_status_display().lower()
    _send(
        recipient=review_round.capstone.learner,
        kind=Kind.REVIEW_READY,
        dedupe_key=f"round:{review_round.pk}",
        title=f"Your capstone review is ready: {decision}",
        body=f"Round {review_round.number}: {decision}. Open the review to read the comments.",
        url=reverse("mentors:round", args=[review_round.pk]),
    )


def _feedback_url(feedback_request: FeedbackRequest) -> str:
    return reverse("mentors:feedback", args=[feedback_request.pk])


def _excerpt(text: str, limit: int = 300) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def feedback_requested(*, feedback_request: FeedbackRequest, question: str) -> None:
    """To the mentor the learner asked."""
    learner, exercise = feedback_request.learner, feedback_request.submission.exercise
    _send(
        recipient=feedback_request.mentor,
        kind=Kind.FEEDBACK_REQUESTED,
        dedupe_key=f"feedback:{feedback_request.pk}",
        title=f"Feedback requested: {learner.name} on {exercise.title}",
        body=_excerpt(question),
        url=_feedback_url(feedback_request),
    )


def feedback_reply(
    *, feedback_request: FeedbackRequest, author: User, dedupe_key: str, what: str, text: str
) -> None:
    """A new message or line comment, to the other side of the request (once per item:
    `dedupe_key` names the message or comment)."""
    recipient = (
        feedback_request.mentor
        if author.pk == feedback_request.learner_id
        else feedback_request.learner
    )
    exercise = feedback_request.submission.exercise
    _send(
        recipient=recipient,
        kind=Kind.FEEDBACK_REPLY,
        dedupe_key=dedupe_key,
        title=f"{author.name} {what} on {exercise.title}",
        body=_excerpt(text),
        url=_feedback_url(feedback_request),
    )


def feedback_resolved(*, feedback_request: FeedbackRequest, recipient: User, by: User) -> None:
    exercise = feedback_request.submission.exercise
    _send(
        recipient=recipient,
        kind=Kind.FEEDBACK_RESOLVED,
        dedupe_key=f"feedback:{feedback_request.pk}",
        title=f"Feedback on {exercise.title} marked resolved",
        body=f"{by.name} marked the request resolved. The thread stays readable.",
        url=_feedback_url(feedback_request),
    )
