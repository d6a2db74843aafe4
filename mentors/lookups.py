"""The rows of the mentors app a request names by id, loaded the same way for pages and API
views: through the selector that decides who may see them, and a 404 for anyone else (one
that does not confirm the row exists)."""

from __future__ import annotations

from django.http import HttpRequest
from rest_framework.request import Request

from config.requests import found_or_404, request_user
from mentors import selectors
from mentors.models import CommentSnippet, FeedbackRequest, ReviewRound
from submissions import selectors as submission_selectors
from submissions.models import Submission


def round_for(
    request: HttpRequest | Request, round_id: int, *, detail: bool = False
) -> ReviewRound:
    """`selectors.round_get` (or, with `detail`, `round_detail_get`) for the requester."""
    get = selectors.round_detail_get if detail else selectors.round_get
    return found_or_404(get, "No such review round", user=request_user(request), round_id=round_id)


def feedback_request_for(request: HttpRequest | Request, request_id: int) -> FeedbackRequest:
    user = request_user(request)
    get = selectors.feedback_request_get
    return found_or_404(get, "No such feedback request", user=user, request_id=request_id)


def snippet_for(request: HttpRequest | Request, snippet_id: int) -> CommentSnippet:
    """One of the requester's own comment snippets."""
    user = request_user(request)
    return found_or_404(
        selectors.snippet_get, "No such snippet", mentor=user, snippet_id=snippet_id
    )


def own_submission(request: HttpRequest | Request, submission_id: int) -> Submission:
    """One of the requesting learner's own submissions (to ask their mentor about)."""
    user = request_user(request)
    get = submission_selectors.submission_for_learner
    return found_or_404(get, "No such submission", learner=user, submission_id=submission_id)
