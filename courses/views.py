"""Learner pages: catalog, enrollment, dashboard, phases, lessons, exercises."""

from __future__ import annotations

import io
import zipfile

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from config.errors import ApplicationError
from config.requests import found_or_404, request_user
from courses import selectors, services
from submissions.forms import SubmissionForm


def home(request: HttpRequest) -> HttpResponse:
    program = selectors.program_get()
    phases = program.phases_live if program is not None else []  # type: ignore[attr-defined]
    tracks = list(selectors.track_list())
    return render(
        request, "courses/home.html", {"program": program, "phases": phases, "tracks": tracks}
    )


def catalog(request: HttpRequest) -> HttpResponse:
    enrollment = selectors.enrollment_active(learner=request.user)
    return render(
        request,
        "courses/catalog.html",
        {"tracks": selectors.track_list(), "enrollment": enrollment},
    )


def track_detail(request: HttpRequest, slug: str) -> HttpResponse:
    track = selectors.track_get(slug=slug)
    if track is None:
        raise Http404("No such track")
    enrollment = selectors.enrollment_active(learner=request.user)
    modules = selectors.track_modules(track=track)
    return render(
        request,
        "courses/track_detail.html",
        {"track": track, "enrollment": enrollment, "modules": modules},
    )


@login_required
@require_POST
def enroll(request: HttpRequest, slug: str) -> HttpResponse:
    learner = request_user(request)
    track = get_object_or_404(selectors.track_list(), slug=slug)
    try:
        choice = services.enrollment_choose(learner=learner, track=track)
    except ApplicationError as exc:
        messages.error(request, exc.message)
        return redirect("courses:track", slug=slug)
    if choice.switched:
        messages.success(request, f"You are now on {track.title}. Your day count carries over.")
    else:
        messages.success(request, f"Welcome to {track.title}! Day 1 starts today.")
    return redirect("courses:dashboard")


@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    learner = request_user(request)
    enrollment = selectors.enrollment_active(learner=learner)
    if enrollment is None:
        if learner.is_mentor:  # a mentor who follows no track of their own
            return redirect("mentors:home")
        return render(request, "courses/dashboard_empty.html", {"tracks": selectors.track_list()})
    phases = selectors.roadmap_get(track=enrollment.track)
    progress = selectors.progress_get(enrollment=enrollment, phases=phases)
    return render(
        request,
        "courses/dashboard.html",
        {
            "enrollment": enrollment,
            "progress": progress,
            "catch_up": selectors.catch_up_get(progress=progress),
        },
    )


@login_required
def phase_detail(request: HttpRequest, number: int) -> HttpResponse:
    page = found_or_404(
        selectors.phase_page_get, "No such phase", learner=request_user(request), number=number
    )
    return render(request, "courses/phase_detail.html", {"page": page})


@login_required
def lesson_detail(request: HttpRequest, slug: str) -> HttpResponse:
    page = selectors.lesson_page_get(learner=request_user(request), slug=slug)
    return render(request, "courses/lesson_detail.html", vars(page))


@login_required
@require_POST
def lesson_mark(request: HttpRequest, slug: str) -> HttpResponse:
    learner = request_user(request)
    lesson = selectors.lesson_get(learner=request_user(request), slug=slug)
    if request.POST.get("done") == "0":
        services.lesson_uncomplete(learner=learner, lesson=lesson)
        messages.info(request, f"“{lesson.title}” marked as not done.")
    else:
        try:
            services.lesson_complete(learner=learner, lesson=lesson)
        except ApplicationError as exc:
            messages.error(request, exc.message)
        else:
            step = selectors.step_next(learner=learner, kind="lesson", slug=lesson.slug)
            if step is None:
                messages.success(request, f"“{lesson.title}” done: that was the last step.")
                return redirect("courses:dashboard")
            messages.success(request, f"“{lesson.title}” done. Next: {step.title}.")
            return redirect(step.url)
    return redirect("courses:lesson", slug=slug)


@login_required
def starter_download(request: HttpRequest, slug: str) -> HttpResponse:
    """A zip of the starter files and visible tests, laid out as the grader lays them out."""
    exercise = selectors.exercise_get(learner=request_user(request), slug=slug)
    files = selectors.exercise_files(exercise=exercise)
    # The subject of a "tests" exercise is the module the learner's tests import: top level.
    layout = [("", f) for f in files.starter + files.subject]
    layout += [("tests/", f) for f in files.visible_tests]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for prefix, file in layout:
            archive.writestr(f"{exercise.slug}/{prefix}{file.path}", file.content)
        archive.writestr(f"{exercise.slug}/README.md", exercise.statement_markdown)
    response = HttpResponse(buffer.getvalue(), content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="{exercise.slug}-starter.zip"'
    return response


@login_required
def exercise_detail(request: HttpRequest, slug: str) -> HttpResponse:
    learner = request_user(request)
    context = selectors.exercise_page_context(
        learner=learner,
        exercise=selectors.exercise_get(learner=learner, slug=slug),
        starting_over=request.GET.get("starter") == "1",
    )
    form = SubmissionForm(initial_files=context["start"].files)
    return render(request, "courses/exercise_detail.html", {**context, "form": form})
