"""Pages of the mentors app. Object pages answer 404 to anyone who is not the learner, their
assigned mentor or staff; mentor-only lists answer 403 to non-mentors."""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Callable, Sequence
from typing import Any
from urllib.parse import urlencode

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Model
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from accounts.models import User
from config import ratelimit
from config.errors import ApplicationError
from config.requests import found_or_404, request_user
from mentors import lookups, selectors, services
from mentors.forms import (
    CapstoneUploadForm,
    DecisionForm,
    FeedbackAskForm,
    LineCommentForm,
    MessageForm,
    PortfolioForm,
    SnippetForm,
)
from mentors.highlight import highlight_lines
from mentors.models import (
    CapstoneFile,
    CommentSnippet,
    FeedbackComment,
    FeedbackRequest,
    LineComment,
    ReviewRound,
)
from submissions import selectors as submission_selectors

QUEUE_PAGE_SIZE = 20
FEEDBACK_PAGE_SIZE = 20


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


# --------------------------------------------------------------------------- comment threads


def _refused(request: HttpRequest, exc: ApplicationError) -> None:
    """A service said no: 403 to who may not act on the round at all, else a message."""
    if exc.status == 403:
        raise PermissionDenied(exc.message) from exc
    messages.error(request, exc.message)


def _refused_in_form(form: forms.Form, exc: ApplicationError) -> None:
    """A service said no: 403 to who may not write here at all, else the form shows why
    (with what was typed)."""
    if exc.status == 403:
        raise PermissionDenied(exc.message) from exc
    form.add_error(None, exc.message)


def _posted(
    form: forms.Form,
    *,
    write: Callable[[dict[str, Any]], Model],
    done: Callable[[Any], str],
    page: Callable[[], HttpResponse],
) -> HttpResponse:
    """A message or line comment posted to a review round or a feedback request: a valid
    form goes to the service (`write`) and then to where the new item shows (`done`); an
    invalid form or a refusal shows the page again (`page`, with this form) with why and
    what was typed, as a 400."""
    if form.is_valid():
        try:
            written = write(form.cleaned_data)
        except ApplicationError as exc:
            _refused_in_form(form, exc)
        else:
            return redirect(done(written))
    response = page()
    response.status_code = 400
    return response


def _comment_kwargs(request: HttpRequest, data: dict[str, Any]) -> dict[str, Any]:
    """A valid LineCommentForm's data as the comment services take it."""
    snippet_id = data["snippet"]
    snippet = None if snippet_id is None else lookups.snippet_for(request, snippet_id)
    return {**data, "snippet": snippet}


def _snippets_for(user: User) -> list[CommentSnippet]:
    """The snippets a comment form offers its writer (mentors keep snippets)."""
    return list(selectors.snippet_list(mentor=user)) if user.is_mentor else []


# --------------------------------------------------------------------------- review rounds


def _round_page(
    request: HttpRequest,
    review_round: ReviewRound,
    *,
    path: str = "",
    message_form: MessageForm | None = None,
    comment_form: LineCommentForm | None = None,
) -> HttpResponse:
    user = request_user(request)
    page = selectors.round_page_get(user=user, review_round=review_round, path=path)
    selected = page.selected
    capstone = review_round.capstone
    lines = []
    if selected is not None and selected.is_text:
        lines = _numbered_lines(
            path=selected.path,
            content=selected.content,
            comments=[c for c in page.comments if c.file_id == selected.pk],
        )
    can_comment = bool(page.is_reviewer and review_round.is_open and selected and selected.is_text)
    if comment_form is None:
        comment_form = LineCommentForm(initial={"line": request.GET.get("line")})
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
        "can_comment": can_comment,
        "pick": _pick_url(review_round, selected) if can_comment and selected else "",
        "message_form": message_form or MessageForm(),
        "comment_form": comment_form,
        "snippets": _snippets_for(user) if can_comment else [],
        "decision_form": DecisionForm(track=capstone.track),
        "rubric": capstone.track.rubric,
        "similar_capstones": selectors.capstone_similarity_list(
            user=user, capstone=capstone, version=review_round.version
        ),
    }
    return render(request, "mentors/round.html", context)


def _pick_url(review_round: ReviewRound, selected: CapstoneFile) -> str:
    """The round page at `selected` with a line to comment on (the line number follows)."""
    return _back(review_round, selected.path) + "&line="


