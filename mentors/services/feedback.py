"""Mentoring on any exercise: a learner asks their mentor for feedback on one of their graded
submissions; the two talk in a thread and in line comments on the submitted files until one
of them marks it resolved. Every new message or comment tells the other side once.

Who may read or write is `selectors.feedback_role` (the learner, and the mentor they asked
while that assignment lasts). Writes lock the request row, so a message cannot slip in
after a concurrent resolve, and the learner's assignment row on create, so two requests
cannot both take the last open place."""

from __future__ import annotations

import logging

from django.db import IntegrityError, transaction
from django.utils import timezone

from accounts.models import User
from mentors import notify, selectors
from mentors.errors import FeedbackError, FeedbackLimitError, PermissionDeniedError
from mentors.models import (
    CommentSnippet,
    FeedbackComment,
    FeedbackMessage,
    FeedbackRequest,
    MentorAssignment,
    line_count,
)
from mentors.services import snippets, threads
from submissions.models import Submission, SubmissionFile

logger = logging.getLogger("apprentice.mentors")


def _text(body: str, *, missing: str) -> str:
    body = body.strip()
    if not body:
        raise FeedbackError(missing)
    return body


@transaction.atomic
def feedback_request_create(*, learner: User, submission: Submission, body: str) -> FeedbackRequest:
    """Ask the learner's current mentor about `submission` (the learner's own, graded with
    any outcome), with `body` as the first message of the thread. Refused without an active
    mentor, while this submission already has an open request, and beyond
    FEEDBACK_REQUESTS_OPEN_MAX open requests with the current mentor, and beyond the
    author's posting rate (the question is a message). The mentor is told."""
    question = _text(body, missing="Say what you would like your mentor to look at.")
    if submission.learner_id != learner.pk:
        raise FeedbackError("You can ask for feedback on your own submissions only.")
    if not submission.is_final:
        raise FeedbackError("Wait for this submission's result, then ask your mentor.")
    threads.thread_post_check(author=learner)  # the question is a post, telling the mentor
    assignment = (
        MentorAssignment.objects.select_for_update(of=("self",))
        .active()
        .select_related("mentor__user")
        .filter(learner=learner)
        .first()
    )
    if assignment is None:
        raise FeedbackError("You have no mentor yet; you can ask once one is assigned.")
    if selectors.feedback_open_for_submission(submission=submission) is not None:
        raise FeedbackError("This submission already has an open request; continue there.")
    if refusal := selectors.feedback_limit_refusal(learner=learner, assignment=assignment):
        raise FeedbackLimitError(refusal)
    try:
        with transaction.atomic():
            feedback_request = FeedbackRequest.objects.create(
                learner=learner,
                mentor=assignment.mentor.user,
                assignment=assignment,
                submission=submission,
            )
    except IntegrityError as exc:  # a concurrent request on the same submission won
        raise FeedbackError("This submission already has an open request; continue there.") from exc
    FeedbackMessage.objects.create(feedback_request=feedback_request, author=learner, body=question)
    notify.feedback_requested(feedback_request=feedback_request, question=question)
    logger.info(
        "feedback request %s: learner %s asked mentor %s about submission %s",
        feedback_request.pk,
        learner.pk,
        assignment.mentor.user_id,
        submission.pk,
    )
    return feedback_request


def _lock_writable(*, feedback_request: FeedbackRequest, author: User) -> FeedbackRequest:
    """The request, row-locked, if `author` may write in it now."""
    locked = (
        FeedbackRequest.objects.select_for_update(of=("self",))
        .select_related("learner", "mentor", "assignment", "submission__exercise")
        .get(pk=feedback_request.pk)
    )
    if selectors.feedback_role(user=author, feedback_request=locked) is None:
        raise PermissionDeniedError("Only the learner and the mentor they asked can write here.")
    if not locked.is_writable:
        raise FeedbackError(
            "This request was made to a mentor who no longer mentors you; mark it resolved "
            "and ask your current mentor."
            if locked.is_open
            else "This request is resolved; ask again for more feedback."
        )
    return locked


