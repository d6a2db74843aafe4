from __future__ import annotations

import datetime

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from conftest import client_for
from notifications import planning, services, tasks
from notifications.models import Kind, LearnerActivity, Notification
from notifications.tests.conftest import at


def daily(user) -> list[str]:
    return list(
        Notification.objects.filter(recipient=user, kind=Kind.DAILY_PRACTICE).values_list(
            "dedupe_key", flat=True
        )
    )


def deliver(published: list[list[int]]) -> None:
    for batch in published:
        tasks.deliver_batch(notification_ids=batch)


def test_daily_reminder_is_sent_exactly_once_under_a_retried_task(
    make_learner, frozen, published, django_capture_on_commit_callbacks
):
    learner = make_learner(time_zone="UTC", practice_hour=18)
    frozen(at(2026, 3, 10, 18, 0))
    with django_capture_on_commit_callbacks(execute=True):
        tasks.plan_reminders.apply()
        tasks.plan_reminders.apply()  # the broker redelivers the same beat
    frozen(at(2026, 3, 10, 18, 5))
    with django_capture_on_commit_callbacks(execute=True):
        tasks.plan_reminders.apply()  # the next beat in the same hour
    deliver(published)
    deliver(published)  # and every delivery batch runs twice
    assert daily(learner) == ["2026-03-10"]
    assert [m.to for m in mail.outbox] == [[learner.email]]


def test_two_overlapping_beats_send_once(
    make_learner, frozen, published, monkeypatch, django_capture_on_commit_callbacks
):
    learner = make_learner(time_zone="Europe/London", practice_hour=18)
    frozen(at(2026, 3, 10, 18, 0))
    real_insert = planning._insert
    overlapped: list[bool] = []

    def insert_after_another_beat(**kwargs):
        # The first beat has selected its due learners; a second beat runs to the end
        # before the first one inserts.
        if not overlapped:
            overlapped.append(True)
            planning.plan_reminders()
        return real_insert(**kwargs)

    monkeypatch.setattr(planning, "_insert", insert_after_another_beat)
    with django_capture_on_commit_callbacks(execute=True):
        planning.plan_reminders()
    deliver(published)
    assert daily(learner) == ["2026-03-10"]
    assert len(mail.outbox) == 1


def test_no_reminder_when_the_learner_already_practised_today(make_learner, frozen, published):
    learner = make_learner(time_zone="UTC", practice_hour=18)
    frozen(at(2026, 3, 10, 9, 0))
    services.activity_record(learner=learner, lessons=1, minutes=30)
    frozen(at(2026, 3, 10, 18, 0))
    planning.plan_reminders()
    assert daily(learner) == []


def test_no_reminder_on_a_day_off(make_learner, frozen, published):
    tuesday_off = 0b1111101
    learner = make_learner(time_zone="UTC", practice_hour=18, practice_days=tuesday_off)
    frozen(at(2026, 3, 10, 18, 0))  # a Tuesday
    planning.plan_reminders()
    assert daily(learner) == []


@pytest.mark.parametrize(
    ("moment", "due_zone"),
    [
        (at(2026, 3, 10, 9, 0), "Asia/Tokyo"),  # 18:00 JST
        (at(2026, 3, 10, 7, 0), "Australia/Sydney"),  # 18:00 AEDT
        (at(2026, 3, 10, 18, 0), "Europe/London"),  # 18:00 GMT
        (at(2026, 3, 10, 22, 0), "America/New_York"),  # 18:00 EDT (after 8 March)
    ],
)
def test_each_learner_is_reminded_at_their_own_local_hour(
    make_learner, frozen, published, moment, due_zone
):
    zones = ["Asia/Tokyo", "Australia/Sydney", "Europe/London", "America/New_York"]
    learners = {zone: make_learner(time_zone=zone, practice_hour=18) for zone in zones}
    frozen(moment)
    planning.plan_reminders()
    reminded = {zone for zone, user in learners.items() if daily(user)}
    assert reminded == {due_zone}


def test_clock_kinds_are_planned_in_the_first_minutes_of_the_hour_or_the_hour_after(
    make_learner, frozen, published
):
    learner = make_learner(time_zone="Europe/London", practice_hour=18)
    frozen(at(2026, 1, 14, 18, 20))  # 18:20 GMT: past the planning window
    planning.plan_reminders()
    assert daily(learner) == []
    frozen(at(2026, 1, 14, 19, 5))  # the hour after catches up
    planning.plan_reminders()
    assert daily(learner) == ["2026-01-14"]


def test_half_hour_zones_are_planned_when_their_own_hour_begins(make_learner, frozen, published):
    learner = make_learner(time_zone="Asia/Kolkata", practice_hour=18)  # UTC+05:30
    frozen(at(2026, 1, 14, 12, 0))  # 17:30 in Kolkata: not yet
    planning.plan_reminders()
    assert daily(learner) == []
    frozen(at(2026, 1, 14, 12, 35))  # 18:05 in Kolkata
    planning.plan_reminders()
    assert daily(learner) == ["2026-01-14"]