@login_required
def round_detail(request: HttpRequest, round_id: int) -> HttpResponse:
    return _round_page(
        request, lookups.round_for(request, round_id), path=request.GET.get("file", "")
    )


@login_required
def round_checks(request: HttpRequest, round_id: int) -> HttpResponse:
    """The automated checks of a round, polled by the round page until they are final."""
    review_round = lookups.round_for(request, round_id)
    check_run = getattr(review_round.version, "check_run", None)
    response = render(
        request, "mentors/_checks.html", {"round": review_round, "check_run": check_run}
    )
    response["X-Poll-Final"] = "1" if check_run is not None and check_run.is_final else "0"
    response["X-Poll-More"] = "0"
    return response


def _numbered_lines(
    *, path: str, content: str, comments: Sequence[LineComment | FeedbackComment]
) -> list[dict[str, Any]]:
    """A text file as `mentors/_code_lines.html` shows it: each line highlighted, with its
    number and the comments made on it (the comments must all be on this file)."""
    by_line: dict[int, list[LineComment | FeedbackComment]] = defaultdict(list)
    for comment in comments:
        by_line[comment.line].append(comment)
    return [
        {"number": number, "html": html, "comments": by_line.get(number, [])}
        for number, html in enumerate(highlight_lines(path=path, content=content), start=1)
    ]


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


@login_required
@require_POST
def round_comment(request: HttpRequest, round_id: int) -> HttpResponse:
    review_round = lookups.round_for(request, round_id)
    form = LineCommentForm(request.POST)
    author = request_user(request)
    path = request.POST.get("path", "")
    return _posted(
        form,
        write=lambda data: services.round_comment_add(
            review_round=review_round, author=author, **_comment_kwargs(request, data)
        ),
        done=lambda comment: _back(review_round, comment.file.path, comment.line),
        page=lambda: _round_page(request, review_round, path=path, comment_form=form),
    )


@login_required
@require_POST
def round_message(request: HttpRequest, round_id: int) -> HttpResponse:
    review_round = lookups.round_for(request, round_id)
    form = MessageForm(request.POST)
    author = request_user(request)
    return _posted(
        form,
        write=lambda data: services.round_message_add(
            review_round=review_round, author=author, body=data["body"]
        ),
        done=lambda _message: _back(review_round, anchor="messages"),
        page=lambda: _round_page(request, review_round, message_form=form),
    )


@login_required
@require_POST
def round_decision(request: HttpRequest, round_id: int) -> HttpResponse:
    review_round = lookups.round_for(request, round_id)
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


# --------------------------------------------------------------------------- feedback requests


@login_required
def feedback_ask(request: HttpRequest, submission_id: int) -> HttpResponse:
    """Ask the mentor about one of the learner's submissions (the result page posts here;
    a refusal shows this page with the message and the text kept)."""
    learner = request_user(request)
    submission = lookups.own_submission(request, submission_id)
    form = FeedbackAskForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                created = services.feedback_request_create(
                    learner=learner, submission=submission, body=form.cleaned_data["body"]
                )
            except ApplicationError as exc:
                form.add_error(None, exc.message)
            else:
                messages.success(request, f"Sent: {created.mentor.name} has been told.")
                return redirect("mentors:feedback", request_id=created.pk)
        status = 400
    context = {
        "submission": submission,
        "form": form,
        "ask": selectors.feedback_ask_get(learner=learner, submission=submission),
    }
    return render(request, "mentors/feedback_ask.html", context, status=status)


def _feedback_page(
    request: HttpRequest,
    feedback_request: FeedbackRequest,
    *,
    message_form: MessageForm | None = None,
    comment_form: LineCommentForm | None = None,
) -> HttpResponse:
    user = request_user(request)
    files = list(feedback_request.submission.files.all())
    comments = list(feedback_request.comments.all())
    if comment_form is None:
        picked_file = request.GET.get("file", "")
        picked = next((f for f in files if str(f.pk) == picked_file), files[0] if files else None)
        comment_form = LineCommentForm(
            initial={"file_id": picked.pk if picked else None, "line": request.GET.get("line")}
        )
    page_url = reverse("mentors:feedback", args=[feedback_request.pk])
    can_write = feedback_request.is_writable
    context = {
        "feedback": feedback_request,
        "submission": feedback_request.submission,
        "files": [
            {
                "file": f,
                "prefix": f"F{f.pk}-",
                "pick": f"{page_url}?{urlencode({'file': f.pk})}&line=",
                "lines": _numbered_lines(
                    path=f.path,
                    content=f.content,
                    comments=[c for c in comments if c.file_id == f.pk],
                ),
            }
            for f in files
        ],
        "comment_files": files,
        "comments": comments,
        "is_learner": feedback_request.learner_id == user.pk,
        "can_write": can_write,
        "message_form": message_form or MessageForm(),
        "comment_form": comment_form,
        "snippets": _snippets_for(user) if can_write else [],
        "insights": selectors.feedback_insights_get(user=user, feedback_request=feedback_request),
    }
    return render(request, "mentors/feedback.html", context)


