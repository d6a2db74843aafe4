"""Pages of the mentors app. Object pages answer 404 to anyone who is not the learner, their
assigned mentor or staff; mentor-only lists answer 403 to non-mentors."""

from __future__ import annotations

import uuid
from collections import defaultdict
from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from accounts.models import User
from config import ratelimit
from config.errors import ApplicationError
from config.requests import request_user
from mentors import selectors, services
from mentors.forms import (
    CapstoneUploadForm,
    DecisionForm,
    LineCommentForm,
    MessageForm,
    PortfolioForm,
)
from mentors.highlight import highlight_lines
from mentors.models import CapstoneFile, Certificate, LineComment, PortfolioSettings, ReviewRound
from submissions import selectors as submission_selectors
from submissions.models import Submission

QUEUE_PAGE_SIZE = 20


# --------------------------------------------------------------------------- mentor pages


@login_required
def mentor_profile(request: HttpRequest) -> HttpResponse:
    profile = selectors.mentor_profile_get(user=request_user(request))
    if profile is None:
        raise PermissionDenied("Only mentors have a mentor profile.")
    context = {"profile": profile, "mentees": selectors.mentee_list(mentor_user=profile.user)}
    return render(request, "mentors/profile.html", context)


@login_required
def queue(request: HttpRequest) -> HttpResponse:
    user = request_user(request)
    if not (user.is_mentor or user.is_staff):
        raise PermissionDenied("The review queue is for mentors.")
    page = Paginator(selectors.round_list_waiting(user=user), QUEUE_PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return render(request, "mentors/queue.html", {"page": page})


# --------------------------------------------------------------------------- learner capstone


def _capstone_context(request: HttpRequest, **extra: Any) -> dict[str, Any]:
    page = selectors.capstone_page_get(learner=request_user(request))
    context: dict[str, Any] = {"enrollment": page.enrollment}
    if page.enrollment is None:
        return context
    portfolio_settings = page.portfolio
    context.update(
        track=page.enrollment.track,
        capstone=page.capstone,
        unlocked=page.unlocked,
        assignment=page.assignment,
        rounds=page.rounds,
        upload_form=CapstoneUploadForm(),
        portfolio=portfolio_settings,
        portfolio_form=PortfolioForm(
            initial={
                "is_public": bool(portfolio_settings and portfolio_settings.is_public),
                "headline": portfolio_settings.headline if portfolio_settings else "",
            }
        ),
    )
    context.update(extra)
    return context


@login_required
def capstone(request: HttpRequest) -> HttpResponse:
    return render(request, "mentors/capstone.html", _capstone_context(request))


@login_required
@require_POST
def capstone_start(request: HttpRequest) -> HttpResponse:
    try:
        started = services.capstone_start(learner=request_user(request))
    except ApplicationError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(
            request, f"Capstone started. Your deadline is {started.due_at:%A %d %B %Y}."
        )
    return redirect("mentors:capstone")


@login_required
@require_POST
def capstone_upload(request: HttpRequest) -> HttpResponse:
    form = CapstoneUploadForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            version = services.capstone_upload(
                learner=request_user(request), upload=form.cleaned_data["archive"]
            )
        except ApplicationError as exc:
            form.add_error("archive", exc.message)
        else:
            messages.success(
                request,
                f"Version {version.number} uploaded: checks are running and your mentor has "
                "been asked for a review.",
            )
            return redirect("mentors:round", round_id=version.review_round.pk)
    context = _capstone_context(request, upload_form=form)
    return render(request, "mentors/capstone.html", context, status=400)


@login_required
@require_POST
def portfolio_settings(request: HttpRequest) -> HttpResponse:
    form = PortfolioForm(request.POST)
    if form.is_valid():
        services.portfolio_update(
            user=request_user(request),
            is_public=form.cleaned_data["is_public"],
            headline=form.cleaned_data["headline"],
        )
        messages.success(request, "Portfolio settings saved.")
    return redirect("mentors:capstone")


# --------------------------------------------------------------------------- review rounds


def _round(request: HttpRequest, round_id: int) -> ReviewRound:
    try:
        return selectors.round_get(user=request_user(request), round_id=round_id)
    except ReviewRound.DoesNotExist as exc:
        raise Http404("No such review round") from exc


@login_required
def round_detail(request: HttpRequest, round_id: int) -> HttpResponse:
    user = request_user(request)
    review_round = _round(request, round_id)
    page = selectors.round_page_get(
        user=user, review_round=review_round, path=request.GET.get("file", "")
    )
    selected = page.selected
    capstone = review_round.capstone
    by_line: dict[int, list[LineComment]] = defaultdict(list)
    for comment in page.comments:
        if selected is not None and comment.file_id == selected.pk:
            by_line[comment.line].append(comment)
    lines = []
    if selected is not None and selected.is_text:
        for number, html in enumerate(
            highlight_lines(path=selected.path, content=selected.content), start=1
        ):
            lines.append({"number": number, "html": html, "comments": by_line.get(number, [])})
    context = {
        "round": review_round,
        "capstone": capstone,
        "learner": capstone.learner,
        "check_run": getattr(review_round.version, "check_run", None),
        "all_rounds": page.rounds,
        "files": page.files,
        "tree": _file_tree(page.files),
        "selected": selected,
        "lines": lines,
        "comments": page.comments,
        "is_reviewer": page.is_reviewer,
        "is_learner": capstone.learner_id == user.pk,
        "message_form": MessageForm(),
        "decision_form": DecisionForm(track=capstone.track),
        "rubric": capstone.track.rubric,
    }
    return render(request, "mentors/round.html", context)


@login_required
def round_checks(request: HttpRequest, round_id: int) -> HttpResponse:
    """The automated checks of a round, polled by the round page until they are final."""
    review_round = _round(request, round_id)
    check_run = getattr(review_round.version, "check_run", None)
    response = render(
        request, "mentors/_checks.html", {"round": review_round, "check_run": check_run}
    )
    response["X-Poll-Final"] = "1" if check_run is not None and check_run.is_final else "0"
    response["X-Poll-More"] = "0"
    return response


def _file_tree(files: list[CapstoneFile]) -> list[dict[str, Any]]:
    """Files in path order with a folder row each time a new folder starts."""
    nodes: list[dict[str, Any]] = []
    seen: set[str] = set()
    for capstone_file in files:
        parts = capstone_file.path.split("/")
        for depth in range(len(parts) - 1):
            folder = "/".join(parts[: depth + 1])
            if folder not in seen:
                seen.add(folder)
                nodes.append({"is_dir": True, "name": parts[depth], "depth": depth})
        nodes.append(
            {"is_dir": False, "name": parts[-1], "depth": len(parts) - 1, "file": capstone_file}
        )
    return nodes


def _back(
    review_round: ReviewRound, path: str = "", line: int | None = None, anchor: str = ""
) -> str:
    """The round's page, at the file and line (or the section) the action came from."""
    url = reverse("mentors:round", args=[review_round.pk])
    if path:
        url += "?" + urlencode({"file": path})
    if line:
        url += f"#L{line}"
    elif anchor:
        url += f"#{anchor}"
    return url


def _refused(request: HttpRequest, exc: ApplicationError) -> None:
    """A service said no: 403 to who may not act on the round at all, else a message."""
    if exc.status == 403:
        raise PermissionDenied(exc.message) from exc
    messages.error(request, exc.message)


@login_required
@require_POST
def round_comment(request: HttpRequest, round_id: int) -> HttpResponse:
    review_round = _round(request, round_id)
    form = LineCommentForm(request.POST)
    path = request.POST.get("path", "")
    if not form.is_valid():
        messages.error(request, "Pick a line and write a comment.")
        return redirect(_back(review_round, path))
    try:
        comment = services.round_comment_add(
            review_round=review_round, author=request_user(request), **form.cleaned_data
        )
    except ApplicationError as exc:
        _refused(request, exc)
        return redirect(_back(review_round, path))
    return redirect(_back(review_round, comment.file.path, comment.line))


@login_required
@require_POST
def round_message(request: HttpRequest, round_id: int) -> HttpResponse:
    review_round = _round(request, round_id)
    form = MessageForm(request.POST)
    if form.is_valid():
        try:
            services.round_message_add(
                review_round=review_round,
                author=request_user(request),
                body=form.cleaned_data["body"],
            )
        except ApplicationError as exc:
            _refused(request, exc)
    else:
        messages.error(request, "Write a message (up to 4000 characters).")
    return redirect(_back(review_round, anchor="messages"))


@login_required
@require_POST
def round_decision(request: HttpRequest, round_id: int) -> HttpResponse:
    review_round = _round(request, round_id)
    form = DecisionForm(request.POST, track=review_round.capstone.track)
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, str(error))
        return redirect(_back(review_round, anchor="decision"))
    try:
        decided = services.round_decide(
            review_round=review_round,
            reviewer=request_user(request),
            decision=form.cleaned_data["decision"],
            summary=form.cleaned_data["summary"],
            scores=form.scores(),
        )
    except ApplicationError as exc:
        _refused(request, exc)
        return redirect(_back(review_round, anchor="decision"))
    messages.success(request, f"Round {decided.number}: {decided.get_status_display()}.")
    return redirect("mentors:queue")


