"""Every notification the mentorship flow sends, in one place.

Calls go to `notifications.services.notification_create`, which is idempotent per
(recipient, kind, dedupe_key) and delivers on commit; that import is lazy so this app does
not load the notifications services at import time (only its `Kind` choices).
"""

from __future__ import annotations

from django.urls import reverse

from accounts.models import User
from mentors.models import MentorAssignment, ReviewRound
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
