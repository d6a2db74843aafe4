"""The staff learner page (the user's admin change page) and readable practice days."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from accounts.forms import WeekdaysField
from accounts.models import User
from courses.models import Track
from mentors import services as mentor_services
from notifications.models import Kind, Notification
from submissions.models import Submission
from submissions.tests.factories import GradedSubmissionFactory

pytestmark = pytest.mark.django_db


def page(client: Client, user: User) -> Any:
    response = client.get(f"/admin/accounts/user/{user.pk}/change/")
    assert response.status_code == 200
    return response


def notify(learner: User, key: str, title: str) -> None:
    Notification.objects.create(
        recipient=learner, kind=Kind.ANNOUNCEMENT, dedupe_key=key, title=title
    )


def queries_of_page(client: Client, user: User) -> int:
    with CaptureQueriesContext(connection) as queries:
        page(client, user)
    return len(queries)


def test_the_learner_page_shows_enrolment_progress_mentor_submissions_and_notifications(
    mentor: User, learner: User, staff_client: Client
) -> None:
    submission = GradedSubmissionFactory.create(learner=learner)
    notify(learner, "hello", "Welcome aboard")
    html = page(staff_client, learner).content.decode()
    assert "Backend" in html  # the track of the enrolment
    assert "day 1 of" in html
    assert "Phase 1" in html
    assert "0% done" in html
    assert mentor.email in html
    assert f"/admin/submissions/submission/{submission.pk}/change/" in html
    assert "Welcome aboard" in html
    assert "Not started." in html  # no capstone yet


def test_the_learner_page_shows_the_capstone_and_its_rounds(
    mentor: User, learner: User, backend_track: Track, staff: User, staff_client: Client
) -> None:
    mentor_services.capstone_unlock(learner=learner, track=backend_track, by=staff)
    capstone = mentor_services.capstone_start(learner=learner)
    html = page(staff_client, learner).content.decode()
    assert f"/admin/mentors/capstone/{capstone.pk}/change/" in html
    assert "No review rounds yet." in html


def test_a_user_without_an_enrolment_still_has_a_page(staff: User, staff_client: Client) -> None:
    html = page(staff_client, staff).content.decode()
    assert "not enrolled" in html


def test_the_learner_page_costs_the_same_queries_for_one_or_many_submissions(
    mentor: User, learner: User, staff_client: Client
) -> None:
    GradedSubmissionFactory.create(learner=learner)
    notify(learner, "n0", "One")
    one = queries_of_page(staff_client, learner)
    for index in range(8):
        GradedSubmissionFactory.create(learner=learner, status=Submission.Status.PASSED)
        notify(learner, f"n{index + 1}", "More")
    many = queries_of_page(staff_client, learner)
    assert many == one
    assert many <= 40


def test_practice_days_read_as_weekdays_in_the_list(learner: User, staff_client: Client) -> None:
    User.objects.filter(pk=learner.pk).update(practice_days=0b0010101)  # Mon, Wed, Fri
    html = staff_client.get("/admin/accounts/user/").content.decode()
    assert "Mon, Wed, Fri" in html


def test_practice_days_are_ticked_per_weekday_and_saved_as_the_mask(
    learner: User, staff_client: Client
) -> None:
    User.objects.filter(pk=learner.pk).update(practice_days=0b1000001)  # Mon, Sun
    html = page(staff_client, learner).content.decode()
    assert 'name="practice_days" value="0"' in html and 'value="6"' in html
    data = {
        "email": learner.email,
        "display_name": learner.display_name,
        "time_zone": "UTC",
        "practice_hour": 18,
        "daily_goal_minutes": 60,
        "practice_days": ["1", "3"],
        "is_active": "on",
    }
    response = staff_client.post(f"/admin/accounts/user/{learner.pk}/change/", data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    learner.refresh_from_db()
    assert learner.practice_days == 0b0001010  # Tue, Thu
    assert learner.practice_days_label == "Tue, Thu"


def test_the_weekdays_field_turns_a_mask_into_days_and_back() -> None:
    field = WeekdaysField(required=False)
    assert field.prepare_value(0b1010001) == [0, 4, 6]
    assert field.clean(["0", "4", "6"]) == 0b1010001
    assert field.clean([]) == 0
    assert field.has_changed(0b1, ["0"]) is False
    assert field.has_changed(0b1, ["0", "1"]) is True