@login_required
def feedback_detail(request: HttpRequest, request_id: int) -> HttpResponse:
    return _feedback_page(request, lookups.feedback_request_for(request, request_id))


@login_required
@require_POST
def feedback_message(request: HttpRequest, request_id: int) -> HttpResponse:
    feedback_request = lookups.feedback_request_for(request, request_id)
    form = MessageForm(request.POST)
    author = request_user(request)
    return _posted(
        form,
        write=lambda data: services.feedback_message_add(
            feedback_request=feedback_request, author=author, body=data["body"]
        ),
        done=lambda _message: reverse("mentors:feedback", args=[request_id]) + "#messages",
        page=lambda: _feedback_page(request, feedback_request, message_form=form),
    )


@login_required
@require_POST
def feedback_comment(request: HttpRequest, request_id: int) -> HttpResponse:
    feedback_request = lookups.feedback_request_for(request, request_id)
    form = LineCommentForm(request.POST)
    author = request_user(request)
    return _posted(
        form,
        write=lambda data: services.feedback_comment_add(
            feedback_request=feedback_request, author=author, **_comment_kwargs(request, data)
        ),
        done=lambda comment: (
            reverse("mentors:feedback", args=[request_id]) + f"#F{comment.file_id}-L{comment.line}"
        ),
        page=lambda: _feedback_page(request, feedback_request, comment_form=form),
    )


@login_required
@require_POST
def feedback_resolve(request: HttpRequest, request_id: int) -> HttpResponse:
    feedback_request = lookups.feedback_request_for(request, request_id)
    try:
        services.feedback_request_resolve(
            feedback_request=feedback_request, by=request_user(request)
        )
    except ApplicationError as exc:
        _refused(request, exc)
    else:
        messages.success(request, "Marked resolved. The conversation stays here to read.")
    return redirect("mentors:feedback", request_id=request_id)


@login_required
def feedback_list(request: HttpRequest) -> HttpResponse:
    """The learner's own requests, open first."""
    feedback_requests = selectors.feedback_request_list_for_learner(learner=request_user(request))
    page = Paginator(feedback_requests, FEEDBACK_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "mentors/feedback_list.html", {"page": page, "as_mentor": False})


@login_required
def feedback_queue(request: HttpRequest) -> HttpResponse:
    """The mentor's requests from current mentees: open (longest waiting first) or resolved."""
    user = request_user(request)
    if not user.is_mentor:
        raise PermissionDenied("Feedback requests are answered by mentors.")
    resolved = request.GET.get("status") == FeedbackRequest.Status.RESOLVED
    feedback_requests = selectors.feedback_request_list_for_mentor(
        mentor_user=user,
        status=FeedbackRequest.Status.RESOLVED if resolved else FeedbackRequest.Status.OPEN,
    )
    page = Paginator(feedback_requests, FEEDBACK_PAGE_SIZE).get_page(request.GET.get("page"))
    context = {"page": page, "as_mentor": True, "resolved": resolved}
    return render(request, "mentors/feedback_list.html", context)


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


def _certificate(code: str) -> selectors.CertificateEvidence:
    return found_or_404(
        selectors.certificate_evidence_get, "No certificate with this code", code=code
    )


def certificate(request: HttpRequest, code: str) -> HttpResponse:
    if refused := _too_many_lookups(request):
        return refused
    evidence = _certificate(code)
    context = {"certificate": evidence.certificate, "evidence": evidence}
    return render(request, "mentors/certificate.html", context)


def certificate_print(request: HttpRequest, code: str) -> HttpResponse:
    if refused := _too_many_lookups(request):
        return refused
    evidence = _certificate(code)
    context = {
        "certificate": evidence.certificate,
        "evidence": evidence,
        "verify_url": request.build_absolute_uri(reverse("mentors:certificate", args=[code])),
    }
    return render(request, "mentors/certificate_print.html", context)


