"""Submission pages: create from the exercise page, the result page that updates itself, and
the editor's autosave endpoint."""

from __future__ import annotations

import json
from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from config.requests import found_or_404, request_user
from courses import selectors as course_selectors
from mentors import selectors as mentor_selectors
from mentors.forms import FeedbackAskForm
from submissions import selectors, services
from submissions.forms import SubmissionForm
from submissions.models import Submission


@login_required
@require_POST
def create(request: HttpRequest, slug: str) -> HttpResponse:
    learner = request_user(request)
    exercise = course_selectors.exercise_get(learner=learner, slug=slug)
    form = SubmissionForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            submission = services.submission_create(
                learner=learner,
                exercise=exercise,
                files=form.incoming,
                source=Submission.Source.UPLOAD if request.FILES else Submission.Source.EDITOR,
            )
        except services.SubmissionError as exc:
            form.add_error(None, exc.message)
        else:
            return redirect("submissions:detail", submission_id=submission.pk)
    context = course_selectors.exercise_page_context(
        learner=learner, exercise=exercise, refused=True
    )
    return render(request, "courses/exercise_detail.html", {**context, "form": form}, status=400)


def _own_submission(request: HttpRequest, submission_id: int) -> Submission:
    return found_or_404(
        selectors.submission_for_learner,
        "No such submission",
        learner=request_user(request),
        submission_id=submission_id,
    )


def _result_context(request: HttpRequest, submission: Submission) -> dict[str, Any]:
    report = selectors.public_report(submission=submission)
    next_step = None
    if submission.status == Submission.Status.PASSED:
        next_step = course_selectors.step_next(
            learner=request_user(request), kind="exercise", slug=submission.exercise.slug
        )
    return {
        "submission": submission,
        "report": report,
        "groups": selectors.results_by_file(report["visible_tests"]),
        "quality_pending": selectors.quality_pending(submission=submission),
        "next_step": next_step,
    }


@login_required
def detail(request: HttpRequest, submission_id: int) -> HttpResponse:
    submission = _own_submission(request, submission_id)
    context = _result_context(request, submission)
    # "Ask your mentor" (mentors app): shown outside the polled fragment, so a poll never
    # replaces the form while the learner types.
    context["ask"] = mentor_selectors.feedback_ask_get(
        learner=request_user(request), submission=submission
    )
    context["ask_form"] = FeedbackAskForm()
    return render(request, "submissions/detail.html", context)


@login_required
def status_fragment(request: HttpRequest, submission_id: int) -> HttpResponse:
    """The part of the result page that changes; polled until the submission is final and
    its code-quality findings are in (the page stops waiting for those after a while)."""
    submission = _own_submission(request, submission_id)
    context = _result_context(request, submission)
    response = render(request, "submissions/_result.html", context)
    response["X-Submission-Status"] = submission.status
    response["X-Poll-Final"] = "1" if submission.is_final else "0"
    response["X-Poll-More"] = "1" if context["quality_pending"] else "0"
    return response


@login_required
def history(request: HttpRequest) -> HttpResponse:
    page = Paginator(selectors.learner_submissions(learner=request_user(request)), 25).get_page(
        request.GET.get("page")
    )
    return render(request, "submissions/history.html", {"page": page})


def _draft_files(body: bytes) -> list[services.IncomingFile] | None:
    """`{"files": [{"path": str, "content": str}, ...]}`, or None when malformed."""
    try:
        payload = json.loads(body or b"{}")
    except (ValueError, UnicodeDecodeError):
        return None
    files = payload.get("files") if isinstance(payload, dict) else None
    if not isinstance(files, list):
        return None
    incoming = []
    for item in files:
        if not isinstance(item, dict):
            return None
        path, content = item.get("path", ""), item.get("content", "")
        if not isinstance(path, str) or not isinstance(content, str):
            return None
        incoming.append(services.IncomingFile(path=path, content=content))
    return incoming


@login_required
@require_http_methods(["POST", "DELETE"])
def draft(request: HttpRequest, slug: str) -> JsonResponse:
    """The editor's autosave: POST the files being edited (JSON) to keep them, DELETE to
    start over from the starter files. Answers JSON; 400 with `detail` when refused."""
    learner = request_user(request)
    exercise = course_selectors.exercise_get(learner=learner, slug=slug)
    if request.method == "DELETE":
        services.draft_discard(learner=learner, exercise=exercise)
        return JsonResponse({"saved_at": None})
    files = _draft_files(request.body)
    if files is None:
        return JsonResponse(
            {"detail": 'Send {"files": [{"path": "...", "content": "..."}]}.'}, status=400
        )
    try:
        saved = services.draft_save(learner=learner, exercise=exercise, files=files)
    except services.SubmissionError as exc:
        return JsonResponse({"detail": exc.message}, status=400)
    return JsonResponse({"saved_at": saved.updated_at.isoformat()})
