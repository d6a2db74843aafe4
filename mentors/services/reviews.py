"""Review rounds: line comments, the conversation, and the decision that closes a round."""

from __future__ import annotations

import logging
from collections.abc import Mapping

from django.db import transaction
from django.utils import timezone

from accounts.models import User
from mentors import notify, selectors
from mentors.errors import PermissionDeniedError, ReviewError
from mentors.models import (
    Capstone,
    CapstoneFile,
    CommentSnippet,
    LineComment,
    ReviewRound,
    RoundMessage,
    RubricScore,
)
from mentors.services import assignment, certificates, snippets, threads

logger = logging.getLogger("apprentice.mentors")


def _require_reviewer(*, user: User, review_round: ReviewRound) -> None:
    if not selectors.review_allowed(user=user, learner_id=review_round.capstone.learner_id):
        raise PermissionDeniedError("Only the learner's assigned mentor or staff can review.")


def _require_open(review_round: ReviewRound) -> None:
    if not review_round.is_open:
        raise ReviewError("This round has been decided; it stays readable but is closed.")


@transaction.atomic
def round_comment_add(
    *,
    review_round: ReviewRound,
    author: User,
    file_id: int,
    line: int,
    body: str,
    snippet: CommentSnippet | None = None,
) -> LineComment:
    """A reviewer's comment on one line of one file of the round's version (with no text
    typed, the text of the reviewer's `snippet`)."""
    _require_reviewer(user=author, review_round=review_round)
    _require_open(review_round)
    threads.thread_post_check(author=author)
    body = snippets.snippet_comment_text(author=author, body=body, snippet=snippet)
    if not body:
        raise ReviewError("Write a comment.")
    capstone_file = CapstoneFile.objects.filter(
        pk=file_id, version_id=review_round.version_id
    ).first()
    if capstone_file is None:
        raise ReviewError("That file is not part of this version.")
    if not capstone_file.is_text:
        raise ReviewError("Binary files cannot be commented on by line.")
    if not 1 <= line <= max(capstone_file.line_count, 1):
        raise ReviewError(f"{capstone_file.path} has no line {line}.")
    return LineComment.objects.create(
        review_round=review_round, file=capstone_file, line=line, author=author, body=body
    )


@transaction.atomic
def round_message_add(*, review_round: ReviewRound, author: User, body: str) -> RoundMessage:
    """A message in the round's conversation, from the learner or their reviewer (or
    staff). The other side is told, once per message: the learner's current mentor when
    the learner writes, the learner otherwise."""
    learner = review_round.capstone.learner
    if author.pk != learner.pk:
        _require_reviewer(user=author, review_round=review_round)
    body = body.strip()
    if not body:
        raise ReviewError("Write a message.")
    threads.thread_post_check(author=author)
    message = RoundMessage.objects.create(review_round=review_round, author=author, body=body)
    if author.pk != learner.pk:
        notify.review_message(message=message, recipient=learner)
    elif mentor := selectors.assignment_active_by_learner(learner_ids=[learner.pk]).get(learner.pk):
        notify.review_message(message=message, recipient=mentor.mentor.user)
    return message


@transaction.atomic
def round_decide(
    *,
    review_round: ReviewRound,
    reviewer: User,
    decision: str,
    summary: str,
    scores: Mapping[str, int],
) -> ReviewRound:
    """Close the round with a decision. `changes_requested` lets the learner upload the
    next version; `approved` completes the capstone, issues the certificate and frees the
    mentor's place. Approval needs every rubric criterion scored. Deciding twice fails."""
    _require_reviewer(user=reviewer, review_round=review_round)
    if decision not in (ReviewRound.Status.CHANGES_REQUESTED, ReviewRound.Status.APPROVED):
        raise ReviewError("Choose whether to request changes or approve.")
    summary = summary.strip()
    if not summary:
        raise ReviewError("Write a summary for the learner.")
    capstone = review_round.capstone
    rubric = {str(item["slug"]): item for item in capstone.track.rubric}
    unknown = set(scores) - set(rubric)
    if unknown:
        raise ReviewError(f"Unknown rubric criteria: {', '.join(sorted(unknown))}.")
    rows = []
    for slug, criterion in rubric.items():
        if slug not in scores:
            continue
        maximum = int(criterion.get("max_score", 0))
        score = scores[slug]
        if not 0 <= score <= maximum:
            raise ReviewError(f"{criterion.get('title', slug)}: score between 0 and {maximum}.")
        rows.append(
            RubricScore(
                review_round=review_round,
                criterion=slug,
                title=str(criterion.get("title", slug))[:200],
                score=score,
                max_score=maximum,
            )
        )
    if decision == ReviewRound.Status.APPROVED and len(rows) < len(rubric):
        raise ReviewError("Score every rubric criterion before approving.")
    now = timezone.now()
    decided = ReviewRound.objects.filter(
        pk=review_round.pk, status=ReviewRound.Status.WAITING
    ).update(status=decision, reviewer=reviewer, summary=summary, decided_at=now)
    if not decided:
        raise ReviewError("This round has already been decided.")
    RubricScore.objects.bulk_create(rows)
    if decision == ReviewRound.Status.APPROVED:
        Capstone.objects.filter(pk=capstone.pk).update(
            status=Capstone.Status.APPROVED, completed_at=now
        )
        certificates.certificate_issue(capstone=capstone, mentor_name=reviewer.name)
        assignment.assignment_end(learner=capstone.learner, reason="capstone approved")
        transaction.on_commit(assignment.waiting_learners_assign)
    else:
        Capstone.objects.filter(pk=capstone.pk).update(status=Capstone.Status.CHANGES_REQUESTED)
    review_round.refresh_from_db()
    notify.review_ready(review_round=review_round)
    logger.info("capstone %s round %s: %s", capstone.pk, review_round.number, decision)
    return review_round
