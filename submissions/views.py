"""Submission pages: create from the exercise page, the result page that updates itself."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from accounts.models import User
from courses.views import available_exercise, exercise_page
from submissions import selectors, services
from submissions.forms import SubmissionForm
from submissions.models import Submission


def _learner(request: HttpRequest) -> User:
    assert isinstance(request.user, User)
    return request.user


@login_required
@require_POST
def create(request: HttpRequest, slug: str) -> HttpResponse:
    learner = _learner(request)
    exercise = available_exercise(request, slug)
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
    return exercise_page(request, exercise, form=form, status=400)


def _own_submission(request: HttpRequest, submission_id: int) -> Submission:
    try:
        return selectors.submission_for_learner(
            learner=_learner(request), submission_id=submission_id
        )
    except Submission.DoesNotExist as exc:
        raise Http404("No such submission") from exc


@login_required
def detail(request: HttpRequest, submission_id: int) -> HttpResponse:
    submission = _own_submission(request, submission_id)
    context = {"submission": submission, "report": selectors.public_report(submission=submission)}
    return render(request, "submissions/detail.html", context)


@login_required
def status_fragment(request: HttpRequest, submission_id: int) -> HttpResponse:
    """The part of the result page that changes; polled until the submission is final."""
    submission = _own_submission(request, submission_id)
    context = {"submission": submission, "report": selectors.public_report(submission=submission)}
    response = render(request, "submissions/_result.html", context)
    response["X-Submission-Status"] = submission.status
    return response


@login_required
def history(request: HttpRequest) -> HttpResponse:
    page = Paginator(selectors.learner_submissions(learner=_learner(request)), 25).get_page(
        request.GET.get("page")
    )
    return render(request, "submissions/history.html", {"page": page})
