"""Every notification the mentorship flow sends, in one place.

Calls go to `notifications.services.notification_create`, which is idempotent per
(recipient, kind, dedupe_key) and delivers on commit; that import is lazy so this app does
not load the notifications services at import time (only its `Kind` choices).
"""

from __future__ import annotations

from django.urls import reverse

from accounts.models import User
from mentors.models import FeedbackRequest, MentorAssignment, ReviewRound, RoundMessage
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
        key, kind = f"assignment:{assignment.pk}", Kind.MENTOR_ASSIGNED
        _send(recipient=recipient, kind=kind, dedupe_key=key, title=title, body=body, url=url)


def _about(
    thread: ReviewRound | FeedbackRequest,
    recipient: User,
    kind: Kind,
    title: str,
    body: str,
    *,
    dedupe_key: str = "",
) -> None:
    """A notification that leads to the round's or request's page; once per thread and kind
    unless `dedupe_key` names the item (a message or comment)."""
    if isinstance(thread, ReviewRound):
        key, page = f"round:{thread.pk}", reverse("mentors:round", args=[thread.pk])
    else:
        key, page = f"feedback:{thread.pk}", reverse("mentors:feedback", args=[thread.pk])
    _send(
        recipient=recipient,
        kind=kind,
        dedupe_key=dedupe_key or key,
        title=title,
        body=body,
        url=page,
    )


def review_requested(*, review_round: ReviewRound, mentor_user: User) -> None:
    learner, number = review_round.capstone.learner, review_round.number
    title = f"Review requested: {learner.name}, round {number}"
    body = f"{learner.name} uploaded version {number} of their capstone."
    _about(review_round, mentor_user, Kind.REVIEW_REQUESTED, title, body)


def review_ready(*, review_round: ReviewRound) -> None:
    decision = review_round.get_status_display().lower()
    title = f"Your capstone review is ready: {decision}"
    body = f"Round {review_round.number}: {decision}. Open the review to read the comments."
    _about(review_round, review_round.capstone.learner, Kind.REVIEW_READY, title, body)


def review_message(*, message: RoundMessage, recipient: User) -> None:
    """A new message in a round's conversation, to the other side (once per message)."""
    review_round, author = message.review_round, message.author
    title = f"{author.name} wrote in round {review_round.number} of the capstone review"
    _about(
        review_round,
        recipient,
        Kind.REVIEW_MESSAGE,
        title,
        _excerpt(message.body),
        dedupe_key=f"round-message:{message.pk}",
    )


def _excerpt(text: str, limit: int = 300) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def feedback_requested(*, feedback_request: FeedbackRequest, question: str) -> None:
    """To the mentor the learner asked."""
    learner, exercise = feedback_request.learner, feedback_request.submission.exercise
    title = f"Feedback requested: {learner.name} on {exercise.title}"
    mentor = feedback_request.mentor
    _about(feedback_request, mentor, Kind.FEEDBACK_REQUESTED, title, _excerpt(question))


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
    title = f"{author.name} {what} on {feedback_request.submission.exercise.title}"
    _about(
        feedback_request,
        recipient,
        Kind.FEEDBACK_REPLY,
        title,
        _excerpt(text),
        dedupe_key=dedupe_key,
    )


def feedback_resolved(*, feedback_request: FeedbackRequest, recipient: User, by: User) -> None:
    title = f"Feedback on {feedback_request.submission.exercise.title} marked resolved"
    body = f"{by.name} marked the request resolved. The thread stays readable."
    _about(feedback_request, recipient, Kind.FEEDBACK_RESOLVED, title, body)