def test_local_date_is_the_dedupe_key_not_the_utc_date(make_learner, frozen, published):
    learner = make_learner(time_zone="Australia/Sydney", practice_hour=8)
    frozen(at(2026, 3, 9, 21, 0))  # 08:00 on Tuesday 10 March in Sydney
    planning.plan_reminders()
    assert daily(learner) == ["2026-03-10"]


def test_dst_spring_forward_keeps_the_local_hour(make_learner, frozen, published):
    learner = make_learner(time_zone="America/New_York", practice_hour=9)
    frozen(at(2026, 3, 7, 14, 0))  # Sat 09:00 EST (UTC-5)
    planning.plan_reminders()
    frozen(at(2026, 3, 8, 12, 0))  # Sun 08:00 EDT: not yet
    planning.plan_reminders()
    assert daily(learner) == ["2026-03-07"]
    frozen(at(2026, 3, 8, 13, 0))  # Sun 09:00 EDT (UTC-4), one UTC hour earlier
    planning.plan_reminders()
    assert sorted(daily(learner)) == ["2026-03-07", "2026-03-08"]


def test_an_hour_that_does_not_exist_is_caught_up_in_the_next_hour(make_learner, frozen, published):
    learner = make_learner(time_zone="America/New_York", practice_hour=2)
    frozen(at(2026, 3, 8, 7, 0))  # 02:00 EST never happens on 8 March; this is 03:00 EDT
    planning.plan_reminders()
    assert daily(learner) == ["2026-03-08"]


def test_dst_fall_back_repeated_hour_sends_once(make_learner, frozen, published):
    learner = make_learner(time_zone="America/New_York", practice_hour=1)
    frozen(at(2026, 11, 1, 5, 10))  # 01:10 EDT
    planning.plan_reminders()
    frozen(at(2026, 11, 1, 6, 10))  # 01:10 EST, the same local hour again
    planning.plan_reminders()
    assert daily(learner) == ["2026-11-01"]
    frozen(at(2026, 11, 1, 14, 0))  # 09:00 EST: nothing more that day
    planning.plan_reminders()
    assert daily(learner) == ["2026-11-01"]


def test_day_boundary_activity_at_2359_counts_for_that_local_day_only(
    make_learner, frozen, published
):
    learner = make_learner(time_zone="Asia/Tokyo", practice_hour=0)
    frozen(at(2026, 3, 10, 14, 59, 30))  # 23:59:30 JST on 10 March
    services.activity_record(learner=learner, submissions=1)
    assert list(LearnerActivity.objects.filter(learner=learner).values_list("day", flat=True)) == [
        datetime.date(2026, 3, 10)
    ]
    frozen(at(2026, 3, 10, 15, 0))  # 00:00 JST on 11 March: a new day, not practised yet
    planning.plan_reminders()
    assert daily(learner) == ["2026-03-11"]


def test_streak_at_risk_in_the_evening_after_three_days(make_learner, frozen, published):
    learner = make_learner(time_zone="Europe/London", practice_hour=7)
    short = make_learner(time_zone="Europe/London", practice_hour=7)
    for day in (7, 8, 9):
        LearnerActivity.objects.create(learner=learner, day=datetime.date(2026, 3, day), minutes=30)
    for day in (8, 9):
        LearnerActivity.objects.create(learner=short, day=datetime.date(2026, 3, day), minutes=30)
    frozen(at(2026, 3, 10, 20, 0))
    planning.plan_reminders()
    planning.plan_reminders()
    assert Notification.objects.filter(kind=Kind.STREAK_AT_RISK).count() == 1
    assert Notification.objects.get(kind=Kind.STREAK_AT_RISK).recipient == learner


def test_inactivity_after_three_and_seven_days_once_each(make_learner, frozen, published):
    learner = make_learner(time_zone="UTC", practice_hour=18)
    LearnerActivity.objects.create(learner=learner, day=datetime.date(2026, 3, 1), minutes=30)
    for day in range(2, 12):
        frozen(at(2026, 3, day, 18, 0))
        planning.plan_reminders()
        planning.plan_reminders()
    keys = sorted(
        Notification.objects.filter(kind=Kind.INACTIVITY).values_list("dedupe_key", flat=True)
    )
    assert keys == ["3d:2026-03-01", "7d:2026-03-01"]
    titles = Notification.objects.filter(kind=Kind.INACTIVITY).values_list("title", flat=True)
    assert sorted(titles) == ["It has been 3 days", "It has been 7 days"]
    # The daily reminder gives way to the inactivity notice on those days.
    assert "2026-03-04" not in daily(learner)
    assert "2026-03-05" in daily(learner)


