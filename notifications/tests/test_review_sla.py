"""One SLA for mentors' answers (settings.REVIEW_SLA_HOURS): review rounds without a decision
and feedback requests without a first answer remind the mentor at 24 h and 48 h and are
escalated to staff at the SLA, each notification once however often beat runs."""

from __future__ import annotations

import datetime

import pytest
from django.core import mail
from django.utils import timezone

from accounts.models import User
from courses.models import Track
from mentors import services as mentor_services
from mentors.models import FeedbackRequest, ReviewRound
from mentors.tests.factories import ask_for_feedback, make_mentor, uploaded_round
from notifications import planning, tasks
from notifications.models import Kind, Notification

pytestmark = pytest.mark.django_db


def keys(user: User, kind: str) -> set[str]:
    return set(
        Notification.objects.filter(recipient=user, kind=kind).values_list("dedupe_key", flat=True)
    )


def plan(*, hours_later: float) -> planning.PlanReport:
    report = planning.PlanReport()
    now = timezone.now() + datetime.timedelta(hours=hours_later)
    planning.plan_review_waiting(now=now, report=report)
    planning.plan_feedback_waiting(now=now, report=report)
    return report


@pytest.fixture
def review_round(mentor: User, learner: User, backend_track: Track, staff: User) -> ReviewRound:
    return uploaded_round(learner, backend_track, staff=staff)


@pytest.fixture
def feedback_request(mentor: User, learner: User) -> FeedbackRequest:
    return ask_for_feedback(learner)


def test_a_round_is_escalated_at_the_configured_sla_not_a_fixed_72_hours(
    review_round: ReviewRound, mentor: User, staff: User, settings, published
) -> None:
    settings.REVIEW_SLA_HOURS = 30
    plan(hours_later=29)
    assert keys(staff, Kind.REVIEW_OVERDUE) == set()
    assert keys(mentor, Kind.REVIEW_WAITING) == {f"round:{review_round.pk}:24h"}
    plan(hours_later=31)
    assert keys(staff, Kind.REVIEW_OVERDUE) == {f"round:{review_round.pk}:30h"}
    overdue = Notification.objects.get(recipient=staff, kind=Kind.REVIEW_OVERDUE)
    assert overdue.title == "A capstone review is overdue (30 h)"
    assert "30 hours" in overdue.body


def test_an_sla_shorter_than_the_first_reminder_still_escalates(
    review_round: ReviewRound, mentor: User, staff: User, settings, published
) -> None:
    settings.REVIEW_SLA_HOURS = 12
    plan(hours_later=13)
    assert keys(staff, Kind.REVIEW_OVERDUE) == {f"round:{review_round.pk}:12h"}
    assert keys(mentor, Kind.REVIEW_WAITING) == set()


def test_an_unanswered_feedback_request_reminds_its_mentor_then_staff(
    feedback_request: FeedbackRequest, mentor: User, staff: User, published
) -> None:
    key = f"feedback:{feedback_request.pk}"
    plan(hours_later=23)
    assert keys(mentor, Kind.REVIEW_WAITING) == set()
    plan(hours_later=49)
    assert keys(mentor, Kind.REVIEW_WAITING) == {f"{key}:24h", f"{key}:48h"}
    assert keys(staff, Kind.REVIEW_OVERDUE) == set()
    plan(hours_later=73)
    assert keys(staff, Kind.REVIEW_OVERDUE) == {f"{key}:72h"}
    reminder = Notification.objects.get(recipient=mentor, dedupe_key=f"{key}:24h")
    assert (reminder.title, reminder.url) == (
        "A feedback request has waited 24 hours",
        "/mentors/feedback/asked-of-me/",
    )
    overdue = Notification.objects.get(recipient=staff, kind=Kind.REVIEW_OVERDUE)
    assert overdue.title == "A feedback request is unanswered (72 h)"
    assert overdue.url == "/admin/mentors/feedbackrequest/"


def test_the_request_escalation_is_sent_once_when_beat_runs_again(
    feedback_request: FeedbackRequest,
    mentor: User,
    staff: User,
    published,
    django_capture_on_commit_callbacks,
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        first = plan(hours_later=80)
        again = plan(hours_later=80.1)  # the next beat
    for batch in published:
        tasks.deliver_batch(notification_ids=batch)
        tasks.deliver_batch(notification_ids=batch)  # a redelivered batch
    assert first.created_by_kind[Kind.REVIEW_OVERDUE] == 1
    assert again.created == 0
    to_staff = [m for m in mail.outbox if m.to == [staff.email]]
    assert [m.subject for m in to_staff] == ["A feedback request is unanswered (72 h)"]


def test_an_answered_feedback_request_is_not_reminded(
    feedback_request: FeedbackRequest, mentor: User, staff: User, published
) -> None:
    mentor_services.feedback_message_add(
        feedback_request=feedback_request, author=mentor, body="Look at line 2."
    )
    plan(hours_later=100)
    assert keys(mentor, Kind.REVIEW_WAITING) == set()
    assert keys(staff, Kind.REVIEW_OVERDUE) == set()


def test_a_request_whose_mentor_moved_on_reaches_staff_only(
    feedback_request: FeedbackRequest,
    mentor: User,
    learner: User,
    staff: User,
    backend_track: Track,
    published,
) -> None:
    other = make_mentor("hopper@example.com", backend_track)
    mentor_services.assignment_set(
        learner=learner, mentor=other.mentor_profile, by=staff, reason="holiday"
    )
    plan(hours_later=100)
    assert keys(mentor, Kind.REVIEW_WAITING) == set()
    assert keys(other, Kind.REVIEW_WAITING) == set()
    assert keys(staff, Kind.REVIEW_OVERDUE) == {f"feedback:{feedback_request.pk}:72h"}


def test_plan_reminders_includes_feedback_requests(
    feedback_request: FeedbackRequest, staff: User, published, frozen
) -> None:
    frozen(timezone.now() + datetime.timedelta(hours=73))
    tasks.plan_reminders.apply()
    assert keys(staff, Kind.REVIEW_OVERDUE) == {f"feedback:{feedback_request.pk}:72h"}