# --------------------------------------------------------------------------- public pages


def _too_many_lookups(request: HttpRequest) -> HttpResponse | None:
    """Public pages: a certificate code must not be found by trying many."""
    if ratelimit.allow(
        request, action="certificate", limit=settings.CERTIFICATE_LOOKUPS_PER_MINUTE, per_seconds=60
    ):
        return None
    response = HttpResponse(
        "Too many certificate lookups; wait a minute and try again.",
        status=429,
        content_type="text/plain; charset=utf-8",
    )
    response["Retry-After"] = "60"
    return response


def _certificate(code: str) -> Certificate:
    try:
        return selectors.certificate_get(code=code)
    except Certificate.DoesNotExist as exc:
        raise Http404("No certificate with this code") from exc


def certificate(request: HttpRequest, code: str) -> HttpResponse:
    if refused := _too_many_lookups(request):
        return refused
    return render(request, "mentors/certificate.html", {"certificate": _certificate(code)})


def certificate_print(request: HttpRequest, code: str) -> HttpResponse:
    if refused := _too_many_lookups(request):
        return refused
    found = _certificate(code)
    context = {
        "certificate": found,
        "verify_url": request.build_absolute_uri(reverse("mentors:certificate", args=[code])),
    }
    return render(request, "mentors/certificate_print.html", context)