def test_behind_plan_at_most_weekly(make_learner, frozen, published, backend_track):
    from courses.models import Enrollment, Phase

    learner = make_learner(time_zone="UTC", practice_hour=18)
    first = Phase.objects.order_by("number")[0]
    Enrollment.objects.filter(learner=learner).update(
        started_on=datetime.date(2026, 3, 10) - datetime.timedelta(days=first.last_day + 2)
    )
    for day in range(10, 17):  # Tue 10 … Mon 16 March: two ISO weeks
        frozen(at(2026, 3, day, 18, 0))
        planning.plan_reminders()
    keys = sorted(
        Notification.objects.filter(kind=Kind.BEHIND_PLAN).values_list("dedupe_key", flat=True)
    )
    assert keys == ["2026-W11", "2026-W12"]


def test_learners_without_active_enrollment_or_in_quiet_mode_are_not_reminded(
    make_learner, frozen, published
):
    from conftest import make_user

    unenrolled = make_user("new@example.com", practice_hour=18)
    quiet = make_learner(time_zone="UTC", practice_hour=18)
    services.preferences_update(user=quiet, email_enabled=True, in_app_enabled=True, quiet=True)
    frozen(at(2026, 3, 10, 18, 0))
    planning.plan_reminders()
    assert daily(unenrolled) == [] and daily(quiet) == []


def test_in_app_only_learners_are_reminded_without_email(make_learner, frozen, published):
    learner = make_learner(time_zone="UTC", practice_hour=18)
    services.preferences_update(user=learner, email_enabled=False, in_app_enabled=True, quiet=False)
    frozen(at(2026, 3, 10, 18, 0))
    planning.plan_reminders()
    assert daily(learner) == ["2026-03-10"]
    assert published == []


def test_planner_queries_do_not_grow_with_the_number_of_learners(
    make_learner, frozen, published, django_capture_on_commit_callbacks
):
    zones = ["Asia/Tokyo", "Europe/London", "America/New_York", "UTC"]

    def count_queries() -> int:
        Notification.objects.all().delete()
        frozen(at(2026, 3, 10, 18, 0))
        with CaptureQueriesContext(connection) as queries:
            planning.plan_reminders()
        return len(queries)

    for zone in zones:
        make_learner(time_zone=zone, practice_hour=18)
    few = count_queries()
    for index in range(20):
        make_learner(time_zone=zones[index % 4], practice_hour=18)
    many = count_queries()
    assert Notification.objects.count() == 12  # the London and UTC learners: 18:00 there
    assert many == few
    assert many <= 20


def test_announcement_reaches_every_learner_on_the_track_once(learner, outsider, published):
    announcement = {
        "track_id": learner.enrollments.get().track_id,
        "title": "Office hours",
        "body": "Friday 5pm",
        "url": "",
        "dedupe_key": "announcement:1",
    }
    sent = planning.announcement_send(**announcement)
    again = planning.announcement_send(**announcement)  # a retried task
    assert (sent, again) == (1, 0)
    assert Notification.objects.filter(kind=Kind.ANNOUNCEMENT).get().recipient == learner


def test_a_capstone_deadline_reminder_links_to_the_learners_capstone_page(
    learner, staff, backend_track, learner_client, published
):
    from mentors.tests.factories import started_capstone

    capstone = started_capstone(learner, backend_track, staff=staff)
    now = at(2026, 3, 10, 12, 0)  # midday in the learner's zone (UTC): due 3 local dates on
    capstone.due_at = now + datetime.timedelta(days=3, hours=1)
    capstone.save(update_fields=["due_at"])
    report = planning.PlanReport()
    planning.plan_capstone_deadlines(now=now, report=report)
    reminder = Notification.objects.get(recipient=learner, kind=Kind.CAPSTONE_DEADLINE)
    assert reminder.url == "/mentors/capstone/"
    assert reminder.title == "Capstone due in 3 days"
    assert reminder.body.startswith("Your capstone deadline is close. Upload what you have")
    assert learner_client.get(reminder.url).status_code == 200


def test_review_reminders_link_the_mentor_to_the_queue_and_staff_to_the_rounds(
    mentor, learner, staff, backend_track, staff_client, published
):
    from mentors import services as mentor_services
    from mentors.tests.factories import PROJECT, started_capstone, upload, zip_bytes

    mentor_services.waiting_learners_assign()
    started_capstone(learner, backend_track, staff=staff)
    mentor_services.capstone_upload(learner=learner, upload=upload(zip_bytes(PROJECT)))
    report = planning.PlanReport()
    planning.plan_review_waiting(now=timezone.now() + datetime.timedelta(hours=73), report=report)
    waiting = Notification.objects.filter(recipient=mentor, kind=Kind.REVIEW_WAITING)
    overdue = Notification.objects.get(recipient=staff, kind=Kind.REVIEW_OVERDUE)
    assert {n.url for n in waiting} == {"/mentors/reviews/"}
    assert {n.title for n in waiting} == {
        "A capstone review has waited 24 hours",
        "A capstone review has waited 48 hours",
    }
    assert overdue.url == "/admin/mentors/reviewround/"
    assert client_for(mentor).get("/mentors/reviews/").status_code == 200
    assert staff_client.get(overdue.url).status_code == 200