def _replied(
    *, feedback_request: FeedbackRequest, author: User, dedupe_key: str, what: str, text: str
) -> None:
    """After a new message or line comment: the mentor's first one starts the clock of time
    to first response, and the other side is told (once per item: `dedupe_key`)."""
    if author.pk == feedback_request.mentor_id:
        FeedbackRequest.objects.filter(
            pk=feedback_request.pk, first_response_at__isnull=True
        ).update(first_response_at=timezone.now())
    notify.feedback_reply(
        feedback_request=feedback_request,
        author=author,
        dedupe_key=dedupe_key,
        what=what,
        text=text,
    )


@transaction.atomic
def feedback_message_add(
    *, feedback_request: FeedbackRequest, author: User, body: str
) -> FeedbackMessage:
    """A message in the thread of an open request, from the learner or the mentor asked;
    the other side is told."""
    text = _text(body, missing="Write a message.")
    locked = _lock_writable(feedback_request=feedback_request, author=author)
    threads.thread_post_check(author=author)
    message = FeedbackMessage.objects.create(feedback_request=locked, author=author, body=text)
    key = f"feedback-message:{message.pk}"
    _replied(feedback_request=locked, author=author, dedupe_key=key, what="replied", text=text)
    return message


def _submitted_line(
    *, feedback_request: FeedbackRequest, file_id: int, line: int
) -> SubmissionFile:
    """The file of the request's submission with that id, if it has that line."""
    submitted = SubmissionFile.objects.filter(
        pk=file_id, submission_id=feedback_request.submission_id
    ).first()
    if submitted is None:
        raise FeedbackError("That file is not part of this submission.")
    if not 1 <= line <= max(line_count(submitted.content), 1):
        raise FeedbackError(f"{submitted.path} has no line {line}.")
    return submitted


@transaction.atomic
def feedback_comment_add(
    *,
    feedback_request: FeedbackRequest,
    author: User,
    file_id: int,
    line: int,
    body: str,
    snippet: CommentSnippet | None = None,
) -> FeedbackComment:
    """A comment on one line of one file of the request's submission, from either side
    (with no text typed, the text of the author's `snippet`); the other side is told."""
    typed = snippets.snippet_comment_text(author=author, body=body, snippet=snippet)
    text = _text(typed, missing="Write a comment.")
    locked = _lock_writable(feedback_request=feedback_request, author=author)
    threads.thread_post_check(author=author)
    submitted = _submitted_line(feedback_request=locked, file_id=file_id, line=line)
    comment = FeedbackComment.objects.create(
        feedback_request=locked, file=submitted, line=line, author=author, body=text
    )
    what = f"commented on {submitted.path}:{line}"
    key = f"feedback-comment:{comment.pk}"
    _replied(feedback_request=locked, author=author, dedupe_key=key, what=what, text=text)
    return comment


@transaction.atomic
def feedback_request_resolve(*, feedback_request: FeedbackRequest, by: User) -> FeedbackRequest:
    """Close the request (the mentor asked, or the learner who asked); it stays readable.
    Resolving twice fails. The other side is told if they can still open it."""
    role = selectors.feedback_role(user=by, feedback_request=feedback_request)
    if role is None:
        raise PermissionDeniedError("Only the learner and the mentor they asked can resolve it.")
    resolved = FeedbackRequest.objects.filter(
        pk=feedback_request.pk, status=FeedbackRequest.Status.OPEN
    ).update(status=FeedbackRequest.Status.RESOLVED, resolved_at=timezone.now(), resolved_by=by)
    if not resolved:
        raise FeedbackError("This request is already resolved.")
    feedback_request.refresh_from_db()
    if role == "mentor":
        notify.feedback_resolved(
            feedback_request=feedback_request, recipient=feedback_request.learner, by=by
        )
    elif feedback_request.assignment.is_active:  # a former mentor can no longer open it
        notify.feedback_resolved(
            feedback_request=feedback_request, recipient=feedback_request.mentor, by=by
        )
    logger.info("feedback request %s resolved by %s (%s)", feedback_request.pk, by.pk, role)
    return feedback_request