def portfolio(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    try:
        learner_portfolio = selectors.portfolio_get_public(public_id=str(public_id))
    except PortfolioSettings.DoesNotExist as exc:
        raise Http404("No public portfolio here") from exc
    return render(request, "mentors/portfolio.html", {"portfolio": learner_portfolio})


# --------------------------------------------------------------------------- mentor home


@login_required
def home(request: HttpRequest) -> HttpResponse:
    """Where a mentor lands: their mentees and the reviews waiting for them."""
    mentor_home = selectors.mentor_home_get(
        user=request_user(request), page_number=request.GET.get("page")
    )
    if mentor_home is None:
        raise PermissionDenied("The mentor home is for mentors.")
    return render(request, "mentors/home.html", {"home": mentor_home})


@login_required
def mentee_detail(request: HttpRequest, learner_id: int) -> HttpResponse:
    try:
        page = selectors.mentee_page_get(
            user=request_user(request), learner_id=learner_id, page_number=request.GET.get("page")
        )
    except User.DoesNotExist as exc:
        raise Http404("No such mentee") from exc
    return render(request, "mentors/mentee.html", {"mentee": page})


@login_required
def mentee_submission(request: HttpRequest, learner_id: int, submission_id: int) -> HttpResponse:
    """A mentee's submission and its result as the learner sees it, read-only."""
    try:
        submission = selectors.mentee_submission_get(
            user=request_user(request), learner_id=learner_id, submission_id=submission_id
        )
    except Submission.DoesNotExist as exc:
        raise Http404("No such submission") from exc
    report = submission_selectors.public_report(submission=submission)
    context = {
        "submission": submission,
        "learner": submission.learner,
        "report": report,
        "groups": submission_selectors.results_by_file(report["visible_tests"]),
        "quality_pending": submission_selectors.quality_pending(submission=submission),
        "read_only": True,
    }
    return render(request, "mentors/mentee_submission.html", context)