def portfolio(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    learner_portfolio = found_or_404(
        selectors.portfolio_get_public, "No public portfolio here", public_id=str(public_id)
    )
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
    page = found_or_404(
        selectors.mentee_page_get,
        "No such mentee",
        user=request_user(request),
        learner_id=learner_id,
        page_number=request.GET.get("page"),
    )
    return render(request, "mentors/mentee.html", {"mentee": page})


@login_required
def mentee_submission(request: HttpRequest, learner_id: int, submission_id: int) -> HttpResponse:
    """A mentee's submission and its result as the learner sees it, read-only."""
    submission = found_or_404(
        selectors.mentee_submission_get,
        "No such submission",
        user=request_user(request),
        learner_id=learner_id,
        submission_id=submission_id,
    )
    report = submission_selectors.public_report(submission=submission)
    context = {
        "submission": submission,
        "learner": submission.learner,
        "report": report,
        "groups": submission_selectors.results_by_file(report["visible_tests"]),
        "quality_pending": submission_selectors.quality_pending(submission=submission),
        "read_only": True,
        "similar_solutions": selectors.solution_similarity_list(
            user=request_user(request), submission=submission
        ),
    }
    return render(request, "mentors/mentee_submission.html", context)


# --------------------------------------------------------------------------- comment snippets

SNIPPETS_PAGE_SIZE = 20


def _snippet_owner(request: HttpRequest) -> User:
    user = request_user(request)
    if not user.is_mentor:
        raise PermissionDenied("Comment snippets are for mentors.")
    return user


def _snippet_list_page(
    request: HttpRequest, *, form: SnippetForm | None = None, status: int = 200
) -> HttpResponse:
    mentor = _snippet_owner(request)
    page = Paginator(selectors.snippet_list(mentor=mentor), SNIPPETS_PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    context = {
        "page": page,
        "form": form or SnippetForm(),
        "snippet_max": settings.COMMENT_SNIPPETS_MAX,
    }
    return render(request, "mentors/snippets.html", context, status=status)


def _snippet_saved(
    request: HttpRequest, form: SnippetForm, save: Callable[[str, str], CommentSnippet]
) -> bool:
    """Whether a valid form was saved (`save(title, body)`); else the form says why."""
    if not form.is_valid():
        return False
    try:
        saved = save(form.cleaned_data["title"], form.cleaned_data["body"])
    except ApplicationError as exc:
        _refused_in_form(form, exc)
        return False
    messages.success(request, f"Snippet “{saved.title}” saved.")
    return True


@login_required
def snippet_list(request: HttpRequest) -> HttpResponse:
    """The mentor's snippets (paginated) with a form to add one."""
    if request.method != "POST":
        return _snippet_list_page(request)
    mentor = _snippet_owner(request)
    form = SnippetForm(request.POST)
    if _snippet_saved(
        request,
        form,
        lambda title, body: services.snippet_create(mentor=mentor, title=title, body=body),
    ):
        return redirect("mentors:snippets")
    return _snippet_list_page(request, form=form, status=400)


def _snippet(request: HttpRequest, snippet_id: int) -> CommentSnippet:
    _snippet_owner(request)
    return lookups.snippet_for(request, snippet_id)


@login_required
def snippet_edit(request: HttpRequest, snippet_id: int) -> HttpResponse:
    snippet = _snippet(request, snippet_id)
    form = SnippetForm(request.POST or None, initial={"title": snippet.title, "body": snippet.body})
    if request.method == "POST":
        if _snippet_saved(
            request,
            form,
            lambda title, body: services.snippet_update(
                snippet=snippet, mentor=request_user(request), title=title, body=body
            ),
        ):
            return redirect("mentors:snippets")
        status = 400
    else:
        status = 200
    context = {"snippet": snippet, "form": form}
    return render(request, "mentors/snippet_edit.html", context, status=status)


@login_required
@require_POST
def snippet_delete(request: HttpRequest, snippet_id: int) -> HttpResponse:
    snippet = _snippet(request, snippet_id)
    services.snippet_delete(snippet=snippet, mentor=request_user(request))
    messages.success(request, f"Snippet “{snippet.title}” deleted.")
    return redirect("mentors:snippets")
