"""The staff console's reads (the learner page in the admin, the programme dashboard) and
the dashboard's admin view. Each read composes the apps' own selectors; nothing here
decides anything or writes."""

from __future__ import annotations

import datetime
from collections import Counter
from dataclasses import dataclass, field

from django import forms
from django.conf import settings
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils import timezone

from accounts.models import User
from config import queueing
from courses import selectors as course_selectors
from courses.models import Enrollment
from mentors import selectors as mentor_selectors
from mentors.models import Capstone, FeedbackRequest, MentorAssignment, MentorProfile, ReviewRound
from notifications import selectors as notification_selectors
from notifications.models import Notification
from submissions import selectors as submission_selectors
from submissions.models import Submission

RECENT_SUBMISSIONS = 20
RECENT_NOTIFICATIONS = 20
DASHBOARD_WINDOW = datetime.timedelta(days=1)


@dataclass(frozen=True)
class LearnerOverview:
    """What the staff learner page shows beside the account's own fields."""

    learner: User
    enrollment: Enrollment | None
    progress: course_selectors.Progress | None
    assignment: MentorAssignment | None
    submissions: list[Submission]
    capstone: Capstone | None
    rounds: list[ReviewRound]
    notifications: list[Notification]
    feedback_requests: list[FeedbackRequest]  # the latest, open or resolved
    # Other learners' capstones sharing the most code with the latest version (staff only).
    similar_capstones: list[mentor_selectors.SimilarWork]


def learner_overview_get(*, learner: User) -> LearnerOverview:
    """Enrolment, day N, phase, pace and percentage, mentor, the latest submissions and
    feedback requests, the capstone with its rounds and the latest notifications: a constant number of queries,
    however many submissions or notifications the learner has."""
    enrollment = course_selectors.enrollment_active(learner=learner)
    progress = (
        course_selectors.progress_get(enrollment=enrollment) if enrollment is not None else None
    )
    capstone = mentor_selectors.capstone_get(learner=learner)
    rounds = list(mentor_selectors.round_list(capstone=capstone)) if capstone else []
    versions = list(capstone.versions.all()) if capstone else []
    return LearnerOverview(
        learner=learner,
        enrollment=enrollment,
        progress=progress,
        assignment=mentor_selectors.assignment_get_active(learner=learner),
        submissions=list(
            submission_selectors.learner_submissions(learner=learner)[:RECENT_SUBMISSIONS]
        ),
        capstone=capstone,
        rounds=rounds,
        notifications=notification_selectors.notification_list_recent(
            recipient=learner, limit=RECENT_NOTIFICATIONS
        ),
        feedback_requests=list(
            mentor_selectors.feedback_request_list_for_learner(learner=learner)[:RECENT_SUBMISSIONS]
        ),
        similar_capstones=(
            mentor_selectors.capstone_similar_work(capstone=capstone, version=versions[-1])
            if capstone and versions
            else []
        ),
    )


@dataclass(frozen=True)
class PhasePace:
    """Active learners whose first unfinished phase is `phase_number`, by pace."""

    phase_number: int
    phase_title: str
    paces: dict[str, int] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(self.paces.values())


@dataclass(frozen=True)
class QueueRow:
    queue: str
    waiting: int
    oldest_seconds: float | None


@dataclass(frozen=True)
class ProgrammeDashboard:
    now: datetime.datetime
    phases: list[PhasePace]
    paces: tuple[str, ...]
    mentors: list[MentorProfile]
    unassigned: int
    reviews: mentor_selectors.ReviewWaits
    grading: submission_selectors.GradingStats
    queues: list[QueueRow] | None
    workers: list[str] | None
    turnaround: mentor_selectors.TurnaroundReport

    @property
    def latency_mean(self) -> float | None:
        count = self.grading.latency_count
        return self.grading.latency_seconds_sum / count if count else None

    @property
    def latency_p50(self) -> float | None:
        return self.grading.latency_quantile(0.5)

    @property
    def latency_p90(self) -> float | None:
        return self.grading.latency_quantile(0.9)


PACES: tuple[str, ...] = ("behind", "on track", "ahead", "complete")


def learners_by_phase_and_pace() -> list[PhasePace]:
    """Every active enrolment by current phase and pace, phases in order."""
    counts: Counter[tuple[int, str, str]] = Counter()
    for progress in course_selectors.progress_list(enrollments=Enrollment.objects.active()):
        phase = progress.current_phase
        counts[(phase.number, phase.title, progress.pace)] += 1
    phases: dict[int, PhasePace] = {}
    for (number, title, pace), total in sorted(counts.items()):
        phases.setdefault(number, PhasePace(phase_number=number, phase_title=title))
        phases[number].paces[pace] = total
    return list(phases.values())


def programme_dashboard_get(*, now: datetime.datetime | None = None) -> ProgrammeDashboard:
    """The programme at a glance. Pings workers (waits WORKER_PING_SECONDS at most)."""
    now = now or timezone.now()
    depths = queueing.queue_depths()
    queues = None
    if depths is not None:
        queues = [
            QueueRow(
                queue=depth.queue,
                waiting=depth.waiting,
                oldest_seconds=(now - depth.oldest_published_at).total_seconds()
                if depth.oldest_published_at
                else None,
            )
            for depth in depths
        ]
    mentors: QuerySet[MentorProfile] = mentor_selectors.mentor_profile_list().order_by(
        "user__email"
    )
    return ProgrammeDashboard(
        now=now,
        phases=learners_by_phase_and_pace(),
        paces=PACES,
        mentors=list(mentors),
        unassigned=mentor_selectors.enrollment_list_unassigned().count(),
        reviews=mentor_selectors.review_waits_get(now=now),
        turnaround=mentor_selectors.review_turnaround_get(now=now),
        grading=submission_selectors.grading_stats_get(since=now - DASHBOARD_WINDOW),
        queues=queues,
        workers=queueing.workers_alive(timeout=float(settings.WORKER_PING_SECONDS)),
    )


def programme_dashboard(request: HttpRequest) -> HttpResponse:
    """Admin view (staff only, wrapped by `admin_view` in config/urls.py)."""
    from django.contrib import admin

    context = {
        **admin.site.each_context(request),
        "title": "Programme dashboard",
        "dashboard": programme_dashboard_get(),
    }
    return TemplateResponse(request, "admin/programme_dashboard.html", context)


class TurnaroundWindowForm(forms.Form):
    days = forms.IntegerField(
        label="Days",
        min_value=1,
        max_value=365,
        required=False,
        initial=mentor_selectors.TURNAROUND_DEFAULT_DAYS,
    )


def review_turnaround(request: HttpRequest) -> HttpResponse:
    """Admin view (staff only, wrapped by `admin_view` in config/urls.py): time to first
    response and to decision of review rounds and feedback requests, per mentor, over the
    last `?days=` days (30 unless given; an invalid value shows the error and the default)."""
    from django.contrib import admin

    form = TurnaroundWindowForm(request.GET or None)
    days = (
        form.cleaned_data["days"] if form.is_valid() else None
    ) or mentor_selectors.TURNAROUND_DEFAULT_DAYS
    context = {
        **admin.site.each_context(request),
        "title": "Review turnaround",
        "form": form,
        "report": mentor_selectors.review_turnaround_get(days=days),
    }
    return TemplateResponse(request, "admin/review_turnaround.html", context)
